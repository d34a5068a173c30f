"""Items marked ``draft: true`` in a finished competency: what a published build leaves out.

An editor adds one behaviour, tip or question to a competency already published
and marks that item alone a draft. The preview shows it; a build removes it from
the competency's files as decoded, and with it every reference to it (a level
behaviour's ``tips``, a tip's ``obstacles``), so no page, card, export or PDF
can show it: they all read the model. A list that must not be empty and holds
only drafts is an error, at the last draft's line: the published competency
would have none.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Annotated, Any

from guide.content.decode import Marker
from guide.content.errors import ContentError
from guide.content.messages import said
from guide.content.model import DraftItem

DRAFT_LINE = "draft: true"


def is_draft_item(value: object) -> bool:
    """An item that said ``draft: true`` of itself (not a competency, which is left out whole)."""
    return bool(getattr(type(value), "ITEM_DRAFT", False) and getattr(value, "draft", False))


def without_draft_items(value: Any, drafts: tuple[DraftItem, ...], what: str) -> tuple[Any, list[ContentError]]:
    """``value`` (a decoded file) without its draft items nor references to them, and the
    required lists that would be left empty."""
    left_out = {(draft.kind, draft.id) for draft in drafts}
    errors: list[ContentError] = []
    return _record(value, left_out, what, errors), errors


def _record(value: Any, left_out: set[tuple[str, str]], what: str, errors: list[ContentError]) -> Any:
    hints = typing.get_type_hints(type(value), include_extras=True)
    changed = {}
    for spec in dataclasses.fields(value):
        old = getattr(value, spec.name)
        if isinstance(old, list):
            new = _list(old, hints[spec.name], left_out, f"{what}.{spec.name}", errors)
            required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            if old and not new and required:
                dropped = [item for item in old if getattr(item, "loc", None) is not None]
                where = dropped[-1].loc if dropped else getattr(value, "loc", None)
                if where is not None:
                    errors.append(where.error(said("draft_list_empty", what=f"{what}.{spec.name}"),
                                              said("draft_list_empty_hint", line=DRAFT_LINE)))
        elif dataclasses.is_dataclass(old) and not isinstance(old, type):
            new = _record(old, left_out, f"{what}.{spec.name}", errors)
        else:
            continue
        if new is not old:
            changed[spec.name] = new
    return dataclasses.replace(value, **changed) if changed else value


def _list(items: list, hint: Any, left_out: set[tuple[str, str]], what: str, errors: list[ContentError]) -> list:
    element = typing.get_args(hint)[0]
    marker = element.__metadata__[0] if typing.get_origin(element) is Annotated else None
    if isinstance(marker, Marker):  # references: those to a draft item go with it
        kept = [item for item in items if (marker.kind, item) not in left_out]
        return kept if len(kept) != len(items) else items
    new = [_record(item, left_out, f"{what}[{n}]", errors) if dataclasses.is_dataclass(item) else item
           for n, item in enumerate(items, 1) if not is_draft_item(item)]
    same = len(new) == len(items) and all(a is b for a, b in zip(new, items, strict=True))
    return items if same else new
