"""Open data: the whole guide as one JSON file and one CSV table.

Organisations reuse the content in their own tools, so it is published with
the site at stable addresses (``data/``). The JSON holds every content file
under its name, exactly as the YAML says once validated, and follows
``schemas/open-data.schema.json`` (generated from the same dataclasses). The
CSV has one row per text, English and French side by side, for spreadsheets.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any, Iterator, Optional

from guide.content.cards import deck
from guide.content.decode import LOCATION_FIELD, Id, one_of
from guide.content.model import (COMPETENCIES_FOLDER, COMPETENCY_FILES, REQUIRED_COMPETENCY_FILES, SHARED_FILES, Guide,
                    SourcesFile, UiFile)

FOLDER = "data"
BASENAME = "collaboration-guide"
JSON_NAME = f"{BASENAME}.json"
CSV_NAME = f"{BASENAME}.csv"
SCHEMA_NAME = f"{BASENAME}.schema.json"
CSV_COLUMNS = ("path", "file", "id", "field", "level", "source", "en", "fr", "card", "version")


@dataclasses.dataclass(frozen=True)
class CardCode:
    """The code printed on an item's behaviour card, to look a printed card up."""

    code: str
    competency: Id
    item: Id
    kind: one_of("adopt", "avoid", "level", "tip")  # type: ignore[valid-type]
    level: Optional[int] = None

CompetencyData = dataclasses.make_dataclass(
    "CompetencyData",
    [("id", Id)] + [(name.removesuffix(".yml"), cls) for name, cls in COMPETENCY_FILES.items()
                    if name in REQUIRED_COMPETENCY_FILES]
    + [(name.removesuffix(".yml"), Optional[cls], dataclasses.field(default=None))
       for name, cls in COMPETENCY_FILES.items() if name not in REQUIRED_COMPETENCY_FILES],
    frozen=True,
    namespace={"__doc__": "One competency: every file of its folder under its name."},
)

OpenData = dataclasses.make_dataclass(
    "OpenData",
    [(name.removesuffix(".yml"), cls) for name, cls in SHARED_FILES.items()]
    # CompetencyData is a class made at run time, which type checkers cannot read as a type.
    + [(COMPETENCIES_FOLDER, list[CompetencyData]), ("cards", list[CardCode])],  # type: ignore[valid-type]
    frozen=True,
    namespace={"__doc__": "The whole competency guide: every shared content file under its "
                          "name, and every competency with the files of its folder, in English "
                          "and French, with the licence and sources, and the code printed "
                          "on each behaviour card."},
)


def open_data(guide: Guide) -> Any:
    """The guide as the content files had it: one record per file of content_data/."""
    return OpenData(
        catalogue=guide.catalogue, sources=SourcesFile(list(guide.sources.values())),
        licence=guide.licence, ui=UiFile(guide.labels), glossary=guide.glossary,
        competencies=[CompetencyData(id=f.id, competency=f.competency, why=f.why, tips=f.tips,
                                     workshop=f.workshop) for f in guide.competencies],
        cards=[CardCode(c.code, c.competency, c.item_id, c.kind, c.level) for c in deck(guide)],
    )


def plain(value: Any) -> Any:
    """Dataclasses as JSON-ready dicts, in the model's field order; fields the editor
    left out (still at their default) stay out, so the export says what the YAML says."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name != LOCATION_FIELD and not _unset(f, getattr(value, f.name))}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def exported_data(guide: Guide) -> dict[str, Any]:
    """The data both exports are written from: worked out once per build."""
    return plain(open_data(guide))


def json_export(data: dict[str, Any], schema: str | None = None) -> str:
    """``schema``: the address of the JSON Schema the file follows, given as its
    ``$schema`` so that editors and validators find it."""
    return json.dumps({"$schema": schema, **data} if schema else data, ensure_ascii=False, indent=2) + "\n"


def schema_url(site_url: str) -> str:
    """Where the JSON export's schema is published: its ``$id`` and the export's ``$schema``."""
    return f"{site_url.rstrip('/')}/{FOLDER}/{SCHEMA_NAME}"


def text_rows(data: dict[str, Any]) -> Iterator[dict[str, str]]:
    """Every text with an ``en`` and a ``fr`` in the exported data, in the JSON's order
    (the content model's field order, not always the YAML's).

    ``id`` is the nearest record with an id, ``field`` where the text sits inside
    it (empty when it is the record's own text), ``path`` a JSON Pointer into the
    JSON export: the same texts, so each row can be checked against it. ``card``
    is the code printed on the item's card, on the row of its own text.
    """
    codes = {(c["competency"], c["item"]): c["code"] for c in data.get("cards", [])}

    def walk(node: Any, path: str, file: str, owner: str, field: str,
             level: str, source: str) -> Iterator[dict[str, str]]:
        if isinstance(node, list):
            for i, child in enumerate(node):
                yield from walk(child, f"{path}/{i}", file, owner, _join(field, str(i)), level, source)
            return
        if not isinstance(node, dict):
            return
        if "id" in node:
            owner, field = node["id"], ""
        level = str(node["number"]) if isinstance(node.get("number"), int) else level
        if isinstance(node.get("source"), str):  # a source's id; ui.yml's label "source" is a text
            source = node["source"]
        if isinstance(node.get("en"), str) and isinstance(node.get("fr"), str):
            competency = file.split("/")[1] if file.startswith(f"{COMPETENCIES_FOLDER}/") else ""
            yield {"path": path, "file": file, "id": owner, "field": field, "level": level,
                   "source": source, "en": node["en"], "fr": node["fr"],
                   "card": codes.get((competency, owner), "") if field == "" else ""}
        for key, child in node.items():
            if key not in ("en", "fr"):
                yield from walk(child, f"{path}/{key}", file, owner, _join(field, key), level, source)

    for file, content in data.items():
        if file == COMPETENCIES_FOLDER:
            for i, competency in enumerate(content):
                for part, value in competency.items():
                    if part != "id":
                        yield from walk(value, f"/{file}/{i}/{part}",
                                        f"{file}/{competency['id']}/{part}.yml", "", "", "", "")
        else:
            yield from walk(content, f"/{file}", f"{file}.yml", "", "", "", "")


# A cell starting with one of these is a formula to Excel, LibreOffice or Google
# Sheets (=HYPERLINK(…), @SUM(…), +cmd|…): OWASP's advice is a leading apostrophe,
# which spreadsheets hide and read as "this is text".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(cell: str) -> str:
    """The text a spreadsheet shows as typed, never runs as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def csv_export(data: dict[str, Any]) -> str:
    """UTF-8 with a byte-order mark, so spreadsheet programs show the accents right."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    # Every row says which release it comes from, so a table pasted elsewhere still does.
    version = str(data.get("catalogue", {}).get("version", ""))
    writer.writerows({key: spreadsheet_safe(value) if isinstance(value, str) else value
                      for key, value in {**row, "version": version}.items()}
                     for row in text_rows(data))
    return "\ufeff" + out.getvalue()


def _unset(spec: dataclasses.Field, value: Any) -> bool:
    if value is None:
        return True
    if spec.default is not dataclasses.MISSING and value == spec.default:
        return True  # e.g. draft: false, which no published competency needs to say
    return spec.default_factory is not dataclasses.MISSING and value == spec.default_factory()


def _join(field: str, part: str) -> str:
    return f"{field}/{part}" if field else part
