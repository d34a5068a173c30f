"""JSON Schema for each content file, generated from the content model.

The dataclasses are the one description of the content: the build validates
against them, and this turns them into the schemas editors' tools read (the
``yaml-language-server`` modeline at the top of each YAML file), so the two
can never disagree. ``make schema`` writes them; a test checks they are current.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Annotated, Any, Union

from guide.content.decode import (DAY_PATTERN, ID_PATTERN, LANGUAGE_TAG_PATTERN, LOCATION_FIELD, MAX_TEXT_CHARACTERS,
                                  URL_PATTERN, VERSION_PATTERN, Marker, Range)
from guide.content.model import COMPETENCIES_FOLDER, COMPETENCY_FILES, SHARED_FILES
from guide.exports.open_data import OpenData

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(root: type, title: str) -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    body = _object(root, definitions)
    return {"$schema": SCHEMA_DIALECT, "title": title, **body,
            "$defs": dict(sorted(definitions.items()))}


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name of each schema → its content: every file of content_data/, and the
    open-data export that gathers them all (published with the site)."""
    schemas = {name.replace(".yml", ".schema.json"): schema_for(cls, f"content_data/{name}")
               for name, cls in SHARED_FILES.items()}
    schemas |= {name.replace(".yml", ".schema.json"):
                schema_for(cls, f"content_data/{COMPETENCIES_FOLDER}/<id>/{name}")
                for name, cls in COMPETENCY_FILES.items()}
    schemas["open-data.schema.json"] = open_data_schema()
    return schemas


def open_data_schema(published_at: str | None = None) -> dict[str, Any]:
    """The export's schema; ``published_at``, its address on the site, becomes its ``$id``
    (the copy in schemas/ has none: it serves every site)."""
    schema = schema_for(OpenData, "Competency guide: open data")
    # The export names its schema in "$schema"; nothing else may be added.
    schema["properties"] = {"$schema": {"type": "string", "format": "uri"}, **schema["properties"]}
    return {"$schema": schema.pop("$schema"), **({"$id": published_at} if published_at else {}), **schema}


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    properties, required = {}, []
    for spec in dataclasses.fields(cls):
        if spec.name == LOCATION_FIELD:
            continue
        needed = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        properties[spec.name] = _value(hints[spec.name], definitions)
        if spec.metadata.get("doc"):  # what a key means, where the editor's tools show it
            properties[spec.name] = {**properties[spec.name], "description": spec.metadata["doc"]}
        if needed:
            required.append(spec.name)
            if properties[spec.name].get("type") == "array":
                properties[spec.name]["minItems"] = 1  # the loader refuses an empty required list
    schema: dict[str, Any] = {"type": "object", "properties": properties,
                              "required": required, "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        schema["description"] = " ".join(cls.__doc__.split())
    return schema


def _value(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    marker = None
    if typing.get_origin(hint) is Annotated:
        hint, marker = hint.__origin__, hint.__metadata__[0]
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return _value(next(a for a in typing.get_args(hint) if a is not type(None)), definitions)
    if origin is list:
        items = _value(typing.get_args(hint)[0], definitions)
        if "enum" in items:  # a list of fixed words: at least one, each once (as the loader says)
            return {"type": "array", "items": items, "minItems": 1, "uniqueItems": True}
        return {"type": "array", "items": items}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint.__name__ not in definitions:
            definitions[hint.__name__] = {}  # placeholder against recursion
            definitions[hint.__name__] = _object(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is int:
        if isinstance(marker, Range):
            return {"type": "integer", "minimum": marker.low, "maximum": marker.high}
        return {"type": "integer", "minimum": 0}
    if hint is bool:
        return {"type": "boolean"}
    return _string(marker)


def _string(marker: Marker | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARACTERS, "pattern": r"\S"}
    if marker is None:
        return schema
    if marker.kind == "id":
        schema["pattern"] = ID_PATTERN.pattern
    elif marker.kind == "url":
        schema["pattern"] = URL_PATTERN.pattern
    elif marker.kind == "lang":
        schema["enum"] = ["en", "fr"]
    elif marker.kind == "tag":
        schema["pattern"] = LANGUAGE_TAG_PATTERN.pattern
    elif marker.kind == "time":
        schema["pattern"] = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
    elif marker.kind == "version":
        schema["pattern"] = VERSION_PATTERN.pattern
    elif marker.kind == "date":
        schema["pattern"] = DAY_PATTERN.pattern
    elif marker.kind == "choice":
        schema["enum"] = list(marker.choices)
    else:
        schema["description"] = f"The id of a {marker.kind}."
    return schema
