"""Make editor text safe to place inside Markdown and HTML.

Text from YAML is plain text: every character that HTML or Markdown (and the
extensions we enable) could read as markup becomes a numeric character
reference, which both leave as it is. So ``<script>`` shows as text and
``*stars*`` stay stars.
"""

from __future__ import annotations

from guide.content.typography import for_language

_SPECIAL = set("&<>\"'\\`*_[]{}()#+!|~^=:$%")


def escape(text: str) -> str:
    """Every markup character, and a first character that could open a Markdown block.

    A text may land at the start of a line: "1986. Une année" would become a
    numbered list (the year lost), "- item" a bullet, "??? danger" a collapsible
    box, "> x" a quote. A numeric reference for the first character stops all of them.
    """
    escaped = "".join(f"&#{ord(c)};" if c in _SPECIAL else c for c in text)
    first = text[:1]
    if first and first.isascii() and not first.isalpha() and first not in _SPECIAL and first != " ":
        escaped = f"&#{ord(first)};{escaped[1:]}"
    return escaped


def text(value: str, lang: str) -> str:
    """Typeset for the language, then escape: the one way editor text reaches a page."""
    return escape(for_language(value, lang))


def attr_id(item_id: str) -> str:
    """Ids are validated as [a-z0-9-] already; this guards renderer misuse."""
    if not item_id.replace("-", "").isalnum() or not item_id.islower():
        raise ValueError(f"unsafe id {item_id!r}")
    return item_id
