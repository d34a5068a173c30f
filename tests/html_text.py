"""Read a built page the way a reader sees it: visible text, links, attributes."""

from __future__ import annotations

import re

import html
from html.parser import HTMLParser
from pathlib import Path


class _TextParser(HTMLParser):
    SKIP = {"script", "style", "svg", "template"}
    BLOCKS = {"p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "br",
              "section", "nav", "header", "footer", "ul", "ol", "table", "figure",
              "figcaption", "blockquote", "dt", "dd", "label", "button", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def visible_text(page_html: str) -> str:
    parser = _TextParser()
    parser.feed(page_html)
    return _collapse("".join(parser.parts))


def page_text(site: Path, url_path: str) -> str:
    return visible_text((site / url_path / "index.html").read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    return _collapse(html.unescape(text))


def _collapse(text: str) -> str:
    """Collapse ASCII white space only: no-break spaces are typography to check."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()
