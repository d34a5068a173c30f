/* Private self-assessment (the self-assessment page).
   The page renders the form: one checkbox and one note per level behaviour.
   This script keeps the answers in localStorage (same key in both languages,
   never sent anywhere), suggests the level consistently shown (a level counts
   when its behaviours and all those below are ticked), lists the next steps with
   their tips, and downloads, imports, prints or erases the answers. Every word
   it shows comes from the page (data-label-* attributes); text the reader typed
   or imported is only ever set as textContent.

   Several tabs may show the page at once, and the guide changes under stored
   answers. So a tab never writes its whole state: each write re-reads what is
   stored and changes only the answers this tab was just given (ticked, typed,
   imported, erased), and every tab follows the others through `storage` events.
   An answer erased in one tab is thus never written back by another, which has
   no reason to touch it. Answers to ids the page no longer shows (a behaviour
   renamed or removed) are kept, listed apart, until the reader clears them.
   Answers are looked up by id in objects without a prototype: an id such as
   `constructor` or `__proto__` is an id like any other. */
(function () {
  "use strict";
  var form = document.getElementById("guide-sa");
  var result = document.getElementById("guide-sa-result");
  if (!form || !result) return;

  var FORMAT = "collaboration-guide-self-assessment", VERSION = 1;
  var key = form.getAttribute("data-storage-key");
  var message = document.querySelector("[data-sa-message]");
  var behaviours = Array.prototype.slice.call(form.querySelectorAll(".guide-sa-behaviour"));
  var noteMax = Number(form.getAttribute("data-note-max"));  // NOTE_MAX, for answers to ids not shown
  var keptBox = document.querySelector("[data-sa-kept]");
  function map() { return Object.create(null); }
  function has(object, id) { return Object.prototype.hasOwnProperty.call(object, id); }
  var known = map();
  behaviours.forEach(function (el) { known[el.getAttribute("data-behaviour")] = el; });

  function label(name) { return form.getAttribute("data-label-" + name) || ""; }
  function box(id) { return known[id].querySelector('input[type="checkbox"]'); }
  function note(id) { return known[id].querySelector("textarea"); }
  function say(text) { if (message) message.textContent = text; }

  // The page's answer to one behaviour, or null when it has none.
  function answerOf(id) {
    var text = note(id).value.trim();
    return box(id).checked || text ? { shown: box(id).checked, note: text } : null;
  }

  function answers() {
    var out = map();
    behaviours.forEach(function (el) {
      var id = el.getAttribute("data-behaviour"), answer = answerOf(id);
      if (answer) out[id] = answer;
    });
    return out;
  }

  // Shows saved answers; a field is set only if it differs, so a note being typed
  // here keeps its caret when another tab changes another answer.
  function apply(saved, ids) {
    (ids || Object.keys(known)).forEach(function (id) {
      if (!has(known, id)) return;
      var answer = has(saved, id) ? saved[id] : { shown: false, note: "" };
      var text = answer.note.slice(0, note(id).maxLength);
      if (box(id).checked !== answer.shown) box(id).checked = answer.shown;
      if (note(id).value.trim() !== text) note(id).value = text;
    });
  }

  // Storage can be blocked (private mode, site settings) or full: then the
  // answers live on the page for this visit and the reader is told so, once.
  var storageWorks = true;
  function storage(action) {
    var store;
    try {
      store = window.localStorage;
    } catch (e) {
      storageWorks = false;  // blocked outright (private mode, site settings)
      return null;
    }
    try {
      var value = action(store);
      storageWorks = true;
      return value;
    } catch (e) {
      if (e instanceof SyntaxError) return null;  // a damaged saved value: read as nothing saved
      storageWorks = false;  // full, or refused
      return null;
    }
  }

  // Only well-formed answers: wrong-typed values are skipped one by one, never
  // allowed to wipe what is stored. Answers to ids the page does not show are kept.
  function validAnswers(raw) {
    var out = map();
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
    Object.keys(raw).forEach(function (id) {
      var answer = raw[id];
      if (!answer || typeof answer !== "object") return;
      var shown = answer.shown === true;
      var max = has(known, id) ? note(id).maxLength : noteMax;
      var text = typeof answer.note === "string" ? answer.note.trim().slice(0, max) : "";
      if (shown || text) out[id] = { shown: shown, note: text };
    });
    return out;
  }

  function record(saved) {
    return { format: FORMAT, version: VERSION, competency: competency, answers: saved };
  }

  // Answers are kept per competency. Those saved before the catalogue sit under
  // the legacy key: moved here once, if they answer this competency's behaviours.
  var legacyKey = form.getAttribute("data-legacy-key");
  var competency = form.getAttribute("data-competency");
  function migrated() {
    if (!legacyKey) return null;
    var old = storage(function (s) { return JSON.parse(s.getItem(legacyKey) || "null"); });
    var kept = old && old.format === FORMAT ? validAnswers(old.answers) : map();
    if (!Object.keys(kept).length) return null;
    storage(function (s) {
      s.setItem(key, JSON.stringify(record(kept)));
      // The old key goes only once every answer it held has a home here.
      if (Object.keys(kept).length === Object.keys(old.answers || {}).length) s.removeItem(legacyKey);
    });
    return kept;
  }

  // Every stored answer, to this page's behaviours and to ids it no longer shows.
  function read() {
    var data = storage(function (s) { return JSON.parse(s.getItem(key) || "null"); });
    if (!data) return migrated() || map();
    return data && data.format === FORMAT ? validAnswers(data.answers) : map();
  }

  // Writes only the answers named in `changes` (id -> answer, or null to erase it),
  // over what is stored now, so answers other tabs wrote since are kept.
  function write(changes) {
    var saved = read();
    Object.keys(changes).forEach(function (id) {
      if (changes[id]) saved[id] = changes[id];
      else delete saved[id];
    });
    storage(function (s) {
      if (Object.keys(saved).length) s.setItem(key, JSON.stringify(record(saved)));
      else s.removeItem(key);
    });
    return saved;
  }

  // The page's answers and those kept for ids it no longer shows: all the reader's answers.
  function exported() {
    var all = answers(), saved = read();
    Object.keys(saved).forEach(function (id) { if (!has(known, id)) all[id] = saved[id]; });
    return record(all);
  }

  function showKept(saved) {
    if (!keptBox) return;
    var list = keptBox.querySelector("[data-sa-kept-list]");
    var ids = Object.keys(saved).filter(function (id) { return !has(known, id); }).sort();
    list.textContent = "";
    ids.forEach(function (id) {
      var item = document.createElement("li"), name = document.createElement("code");
      name.textContent = id;
      item.appendChild(name);
      var parts = [];
      if (saved[id].shown) parts.push(label("kept-shown"));
      if (saved[id].note) parts.push(label("example") + " " + saved[id].note);
      if (parts.length) item.appendChild(document.createTextNode(" · " + parts.join(" · ")));
      list.appendChild(item);
    });
    keptBox.hidden = ids.length === 0;
  }

  function levelsOf() {
    var levels = {};
    behaviours.forEach(function (el) {
      var n = Number(el.getAttribute("data-level"));
      (levels[n] = levels[n] || []).push(el.getAttribute("data-behaviour"));
    });
    return levels;
  }

  function behaviourText(id) {
    return known[id].querySelector("label").textContent.trim();
  }

  function update() {
    var levels = levelsOf(), numbers = Object.keys(levels).map(Number).sort(function (a, b) { return a - b; });
    var reached = 0;
    for (var i = 0; i < numbers.length; i++) {
      if (levels[numbers[i]].every(function (id) { return box(id).checked; })) reached = numbers[i];
      else break;
    }
    result.querySelector("[data-sa-level]").textContent =
      reached ? label("level-is").replace("{level}", String(reached)) : label("level-none");

    var next = result.querySelector("[data-sa-next]");
    next.textContent = "";
    var nextLevel = numbers.filter(function (n) { return n > reached; })[0];
    if (nextLevel === undefined) {
      var done = document.createElement("li");
      done.textContent = label("next-none");
      next.appendChild(done);
    } else {
      levels[nextLevel].filter(function (id) { return !box(id).checked; }).forEach(function (id) {
        var item = document.createElement("li");
        item.setAttribute("data-behaviour", id);
        item.appendChild(document.createTextNode(label("level") + " " + nextLevel + " · " + behaviourText(id)));
        var tips = known[id].querySelector(".guide-sa-tip-links");
        if (tips) item.appendChild(tips.cloneNode(true));
        next.appendChild(item);
      });
    }

    var shown = result.querySelector("[data-sa-shown]");
    shown.textContent = "";
    var ticked = behaviours.filter(function (el) { return box(el.getAttribute("data-behaviour")).checked; });
    if (!ticked.length) {
      var none = document.createElement("p");
      none.textContent = label("nothing-shown");
      shown.appendChild(none);
      return;
    }
    var list = document.createElement("ul");
    ticked.forEach(function (el) {
      var id = el.getAttribute("data-behaviour"), item = document.createElement("li");
      item.setAttribute("data-behaviour", id);
      item.textContent = label("level") + " " + el.getAttribute("data-level") + " · " + behaviourText(id);
      var text = note(id).value.trim();
      if (text) {
        var example = document.createElement("p");
        example.className = "guide-sa-example";
        example.textContent = label("example") + " " + text;
        item.appendChild(example);
      }
      list.appendChild(item);
    });
    shown.appendChild(list);
  }

  function changed(event) {
    var holder = event.target.closest(".guide-sa-behaviour");
    if (!holder) return;
    var id = holder.getAttribute("data-behaviour"), changes = map();
    changes[id] = answerOf(id);
    update();
    showKept(write(changes));
    say(storageWorks ? label("saved") : label("storage-failed"));
  }

  // Another tab changed the answers: show what is stored now.
  function followed(event) {
    if (event.key !== null && event.key !== key) return;
    var saved = read();
    apply(saved);
    update();
    showKept(saved);
  }

  function today() {
    var now = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // The printed summary says the day it was printed, in the page's language.
  function stampDate() {
    var stamp = document.querySelector("[data-sa-date]");
    if (!stamp) return;
    var day = new Intl.DateTimeFormat(document.documentElement.lang || "en", { dateStyle: "long" }).format(new Date());
    stamp.textContent = (stamp.getAttribute("data-label") || "{date}").replace("{date}", day);
  }

  function download() {
    var blob = new Blob([JSON.stringify(exported(), null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    // The file says whose answers these are and when: several downloads stay apart.
    link.download = "self-assessment-" + competency + "-" + today() + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function importFile(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
      // A file names its competency (older files do not): another competency's answers
      // could share item ids with this one, so they are refused, not mixed in.
      var sameCompetency = data && (data.competency === undefined || data.competency === competency);
      // Answers to ids this page no longer shows come in too, kept apart as when stored:
      // a download, an erase and an import lose nothing.
      var incoming = data && data.format === FORMAT && sameCompetency ? validAnswers(data.answers) : map();
      if (!Object.keys(incoming).length) { say(label("import-failed")); return; }
      // Merge: answers the file does not mention are kept; answers it would
      // change are replaced only if the reader says so, and the message says which.
      var current = exported().answers, changes = map();
      var differing = Object.keys(incoming).filter(function (id) {
        return has(current, id) && (current[id].shown !== incoming[id].shown || current[id].note !== incoming[id].note);
      });
      var replace = differing.length === 0 ||
        window.confirm(label("import-confirm").replace("{count}", String(differing.length)));
      Object.keys(incoming).forEach(function (id) {
        if (!has(current, id) || replace) changes[id] = incoming[id];
      });
      apply(changes, Object.keys(changes));
      update();
      showKept(write(changes));
      if (!storageWorks) say(label("storage-failed"));
      else if (replace) say(label("imported"));
      else say(label("import-kept").replace("{count}", String(differing.length)));
    };
    reader.readAsText(file);
  }

  function erase() {
    if (!window.confirm(label("erase-confirm"))) return;
    // The legacy key too, or its answers would be moved back at the next visit.
    storage(function (s) { s.removeItem(key); if (legacyKey) s.removeItem(legacyKey); });
    apply(map());
    update();
    showKept(map());
    say(label("erased"));
  }

  function clearKept() {
    if (!window.confirm(label("kept-clear-confirm"))) return;
    var changes = map();
    Object.keys(read()).forEach(function (id) { if (!has(known, id)) changes[id] = null; });
    showKept(write(changes));
    say(label("kept-cleared"));
  }

  window.addEventListener("storage", followed);
  form.addEventListener("change", changed);
  form.addEventListener("input", function (event) { if (event.target.tagName === "TEXTAREA") changed(event); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.querySelectorAll("[data-sa-action]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-sa-action");
      if (action === "print") { stampDate(); window.print(); }
      else if (action === "download") download();
      else if (action === "erase") erase();
      else if (action === "clear-kept") clearKept();
    });
  });
  var picker = document.getElementById("sa-import");
  if (picker) picker.addEventListener("change", function () {
    if (picker.files && picker.files[0]) importFile(picker.files[0]);
    picker.value = "";
  });

  window.addEventListener("beforeprint", stampDate);
  stampDate();
  var saved = read();
  apply(saved);
  update();
  showKept(saved);
  if (!storageWorks) say(label("storage-failed"));
})();
