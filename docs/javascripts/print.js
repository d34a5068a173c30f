/* Print buttons ([data-guide-print]) open the browser's print dialog.
   A file, not an onclick attribute: the pages' Content-Security-Policy allows
   no inline script. ?paper=a4 or ?paper=letter in the address prints on that
   paper (a named CSS page, guide.css): the build prints its PDFs that way,
   calling guidePaper to print a loaded page again on the other paper. */
(function () {
  "use strict";
  var PAPERS = ["a4", "letter"];
  window.guidePaper = function (paper) {
    if (PAPERS.indexOf(paper) < 0) return false;
    var classes = document.documentElement.classList;
    PAPERS.forEach(function (name) { classes.remove("guide-paper-" + name); });
    classes.add("guide-paper-" + paper);
    return true;
  };
  window.guidePaper(new URLSearchParams(window.location.search).get("paper"));
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("[data-guide-print]");
    if (button) window.print();
  });
})();
