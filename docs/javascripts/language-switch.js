/* The language switcher lands on the same place. Material's links lead to the
   other language's version of the page; this adds where the reader is now:
   the anchor (ids are the same in both languages, they come from the content's
   ids) and the query string (the cards page keeps the chosen deck there). It
   reads them when the link is used, so a deck changed a moment ago counts. */
(function () {
  "use strict";
  function carry(link) {
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.search = window.location.search;
    url.hash = window.location.hash;
    link.setAttribute("href", url.href);
  }
  ["pointerover", "focusin", "mousedown", "touchstart", "click", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
      if (link) carry(link);
    }, true);
  });
})();
