"""Every open-data file the site publishes, by its path from the site root, made on demand.

One list for the build (``site/guide_site.py``, which writes them into the
built site) and for the Markdown export (which writes them under ``docs/``):
the JSON, its schema and the CSV; each language's CASE package, competency
bank and the data package describing them; the CASE REST binding's read paths.
Each file is made only when asked for, so a preview's writer can stop between
two files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from guide.content.model import Guide
from guide.exports.case_package import FOLDER as CASE_FOLDER, REST_ROOT, case_package, package_name, rest_responses
from guide.exports.competency_bank import bank_csv, bank_name
from guide.exports.data_package import NAME as DATA_PACKAGE, data_package
from guide.exports.open_data import (CSV_NAME, FOLDER, JSON_NAME, SCHEMA_NAME, csv_export, exported_data,
                                     json_export, schema_url)
from guide.exports.schema import open_data_schema


@dataclass(frozen=True)
class DataFile:
    path: str  # from the site root, e.g. data/collaboration-guide.json, ims/case/v1p1/CFDocuments
    make: Callable[[], str]
    newline: str | None = None  # "" for CSV: its own CRLF line ends are written as they are


def open_data_files(guide: Guide, languages: list[str], site_url: str, dates: dict | None = None,
                    default_time: int | None = None) -> Iterator[DataFile]:
    """The files in the order they are written. ``dates``: when each text last changed
    (git), for the CASE packages; ``default_time``: for texts git does not date."""
    data = exported_data(guide)
    packages: dict[str, dict[str, Any]] = {}

    def package(lang: str) -> dict[str, Any]:
        if lang not in packages:  # made once: the package file and the REST files hold the same
            packages[lang] = case_package(guide, lang, site_url=site_url, dates=dates or {},
                                          default_time=default_time)
        return packages[lang]

    def case_json(lang: str) -> Callable[[], str]:
        return lambda: json_export(package(lang))

    def bank(lang: str) -> Callable[[], str]:
        return lambda: bank_csv(guide, lang)

    yield DataFile(f"{FOLDER}/{JSON_NAME}", lambda: json_export(data, schema_url(site_url)))
    yield DataFile(f"{FOLDER}/{SCHEMA_NAME}", lambda: json.dumps(open_data_schema(schema_url(site_url)),
                                                                ensure_ascii=False, indent=2) + "\n")
    yield DataFile(f"{FOLDER}/{CSV_NAME}", lambda: csv_export(data), "")
    for lang in languages:
        yield DataFile(f"{FOLDER}/{CASE_FOLDER}/{package_name(lang)}", case_json(lang))
    for lang in languages:
        yield DataFile(f"{FOLDER}/{bank_name(lang)}", bank(lang), "")
    yield DataFile(f"{FOLDER}/{DATA_PACKAGE}", lambda: json_export(data_package(guide, languages, site_url)))
    # The CASE REST binding's read paths, as files named exactly by the path (no extension).
    for name, response in rest_responses({lang: package(lang) for lang in languages}).items():
        yield DataFile(f"{REST_ROOT}/{name}", _json_of(response))


def _json_of(value: Any) -> Callable[[], str]:
    return lambda: json_export(value)
