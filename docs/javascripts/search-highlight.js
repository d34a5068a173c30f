/* Search highlighting that ignores accents and ligatures, as search itself does.
 *
 * Loaded before Material's bundle (overrides/main.html). Material highlights a
 * page from its `?h=` words, matched letter for letter: "equipe" would mark
 * nothing in "équipe". Before Material reads the address, the words are joined
 * by each way this page writes them ("equipe" -> "equipe équipe"), found by
 * folding (the same folding as lunr.fold.min.js, regional spellings included).
 * Results that Material links with an empty `?h=` (a page listed for its
 * sections) get the query's words.
 */
(function () {
  "use strict";
  var SEPARATOR = /[\s\-'’]+/;
  var LIGATURES = { "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss" };

  /* The folded, lower-case word and, for each of its letters, the letter of ``word`` it came
     from. Regional spellings too: "iz" before a vowel reads "is", "iour" reads "ior". */
  function folded(word) {
    var letters = [], from = [];
    for (var i = 0; i < word.length; i++) {
      var c = word[i];
      var f = LIGATURES[c] || c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      for (var j = 0; j < f.length; j++) { letters.push(f[j]); from.push(i); }
    }
    for (var k = 0; k + 2 < letters.length; k++) {
      if (letters[k] === "i" && letters[k + 1] === "z" && /[aei]/.test(letters[k + 2])) letters[k + 1] = "s";
      if (letters[k] === "i" && letters[k + 1] === "o" && letters[k + 2] === "u" && letters[k + 3] === "r") {
        letters.splice(k + 2, 1);
        from.splice(k + 2, 1);
      }
    }
    return { text: letters.join(""), from: from };
  }

  /* Every way ``content`` writes a word of ``terms`` (lower-case), where folding finds it. */
  function spellings(content, terms) {
    var found = {};
    var wanted = terms.map(function (t) { return folded(t).text; }).filter(Boolean);
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var words = node.nodeValue.split(SEPARATOR);
      for (var w = 0; w < words.length; w++) {
        if (!words[w]) continue;
        var f = folded(words[w]);
        for (var t = 0; t < wanted.length; t++) {
          var at = f.text.indexOf(wanted[t]);
          if (at === -1) continue;
          var end = f.from[at + wanted[t].length - 1] + 1;
          found[words[w].slice(f.from[at], end).toLowerCase()] = true;
        }
      }
    }
    return Object.keys(found);
  }

  var url = new URL(location.href);
  var h = url.searchParams.get("h");
  var content = document.querySelector("[data-md-component=content]");
  if (h && content) {
    var terms = h.split(SEPARATOR).filter(Boolean);
    var all = terms.slice();
    spellings(content, terms).forEach(function (s) { if (all.indexOf(s) === -1) all.push(s); });
    if (all.length > terms.length) {
      url.searchParams.set("h", all.join(" "));
      history.replaceState(history.state, "", url.href);
    }
  }

  var list = document.querySelector(".md-search-result__list");
  var box = document.querySelector("input.md-search__input");
  if (list && box) {
    new MutationObserver(function () {
      var links = list.querySelectorAll("a.md-search-result__link");
      for (var i = 0; i < links.length; i++) {
        var link = new URL(links[i].href);
        if (link.searchParams.has("h") && !link.searchParams.get("h").trim()) {
          var query = box.value.replace(/[*+\-:~^"]+/g, " ").trim();
          if (query) link.searchParams.set("h", query); else link.searchParams.delete("h");
          links[i].href = link.href;
        }
      }
    }).observe(list, { childList: true, subtree: true });
  }
})();
