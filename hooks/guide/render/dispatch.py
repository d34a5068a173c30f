"""Find the guide blocks a page asks for and replace them with rendered Markdown.

A page asks for a block with a line ``<!-- guide: NAME -->``. An unknown name
is an error, never a silent gap on the page.
"""

from __future__ import annotations

import re
from typing import Callable

from ..model import Guide
from .base import Context, Rendered, SearchEntry
from .competency import render_competency
from .sources import render_sources

RENDERERS: dict[str, Callable[[Context], Rendered]] = {
    "competency": render_competency,
    "sources": render_sources,
}

BLOCK = re.compile(r"^<!--\s*guide:\s*([a-z-]+)\s*-->\s*$", re.MULTILINE)


class UnknownBlock(ValueError):
    pass


def render_blocks(markdown: str, guide: Guide, lang: str) -> tuple[str, list[SearchEntry]]:
    entries: list[SearchEntry] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        renderer = RENDERERS.get(name)
        if renderer is None:
            raise UnknownBlock(f"unknown guide block '{name}'; known blocks: {', '.join(RENDERERS)}")
        rendered = renderer(Context(guide, lang))
        entries.extend(rendered.entries)
        return rendered.markdown

    return BLOCK.sub(replace, markdown), entries
