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
from typing import Iterator

_EXECUTABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_AFTER_HEAD = re.compile(rb"\s*(<meta charset=[^>]*>)?", re.I)  # only ever matched at one place
_UTF8 = ("utf-8", "surrogatepass")  # any str goes to bytes and back unchanged

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


def _scripts(page_html: str) -> Iterator[tuple[str, bytes]]:
    """The attributes and the body (UTF-8) of each ``<script ...>...</script>``, in page order.

    Found with ``find`` in the page's bytes, ASCII letters lowered (same offsets), and
    stopped as soon as no closing tag is left: a regex's lazy body search went to the end
    of the page from each unclosed tag, quadratic on a page of many.
    """
    data = page_html.encode(*_UTF8)
    lowered = data.lower()  # bytes.lower() changes only ASCII letters: offsets stay
    at = 0
    while (start := lowered.find(b"<script", at)) >= 0:
        opened = lowered.find(b">", start)
        closing = lowered.find(b"</script>", opened + 1) if opened >= 0 else -1
        if closing < 0:
            return  # no ">" or no "</script>" after this tag, so none after any later one
        yield data[start + len(b"<script"):opened].decode(*_UTF8), data[opened + 1:closing]
        at = closing + len(b"</script>")


def _head_end(page_html: bytes) -> int | None:
    """Where the policy goes: after ``<head ...>`` and the charset ``<meta>`` right after it.

    ``<header>`` is not ``<head>``: a policy in the body does nothing, so a page with
    no head gets none, and ``with_csp`` refuses it.
    """
    lowered = page_html.lower()
    at = 0
    while (start := lowered.find(b"<head", at)) >= 0:
        after = start + len(b"<head")
        if after < len(lowered) and lowered[after] in b" \t\n\r\f>":
            opened = lowered.find(b">", after)
            if opened < 0:
                return None
            found = _AFTER_HEAD.match(page_html, opened + 1)
            return found.end() if found else opened + 1
        at = after
    return None


def inline_script_hashes(page_html: str) -> list[str]:
    """The CSP source of each inline script of the theme the browser would run, in page order."""
    hashes = []
    for attrs, body in _scripts(_outside_content(page_html)):
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]*)""", attrs, re.I)
        if kind and kind.group(1).lower() not in _EXECUTABLE_TYPES:
            continue  # a data block such as Material's __config JSON never runs
        digest = hashlib.sha256(body).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def with_csp(page_html: str) -> str:
    """``page_html`` with its policy as the first thing in ``<head>`` after the charset."""
    policy = POLICY.format(hashes=" ".join(inline_script_hashes(page_html)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    data = page_html.encode(*_UTF8)
    end = _head_end(data)
    if end is None:
        raise ValueError("a page without <head>: the Content-Security-Policy has nowhere to go")
    return f"{data[:end].decode(*_UTF8)}\n    {meta}{data[end:].decode(*_UTF8)}"
