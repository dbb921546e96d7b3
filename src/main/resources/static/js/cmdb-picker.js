// The configuration item picker on the ticket forms: choosing an item in the choices (select[data-fills]) puts the
// name tickets give it into the field whose id the select names. Typing in that field searches again (htmx).
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!(select instanceof HTMLSelectElement) || !select.dataset.fills || !select.value) {
    return;
  }
  var field = document.getElementById(select.dataset.fills);
  if (field) {
    field.value = select.value;
    field.focus();
  }
});
