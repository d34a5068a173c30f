"""Why it matters: reasons, avenues, obstacles (with the tips that help), benefits."""

from __future__ import annotations

from ..markup import attr_id
from .base import Context, Rendered
from .competency import _items, _section


def tips_for(ctx: Context, obstacle_id: str) -> list[int]:
    """The numbers of the tips that name this obstacle, in tip order."""
    return [n for n, tip in enumerate(ctx.guide.tips.tips, start=1) if obstacle_id in tip.obstacles]


def render_why(ctx: Context) -> Rendered:
    why = ctx.guide.why
    tip_word = ctx.label("tip")
    obstacles = ['<ul class="guide-items guide-obstacles" markdown>']
    for obstacle in why.obstacles:
        numbers = tips_for(ctx, obstacle.id)
        links = ", ".join(
            f"[{tip_word} {n}](tips.md#{attr_id(ctx.guide.tips.tips[n - 1].id)})" for n in numbers
        ) or ctx.label("no_tip_yet")
        obstacles.append(
            f'<li id="{attr_id(obstacle.id)}" markdown="span">'
            f"{ctx.item_line(obstacle, ctx.plain_label('obstacles_heading'))}"
            f'<br><span class="guide-related">{ctx.label("helped_by")} {links}</span></li>'
        )
    obstacles.append("</ul>")
    ctx.out.markdown = "\n\n".join([
        _section(ctx, "reasons", ctx.label("reasons_heading"),
                 _items(ctx, why.reasons, ctx.plain_label("reasons_heading"), numbered=True)),
        _section(ctx, "avenues", ctx.label("avenues_heading"),
                 _items(ctx, why.avenues, ctx.plain_label("avenues_heading"), numbered=True)),
        _section(ctx, "obstacles", ctx.label("obstacles_heading"), "\n".join(obstacles)),
        _section(ctx, "benefits", ctx.label("benefits_heading"),
                 _items(ctx, why.benefits, ctx.plain_label("benefits_heading"))),
    ]) + "\n"
    return ctx.out
