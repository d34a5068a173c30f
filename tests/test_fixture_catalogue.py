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


# Collaboration's own words, which ui.yml once printed on every competency's pages: the
# "who counts" box, the names of its scale's dimensions, its diagram's axes, the last word
# of its self-assessment. Apostrophes as the page prints them (typographic in French).
COLLABORATION_WORDS = {
    "en": ["Who counts as a partner", "Effort", "Benefit for the organisation",
           "How far ahead the benefit lies", "long term", "keep your network alive",
           "Benefits of working across sectors"],
    "fr": ["Qui est partenaire", "Effort", "Bénéfice pour l’organisation", "Horizon du bénéfice",
           "long terme", "faites vivre votre réseau", "collaboration entre secteurs"],
}


def _svg_text(page_html: str, figure_id: str) -> str:
    """The words drawn in one figure's SVG (visible_text skips SVG)."""
    import re

    found = re.search(rf'<figure[^>]*id="{figure_id}".*?</figure>', page_html, re.DOTALL)
    assert found, f"no figure {figure_id}"
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", found.group(0)))


def test_the_fixture_shows_no_word_of_collaboration(fixture_site, fixture_guide):
    """A second competency speaks for itself: nothing collaboration says about itself shows on its
    pages, in either language, and its scale diagram names its own dimensions."""
    import html as html_module
    import re

    from html_text import visible_text

    from guide.render.pages import page_kinds

    competency = fixture_guide.folder(FIXTURE).competency
    # Every page the fixture has, as the stubs make them (the example builder and rating guide too).
    pages = ["" if kind.name == "competency" else f"{kind.name}/" for kind in page_kinds(fixture_guide.folder(FIXTURE))]
    assert len(pages) > 3
    for lang, prefix in (("en", ""), ("fr", "fr/")):
        for page in pages:
            raw = (fixture_site / prefix / "competencies" / FIXTURE / page / "index.html").read_text(encoding="utf-8")
            # The whole page, attributes and templates too: the self-assessment shows its
            # last words from a data attribute once every box is ticked.
            shown = visible_text(raw) + " " + html_module.unescape(raw)
            found = [w for w in COLLABORATION_WORDS[lang] if re.search(rf"\b{re.escape(w)}\b", shown)]
            assert not found, f"{prefix}competencies/{FIXTURE}/{page}: collaboration's words {found}"
        raw = (fixture_site / prefix / "competencies" / FIXTURE / "index.html").read_text(encoding="utf-8")
        drawn = html_module.unescape(_svg_text(raw, "scale-diagram"))
        for dimension in competency.scale:
            axis = dimension.axis.get(lang).replace("'", "’")
            assert axis in drawn.replace("'", "’"), f"{lang}: the diagram does not name {axis!r}: {drawn!r}"
