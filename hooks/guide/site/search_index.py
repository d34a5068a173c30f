"""Per-language search indexes, with accent folding, from Material's merged one.

Material writes one index for the whole site and mkdocs-static-i18n merges every
language into it, so a search on an English page also finds French pages. We
split it: the default language keeps ``search/search_index.json``, every other
language gets ``<lang>/search/search_index.json`` with locations relative to its
own root (its pages' ``base`` points there).

lunr cannot fold accents, so each index names a second "language", ``fold``
(``overrides/assets/javascripts/lunr/min/lunr.fold.min.js``), which Material's
search worker loads like any lunr language: it indexes "équipe" and "œil" also
as "equipe" and "oeil", at the same place in the same field. "equipe" then finds
and ranks what "équipe" does, and the results highlight the word as written.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from guide.render.base import SearchEntry

# The lunr "language" that folds accents and ligatures, named before the page's own.
FOLD_LANGUAGE = "fold"
# Apostrophes split words, so "l'organisation" is indexed as "l" + "organisation".
SEPARATOR = r"[\s\-'’]+"


def language_of(location: str, languages: Iterable[str], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


class LanguageIndexes:
    """One index per language, kept page by page as encoded JSON.

    A preview's save rebuilds a few pages, and Material indexes only those: their
    entries replace what those pages had, the others keep theirs, and each
    language's index is a join of its pages' JSON. Encoding the whole index on
    every save cost a tenth of the rebuild at 30 competencies.
    """

    def __init__(self) -> None:
        self._pages: dict[str, tuple[str, str]] = {}  # page URL -> (its language, its entries' JSON)
        self._versions: dict[str, int] = {}  # language -> changes so far: same number, same index
        self._encoded: dict[str, tuple[tuple[int, str], str]] = {}  # language -> (its version, config), its index

    def update(self, docs: list[dict[str, Any]], extra: dict[str, list[SearchEntry]], present: set[str],
               languages: list[str], default: str, rebuilt: set[str] | None = None) -> None:
        """Take a build's entries (``docs``, Material's; ``extra``, the items' own).
        ``rebuilt``: the pages a preview's build rendered (None: a full build, all of them)."""
        by_page: dict[str, list[dict[str, Any]]] = {}
        for doc in docs:
            by_page.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
        if rebuilt is None:
            for lang, _ in self._pages.values():
                self._changed(lang)
            self._pages.clear()
        for url in (set(present) if rebuilt is None else set(rebuilt) | set(by_page)):
            lang = language_of(url, languages, default)
            page = (lang, _page_json(url, by_page.get(url, []), extra.get(url, []),
                                     "" if lang == default else f"{lang}/"))
            if self._pages.get(url) != page:
                self._pages[url] = page
                self._changed(lang)
        for url in [url for url in self._pages if url not in present]:
            self._changed(self._pages.pop(url)[0])  # a page that is gone

    def _changed(self, lang: str) -> None:
        self._versions[lang] = self._versions.get(lang, 0) + 1

    def version(self, lang: str) -> int:
        """Changes to ``lang``'s entries so far: a preview's save that changed none of
        them (a French edit, for the English index)
        need not write its index again."""
        return self._versions.get(lang, 0)

    def to_json(self, lang: str, config: dict[str, Any]) -> str:
        """``lang``'s index, as ``json.dumps`` writes it compact with sorted keys."""
        head = _compact(dict(config, lang=[FOLD_LANGUAGE, lang], separator=SEPARATOR))
        known = self._encoded.get(lang)
        if known is not None and known[0] == (self.version(lang), head):
            return known[1]  # Material writes the default language's file again on every save
        docs = ",".join(data for url, (page_lang, data) in sorted(self._pages.items())
                        if page_lang == lang and data)
        encoded = f'{{"config":{head},"docs":[{docs}]}}'
        self._encoded[lang] = ((self.version(lang), head), encoded)
        return encoded


def _page_json(url: str, docs: list[dict[str, Any]], entries: list[SearchEntry], prefix: str) -> str:
    """A page's entries: Material's, then each item's not already there. One entry per
    location: where an item's anchor is also a heading (a level, the definition, a
    workshop block), Material's section entry already says it, under the title the
    heading shows; a second entry doubles the result."""
    indexed = {doc["location"] for doc in docs}
    docs = list(docs)
    for entry in entries:
        location = f"{url}#{entry.anchor}"
        if location not in indexed:
            indexed.add(location)
            docs.append({"location": location, "title": entry.title, "text": entry.text})
    return ",".join(_compact(_localise(doc, prefix)) for doc in docs)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _localise(doc: dict[str, Any], prefix: str) -> dict[str, Any]:
    doc = dict(doc)
    if prefix and doc["location"].startswith(prefix):
        doc["location"] = doc["location"][len(prefix):]
    return doc


# What search must not read of a page: the controls of a form (their labels are
# interface words, and a form's texts repeat what another page says).
_CONTROLS = frozenset({"form", "fieldset", "legend", "label", "button", "select", "textarea", "output"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
# Elements whose text a reader sees apart: Material's index joins the text of the
# elements it does not keep (cells, divisions, drawings' labels) with nothing between.
_APART = frozenset({"td", "th", "tr", "caption", "div", "section", "dt", "dd", "figcaption", "text", "title",
                    "desc", "summary", "legend", "label", "h1", "h2", "h3", "h4", "h5", "h6", "li", "p"})
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
_ID = re.compile(r"""\sid\s*=\s*["']([^"']*)["']""")
EXCLUDE = "data-search-exclude"


def without_search_duplicates(page_html: str, anchors: set[str]) -> tuple[str, set[str]]:
    """``page_html`` with ``data-search-exclude`` (Material's search skips what it marks)
    on what search should not read: the element of an item that has its own entry
    (``anchors``; its section's entry would repeat it, a second result for one place),
    form controls, and any heading inside those or inside an element a renderer
    marked itself (a heading opens an entry of its own,
    which Material would title with the page's name and leave empty). A heading that
    is an item's anchor keeps its entry. And a line break after an element whose
    text stands apart, when another tag follows at once, so that search's text
    reads "… goals. Tips" rather than "goals.Tips". One pass over the tags.

    Also returns which of ``anchors`` the page holds: an entry whose anchor is not
    on the page would lead nowhere (its section's entry says it instead)."""
    out: list[str] = []
    last = 0
    inside: list[str] = []  # names of the open elements of the outermost excluded one, itself first
    preformatted = 0
    found_anchors: set[str] = set()
    for tag in _TAG.finditer(page_html):
        closing, name, attrs = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name == "pre":
            preformatted += -1 if closing else 1
        elif closing and name in _APART and not preformatted and page_html.startswith("<", tag.end()):
            out.append(page_html[last:tag.end()] + "\n")
            last = tag.end()
        if inside:
            if closing:
                if name in inside:
                    while inside and inside.pop() != name:
                        pass
            elif name in _HEADINGS and EXCLUDE not in attrs:
                out.append(page_html[last:tag.end(3)] + f" {EXCLUDE}")
                last = tag.end(3)
                inside.append(name)
            elif name not in _VOID and not attrs.rstrip().endswith("/"):
                inside.append(name)
            continue
        found = _ID.search(attrs) if not closing else None
        if found is not None and found.group(1) in anchors:
            found_anchors.add(found.group(1))
        if closing or name in _VOID or name in _HEADINGS:
            continue
        if name in _CONTROLS or EXCLUDE in attrs or (found is not None and found.group(1) in anchors):
            if EXCLUDE not in attrs:
                out.append(page_html[last:tag.end(3)] + f" {EXCLUDE}")
                last = tag.end(3)
            inside.append(name)
    out.append(page_html[last:])
    return "".join(out), found_anchors
