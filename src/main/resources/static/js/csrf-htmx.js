// Sends the console's CSRF token with every htmx request (the token and the header name come
// from the meta tags of templates/fragments/csrf.html). Kept as a file, not inline, because the
// Content-Security-Policy allows only the application's own scripts.
(function () {
  'use strict';
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });
})();
