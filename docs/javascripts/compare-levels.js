/* Levels side by side: the levels and the view chosen live in the address,
   so "compare levels 2 and 3" can be sent as a link (?levels=2,3&view=cumulative).
   The page works without this script (the stylesheet follows the form's
   controls); this only reads the address into the controls and writes the
   reader's choice back. The address is anyone's to write: it is matched
   against a strict pattern and against the levels the page has, and only
   ever sets a control's state, never text or markup. */
(function () {
  "use strict";
  var root = document.querySelector(".guide-compare[data-levels]");
  if (!root) return;
  var boxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox][data-compare-level]"));
  var known = boxes.map(function (box) { return box.value; });
  var views = Array.prototype.slice.call(root.querySelectorAll("input[type=radio][name=compare-view]"));

  function wantedLevels(raw) {
    if (raw === null || !/^[0-9]{1,2}(,[0-9]{1,2}){0,9}$/.test(raw)) return null;
    var wanted = raw.split(",").map(function (n) { return String(parseInt(n, 10)); });
    var allKnown = wanted.every(function (n) { return known.indexOf(n) !== -1; });
    return allKnown ? wanted : null;
  }

  var params = new URLSearchParams(window.location.search);
  var wanted = wantedLevels(params.get("levels"));
  if (wanted) boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
  var view = params.get("view");
  views.forEach(function (radio) { if (radio.value === view) radio.checked = true; });

  root.addEventListener("change", function () {
    var url = new URL(window.location.href);
    var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    if (chosen.length === boxes.length) url.searchParams.delete("levels");
    else url.searchParams.set("levels", chosen.join(","));
    var current = views.filter(function (radio) { return radio.checked; })[0];
    if (!current || current === views[0]) url.searchParams.delete("view");
    else url.searchParams.set("view", current.value);
    // URLSearchParams writes the comma as %2C; the address keeps it readable.
    window.history.replaceState(null, "", url.pathname + url.search.replace(/%2C/g, ",") + url.hash);
  });
})();
