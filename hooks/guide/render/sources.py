"""The sources page: every document the guide draws on, and what it took."""

from __future__ import annotations

import html

from guide.content.markup import attr_id, text
from guide.render.base import Context, Rendered, heading
from guide.render.open_data import licence_section


def render_sources(ctx: Context) -> Rendered:
    blocks = []
    for source in sorted(ctx.guide.sources.values(), key=lambda s: s.id):
        language = ctx.label(f"language_{source.language}")
        rows = [
            f"{ctx.label('publisher')}\n:   {ctx.t(source.publisher)}",
            f"{ctx.label('language')}\n:   {language}",
            f"{ctx.label('what_it_is')}\n:   {ctx.t(source.kind)}",
            f"{ctx.label('used_for')}\n:   {ctx.t(source.used_for)}",
        ]
        if source.licence is not None:
            rows.append(f"{ctx.label('licence')}\n:   {ctx.t(source.licence)}")
        # Raw HTML, not a Markdown link: an escaped ':' would make MkDocs read the
        # address as a relative link, and the address is attribute text, escaped as such.
        where = (f'<a href="{html.escape(source.url, quote=True)}">{ctx.label("online")}</a>'
                 if source.url else ctx.label("not_online"))
        rows.append(f"{ctx.label('source')}\n:   {where}")
        title = ctx.t(source.short)
        ctx.index(source.id, source.short.get(ctx.lang),
                  f"{source.title} {source.publisher.get(ctx.lang)} {source.used_for.get(ctx.lang)}")
        lang_attr = f' lang="{source.language}"' if source.language != ctx.lang else ""
        blocks.append(
            f"{heading(title, attr_id(source.id))}\n\n"
            # The title is in the source's own language, typeset for that language.
            f'<p class="guide-source-title" markdown="span"><cite{lang_attr}>{text(source.title, source.language)}</cite></p>\n\n'
            + "\n\n".join(rows)
        )
    blocks.append(licence_section(ctx))
    ctx.out.markdown = "\n\n".join(blocks) + "\n"
    return ctx.out
