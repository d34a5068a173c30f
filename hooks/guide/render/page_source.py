"""'Last updated' and 'edit this page' under a page, in the page's language.

HTML for the theme's ``partials/source-file.html`` slot (below the content,
outside the search index). Dates are written the way each language writes
them: "5 March 2026", "5 mars 2026" ("1er mars" for the first of the month).
"""

from __future__ import annotations

import html
from datetime import date

from babel.dates import format_date

from guide.content.model import Labels
from guide.content.typography import for_language


def long_date(day: date, lang: str) -> str:
    text = format_date(day, "d MMMM y", locale=lang)
    if lang == "fr" and day.day == 1:
        text = "1er" + text[1:]
    return text


def page_source_html(labels: Labels, lang: str, day: date | None, url: str | None, path: str) -> str:
    """Empty when there is neither a date nor a link."""

    def label(name: str) -> str:
        return html.escape(for_language(getattr(labels, name).get(lang), lang))

    facts = []
    if day is not None:
        facts.append(f'<span>{label("last_updated")} '
                     f'<time datetime="{day.isoformat()}">{html.escape(long_date(day, lang))}</time></span>')
    if url is not None:
        facts.append(f'<span><a href="{html.escape(url)}">{label("edit_page")}</a> '
                     f'(<code>{html.escape(path)}</code>)</span>')
    if not facts:
        return ""
    return '<aside class="guide-page-source">' + " · ".join(facts) + "</aside>"
