"""The banner ``mkdocs serve`` puts above every page while the content is invalid.

An editor who only watches the browser must see that the page is stale and
why. The banner is plain HTML with every piece of text escaped once, here:
error messages quote whatever the editor typed. It carries no script and no
inline handler (the site's Content-Security-Policy allows neither). The labels
are in the page's language, and so is every message: each comes from the
catalogue (``content/messages.py``), which ``ContentError`` insists on.
"""

from __future__ import annotations

import html
from typing import Iterable

from guide.content.errors import ContentError
from guide.content.messages import in_language
from guide.content.model import Labels
from guide.content.typography import for_language

CLASS = "guide-preview-errors"
MAX_SHOWN = 8  # errors the box lists; it says how many more there are


def preview_banner(errors: Iterable[ContentError], labels: Labels, lang: str) -> str:
    """The banner's HTML, to place above the page's content."""

    def label(name: str) -> str:
        return html.escape(for_language(getattr(labels, name).get(lang), lang))

    # A file that cannot be read at all comes first: the errors it causes in
    # other files (references to its items) go away with it.
    ordered = sorted(errors, key=lambda e: "YAML syntax error" not in e.message)
    # A readable box, not a wall: the first few, then how many more the terminal lists.
    rest = len(ordered) - MAX_SHOWN
    ordered = ordered[:MAX_SHOWN]

    def said(message: str) -> str:
        """The message in the page's language, its ``lang`` said (a plain text would be English)."""
        shown, in_lang = in_language(message, lang)
        return f'<span lang="{in_lang}">{html.escape(shown)}</span>'

    items = "\n".join(
        f'<li><code>{html.escape(f"{e.file}:{e.line}:{e.column}")}</code> {said(e.message)}'
        + (f'<br>{label("preview_errors_fix")} {said(e.hint)}' if e.hint else "")
        + "</li>"
        for e in ordered
    )
    more = (f'<p class="{CLASS}-more">{label("preview_errors_more").replace("{count}", str(rest))}</p>\n'
            if rest > 0 else "")
    return (f'<div class="admonition failure {CLASS}" role="alert">\n'
            f'<p class="admonition-title">{label("preview_errors_title")}</p>\n'
            f'<p>{label("preview_errors_intro")}</p>\n'
            f"<ul>\n{items}\n</ul>\n{more}</div>\n")
