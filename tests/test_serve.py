"""An editor's preview survives mistakes: errors are shown, pages stay up."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import copy_project

WAIT = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    # MkDocs holds a request while a rebuild runs: on a loaded machine that is seconds.
    with urllib.request.urlopen(url, timeout=WAIT) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.contextmanager
def _serving(project, log_path, dirty: bool = False):
    """A real `mkdocs serve` of ``project`` (``--dirty``: as `make serve` runs it); yields
    the French competency page's address."""
    port = _free_port()
    log = log_path.open("w+", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []), "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        yield f"http://127.0.0.1:{port}/fr/competencies/collaboration/"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_serve_keeps_the_last_good_pages_when_a_file_breaks_and_reloads_when_fixed(tmp_path):
    project = copy_project(tmp_path / "project")
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    original = competency.read_text(encoding="utf-8")
    with _serving(project, tmp_path / "serve.log") as url:
        _wait_for(lambda: "Travailler à des objectifs partagés" in _get(url), "the first build")
        broken = original.replace("    fr: Travailler à des objectifs partagés.\n", "")
        competency.write_text(broken, encoding="utf-8")
        line = broken[: broken.index("  - id: adopt-shared-objectives")].count("\n") + 1
        where = f"content_data/competencies/collaboration/competency.yml:{line}:5: competency.adopt[1]: the key 'fr' is missing"
        _wait_for(lambda: where in (tmp_path / "serve.log").read_text(), "the error")
        assert "Travailler à des objectifs partagés" in _get(url), "the last good page is gone"
        assert competency.read_text(encoding="utf-8") == broken, "the editor's file was changed"
        fixed = original.replace("Travailler à des objectifs partagés.", "Œuvrer à des objectifs partagés.")
        competency.write_text(fixed, encoding="utf-8")
        _wait_for(lambda: "Œuvrer à des objectifs partagés" in _get(url), "the fixed text")


def test_serve_follows_a_content_folder_that_is_replaced_whole(tmp_path):
    """A `git checkout` or a copy can delete and recreate content_data/."""
    import shutil

    project = copy_project(tmp_path / "project")
    content = project / "content_data"
    with _serving(project, tmp_path / "serve.log") as url:
        _wait_for(lambda: "Travailler à des objectifs partagés" in _get(url), "the first build")
        replacement = tmp_path / "replacement"
        shutil.copytree(content, replacement)
        competency = replacement / "competencies" / "collaboration" / "competency.yml"
        competency.write_text(competency.read_text(encoding="utf-8").replace(
            "Travailler à des objectifs partagés.", "Œuvrer à des objectifs partagés."), encoding="utf-8")
        shutil.rmtree(content)
        time.sleep(2)  # the old watch notices its folder is gone
        shutil.copytree(replacement, content)
        _wait_for(lambda: "Œuvrer à des objectifs partagés" in _get(url), "the new folder's text")


def test_the_preview_writes_the_open_data_of_the_last_save_once_it_is_quiet(tmp_path):
    """The open data waits until the browser has reloaded (it costs a second of CPU at
    30 competencies); a second save soon after the first, which stops the first's
    writer, must still end with the second's text."""
    from guide.exports.open_data import CSV_NAME, JSON_NAME

    project = copy_project(tmp_path / "project")
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    original = competency.read_text(encoding="utf-8")
    with _serving(project, tmp_path / "serve.log", dirty=True) as url:
        root = url.split("/fr/")[0]
        files = [f"{root}/data/{JSON_NAME}", f"{root}/data/{CSV_NAME}", f"{root}/data/case/fr.json"]
        _wait_for(lambda: all("Travailler à des objectifs partagés" in _get(f) for f in files), "the first open data")
        for text in ("Œuvrer à des objectifs partagés.", "Agir pour des objectifs partagés."):
            competency.write_text(original.replace("Travailler à des objectifs partagés.", text), encoding="utf-8")
            _wait_for(lambda: text in _get(url), f"the page with {text!r}")
            # The page is back; the open data waits for a quiet moment (3 s) to be made.
            assert not any(text[:-1] in _get(f) for f in files), "open data written while the page reloads"
        _wait_for(lambda: all("Agir pour des objectifs partagés" in _get(f) for f in files), "the last save's open data")
