"""The catalogue as a grid: competencies as rows, levels as columns.

Each cell is a level's concept, linking to that level on its competency's
page. One table per group of the catalogue (as on the home page), each in a
block whose id is the group's: a link to ``#group`` shows that group alone
(CSS ``:target``, no script), and print CSS puts each group on a landscape page.
"""

from __future__ import annotations

import html

from guide.content.markup import attr_id
from guide.content.model import CompetencyFolder
from guide.render.pages import page_path
from guide.render.base import Context, Rendered, stacked_table
from guide.render.catalogue import catalogue_groups

GRID_ID = "level-grid"  # the whole grid: a link to it shows every group


def render_level_grid(ctx: Context) -> Rendered:
    groups = catalogue_groups(ctx)
    width = max(len(f.competency.levels) for f in ctx.guide.competencies)
    headers = [ctx.label("grid_competency")] + [f"{ctx.label('level')} {n}" for n in range(1, width + 1)]
    parts = [f"# {ctx.label('grid_title')}", f'<p class="guide-grid-intro">{ctx.label("grid_intro")}</p>']
    if len(groups) > 1:
        links = "".join(f'<li><a href="#{anchor}">{title}</a></li>' for title, anchor, _ in groups)
        parts.append(f'<nav class="guide-grid-filter" aria-label="{ctx.label("grid_filter")}">'
                     f'<ul><li><a href="#{GRID_ID}">{ctx.label("grid_all_groups")}</a></li>{links}</ul></nav>')
    blocks = [f'<section class="guide-grid-group" id="{attr_id(anchor)}" aria-labelledby="{anchor}-title">\n'
              f'<h2 id="{anchor}-title">{title}</h2>\n'
              + stacked_table(headers, [_row(ctx, folder, width) for folder in members]) + "\n</section>"
              for title, anchor, members in groups]
    parts.append(f'<div class="guide-grid" id="{GRID_ID}">\n' + "\n".join(blocks) + "\n</div>")
    ctx.out.markdown = "\n\n".join(parts) + "\n"
    return ctx.out


def _row(ctx: Context, folder: CompetencyFolder, width: int) -> list[str]:
    page = ctx.link(page_path(folder.id, "competency"))
    c = folder.competency
    cells = [f'<a href="{html.escape(page, quote=True)}">{ctx.t(c.name)}</a>']
    for level in c.levels:
        href = html.escape(f"{page}#{attr_id(level.id)}", quote=True)
        cells.append(f'<a href="{href}">{ctx.t(level.concept)}</a>')
    return cells + ["–"] * (width - len(c.levels))  # a competency with fewer levels
