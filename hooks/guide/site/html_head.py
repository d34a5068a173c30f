"""Adjust what Material writes in a page's <head> for per-page alternates.

Material fetches ``sitemap.xml`` under every ``<link rel="alternate" hreflang>``
URL, assuming each is a language root. mkdocs-static-i18n gives per-page
alternates (``/fr/competency/``), so every page logged 404s. The sitemap
already lists each page's hreflang alternates, so the head copies go.
"""

from __future__ import annotations

import re

_HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_hreflang_links(head_html: str) -> str:
    """The head without those links and the white space before each. Not ``\\s*`` in the
    pattern: tried at every space of a long run, it would read the run each time."""
    out, done = [], 0
    for link in _HREFLANG_LINK.finditer(head_html):
        out.append(head_html[done:link.start()].rstrip())
        done = link.end()
    return "".join(out) + head_html[done:]
