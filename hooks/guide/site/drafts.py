"""A draft's pages in the preview: each unwritten text marked, and a one-line notice.

The same for a finished competency with draft items: their texts marked, and a
notice that counts them.

The scaffold writes "TO WRITE (where)" / "À RÉDIGER (where)"; a page shows the
marker's word in its own language, highlighted, instead of the scaffold's
hint, whose words are the model's keys. One linear pass over the finished
HTML, text between tags only: attributes are left as they are, and inside a
picture (SVG) the word is written without a highlight, which SVG cannot hold.
"""

from __future__ import annotations

import html
import re

from guide.content.decode import TO_WRITE
from guide.content.model import DraftItem, Labels
from guide.content.typography import for_language

CLASS = "guide-to-write"
NOTICE_CLASS = "guide-draft-notice"
ITEM_CLASS = "guide-draft-item"
_ID = re.compile(r'\sid="([^"<>]*)"')  # an element's id, as the renderers write it
# The marker, then the scaffold's hint in brackets (escaped as a reference or not), bounded.
_MARKED = re.compile("(?:" + "|".join(re.escape(word) for word in TO_WRITE.values()) + ")"
                     r"(?: ?(?:\(|&#40;)[^()<>&]{0,200}(?:\)|&#41;))?")
_TOKEN = re.compile(r"<[^>]*>|[^<]+|<")


def _label(labels: Labels, name: str, lang: str, count: int | None = None, left: int | None = None) -> str:
    value = getattr(labels, name).get(lang)
    if count is not None:
        value = value.replace("{count}", str(count))
    if left is not None:
        value = value.replace("{left}", str(left))
    return html.escape(for_language(value, lang))


def mark_unwritten(page_html: str, labels: Labels, lang: str) -> str:
    """``page_html`` with every text still to write shown as the page language's "to write"."""
    word = _label(labels, "to_write", lang)
    marked = f'<mark class="{CLASS}">{word}</mark>'
    out, in_svg = [], 0
    for token in _TOKEN.finditer(page_html):
        part = token.group(0)
        if part.startswith("<"):
            name = part[1:5].lower()
            if name.startswith("svg") and part[4:5] in (" ", ">", "/"):
                in_svg += 1
            elif name == "/svg":
                in_svg = max(0, in_svg - 1)
            out.append(part)
        else:
            out.append(_MARKED.sub(word if in_svg else marked, part))
    return "".join(out)


def mark_draft_items(page_html: str, ids: set[str], labels: Labels, lang: str) -> str:
    """``page_html`` with each draft item's element (the one its id names) labelled "draft"
    in the page's language, so an editor sees which items the published site leaves out."""
    label = _label(labels, "draft_item", lang)
    out = []
    for token in _TOKEN.finditer(page_html):
        part = token.group(0)
        out.append(part)
        found = _ID.search(part) if part.startswith("<") and not part.startswith("</") else None
        if found is not None and found.group(1) in ids:
            out.append(f'<mark class="{ITEM_CLASS}">{label}</mark> ')
    return "".join(out)


def draft_notice(labels: Labels, lang: str, unwritten: int) -> str:
    """One line above a draft's page: not published, and how much is left to write."""
    return (f'<div class="admonition warning {NOTICE_CLASS}" role="note">'
            f'<p class="admonition-title">{_label(labels, "draft_notice", lang, unwritten)}</p></div>\n')


def draft_items_notice(labels: Labels, lang: str, items: tuple[DraftItem, ...]) -> str:
    """One line above the pages of a finished competency with draft items: how many, how much left."""
    left = sum(len(item.lacking) for item in items)
    return (f'<div class="admonition warning {NOTICE_CLASS}" role="note">'
            f'<p class="admonition-title">{_label(labels, "draft_items_notice", lang, len(items), left)}</p></div>\n')
