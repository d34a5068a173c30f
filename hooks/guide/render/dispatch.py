"""Find the guide blocks a page asks for and replace them with rendered Markdown.

A page asks for a block with a line ``<!-- guide: NAME -->``. An unknown name
is an error, never a silent gap on the page.
"""

from __future__ import annotations

import re
from typing import Callable

from guide.content.model import Guide
from guide.render.citations import numbered_citations
from guide.render.base import Context, Rendered, SearchEntry
from guide.render.cards import render_cards
from guide.render.catalogue import render_workshop_links, page_heading, render_catalogue
from guide.render.compare import render_compare
from guide.render.changes import render_changes
from guide.render.competency import render_competency
from guide.render.example_builder import render_example_builder
from guide.render.glossary import render_glossary
from guide.render.level_grid import render_level_grid
from guide.render.offline import render_offline
from guide.render.open_data import render_open_data
from guide.render.rating_guide import render_rating_guide
from guide.render.self_assessment import render_self_assessment, render_self_assessment_choice
from guide.render.sources import render_sources
from guide.render.tips import render_tips
from guide.render.why import render_why
from guide.render.translation import render_translation_status
from guide.render.workshop import render_run_sheet, render_workshop

RENDERERS: dict[str, Callable[[Context], Rendered]] = {
    "catalogue": render_catalogue,
    "workshop-links": render_workshop_links,
    "level-grid": render_level_grid,
    "competency": render_competency,
    "compare": render_compare,
    "sources": render_sources,
    "why": render_why,
    "tips": render_tips,
    "workshop": render_workshop,
    "run-sheet": render_run_sheet,
    "glossary": render_glossary,
    "translation-status": render_translation_status,
    "cards": render_cards,
    "self-assessment": render_self_assessment,
    "self-assessment-choice": render_self_assessment_choice,
    "example-builder": render_example_builder,
    "rating-guide": render_rating_guide,
    "open-data": render_open_data,
    "offline": render_offline,
    "changes": render_changes,
}

# ``<!-- guide: NAME -->``, or ``<!-- guide: NAME COMPETENCY -->`` on a competency's page;
# indented by four spaces inside a list item (a card of the home page), its output is too.
BLOCK = re.compile(r"^(?: {4})?<!--\s*guide:\s*([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->\s*$", re.MULTILINE)


class UnknownBlock(ValueError):
    pass


def render_blocks(markdown: str, guide: Guide, lang: str, deferred: dict[str, str] | None = None,
                  **inputs: object) -> tuple[str, list[SearchEntry]]:
    """Fill the page's blocks. ``inputs`` go to ``Context``.

    With a ``deferred`` dict, finished HTML that Markdown need not see stays a
    placeholder and goes there (the page is written with ``fill_deferred``);
    without, it is in the Markdown, as a plain MkDocs project would have it.
    """
    entries: list[SearchEntry] = []
    held: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        renderer = RENDERERS.get(name)
        if renderer is None:
            raise UnknownBlock(f"unknown guide block '{name}'; known blocks: {', '.join(RENDERERS)}")
        competency = match.group(2)
        if competency is not None and competency not in guide.folders_by_id:
            raise UnknownBlock(f"unknown competency '{competency}' in block '{name}'")
        shown = guide.focus(competency) if competency else guide
        ctx = Context(shown, lang, **inputs)  # type: ignore[arg-type]
        ctx.out.deferred = held  # one numbering for the whole page
        rendered = renderer(ctx)
        entries.extend(rendered.entries)
        # A competency's page is a generated stub: its heading comes from the data too.
        out = (page_heading(ctx, name) if competency else "") + rendered.markdown
        if match.group(0).startswith(" "):
            out = "\n".join("    " + line if line else line for line in out.rstrip("\n").split("\n")) + "\n"
        return out

    out = numbered_citations(BLOCK.sub(replace, markdown), guide, lang)
    if deferred is None:
        return fill_deferred(out, held), entries
    deferred.update(held)
    return out, entries


def fill_deferred(page: str, deferred: dict[str, str]) -> str:
    """The page with each placeholder replaced by its finished HTML."""
    for placeholder, finished in deferred.items():
        page = page.replace(placeholder, finished, 1)
    return page
