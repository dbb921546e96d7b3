// the print buttons of the organisation chart and the service flow: the page's print style leaves the drawing alone
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-yw-print]');
  if (button) {
    event.preventDefault();
    window.print();
  }
});
