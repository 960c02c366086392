// Progressive enhancement only: every page works without this file (plain links and forms).
// After htmx swaps a result region, move focus to it so keyboard and screen-reader users land on
// the new content instead of at the top of the page.
document.addEventListener('htmx:afterSwap', function (event) {
  var target = event.detail.target;
  if (target && target.hasAttribute('data-focus-after-swap')) {
    target.focus({preventScroll: true});
  }
});
// Content an htmx request brought in may name the element to continue from (the saved reason of
// an annotated row, or the message of a refused form): the swapped-out form had the focus.
document.addEventListener('htmx:load', function (event) {
  var target = event.detail.elt && event.detail.elt.querySelector
      ? (event.detail.elt.matches('[data-autofocus]') ? event.detail.elt : event.detail.elt.querySelector('[data-autofocus]'))
      : null;
  if (target) {
    target.focus({preventScroll: false});
  }
});
// Upload progress of the appendix import: htmx reports the XHR's progress events; the bar is
// inside the form's hx-indicator, so it is visible only while the request runs.
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = document.getElementById('import-progress');
  if (bar && event.detail.lengthComputable && event.detail.total > 0) {
    var percent = Math.round(event.detail.loaded * 100 / event.detail.total);
    bar.value = percent;
    bar.textContent = percent + '%';
  }
});
document.addEventListener('htmx:beforeRequest', function (event) {
  var bar = document.getElementById('import-progress');
  if (bar && event.detail.elt && event.detail.elt.id === 'import-form') {
    bar.value = 0;
  }
});
