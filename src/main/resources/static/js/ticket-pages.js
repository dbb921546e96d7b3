// The service desk's pages, without inline script (Content-Security-Policy):
// Ctrl+Enter (⌘+Enter) submits the form being typed in; "select all" ticks every ticket of a list for a bulk action;
// opening an action form puts the cursor in its first field; the list's bulk bar shows once a ticket is ticked; the
// list's "more filters" fold stays as the person last left it (it opens by itself when one of its filters is set).
(function () {
  var MORE_FILTERS = 'yunwei.tickets.moreFilters';

  function bulkBar() {
    var form = document.getElementById('bulk-form');
    if (form) {
      form.classList.toggle('yw-bulk-idle', !document.querySelector('input.yw-select:checked')
          && !form.querySelector('.is-invalid'));
    }
  }

  function rememberedFilters() {
    var fold = document.getElementById('more-filters');
    if (fold && !fold.open && window.localStorage && localStorage.getItem(MORE_FILTERS) === 'open') {
      fold.open = true;
    }
  }

  document.addEventListener('DOMContentLoaded', rememberedFilters);
  document.addEventListener('htmx:afterSwap', function () {
    rememberedFilters();
    bulkBar();
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) {
      return;
    }
    var field = event.target;
    var form = field && field.form;
    if (form) {
      event.preventDefault();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }
  });

  document.addEventListener('change', function (event) {
    var all = event.target;
    if (!all.classList || !all.classList.contains('yw-select-all')) {
      return;
    }
    document.querySelectorAll('input.yw-select').forEach(function (box) {
      box.checked = all.checked;
    });
  });

  document.addEventListener('change', function (event) {
    if (event.target.classList && (event.target.classList.contains('yw-select')
        || event.target.classList.contains('yw-select-all'))) {
      bulkBar();
    }
  });

  document.addEventListener('toggle', function (event) {
    if (event.target.id === 'more-filters' && window.localStorage) {
      localStorage.setItem(MORE_FILTERS, event.target.open ? 'open' : 'closed');
    }
  }, true);

  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (details.tagName !== 'DETAILS' || !details.open || !details.classList.contains('yw-action')) {
      return;
    }
    var first = details.querySelector('textarea, select, input:not([type=hidden])');
    if (first) {
      first.focus();
    }
  }, true);
})();
