"""Each language's navigation is made in that language, never translated by its English words.

mkdocs-static-i18n's ``nav_translations`` maps an English title to one French
one: a competency named {en: Overview, fr: Vue X} renamed every French entry
"Vue d'ensemble" of the site to "Vue X". ``navigation(nav, guide, lang)`` gives
each language its own titles, to pass as the language's ``nav``.
"""

from __future__ import annotations

import dataclasses

import pytest

from conftest import copy_project, run_build

from guide.content.model import Text
from guide.content.typography import for_language
from guide.render.pages import NAV_MARKER, navigation, page_kinds

NAV = ["index.md", NAV_MARKER, "glossary.md"]


def _named(guide, en: str, fr: str):
    folder = guide.folder()
    competency = dataclasses.replace(folder.competency, name=Text(en, fr))
    return guide.with_folder(dataclasses.replace(folder, competency=competency))


def _titles(section) -> list[str]:
    """Every title of the competencies' section, depth first."""
    titles = []
    for key, value in section.items():
        titles.append(str(key))
        for entry in value if isinstance(value, list) else []:
            titles += _titles(entry) if isinstance(entry, dict) else []
    return titles


def test_a_competency_named_like_a_page_keeps_every_page_s_own_french_title(guide):
    guide = _named(guide, "Overview", "Vue X")
    [section] = [entry for entry in navigation(NAV, guide, "fr") if isinstance(entry, dict)]
    [[competency]] = section.values()
    [(name, pages)] = competency.items()
    assert name == "Vue X"
    overview = for_language(guide.labels.page_overview.fr, "fr")
    assert [str(next(iter(page))) for page in pages] == [
        for_language(getattr(guide.labels, kind.label).fr, "fr") for kind in page_kinds(guide.folder())]
    assert str(next(iter(pages[0]))) == overview != "Vue X"


def test_a_navigation_made_in_one_language_is_made_again_in_another(guide):
    """A nested language build sees the navigation the first one made, not the marker."""
    guide = _named(guide, "Overview", "Vue X")
    english = navigation(NAV, guide, "en")
    assert navigation(english, guide, "fr") == navigation(NAV, guide, "fr")
    assert navigation(navigation(NAV, guide, "fr"), guide, "en") == english
    assert "Vue X" not in _titles(english[1]) and "Overview" in _titles(english[1])


def _nav_titles(page_html: str) -> list[str]:
    import html
    import re

    nav = page_html[page_html.index("md-nav--primary"):page_html.index("md-content")]
    return [html.unescape(t) for t in re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', nav)]


@pytest.mark.build
def test_the_built_french_navigation_keeps_every_page_s_title(tmp_path):
    """The case as a reader met it: on every French page, the overview entry read "Vue X"."""
    project = copy_project(tmp_path / "project")
    competency = project / "content_data/competencies/collaboration/competency.yml"
    competency.write_text(competency.read_text(encoding="utf-8").replace(
        "  en: Collaboration with partners and stakeholders\n  fr: Collaboration avec les partenaires et intervenants\n",
        "  en: Overview\n  fr: Vue X\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    french = _nav_titles((site / "fr/competencies/collaboration/tips/index.html").read_text(encoding="utf-8"))
    assert french.count("Vue X") == 1 and "Vue d’ensemble" in french, french
    english = _nav_titles((site / "competencies/collaboration/tips/index.html").read_text(encoding="utf-8"))
    assert english.count("Overview") == 2, english  # the competency, then its overview page
