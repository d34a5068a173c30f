"""Levels side by side: one column per level, and the cumulative view.

Plain HTML rendered from the levels of ``competency.yml``. The choice of
levels and of the view are form controls that work without a script: the
stylesheet hides the columns of unticked levels and the view not chosen
(``:has``); ``docs/javascripts/compare-levels.js`` only reads the levels and
the view from the address (``?levels=2,3&view=cumulative``) and writes the
reader's choice back into it, so the page can be sent as a link.

Nothing here is indexed as an item of its own: each behaviour's place is its
level on the competency page. Search finds the side-by-side columns as
Material's sections; the cumulative view, which repeats behaviours, is left
out of search. Behaviours carry no id: anchors are the columns'.
"""

from __future__ import annotations

import html

from guide.content.markup import attr_id
from guide.content.model import Behaviour, Level
from guide.render.pages import page_path
from guide.render.base import Context, Rendered

OWN = ' class="guide-compare-own"'  # the column's own level among the levels it builds on
VIEWS = ("side", "cumulative")  # the values of ?view=, the first is the default


def compare_href(ctx: Context, numbers: tuple[int, ...] = ()) -> str:
    """The comparison page of the competency in focus, with ``numbers`` chosen (attribute-escaped)."""
    href = ctx.link(page_path(ctx.guide.folder().id, "compare"))
    if numbers:
        href += "?levels=" + ",".join(str(int(n)) for n in numbers)
    return html.escape(href, quote=True)


def render_compare(ctx: Context) -> Rendered:
    levels = ctx.guide.competency.levels
    ctx.out.markdown = "\n".join([
        f'<p class="guide-compare-intro">{ctx.label("compare_intro")}</p>',
        f'<div class="guide-compare" id="compare" data-levels="{",".join(str(lv.number) for lv in levels)}">',
        _controls(ctx, levels),
        _view(ctx, "side", "side-by-side", ctx.label("compare_side_by_side"), "",
              [_column(ctx, level) for level in levels]),
        _view(ctx, "cumulative", "cumulative", ctx.label("compare_cumulative"),
              f'<p>{ctx.label("compare_cumulative_intro")}</p>',
              [_cumulative_column(ctx, levels, i) for i in range(len(levels))]),
        "</div>",
    ]) + "\n"
    return ctx.out


def _controls(ctx: Context, levels: list[Level]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" id="compare-level-{lv.number}" value="{lv.number}" '
        f'data-compare-level="{lv.number}" checked> {_level_name(ctx, lv)}</label>'
        for lv in levels)
    views = "".join(
        f'<label><input type="radio" name="compare-view" id="compare-view-{view}" value="{view}"'
        f'{" checked" if view == VIEWS[0] else ""}> {label}</label>'
        for view, label in zip(VIEWS, (ctx.label("compare_side_by_side"), ctx.label("compare_cumulative")), strict=True))
    return ('<div class="guide-compare-controls">'
            f'<fieldset><legend>{ctx.label("compare_levels_shown")}</legend>{boxes}</fieldset>'
            f'<fieldset><legend>{ctx.label("compare_view")}</legend>{views}</fieldset></div>')


def _view(ctx: Context, view: str, anchor: str, title: str, intro: str, columns: list[str]) -> str:
    """One view; the cumulative one repeats behaviours, so search leaves it out (Material's attribute)."""
    hidden = " data-search-exclude" if view != VIEWS[0] else ""
    return (f'<section class="guide-compare-view guide-compare-{view}" aria-labelledby="{anchor}"{hidden}>\n'
            f'<h2 id="{anchor}"{hidden}>{title}</h2>{intro}\n'
            f'<div class="guide-compare-columns">\n' + "\n".join(columns) + "\n</div>\n</section>")


def _level_name(ctx: Context, level: Level) -> str:
    return f"{ctx.label('level')} {level.number}"


def _column_start(ctx: Context, level: Level, anchor: str) -> str:
    """A column is a labelled region the keyboard can reach, so it scrolls into view on a phone.
    Search leaves it out: the competency page says the same level, and one place is one result."""
    return (f'<section class="guide-compare-column" data-column="{level.number}" id="{anchor}" tabindex="0" '
            f'aria-labelledby="{anchor}-title">\n'
            f'<h3 id="{anchor}-title" data-search-exclude>{_level_name(ctx, level)} — {ctx.t(level.concept)}</h3>')


def _behaviour(ctx: Context, behaviour: Behaviour) -> str:
    return f'<span class="guide-compare-text">{ctx.t(behaviour)}</span> {ctx.cite(behaviour.source)}'


def _part(title: str, body: str) -> str:
    return f'<div class="guide-compare-part">\n<h4 class="guide-subheading">{title}</h4>\n{body}\n</div>'


def _column(ctx: Context, level: Level) -> str:
    behaviours = ('<ul class="guide-items guide-compare-behaviours">'
                  + "".join(f"<li>{_behaviour(ctx, b)}</li>" for b in level.behaviours) + "</ul>")
    if level.note is not None:
        behaviours += f'<p class="guide-compare-note">{ctx.t(level.note)}</p>'
    example = f"<p>{ctx.t(level.example)} {ctx.cite(level.example.source)}</p>"
    dimensions = {dim.id: dim for dim in ctx.guide.competency.scale}
    return "\n".join([
        _column_start(ctx, level, attr_id(level.id)),
        _part(ctx.label("behaviours"), behaviours),
        *(_part(ctx.t(dimensions[on.dimension].label), f"<p>{ctx.t(on)}</p>") for on in level.scale),
        _part(ctx.label("example"), example),
        "</section>",
    ])


def _cumulative_column(ctx: Context, levels: list[Level], index: int) -> str:
    """Everything expected at ``levels[index]``: the behaviours of every level up to it, each with its level."""
    level = levels[index]
    items = "".join(
        f'<li data-level="{lower.number}"{OWN if lower is level else ""}>'
        f'<span class="guide-tag guide-tag--level">{_level_name(ctx, lower)}</span> {_behaviour(ctx, b)}</li>'
        for lower in levels[:index + 1] for b in lower.behaviours)
    return "\n".join([
        _column_start(ctx, level, f"cumulative-{attr_id(level.id)}"),
        f'<ul class="guide-items guide-compare-behaviours">{items}</ul>',
        "</section>",
    ])
