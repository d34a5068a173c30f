"""Find ``id`` attributes a rendered page holds twice, and say which item to rename.

Item ids become anchors next to the page's own (section anchors such as
``levels``, form controls, figures). Two elements with one id break links, the
table of contents and labels, silently; the build names the YAML line instead.
"""

from __future__ import annotations

import re
from collections import Counter

from guide.content.decode import Location
from guide.content.errors import ContentError

_ID = re.compile(r'\sid="([^"]*)"')


def duplicate_ids(page_html: str) -> list[str]:
    counts = Counter(_ID.findall(page_html))
    return sorted(anchor for anchor, count in counts.items() if count > 1)


def duplicate_id_errors(page_html: str, page: str, declared: dict[str, Location]) -> list[ContentError]:
    """One error per id used twice on ``page``, at the item that declared it when there is one."""
    errors = []
    for anchor in duplicate_ids(page_html):
        loc = declared.get(anchor)
        message = f"the id '{anchor}' is used twice on the page {page}"
        if loc is not None:
            errors.append(loc.error(message + " (the page also uses it for one of its own sections)",
                                    "give this item another id, e.g. with a word about what it is"))
        else:
            errors.append(ContentError(page, 1, 1, message,
                                       "a template or renderer writes this id twice; report it as a bug"))
    return errors
