"""The source content, page by page: complete, linked both ways, in both languages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from html_text import normalise, page_text

from guide.content.model import bilingual_texts
from guide.content.typography import for_language

LANGS = {"en": "", "fr": "fr/"}
SEED_TOOL = ROOT.parent / "shared" / "tools" / "seed_overlap.py"


# The collaboration competency's pages, by the block that fills them.
PAGES = {"competency": "competencies/collaboration", "why": "competencies/collaboration/why",
         "tips": "competencies/collaboration/tips", "workshop": "competencies/collaboration/workshop",
         "run-sheet": "competencies/collaboration/run-sheet"}


def _html(site: Path, path: str) -> str:
    prefix = "fr/" if path.startswith("fr/") else ""
    page = path[len(prefix):]
    return (site / (prefix + PAGES.get(page, page)) / "index.html").read_text(encoding="utf-8")


def _ids_in_list(html: str, list_class: str) -> list[str]:
    block = re.search(rf'<(?:ul|ol) class="guide-items[^"]*{list_class}[^"]*">(.*?)</(?:ul|ol)>', html, re.S)
    assert block, list_class
    return re.findall(r'<li id="([a-z0-9-]+)"', block.group(1))


def _section_ids(html: str, section: str) -> list[str]:
    """Ids of the items listed under the <h2 id=section>, up to the next h2."""
    part = html.split(f'<h2 id="{section}"', 1)[1].split("<h2", 1)[0]
    return re.findall(r'<(?:li|tr|figure) (?:class="[^"]*" )?id="([a-z0-9-]+)"', part)


EXPECTED = [  # page, section, model accessor, count given by the sources
    ("why", "reasons", lambda g: g.why.reasons, 7),
    ("why", "avenues", lambda g: g.why.avenues, 10),
    ("why", "obstacles", lambda g: g.why.obstacles, 12),
    ("why", "benefits", lambda g: g.why.benefits, 5),
    ("tips", "tips", lambda g: g.tips.tips, 11),
    ("tips", "voices", lambda g: g.tips.quotes, 3),
    ("competency", "adopt", lambda g: g.competency.adopt, 12),
    ("competency", "avoid", lambda g: g.competency.avoid, 5),
]


@pytest.mark.parametrize("page, section, items, count", EXPECTED, ids=[e[1] for e in EXPECTED])
def test_each_section_has_the_same_items_in_both_languages_and_the_yaml(site, guide, page, section, items, count):
    expected = [item.id for item in items(guide)]
    assert len(expected) == count
    for prefix in LANGS.values():
        assert _section_ids(_html(site, prefix + page), section) == expected


def test_workshop_has_three_rotations_and_four_levels_exist(site, guide):
    rotations = [slot.id for slot in guide.workshop.schedule if slot.kind == "rotation"]
    assert len(rotations) == 3 and len(guide.competency.levels) == 4
    for prefix in LANGS.values():
        html = _html(site, prefix + "workshop")
        assert all(f'id="{slot.id}"' for slot in guide.workshop.schedule)
        assert len(re.findall(r'<h3 id="rotation-', html)) == 3


@pytest.mark.parametrize("lang", LANGS)
def test_tips_and_obstacles_link_to_each_other_both_ways(site, guide, lang):
    why = _html(site, LANGS[lang] + "why")
    tips = _html(site, LANGS[lang] + "tips")
    for tip in guide.tips.tips:
        item = re.search(rf'<li id="{tip.id}"[^>]*>(.*?)</li>', tips, re.S).group(1)
        linked = re.findall(r'href="\.\./why/#([a-z0-9-]+)"', item)
        assert linked == tip.obstacles
        for obstacle in linked:
            back = re.search(rf'<li id="{obstacle}"[^>]*>(.*?)</li>', why, re.S).group(1)
            assert f'href="../tips/#{tip.id}"' in back


@pytest.mark.parametrize("lang", LANGS)
def test_quotes_keep_their_french_and_mark_the_translation(site, guide, lang):
    html = _html(site, LANGS[lang] + "tips")
    for quote in guide.tips.quotes:
        figure = re.search(rf'<figure class="guide-quote" id="{quote.id}"[^>]*>(.*?)</figure>', html, re.S).group(1)
        assert re.search(r'<blockquote lang="fr">', figure)
        assert normalise(for_language(quote.fr, "fr")) in normalise(re.sub(r"<[^>]+>", "", figure))
        has_translation = "guide-translation" in figure
        assert has_translation == (lang == "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page, figure", [("competency", "scale-diagram"), ("workshop", "workshop-timeline")])
def test_diagrams_are_inline_svg_with_a_text_alternative_in_the_page_language(site, lang, page, figure):
    html = _html(site, LANGS[lang] + page)
    svg = re.search(rf'<figure class="guide-diagram" id="{figure}"[^>]*>\s*<svg role="img"(.*?)</svg>', html, re.S)
    assert svg, figure
    title = re.search(r"<title[^>]*>(.*?)</title>", svg.group(1)).group(1)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg.group(1)).group(1)
    assert len(desc) > 40
    word = {"en": ("Level", "Break"), "fr": ("Niveau", "Pause")}[lang]
    assert word[0] in desc or word[1] in desc, (title, desc)


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_the_yaml_is_on_its_page_in_its_language(site, guide, lang):
    pages = {
        "why": bilingual_texts(guide.why),
        "tips": [(t.en, t.fr) for t in guide.tips.tips]
        + [(q.attribution.en, q.attribution.fr) for q in guide.tips.quotes],
        "workshop": bilingual_texts(guide.workshop),
        "glossary": [(t.term.en, t.term.fr) for t in guide.glossary.terms]
        + [(t.definition.en, t.definition.fr) for t in guide.glossary.terms],
    }
    for page, texts in pages.items():
        shown = normalise(page_text(site, LANGS[lang] + PAGES.get(page, page)))
        for en, fr in texts:
            expected = normalise(for_language(en if lang == "en" else fr, lang))
            assert expected in shown, f"{page} ({lang}) lacks: {expected}"


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_terms_are_explained_where_they_appear(site, guide, lang):
    html = _html(site, LANGS[lang] + "competency")
    partner = next(t for t in guide.glossary.terms if t.id == "term-partner")
    meaning = for_language(partner.definition.get(lang), lang).replace("'", "&#x27;")
    assert re.search(r'<abbr title="([^"]+)">', html)
    assert any(normalise(t) == normalise(meaning.replace("&#x27;", "'"))
               for t in re.findall(r'<abbr title="([^"]+)">', html.replace("&#x27;", "'")))


def test_no_participant_organisation_or_town_hall_from_the_notes_is_published(site):
    identifying = re.compile(r"\[(?:une?|deux|personne|participant)|mairie|CNFPT|animatrices\]", re.I)
    for path in site.rglob("*.html"):
        text = normalise(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
        assert not identifying.search(text), (path, identifying.search(text).group(0))


def test_home_page_has_an_entry_point_for_each_kind_of_reader(site):
    for prefix in LANGS.values():
        html = _html(site, prefix.rstrip("/") or ".")
        for target in ("competencies/collaboration/", "competencies/collaboration/why/",
                       "competencies/collaboration/tips/", "competencies/collaboration/workshop/",
                       "competencies/collaboration/run-sheet/", "self-assessment/", "cards/", "contribute/"):
            assert f'href="{target}"' in html, (prefix, target)


@pytest.mark.skipif(not SEED_TOOL.is_file(), reason="the source documents (../shared) are not beside this clone")
def test_no_run_of_eight_words_is_copied_from_a_source():
    result = subprocess.run([sys.executable, str(SEED_TOOL)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_run_sheet_prints_on_one_page(browser, server, guide, tmp_path, lang, paper):
    import pdfplumber

    page = browser.new_page()
    page.goto(f"{server}/{LANGS[lang]}competencies/collaboration/run-sheet/")
    page.emulate_media(media="print")
    pdf_path = tmp_path / "run-sheet.pdf"
    page.pdf(path=str(pdf_path), format=paper)
    page.close()
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) == 1
        text = normalise(pdf.pages[0].extract_text().replace("\n", " "))
    assert "Print" not in text and "Imprimer" not in text, "the print button is printed"
    for slot in guide.workshop.schedule:
        assert normalise(for_language(slot.name.get(lang), lang)).split()[0] in text
