"""Behaviour cards: the page, the deck builder, and the printed PDF decks."""

from __future__ import annotations

import json
import math
import re
import subprocess

import pdfplumber
import pypdfium2
import pytest
import segno
from conftest import PUBLIC_URL, copy_project, run_build, serve
from html_text import visible_text

from guide.content.cards import deck
from guide.publish.downloads import plan
from guide.content.typography import for_language

MM = 72 / 25.4  # PDF points per millimetre
CARD_W, CARD_H, MARGIN = 63 * MM, 88 * MM, 6 * MM
SHORT_ID = re.compile(r"\b(?:AD|AV|TIP|L\d)-[0-9A-HJKMNP-TV-Z]{5}\b")


def _flat(text: str) -> str:
    """Text as pdf extraction gives it: any run of white space, hyphen breaks undone."""
    # pdfium marks a hyphen at the end of a line with \x02 and joins the lines.
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'").replace("\x02", "-")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a line broken after a hyphen


@pytest.fixture(scope="session")
def pdfs(published):
    """The PDFs a published build printed (see conftest.published)."""
    return published / "downloads"


def _deck_files(guide):
    return [d for d in plan(guide) if d.kind == "deck"]


def _cells(page) -> list[list[str]]:
    """The text of each of the nine card positions of a sheet (a pypdfium2 page), row by row.

    pdfium reads the text inside each card's box from its printed position (PDF
    coordinates start at the bottom left); much faster than parsing every QR code's
    squares as pdfplumber does."""
    width, height = page.get_size()
    text = page.get_textpage()
    left = (width - 3 * CARD_W) / 2
    return [[text.get_text_bounded(left + c * CARD_W, height - MARGIN - (r + 1) * CARD_H,
                                   left + (c + 1) * CARD_W, height - MARGIN - r * CARD_H)
             for c in range(3)] for r in range(3)]


def _sheets(path) -> list:
    return list(pypdfium2.PdfDocument(str(path)))


def _deck_file(site, competency: str) -> dict[str, str]:
    """A competency's deck file as cards.js receives it: its id and each language's cards."""
    text = (site / "cards" / "decks" / f"{competency}.js").read_text(encoding="utf-8")
    return json.loads(text.split(".push(", 1)[1].rsplit(");", 1)[0])


def test_cards_page_loads_every_card_in_both_languages_from_its_competency_s_deck_file(site, guide):
    """Each cards page loads every competency's deck file, which holds its cards in both
    languages; no card's text is in the page itself (an edit rewrites one small file)."""
    cards = deck(guide)
    for prefix in ("", "fr/"):
        page = site / prefix / "cards" / "index.html"
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r'<script src="([^"]*cards/decks/[^"]*)"></script>', html)
        assert len(scripts) == len(guide.competencies) == 1
        for src, folder in zip(scripts, guide.competencies, strict=True):
            deck_file = (page.parent / src).resolve()
            assert deck_file == (site / "cards" / "decks" / f"{folder.id}.js").resolve() and deck_file.is_file()
            loaded = _deck_file(site, folder.id)
            assert loaded["competency"] == folder.id
            for lang in ("en", "fr"):
                assert loaded[lang].count(f'data-lang="{lang}"') == len(cards) == 36
        assert 'class="guide-card ' not in html and cards[0].text.en not in html


def test_no_qr_code_without_a_public_site_url(site):
    assert "guide-card__qr" not in (site / "cards" / "index.html").read_text(encoding="utf-8")


def test_qr_code_links_each_card_to_its_item_online(published):
    html = _deck_file(published, "collaboration")["fr"]
    card = re.search(r'<article class="guide-card guide-card--tip" lang="fr"[^>]*data-item="tip-evaluate".*?</article>',
                     html, re.S).group(0)
    expected = segno.make("https://guide.example.org/fr/competencies/collaboration/tips/#tip-evaluate", error="m").svg_inline(
        scale=1, border=0, omitsize=True)
    expected_path = re.search(r' d="([^"]+)"', expected).group(1)
    assert expected_path in card


@pytest.mark.build
def test_a_published_build_without_a_public_site_url_stops_and_says_why(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_build(project, tmp_path / "site", GUIDE_PUBLISH="1")
    assert result.returncode != 0
    assert "SITE_URL is not set" in result.stderr and "SITE_URL=https://" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_preview_or_local_build_prints_no_pdf_and_links_none(site):
    assert not (site / "downloads").exists() or not list((site / "downloads").glob("*.pdf"))
    assert "guide-downloads" not in (site / "cards" / "index.html").read_text(encoding="utf-8")


def test_a_published_build_holds_every_pdf_with_the_sheets_its_link_announces(pdfs, guide):
    planned = plan(guide)
    assert {d.name for d in planned} == {p.name for p in pdfs.glob("*.pdf")}
    assert {(d.lang, d.paper) for d in planned if d.kind == "deck"} == {
        (lang, paper) for lang in ("en", "fr", "en-fr", "fr-en") for paper in ("a4", "letter")}
    for download in planned:
        with pdfplumber.open(pdfs / download.name) as pdf:
            assert len(pdf.pages) == download.sheets, download.name
            width = {"a4": 595, "letter": 612}[download.paper]
            assert all(abs(page.width - width) < 1 for page in pdf.pages), download.name
    assert {d.sheets for d in planned if d.kind == "deck"} == {math.ceil(len(deck(guide)) / 9),
                                                               2 * math.ceil(len(deck(guide)) / 9)}


def _links(html: str) -> dict[str, str]:
    """downloads/ file name -> the link's text as a reader sees it."""
    return {name: " ".join(visible_text(label).split())
            for name, label in re.findall(r'<a href="(?:\.\./)*downloads/([^"]+\.pdf)"[^>]*>(.*?)</a>', html, re.S)}


@pytest.mark.parametrize("prefix, expected", [
    ("", {"cards-en-fr-a4.pdf": "English and French, duplex, A4 — PDF, 8 sheets",
          "cards-fr-letter.pdf": "French, US Letter — PDF, 4 sheets",
          "cards-fr-en-letter.pdf": "French and English, duplex, US Letter — PDF, 8 sheets"}),
    ("fr/", {"cards-en-fr-a4.pdf": "Anglais et français, recto verso, A4 — PDF, 8 feuilles",
             "cards-fr-letter.pdf": "Français, Lettre US — PDF, 4 feuilles",
             "cards-fr-en-letter.pdf": "Français et anglais, recto verso, Lettre US — PDF, 8 feuilles"}),
])
def test_the_cards_page_links_every_deck_by_a_name_in_its_language(published, guide, prefix, expected):
    html = (published / prefix / "cards" / "index.html").read_text(encoding="utf-8")
    links = _links(html)
    assert set(links) == {d.name for d in _deck_files(guide)}
    for name, text in expected.items():
        assert links[name] == text
    assert not any(".pdf" in text for text in links.values()), "a link is named by its file"
    for name in links:
        assert (published / "downloads" / name).is_file()


def _qr_codes(pdf_path, tmp_path) -> list[str]:
    """The addresses in the QR codes of every page, read by zbarimg from 300 dpi pictures."""
    document = pypdfium2.PdfDocument(str(pdf_path))
    pictures = []
    for number in range(len(document)):
        png = tmp_path / f"{pdf_path.stem}-{number}.png"
        document[number].render(scale=300 / 72, grayscale=True).to_pil().save(png, compress_level=1)
        pictures.append(str(png))
    result = subprocess.run(["zbarimg", "--quiet", "--raw", *pictures], capture_output=True, text=True)
    return sorted(result.stdout.split())


def test_every_qr_code_of_every_deck_decodes_to_its_card_s_item_online(pdfs, guide, tmp_path):
    """Each deck on A4 (Letter prints the same page on other paper; reading every
    picture at 300 dpi is the slow part of this file)."""
    cards = deck(guide)
    for download in [d for d in _deck_files(guide) if d.paper == "a4"]:
        sides = download.lang.split("-")  # a duplex deck: fronts in one language, backs in the other
        # Written out here, not from qr_target: the test must not share the code it checks.
        wanted = sorted(f"{PUBLIC_URL}{'' if lang == 'en' else lang + '/'}{card.page}#{card.item_id}"
                        for lang in sides for card in cards)
        assert _qr_codes(pdfs / download.name, tmp_path) == wanted, download.name


@pytest.mark.parametrize("deck_name, lang", [("en", "en"), ("fr", "fr")])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_each_printed_deck_has_every_card_whole_in_one_place(pdfs, guide, deck_name, lang, paper):
    cards = deck(guide)
    pages = _sheets(pdfs / f"cards-{deck_name}-{paper}.pdf")
    assert len(pages) == math.ceil(len(cards) / 9)
    cells = [_flat(text) for page in pages for row in _cells(page) for text in row]
    for card in cards:
        wanted = _flat(for_language(card.get(lang), lang))
        holders = [cell for cell in cells if wanted in cell]
        assert len(holders) == 1, f"{card.code} ({lang}) is not whole on exactly one card: {wanted}"
        assert card.code in holders[0]


@pytest.mark.parametrize("front, back", [("en", "fr"), ("fr", "en")])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_duplex_backs_are_mirrored_translations(pdfs, guide, paper, front, back):
    """The card at row r, column c of a front sheet has its translation at row r,
    column 4 − c of the back sheet: after a long-edge flip, each card's own back."""
    cards = deck(guide)
    by_id = {card.code: card for card in cards}
    pages = _sheets(pdfs / f"cards-{front}-{back}-{paper}.pdf")
    assert len(pages) == 2 * math.ceil(len(cards) / 9)
    checked = 0
    for front_page, back_page in zip(pages[0::2], pages[1::2], strict=True):
        fronts, backs = _cells(front_page), _cells(back_page)
        for r in range(3):
            for c in range(3):
                found = SHORT_ID.search(fronts[r][c])
                if not found:
                    continue
                card = by_id[found.group(0)]
                mirrored = _flat(backs[r][2 - c])  # column c of the front is 4 − c (1-based) on the back
                assert card.code in mirrored
                assert _flat(for_language(card.get(back), back)) in mirrored
                assert _flat(for_language(card.get(front), front)) in _flat(fronts[r][c])
                checked += 1
    assert checked == len(cards)


def test_a_printed_sheet_is_not_blank_and_stays_inside_the_margins(pdfs):
    document = pypdfium2.PdfDocument(str(pdfs / "cards-fr-letter.pdf"))
    image = document[0].render(scale=2).to_pil().convert("L")
    width, height = image.size
    dark = image.point(lambda value: 255 if value < 200 else 0)
    box = dark.getbbox()
    assert box is not None, "the sheet is blank"
    margin = 5 * 2 * 72 / 25.4  # 5 mm at this scale, a little inside the 6 mm page margin
    assert box[0] >= margin and box[1] >= margin
    assert box[2] <= width - margin and box[3] <= height - margin
    inked = dark.histogram()[255] / (width * height)
    assert inked > 0.01, "almost nothing is printed"


def test_no_card_text_overflows_its_card_in_print(browser, published):
    """With QR codes (a published build), as the printed decks have them."""
    page = browser.new_page()
    with serve(published) as origin:
        for path in ("/cards/?lang=en&paper=letter", "/fr/cards/?lang=fr&paper=letter"):
            page.goto(origin + path)
            page.emulate_media(media="print")
            overflowing = page.evaluate(
                """[...document.querySelectorAll('.guide-sheets .guide-card__text')]
                     .filter(p => p.scrollHeight > p.clientHeight + 1).map(p => p.textContent.slice(0, 40))""")
            assert overflowing == [], (path, overflowing)
    page.close()


def test_the_deck_builder_filters_and_keeps_the_choice_in_the_address(browser, server):
    page = browser.new_page()
    page.goto(server + "/fr/cards/")
    page.get_by_label("Conseil").uncheck()
    page.get_by_label("À éviter").uncheck()
    page.get_by_label("Niveau 3").uncheck()
    assert "kinds=adopt%2Clevel&levels=1%2C2%2C4&lang=fr" in page.url
    shown = page.eval_on_selector_all(".guide-sheets .guide-card",
                                      "cards => cards.map(c => c.dataset.kind + (c.dataset.level || ''))")
    assert shown.count("adopt") == 12 and "level3" not in shown and "tip" not in shown
    assert len([k for k in shown if k.startswith("level")]) == 6
    assert page.locator(".guide-sheet").first.get_attribute("aria-label") == "Feuille 1"
    assert page.locator(".guide-deck-count").inner_text() == "18 cartes"
    # A shared address rebuilds the same deck.
    shared = page.url
    other = browser.new_page()
    other.goto(shared)
    assert other.eval_on_selector_all(".guide-sheets .guide-card", "c => c.length") == len(shown)
    assert other.get_by_label("Conseil").is_checked() is False
    other.close()
    page.close()


def test_the_deck_builder_offers_french_fronts_and_keeps_them_in_the_address(browser, server):
    page = browser.new_page()
    page.goto(server + "/cards/")
    page.get_by_label("Both: French front, English back").check()
    assert page.url.endswith("lang=fr-en")
    sheets = page.locator(".guide-sheet")
    front = sheets.nth(0).locator(".guide-card").evaluate_all("c => c.map(x => [x.lang, x.dataset.item])")
    back = sheets.nth(1).locator(".guide-card").evaluate_all("c => c.map(x => [x.lang, x.dataset.item])")
    assert {lang for lang, _ in front} == {"fr"} and {lang for lang, _ in back} == {"en"}
    rows = [front[i:i + 3] for i in range(0, 9, 3)]
    assert [item for _, item in back] == [item for row in rows for _, item in reversed(row)]
    # An address shared before French fronts existed still gives English fronts.
    page.goto(server + "/fr/cards/?lang=bi")
    assert page.get_by_label("Les deux : recto en anglais, verso en français").is_checked()
    assert page.locator(".guide-sheet").first.locator(".guide-card").first.get_attribute("lang") == "en"
    page.close()
