"""An editor writes a new competency under `make serve`: it shows at once, marked, and goes when deleted.

A real ``mkdocs serve --dirty`` (as `make serve` runs it) on a copy of the
project, a real Chromium reading what the editor sees: the scaffold's pages
with every unwritten text marked "to write" / « à rédiger » and a one-line
notice, no error banner; a text written appears; the folder deleted, its pages
answer 404.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, copy_project, script_env
from serve_helper import WAIT, get as _get, mkdocs_serve, save, wait_for as _wait_for, without_live_reload

NEW = "teamwork"
PAGES = {"en": f"/competencies/{NEW}/", "fr": f"/fr/competencies/{NEW}/"}
WORD = {"en": "to write", "fr": "à rédiger"}


def _read(browser, url: str, selector: str = "article") -> tuple[str, dict[str, int]]:
    """What a person sees of ``url``, as loaded, in a fresh tab closed after."""
    page = browser.new_page()
    without_live_reload(page)
    try:
        page.goto(url)
        counts = {name: page.locator(name).count()
                  for name in ("mark.guide-to-write", ".guide-preview-errors", ".guide-draft-notice")}
        shown = page.locator(selector).inner_text()
        if counts["mark.guide-to-write"]:
            counts["first mark"] = page.locator("mark.guide-to-write").first.inner_text()  # type: ignore[assignment]
        if counts[".guide-draft-notice"]:
            counts["notice lines"] = len(page.locator(".guide-draft-notice").inner_text().splitlines())
        return shown, counts
    finally:
        page.close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.mark.serve
def test_a_scaffolded_competency_previews_marked_then_goes_when_deleted(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "new_competency.py", project / "scripts")
    with mkdocs_serve(project, tmp_path / "serve.log", dirty=True) as served:
        origin = served.origin
        french_collaboration = origin + "/fr/competencies/collaboration/"
        _wait_for(lambda: "Travailler à des objectifs partagés" in _get(french_collaboration), "the first build")
        made = subprocess.run([sys.executable, "scripts/new_competency.py", NEW], cwd=project, env=script_env(project),
                              capture_output=True, text=True, timeout=60, check=False)
        assert made.returncode == 0, made.stderr
        _wait_for(lambda: all(_status(origin + path) == 200 and WORD[lang] in _get(origin + path)
                              for lang, path in PAGES.items()), "the new competency's pages")
        for lang, path in PAGES.items():
            shown, seen = _read(browser, origin + path)
            assert seen["mark.guide-to-write"] >= 10 and seen["first mark"] == WORD[lang], seen
            assert "TO WRITE" not in shown and "À RÉDIGER" not in shown, shown[:500]
            assert seen[".guide-preview-errors"] == 0, "a draft is not an error"
            assert seen[".guide-draft-notice"] == 1 and seen["notice lines"] == 1, seen
        log = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert f"competencies/{NEW}: draft, not published" in log and "ERROR" not in log, log[-2000:]

        competency = project / "content_data" / "competencies" / NEW / "competency.yml"
        text = competency.read_text(encoding="utf-8")
        written = (text.replace(f'"TO WRITE ({NEW} summary)"', '"Working well together in a team."')
                   .replace(f'"À RÉDIGER ({NEW} summary)"', '"Bien travailler ensemble en équipe."'))
        assert written != text
        save(competency, written)
        _wait_for(lambda: "Bien travailler ensemble en équipe." in _get(origin + PAGES["fr"]), "the text written")
        assert "Bien travailler ensemble en équipe." in _read(browser, origin + PAGES["fr"])[0]
        _wait_for(lambda: "Working well together in a team." in _get(origin + PAGES["en"]), "the English text")
        assert "Working well together in a team." in _read(browser, origin + PAGES["en"])[0]

        # Deleted as a file manager does, in one step: moved out (to the bin).
        competency.parent.rename(tmp_path / "bin")
        _wait_for(lambda: all(_status(origin + path) == 404 for path in PAGES.values()), "the pages to go")
        _wait_for(lambda: f"competencies/{NEW}/" not in _get(origin + "/"), "the navigation without it")
        # One build and one reload per save: the first build, then the scaffold, the text
        # and the deletion. The stubs a build writes into docs/ start no build of their own.
        log = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert log.count("Preview: rebuilt") == 4 and log.count("Reloading browsers") == 3, log[-3000:]
        assert "stale files" not in log
        home = browser.new_page()
        without_live_reload(home)
        home.goto(origin + "/")
        assert home.locator(f'a[href*="competencies/{NEW}/"]').count() == 0, "still in the navigation"
        home.close()


SEEN = {"en": {"to write": "source to choose", "notice": "3 draft item(s)", "okapi": "okapi of the network",
               "label": "draft"},
        "fr": {"to write": "à rédiger", "notice": "3 élément(s) en brouillon", "okapi": "okapi du réseau",
               "label": "brouillon"}}


@pytest.mark.serve
def test_draft_items_of_a_finished_competency_preview_labelled_marked_and_counted(tmp_path, browser):
    """Three draft items in collaboration: shown, each labelled a draft, what is unwritten marked, one notice."""
    from test_draft_items import with_draft_items

    project = copy_project(tmp_path / "project")
    with_draft_items(project)
    with mkdocs_serve(project, tmp_path / "serve.log", dirty=True) as served:
        for lang, prefix in (("en", ""), ("fr", "/fr")):
            url = f"{served.origin}{prefix}/competencies/collaboration/"
            _wait_for(lambda url=url, lang=lang: SEEN[lang]["okapi"] in _get(url), "the draft item's page")
            page = browser.new_page()
            without_live_reload(page)
            try:
                page.goto(url)
                shown = page.locator("article").inner_text()
                assert SEEN[lang]["okapi"] in shown, shown[:500]
                marks = page.locator("mark.guide-to-write").all_inner_texts()
                assert SEEN[lang]["to write"] in marks, marks
                assert "TO WRITE" not in shown and "À RÉDIGER" not in shown
                drafts = page.locator("mark.guide-draft-item")
                assert drafts.all_inner_texts() == [SEEN[lang]["label"]] * 2, "the okapi and the zebra"
                okapi = page.locator("#level-2-draft-okapi")
                assert okapi.locator("mark.guide-draft-item").count() == 1 and okapi.is_visible()
                notice = page.locator(".guide-draft-notice")
                assert notice.count() == 1 and len(notice.inner_text().splitlines()) == 1
                assert SEEN[lang]["notice"] in notice.inner_text().replace("\u00a0", " "), notice.inner_text()
                assert page.locator(".guide-preview-errors").count() == 0, "a draft item is not an error"
            finally:
                page.close()
        tips = _get(served.origin + "/competencies/collaboration/tips/")
        assert "giraffe" in tips and 'class="guide-draft-item"' in tips
        log = served.log_text()
        assert "WARNING" in log and "the draft item 'adopt-draft-zebra', not published" in log, log[-2000:]
        assert "ERROR" not in log, log[-2000:]

        # The okapi is written: its line draft: true goes, and so do its label and its count.
        competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
        text = competency.read_text(encoding="utf-8")
        written = text.replace("      - id: level-2-draft-okapi\n        draft: true\n", "      - id: level-2-draft-okapi\n")
        assert written != text
        save(competency, written)
        url = served.origin + "/competencies/collaboration/"
        _wait_for(lambda: _get(url).count('class="guide-draft-item"') == 1, "the okapi's draft label to go")
        assert "2 draft item(s)" in _get(url) and "okapi of the network" in _get(url)
