"""The pages each competency gets, their stub files' text, and the navigation that lists them.

mkdocs-static-i18n 1.3.1 crashes on ``File.generated`` pages and drops files
from outside ``docs/``, so pages generated in memory never reach the
navigation, the language switcher or the sitemap. Real stub files do: the
build writes one per page and language into ``docs/competencies/<id>/``
(a folder git ignores) before MkDocs collects the files, and the renderers fill
them like any hand-written stub. Copying a competency's folder is therefore
enough to give it pages. Writing them is ``guide.site.stub_pages``'s job.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from markupsafe import Markup

from guide.content.model import LANGUAGES, CompetencyFolder, Guide, Labels
from guide.content.typography import for_language

FOLDER = "competencies"  # under docs/: generated, never edited by hand
NAV_MARKER = "competencies/"  # the nav entry in mkdocs.yml that stands for every competency's pages


@dataclass(frozen=True)
class PageKind:
    name: str  # the guide block that fills it, and its file's stem
    label: str  # the ui.yml label that names it
    part: str  # the folder's part it needs ("competency" always exists)
    wide: bool = False  # hides the table of contents: the page's columns need the width


PAGE_KINDS = (
    PageKind("competency", "page_overview", "competency"),
    PageKind("compare", "page_compare", "competency", wide=True),
    PageKind("why", "page_why", "why"),
    PageKind("tips", "page_tips", "tips"),
    PageKind("workshop", "page_workshop", "workshop"),
    PageKind("run-sheet", "page_run_sheet", "workshop"),
    PageKind("self-assessment", "page_self_assessment", "competency"),
    PageKind("example-builder", "page_example_builder", "competency"),
    PageKind("rating-guide", "page_rating_guide", "competency"),
)


def page_kinds(folder: CompetencyFolder) -> list[PageKind]:
    """The pages this competency has: an optional part gives no empty page."""
    return [kind for kind in PAGE_KINDS if getattr(folder, kind.part) is not None]


def page_path(competency_id: str, kind: str, lang: str = "en") -> str:
    """A stub's path under docs/, e.g. competencies/collaboration/tips.fr.md."""
    stem = "index" if kind == "competency" else kind
    suffix = ".md" if lang == "en" else f".{lang}.md"
    return f"{FOLDER}/{competency_id}/{stem}{suffix}"


def competency_of(src_uri: str, guide: Guide) -> str | None:
    """The competency a page belongs to, from its path under docs/ (None: a shared page)."""
    parts = src_uri.split("/")
    if len(parts) > 2 and parts[0] == FOLDER and parts[1] in guide.folders_by_id:
        return parts[1]
    return None


def stub_pages(guide: Guide, escaped: bool = False) -> dict[str, str]:
    """Every generated stub: path under docs/ → content.

    ``escaped``: titles escaped for Material's templates, for a build without the
    hooks (which escape them on each page); the hooks' stubs keep them as written.
    """
    return {path: content for folder in guide.competencies
            for path, content in folder_stub_pages(folder, guide.labels, escaped).items()}


def folder_stub_pages(folder: CompetencyFolder, labels: Labels, escaped: bool = False) -> dict[str, str]:
    """One competency's stubs (``stub_pages``)."""
    pages = {}
    name = folder.competency.name
    for kind in page_kinds(folder):
        for lang in LANGUAGES:
            label = getattr(labels, kind.label).get(lang)
            title = for_language(name.get(lang) if kind.name == "competency"
                                 else f"{label} · {name.get(lang)}", lang)
            if escaped:
                title = str(theme_text(title))
            # JSON is YAML: the title is quoted and escaped whatever it holds.
            hide = "hide:\n  - toc\n" if kind.wide else ""
            pages[page_path(folder.id, kind.name, lang)] = (
                f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{hide}---\n\n"
                f"<!-- guide: {kind.name} {folder.id} -->\n")
    return pages


def theme_text(text: str) -> Markup:
    """Text for Material's templates, which print titles unescaped in some places
    (aria-label="{{ config.site_name }}") and through ``| e`` in others: escaped
    once, and marked safe so ``| e`` leaves it as it is."""
    return Markup(html.escape(text, quote=True))


def navigation(nav: list, guide: Guide, lang: str = "en") -> list:
    """``nav`` with its ``competencies/`` entry replaced by one section listing the
    competencies, each a sub-section of its pages, titled in ``lang``.

    Material (``navigation.prune``) writes out the pages of the current
    competency only, the others as one link each: every page's navigation, and
    so the build, grows with the number of competencies, not with competencies
    × pages. One navigation per language (mkdocs-static-i18n's per-language
    ``nav``), not English titles translated by their words (its
    ``nav_translations``): a competency named "Overview" in English, "Vue X" in
    French, renamed every French "Vue d'ensemble" of the site, one English word having
    had two French ones.
    """
    made: dict[str, Markup] = {}  # the labels of every competency's pages are the same few texts

    def title(text) -> Markup:
        shown = text.get(lang)
        if shown not in made:
            made[shown] = theme_text(for_language(shown, lang))
        return made[shown]

    sections = [{title(folder.competency.name): [
                    {title(getattr(guide.labels, kind.label)): page_path(folder.id, kind.name)}
                    for kind in page_kinds(folder)]}
                for folder in guide.competencies]
    return [CompetenciesSection({title(guide.labels.nav_competencies): sections})
            if entry == NAV_MARKER or isinstance(entry, CompetenciesSection) else entry for entry in nav]


class CompetenciesSection(dict):
    """The section ``navigation`` puts in place of ``competencies/``: known by its type,
    so a navigation already made (another language's) can be made again in this one."""
