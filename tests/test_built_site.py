"""What readers get: the built HTML of both languages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, run_build
from html_text import normalise, page_text

from guide.content.model import bilingual_texts
from guide.content.typography import for_language

LANGS = {"en": "", "fr": "fr/"}


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_competency_page_has_four_levels_with_their_behaviours(site, guide, lang):
    html = _html(site, LANGS[lang] + "competencies/collaboration")
    for level in guide.competency.levels:
        assert f'id="{level.id}"' in html
        for behaviour in level.behaviours:
            assert f'id="{behaviour.id}"' in html
    adopt = re.search(r'<ul class="guide-items guide-behaviours guide-adopt">(.*?)</ul>', html, re.S)
    avoid = re.search(r'<ul class="guide-items guide-behaviours guide-avoid">(.*?)</ul>', html, re.S)
    assert adopt and avoid
    assert adopt.group(1).count("<li") == len(guide.competency.adopt) == 12
    assert avoid.group(1).count("<li") == len(guide.competency.avoid) == 5


@pytest.mark.parametrize("lang", LANGS)
def test_adopt_and_avoid_differ_by_icon_and_word_not_colour_alone(site, lang):
    html = _html(site, LANGS[lang] + "competencies/collaboration")
    word = {"en": ("Adopt", "Avoid"), "fr": ("À adopter", "À éviter")}[lang]
    for kind, label in zip(("adopt", "avoid"), word, strict=True):
        block = re.search(rf'<ul class="[^"]*guide-{kind}">(.*?)</ul>', html, re.S).group(1)
        items = block.split("<li")[1:]
        assert items, kind
        for item in items:
            assert f"guide-tag--{kind}" in item and "<svg" in item
            assert normalise(re.sub(r"<[^>]+>", " ", item)).count(label) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_the_yaml_is_on_the_page_of_its_language(site, guide, lang):
    # The levels' questions for assessors are on the rating guide, every other text on the overview.
    questions = bilingual_texts([q for level in guide.competency.levels for q in level.questions])
    assert questions
    pages = {
        "competencies/collaboration": [t for t in bilingual_texts(guide.competency) if t not in questions],
        "competencies/collaboration/rating-guide": questions,
        "sources": bilingual_texts(list(guide.sources.values())),
    }
    for page, texts in pages.items():
        shown = page_text(site, LANGS[lang] + page) + " " + _drawn_and_said_later(site, LANGS[lang] + page)
        for en, fr in texts:
            expected = normalise(for_language(en if lang == "en" else fr, lang))
            assert expected in shown, f"{page} ({lang}) lacks: {expected}"


def _drawn_and_said_later(site, page: str) -> str:
    """Texts a person also sees but page_text leaves out: the words drawn in the page's
    diagrams (SVG), and what the self-assessment shows once every box is ticked."""
    import html

    raw = (site / page / "index.html").read_text(encoding="utf-8")
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", raw)
    assessment = site / page / "self-assessment" / "index.html"
    later = re.findall(r'data-label-next-none="([^"]*)"',
                       assessment.read_text(encoding="utf-8")) if assessment.is_file() else []
    return normalise(html.unescape(" ".join(drawn + later)))


def test_no_english_text_leaks_onto_french_pages(site, guide):
    shown = page_text(site, "fr/competencies/collaboration")
    for en, _fr in bilingual_texts(guide.competency):
        if len(en.split()) > 3:
            assert normalise(en) not in shown


def test_every_page_declares_its_language(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for path in pages:
        lang = "fr" if path.relative_to(site).parts[0] == "fr" else "en"
        opening = re.search(r"<html[^>]*>", path.read_text(encoding="utf-8")).group(0)
        assert f'lang="{lang}"' in opening, path


def test_french_pages_follow_french_typography(site):
    shown = page_text(site, "fr/competencies/collaboration")
    assert "\u202f;" in shown and " ;" not in shown
    assert "\u00a0:" in shown and re.search(r"\w :", shown) is None
    assert "l’organisation" in shown and "l'organisation" not in shown


def test_two_builds_give_byte_identical_output(site, tmp_path):
    again = tmp_path / "again"
    result = run_build(ROOT, again)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    differing = [str(path) for path in first if first[path] != second[path]]
    assert differing == []


def test_a_build_on_another_day_gives_the_same_bytes(site, tmp_path):
    """Same commit, another day (libfaketime): sitemaps and the offline zip unchanged."""
    faketime = shutil.which("faketime")
    assert faketime, "faketime is missing: `make test` installs it (Debian package faketime)"
    later = tmp_path / "later"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run([faketime, "2031-06-01 12:00:00", sys.executable, "-m", "mkdocs", "build",
                             "--strict", "--site-dir", str(later)],
                            cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "2031-06-01" not in (later / "sitemap.xml").read_text(encoding="utf-8")
    for name in ("sitemap.xml", "fr/sitemap.xml", "downloads/collaboration-guide-offline.zip"):
        assert (later / name).read_bytes() == (site / name).read_bytes(), name


def test_each_language_has_its_own_search_index(site):
    import json

    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    french = json.loads((site / "fr/search/search_index.json").read_text(encoding="utf-8"))
    # Each names the lunr "language" that folds accents (lunr.fold.min.js), then its own.
    assert english["config"]["lang"] == ["fold", "en"] and french["config"]["lang"] == ["fold", "fr"]
    assert (site / "assets/javascripts/lunr/min/lunr.fold.min.js").is_file()
    assert not any(doc["location"].startswith("fr/") for doc in english["docs"])
    assert any("équipe" in doc["text"] for doc in french["docs"])
    assert not any("équipe" in doc["text"] for doc in english["docs"])
    # Each behaviour is an entry of its own that links to its anchor.
    assert any(doc["location"] == "competencies/collaboration/#adopt-share-knowledge" for doc in french["docs"])


def test_french_pages_point_search_and_sitemap_at_the_french_root(site):
    assert '"base": "../../../fr/"' in _html(site, "fr/competencies/collaboration")
    assert '"base": "../.."' in _html(site, "competencies/collaboration")
    assert (site / "fr/sitemap.xml").is_file()


def test_no_third_party_resources_are_referenced(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag) or 'rel="canonical"' in tag \
                or 'rel="alternate"' in tag, (path, tag)


def test_every_french_page_uses_no_break_spaces_before_high_punctuation(site):
    from html_text import visible_text

    for path in sorted((site / "fr").rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        content = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        text = re.sub(r"\d:\d", "", visible_text(content))  # times such as 14:35
        bad = re.findall(r".{12}(?: [;:!?]|\w[;!?]).{0,6}", text)
        assert not bad, f"{path.relative_to(site)}: {bad[:3]}"


def test_the_language_switch_of_every_page_lands_on_the_same_page(site):
    from urllib.parse import urljoin

    from quality_checks import site_pages

    for page in site_pages(site):
        html = (site / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
        english = page.removeprefix("/fr")
        for lang, expected in (("en", english), ("fr", "/fr" + english)):
            link = re.search(rf'<a href="([^"]*)" hreflang="{lang}"[^>]*class="md-select__link', html)
            assert link, (page, lang)
            assert urljoin("http://h" + page, link.group(1)) == "http://h" + expected, (page, lang, link.group(1))


@pytest.mark.build
def test_a_source_address_builds_strictly_and_links_out(tmp_path):
    """A url used to be escaped into a "relative link" that --strict refused."""
    project = copy_project(tmp_path / "project")
    sources = project / "content_data" / "sources.yml"
    address = "https://www.example.org/profil?id=3&lang=fr#niveau_2"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        '    title: "Collaboration avec les partenaires et intervenants"\n',
        f'    title: "Collaboration avec les partenaires et intervenants"\n    url: "{address}"\n'),
        encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    for prefix in ("", "fr/"):
        page = (tmp_path / "site" / prefix / "sources" / "index.html").read_text(encoding="utf-8")
        assert f'href="{address.replace("&", "&amp;")}"' in page


def test_every_section_has_the_same_anchor_in_both_languages(site):
    """The language switch keeps the anchor: it must name the same place in the other language."""
    from quality_checks import site_pages

    def anchors(path):
        html = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        return set(re.findall(r'<h[2-6][^>]*\bid="([^"]+)"', html))

    for page in site_pages(site):
        if not page.startswith("/fr/"):
            assert anchors(page) == anchors("/fr" + page), page
