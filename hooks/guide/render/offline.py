"""The home page's link to the offline zip (see ``guide/publish/offline_bundle.py``)."""

from __future__ import annotations

from guide.content.markup import escape
from guide.render.base import Context, Rendered, section


def render_offline(ctx: Context) -> Rendered:
    """The home page's link to the offline zip, when this build publishes one."""
    if not ctx.offline_bundle:
        ctx.out.markdown = ""
        return ctx.out
    link = (f'<a class="md-button" href="{ctx.site_root}downloads/{escape(ctx.offline_bundle)}" '
            f'download>{ctx.label("offline_link")}</a>')
    ctx.out.markdown = section("offline", ctx.label("offline_heading"),
                               f"<p>{link}</p>\n\n<p>{ctx.label('offline_how')}</p>") + "\n"
    return ctx.out
