"""Items marked ``draft: true`` in a finished competency: what a published build leaves out.

An editor adds one behaviour, tip or question to a competency already published
and marks that item alone a draft. The preview shows it; a build removes it from
the competency's files as decoded, and with it every reference to it (a level
behaviour's ``tips``, a tip's ``obstacles``), so no page, card, export or PDF
can show it: they all read the model. A list that must not be empty and holds
only drafts is an error, at the last draft's line: the published competency
would have none. A list of references (a tip's ``obstacles``) left empty is told
apart: the drafts are elsewhere, so the message names them and their lines.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import PurePath
from typing import Annotated, Any

from guide.content.decode import Location, Marker
from guide.content.errors import ContentError
from guide.content.messages import kind_name, said
from guide.content.model import DraftItem

DRAFT_LINE = "draft: true"


def is_draft_item(value: object) -> bool:
    """An item that said ``draft: true`` of itself (not a competency, which is left out whole)."""
    return bool(getattr(type(value), "ITEM_DRAFT", False) and getattr(value, "draft", False))


def without_draft_items(value: Any, drafts: tuple[DraftItem, ...], what: str) -> tuple[Any, list[ContentError]]:
    """``value`` (a decoded file) without its draft items nor references to them, and the
    required lists that would be left empty."""
    left_out = {(draft.kind, draft.id): draft.loc for draft in drafts}
    errors: list[ContentError] = []
    return _record(value, left_out, what, errors), errors


LeftOut = dict[tuple[str, str], Location]  # (kind, id) of each draft item -> where it is


def _record(value: Any, left_out: LeftOut, what: str, errors: list[ContentError]) -> Any:
    hints = typing.get_type_hints(type(value), include_extras=True)
    changed = {}
    for spec in dataclasses.fields(value):
        old = getattr(value, spec.name)
        if isinstance(old, list):
            new = _list(old, hints[spec.name], left_out, f"{what}.{spec.name}", errors)
            required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            kind = _reference_kind(hints[spec.name])
            if old and not new and required and kind is not None and getattr(value, "loc", None) is not None:
                errors.append(_no_reference_left(value, kind, old, left_out))
            elif old and not new and required:
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


def _reference_kind(hint: Any) -> str | None:
    """The kind of item a list field names by id (``list[Annotated[str, Marker(kind)]]``), or None."""
    element = typing.get_args(hint)[0]
    marker = element.__metadata__[0] if typing.get_origin(element) is Annotated else None
    return marker.kind if isinstance(marker, Marker) else None


def _no_reference_left(value: Any, kind: str, drafted: list[str], left_out: LeftOut) -> ContentError:
    """``value`` would name no ``kind`` once its drafts are left out: which drafts, and where they are."""
    where = [left_out[kind, item] for item in drafted]
    named = ", ".join(f"{item} ({PurePath(loc.file).name}:{loc.line})" for item, loc in zip(drafted, where, strict=True))
    owner = getattr(value, "id", "") or type(value).__name__
    one = len(drafted) == 1
    return value.loc.error(
        said("draft_reference_left" if one else "draft_references_left", owner=owner, kind=kind_name(kind),
             drafts=named),
        said("draft_reference_left_hint" if one else "draft_references_left_hint", kind=kind_name(kind),
             line=DRAFT_LINE))


def _list(items: list, hint: Any, left_out: LeftOut, what: str, errors: list[ContentError]) -> list:
    kind = _reference_kind(hint)
    if kind is not None:  # references: those to a draft item go with it
        kept = [item for item in items if (kind, item) not in left_out]
        return kept if len(kept) != len(items) else items
    new = [_record(item, left_out, f"{what}[{n}]", errors) if dataclasses.is_dataclass(item) else item
           for n, item in enumerate(items, 1) if not is_draft_item(item)]
    same = len(new) == len(items) and all(a is b for a, b in zip(new, items, strict=True))
    return items if same else new
