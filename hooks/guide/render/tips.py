"""Practical tips, each with the obstacles it helps overcome, and voices from practice."""

from __future__ import annotations

from guide.content.markup import attr_id, escape, text
from guide.content.model import Quote
from guide.content.typography import french, semicolon
from guide.render.base import Context, Rendered, section


def render_tips(ctx: Context) -> Rendered:
    # A tips.yml without a why.yml names no obstacle (the loader checks each name).
    obstacles = {o.id: o for o in ctx.guide.why.obstacles} if ctx.guide.why is not None else {}
    count = len(ctx.tips.tips)
    tips = ['<ol class="guide-items guide-tips" markdown>']
    for tip in ctx.tips.tips:
        links = semicolon(ctx.lang).join(f"[{text(obstacles[o].get(ctx.lang).rstrip('.'), ctx.lang)}](why.md#{attr_id(o)})"
                          for o in tip.obstacles)
        tips.append(
            f'<li id="{attr_id(tip.id)}" markdown="span">'
            f"{ctx.item_line(tip, ctx.plain_label('tips_heading', count=count))}"
            f'<br><span class="guide-related">{ctx.label("overcomes")} {links}</span></li>'
        )
    tips.append("</ol>")
    quotes = "\n\n".join(_quote(ctx, quote) for quote in ctx.tips.quotes)
    ctx.out.markdown = "\n\n".join([
        section("tips", ctx.label("tips_heading", count=count), "\n".join(tips)),
        section("voices", ctx.label("voices_heading"), quotes),
    ]) + "\n"
    return ctx.out


def _quote(ctx: Context, quote: Quote) -> str:
    """The original words, marked with their language; a marked translation elsewhere."""
    original_text = quote.get(quote.original)
    shown = french(f"« {original_text} »") if quote.original == "fr" else f"“{original_text}”"
    lang_attr = f' lang="{quote.original}"'
    parts = [f'<figure class="guide-quote" id="{attr_id(quote.id)}" markdown>',
             f"<blockquote{lang_attr}><p>{escape(shown)}</p></blockquote>"]
    if ctx.lang != quote.original:
        parts.append(f'<p class="guide-translation"><em>{ctx.label("translation")}</em> '
                     f"“{ctx.t(quote)}”</p>")
    if quote.context is not None:
        parts.append(f'<p class="guide-quote-context">{ctx.t(quote.context)}</p>')
    parts.append(f'<figcaption markdown="span">— {ctx.t(quote.attribution)}, {ctx.cite(quote.source)}</figcaption>')
    parts.append("</figure>")
    ctx.index(quote.id, ctx.plain_label("voices_heading"),
              f"{quote.get(quote.original)} {quote.get(ctx.lang)}")
    return "\n".join(parts)
