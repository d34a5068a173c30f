/* Print buttons (run sheet, cards) print the page. In a script file rather
   than an onclick attribute, so a Content-Security-Policy can forbid inline code. */
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element && event.target.closest("button.guide-print");
  if (button) window.print();
});
