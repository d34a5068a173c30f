"""The open-data exports, as a reuser downloads them from the built site."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
import yaml
from conftest import ROOT

from guide.content.decode import INVALID, Decoder
from guide.content.model import COMPETENCIES_FOLDER, COMPETENCY_FILES, SHARED_FILES
from guide.content.cards import deck
from guide.exports.open_data import OpenData, csv_export, open_data, spreadsheet_safe

DATA = "data/collaboration-guide"
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's, when SITE_URL is not set (as in the tests' build)


class _PlainLoader(yaml.SafeLoader):
    """PyYAML, but "14:35" stays a time of day as the editor wrote it, not YAML 1.1's
    base-60 number 875, and 2026-11-30 a day as written, not a date object (the guide
    reads raw scalars; so must the reference)."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PlainLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))


def _yaml_content() -> dict:
    """What the editors wrote, read with PyYAML alone: the reference for the exports."""
    def folded(value):
        if isinstance(value, str):
            return " ".join(value.split())
        if isinstance(value, list):
            return [folded(v) for v in value]
        if isinstance(value, dict):
            return {k: folded(v) for k, v in value.items()}
        return value

    def read(path):
        return folded(yaml.load(path.read_text("utf-8"), _PlainLoader))

    content = ROOT / "content_data"
    shared = {name.removesuffix(".yml"): read(content / name) for name in SHARED_FILES}
    order = [c for c in shared["catalogue"].get("order", [])]
    folders = sorted((content / COMPETENCIES_FOLDER).iterdir(), key=lambda p: (p.name not in order,
                     order.index(p.name) if p.name in order else 0, p.name))
    shared[COMPETENCIES_FOLDER] = [
        {"id": folder.name, **{name.removesuffix(".yml"): read(folder / name)
                               for name in COMPETENCY_FILES if (folder / name).is_file()}}
        for folder in folders]
    return shared


def _pairs(value, path=""):
    """Every (JSON Pointer, en, fr) in plain data."""
    if isinstance(value, list):
        for i, child in enumerate(value):
            yield from _pairs(child, f"{path}/{i}")
    elif isinstance(value, dict):
        if isinstance(value.get("en"), str) and isinstance(value.get("fr"), str):
            yield path, value["en"], value["fr"]
        for key, child in value.items():
            yield from _pairs(child, f"{path}/{key}")


@pytest.fixture(scope="module")
def exported(site):
    return json.loads((site / f"{DATA}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows(site):
    raw = (site / f"{DATA}.csv").read_bytes()
    assert raw.startswith("\ufeff".encode()), "the BOM lets spreadsheet programs read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_the_json_follows_the_published_schema(site, exported):
    published = json.loads((site / f"{DATA}.schema.json").read_text(encoding="utf-8"))
    # The published copy names its address; otherwise it is the one in schemas/.
    assert published["$id"] == exported["$schema"] == f"{SITE_URL}{DATA}.schema.json"
    assert {k: v for k, v in published.items() if k != "$id"} == \
        json.loads((ROOT / "schemas/open-data.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(exported, published, format_checker=jsonschema.FormatChecker())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(exported, **{"$schema": "not an address"}), published,
                            format_checker=jsonschema.FormatChecker())
    broken = dict(exported, competencies=[dict(exported["competencies"][0], tips={"tips": [{"id": "x"}], "quotes": []})])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, published)


def test_the_json_equals_the_yaml_content(exported):
    assert {key: value for key, value in exported.items() if key not in ("cards", "$schema")} == _yaml_content()
    assert exported["licence"]["spdx"] == "CC-BY-4.0" and len(exported["sources"]["sources"]) >= 5


def test_the_json_reads_back_into_the_same_guide(exported, guide):
    """Round trip: the export goes through the build's own validation unchanged."""
    decoder = Decoder("collaboration-guide.json")
    content = {key: value for key, value in exported.items() if key != "$schema"}
    again = decoder.decode(yaml.compose(json.dumps(content, ensure_ascii=False)), OpenData, "data")
    assert decoder.found.errors == [] and again is not INVALID
    assert again == open_data(guide)


def test_the_csv_has_one_row_per_text_with_both_languages(exported, rows):
    expected = sorted(_pairs(_yaml_content()))  # the CSV follows the model's field order
    assert sorted((r["path"], r["en"], r["fr"]) for r in rows) == expected
    assert len({r["path"] for r in rows}) == len(rows)
    assert all(r["en"].strip() and r["fr"].strip() for r in rows)
    assert list(rows[0]) == ["path", "file", "id", "field", "level", "source", "en", "fr", "card", "version"]
    # Every row names the release it comes from, as the JSON's catalogue does.
    assert {r["version"] for r in rows} == {exported["catalogue"]["version"]} != {""}
    # Every item with an id and its own text is one row, named by its id.
    own = {r["id"] for r in rows if r["field"] == ""}
    assert {"definition", "level-2-new-relationship", "tip-commit", "quote-goodwill"} <= own
    behaviour = next(r for r in rows if r["id"] == "level-3-seek-networking" and r["field"] == "")
    assert behaviour["level"] == "3" and behaviour["source"] == "cra-profile"
    assert behaviour["file"] == "competencies/collaboration/competency.yml"


def test_a_csv_row_s_source_is_one_of_the_sources_or_none(exported, rows):
    """The source column names an entry of sources.yml (a row's own, or its record's).
    ui.yml has a label named "source": its text is no row's source."""
    known = {source["id"] for source in exported["sources"]["sources"]}
    assert {r["source"] for r in rows} <= known | {""}
    assert {r["source"] for r in rows if r["file"] == "ui.yml"} == {""}


def test_every_card_code_is_in_the_json_and_on_its_item_s_csv_row(exported, rows, guide):
    cards = deck(guide)
    assert [(c["competency"], c["item"], c["code"]) for c in exported["cards"]] == \
        [(card.competency, card.item_id, card.code) for card in cards]
    coded = {(r["file"].split("/")[1], r["id"]): r["card"] for r in rows if r["card"]}
    assert coded == {(card.competency, card.item_id): card.code for card in cards}
    assert all(r["field"] == "" for r in rows if r["card"])


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"https://evil.example\",\"x\")", "@SUM(A1:A9)",
                                  "+1+2", "-2+3", "\tx", "\rx", "＝1+1"])
def test_the_csv_never_hands_a_spreadsheet_a_formula(cell):
    data = {"why": {"reasons": [{"id": "r", "source": "s", "en": cell, "fr": cell}]}}
    row = next(csv.DictReader(io.StringIO(csv_export(data).lstrip("\ufeff"), newline="")))
    assert row["en"] == row["fr"] == "'" + cell
    assert spreadsheet_safe("Plain text, = inside") == "Plain text, = inside"


def test_each_csv_row_points_at_its_text_in_the_json(exported, rows):
    for row in rows:
        node = exported
        for part in row["path"].strip("/").split("/"):
            node = node[int(part)] if isinstance(node, list) else node[part]
        # A text a spreadsheet would run as a formula carries a leading apostrophe.
        assert (spreadsheet_safe(node["en"]), spreadsheet_safe(node["fr"])) == (row["en"], row["fr"]), row["path"]


@pytest.mark.parametrize("lang, prefix", [("en", ""), ("fr", "fr/")])
def test_the_open_data_page_links_the_files_and_states_the_licence(site, lang, prefix):
    html = (site / prefix / "data/index.html").read_text(encoding="utf-8")
    root = "../" * (prefix.count("/") + 1)
    for suffix in (".json", ".csv", ".schema.json"):
        assert f'href="{root}{DATA}{suffix}"' in html
        assert (site / f"{DATA}{suffix}").is_file()
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    scope = "may be shared and adapted" if lang == "en" else "peut être partagé et adapté"
    assert scope in html
    sources = (site / prefix / "sources/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="guide-licence">', sources) and scope in sources
