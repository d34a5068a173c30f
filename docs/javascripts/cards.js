/* Deck builder for the behaviour cards page.
   Each competency's cards, in both languages, come in a file of their own
   (cards/decks/<id>.js, loaded by the page before this script), which adds them to
   window.guideCardDecks; they go into <template id="guide-card-pool">, in the order
   the page loaded them (the catalogue's), all of one language before the other.
   This script picks the cards the trainer asks for, lays them out nine per sheet,
   and keeps the choice in the address (?competencies=a,b&kinds=adopt,tip&levels=1,2&lang=fr-en,
   competencies only in a catalogue of several) so a
   deck can be shared. For a duplex deck ("en-fr": English fronts, "fr-en": French
   fronts; "bi" is the older name of "en-fr"), each front sheet is followed by its
   back sheet in the other language with every row mirrored, so after a long-edge
   flip each card's back is its own translation. No server, no request. */
(function () {
  "use strict";
  var builder = document.querySelector(".guide-deck-builder");
  var pool = document.getElementById("guide-card-pool");
  var sheets = document.querySelector(".guide-sheets");
  if (!builder || !pool || !sheets) return;
  var decks = window.guideCardDecks || [];
  pool.innerHTML = ["en", "fr"].map(function (lang) {
    return decks.map(function (deck) { return deck[lang] || ""; }).join("");
  }).join("");

  var PER_SHEET = 9, COLUMNS = 3;
  var LANGS = ["en", "fr", "en-fr", "fr-en"];
  var pageLang = sheets.getAttribute("data-page-lang");
  var sheetWord = sheets.getAttribute("data-sheet-label");
  var countWord = sheets.getAttribute("data-count-label");
  var countLabel = document.querySelector(".guide-deck-count");

  function values(name) {
    return Array.prototype.map.call(builder.querySelectorAll('input[name="' + name + '"]'),
      function (input) { return input.value; });
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    var pick = function (name, all) {
      var asked = params.get(name);
      if (asked === null) return all;
      return asked.split(",").filter(function (v) { return all.indexOf(v) !== -1; });
    };
    var lang = params.get("lang");
    if (lang === "bi") lang = "en-fr";  // addresses shared before French-front decks
    return {
      competencies: pick("competencies", values("competency")),
      kinds: pick("kinds", values("kind")),
      levels: pick("levels", values("level")),
      lang: LANGS.indexOf(lang) !== -1 ? lang : pageLang
    };
  }

  function readForm() {
    var checked = function (name) {
      return Array.prototype.filter.call(builder.querySelectorAll('input[name="' + name + '"]'),
        function (input) { return input.checked; }).map(function (input) { return input.value; });
    };
    return { competencies: checked("competency"), kinds: checked("kind"), levels: checked("level"),
             lang: checked("lang")[0] || pageLang };
  }

  function writeForm(state) {
    builder.querySelectorAll("input").forEach(function (input) {
      var list = input.name === "competency" ? state.competencies : input.name === "kind" ? state.kinds :
        input.name === "level" ? state.levels : [state.lang];
      input.checked = list.indexOf(input.value) !== -1;
    });
  }

  function writeAddress(state) {
    var params = new URLSearchParams();
    // Only a catalogue offers a choice of competencies (one competency has no such boxes).
    if (values("competency").length) params.set("competencies", state.competencies.join(","));
    params.set("kinds", state.kinds.join(","));
    params.set("levels", state.levels.join(","));
    params.set("lang", state.lang);
    window.history.replaceState(null, "", "?" + params.toString());
  }

  function cards(lang, state) {
    return Array.prototype.filter.call(pool.content.querySelectorAll('.guide-card[data-lang="' + lang + '"]'),
      function (card) {
        var kind = card.getAttribute("data-kind");
        if (state.kinds.indexOf(kind) === -1) return false;
        if (values("competency").length && state.competencies.indexOf(card.getAttribute("data-competency")) === -1) return false;
        return kind !== "level" || state.levels.indexOf(card.getAttribute("data-level")) !== -1;
      });
  }

  function sheet(number, list, mirrored) {
    var section = document.createElement("section");
    section.className = "guide-sheet" + (mirrored ? " guide-sheet--back" : "");
    section.setAttribute("aria-label", sheetWord + " " + number);
    // On screen, each sheet says where it starts (the region's name already says it to a screen reader).
    var label = document.createElement("p");
    label.className = "guide-sheet__label";
    label.setAttribute("aria-hidden", "true");
    label.textContent = sheetWord + " " + number;
    section.appendChild(label);
    var slots = list.slice();
    if (mirrored) {
      // Pad to full rows, then reverse each row: column c lands on column 4 − c.
      while (slots.length % COLUMNS) slots.push(null);
      var rows = [];
      for (var i = 0; i < slots.length; i += COLUMNS) rows.push(slots.slice(i, i + COLUMNS).reverse());
      slots = [].concat.apply([], rows);
    }
    slots.forEach(function (card) {
      var node = card ? card.cloneNode(true) : document.createElement("div");
      if (!card) node.className = "guide-card guide-card--blank";
      section.appendChild(node);
    });
    return section;
  }

  // Only level behaviour cards have a level: the level boxes apply, and can be used, only
  // while that kind is chosen.
  function showLevelsApply(state) {
    var box = builder.querySelector('input[name="level"]');
    var fieldset = box && box.closest("fieldset");
    if (fieldset) fieldset.disabled = state.kinds.indexOf("level") === -1;
  }

  function build(state) {
    showLevelsApply(state);
    var sides = state.lang.split("-");  // "fr-en": French fronts, English backs
    var fronts = cards(sides[0], state);
    var backs = sides.length === 2 ? cards(sides[1], state) : null;
    var fragment = document.createDocumentFragment(), number = 0;
    for (var start = 0; start < fronts.length; start += PER_SHEET) {
      fragment.appendChild(sheet(++number, fronts.slice(start, start + PER_SHEET), false));
      if (backs) fragment.appendChild(sheet(++number, backs.slice(start, start + PER_SHEET), true));
    }
    sheets.replaceChildren(fragment);
    if (countLabel) countLabel.textContent = countWord.replace("{count}", String(fronts.length));
  }

  builder.addEventListener("change", function () {
    var state = readForm();
    writeAddress(state);
    build(state);
  });
  // Show the deck an address asks for ("lang=fr&competencies=a"), as if the page had
  // been opened at it: the build prints every deck from one load of the page.
  window.guideDeck = function (query) {
    window.history.replaceState(null, "", "?" + query);
    var state = readAddress();
    writeForm(state);
    build(state);
    return true;
  };
  var initial = readAddress();
  writeForm(initial);
  build(initial);
})();
