"""Explain glossary terms where they appear: one pass over a page's HTML.

Python-Markdown's ``abbr`` extension did this before, but it rescans the page
once per definition (the cost grew with terms × pages: 1,800 terms took 13
minutes) and it writes the definition into ``title`` unescaped for Material's
tooltip, which renders ``title`` as HTML. Here the terms are looked up by their
first word, so a page costs time in proportion to its text, and the tooltip
text goes through ``tooltip_attribute``, its one escaping path.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from guide.content.model import Guide
from guide.content.typography import for_language

_WORD = re.compile(r"\w+")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
# Where a tooltip would be wrong or unreachable: links and controls already act
# on hover or click, code is literal, headings feed the table of contents (and
# table headers are labels, like the glossary's own terms), SVG
# has no HTML inside, and script or style text is not text at all.
_SKIPPED = {"a", "abbr", "button", "code", "kbd", "pre", "samp", "select", "svg", "textarea",
            "template", "h1", "h2", "h3", "h4", "h5", "h6", "option", "title", "th"}
_RAW = {"script", "style"}  # their content is copied up to the closing tag, unread
# An element the renderer finished (``Context.defer``: the cards' sheets), whose text
# the build never shows this pass; a site finished after a build without hooks must not either.
FINISHED = "data-guide-finished"
_FINISHED_ATTRIBUTE = re.compile(rf"\s{FINISHED}(?=[\s=/>])")


@dataclass(frozen=True)
class TermIndex:
    """Every form of every term in one language, keyed by the form's first word."""

    by_first_word: dict[str, tuple[tuple[str, int, str], ...]]  # word → (form, offset, title)

    def __bool__(self) -> bool:
        return bool(self.by_first_word)


def tooltip_attribute(meaning: str) -> str:
    """A ``title`` value for Material's tooltip, which inserts it as HTML.

    Escaped once for the tooltip's HTML (``&``, ``<``, ``>``), then once for the
    attribute: an entity typed by an editor shows as typed and never becomes markup.
    """
    return html.escape(html.escape(meaning, quote=False), quote=True)


def term_index(guide: Guide, lang: str) -> TermIndex:
    entries: dict[str, list[tuple[str, int, str]]] = {}
    for term in guide.glossary.terms:
        meaning = " ".join(for_language(term.definition.get(lang), lang).split())
        title = tooltip_attribute(meaning)
        for raw in term.forms.get(lang).split(","):
            form = unicodedata.normalize("NFC", for_language(" ".join(raw.split()), lang))
            first = _WORD.search(form)
            if first is None:
                continue  # a form with no letter or digit cannot be told apart from punctuation
            entries.setdefault(first.group(), []).append((form, first.start(), title))
    # Longest form first, so "world café" wins over "world".
    return TermIndex({word: tuple(sorted(forms, key=lambda f: -len(f[0])))
                      for word, forms in entries.items()})


def explain_terms(page_html: str, index: TermIndex) -> str:
    """``page_html`` with each term's forms wrapped in ``<abbr title="…">``."""
    if not index:
        return page_html
    out: list[str] = []
    skipping: dict[str, int] = {}  # each skipped element open around here → how many times
    finished, depth = "", 0  # the finished element open around here, and how deep inside it
    tags = _Tags(page_html)
    position = 0
    while position < len(page_html):
        tag = tags.next(position)
        end = tag[0] if tag else len(page_html)
        if end > position:
            text = page_html[position:end]
            out.append(text if finished or any(skipping.values()) else _explain_text(text, index))
        if tag is None:
            break
        written = page_html[tag[0]:tag[1]]
        out.append(written)
        position = tag[1]
        name_match = _TAG_NAME.match(written)
        if name_match is None:
            continue  # a comment or a doctype
        name = name_match.group(1).lower()
        closing = written.startswith("</")
        if name in _RAW and not closing:
            close = re.compile(rf"</\s*{name}\s*>", re.I).search(page_html, position)
            stop = close.end() if close else len(page_html)
            out.append(page_html[position:stop])
            position = stop
        elif finished:
            if name == finished and not written.endswith("/>"):
                depth += -1 if closing else 1
                finished = finished if depth else ""
        elif not closing and _FINISHED_ATTRIBUTE.search(written) and not written.endswith("/>"):
            finished, depth = name, 1
        elif name in _SKIPPED and not written.endswith("/>"):
            if not closing:
                skipping[name] = skipping.get(name, 0) + 1
            elif skipping.get(name):
                skipping[name] -= 1
    return "".join(out)


class _Tags:
    """Finds the tags of one page in order, in time proportional to the page.

    A pattern such as ``<[^>]*>`` searched from each "<" reads to the next ">":
    on a text of "<" with no ">" that is the rest of the page at every one. Here
    each search is done once: a "-->" or ">" not found from one place is not found
    from any later place either.
    """

    def __init__(self, page_html: str) -> None:
        self._html = page_html
        self._no_comment_end = False
        self._no_tag_end = False

    def next(self, position: int) -> tuple[int, int] | None:
        """The start and end of the first comment or tag at or after ``position``."""
        page = self._html
        start = -1 if self._no_tag_end else page.find("<", position)
        if start < 0:
            return None
        if not self._no_comment_end and page.startswith("<!--", start):
            end = page.find("-->", start + 4)
            if end >= 0:
                return start, end + 3
            self._no_comment_end = True
        end = page.find(">", start)
        if end < 0:
            self._no_tag_end = True
            return None
        return start, end + 1


def _explain_text(raw: str, index: TermIndex) -> str:
    text = html.unescape(raw)
    pieces: list[str] = []
    done = 0
    for word in _WORD.finditer(text):
        if word.start() < done:
            continue
        for form, offset, title in index.by_first_word.get(word.group(), ()):
            start = word.start() - offset
            stop = start + len(form)
            if (start >= done and text.startswith(form, start)
                    and not _word_char(text, start - 1) and not _word_char(text, stop)):
                pieces.append(html.escape(text[done:start], quote=False))
                pieces.append(f'<abbr title="{title}">{html.escape(form, quote=False)}</abbr>')
                done = stop
                break
    if not pieces:
        return raw  # nothing to explain: the HTML stays byte for byte as it was
    pieces.append(html.escape(text[done:], quote=False))
    return "".join(pieces)


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")
