"""Adjust what Material writes in a page's <head> for per-page alternates.

Material fetches ``sitemap.xml`` under every ``<link rel="alternate" hreflang>``
URL, assuming each is a language root. mkdocs-static-i18n gives per-page
alternates (``/fr/competency/``), so every page logged 404s. The sitemap
already lists each page's hreflang alternates, so the head copies go.
"""

from __future__ import annotations

import re

_HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_hreflang_links(head_html: str) -> str:
    return _HREFLANG_LINK.sub("", head_html)
