"""Each language's navigation is made in that language, never translated by its English words.

mkdocs-static-i18n's ``nav_translations`` maps an English title to one French
one: a competency named {en: Overview, fr: Vue X} renamed every French entry
"Vue d'ensemble" of the site to "Vue X". ``navigation(nav, guide, lang)`` gives
each language its own titles, to pass as the language's ``nav``.
"""

from __future__ import annotations

import dataclasses

from guide.content.model import Text
from guide.content.typography import for_language
from guide.site.pages import NAV_MARKER, navigation, page_kinds

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
