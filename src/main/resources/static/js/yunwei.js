// Sends the CSRF token with every htmx request; pages keep no inline script (Content-Security-Policy).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// The notification bell (#notification-bell) refreshes itself every 30 s through htmx. Each refresh renews the
// session, so it stops while the tab is hidden and once the person has done nothing for data-idle-limit seconds:
// an idle session still times out.
(function () {
  var lastActivity = Date.now();
  ['keydown', 'mousedown', 'mousemove', 'scroll', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () { lastActivity = Date.now(); }, { passive: true });
  });
  document.addEventListener('htmx:beforeRequest', function (event) {
    var bell = event.detail.elt;
    if (!bell || bell.id !== 'notification-bell') {
      return;
    }
    var limit = parseInt(bell.getAttribute('data-idle-limit') || '0', 10) * 1000;
    if (document.hidden || (limit > 0 && Date.now() - lastActivity > limit)) {
      event.preventDefault();
    }
  });
})();
