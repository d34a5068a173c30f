"""The catalogue with a second, fictional competency passes the real site's checks.

The published guide holds one real competency; a catalogue is proved with a
small test fixture (tests/fixtures/catalogue/): two levels, a few behaviours,
a fictional source, no why / tips / workshop, in a group of its own
(``fixture_site`` in conftest.py). Built beside collaboration, the
whole site must still pass axe, links, privacy, console, phone layout,
duplicate-id and leftover-markup checks in both languages.
"""

from __future__ import annotations

from conftest import serve
from quality_checks import (PageWatch, accessibility_problems, broken_link_problems, duplicate_id_problems,
                            leftover_markup_problems, phone_layout_problems, site_pages)

FIXTURE = "fixture-teamwork"


def test_the_fixture_has_its_pages_and_no_optional_ones(fixture_site):
    for prefix in ("", "fr/"):
        folder = fixture_site / prefix / "competencies" / FIXTURE
        assert (folder / "index.html").is_file() and (folder / "self-assessment" / "index.html").is_file()
        assert not any((folder / page).exists() for page in ("why", "tips", "workshop", "run-sheet"))


def test_every_page_of_the_fixture_catalogue_passes_the_checks(fixture_site, browser):
    assert broken_link_problems(fixture_site) == []
    problems = []
    with serve(fixture_site) as origin:
        desktop = browser.new_context()
        page = desktop.new_page()
        watch = PageWatch(page, origin)
        phone = browser.new_context(viewport={"width": 360, "height": 740})  # no emulation zoom
        small = phone.new_page()
        for path in site_pages(fixture_site):
            before = len(watch.errors)
            page.goto(origin + path)
            page.wait_for_load_state("networkidle")
            problems += [f"{path}: {p}" for p in accessibility_problems(page) + duplicate_id_problems(page)
                         + leftover_markup_problems(page)]
            problems += [f"{path}: console error: {e}" for e in watch.errors[before:]]
            small.goto(origin + path)
            problems += [f"{path} at 360 px: {p}" for p in phone_layout_problems(small)]
        problems += [f"request to a third party: {url}" for url in watch.foreign]
        assert desktop.cookies() == []
        desktop.close()
        phone.close()
    assert not problems, "\n".join(problems)
