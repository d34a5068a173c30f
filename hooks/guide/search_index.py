"""Per-language search indexes, with accent folding, from Material's merged one.

Material writes one index for the whole site and mkdocs-static-i18n merges every
language into it, so a search on an English page also finds French pages. We
split it: the default language keeps ``search/search_index.json``, every other
language gets ``<lang>/search/search_index.json`` with locations relative to its
own root (its pages' ``base`` points there). lunr cannot fold accents, so each
entry whose text has accents gets an extra ``folded`` field (declared in
mkdocs.yml's search ``fields``): "equipe" finds "équipe", while results still
show the accented text.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any, Iterable

from .render.base import SearchEntry

FOLDED_FIELD = "folded"
# Apostrophes split words, so "l'organisation" is indexed as "l" + "organisation".
SEPARATOR = r"[\s\-'’]+"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """``text`` without its accents (every combining mark after NFKD).

    Only non-ASCII characters are looked at: a character-by-character pass over
    every entry cost seconds at 30 competencies. Remembered: a preview splits the
    whole index on every save, where a save changes a few entries.
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_ASCII.sub(lambda m: "" if unicodedata.combining(m.group()) else m.group(), decomposed)


def language_of(location: str, languages: Iterable[str], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_index(
    merged: dict[str, Any],
    languages: list[str],
    default: str,
    extra: dict[str, list[SearchEntry]],
) -> dict[str, dict[str, Any]]:
    """Return one index per language. ``extra`` maps page locations to item entries."""
    docs_by_lang: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    for doc in merged["docs"]:
        lang = language_of(doc["location"], languages, default)
        docs_by_lang[lang].append(doc)
    # One entry per location: where an item's anchor is also a heading (a level,
    # the definition, a workshop block), Material's section entry already says it,
    # under the title the heading shows; a second entry doubles the result.
    indexed = {doc["location"] for doc in merged["docs"]}
    for page, entries in sorted(extra.items()):
        lang = language_of(page, languages, default)
        for e in entries:
            location = f"{page}#{e.anchor}"
            if location not in indexed:
                indexed.add(location)
                docs_by_lang[lang].append({"location": location, "title": e.title, "text": e.text})
    indexes = {}
    for lang, docs in docs_by_lang.items():
        prefix = "" if lang == default else f"{lang}/"
        config = dict(merged["config"], lang=[lang], separator=SEPARATOR)
        indexes[lang] = {"config": config, "docs": [_localise(doc, prefix) for doc in docs]}
    return indexes


def index_json(index: dict[str, Any]) -> str:
    """The index as compact JSON with sorted keys, as ``json.dumps`` writes it.

    Entry by entry, each remembered: a preview writes the whole index on every
    save, and at 30 competencies encoding it was a tenth of the rebuild.
    """
    if set(index) != {"config", "docs"}:
        return _compact(index)
    docs = ",".join(_doc_json(doc) for doc in index["docs"])
    return f'{{"config":{_compact(index["config"])},"docs":[{docs}]}}'


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _doc_json(doc: dict[str, Any]) -> str:
    try:
        return _entry_json(tuple(sorted(doc.items())))
    except TypeError:  # a list among the values (Material's tags): not remembered
        return _compact(doc)


@functools.lru_cache(maxsize=1 << 16)
def _entry_json(items: tuple[tuple[str, Any], ...]) -> str:
    return _compact(dict(items))


def _localise(doc: dict[str, Any], prefix: str) -> dict[str, Any]:
    doc = dict(doc)
    if prefix and doc["location"].startswith(prefix):
        doc["location"] = doc["location"][len(prefix):]
    folded = fold(f"{doc['title']} {doc['text']}")
    if folded != f"{doc['title']} {doc['text']}":
        doc[FOLDED_FIELD] = folded
    return doc


def complete_index(docs: list[dict[str, Any]], rebuilt: set[str], present: set[str],
                   kept: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The whole index after a build that rebuilt only some pages (a dirty preview).

    Material indexes only the pages it renders; ``kept`` holds every page's
    entries as last built (updated in place), so a page skipped keeps its own
    and a page that is gone loses them.
    """
    for url in rebuilt:
        kept[url] = []
    for doc in docs:
        kept.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    for url in [u for u in kept if u not in present]:
        del kept[url]
    return [doc for url in sorted(kept) for doc in kept[url]]
