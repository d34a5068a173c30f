"""The run sheet a facilitator hands out: one printed page, filled in from its address."""

from __future__ import annotations

import html as html_module
import json
import re
from urllib.parse import urlencode

import pdfplumber
import pytest
from conftest import PUBLIC_URL
from html_text import normalise

from guide.render.diagrams import clock, shown_span, shown_time, timed_slots
from guide.content.typography import for_language

PATH = {"en": "/competencies/collaboration/run-sheet/", "fr": "/fr/competencies/collaboration/run-sheet/"}
DETAILS = {"date": "2026-12-03", "start": "09:10", "place": "Room 4, second floor", "facilitator": "Team lead"}
SHOWN_DATE = {"en": "Thursday, December 3, 2026", "fr": "jeudi 3 décembre 2026"}
PAPER_WIDTH = {"a4": 595, "letter": 612}  # points
BODY_PT = 11


def _query(details: dict[str, str], paper: str) -> str:
    from urllib.parse import urlencode

    return "?" + urlencode({"paper": paper, **details})


def _spaced(text: str) -> str:
    """Text whose no-break spaces (French times) read as spaces, as a PDF's text may give them."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _plain(text: str) -> str:
    """Text as pdfium reads it from print, and as the YAML says it, made comparable:
    one kind of space and apostrophe, no space before French punctuation, and a
    hyphen where pdfium marks one at the end of a line (\\x02 or \\ufffe)."""
    text = re.sub(r"[\x02\ufffe]", "-", text).replace("’", "'")
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text)
    return re.sub(r" ([?!:;»])", r"\1", text).strip()


def _printed(browser, url: str, out) -> pdfplumber.PDF:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
    page.close()
    return pdfplumber.open(out)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_run_sheet_prints_on_one_page_filled_in_from_its_address(browser, server, guide, tmp_path, lang, paper):
    with _printed(browser, server + PATH[lang] + _query(DETAILS, paper), tmp_path / "sheet.pdf") as pdf:
        assert len(pdf.pages) == 1, f"{len(pdf.pages)} pages"
        sheet = pdf.pages[0]
        assert abs(sheet.width - PAPER_WIDTH[paper]) < 1
        text = normalise(sheet.extract_text().replace("\n", " "))
        sizes = sorted({round(char["size"], 1) for char in sheet.chars if char["text"].strip()})
    assert sizes[0] >= BODY_PT, f"text at {sizes[0]} pt"
    for value in (SHOWN_DATE[lang], DETAILS["place"], DETAILS["facilitator"]):
        assert normalise(value) in text, value
    for slot, offset, _, _ in timed_slots(guide.workshop):
        # As the language writes times: "09:10–09:30", « 9 h 10 – 9 h 30 » (issue 33).
        span = _spaced(shown_span(clock('09:10', offset), clock('09:10', offset + slot.minutes), lang))
        assert span in _spaced(text), f"{slot.id}: {span} is not on the sheet"
        assert normalise(for_language(slot.name.get(lang), lang)).split()[-1] in text
    assert guide.workshop.start not in text, "a time from the YAML's start is still printed"
    assert any(slot.kind == "plenary" and slot.name.get("en") == "Plenary" for slot in guide.workshop.schedule)
    for slot in guide.workshop.schedule:  # past sessions' remarks stay on the workshop page
        if slot.past is not None:
            assert normalise(for_language(slot.past.get(lang), lang))[:40] not in text
    assert "Print" not in text and "Imprimer" not in text, "the print button is printed"


def test_past_sessions_stay_on_the_workshop_page(site, guide):
    html = (site / "competencies/collaboration/workshop/index.html").read_text(encoding="utf-8")
    sheet = (site / "competencies/collaboration/run-sheet/index.html").read_text(encoding="utf-8")
    pasts = [slot.past.get("en") for slot in guide.workshop.schedule if slot.past is not None]
    assert pasts
    for past in pasts:
        assert past[:40] in html and past[:40] not in sheet


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_search_finds_the_run_sheet_by_its_own_text_not_the_pack_s_cards(site, guide, lang):
    """The pack's deck is hidden on the page: a behaviour searched for leads to its
    competency's page, not to the run sheet."""
    root = site if lang == "en" else site / lang
    docs = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    sheet = " ".join(d["text"] for d in docs if d["location"].startswith("competencies/collaboration/run-sheet/"))
    behaviour = for_language(guide.competency.adopt[0].get(lang), lang)
    question = for_language(guide.workshop.schedule[0].questions[0].get(lang), lang)
    assert question in html_module.unescape(sheet), "the run sheet's own text is not searchable"
    assert behaviour[:30] not in html_module.unescape(sheet), "the pack's cards are indexed as the run sheet's text"


def test_the_details_typed_in_go_into_the_address_and_the_times_follow(browser, server):
    page = browser.new_page()
    page.goto(server + PATH["fr"])
    first = page.locator(".guide-rs-time").first
    assert first.inner_text() == shown_span("14:35", "14:55", "fr")
    page.get_by_label("Heure de début").fill("08:00")
    page.get_by_label("Animation").fill("Équipe RH")
    assert first.inner_text() == shown_span("08:00", "08:20", "fr")
    assert "start=08%3A00" in page.url and "facilitator=%C3%89quipe+RH" in page.url
    shared = browser.new_page()
    shared.goto(page.url)
    assert shared.locator('[data-rs="facilitator"]').inner_text() == "Équipe RH"
    assert shared.locator(".guide-rs-time").first.inner_text() == shown_span("08:00", "08:20", "fr")
    shared.close()
    page.close()


def test_an_address_s_details_are_shown_as_text_never_as_markup(browser, server):
    page = browser.new_page()
    hostile = {"facilitator": '<img src=x onerror="window.__ran=1">', "place": "<b>Room</b>&amp;",
               "start": "25:99", "date": "<script>"}
    page.goto(server + PATH["en"] + _query(hostile, "a4"))
    sheet = page.locator(".guide-run-sheet")
    assert sheet.locator("img, b, script").count() == 0
    assert page.evaluate("window.__ran === undefined")
    assert page.locator('[data-rs="facilitator"]').inner_text() == hostile["facilitator"]
    assert page.locator('[data-rs="place"]').inner_text() == "<b>Room</b>&amp;"
    assert page.locator('[data-rs="start"]').inner_text() == "14:35", "an impossible time falls back"
    assert page.locator('[data-rs="date"]').inner_text() == ""
    page.close()


def test_the_published_run_sheets_are_linked_and_leave_lines_to_fill_in(published, tmp_path):
    for prefix, name in (("", "English, A4 — PDF, 1 sheet"), ("fr/", "Anglais, A4 — PDF, 1 feuille")):
        html = (published / prefix / "competencies/collaboration/run-sheet/index.html").read_text(encoding="utf-8")
        assert re.search(r'href="(\.\./)+downloads/run-sheet-collaboration-en-a4\.pdf"[^>]*>' + re.escape(name) + "<",
                         html.replace("\u00a0", " ").replace("\u202f", " ")), prefix
    with pdfplumber.open(published / "downloads" / "run-sheet-collaboration-fr-letter.pdf") as pdf:
        assert len(pdf.pages) == 1
        text = normalise(pdf.pages[0].extract_text().replace("\n", " "))
    assert _spaced(shown_span("14:35", "14:55", "fr")) in _spaced(text) and "Plénière" in text


def test_links_in_the_published_pdfs_lead_to_the_public_site(published):
    """A PDF is read away from the build: its links name the public address, never the
    loopback server it was printed from, whose port changes with every build."""
    links = {}
    for path in sorted((published / "downloads").glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            links[path.name] = [link["uri"] for page in pdf.pages for link in page.hyperlinks]
    assert links["run-sheet-collaboration-fr-a4.pdf"] == [PUBLIC_URL + "fr/competencies/collaboration/"]
    assert links["pack-collaboration-en-letter.pdf"][0] == PUBLIC_URL + "competencies/collaboration/"
    assert not {name: uri for name, uris in links.items() for uri in uris if not uri.startswith(PUBLIC_URL)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_facilitator_s_pack_is_the_run_sheet_the_rotations_questions_and_the_deck(published, guide, lang):
    """One download per language and paper: sheet 1 the run sheet, then a card per
    rotation with its questions, then the competency's deck in that language."""
    import pypdfium2

    from guide.content.cards import deck

    document = pypdfium2.PdfDocument(str(published / "downloads" / f"pack-collaboration-{lang}-a4.pdf"))
    pages = [_plain(document[n].get_textpage().get_text_range()) for n in range(len(document))]
    rotations = [slot for slot in guide.workshop.schedule if slot.kind == "rotation"]
    cards = deck(guide)
    assert len(pages) == 1 + 1 + -(-len(cards) // 9)
    plenary = next(slot for slot in guide.workshop.schedule if slot.kind == "plenary" and not slot.questions
                   and slot is guide.workshop.schedule[-1])
    assert _spaced(shown_time(guide.workshop.start, lang)) in _spaced(pages[0])
    assert _plain(plenary.name.get(lang)) in pages[0]
    for slot in rotations:
        for question in slot.questions:
            assert _plain(question.get(lang)) in pages[1], question.get(lang)
    printed = " ".join(pages[2:])
    assert all(card.code in printed for card in cards)
    word = "Adopt" if lang == "en" else "À adopter"
    assert word.upper() in printed.upper()
    for prefix, title in (("", "The facilitator's pack"), ("fr/", "La trousse de l")):
        html = (published / prefix / "competencies/collaboration/run-sheet/index.html").read_text(encoding="utf-8")
        assert title in html.replace("&#39;", "'").replace("’", "'")
        assert "downloads/pack-collaboration-fr-letter.pdf" in html


def test_a_day_that_does_not_exist_is_not_shown_as_another_one(browser, server):
    """2026-02-31 reads as a date but is none: the sheet leaves the line blank rather
    than printing 3 March, and keeps the address's fragment when a field changes."""
    page = browser.new_page()
    page.goto(server + PATH["en"] + "?date=2026-02-31#top")
    assert page.locator('[data-rs="date"]').inner_text() == ""
    page.goto(server + PATH["en"] + "?date=2026-02-28#top")
    assert "28" in page.locator('[data-rs="date"]').inner_text()
    page.get_by_label("Place").fill("Room 4")
    assert page.url.endswith("#top"), page.url
    page.close()


def test_the_pack_is_shown_once_and_only_when_asked_for(browser, server):
    """?pack=1 adds the rest of the facilitator's pack after the sheet; the build adds it
    to a loaded sheet with guidePack (print_pdfs), which must not add it twice."""
    page = browser.new_page()
    page.goto(server + PATH["fr"])
    assert page.locator(".guide-pack-part").count() == 0
    page.goto(server + PATH["fr"] + "?pack=1")
    parts = page.locator(".guide-pack-part")
    assert parts.count() == 2
    assert page.evaluate("window.guidePack()") is True
    assert parts.count() == 2, "the pack was added twice"
    assert parts.first.inner_text().strip(), "the pack's question cards are empty"
    page.close()


BIDI_AND_CONTROLS = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u0085\u009b"
LONE_SURROGATE = r"/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/"


def test_direction_controls_in_the_address_are_dropped_and_the_place_prints_as_typed(browser, server, tmp_path):
    """A right-to-left override would print "Salle Nord" as "droN ellaS": the sheet shows
    and prints the letters in the order typed, with no invisible control left."""
    details = {"place": "\u202eSalle Nord", "facilitator": "\u2067Équipe\u2069 RH\u200f\u0085"}
    url = server + PATH["fr"] + _query(details, "a4")
    with _printed(browser, url, tmp_path / "sheet.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "Salle Nord" in text and "droN" not in text
    page = browser.new_page()
    page.goto(url)
    shown = {name: page.locator(f'[data-rs="{name}"]').inner_text() for name in details}
    typed = {name: page.locator(f'.guide-rs-form input[name="{name}"]').input_value() for name in details}
    page.close()
    assert shown == {"place": "Salle Nord", "facilitator": "Équipe RH"}
    assert typed == shown


def test_a_long_name_is_cut_between_characters_never_inside_one(browser, server):
    """The details are cut to the form's length (80), at the end of a whole character
    as a person sees it: never half an emoji (a lone surrogate) nor half a family."""
    page = browser.new_page()
    for name, expected in (("A" * 79 + "\U0001F600" + "tail", "A" * 79),
                           ("A" * 75 + "\U0001F469\u200d\U0001F469\u200d\U0001F467" + "tail", "A" * 75),
                           ("É" * 70 + "\U0001F600" * 5, "É" * 70 + "\U0001F600" * 5)):
        page.goto(server + PATH["en"] + "?" + urlencode({"facilitator": name}))
        cell = page.locator('[data-rs="facilitator"]')
        assert not cell.evaluate(f"el => {LONE_SURROGATE}.test(el.textContent)"), "a lone surrogate is shown"
        assert cell.inner_text() == expected
        assert page.locator('.guide-rs-form input[name="facilitator"]').input_value() == expected
    page.close()
