// Global search in the top bar, without inline script (Content-Security-Policy). "/" puts the cursor in the box
// unless the person is typing in another field; htmx fills the suggestions under it as they type (the box's
// hx-get); arrow keys move through the suggestions, Enter opens the one chosen (without one, the form searches
// for what was typed: a ticket number opens that ticket), Escape closes the list.
(function () {
  var form = document.getElementById('global-search');
  var box = document.getElementById('global-search-q');
  var list = document.getElementById('search-suggestions');
  if (!form || !box || !list) {
    return;
  }

  function suggestions() {
    return Array.prototype.slice.call(list.querySelectorAll('.yw-suggestion'));
  }

  function chosen() {
    return list.querySelector('.yw-suggestion.active');
  }

  function choose(item) {
    suggestions().forEach(function (each) {
      each.classList.remove('active');
      each.setAttribute('aria-selected', 'false');
    });
    if (item) {
      item.classList.add('active');
      item.setAttribute('aria-selected', 'true');
      box.setAttribute('aria-activedescendant', item.id);
      item.scrollIntoView({ block: 'nearest' });
    } else {
      box.removeAttribute('aria-activedescendant');
    }
  }

  function show(shown) {
    list.classList.toggle('show', shown);
    box.setAttribute('aria-expanded', shown ? 'true' : 'false');
    if (!shown) {
      choose(null);
    }
  }

  function isOpen() {
    return list.classList.contains('show');
  }

  function typingIn(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  box.addEventListener('keydown', function (event) {
    var all = suggestions();
    var index = all.indexOf(chosen());
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (all.length === 0) {
        return;
      }
      event.preventDefault();
      show(true);
      var next = event.key === 'ArrowDown' ? index + 1 : index - 1;
      choose(all[(next + all.length) % all.length]);
    } else if (event.key === 'Enter' && isOpen() && index >= 0) {
      event.preventDefault();
      window.location.assign(all[index].href);
    } else if (event.key === 'Escape' && isOpen()) {
      // the list closes; the text stays (a search box would otherwise clear itself)
      event.preventDefault();
      show(false);
    }
  });

  // an answer for a box emptied meanwhile is empty itself: the list closes
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target === list) {
      show(box.value.trim() !== '' && list.children.length > 0);
    }
  });

  box.addEventListener('focus', function () {
    if (box.value.trim() !== '' && list.children.length > 0) {
      show(true);
    }
  });

  document.addEventListener('click', function (event) {
    if (!form.contains(event.target)) {
      show(false);
    }
  });
})();
