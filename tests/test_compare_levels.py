"""Levels side by side, from level to level, and the catalogue as a grid (issue 20).

Read in Chromium as a person meets them, in both languages, on the catalogue
with the fictional fixture competency beside collaboration (two groups):
every behaviour in its level's column, in order; the cumulative view of level
N holds exactly levels 1 to N, each marked; an address naming levels opens
with them side by side; the grid lists every competency and level and prints
one landscape page per group. ``test_level_checks_fail`` shows each check failing.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from conftest import BROWSER_TIMEOUT_MS, FIXTURE_COMPETENCY, serve
from html_text import normalise
from level_checks import (ShownLevel, column_problems, cumulative_problems, grid_problems, hostile_address_problems,
                          keyboard_column_problems, landscape_pages_problems, shown_levels, side_by_side_problems)
from quality_checks import accessibility_problems, phone_layout_problems, small_text_problems

from guide.content.typography import for_language

LANGS = {"en": "", "fr": "fr/"}
HOSTILE_ADDRESSES = [
    "?levels=<img src=x onerror=window.__pwned=true>", "?levels=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3Dtrue%3E",
    "?levels=2,99", "?levels=2;3", "?levels=2,,3", "?levels=2,3,", "?levels=1e1", "?levels=-2", "?levels=" + "2," * 40 + "3",
    "?view=<b>x</b>", "?levels=2&levels=<svg/onload=window.__pwned=true>",
]


def _word(guide, lang: str) -> str:
    return normalise(for_language(guide.labels.level.get(lang), lang))


@pytest.fixture(scope="module")
def origin(fixture_site):
    with serve(fixture_site) as url:
        yield url


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})  # a plain viewport, no emulation zoom
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


def _cumulative(page) -> None:
    """Switch views as a reader does: by the radio button's label."""
    page.locator("label:has(#compare-view-cumulative)").click()


@pytest.mark.parametrize("lang", LANGS)
def test_every_behaviour_is_in_its_column_and_each_cumulative_level_adds_the_levels_below(
        desktop, origin, fixture_guide, lang):
    problems = []
    assert len(fixture_guide.competencies) == 2
    for folder in fixture_guide.competencies:
        levels = shown_levels(folder.competency, lang)
        desktop.goto(f"{origin}/{LANGS[lang]}competencies/{folder.id}/compare/")
        problems += [f"{folder.id}: {p}" for p in column_problems(desktop, levels, _word(fixture_guide, lang))]
        _cumulative(desktop)
        problems += [f"{folder.id}: {p}" for p in cumulative_problems(desktop, levels, _word(fixture_guide, lang))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_an_address_naming_levels_2_and_3_opens_with_those_two_side_by_side(desktop, origin, fixture_guide, lang):
    base = f"{origin}/{LANGS[lang]}competencies/collaboration/compare/"
    desktop.goto(base + "?levels=2,3")
    problems = side_by_side_problems(desktop, [2, 3])
    desktop.goto(base + "?levels=2,3&view=cumulative")
    problems += [f"cumulative: {p}" for p in side_by_side_problems(desktop, [2, 3])]
    # Only columns 2 and 3 show: what they hold is checked, the absence of 1 and 4 is the point.
    levels = shown_levels(fixture_guide.folder("collaboration").competency, lang)
    problems += [p for p in cumulative_problems(desktop, levels, _word(fixture_guide, lang))
                 if re.match(r"cumulative level [23] ", p)]
    assert not problems, "\n".join(problems)


def test_without_a_script_the_controls_still_choose_the_levels_and_the_view(browser, origin, fixture_guide):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{origin}/competencies/collaboration/compare/?levels=2,3")
    problems = side_by_side_problems(page, [1, 2, 3, 4])  # the address needs the script: every level shows
    page.locator("label:has(#compare-level-1)").click()
    page.locator("label:has(#compare-level-4)").click()
    problems += side_by_side_problems(page, [2, 3])
    _cumulative(page)
    levels = shown_levels(fixture_guide.folder("collaboration").competency, "en")
    problems += side_by_side_problems(page, [2, 3])
    problems += [p for p in cumulative_problems(page, levels, _word(fixture_guide, "en"))
                 if re.match(r"cumulative level [23] |the side-by-side", p)]
    context.close()
    assert not problems, "\n".join(problems)


def test_choosing_levels_writes_them_into_the_address_to_send(desktop, origin):
    desktop.goto(f"{origin}/competencies/collaboration/compare/")
    desktop.locator("label:has(#compare-level-1)").click()
    desktop.locator("label:has(#compare-level-4)").click()
    _cumulative(desktop)
    assert desktop.evaluate("location.search") == "?levels=2,3&view=cumulative"
    sent = desktop.url
    desktop.goto("about:blank")
    desktop.goto(sent)
    assert side_by_side_problems(desktop, [2, 3]) == []


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_a_hostile_address_shows_every_level_and_adds_nothing(desktop, origin, address):
    desktop.goto(f"{origin}/competencies/collaboration/compare/{address}")
    desktop.wait_for_load_state("load")
    problems = hostile_address_problems(desktop)
    shown = desktop.evaluate("""() => [...document.querySelectorAll('.guide-compare-side .guide-compare-column')]
        .filter(c => c.checkVisibility()).map(c => Number(c.dataset.column))""")
    wanted = [2] if address.startswith("?levels=2&levels=") else [1, 2, 3, 4]
    assert shown == wanted and not problems, (shown, problems)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["side", "cumulative"])
def test_at_360_px_the_page_never_scrolls_sideways_and_the_keyboard_reaches_every_column(
        phone, origin, fixture_guide, lang, view):
    problems = []
    for folder in fixture_guide.competencies:
        phone.goto(f"{origin}/{LANGS[lang]}competencies/{folder.id}/compare/" + ("?view=cumulative" if view != "side" else ""))
        problems += [f"{folder.id}: {p}" for p in phone_layout_problems(phone) + small_text_problems(phone)
                     + keyboard_column_problems(phone)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_desktop_keyboard_reaches_every_column_and_axe_finds_nothing_in_either_view(desktop, origin, lang):
    problems = []
    for address in ("", "?view=cumulative", "?levels=2,3"):
        desktop.goto(f"{origin}/{LANGS[lang]}competencies/collaboration/compare/{address}")
        problems += [f"{address}: {p}" for p in keyboard_column_problems(desktop) + accessibility_problems(desktop)]
    for address in ("", "#team"):
        desktop.goto(f"{origin}/{LANGS[lang]}levels/{address}")
        problems += [f"grid {address}: {p}" for p in accessibility_problems(desktop)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_each_level_shows_what_reaching_the_next_one_takes_with_tips_and_a_comparison(desktop, origin, fixture_guide, lang):
    guide = fixture_guide
    desktop.goto(f"{origin}/{LANGS[lang]}competencies/collaboration/")
    tips = {t.id: normalise(for_language((t.card or t).get(lang), lang)) for t in guide.folder("collaboration").tips.tips}
    levels = guide.folder("collaboration").competency.levels
    blocks = desktop.evaluate("""() => [...document.querySelectorAll('.guide-next-level')].map(b => ({
        next: Number(b.dataset.nextLevel),
        items: [...b.querySelectorAll('.guide-next-behaviours > li')].map(li => ({
            text: li.querySelector('.guide-next-text').innerText,
            tips: [...li.querySelectorAll('.guide-next-tips a')].map(a =>
                [a.innerText, new URL(a.href).pathname + new URL(a.href).hash])})),
        compare: [...b.querySelectorAll('p > a')].map(a => new URL(a.href).pathname + new URL(a.href).search)}))""")
    assert [b["next"] for b in blocks] == [lv.number for lv in levels[1:]]
    prefix = f"/{LANGS[lang]}competencies/collaboration/"
    for block, (level, following) in zip(blocks, pairwise(levels), strict=True):
        assert [normalise(i["text"]) for i in block["items"]] == [
            normalise(for_language(b.get(lang), lang)) for b in following.behaviours]
        for item, behaviour in zip(block["items"], following.behaviours, strict=True):
            assert [(normalise(t), href) for t, href in item["tips"]] == [
                (tips[t], f"{prefix}tips/#{t}") for t in behaviour.tips]
        assert block["compare"] == [f"{prefix}compare/?levels={level.number},{following.number}"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_grid_lists_every_competency_and_level_and_filters_by_group(desktop, origin, fixture_guide, lang):
    competencies = [(f.id, normalise(for_language(f.competency.name.get(lang), lang)), shown_levels(f.competency, lang))
                    for f in fixture_guide.competencies]
    desktop.goto(f"{origin}/{LANGS[lang]}levels/")
    assert grid_problems(desktop, competencies) == []
    desktop.locator(".guide-grid-filter a[href='#team']").click()
    visible = desktop.evaluate("""() => [...document.querySelectorAll('.guide-grid-group')]
        .filter(g => g.checkVisibility()).map(g => g.id)""")
    assert visible == ["team"]
    assert grid_problems(desktop, [c for c in competencies if c[0] == FIXTURE_COMPETENCY]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_grid_prints_one_landscape_page_per_group(desktop, origin, fixture_guide, lang, tmp_path):
    desktop.goto(f"{origin}/{LANGS[lang]}levels/")
    desktop.emulate_media(media="print")
    pdf = tmp_path / "grid.pdf"
    desktop.pdf(path=str(pdf), prefer_css_page_size=True)
    headings = [normalise(for_language(g.name.get(lang), lang)) for g in fixture_guide.catalogue.groups]
    assert len(headings) == 2 and landscape_pages_problems(pdf, headings) == []


def test_the_real_catalogue_prints_its_grid_on_one_landscape_page(browser, server, guide, tmp_path):
    page = browser.new_page()
    page.goto(f"{server}/levels/")
    page.emulate_media(media="print")
    pdf = tmp_path / "grid.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    assert not guide.catalogue.groups  # one competency, no groups: one heading for the whole grid
    assert landscape_pages_problems(pdf, [normalise(guide.labels.catalogue_one.en)]) == []


def test_shown_levels_reads_the_model_in_order(fixture_guide):
    levels = shown_levels(fixture_guide.folder(FIXTURE_COMPETENCY).competency, "fr")
    assert [lv.number for lv in levels] == [1, 2]
    assert isinstance(levels[0], ShownLevel) and levels[0].behaviours[0].startswith("Donnée de test")
