"""The example builder and the rating guide (issue 34), in Chromium, in both languages.

Read on the catalogue with the fictional fixture competency beside collaboration, so
each competency is seen to get its own prompts: an employee writes an example, reloads,
exports, imports, erases and prints it; an assessor prints one page per level.
"""

from __future__ import annotations

import json
from datetime import date

import pdfplumber
import pytest
from conftest import BROWSER_TIMEOUT_MS, FIXTURE_COMPETENCY, serve
from html_text import normalise
from playwright.sync_api import expect
from quality_checks import accessibility_problems, horizontal_scroll_problems

from guide.content.typography import for_language
from guide.render.example_builder import FIELD_MAX, FIELDS, FORMAT, STORAGE_KEY

LANGS = {"en": "", "fr": "fr/"}
HOSTILE = '<img src=x onerror=window.__pwned=true> </textarea><script>window.__pwned=true</script> & "‘'
MONTHS = {"en": "January February March April May June July August September October November December",
          "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"}


@pytest.fixture(scope="module")
def origin(fixture_site):
    with serve(fixture_site) as url:
        yield url


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def _open(context, origin, lang="en", kind="example-builder", competency="collaboration"):
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    page.goto(f"{origin}/{LANGS[lang]}competencies/{competency}/{kind}/")
    return page


def _text(guide, bilingual, lang: str) -> str:
    return normalise(for_language(bilingual.get(lang), lang))


def _label(guide, name: str, lang: str, **values: str) -> str:
    text = getattr(guide.labels, name).get(lang)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return normalise(for_language(text, lang))


def _level(guide, number: int):
    return next(level for level in guide.competency.levels if level.number == number)


def _level_title(guide, lang, level) -> str:
    return _label(guide, "eb_level_concept", lang, level=str(level.number), concept=level.concept.get(lang))


def _stored(page, competency="collaboration"):
    raw = page.evaluate(f"window.localStorage.getItem({STORAGE_KEY.format(competency=competency)!r})")
    return None if raw is None else json.loads(raw)


def _fill(page, texts: dict[str, str], level: int | None = 3) -> None:
    if level is not None:
        page.locator("#eb-level").select_option(str(level))
    for name, text in texts.items():
        page.locator(f"#eb-{name}").fill(text)


def _values(page) -> dict[str, str]:
    return {name: page.locator(f"#eb-{name}").input_value() for name in FIELDS}


def _flat(text: str) -> str:
    """Text as a PDF reads back: no-break spaces are plain spaces there."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _today(lang: str) -> str:
    today = date.today()
    month = MONTHS[lang].split()[today.month - 1]
    return f"{month} {today.day}, {today.year}" if lang == "en" else f"{today.day} {month} {today.year}"


@pytest.mark.parametrize("lang", LANGS)
def test_an_example_is_kept_after_a_reload_with_its_level_prompts_beside_it(context, origin, fixture_guide, lang):
    guide = fixture_guide.focus("collaboration")
    page = _open(context, origin, lang)
    texts = {name: f"{name}: mon texte à moi, written on purpose" for name in FIELDS}
    _fill(page, texts)
    page.reload()
    assert _values(page) == texts
    assert page.locator("#eb-level").input_value() == "3"
    # Beside the text: the chosen level's behaviours, its note, and what sets it apart from level 2.
    shown = normalise(page.locator(".guide-eb-prompts").inner_text())
    level3, level2 = _level(guide, 3), _level(guide, 2)
    for behaviour in level3.behaviours:
        assert _text(guide, behaviour, lang) in shown
    assert _text(guide, level3.note, lang) in shown
    assert _label(guide, "eb_differs", lang, level="2") in shown and _text(guide, level2.concept, lang) in shown
    for other in (_level(guide, 1), _level(guide, 4)):
        assert _text(guide, other.behaviours[0], lang) not in shown
    for dimension in guide.competency.scale:
        assert _text(guide, dimension.name, lang) in shown
    assert page.locator(".guide-eb-prompts").is_visible()


def test_two_tabs_never_lose_each_others_text(context, origin):
    first, second = _open(context, origin), _open(context, origin)
    _fill(first, {"situation": "Typed in the first tab"})
    expect(second.locator("#eb-situation")).to_have_value("Typed in the first tab")  # followed, not reloaded
    _fill(second, {"action": "Typed in the second tab"}, level=None)
    expect(first.locator("#eb-action")).to_have_value("Typed in the second tab")
    _fill(first, {"whom": "Again in the first"}, level=None)
    first.reload()
    assert _values(first)["situation"] == "Typed in the first tab"
    assert _values(first)["action"] == "Typed in the second tab" and _values(first)["whom"] == "Again in the first"
    assert first.locator("#eb-level").input_value() == "3"


@pytest.mark.parametrize("lang", LANGS)
def test_export_import_and_erase_refusing_a_foreign_or_damaged_file(context, origin, fixture_guide, lang, tmp_path):
    page = _open(context, origin, lang)
    texts = {"situation": "Réseau d'entreprises locales", "dimension-scale-benefit": "Long term"}
    _fill(page, texts, level=2)
    with page.expect_download() as download:
        page.locator('[data-eb-action="download"]').click()
    saved = tmp_path / "example.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data == {"format": FORMAT, "version": 1, "competency": "collaboration",
                    "example": {"level": "2", **texts}}

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-eb-action="erase"]').click()
    assert _stored(page) is None and set(_values(page).values()) == {""}
    assert page.locator("#eb-level").input_value() == ""
    page.locator("#eb-import").set_input_files(str(saved))
    expect(page.locator("#eb-situation")).to_have_value(texts["situation"])
    assert page.locator("#eb-level").input_value() == "2"
    assert _stored(page)["example"] == data["example"]
    expect(page.locator("[data-eb-message]")).to_have_text(_label(fixture_guide, "eb_imported", lang))

    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({**data, "competency": FIXTURE_COMPETENCY,
                                   "example": {"situation": "Not mine"}}), encoding="utf-8")
    damaged = tmp_path / "damaged.json"
    damaged.write_text(saved.read_text(encoding="utf-8")[:40], encoding="utf-8")
    other_format = tmp_path / "other.json"
    other_format.write_text(json.dumps({**data, "format": "collaboration-guide-self-assessment"}), encoding="utf-8")
    for refused in (foreign, damaged, other_format):
        page.evaluate("document.querySelector('[data-eb-message]').textContent = ''")
        page.locator("#eb-import").set_input_files(str(refused))
        expect(page.locator("[data-eb-message]")).to_have_text(
            _label(fixture_guide, "eb_import_failed", lang))
        assert _values(page)["situation"] == texts["situation"] and _stored(page)["example"] == data["example"]


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_text_is_shown_and_printed_as_typed(context, origin, lang):
    page = _open(context, origin, lang)
    _fill(page, dict.fromkeys(FIELDS, HOSTILE))
    page.reload()
    assert set(_values(page).values()) == {HOSTILE}
    page.emulate_media(media="print")
    printed = page.locator("[data-eb-print]").inner_text()
    assert printed.count(HOSTILE) == len(FIELDS)
    assert page.locator("[data-eb-print] img, [data-eb-print] script").count() == 0
    assert page.evaluate("window.__pwned") is None


@pytest.mark.parametrize(("lang", "paper"), [("en", "Letter"), ("fr", "A4")])
def test_the_printout_is_one_page_naming_competency_level_and_date(context, origin, fixture_guide, lang, paper,
                                                                   tmp_path):
    guide = fixture_guide.focus("collaboration")
    page = _open(context, origin, lang)
    _fill(page, {name: ("Un texte assez long pour remplir la page. " * 40)[:FIELD_MAX] for name in FIELDS}, level=4)
    pdf = tmp_path / "example.pdf"
    page.pdf(path=str(pdf), format=paper)
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == 1
        printed = _flat(document.pages[0].extract_text())
    assert _flat(_text(guide, guide.competency.name, lang)) in printed
    assert _flat(_level_title(guide, lang, _level(guide, 4))) in printed
    assert _flat(_label(guide, "eb_date", lang) + " " + _today(lang)) in printed
    for label in FIELDS.values():
        assert _flat(_label(guide, label, lang)) in printed
    assert _flat(_label(guide, "eb_erase", lang)) not in printed
    assert _flat(_label(guide, "eb_intro", lang))[:30] not in printed


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("competency", ["collaboration", FIXTURE_COMPETENCY])
def test_the_rating_guide_prints_one_page_per_level(context, origin, fixture_guide, lang, paper, competency,
                                                    tmp_path):
    guide = fixture_guide.focus(competency)
    page = _open(context, origin, lang, "rating-guide", competency)
    pdf = tmp_path / "rating.pdf"
    page.pdf(path=str(pdf), format=paper)
    with pdfplumber.open(pdf) as document:
        pages = [_flat(p.extract_text()) for p in document.pages]
    levels = guide.competency.levels
    assert len(pages) == len(levels), [p[:80] for p in pages]
    for printed, level in zip(pages, levels, strict=True):
        assert _flat(_level_title(guide, lang, level)) in printed
        assert _flat(_text(guide, level.behaviours[0], lang)) in printed
        assert _flat(_label(guide, "rg_grid", lang)) in printed and _flat(_label(guide, "rg_questions", lang)) in printed


def test_each_competency_gets_its_own_prompts_and_questions(context, origin, fixture_guide):
    collaboration, fixture = fixture_guide.focus("collaboration"), fixture_guide.focus(FIXTURE_COMPETENCY)
    page = _open(context, origin, "en", competency=FIXTURE_COMPETENCY)
    page.locator("#eb-level").select_option("1")
    shown = normalise(page.locator(".guide-eb-prompts").inner_text())
    assert _text(fixture, _level(fixture, 1).behaviours[0], "en") in shown
    assert _text(fixture, fixture.competency.scale[0].name, "en") in shown
    assert _text(collaboration, collaboration.competency.scale[0].name, "en") not in shown
    assert _text(collaboration, _level(collaboration, 1).behaviours[0], "en") not in shown
    # The fixture writes no questions: the rating guide makes them from its own behaviours and scale.
    assert all(not level.questions for level in fixture.competency.levels)
    page = _open(context, origin, "fr", "rating-guide", FIXTURE_COMPETENCY)
    questions = normalise(page.locator('[data-rg-level="1"]').inner_text())
    behaviour = _level(fixture, 1).behaviours[0].get("fr")
    assert _label(fixture, "rg_q_behaviour", "fr", behaviour=behaviour) in questions
    dimension = fixture.competency.scale[0]
    assert _label(fixture, "rg_q_dimension", "fr", dimension=dimension.name.fr, lower=dimension.lower.fr,
                  higher=dimension.higher.fr) in questions
    assert _text(collaboration, _level(collaboration, 1).questions[0], "fr") not in questions
    # Collaboration's own questions, each citing its source.
    page = _open(context, origin, "en", "rating-guide")
    level1 = page.locator('[data-rg-level="1"]')
    for question in _level(collaboration, 1).questions:
        assert _text(collaboration, question, "en") in normalise(level1.inner_text())
    assert level1.locator("li:has(a.guide-cite)").count() >= len(_level(collaboration, 1).questions)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["example-builder", "rating-guide"])
def test_axe_finds_nothing_and_a_phone_never_scrolls_sideways(browser, origin, lang, kind):
    problems = []
    for competency in ("collaboration", FIXTURE_COMPETENCY):
        for viewport, scheme in (({"width": 1280, "height": 900}, "light"), ({"width": 360, "height": 740}, "dark")):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = _open(context, origin, lang, kind, competency)
            if kind == "example-builder":
                _fill(page, {"situation": "x" * 300}, level=1)
            where = f"{competency} {kind} {lang} {viewport['width']}px {scheme}"
            problems += [f"{where}: {p}" for p in accessibility_problems(page) + horizontal_scroll_problems(page)]
            context.close()
    assert not problems, "\n".join(problems)
