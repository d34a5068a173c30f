"""Why it matters: reasons, avenues, obstacles (with the tips that help), benefits."""

from __future__ import annotations

from guide.content.markup import attr_id
from guide.content.model import Tip
from guide.content.typography import for_language
from guide.render.base import Context, Rendered, items_list, section


def tips_for(ctx: Context, obstacle_id: str) -> list[tuple[int, Tip]]:
    """The tips that name this obstacle, with their numbers, in tip order (none
    when the competency has a why.yml and no tips.yml)."""
    tips = ctx.guide.tips.tips if ctx.guide.tips is not None else []
    return [(n, tip) for n, tip in enumerate(tips, start=1) if obstacle_id in tip.obstacles]


def render_why(ctx: Context) -> Rendered:
    why = ctx.why
    # The competency's own heading for its benefits, or the words true of any competency.
    own = why.benefits_title
    benefits_heading = ctx.t(own) if own else ctx.label("benefits_heading")
    benefits_plain = for_language(own.get(ctx.lang), ctx.lang) if own else ctx.plain_label("benefits_heading")
    obstacles = ['<ul class="guide-items guide-obstacles" markdown>']
    for obstacle in why.obstacles:
        # Each tip by its number and what it says (its card's shorter wording): a bare
        # "Tip 5" tells a reader nothing until they follow it.
        links = "; ".join(
            f"[{ctx.label('tip_link', number=str(n), title=(tip.card or tip).get(ctx.lang))}](tips.md#{attr_id(tip.id)})"
            for n, tip in tips_for(ctx, obstacle.id)
        ) or ctx.label("no_tip_yet")
        obstacles.append(
            f'<li id="{attr_id(obstacle.id)}" markdown="span">'
            f"{ctx.item_line(obstacle, ctx.plain_label('obstacles_heading'))}"
            f'<br><span class="guide-related">{ctx.label("helped_by")} {links}</span></li>'
        )
    obstacles.append("</ul>")
    ctx.out.markdown = "\n\n".join([
        section("reasons", ctx.label("reasons_heading"),
                 items_list(ctx, why.reasons, ctx.plain_label("reasons_heading"), numbered=True)),
        section("avenues", ctx.label("avenues_heading"),
                 items_list(ctx, why.avenues, ctx.plain_label("avenues_heading"), numbered=True)),
        section("obstacles", ctx.label("obstacles_heading"), "\n".join(obstacles)),
        section("benefits", benefits_heading, items_list(ctx, why.benefits, benefits_plain)),
    ]) + "\n"
    return ctx.out
