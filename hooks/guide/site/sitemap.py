"""A sitemap per language: Material's pages ask for ``sitemap.xml`` under their
``base``, which for French pages is ``/fr/``; i18n writes only the root one."""

from __future__ import annotations

import re

_URL = re.compile(r"\s*<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>")


def language_sitemap(root_sitemap: str, site_url: str, lang: str) -> str:
    prefix = f"{site_url.rstrip('/')}/{lang}/"

    def keep(match: re.Match[str]) -> str:
        loc = _LOC.search(match.group(0))
        return match.group(0) if loc and loc.group(1).startswith(prefix) else ""

    return _URL.sub(keep, root_sitemap)
