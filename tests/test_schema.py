"""The JSON Schemas editors' tools use agree with the build's own validation."""

from __future__ import annotations

import json
from pathlib import Path
import shutil
import subprocess
import sys

import jsonschema
import pytest
import yaml
from bad_input import all_fixtures, apply_fixture, broken_copy
from conftest import ROOT, script_env

from guide.content.model import FILES
from guide.exports.schema import all_schemas

STRUCTURAL = [f for f in all_fixtures() if "structural: true" in f.read_text(encoding="utf-8")]


def test_the_committed_schemas_are_generated_from_the_model():
    for name, schema in all_schemas().items():
        committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name} is stale: run `make schema`"


CONTENT_FILES = sorted(str(p.relative_to(ROOT / "content_data")) for p in (ROOT / "content_data").rglob("*.yml"))


def test_every_kind_of_content_file_is_there():
    assert {Path(name).name for name in CONTENT_FILES} == set(FILES)


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_every_content_file_names_its_schema_and_passes_it(name):
    text = (ROOT / "content_data" / name).read_text(encoding="utf-8")
    schema_file = Path(name).name.replace(".yml", ".schema.json")
    up = "../" * (name.count("/") + 1)
    assert text.startswith(f"# yaml-language-server: $schema={up}schemas/{schema_file}\n")
    schema = json.loads((ROOT / "schemas" / schema_file).read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(text), schema)


def test_at_least_ten_structural_mistakes_are_covered():
    assert len(STRUCTURAL) >= 10


@pytest.mark.parametrize("fixture", STRUCTURAL, ids=lambda p: p.stem)
def test_the_schema_rejects_each_structural_mistake(fixture, tmp_path):
    content, bad = broken_copy(fixture, ROOT / "content_data", tmp_path / "content_data")
    schema = json.loads((ROOT / "schemas" / Path(bad.file).name.replace(".yml", ".schema.json")).read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(
        yaml.safe_load((content / bad.file).read_text(encoding="utf-8"))))
    assert errors, f"the schema accepts {fixture.stem}"


def test_make_check_reports_every_error_with_file_line_column_and_exit_1(tmp_path):
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    expected = [apply_fixture(ROOT / "tests/fixtures/bad" / f"{name}.yml", content)
                for name in ("missing-fr", "unknown-source", "bad-url")]
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check_content.py"), str(content)],
                            env=script_env(), capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    for bad in expected:
        assert bad.expected_prefix() in result.stderr and bad.error in result.stderr
    assert result.stderr.count("hint:") >= 3


def test_make_check_passes_on_the_real_content():
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check_content.py")],
                            env=script_env(), capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
