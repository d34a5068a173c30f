/* Print buttons ([data-guide-print]) open the browser's print dialog.
   A file, not an onclick attribute: the pages' Content-Security-Policy allows
   no inline script. ?paper=a4 or ?paper=letter in the address prints on that
   paper (a named CSS page, guide.css): the build prints its PDFs that way. */
(function () {
  "use strict";
  var paper = new URLSearchParams(window.location.search).get("paper");
  if (paper === "a4" || paper === "letter") document.documentElement.classList.add("guide-paper-" + paper);
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("[data-guide-print]");
    if (button) window.print();
  });
})();
