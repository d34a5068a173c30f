"""The open-data page and the guide's licence: where to get the content, and on what terms."""

from __future__ import annotations

import html

from guide.content.markup import escape
from guide.exports.case_package import FOLDER as CASE_FOLDER, package_name
from guide.exports.competency_bank import bank_name
from guide.exports.data_package import NAME as DATA_PACKAGE
from guide.content.model import LANGUAGES
from guide.exports.open_data import CSV_NAME, FOLDER, JSON_NAME, SCHEMA_NAME
from guide.render.base import Context, Rendered, section, stacked_table


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
    cells = [[f'<a href="{ctx.site_root}{FOLDER}/{name}">{FOLDER}/{name}</a>', kind, ctx.label(what)]
             for name, kind, what in rows]
    for lang in LANGUAGES:
        name = bank_name(lang)
        what = ctx.label("data_bank", language=ctx.plain_label(f"data_case_language_{lang}"))
        cells.append([f'<a href="{ctx.site_root}{FOLDER}/{name}">{FOLDER}/{name}</a>', "CSV (UTF-8)", what])
    for lang in LANGUAGES:
        name = f"{CASE_FOLDER}/{package_name(lang)}"
        what = ctx.label("data_case", language=ctx.plain_label(f"data_case_language_{lang}"))
        cells.append([f'<a href="{ctx.site_root}{FOLDER}/{name}">{FOLDER}/{name}</a>', "CASE 1.1 (JSON)", what])
    cells.append([f'<a href="{ctx.site_root}{FOLDER}/{DATA_PACKAGE}">{FOLDER}/{DATA_PACKAGE}</a>',
                  "Data Package (JSON)", ctx.label("data_package")])
    table = stacked_table(
        [ctx.label("data_file"), ctx.label("data_format"), ctx.label("data_contents")], cells)
    ctx.out.markdown = f"{table}\n\n{licence_section(ctx)}\n"
    return ctx.out

