"""The flat competency bank, as an HR administrator opens it in a spreadsheet or an import wizard."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace

import pytest
from conftest import ROOT
from test_open_data import _yaml_content

from guide.content.card_codes import card_code
from guide.content.loader import load_guide
from guide.exports.competency_bank import COLUMNS, bank_csv, bank_name

TAGS = {"en": "en-CA", "fr": "fr-CA"}


def _read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "the BOM lets spreadsheet programs read UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.fixture(scope="module")
def banks(site) -> dict[str, list[dict[str, str]]]:
    return {lang: _read((site / "data" / bank_name(lang)).read_bytes().decode("utf-8")) for lang in ("en", "fr")}


def _expected(lang: str) -> list[tuple[str, ...]]:
    """(competency, level, item id, text, kind) of every behaviour, read with PyYAML alone."""
    rows = []
    for competency in _yaml_content()["competencies"]:
        c = competency["competency"]
        for level in c["levels"]:
            rows += [(competency["id"], str(level["number"]), b["id"], b[lang], "level") for b in level["behaviours"]]
        for kind in ("adopt", "avoid"):
            rows += [(competency["id"], "", i["id"], i[lang], kind) for i in c[kind]]
    return rows


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_row_per_behaviour_of_the_model_with_plain_columns(banks, guide, lang):
    rows = banks[lang]
    assert tuple(rows[0]) == COLUMNS
    model = sum(len(level.behaviours) for f in guide.competencies for level in f.competency.levels) + sum(
        len(f.competency.adopt) + len(f.competency.avoid) for f in guide.competencies)
    assert len(rows) == model == len(_expected(lang))
    assert [(r["competency_id"], r["level"], r["item_id"], r["item_text"], r["kind"]) for r in rows] == _expected(lang)
    assert {r["language"] for r in rows} == {TAGS[lang]}
    assert {r["version"] for r in rows} == {_yaml_content()["catalogue"]["version"]}
    names = {c["id"]: c["competency"] for c in _yaml_content()["competencies"]}
    for row in rows:
        competency = names[row["competency_id"]]
        assert row["competency_name"] == competency["name"][lang]
        assert row["competency_definition"] == competency["definition"][lang]
        level = next((lv for lv in competency["levels"] if str(lv["number"]) == row["level"]), None)
        assert row["level_name"] == (level["concept"][lang] if level else "")
        number = int(row["level"]) if row["level"] else None
        assert row["card_code"] == card_code(row["competency_id"], row["item_id"], row["kind"], number)
        assert row["source"]
    assert len({(r["competency_id"], r["item_id"]) for r in rows}) == len(rows), "a key an import can match on"


def test_the_language_tags_come_from_the_catalogue(tmp_path):
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    catalogue = content / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "language_tags:\n  fr: fr-FR\n", encoding="utf-8")
    rows = _read(bank_csv(load_guide(content), "fr"))
    assert {r["language"] for r in rows} == {"fr-FR"}
    assert {r["language"] for r in _read(bank_csv(load_guide(content), "en"))} == {"en-CA"}


def test_a_tag_that_is_not_one_is_refused_with_its_line(tmp_path):
    from guide.content.errors import ContentInvalid

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    catalogue = content / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "language_tags:\n  fr: =cmd|' /C calc'!A0\n",
                         encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    assert "catalogue.yml:" in caught.value.report() and "not a language tag" in caught.value.report()


def test_a_behaviour_is_never_handed_to_a_spreadsheet_as_a_formula(guide):
    folder = guide.competencies[0]
    level = folder.competency.levels[0]
    evil = replace(level.behaviours[0], en="=HYPERLINK(\"https://evil.example\",\"x\")", fr="@SUM(A1:A9)")
    competency = replace(folder.competency, levels=[replace(level, behaviours=[evil])], adopt=[], avoid=[])
    shown = replace(guide, competencies=(replace(folder, competency=competency),))
    (en,) = _read(bank_csv(shown, "en"))
    (fr,) = _read(bank_csv(shown, "fr"))
    assert en["item_text"] == "'=HYPERLINK(\"https://evil.example\",\"x\")" and fr["item_text"] == "'@SUM(A1:A9)"
