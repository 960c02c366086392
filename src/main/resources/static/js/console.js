// Progressive enhancement only: every page works without this file (plain links and forms).
// After htmx swaps a result region, move focus to it so keyboard and screen-reader users land on
// the new content instead of at the top of the page.
document.addEventListener('htmx:afterSwap', function (event) {
  var target = event.detail.target;
  if (target && target.hasAttribute('data-focus-after-swap')) {
    target.focus({preventScroll: true});
  }
});
