"""The PDFs a published build prints, worked out from the data before any is printed.

The cards page links each deck with its sheet count while the site is being
built; the PDFs are printed after it (``print_pdfs``). Both read this one list,
so a link never names a file or a count that the printing does not make.
"""

from __future__ import annotations

import math
from itertools import permutations
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

from guide.content.cards import PER_SHEET, deck
from guide.content.model import LANGUAGES, Guide

FOLDER = "downloads"  # under the site root, the same for every language
PAPERS = ("a4", "letter")
# Single-language decks, then duplex ones ("en-fr": English fronts, French backs).
DECKS = LANGUAGES + tuple(f"{front}-{back}" for front, back in permutations(LANGUAGES, 2))
PUBLISH_ENV = "GUIDE_PUBLISH"  # set by `make build`: print the PDFs into the site


@dataclass(frozen=True)
class Download:
    """One PDF of the published site."""

    name: str  # the file's name under downloads/
    page: str  # the page printed, from the site root, with its query: "fr/cards/?lang=fr-en&paper=a4"
    kind: str  # "deck", "run-sheet" or "pack"
    lang: str  # "en", "fr", or for a deck "en-fr" / "fr-en" (front, then back)
    paper: str  # "a4" or "letter"
    sheets: int  # pages of the PDF, from the data
    competency: Optional[str] = None  # None: every competency of the catalogue


def is_public(site_url: str | None) -> bool:
    """An address readers can reach: not missing, not this machine (QR codes point at it)."""
    return bool(site_url) and urlsplit(site_url).hostname not in (None, "localhost", "127.0.0.1", "::1")


def deck_sheets(cards: int, lang: str) -> int:
    """Nine cards a sheet; a duplex deck prints a back for every front."""
    return math.ceil(cards / PER_SHEET) * (2 if "-" in lang else 1)


def _prefix(lang: str) -> str:
    """The page's language folder: none for the default language, else its code (a duplex
    deck is printed from the page of its front's language)."""
    front = lang.split("-")[0]
    return "" if front == LANGUAGES[0] else f"{front}/"


def papers(guide: Guide) -> tuple[str, ...]:
    """The papers the catalogue asks for (``papers:`` in catalogue.yml; both by default)."""
    return tuple(paper for paper in PAPERS if paper in guide.catalogue.papers)


def plan(guide: Guide) -> tuple[Download, ...]:
    """Every PDF of a published build, the competency being the unit: each competency's
    decks (one per language and duplex direction) on each of the catalogue's papers, its
    run sheet and its facilitator's pack (run sheet, a question card per rotation, the
    competency's deck) per language and paper. A deck of the whole catalogue only while
    it has one competency: with more, it would be printed again whenever any of them
    changed, and the cards page prints any selection itself."""
    cards = deck(guide)
    chosen = papers(guide)
    several = len(guide.competencies) > 1
    scopes: list[Optional[str]] = [folder.id for folder in guide.competencies] if several else [None]
    out = []
    for scope in scopes:
        count = len([c for c in cards if scope is None or c.competency == scope])
        for lang in DECKS:
            for paper in chosen:
                name = "-".join(["cards"] + ([scope] if scope else []) + [lang, paper]) + ".pdf"
                query = f"?lang={lang}&paper={paper}" + (f"&competencies={scope}" if scope else "")
                out.append(Download(name, f"{_prefix(lang)}cards/{query}", "deck", lang, paper,
                                    deck_sheets(count, lang), scope))
    for folder in guide.competencies:
        if folder.workshop is None:
            continue
        rotations = len([slot for slot in folder.workshop.schedule if slot.kind == "rotation"])
        own = len([c for c in cards if c.competency == folder.id])
        for kind, query, sheets in (("run-sheet", "", 1),
                                    ("pack", "pack=1&", 1 + math.ceil(rotations / PER_SHEET) + math.ceil(own / PER_SHEET))):
            for lang in LANGUAGES:
                for paper in chosen:
                    page = f"{_prefix(lang)}competencies/{folder.id}/run-sheet/?{query}paper={paper}"
                    out.append(Download(f"{kind}-{folder.id}-{lang}-{paper}.pdf", page, kind,
                                        lang, paper, sheets, folder.id))
    return tuple(out)
