/* Private example builder (the example builder page).
   The page renders the form: a target level and five texts, with the prompts of
   every level beside them. This script keeps the example in localStorage (one key
   per competency, the same in both languages, never sent anywhere), shows the
   chosen level's prompts, and downloads, imports, prints or erases the example.
   Every word it shows comes from the page (data-label-* attributes); text the
   writer typed or imported is only ever set as textContent or value.

   Several tabs may show the page at once. So a tab never writes its whole state:
   each write re-reads what is stored and changes only the part this tab was just
   given (typed, chosen, imported, erased), and every tab follows the others
   through `storage` events; a field is set only when it differs, so a text being
   typed keeps its caret. Stored parts are looked up in objects without a prototype. */
(function () {
  "use strict";
  var form = document.getElementById("guide-eb");
  if (!form) return;

  var FORMAT = form.getAttribute("data-format"), VERSION = 1;
  var key = form.getAttribute("data-storage-key");
  var competency = form.getAttribute("data-competency");
  var message = document.querySelector("[data-eb-message]");
  var level = form.querySelector("#eb-level");
  var fields = map();
  Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (el) { fields[el.name] = el; });
  var levels = Array.prototype.map.call(level.options, function (o) { return o.value; }).filter(Boolean);
  var PARTS = ["level"].concat(Object.keys(fields));

  function map() { return Object.create(null); }
  function has(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }
  function label(name) { return form.getAttribute("data-label-" + name) || ""; }
  function say(text) { if (message) message.textContent = text; }

  var storageWorks = true;
  function storage(action) {
    var store;
    try { store = window.localStorage; } catch (e) { storageWorks = false; return null; }
    try {
      var value = action(store);
      storageWorks = true;
      return value;
    } catch (e) {
      if (e instanceof SyntaxError) return null;  // a damaged saved value: read as nothing saved
      storageWorks = false;
      return null;
    }
  }

  // Only well-formed parts: a wrong-typed value is skipped alone, never allowed to wipe the rest.
  function valid(raw) {
    var out = map();
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
    if (typeof raw.level === "string" && levels.indexOf(raw.level) >= 0) out.level = raw.level;
    Object.keys(fields).forEach(function (name) {
      if (typeof raw[name] === "string" && raw[name].trim()) out[name] = raw[name].slice(0, fields[name].maxLength);
    });
    return out;
  }

  function record(parts) {
    var example = {};
    PARTS.forEach(function (name) { if (has(parts, name)) example[name] = parts[name]; });
    return { format: FORMAT, version: VERSION, competency: competency, example: example };
  }

  function read() {
    var data = storage(function (s) { return JSON.parse(s.getItem(key) || "null"); });
    return data && data.format === FORMAT && data.competency === competency ? valid(data.example) : map();
  }

  // Writes only the parts named in `changes` (name -> text, or null to erase it) over what is stored now.
  function write(changes) {
    var saved = read();
    Object.keys(changes).forEach(function (name) {
      if (changes[name]) saved[name] = changes[name];
      else delete saved[name];
    });
    storage(function (s) {
      if (Object.keys(saved).length) s.setItem(key, JSON.stringify(record(saved)));
      else s.removeItem(key);
    });
    return saved;
  }

  function current() {
    var out = map();
    if (level.value) out.level = level.value;
    Object.keys(fields).forEach(function (name) { if (fields[name].value.trim()) out[name] = fields[name].value; });
    return out;
  }

  function apply(saved, names) {
    (names || PARTS).forEach(function (name) {
      var value = has(saved, name) ? saved[name] : "";
      var el = name === "level" ? level : fields[name];
      if (el.value !== value) el.value = value;
    });
    showLevel();
    fillPrintout();
  }

  // The chosen level's prompts beside the text; none until a level is chosen.
  function showLevel() {
    Array.prototype.forEach.call(form.querySelectorAll("[data-eb-level]"), function (el) {
      el.hidden = el.getAttribute("data-eb-level") !== level.value;
    });
  }

  function changed(event) {
    var el = event.target, name = el === level ? "level" : el.name;
    if (name !== "level" && !has(fields, name)) return;
    var changes = map();
    changes[name] = name === "level" ? el.value : (el.value.trim() ? el.value : null);
    if (name === "level") showLevel();
    write(changes);
    fillPrintout();
    say(storageWorks ? label("saved") : label("storage-failed"));
  }

  function followed(event) {
    if (event.key !== null && event.key !== key) return;
    apply(read());
  }

  function download() {
    var blob = new Blob([JSON.stringify(record(current()), null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "example-" + competency + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  // A file of another format or competency, or a damaged one, is refused whole: nothing changes.
  function importFile(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
      var incoming = data && data.format === FORMAT && data.competency === competency ? valid(data.example) : map();
      if (!Object.keys(incoming).length) { say(label("import-failed")); return; }
      var now = current(), changes = map();
      var differing = Object.keys(incoming).filter(function (name) { return has(now, name) && now[name] !== incoming[name]; });
      var replace = differing.length === 0 ||
        window.confirm(label("import-confirm").replace("{count}", String(differing.length)));
      Object.keys(incoming).forEach(function (name) {
        if (!has(now, name) || replace) changes[name] = incoming[name];
      });
      apply(changes, Object.keys(changes));
      write(changes);
      if (!storageWorks) say(label("storage-failed"));
      else if (replace) say(label("imported"));
      else say(label("import-kept").replace("{count}", String(differing.length)));
    };
    reader.readAsText(file);
  }

  function erase() {
    if (!window.confirm(label("erase-confirm"))) return;
    storage(function (s) { s.removeItem(key); });
    apply(map());
    say(label("erased"));
  }

  // The printout: the competency's name is on the page; level, date and texts set as text.
  function fillPrintout() {
    var printout = document.querySelector("[data-eb-print]");
    if (!printout) return;
    var chosen = level.selectedIndex > 0 ? level.options[level.selectedIndex].textContent : "";
    printout.querySelector("[data-eb-print-level]").textContent = chosen;
    var lang = document.documentElement.lang || undefined;
    printout.querySelector("[data-eb-print-date]").textContent =
      new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    Object.keys(fields).forEach(function (name) {
      printout.querySelector('[data-eb-print-field="' + name + '"]').textContent = fields[name].value;
    });
  }

  window.addEventListener("storage", followed);
  window.addEventListener("beforeprint", fillPrintout);
  form.addEventListener("change", changed);
  form.addEventListener("input", function (event) { if (event.target.tagName === "TEXTAREA") changed(event); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.querySelectorAll("[data-eb-action]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-eb-action");
      if (action === "print") { fillPrintout(); window.print(); }
      else if (action === "download") download();
      else if (action === "erase") erase();
    });
  });
  var picker = document.getElementById("eb-import");
  if (picker) picker.addEventListener("change", function () {
    if (picker.files && picker.files[0]) importFile(picker.files[0]);
    picker.value = "";
  });

  apply(read());
  if (!storageWorks) say(label("storage-failed"));
})();
