"""A new competency's folder, written from the content model (``make competency ID=…``).

Every required key of ``competency.yml`` is there, English and French side by
side, each text marked as still to be written: the loader refuses a marked
text with its file and line, so an unfinished competency is never published.
The keys come from the dataclasses, so the scaffold follows the model.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Annotated, Any, Union

from guide.content.decode import ID_PATTERN, LOCATION_FIELD, TO_WRITE, Marker, Range
from guide.content.model import Competency

SOURCE_TO_CHOOSE = "to-choose"  # not a source id: the loader asks for a real one
LEVELS = 2  # how many levels the scaffold shows; copy one to add more


def scaffold(competency_id: str) -> str:
    """The YAML text of a new ``competency.yml`` for ``competency_id``."""
    if not ID_PATTERN.fullmatch(competency_id):
        raise ValueError(f"'{competency_id}' is not a valid id: use lowercase letters, digits and hyphens")
    lines = [
        "# yaml-language-server: $schema=../../../schemas/competency.schema.json",
        f"# A new competency, written by `make competency ID={competency_id}`. Replace every",
        f"# text that starts with {TO_WRITE['en']} / {TO_WRITE['fr']} in your own words, name a",
        "# source from sources.yml where it says to-choose; `make check` lists what is left.",
        "# While it says draft: true, `make serve` shows it and the published site leaves it",
        "# out; remove that line when every text is written.",
    ]
    body = _record(Competency, competency_id, competency_id, 0, competency_id)
    lines += body[:1] + ["draft: true"] + body[1:]  # after its id
    return "\n".join(lines) + "\n"


def _record(cls: type, item_id: str, what: str, depth: int, root: str) -> list[str]:
    pad = "  " * depth
    hints = typing.get_type_hints(cls, include_extras=True)
    lines = []
    for spec in dataclasses.fields(cls):
        if spec.name == LOCATION_FIELD:
            continue
        if spec.default is not dataclasses.MISSING or spec.default_factory is not dataclasses.MISSING:
            continue  # optional: left out, as an editor would
        lines += _value(spec.name, hints[spec.name], item_id, f"{what} {spec.name}", depth, pad, root)
    return lines


def _value(key: str, hint: Any, item_id: str, what: str, depth: int, pad: str, root: str) -> list[str]:
    marker = None
    if typing.get_origin(hint) is Annotated:
        hint, marker = hint.__origin__, hint.__metadata__[0]
    if typing.get_origin(hint) in (Union, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if key == "id":
        return [f"{pad}id: {item_id}"]
    if key in ("en", "fr"):
        where = what.rsplit(" ", 1)[0].replace("_", " ")
        return [f"{pad}{key}: {json.dumps(f'{TO_WRITE[key]} ({where})', ensure_ascii=False)}"]
    if typing.get_origin(hint) is list:
        item = typing.get_args(hint)[0]
        count = LEVELS if key == "levels" else 1
        lines = [f"{pad}{key}:"]
        for n in range(1, count + 1):
            child_id = f"{item_id}-{key.replace('_', '-')}-{n}" if key != "levels" else f"level-{n}"
            record = isinstance(item, type) and dataclasses.is_dataclass(item)
            body = _record(item, child_id, f"{what} {n}", depth + 2, root) if record else []
            if key == "levels":
                body = [line if not line.strip().startswith("number:") else f"{'  ' * (depth + 2)}number: {n}"
                        for line in body]
            if not body:
                lines.append(f"{pad}  - {SOURCE_TO_CHOOSE}")
                continue
            lines.append(f"{pad}  - {body[0].strip()}")
            lines += body[1:]
        return lines
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return [f"{pad}{key}:"] + _record(hint, f"{item_id}-{key.replace('_', '-')}", what, depth + 1, root)
    if hint is int:
        low = marker.low if isinstance(marker, Range) else 1
        return [f"{pad}{key}: {low}"]
    if isinstance(marker, Marker) and marker.kind == "scale dimension":
        return [f"{pad}{key}: {root}-scale-1"]  # the one dimension the scaffold's scale has
    if isinstance(marker, Marker) and marker.kind == "source":
        return [f"{pad}{key}: {SOURCE_TO_CHOOSE}"]
    if isinstance(marker, Marker) and marker.choices:
        return [f"{pad}{key}: {marker.choices[0]}"]
    return [f"{pad}{key}: {json.dumps(TO_WRITE['en'] + ': ' + what)}"]
