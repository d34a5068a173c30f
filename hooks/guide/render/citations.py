"""Citations a reader can live with: a numbered marker, the full list at the page's end.

``Context.cite`` writes, after each sourced sentence, a link naming its source
(``<a class="guide-cite" … data-source="ID">short name</a>``): readable alone,
but the same "[CRA profile]" after almost every line. Scholarly sites do it
otherwise, and so does this last step of rendering a page (``render_blocks``,
so every generator gets it, the Markdown export too): each marker
becomes the source's number on this page ([1], numbered in order of first use),
which names the source in full on hover and focus (Material's tooltip, from
``title``) and to a screen reader (its ``aria-label``), and leads to the page's
list of sources at its end; there each source is named in full, printed too,
with a link to its entry on the Sources page. One pass over the markers.
"""

from __future__ import annotations

import html
import re

from guide.content.model import Guide
from guide.content.typography import for_language

_MARKER = re.compile(r'<a class="guide-cite" href="(?P<href>[^"]*)" data-source="(?P<source>[^"]*)"'
                     r'(?P<rest>[^>]*)>(?P<short>[^<]*)</a>')
LIST_ID = "page-sources"


def _label(guide: Guide, label: str, lang: str, **values: str) -> str:
    text = getattr(guide.labels, label).get(lang)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return for_language(text, lang)


def full_name(guide: Guide, source_id: str, lang: str) -> str:
    """The source as a reader can identify it: its title and who published it (plain text)."""
    source = guide.sources[source_id]
    return _label(guide, "cite_full", lang, title=_title(guide, source_id), publisher=source.publisher.get(lang))


def _title(guide: Guide, source_id: str) -> str:
    """The title in its own language, typeset for it (« Notes d’un atelier »)."""
    source = guide.sources[source_id]
    return for_language(source.title, source.language)


def numbered_citations(page_html: str, guide: Guide, lang: str) -> str:
    """``page_html`` with numbered source markers and, at its end, the list they lead to
    (unchanged when the page cites nothing)."""
    numbers: dict[str, int] = {}
    entries: dict[str, str] = {}  # source id -> its Sources page address, relative to this page

    def marker(match: re.Match[str]) -> str:
        source = html.unescape(match.group("source"))
        if source not in guide.sources:
            return match.group(0)
        number = numbers.setdefault(source, len(numbers) + 1)
        entries.setdefault(source, match.group("href"))
        name = full_name(guide, source, lang)
        said = _label(guide, "cite_marker", lang, number=str(number), name=name)
        return (f'<a class="guide-cite" href="#{LIST_ID}-{html.escape(source, quote=True)}" '
                f'title="{html.escape(name, quote=True)}" aria-label="{html.escape(said, quote=True)}"'
                f'{match.group("rest")}>{number}</a>')

    page_html = _MARKER.sub(marker, page_html)
    if not numbers:
        return page_html
    items = "".join(
        f'<li id="{LIST_ID}-{html.escape(source, quote=True)}">'
        f'<cite lang="{guide.sources[source].language}">{html.escape(_title(guide, source))}</cite>'
        f' — {html.escape(for_language(guide.sources[source].publisher.get(lang), lang))}. '
        f'<a href="{entries[source]}">{html.escape(_label(guide, "cite_entry", lang))}</a></li>'
        for source in numbers)
    return (f'{page_html}\n\n<section class="guide-page-sources" aria-labelledby="{LIST_ID}" data-search-exclude>'
            f'<h2 id="{LIST_ID}">{html.escape(_label(guide, "cite_list", lang))}</h2>'
            f'<ol>{items}</ol></section>')
