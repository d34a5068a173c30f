"""Links to the PDFs of a published build, named in the page's language.

"English and French, duplex, A4 — PDF, 4 sheets": what the file holds, the
paper and the number of sheets (from ``downloads.plan``, worked out from the
data), never the file's name.
"""

from __future__ import annotations

from typing import Optional, Sequence

from guide.publish.downloads import FOLDER, Download
from guide.content.markup import escape
from guide.render.base import Context


def download_name(ctx: Context, download: Download) -> str:
    """The link's text, escaped and typeset for the page's language."""
    what = ctx.label("pdf_deck_" + download.lang.replace("-", "_"))
    sheets = (ctx.label("pdf_sheet_one") if download.sheets == 1
              else ctx.label("pdf_sheets", count=download.sheets))
    return f"{what}, {ctx.label('pdf_paper_' + download.paper)} — {sheets}"


def _page_language_first(download: Download, lang: str) -> tuple[bool, int]:
    return (not download.lang.startswith(lang), len(download.lang))


def download_list(ctx: Context, downloads: Sequence[Download]) -> str:
    """The downloads as a list, those starting in the page's language first."""
    ordered = sorted(downloads, key=lambda d: _page_language_first(d, ctx.lang))
    items = "".join(
        f'<li><a href="{ctx.site_root}{FOLDER}/{escape(d.name)}" type="application/pdf">'
        f"{download_name(ctx, d)}</a></li>" for d in ordered)
    return f'<ul class="guide-downloads">{items}</ul>'


def download_section(ctx: Context, title: str, kind: str, competency: Optional[str] = None,
                     grouped: bool = False) -> str:
    """One kind of PDF (for one competency, or grouped by competency); empty when the
    build prints none (a preview, or a local build). Grouped, a deck of one competency
    each: the page says its own print is the way to print across competencies."""
    chosen = [d for d in ctx.downloads if d.kind == kind and (competency is None or d.competency == competency)]
    if not chosen:
        return ""
    if not grouped or all(d.competency is None for d in chosen):
        return f'<p class="guide-downloads-title"><strong>{title}</strong></p>\n{download_list(ctx, chosen)}'
    names = {f.id: ctx.t(f.competency.name) for f in ctx.guide.competencies}
    parts = [f'<p class="guide-downloads-title"><strong>{title}</strong></p>',
             f'<p class="guide-downloads-note">{ctx.label("pdf_print_across")}</p>']
    for scope in dict.fromkeys(d.competency for d in chosen):
        parts.append(f"<p>{names.get(scope or '', '')}</p>\n"
                     f"{download_list(ctx, [d for d in chosen if d.competency == scope])}")
    return "\n".join(parts)
