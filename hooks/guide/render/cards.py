"""The behaviour cards page: a deck builder, its sheets and each competency's deck file.

Each competency's cards, rendered in both languages, are a file of their own
(``cards/decks/<id>.js``, ``deck_files``), which both languages' cards pages
load with a ``<script>`` (it works from the offline copy's file:// too).
``docs/javascripts/cards.js`` puts them in the page's ``<template>`` pool and
lays out the deck the trainer picks (kinds, levels, a language; kept in the
URL) as sheets of nine. So a card's text is in no page: editing one rewrites
its competency's file, never a page of every card of the catalogue (megabytes
at a hundred competencies, in each language).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import segno

from guide.content.cards import KINDS, PER_SHEET, Card, deck
from guide.content.model import CompetencyFolder, Guide
from guide.publish.downloads import is_public
from guide.content.markup import escape, text
from guide.render.base import Context, Rendered
from guide.render.downloads import download_section
from guide.render.icons import icon



def qr_target(site_url: str | None, lang: str, card: Card) -> str | None:
    """The item's address on the public guide; none for a local or missing site_url."""
    if site_url is None or not is_public(site_url):
        return None
    prefix = "" if lang == "en" else f"{lang}/"
    return f"{site_url.rstrip('/')}/{prefix}{card.page}#{card.item_id}"


# How a card's QR code is drawn, part of its key: another option draws another SVG.
QR_ERROR = "m"
QR_SVG: dict[str, Any] = {"scale": 1, "border": 0, "svgclass": "guide-card__qr", "omitsize": True}


def qr_svg(target: str, title: str) -> str:
    """The QR code of ``target`` as inline SVG. segno tries eight masks for each, the
    costly part of a card (720 codes at 10 competencies): each is drawn once (``qr_code``)."""
    return segno.make(target, error=QR_ERROR).svg_inline(title=title, **QR_SVG)


def qr_key(target: str, title: str) -> str:
    """What a QR code's SVG depends on, hashed: what it encodes, its title, how it is
    drawn and segno's version (another version may choose another mask)."""
    material = [segno.__version__, QR_ERROR, QR_SVG, target, title]
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode("utf-8")).hexdigest()


def qr_code(ctx: Context, target: str, title: str) -> str:
    """The QR code of ``target``, from ``ctx.memo`` when it was drawn before (in this
    process, or in an earlier build whose codes the site layer loaded)."""
    key = qr_key(target, title)
    svg = ctx.memo.qr_codes.get(key)
    if svg is None:
        svg = ctx.memo.qr_codes[key] = qr_svg(target, title)
        ctx.memo.qr_drawn += 1
    return svg


def qr_title(ctx: Context, lang: str) -> str:
    # segno escapes the title itself: given the escaped label, "&" would read "&amp;".
    return ctx.plain_label("card_qr", lang=lang)


def qr_keys(ctx: Context, cards: list[Card]) -> set[str]:
    """The keys of the QR codes ``cards`` carry in both languages (none without a public address)."""
    keys: set[str] = set()
    for lang in ("en", "fr"):
        title = qr_title(ctx, lang)
        keys.update(qr_key(target, title) for card in cards if (target := qr_target(ctx.site_url, lang, card)))
    return keys


def card_qr_keys(guide: Guide, site_url: str | None) -> set[str]:
    """The keys of every QR code the guide's cards show (``qr_key``), for the site layer
    to keep the codes between builds."""
    return qr_keys(Context(guide, "en", site_url=site_url), deck(guide))


def card_html(ctx: Context, card: Card, lang: str) -> str:
    """One card in ``lang``, whatever the page's language (the pool holds both)."""
    level = (f'<span class="guide-card__level">{ctx.label("level", lang)} {card.level}</span>'
             if card.level else "")
    target = qr_target(ctx.site_url, lang, card)
    qr = qr_code(ctx, target, qr_title(ctx, lang)) if target else ""
    level_attr = f' data-level="{card.level}"' if card.level else ""
    name = text(card.competency_name.get(lang), lang) if card.competency_name else ""
    return (
        f'<article class="guide-card guide-card--{card.kind}" lang="{lang}" data-lang="{lang}" '
        f'data-kind="{card.kind}" data-competency="{card.competency}" data-item="{card.item_id}"{level_attr}>'
        # The kind (and level) heads the card: an <article> is named by its heading.
        f'<h2 class="guide-card__head">{icon(card.kind)}<span class="guide-card__kind">'
        f'{ctx.label("card_" + card.kind, lang)}</span>{level}</h2>'
        f'<p class="guide-card__text">{text(card.get(lang), lang)}</p>'
        f'<p class="guide-card__foot"><span class="guide-card__competency">{name}'
        f'</span><span class="guide-card__id">{escape(card.code)}</span>{qr}</p>'
        "</article>"
    )


def _cards_html(ctx: Context, cards: list[Card], lang: str) -> list[str]:
    """Each card's HTML, from ``ctx.memo`` when it was rendered with the same labels and address."""
    memo = ctx.memo
    key = (ctx.guide.labels, ctx.site_url)
    if memo.cards_key != key:
        memo.cards_key, memo.cards_html = key, {}
    remembered = memo.cards_html
    out = []
    for card in cards:
        html = remembered.get((card, lang))
        if html is None:
            html = remembered[(card, lang)] = card_html(ctx, card, lang)
        out.append(html)
    return out


def _forget_edited_away(ctx: Context, cards: list[Card]) -> None:
    """Keep only the whole deck's cards and QR codes in ``ctx.memo`` once edits left more behind."""
    memo = ctx.memo
    if len(memo.cards_html) > 4 * len(cards):
        kept = {(card, other) for card in cards for other in ("en", "fr")}
        memo.cards_html = {k: v for k, v in memo.cards_html.items() if k in kept}
    if len(memo.qr_codes) > 4 * len(cards):
        shown = qr_keys(ctx, cards)
        memo.qr_codes = {k: v for k, v in memo.qr_codes.items() if k in shown}


# Each competency's deck file, from the site root; the cards pages load them all.
DECKS_FOLDER = "cards/decks"


def deck_path(competency_id: str) -> str:
    return f"{DECKS_FOLDER}/{competency_id}.js"


def deck_script(ctx: Context, folder: CompetencyFolder) -> str:
    """A competency's deck file: its cards in both languages, as finished HTML handed to
    cards.js. From ``ctx.memo`` while the folder, the labels and the address are the same
    objects (a preview's save renders the folder saved, not the catalogue)."""
    key = (folder, ctx.guide.labels, ctx.site_url)
    kept = ctx.memo.deck_scripts.get(folder.id)
    if kept is not None and kept[0][0] is folder and kept[0][1] is ctx.guide.labels and kept[0][2] == ctx.site_url:
        return kept[1]
    cards = list(folder.cards)
    deck = {"competency": folder.id, **{lang: "".join(_cards_html(ctx, cards, lang)) for lang in ("en", "fr")}}
    script = ("(window.guideCardDecks = window.guideCardDecks || []).push("
              + json.dumps(deck, ensure_ascii=False, sort_keys=True) + ");\n")
    ctx.memo.deck_scripts[folder.id] = (key, script)
    return script


def deck_files(ctx: Context) -> dict[str, str]:
    """Every competency's deck file, by its path from the site root (``deck_path``)."""
    files = {deck_path(folder.id): deck_script(ctx, folder) for folder in ctx.guide.competencies}
    for gone in set(ctx.memo.deck_scripts) - {folder.id for folder in ctx.guide.competencies}:
        del ctx.memo.deck_scripts[gone]
    _forget_edited_away(ctx, deck(ctx.guide))
    return files


def sheets_html(ctx: Context, cards: list[str]) -> str:
    """Rendered cards laid out nine per sheet (the workshop kit's deck)."""
    sheet_word = ctx.label("card_sheet")
    sheets = []
    for start in range(0, len(cards), PER_SHEET):
        chunk = "".join(cards[start:start + PER_SHEET])
        sheets.append(f'<section class="guide-sheet" aria-label="{sheet_word} {start // PER_SHEET + 1}">'
                      f"{chunk}</section>")
    return "".join(sheets)


def render_cards(ctx: Context) -> Rendered:
    cards = deck(ctx.guide)
    label = ctx.label
    kinds = "".join(
        f'<label><input type="checkbox" name="kind" value="{kind}" checked> '
        f'{label("card_kind_level" if kind == "level" else "card_" + kind)}</label>'
        for kind in KINDS)
    numbers = sorted({level.number for f in ctx.guide.competencies for level in f.competency.levels})
    levels = "".join(
        f'<label><input type="checkbox" name="level" value="{number}" checked> '
        f"{label('level')} {number}</label>" for number in numbers)
    # With one competency there is nothing to choose: no fieldset for it.
    competencies = "".join(
        f'<label><input type="checkbox" name="competency" value="{f.id}" checked> {ctx.t(f.competency.name)}</label>'
        for f in ctx.guide.competencies) if len(ctx.guide.competencies) > 1 else ""
    chooser = (f'<fieldset><legend>{label("card_competencies")}</legend>{competencies}</fieldset>'
               if competencies else "")
    other = "fr" if ctx.lang == "en" else "en"
    # The page's language first, its own front first among the duplex decks.
    choices = ((ctx.lang, f"language_{ctx.lang}"), (other, f"language_{other}"),
               (f"{ctx.lang}-{other}", "card_bilingual" if ctx.lang == "en" else "card_bilingual_fr"),
               (f"{other}-{ctx.lang}", "card_bilingual_fr" if ctx.lang == "en" else "card_bilingual"))
    languages = "".join(
        f'<label><input type="radio" name="lang" value="{value}"{" checked" if value == ctx.lang else ""}> '
        f"{label(name)}</label>" for value, name in choices)
    downloads = download_section(ctx, label("card_pdfs"), "deck", grouped=True)
    # The decks, in catalogue order (the pool's order); a script in the page runs before
    # cards.js, which comes at the end of the body.
    decks = "\n".join(f'<script src="{ctx.site_root}{deck_path(f.id)}"></script>' for f in ctx.guide.competencies)
    ctx.out.markdown = (
        '<form class="guide-deck-builder" aria-label="' + label("card_builder") + '">'
        f'{chooser}<fieldset><legend>{label("card_kinds")}</legend>{kinds}</fieldset>'
        f'<fieldset><legend>{label("card_levels")}</legend>{levels}</fieldset>'
        f'<fieldset><legend>{label("language")}</legend>{languages}</fieldset>'
        "</form>\n\n"
        f'<p class="guide-deck-actions"><button class="md-button md-button--primary guide-print" type="button" '
        f'data-guide-print>{label("print")}</button> '
        f'<span class="guide-deck-count" aria-live="polite">{label("card_count", count=len(cards))}</span></p>\n\n'
        f"{downloads}\n\n"
        f'<div class="guide-sheets" data-search-exclude data-guide-finished data-page-lang="{ctx.lang}" '
        f'data-sheet-label="{label("card_sheet")}" '
        f'data-count-label="{label("card_count")}"><noscript><p>{label("card_noscript")}</p></noscript></div>\n\n'
        '<div class="guide-card-pool" data-search-exclude><template id="guide-card-pool"></template></div>\n\n'
        f"{decks}\n"
    )
    return ctx.out
