"""``data/datapackage.json``: the open-data files described as a Frictionless Data Package.

Data tools (frictionless, csvkit, spreadsheets' import wizards, data portals)
guess a CSV column's type from its values: release "1.10" read as the number
1.1, a level "3" as a number, a card code such as "L1-0E12" as who knows what.
The descriptor says what each file is, each column's type (every column of
both CSVs is text), the licence and the sources, so that nothing is guessed.
The CASE REST files under ``ims/case/v1p1/`` are not listed: they are the CASE
packages' records again, for CASE tools.
"""

from __future__ import annotations

from typing import Any, Iterable

from guide.content.model import Guide
from guide.exports.case_package import FOLDER as CASE_FOLDER
from guide.exports.case_package import package_name
from guide.exports.competency_bank import COLUMNS as BANK_COLUMNS
from guide.exports.competency_bank import bank_name
from guide.exports.open_data import (
    BASENAME,
    CSV_COLUMNS,
    CSV_NAME,
    JSON_NAME,
    SCHEMA_NAME,
)

NAME = "datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TABLE_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
# As csv_export and bank_csv write them: a byte-order mark (part of the utf-8-sig
# encoding), CRLF line ends, a header row.
DIALECT = {"$schema": "https://datapackage.org/profiles/2.0/tabledialect.json", "header": True,
           "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True}

_TEXT_COLUMNS = {
    "path": "Where the text sits in the JSON file, as a JSON Pointer.",
    "file": "The content file the text comes from.",
    "id": "The item the text belongs to.",
    "field": "Where inside that item; empty for the item's own text.",
    "level": "The level's number, for the texts of a level (text: 1, 2, ...).",
    "source": "The id of the source the text comes from (see the JSON's sources).",
    "en": "The English text.",
    "fr": "The French text.",
    "card": "The code printed on the item's behaviour card, on the row of the item's own text.",
    "version": "The guide's release the row comes from, e.g. 1.10 (text: never a number).",
}
_BANK_COLUMNS = {
    "competency_id": "The competency's stable id.",
    "competency_name": "The competency's name.",
    "competency_definition": "The competency's definition.",
    "level": "The level's number (text: 1, 2, ...); empty for behaviours to adopt or to avoid.",
    "level_name": "What the level is, in a few words; empty for behaviours to adopt or to avoid.",
    "item_id": "The behaviour's stable id, unique within its competency.",
    "item_text": "The behaviour.",
    "kind": "level (a behaviour of a level), adopt or avoid.",
    "card_code": "The code printed on the behaviour's card.",
    "language": "The language tag of the row's texts, e.g. en-CA.",
    "source": "The id of the source the behaviour comes from (see the JSON's sources).",
    "version": "The guide's release the row comes from, e.g. 1.10 (text: never a number).",
}


def data_package(guide: Guide, languages: Iterable[str], site_url: str) -> dict[str, Any]:
    """The descriptor of every open-data file, paths relative to ``data/``."""
    languages = list(languages)
    catalogue, licence = guide.catalogue, guide.licence
    site = site_url.rstrip("/") + "/"
    resources: list[dict[str, Any]] = [
        _file(BASENAME, JSON_NAME, "json", "application/json",
              f"The whole guide: every content file under its name, in English and French; follows {SCHEMA_NAME}."),
        _file(f"{BASENAME}-schema", SCHEMA_NAME, "json", "application/schema+json",
              "The JSON Schema that the JSON file follows."),
        _table(f"{BASENAME}-texts", CSV_NAME, "One row per text, English and French side by side.",
               _TEXT_COLUMNS, CSV_COLUMNS, ["path"]),
    ]
    for lang in languages:
        resources.append(_table(f"{BASENAME}-bank-{lang}", bank_name(lang),
                                f"The competency bank in {guide.catalogue.language_tags.get(lang)}: one row "
                                "per behaviour, for HR and learning systems.",
                                _BANK_COLUMNS, BANK_COLUMNS, ["competency_id", "item_id"]))
    for lang in languages:
        resources.append(_file(f"{BASENAME}-case-{lang}", f"{CASE_FOLDER}/{package_name(lang)}", "json",
                               "application/json", f"The guide in {lang} as a CASE 1.1 package (1EdTech)."))
    return {
        "$schema": PROFILE,
        "name": BASENAME,
        "id": f"{site}data/{NAME}",
        "title": catalogue.title.en,
        "description": catalogue.introduction.en,
        "version": catalogue.version,
        "homepage": site,
        "licenses": [{"name": licence.spdx, "path": licence.url, "title": licence.name.en}],
        "sources": [{"title": source.title, **({"path": source.url} if source.url else {})}
                    for source in guide.sources.values()],
        "keywords": ["competencies", "compétences", "CASE", "HR"],
        "resources": resources,
    }


def _file(name: str, path: str, fmt: str, media: str, description: str) -> dict[str, Any]:
    return {"$schema": RESOURCE_PROFILE, "name": name, "type": "json", "path": path, "format": fmt,
            "mediatype": media, "encoding": "utf-8", "description": description}


def _table(name: str, path: str, description: str, meanings: dict[str, str], columns: Iterable[str],
           key: list[str]) -> dict[str, Any]:
    columns = list(columns)
    if set(columns) != set(meanings):  # a column added to an export must be described here too
        raise ValueError(f"{path}: describe the columns {sorted(set(columns) ^ set(meanings))}")
    return {
        "$schema": RESOURCE_PROFILE, "name": name, "type": "table", "path": path, "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8-sig", "description": description, "dialect": DIALECT,
        "schema": {"$schema": TABLE_PROFILE,
                   "fields": [{"name": column, "type": "string", "description": meanings[column]}
                              for column in columns],
                   "missingValues": [], "primaryKey": key},
    }
