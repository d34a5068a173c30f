/* Print buttons ([data-guide-print]) open the browser's print dialog.
   A file, not an onclick attribute: the pages' Content-Security-Policy allows
   no inline script. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("[data-guide-print]");
    if (button) window.print();
  });
})();
