"""What an editor passes to make (ID, VERSION, DATE) is data, never shell.

Editors copy commands from chats and documents: ``make release VERSION='1.1;
touch x'`` once ran ``touch x`` and recorded the release. Each hostile value goes
to the real Makefile in a scratch clone; no command in it may run, nothing may be
written or committed, and the editor reads why, without a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess

import pytest
from conftest import ROOT, copy_project

GIT_ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.invalid",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.invalid"}
# Each would create the file "pwned" in the clone if a shell or make read it as code.
HOSTILE = ["1.1; touch pwned", "$(shell touch pwned)", "`touch pwned`", "$$(touch pwned)",
           "1.1 && touch pwned", "1.1'; touch pwned; '", '1.1"; touch pwned; "', "1.1\ntouch pwned",
           "1.1 | touch pwned", "1.1 > pwned"]


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A committed copy of the project with the Makefile, its scripts and the shared .venv."""
    repo = copy_project(tmp_path_factory.mktemp("make-variables") / "repo")
    shutil.copy2(ROOT / "Makefile", repo / "Makefile")
    shutil.copytree(ROOT / "scripts", repo / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "requirements", repo / "requirements")
    (repo / ".venv").symlink_to((ROOT / ".venv").resolve())
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "content")
    return repo


def _git(repo, *args):
    env = dict(os.environ, **GIT_ENV, HOME=str(repo))
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout


def _make(repo, *args):
    """make's result; -o: the shared environment is ready, never reinstall it from the
    clone's lock files. In a session of its own: were a hostile PORT to start a server,
    it is stopped with make, not left listening."""
    env = dict(os.environ, **GIT_ENV, HOME=str(repo))
    for name in ("ID", "VERSION", "DATE", "PORT", "MAKEFLAGS", "MFLAGS"):
        env.pop(name, None)
    make = subprocess.Popen(["make", "--no-print-directory", "-o", ".venv/.installed-build", *args],
                            cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        stdout, stderr = make.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(make.pid, signal.SIGKILL)
        make.communicate()
        raise
    return subprocess.CompletedProcess(make.args, make.returncode, stdout, stderr)


def _unchanged(repo, head):
    assert not (repo / "pwned").exists(), "a command inside a make variable ran"
    assert _git(repo, "rev-parse", "HEAD") == head, "something was committed"
    assert _git(repo, "status", "--porcelain") == "", "something was written"
    assert _git(repo, "tag") == ""


@pytest.mark.parametrize("value", HOSTILE)
def test_a_release_version_is_data(clone, value):
    head = _git(clone, "rev-parse", "HEAD")
    result = _make(clone, "release", f"VERSION={value}")
    assert result.returncode != 0
    assert "is not a version number" in result.stderr and "Nothing was released" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    _unchanged(clone, head)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_release_date_is_data(clone, value):
    head = _git(clone, "rev-parse", "HEAD")
    result = _make(clone, "release", "VERSION=1.1", f"DATE={value}")
    assert result.returncode != 0
    assert "is not a date" in result.stderr and "Nothing was released" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    _unchanged(clone, head)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_new_competency_id_is_data(clone, value):
    head = _git(clone, "rev-parse", "HEAD")
    result = _make(clone, "competency", f"ID={value}")
    assert result.returncode != 0
    assert "is not an id: nothing was written" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    _unchanged(clone, head)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_reviewed_id_is_data(clone, value):
    head = _git(clone, "rev-parse", "HEAD")
    result = _make(clone, "reviewed", f"ID=adopt-shared-objectives {value}")
    assert result.returncode != 0
    assert "unknown item" in result.stderr and "Nothing was recorded" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    _unchanged(clone, head)


@pytest.mark.parametrize("target, usage", [("release", "usage: make release VERSION="),
                                           ("competency", "usage: make competency ID="),
                                           ("reviewed", "usage: make reviewed ID=")])
def test_a_missing_value_shows_the_usage(clone, target, usage):
    head = _git(clone, "rev-parse", "HEAD")
    result = _make(clone, target)
    assert result.returncode != 0 and usage in result.stderr, result.stderr
    _unchanged(clone, head)


def test_a_good_value_still_works(clone, tmp_path):
    """The same Makefile with ordinary values: a competency written, a release recorded."""
    repo = tmp_path / "repo"
    shutil.copytree(clone, repo, symlinks=True)
    made = _make(repo, "competency", "ID=teamwork")
    assert made.returncode == 0, made.stderr
    assert (repo / "content_data/competencies/teamwork/competency.yml").is_file()
    shutil.rmtree(repo / "content_data/competencies/teamwork")
    released = _make(repo, "release", "VERSION=1.1", "DATE=2026-12-01")
    assert released.returncode == 0, released.stderr
    assert _git(repo, "tag").split() == ["v1.1"]
    assert 'released: "2026-12-01"' in (repo / "content_data/catalogue.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["8000; touch pwned", "$(shell touch pwned)", "`touch pwned`", "8000 & touch pwned"])
def test_a_preview_port_is_data(clone, value):
    """mkdocs refuses the address, and nothing inside it runs."""
    head = _git(clone, "rev-parse", "HEAD")
    result = _make(clone, "serve", f"PORT={value}")
    assert result.returncode != 0
    assert "dev_addr" in result.stdout + result.stderr, result.stdout + result.stderr
    _unchanged(clone, head)
