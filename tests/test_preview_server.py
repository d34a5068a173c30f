"""What the preview's server adds for the browser (guide.preview.asset_cache) and does
before it answers (guide.preview.state.OpenDataWriter.write_now)."""

from __future__ import annotations

import logging
import re
import threading
import urllib.request
from typing import Any

import pytest
from conftest import copy_project
from serve_helper import get, mkdocs_serve

from guide.preview.asset_cache import KeepFingerprinted, install
from guide.preview.state import OpenDataWriter


def _headers(application: Any, path: str, status: str = "200 OK") -> dict[str, str]:
    said: dict[str, str] = {}

    def inner(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response(status, [("Content-Type", "text/plain")])
        return [b""]

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        said.update(headers)

    application(inner)({"PATH_INFO": path}, start_response)
    return said


@pytest.mark.parametrize("path", ["/assets/javascripts/bundle.a5f9d56c.min.js",
                                  "/assets/stylesheets/main.57a0d79d.min.css",
                                  "/fr/assets/stylesheets/palette.fb2fffe2.min.css"])
def test_the_themes_fingerprinted_files_are_kept_by_the_browser(path: str) -> None:
    assert "immutable" in _headers(KeepFingerprinted, path).get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/", "/competencies/collaboration/", "/stylesheets/guide.css",
                                  "/javascripts/cards.js", "/search/search_index.json",
                                  "/assets/javascripts/lunr/min/lunr.fr.min.js",
                                  "/assets/javascripts/bundle.a5f9d56c.min.js.map",
                                  "/cards/decks/a5f9d56c.min.js", "/competencies/x/app.a5f9d56c.min.js"])
def test_pages_and_the_guides_own_files_are_fetched_again_at_each_reload(path: str) -> None:
    """A developer's edit to cards.js or guide.css shows at the next reload; a deck file
    named like a fingerprint (a competency's id is the editors' choice) is not kept."""
    assert "Cache-Control" not in _headers(KeepFingerprinted, path)


def test_an_answer_other_than_the_file_is_not_kept() -> None:
    assert "Cache-Control" not in _headers(KeepFingerprinted, "/assets/javascripts/bundle.a5f9d56c.min.js",
                                           "404 Not Found")


def test_the_application_is_wrapped_once() -> None:
    class Server:
        app: Any = None

        def get_app(self) -> Any:
            return self.app

        def set_app(self, app: Any) -> None:
            self.app = app

    server = Server()
    server.app = lambda environ, start_response: [b""]
    install(server)
    install(server)
    assert isinstance(server.app, KeepFingerprinted) and not isinstance(server.app.application, KeepFingerprinted)


def test_the_open_data_waiting_for_a_quiet_moment_can_be_written_at_once() -> None:
    writer = OpenDataWriter(quiet_seconds=3600)
    written = threading.Event()
    writer.start(lambda going_on: written.set() or True)
    assert not written.is_set()
    now = threading.Thread(target=writer.write_now)
    now.start()
    now.join(timeout=60)  # a bound for a broken writer, not a wait: it returns once written
    assert written.is_set() and not now.is_alive()
    writer.write_now()  # nothing left to write: returns at once
    writer.stop()


def test_a_writing_already_under_way_is_waited_for_not_started_again() -> None:
    """A preview without --dirty writes at once; its start waits for that writing."""
    writer = OpenDataWriter(quiet_seconds=3600)
    writes, writing, release = [], threading.Event(), threading.Event()

    def write(going_on):
        writes.append(1)
        writing.set()
        release.wait(60)
        return True

    writer.start(write, quiet=False)
    assert writing.wait(60)
    now = threading.Thread(target=writer.write_now)
    now.start()
    release.set()
    now.join(timeout=60)
    assert not now.is_alive() and writes == [1]
    writer.stop()


@pytest.mark.serve
def test_the_preview_answers_the_bundle_with_a_header_that_keeps_it(tmp_path):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, tmp_path / "serve.log") as served:
        page = get(served.url)
        bundle = re.search(r'src="([^"]*assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)"', page)
        assert bundle is not None, "Material's bundle is no longer named by its hash"
        with urllib.request.urlopen(served.url + bundle.group(1).lstrip("./"), timeout=60) as answer:
            assert "immutable" in answer.headers.get("Cache-Control", "")
        with urllib.request.urlopen(served.url + "stylesheets/guide.css", timeout=60) as answer:
            assert answer.headers.get("Cache-Control") is None


def test_the_preview_stopping_lets_the_writer_end_its_file_before_the_site_goes() -> None:
    """Ctrl-C: MkDocs removes the site folder after ``on_shutdown``; a writer still at work
    would then report its file missing as an error."""
    from guide.preview.state import PreviewState
    from guide.site.guide_site import GuideSite

    site = GuideSite()
    site.preview = PreviewState(dirty=True)  # what serve's on_startup makes, without its patches
    writing, stopped, proceed, ended = (threading.Event() for _ in range(4))

    def write(going_on):
        writing.set()
        while going_on():  # a file being written, until the writer is told to stop
            proceed.wait(0.01)
        stopped.set()
        proceed.wait(60)  # the rest of the current file
        ended.set()
        return True

    site.preview.open_data.start(write, quiet=False)
    assert writing.wait(60)
    stopping = threading.Thread(target=site.on_shutdown)
    stopping.start()
    assert stopped.wait(60), "on_shutdown did not stop the writer"
    assert stopping.is_alive(), "on_shutdown returned before the writer ended its file"
    proceed.set()
    stopping.join(timeout=60)  # a bound for a broken writer, not a wait
    assert ended.is_set() and not stopping.is_alive()


@pytest.mark.parametrize("given, seconds", [("15", 15.0), (" 0.5 ", 0.5), ("0", 0.0), ("", 3.0), ("soon", 3.0),
                                            ("-1", 3.0), ("nan", 3.0), ("inf", 3.0), ("1e309", 3.0), ("7200", 3.0)])
def test_the_open_data_quiet_moment_is_read_from_the_environment_only_when_it_makes_sense(given, seconds, caplog,
                                                                                          monkeypatch):
    monkeypatch.delenv("GUIDE_LANG", raising=False)
    from guide.preview.state import OPEN_DATA_QUIET_SECONDS, QUIET_SECONDS_ENV, open_data_quiet_seconds

    assert OPEN_DATA_QUIET_SECONDS == 3.0
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.guide"):
        assert open_data_quiet_seconds({QUIET_SECONDS_ENV: given}) == seconds
    warned = [record.getMessage() for record in caplog.records]
    assert warned == ([] if seconds != 3.0 else [f"{QUIET_SECONDS_ENV}={given!r} is not a number of seconds "
                                                 "from 0 to 3600: the preview waits 3 s"]), warned
    assert open_data_quiet_seconds({}) == OPEN_DATA_QUIET_SECONDS
