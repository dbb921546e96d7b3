// The service desk's pages, without inline script (Content-Security-Policy):
// Ctrl+Enter (⌘+Enter) submits the form being typed in; "select all" ticks every ticket of a list for a bulk action;
// opening an action form puts the cursor in its first field.
(function () {
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
