"""The editors' page listing items whose two languages were changed apart."""

from __future__ import annotations

import html

from guide.content.markup import escape
from guide.history.translation_status import NOT_YET_COMMITTED
from guide.render.base import Context, Rendered, stacked_table


def render_translation_status(ctx: Context) -> Rendered:
    if ctx.status is None:
        body = ctx.label("status_unknown")
    elif not ctx.status:
        body = f'!!! success "{ctx.label("status_all_in_step")}"'
    else:
        def when(date: str) -> str:  # an edit the preview shows before it is committed has no date yet
            return ctx.label("status_not_committed") if date == NOT_YET_COMMITTED else escape(date)

        rows = [[f"<code>{html.escape(s.file)}:{s.line}</code>", f"<code>{html.escape(s.item)}</code>",
                 f"{ctx.label('language_' + s.newer)} ({when(s.newer_date)})", when(s.older_date)]
                for s in ctx.status]
        body = (f"{ctx.label('status_intro')}\n\n"
                + stacked_table([ctx.label("status_where"), "id", ctx.label("status_changed"),
                                 ctx.label("status_other")], rows))
    if ctx.status is not None and ctx.reviewed:
        reviewed = [[f"<code>{html.escape(r.file)}:{r.line}</code>", f"<code>{html.escape(r.item)}</code>",
                     escape(r.date)] for r in ctx.reviewed]
        body += (f"\n\n## {ctx.label('status_reviewed')} {{ #reviewed }}\n\n"
                 f"{ctx.label('status_reviewed_intro')}\n\n"
                 + stacked_table([ctx.label("status_where"), "id", ctx.label("status_reviewed_on")], reviewed))
    ctx.out.markdown = body + "\n"
    return ctx.out
