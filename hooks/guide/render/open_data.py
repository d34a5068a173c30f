"""The open-data page and the guide's licence: where to get the content, and on what terms."""

from __future__ import annotations

import html

from ..markup import escape
from ..open_data import CSV_NAME, FOLDER, JSON_NAME, SCHEMA_NAME
from .base import Context, Rendered, section


def licence_section(ctx: Context) -> str:
    licence = ctx.guide.licence
    # The address is validated (https://, no spaces); HTML-escaping it keeps it an attribute.
    body = (f'<p><a href="{html.escape(licence.url)}">'
            f"{ctx.t(licence.name)}</a> ({escape(licence.spdx)})</p>\n\n<p>{ctx.t(licence.scope)}</p>")
    return section("guide-licence", ctx.label("guide_licence"), body)


def render_open_data(ctx: Context) -> Rendered:
    rows = [(JSON_NAME, "JSON", "data_json"), (CSV_NAME, "CSV (UTF-8)", "data_csv"),
            (SCHEMA_NAME, "JSON Schema", "data_schema")]
    # The files are written once, at the site root, for every language.
    body = "".join(
        f'<tr><td><a href="{ctx.site_root}{FOLDER}/{name}">{FOLDER}/{name}</a></td>'
        f"<td>{kind}</td><td>{ctx.label(what)}</td></tr>"
        for name, kind, what in rows)
    table = (f'<table class="guide-data-files"><thead><tr><th scope="col">{ctx.label("data_file")}</th>'
             f'<th scope="col">{ctx.label("data_format")}</th><th scope="col">{ctx.label("data_contents")}</th>'
             f"</tr></thead><tbody>{body}</tbody></table>")
    ctx.out.markdown = f"{table}\n\n{licence_section(ctx)}\n"
    return ctx.out

