"""A strict Content-Security-Policy for every page, in a ``<meta>`` tag.

Static hosts rarely let a project set headers, so the policy travels with the
page. Scripts may come from the site itself and, inline, only as the exact
scripts Material writes into the page (each allowed by its SHA-256 hash, worked
out per page since some embed the page's path). No inline handler, no other
origin: a text that slipped past every other guard still could not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.I)

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'")


def _outside_content(page_html: str) -> str:
    """The page without its content (Material's ``md-content__inner`` article).

    Only the theme's own inline scripts are allowed: one that reached the
    content, however it got there, gets no hash and does not run.
    """
    start = page_html.find('<article class="md-content__inner')
    end = page_html.rfind("</article>")
    return page_html if start == -1 or end < start else page_html[:start] + page_html[end:]


def inline_script_hashes(page_html: str) -> list[str]:
    """The CSP source of each inline script of the theme the browser would run, in page order."""
    hashes = []
    for script in _INLINE_SCRIPT.finditer(_outside_content(page_html)):
        attrs = script.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]*)""", attrs, re.I)
        if kind and kind.group(1).lower() not in _EXECUTABLE_TYPES:
            continue  # a data block such as Material's __config JSON never runs
        digest = hashlib.sha256(script.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def with_csp(page_html: str) -> str:
    """``page_html`` with its policy as the first thing in ``<head>`` after the charset."""
    policy = POLICY.format(hashes=" ".join(inline_script_hashes(page_html)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = _HEAD.search(page_html)
    if head is None:
        raise ValueError("a page without <head>: the Content-Security-Policy has nowhere to go")
    return f"{page_html[:head.end()]}\n    {meta}{page_html[head.end():]}"
