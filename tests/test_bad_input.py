"""Every editor mistake is caught, at its file and line, with a hint; nothing is lost."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input import all_fixtures, apply_fixture, broken_copy, is_build_only
from conftest import ROOT, copy_project, run_build, script_env

from guide.content.errors import ContentInvalid
from guide.content.loader import load_guide

sys.path.insert(0, str(ROOT / "scripts"))

FIXTURES = all_fixtures()


def test_the_corpus_covers_at_least_25_mistakes():
    assert len(FIXTURES) >= 25


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if not is_build_only(f)], ids=lambda p: p.stem)
def test_validation_reports_file_line_and_hint(fixture, tmp_path):
    content, bad = broken_copy(fixture, ROOT / "content_data", tmp_path / "content_data")
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    matching = [e for e in caught.value.errors
                if e.format().startswith(bad.expected_prefix()) and bad.error in e.message
                and bad.hint in e.hint]
    assert matching, f"expected {bad.expected_prefix()} … {bad.error!r}, got:\n{caught.value.report()}"
    assert all(error.hint for error in caught.value.errors)


# Mistakes reported in two files by design: the folder and the id name the competency
# differently; a folder holds a tips.yml (itself with empty lists) and no competency.yml.
ACROSS_FILES = {"catalogue-folder-and-id-differ", "catalogue-folder-without-competency"}


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if not is_build_only(f) and f.stem not in ACROSS_FILES],
                         ids=lambda p: p.stem)
def test_a_mistake_is_reported_in_its_own_file_only(fixture, tmp_path):
    """One wrong text must not also make the items it declares unknown to the files
    citing them: a bad address on a source once gave 38 errors, one per citation."""
    content, bad = broken_copy(fixture, ROOT / "content_data", tmp_path / "content_data")
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    elsewhere = [e.format() for e in caught.value.errors
                 if not e.format().startswith(f"content_data/{bad.file}:")]
    assert not elsewhere, "\n".join(elsewhere)


def _check(content: Path) -> subprocess.CompletedProcess[str]:
    """``make check`` on ``content``, as an editor runs it."""
    return subprocess.run([sys.executable, str(ROOT / "scripts/check_content.py"), str(content)],
                          capture_output=True, text=True, timeout=120, env=script_env())


def _error_lines(output: str) -> list[str]:
    """The ``file:line:column: message`` and hint lines of a report, wherever it is printed."""
    return [line for line in output.splitlines() if line.startswith(("content_data/", "    hint: "))]



@pytest.mark.build
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_the_build_stops_with_the_same_message_and_no_traceback(fixture, tmp_path):
    """...and ``make check`` says exactly the same, line for line (control codes escaped)."""
    project = copy_project(tmp_path / "project")
    bad = apply_fixture(fixture, project / "content_data")
    before = {p: p.read_bytes() for p in (project / "content_data").rglob("*") if p.is_file()}
    site = tmp_path / "site"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert bad.expected_prefix() in output and bad.error in output, output
    assert bad.hint in output, output
    assert "hint:" in output
    assert "Traceback" not in output
    assert not (site / "index.html").exists(), "a page was published despite the error"
    assert before == {p: p.read_bytes() for p in (project / "content_data").rglob("*") if p.is_file()}
    if not bad.build_only:
        check = _check(project / "content_data")
        assert check.returncode == 1 and "Traceback" not in check.stderr, check.stdout + check.stderr
        assert _error_lines(check.stderr) == _error_lines(output), check.stderr
        assert not any(c in check.stderr for c in "\x1b\x9b\r"), "control codes reach the terminal"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_make_check_stops_with_the_build_s_message(fixture, tmp_path):
    """make check and the build apply the same rules: every mistake of the corpus,
    those only a rendered page shows included (an id a page also uses for a section)."""
    import check_content

    project = copy_project(tmp_path / "project")
    bad = apply_fixture(fixture, project / "content_data")
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = check_content.main(["check_content.py", str(project / "content_data")])
    output = errors.getvalue()
    assert status == 1
    assert bad.expected_prefix() in output and bad.error in output and bad.hint in output, output
    assert "Traceback" not in output


def test_make_check_refuses_a_group_named_like_the_other_competencies_heading(tmp_path):
    """With a competency in no group, the home page adds a heading "other-competencies":
    a group with that id was passed by make check and refused by the build."""
    import check_content
    from conftest import fixture_catalogue_project

    project = fixture_catalogue_project(tmp_path / "project")
    catalogue = project / "content_data" / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "  - id: core\n", "  - id: other-competencies\n", 1).replace(
        "  - id: team\n    name: {en: Team competencies, fr: Compétences d’équipe}\n    competencies: [fixture-teamwork]\n",
        "", 1), encoding="utf-8")
    line = catalogue.read_text(encoding="utf-8").splitlines().index("  - id: other-competencies") + 1
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        assert check_content.main(["check_content.py", str(project / "content_data")]) == 1
    assert f"content_data/catalogue.yml:{line}:" in errors.getvalue(), errors.getvalue()
    assert "the id 'other-competencies' is used twice on the page /" in errors.getvalue()


def test_all_errors_are_reported_at_once(tmp_path):
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    for name in ("missing-fr", "unknown-source", "bad-url"):
        apply_fixture(ROOT / "tests/fixtures/bad" / f"{name}.yml", content)
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    assert len(caught.value.errors) >= 3


@pytest.mark.parametrize("failure", [PermissionError(13, "Permission denied"), IsADirectoryError(21, "Is a directory")])
def test_an_unreadable_file_is_named_not_a_traceback(tmp_path, monkeypatch, failure):
    # As root the tests cannot make a file unreadable, so the OS error is simulated.
    from pathlib import Path

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "tips.yml":
            raise failure
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    [error] = [e for e in caught.value.errors if e.file.endswith("tips.yml")]
    assert error.line == 1 and "cannot be read" in error.message and failure.strerror in error.message
    assert "allowed to read" in error.hint


def test_a_file_that_cannot_be_read_does_not_bury_its_error_under_references_to_it(tmp_path):
    """why.yml holds every obstacle: while it is unreadable, tips citing obstacles are not errors."""
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    why = content / "competencies" / "collaboration" / "why.yml"
    why.write_text(why.read_text(encoding="utf-8").replace("  - id:", "  - id: :", 1), encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    assert {e.file for e in caught.value.errors} == {"content_data/competencies/collaboration/why.yml"}, caught.value.report()


@pytest.mark.parametrize("device", ["con", "nul", "com1", "lpt9"])
def test_a_competency_id_windows_keeps_for_a_device_is_an_error(tmp_path, device):
    """A folder or file named con, nul, com1… (any extension) cannot exist on Windows: the
    editor's clone and the offline copy's cards/decks/<id>.js would fail there."""
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    folders = content / "competencies"
    (folders / "collaboration").rename(folders / device)
    competency = folders / device / "competency.yml"
    text = competency.read_text(encoding="utf-8")
    competency.write_text(text.replace("id: collaboration", f"id: {device}", 1), encoding="utf-8")
    line = text.splitlines().index("id: collaboration") + 1
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    [error] = [e for e in caught.value.errors if "Windows" in e.message]
    assert (error.file, error.line) == (f"content_data/competencies/{device}/competency.yml", line), caught.value.report()
    assert f"'{device}'" in error.message and "another id" in error.hint
    assert "Windows" in error.message.fr and "autre id" in error.hint.fr


@pytest.mark.parametrize("id_", ["com10", "cons", "con-x", "null", "aux1", "lpt"])
def test_an_id_that_only_looks_like_a_device_name_is_accepted(id_):
    from guide.content.loader import competency_id_trouble

    assert competency_id_trouble(id_) is None


@pytest.mark.build
def test_a_competency_id_too_long_for_its_files_names_is_an_error_not_a_traceback(tmp_path):
    """A competency's id names its folder, its pages' addresses and its files (its deck
    file, cards/decks/<id>.js, written whole through a longer temporary name; its PDFs):
    an id a folder can hold but such a file cannot crashed the build in on_post_build."""
    from conftest import FIXTURE_CATALOGUE, FIXTURE_COMPETENCY

    long_id = "-".join(["teamwork"] * 26) + "-x"  # 235 characters: a folder holds it (255 at most)
    project = copy_project(tmp_path / "project")
    folder = project / "content_data" / "competencies" / long_id
    shutil.copytree(FIXTURE_CATALOGUE / FIXTURE_COMPETENCY, folder)
    competency = folder / "competency.yml"
    competency.write_text(competency.read_text(encoding="utf-8").replace(FIXTURE_COMPETENCY, long_id), encoding="utf-8")
    sources = project / "content_data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip("\n") + "\n"
                       + (FIXTURE_CATALOGUE / "sources.yml").read_text(encoding="utf-8"), encoding="utf-8")
    line = competency.read_text(encoding="utf-8").splitlines().index(f"id: {long_id}") + 1
    where = f"content_data/competencies/{long_id}/competency.yml:{line}:"
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
    assert where in output and "at most 100" in output, output[-3000:]
    check = _check(project / "content_data")
    assert check.returncode == 1 and where in check.stderr, check.stdout + check.stderr
