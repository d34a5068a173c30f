"""The rating guide: for assessors and trainers, one printable page per level.

Each level's section says what to look for (behaviours, effort, benefit), which
questions draw out an example, how the level differs from the ones around it, and
gives a grid to note the evidence. The questions are the level's own ``questions:``
in ``competency.yml`` when an editor wrote some; otherwise they are made from the
level's behaviours and the competency's scale, with the wording of ``ui.yml``: every
competency gets a complete guide either way. The print stylesheet starts each level
on a new page and sets no page size, so it fits A4 and Letter alike.
"""

from __future__ import annotations

from guide.content.markup import attr_id
from guide.content.model import Level
from guide.render.base import Context, Rendered
from guide.render.example_builder import level_title, on_scale, scale_prompt, scale_prompts


def render_rating_guide(ctx: Context) -> Rendered:
    levels = ctx.guide.competency.levels
    sections = "\n".join(_level(ctx, levels, i) for i in range(len(levels)))
    ctx.out.markdown = "\n".join([
        f'<p class="guide-rg-intro">{ctx.label("rg_intro")}</p>',
        f'<div class="guide-rg" id="guide-rg">\n{sections}\n</div>',
    ]) + "\n"
    return ctx.out


def _questions(ctx: Context, level: Level) -> list[str]:
    """The level's own questions, with their sources; else questions made from the data."""
    if level.questions:
        return [f"{ctx.t(q)} {ctx.cite(q.source)}" for q in level.questions]
    asked = [ctx.label("rg_q_behaviour", behaviour=b.get(ctx.lang)) for b in level.behaviours]
    asked += [scale_prompt(ctx, "rg_q_dimension", p) for p in scale_prompts(ctx.guide.folder())]
    return asked


def _neighbour(ctx: Context, label: str, level: Level) -> str:
    places = "".join(f"<li>{name} — {where}</li>" for name, where in on_scale(ctx, level))
    return (f'<p><strong>{ctx.label(label, level=str(level.number), concept=level.concept.get(ctx.lang))}</strong></p>'
            f"<ul>{places}</ul>")


def _level(ctx: Context, levels: list[Level], index: int) -> str:
    level = levels[index]
    anchor = f"rating-{attr_id(level.id)}"
    look = "".join(f"<li>{ctx.t(b)} {ctx.cite(b.source)}</li>" for b in level.behaviours)
    look += "".join(f"<li><strong>{name}</strong> — {where}</li>" for name, where in on_scale(ctx, level))
    note = f'<p class="guide-rg-note">{ctx.t(level.note)}</p>' if level.note is not None else ""
    questions = "".join(f"<li>{q}</li>" for q in _questions(ctx, level))
    below = (_neighbour(ctx, "rg_below", levels[index - 1]) if index > 0
             else f'<p>{ctx.label("rg_no_below")}</p>')
    above = (_neighbour(ctx, "rg_above", levels[index + 1]) if index + 1 < len(levels)
             else f'<p>{ctx.label("rg_no_above")}</p>')
    expected = [ctx.t(b) for b in level.behaviours] + [f"{name} — {where}" for name, where in on_scale(ctx, level)]
    rows = "".join(f'<tr><td>{what}</td><td class="guide-rg-blank"></td><td class="guide-rg-blank"></td></tr>'
                   for what in expected)
    grid = (f'<table class="guide-rg-grid"><caption>{ctx.label("rg_grid")}</caption>'
            f'<thead><tr><th scope="col">{ctx.label("rg_grid_what")}</th><th scope="col">{ctx.label("rg_grid_evidence")}</th>'
            f'<th scope="col">{ctx.label("rg_grid_seen")}</th></tr></thead><tbody>{rows}</tbody></table>')
    return "\n".join([
        f'<section class="guide-rg-level" data-rg-level="{level.number}" aria-labelledby="{anchor}">',
        f'<h2 id="{anchor}">{ctx.t(ctx.guide.competency.name)} · {level_title(ctx, level)}</h2>',
        f'<h3 id="{anchor}-look">{ctx.label("rg_look_for")}</h3><ul>{look}</ul>{note}',
        f'<h3 id="{anchor}-questions">{ctx.label("rg_questions")}</h3><ul>{questions}</ul>',
        f'<h3 id="{anchor}-around">{ctx.label("rg_differences")}</h3><div class="guide-rg-around">{below}{above}</div>',
        grid,
        "</section>",
    ])
