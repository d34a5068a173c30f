"""The competency page: definition, scope, scale, levels, behaviours."""

from __future__ import annotations

import html
from collections.abc import Sequence

from guide.content.markup import attr_id, text
from guide.content.model import Item, Level
from guide.content.typography import for_language
from guide.render.pages import page_path
from guide.render.compare import compare_href
from guide.render.base import Context, Rendered, admonition, heading, items_list, section, subheading
from guide.render.diagrams import scale_diagram


def render_competency(ctx: Context) -> Rendered:
    c = ctx.guide.competency
    parts = [
        f'<p class="guide-summary" id="{attr_id(c.summary.id)}" markdown="span">'
        f"{ctx.item_line(c.summary, for_language(c.name.get(ctx.lang), ctx.lang))}</p>",
        section("definition", ctx.label("definition"),
                 ctx.item_line(c.definition, ctx.plain_label("definition")) + _who_counts(ctx)),
        section("motivation", ctx.label("motivation"),
                 admonition("abstract", "",
                             ctx.item_line(c.motivation, ctx.plain_label("motivation")))),
        section("covers", ctx.label("covers"),
                 items_list(ctx, c.covers, ctx.plain_label("covers"))),
        section("excludes", ctx.label("excludes"), _exclusions(ctx)),
        section("is-is-not", ctx.label("is_is_not"), _is_is_not(ctx)),
        section("purpose", ctx.label("purpose"),
                 ctx.item_line(c.purpose, ctx.plain_label("purpose"))),
        section("example", ctx.label("example"),
                 admonition("example", ctx.label("example"),
                             ctx.item_line(c.example, ctx.plain_label("example")))),
        section("scale", ctx.label("scale"), _scale(ctx) + "\n\n" + scale_diagram(ctx)),
        section("levels", ctx.label("levels", count=len(c.levels)),
                 f'<p class="guide-compare-link"><a href="{compare_href(ctx)}">{ctx.label("compare_link")}</a></p>\n\n'
                 + "\n\n".join(_level(ctx, level, nxt)
                                for level, nxt in zip(c.levels, [*c.levels[1:], None], strict=True))),
        section("adopt", ctx.label("adopt_heading"),
                 _behaviours(ctx, c.adopt, "adopt", ":material-check-circle:")),
        section("avoid", ctx.label("avoid_heading"),
                 _behaviours(ctx, c.avoid, "avoid", ":material-close-circle:")),
    ]
    ctx.out.markdown = "\n\n".join(parts) + "\n"
    return ctx.out


def _who_counts(ctx: Context) -> str:
    """The competency's own note beside its definition, under its own title, when it has one."""
    note = ctx.guide.competency.who_counts
    if note is None:
        return ""
    title = for_language(note.title.get(ctx.lang), ctx.lang)
    return "\n\n" + admonition("info", ctx.t(note.title), ctx.item_line(note, title))


def _behaviours(ctx: Context, items: Sequence[Item], kind: str, icon: str) -> str:
    """Adopt and avoid differ by icon and by word, never by colour alone."""
    word = ctx.label(kind)
    title = ctx.plain_label(f"{kind}_heading")
    lines = [f'<ul class="guide-items guide-behaviours guide-{kind}" markdown>']
    for item in items:
        lines.append(
            f'<li id="{attr_id(item.id)}" markdown="span">'
            f'<span class="guide-tag guide-tag--{kind}">{icon} {word}</span> '
            f"{ctx.item_line(item, title)}</li>"
        )
    lines.append("</ul>")
    return "\n".join(lines)


def _see(ctx: Context, competency_id: str | None) -> str:
    """A link to the competency an exclusion belongs to, when the catalogue has it."""
    other = next((f for f in ctx.guide.competencies if f.id == competency_id), None)
    if other is None:
        return ""
    href = html.escape(ctx.link(page_path(other.id, "competency")), quote=True)
    return f' → <a class="guide-see" href="{href}">{ctx.t(other.competency.name)}</a>'


def _exclusions(ctx: Context) -> str:
    why = ctx.label("why_excluded")
    lines = ['<ul class="guide-items" markdown>']
    for item in ctx.guide.competency.excludes:
        ctx.index(item.id, ctx.plain_label("excludes"),
                  f"{item.get(ctx.lang)} {item.why.get(ctx.lang)}")
        lines.append(
            f'<li id="{attr_id(item.id)}" markdown="span">{ctx.t(item)} '
            f"{ctx.cite(item.source)}<br>**{why}** — {ctx.t(item.why)}{_see(ctx, item.see)}</li>"
        )
    lines.append("</ul>")
    return "\n".join(lines)


def _is_is_not(ctx: Context) -> str:
    rows = []
    for row in ctx.guide.competency.is_is_not:
        ctx.index(row.id, ctx.plain_label("is_is_not"),
                  f"{row.it_is.get(ctx.lang)} / {row.it_is_not.get(ctx.lang)}")
        rows.append(
            f'<tr id="{attr_id(row.id)}"><td markdown="span" data-label="{ctx.label("it_is")}">{ctx.t(row.it_is)}</td>'
            f'<td markdown="span" data-label="{ctx.label("it_is_not")}">{ctx.t(row.it_is_not)} {ctx.cite(row.source)}</td></tr>'
        )
    return (
        '<div class="md-typeset__table guide-stack guide-is-is-not" markdown><table markdown>\n'
        f'<thead><tr><th scope="col">{ctx.label("it_is")}</th>'
        f'<th scope="col">{ctx.label("it_is_not")}</th></tr></thead>\n'
        f"<tbody markdown>\n{chr(10).join(rows)}\n</tbody></table></div>"
    )


def _scale(ctx: Context) -> str:
    c = ctx.guide.competency
    rows = []
    for dim in c.scale:
        ctx.index(dim.id, ctx.plain_label("scale"),
                  f"{dim.name.get(ctx.lang)}: {dim.lower.get(ctx.lang)} {dim.higher.get(ctx.lang)}")
        rows.append(
            f'<tr id="{attr_id(dim.id)}"><th scope="row" markdown="span">{ctx.t(dim.name)}</th>'
            f'<td markdown="span" data-label="{ctx.label("lower_levels")}">{ctx.t(dim.lower)}</td>'
            f'<td markdown="span" data-label="{ctx.label("higher_levels")}">{ctx.t(dim.higher)} {ctx.cite(dim.source)}</td></tr>'
        )
    intro = ctx.item_line(c.scale_intro, ctx.plain_label("scale"))
    return (
        f"{intro}\n\n"
        '<div class="md-typeset__table guide-stack guide-scale" markdown><table markdown>\n'
        f'<thead><tr><td></td><th scope="col">{ctx.label("lower_levels")}</th>'
        f'<th scope="col">{ctx.label("higher_levels")}</th></tr></thead>\n'
        f"<tbody markdown>\n{chr(10).join(rows)}\n</tbody></table></div>"
    )


def _level(ctx: Context, level: Level, following: Level | None) -> str:
    name = f"{ctx.plain_label('level')} {level.number}"
    concept = ctx.t(level.concept)
    ctx.index(level.id, f"{name} — {level.concept.get(ctx.lang)}",
              " ".join(on.get(ctx.lang) for on in level.scale))
    parts = [
        heading(f"{ctx.label('level')} {level.number} — {concept}", attr_id(level.id), 3),
        subheading(ctx.label("behaviours")),
        items_list(ctx, level.behaviours, f"{name} — {level.concept.get(ctx.lang)}"),
    ]
    if level.note is not None:
        parts.append(admonition("note", ctx.label("level") + f" {level.number}", ctx.t(level.note)))
    dimensions = {dim.id: dim for dim in ctx.guide.competency.scale}
    parts.append(
        '<dl class="guide-effort-benefit">\n'
        + "".join(f"<dt>{ctx.t(dimensions[on.dimension].label)}</dt><dd>{ctx.t(on)}</dd>\n" for on in level.scale)
        + "</dl>"
    )
    example = f'<span id="{attr_id(level.example.id)}">{ctx.item_line(level.example, name)}</span>'
    parts.append(admonition("example", ctx.label("example"), example))
    if following is not None:
        parts.append(_next_level(ctx, level, following))
    return "\n\n".join(parts)


def _next_level(ctx: Context, level: Level, following: Level) -> str:
    """The next level's behaviours with the tips that help, and a link comparing the two levels.

    No ids and no search entries: each behaviour's place is its own level.
    """
    tips = {tip.id: tip for tip in ctx.guide.tips.tips} if ctx.guide.tips is not None else {}
    page = ctx.link(page_path(ctx.guide.folder().id, "tips")) if tips else ""
    items = []
    for behaviour in following.behaviours:
        links = "".join(
            f'<li><a href="{html.escape(f"{page}#{attr_id(t)}", quote=True)}">{ctx.t(tips[t].card or tips[t])}</a></li>'
            for t in behaviour.tips if t in tips)
        said = text(ctx.guide.labels.sa_tips.get(ctx.lang) + ":", ctx.lang)  # "Conseils utiles :" in French
        helped = (f'<span class="guide-next-tips-label">{said}</span>'
                  f'<ul class="guide-next-tips">{links}</ul>') if links else ""
        items.append(f'<li><span class="guide-next-text">{ctx.t(behaviour)}</span>{helped}</li>')
    # Search leaves it out: the next level's own section says these behaviours.
    return (f'<div class="guide-next-level" data-next-level="{following.number}" data-search-exclude>\n'
            f'{subheading(ctx.label("next_level"))}\n'
            f'<p>{ctx.label("level")} {following.number} — {ctx.t(following.concept)}</p>\n'
            f'<ul class="guide-items guide-next-behaviours">{"".join(items)}</ul>\n'
            f'<p><a href="{compare_href(ctx, (level.number, following.number))}">'
            f'{ctx.label("next_level_compare")}</a></p>\n</div>')
