/*
  search.js: starts Pagefind's search interface on search.html.

  Pagefind fetches its index files, which browsers refuse for pages opened
  from disk (file:); there the page shows its explanation instead of a
  search box that cannot work.  The interface itself (pagefind-ui.js) is
  written by Pagefind into OUT/html/pagefind/ when the site is indexed.
*/
(function () {
  'use strict';
  var container = document.getElementById('search');
  var notice = document.getElementById('search-unavailable');
  if (!container) { return; }
  if (window.location.protocol === 'file:' || typeof window.PagefindUI !== 'function') {
    if (notice) { notice.hidden = false; }
    return;
  }
  // Pagefind imports its modules from bundlePath: it must be an absolute
  // address, so the site works from any folder of a static host.
  var bundle = new URL(container.getAttribute('data-pagefind-bundle') || 'pagefind/',
                       window.location.href).href;
  new window.PagefindUI({
    element: '#search',
    bundlePath: bundle,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: false
  });
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) {
    window.setTimeout(function () {
      var input = container.querySelector('input');
      if (input) {
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, 0);
  }
}());
