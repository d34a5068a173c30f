"""An editor's preview survives mistakes: errors are shown, pages stay up."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import copy_project
from serve_helper import get, mkdocs_serve, wait_for

pytestmark = pytest.mark.serve
FRENCH_PAGE = "fr/competencies/collaboration/"


def test_serve_keeps_the_last_good_pages_when_a_file_breaks_and_reloads_when_fixed(tmp_path):
    project = copy_project(tmp_path / "project")
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    original = competency.read_text(encoding="utf-8")
    with mkdocs_serve(project, tmp_path / "serve.log") as served:
        url = served.url + FRENCH_PAGE
        wait_for(lambda: "Travailler à des objectifs partagés" in get(url), "the first build")
        broken = original.replace("    fr: Travailler à des objectifs partagés.\n", "")
        competency.write_text(broken, encoding="utf-8")
        line = broken[: broken.index("  - id: adopt-shared-objectives")].count("\n") + 1
        where = f"content_data/competencies/collaboration/competency.yml:{line}:5: competency.adopt[1]: the key 'fr' is missing"
        wait_for(lambda: where in (tmp_path / "serve.log").read_text(), "the error")
        assert "Travailler à des objectifs partagés" in get(url), "the last good page is gone"
        assert competency.read_text(encoding="utf-8") == broken, "the editor's file was changed"
        fixed = original.replace("Travailler à des objectifs partagés.", "Œuvrer à des objectifs partagés.")
        competency.write_text(fixed, encoding="utf-8")
        wait_for(lambda: "Œuvrer à des objectifs partagés" in get(url), "the fixed text")


def test_serve_follows_a_content_folder_that_is_replaced_whole(tmp_path):
    """A `git checkout` or a copy can delete and recreate content_data/."""
    project = copy_project(tmp_path / "project")
    content = project / "content_data"
    with mkdocs_serve(project, tmp_path / "serve.log") as served:
        url = served.url + FRENCH_PAGE
        wait_for(lambda: "Travailler à des objectifs partagés" in get(url), "the first build")
        replacement = tmp_path / "replacement"
        shutil.copytree(content, replacement)
        competency = replacement / "competencies" / "collaboration" / "competency.yml"
        competency.write_text(competency.read_text(encoding="utf-8").replace(
            "Travailler à des objectifs partagés.", "Œuvrer à des objectifs partagés."), encoding="utf-8")
        logged = len(served.log_text())
        shutil.rmtree(content)
        # The old watch notices its folder is gone: the build it starts finds no content.
        wait_for(lambda: "ERROR" in served.log_text()[logged:], "the build without content_data/")
        shutil.copytree(replacement, content)
        wait_for(lambda: "Œuvrer à des objectifs partagés" in get(url), "the new folder's text")


def test_the_preview_writes_the_open_data_of_the_last_save_once_it_is_quiet(tmp_path):
    """The open data waits until the browser has reloaded (it costs a second of CPU at
    30 competencies); a second save soon after the first, which stops the first's
    writer, must still end with the second's text."""
    from guide.exports.open_data import CSV_NAME, JSON_NAME

    project = copy_project(tmp_path / "project")
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    original = competency.read_text(encoding="utf-8")
    # Its quiet moment made longer than the three reads below can take on a busy machine.
    environment = dict(os.environ, GUIDE_PREVIEW_QUIET_SECONDS="15")
    with mkdocs_serve(project, tmp_path / "serve.log", dirty=True, env=environment) as served:
        url, root = served.url + FRENCH_PAGE, served.origin
        files = [f"{root}/data/{JSON_NAME}", f"{root}/data/{CSV_NAME}", f"{root}/data/case/fr.json"]
        wait_for(lambda: all("Travailler à des objectifs partagés" in get(f) for f in files), "the first open data")
        for text in ("Œuvrer à des objectifs partagés.", "Agir pour des objectifs partagés."):
            competency.write_text(original.replace("Travailler à des objectifs partagés.", text), encoding="utf-8")
            wait_for(lambda text=text: text in get(url), f"the page with {text!r}")
            # The page is back; the open data waits for a quiet moment to be made.
            assert not any(text[:-1] in get(f) for f in files), "open data written while the page reloads"
        wait_for(lambda: all("Agir pour des objectifs partagés" in get(f) for f in files), "the last save's open data")


def test_the_helper_starts_the_preview_again_when_its_port_was_taken(tmp_path, monkeypatch):
    """MkDocs binds its port after its first build: another program can take it meanwhile.
    The suite must not fail for that (tests/serve_helper.py starts it again elsewhere)."""
    import socket

    import serve_helper

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    ports = [taken.getsockname()[1]]
    real = serve_helper.free_port
    monkeypatch.setattr(serve_helper, "free_port", lambda: ports.pop() if ports else real())
    try:
        with mkdocs_serve(copy_project(tmp_path / "project"), tmp_path / "serve.log") as served:
            assert not ports, "the taken port was not tried"
            assert f":{taken.getsockname()[1]}/" not in served.url
            assert "Travailler à des objectifs partagés" in get(served.url + FRENCH_PAGE)
    finally:
        taken.close()
