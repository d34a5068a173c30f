"""The home page's catalogue, and the heading of each competency's pages.

The home page lists every competency as a Material grid card: its name, its
one-line summary, its number of levels and links to each of its pages,
grouped under headings when the catalogue sets groups.
"""

from __future__ import annotations

from guide.content.model import CompetencyFolder
from guide.render.pages import PAGE_KINDS, page_kinds, page_path
from guide.render.base import Context, Rendered, heading


def render_catalogue(ctx: Context) -> Rendered:
    catalogue = ctx.guide.catalogue
    parts = [f"# {ctx.t(catalogue.title)}", ctx.t(catalogue.introduction)]
    parts.append(f'<p class="guide-grid-link" markdown="span">[{ctx.label("grid_link")}](levels.md)</p>')
    groups = catalogue_groups(ctx)
    for title, anchor, members in groups:
        parts.append(heading(title, anchor))
        parts.append('<div class="grid cards guide-catalogue" markdown>\n\n'
                     + "\n\n".join(_card(ctx, folder) for folder in members) + "\n\n</div>")
    ctx.out.markdown = "\n\n".join(parts) + "\n"
    return ctx.out


def render_workshop_links(ctx: Context) -> Rendered:
    """The home page's "Run a workshop" card: each workshop kit and its run sheet, then the
    cards. One line of Markdown links, inside the card. The competency is named only when
    several have a kit."""
    kits = [f for f in ctx.guide.competencies if f.workshop is not None]
    links = []
    for folder in kits:
        named = f" ({ctx.t(folder.competency.name)})" if len(kits) > 1 else ""
        links.append(f"[{ctx.label('page_workshop')}{named}]({page_path(folder.id, 'workshop')})")
        links.append(f"[{ctx.label('page_run_sheet')}{named}]({page_path(folder.id, 'run-sheet')})")
    links.append(f"[{ctx.label('cards_link')}](cards.md)")
    ctx.out.markdown = " · ".join(links) + "\n"
    return ctx.out


def catalogue_groups(ctx: Context) -> list[tuple[str, str, list[CompetencyFolder]]]:
    """(title as HTML, anchor, competencies) per group of the catalogue; one group when it sets none."""
    catalogue = ctx.guide.catalogue
    folders = {f.id: f for f in ctx.guide.competencies}
    # Anchors come from ids, so a heading has the same anchor in every language.
    groups = [(ctx.t(group.name), group.id, [folders[c] for c in group.competencies])
              for group in catalogue.groups]
    grouped = {c for group in catalogue.groups for c in group.competencies}
    rest = [f for f in ctx.guide.competencies if f.id not in grouped]
    if groups and rest:
        groups.append((ctx.label("catalogue_other_group"), "other-competencies", rest))
    if not groups:
        count = len(ctx.guide.competencies)
        title = ctx.label("catalogue_one") if count == 1 else ctx.label("catalogue_heading", count=count)
        groups = [(title, "competencies", list(ctx.guide.competencies))]
    return groups


def _card(ctx: Context, folder: CompetencyFolder) -> str:
    c = folder.competency
    links = " · ".join(f"[{ctx.label(kind.label)}]({page_path(folder.id, kind.name)})"
                       for kind in page_kinds(folder))
    levels = ctx.label("catalogue_levels", count=len(c.levels))
    return (f"-   **[{ctx.t(c.name)}]({page_path(folder.id, 'competency')})**\n\n"
            "    ---\n\n"
            f"    {ctx.t(c.summary)}\n\n"
            f"    {levels} · {links}")


def page_heading(ctx: Context, block: str) -> str:
    """The H1 of a competency's page: its name, or the page's kind and the name linked."""
    name = ctx.t(ctx.guide.competency.name)
    if block == "competency":
        return f"# {name}\n\n"
    kind = next(k for k in PAGE_KINDS if k.name == block)
    return (f"# {ctx.label(kind.label)}\n\n"
            f'<p class="guide-competency-of" markdown="span">[{name}](index.md)</p>\n\n')
