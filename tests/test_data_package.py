"""``data/datapackage.json``, read by the ``frictionless`` library as a data tool reads it."""

from __future__ import annotations

import json
import shutil

import frictionless
import pytest

from guide.exports.data_package import NAME


@pytest.fixture
def data(site, tmp_path):
    """A copy of the published data folder, to break on purpose."""
    shutil.copytree(site / "data", tmp_path / "data", ignore=shutil.ignore_patterns("*.html"))
    return tmp_path / "data"


def _report(folder) -> frictionless.Report:
    """As ``frictionless validate data/datapackage.json`` reports it (paths outside the
    folder are refused: frictionless does not trust the descriptor by default)."""
    return frictionless.validate(str(folder / NAME))


def _errors(report: frictionless.Report) -> list[str]:
    return [f"{task.name}: {error.type}: {error.note}" for task in report.tasks for error in task.errors] + [
        f"{error.type}: {error.note}" for error in report.errors]


def test_the_data_package_is_valid_and_describes_every_file(site):
    report = _report(site / "data")
    assert report.valid, _errors(report)
    descriptor = json.loads((site / "data" / NAME).read_text(encoding="utf-8"))
    listed = {resource["path"] for resource in descriptor["resources"]}
    published = {p.relative_to(site / "data").as_posix() for p in (site / "data").rglob("*")
                 if p.is_file() and p.suffix in (".json", ".csv") and p.name != NAME}
    assert listed == published
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert len(descriptor["sources"]) >= 5 and all(s["title"] for s in descriptor["sources"])


def test_versions_levels_and_card_codes_are_read_as_text(data):
    """Release 1.10 stays "1.10": a tool that guessed would read the number 1.1."""
    for name in ("collaboration-guide.csv", "collaboration-guide-bank-en.csv", "collaboration-guide-bank-fr.csv"):
        path = data / name
        text = path.read_bytes().decode("utf-8")
        version = text.split("\r\n")[1].rsplit(",", 1)[1]
        path.write_bytes(text.replace(f",{version}\r\n", ",1.10\r\n").encode("utf-8"))
    package = frictionless.Package(str(data / NAME))
    assert package.validate().valid
    for resource in package.resources:
        if resource.type != "table":
            continue
        with resource:
            rows = [row.to_dict() for row in resource.row_stream]
        assert {row["version"] for row in rows} == {"1.10"}, resource.name
        level = "level"
        assert all(isinstance(row[level], str) for row in rows if row[level]), resource.name
        codes = [row.get("card") or row.get("card_code") for row in rows]
        assert all(isinstance(code, str) for code in codes if code), resource.name
    guessed = frictionless.Resource(str(data / "collaboration-guide-bank-en.csv"))
    guessed.infer()
    assert guessed.schema.get_field("version").type == "number", "without the description, 1.10 would be 1.1"


@pytest.mark.parametrize("breakage", ["missing-column", "missing-file", "unknown-type"])
def test_a_broken_data_folder_fails(data, breakage):
    descriptor = json.loads((data / NAME).read_text(encoding="utf-8"))
    if breakage == "missing-column":
        path = data / "collaboration-guide-bank-fr.csv"
        lines = path.read_bytes().decode("utf-8").split("\r\n")
        path.write_bytes("\r\n".join(line.rsplit(",", 1)[0] for line in lines).encode("utf-8"))
    elif breakage == "missing-file":
        (data / "case" / "fr.json").unlink()
    elif breakage == "unknown-type":
        descriptor["resources"][2]["schema"]["fields"][0]["type"] = "word"
        (data / NAME).write_text(json.dumps(descriptor), encoding="utf-8")
    assert not _report(data).valid, breakage


@pytest.mark.parametrize("prefix, says", [
    ("", ("For HR and learning systems", "Which file is for whom", "An HR or learning system")),
    ("fr/", ("Pour les systèmes RH et d’apprentissage", "Quel fichier pour qui", "Un système RH ou d’apprentissage")),
])
def test_the_open_data_page_links_every_described_file_and_says_who_it_is_for(site, prefix, says):
    from html_text import visible_text

    html = (site / prefix / "data/index.html").read_text(encoding="utf-8")
    root = "../" * (prefix.count("/") + 1)
    descriptor = json.loads((site / "data" / NAME).read_text(encoding="utf-8"))
    for path in [NAME] + [resource["path"] for resource in descriptor["resources"]]:
        assert f'href="{root}data/{path}"' in html, path
    text = visible_text(html)
    assert all(said in text for said in says), says
