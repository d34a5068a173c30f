/* The run sheet's session details: date, start time, place and facilitator.
   They live in the address (?date=2026-12-03&start=09:30&place=…&facilitator=…), so a
   filled-in sheet can be shared like a deck, and are written onto the sheet as
   text only (never as HTML: an address is anyone's to write). The timetable is
   recomputed from the start time. With ?pack=1 the page shows, after the sheet, the
   rest of the facilitator's pack (question cards, deck) from its <template>.
   No server, no request, nothing stored. */
(function () {
  "use strict";
  var form = document.querySelector(".guide-rs-form");
  var sheet = document.querySelector(".guide-run-sheet");
  if (!form || !sheet) return;

  var FIELDS = ["date", "start", "place", "facilitator"];
  var MAX = Number(form.getAttribute("data-max"));  // the text inputs' maxlength
  var TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  // Direction controls (an override would print "Room" as "mooR") and halves of a
  // character (lone surrogates) have no place in a detail: dropped. Other control
  // characters (line breaks, tabs, C1) become spaces.
  var DIRECTION = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
  var CONTROL = /\p{Cc}/gu;
  var defaultStart = sheet.getAttribute("data-start");
  var lang = document.documentElement.lang || "en";

  // At most MAX UTF-16 units, as the input's maxlength counts, ended after a whole
  // character as a person sees it (an emoji, a family, a letter with its accents).
  function cut(value) {
    if (value.length <= MAX) return value;
    var out = "";
    var parts = typeof Intl.Segmenter === "function"
      ? new Intl.Segmenter(lang, { granularity: "grapheme" }).segment(value) : Array.from(value);
    for (var part of parts) {
      var piece = typeof part === "string" ? part : part.segment;
      if (out.length + piece.length > MAX) break;
      out += piece;
    }
    return out;
  }

  function clean(name, value) {
    value = cut((value || "").replace(DIRECTION, "").replace(CONTROL, " ").trim()).trim();
    if (name === "start") return TIME.test(value) ? value : defaultStart;
    if (name === "date") return DATE.test(value) ? value : "";
    return value;
  }

  function clock(start, minutes) {
    var parts = start.split(":"), total = Number(parts[0]) * 60 + Number(parts[1]) + minutes;
    var h = Math.floor(total / 60) % 24, m = total % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  // A clock time as the page's language writes it: "09:30", or « 9 h 30 » (« 14 h » on the
  // hour) in French; the same rule as shown_time in hooks/guide/render/diagrams.py.
  function shownTime(hhmm) {
    if (!/^fr/.test(lang)) return hhmm;
    var parts = hhmm.split(":");
    return Number(parts[0]) + "\u00a0h" + (parts[1] === "00" ? "" : "\u00a0" + parts[1]);
  }

  function shownSpan(begin, end) {
    return /^fr/.test(lang) ? shownTime(begin) + "\u00a0– " + shownTime(end) : begin + "–" + end;
  }

  function shownDate(iso) {
    if (!iso) return "";
    var parts = iso.split("-").map(Number);
    var day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    // 2026-02-31 would roll over to March, and years 0-99 to the 1900s: only a real day shows.
    if (isNaN(day.getTime()) || day.getUTCFullYear() !== parts[0] || day.getUTCMonth() !== parts[1] - 1 ||
        day.getUTCDate() !== parts[2]) return "";
    return new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: "UTC" }).format(day);
  }

  function show(state) {
    FIELDS.forEach(function (name) {
      var cell = sheet.querySelector('[data-rs="' + name + '"]');
      if (cell) cell.textContent = name === "date" ? shownDate(state.date) : name === "start" ? shownTime(state.start) : state[name];
    });
    sheet.querySelectorAll(".guide-rs-time").forEach(function (span) {
      var offset = Number(span.getAttribute("data-offset")), minutes = Number(span.getAttribute("data-minutes"));
      span.textContent = shownSpan(clock(state.start, offset), clock(state.start, offset + minutes));
    });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search), state = {};
    FIELDS.forEach(function (name) { state[name] = clean(name, params.get(name)); });
    return state;
  }

  function fromForm() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = clean(name, form.elements[name].value); });
    return state;
  }

  function toAddress(state) {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      if (state[name] && !(name === "start" && state[name] === defaultStart)) params.set(name, state[name]);
      else params.delete(name);
    });
    var query = params.toString();
    window.history.replaceState(null, "", (query ? "?" + query : window.location.pathname) + window.location.hash);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", function () {
    var state = fromForm();
    toAddress(state);
    show(state);
  });
  // ?pack=1: the facilitator's pack, the run sheet followed by the question cards and the deck.
  // guidePack does it on a loaded page, so the build prints sheet and pack from one load.
  var pack = document.getElementById("guide-pack"), packShown = false;
  window.guidePack = function () {
    if (!pack) return false;
    if (!packShown) sheet.after(pack.content.cloneNode(true));
    packShown = true;
    return true;
  };
  if (new URLSearchParams(window.location.search).get("pack") === "1") window.guidePack();
  var initial = fromAddress();
  FIELDS.forEach(function (name) { form.elements[name].value = initial[name]; });
  show(initial);
})();
