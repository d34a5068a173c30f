"""The competency bank: one flat CSV per language, for HR and learning systems.

HR systems and learning platforms load competency banks from flat tables, one
row per behaviour with the competency, the level, a reference id, the text and
a language code, through an import wizard that maps columns once. The guide's
other CSV (one row per text, keyed by a JSON Pointer, English and French side
by side) suits translators, not such a wizard; this one has plain columns, one
language per file, and the same protection against formulas.

A row is a level behaviour (``kind`` ``level``, with its level's number and
name) or a behaviour to adopt or to avoid (``adopt``, ``avoid``: no level).
"""

from __future__ import annotations

import csv
import io
from typing import Iterator

from guide.content.card_codes import card_code
from guide.content.model import Guide
from guide.exports.open_data import BASENAME, spreadsheet_safe

COLUMNS = ("competency_id", "competency_name", "competency_definition", "level", "level_name", "item_id",
           "item_text", "kind", "card_code", "language", "source", "version")


def bank_name(lang: str) -> str:
    return f"{BASENAME}-bank-{lang}.csv"


def bank_rows(guide: Guide, lang: str) -> Iterator[dict[str, str]]:
    """Every behaviour of every competency, in catalogue and page order."""
    tag = guide.catalogue.language_tags.get(lang)
    version = guide.catalogue.version
    for folder in guide.competencies:
        c = folder.competency
        common = {"competency_id": folder.id, "competency_name": c.name.get(lang),
                  "competency_definition": c.definition.get(lang)}
        for level in c.levels:
            for behaviour in level.behaviours:
                yield {**common, "level": str(level.number), "level_name": level.concept.get(lang),
                       "item_id": behaviour.id, "item_text": getattr(behaviour, lang), "kind": "level",
                       "card_code": card_code(folder.id, behaviour.id, "level", level.number),
                       "language": tag, "source": behaviour.source, "version": version}
        for kind, items in (("adopt", c.adopt), ("avoid", c.avoid)):
            for item in items:
                yield {**common, "level": "", "level_name": "", "item_id": item.id, "item_text": getattr(item, lang),
                       "kind": kind, "card_code": card_code(folder.id, item.id, kind), "language": tag,
                       "source": item.source, "version": version}


def bank_csv(guide: Guide, lang: str) -> str:
    """UTF-8 with a byte-order mark and CRLF line ends, as the other CSV: what
    spreadsheet programs and import wizards read without asking."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in bank_rows(guide, lang))
    return "\ufeff" + out.getvalue()
