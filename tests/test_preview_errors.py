"""While previewing, a content mistake shows in the browser, not only in the terminal.

A real ``mkdocs serve`` on a copy of the project, a real Chromium: break two
files, see the banner (file, line, hint, in the page's language) above the last
valid content; fix them, reload, the banner is gone. A build of the same broken
content fails and publishes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BROWSER_TIMEOUT_MS, ROOT, copy_project, run_build
from quality_checks import accessibility_problems, small_text_problems
from serve_helper import get, mkdocs_serve, save, wait_for, without_live_reload

SHOTS = ROOT / "test-output" / "screenshots"
BANNER = ".guide-preview-errors"
# Markup an editor might paste: it must show as text, never become an element.
PASTED = '<img src=x onerror="document.title=1">'
# Each language is rebuilt in turn: wait until every page checked has caught up.
PAGES = ("/competencies/collaboration/", "/fr/competencies/collaboration/", "/fr/glossary/", "/")


def _break(project: Path) -> dict[str, int]:
    """Two mistakes in two files; returns the line of each."""
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    text = competency.read_text(encoding="utf-8")
    old = "    fr: Travailler à des objectifs partagés.\n"
    save(competency, text.replace(old, f"    fr: Travailler {PASTED} à des objectifs partagés.\n"))
    why = project / "content_data" / "competencies" / "collaboration" / "why.yml"
    lines = why.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.lstrip().startswith("fr: ") and ":" not in line.split("fr: ", 1)[1])
    lines[index] = lines[index].replace("fr: ", "fr: Note : ", 1)
    save(why, "".join(lines))
    return {"competency": text[: text.index(old)].count("\n") + 1, "why": index + 1}


@pytest.fixture
def preview(tmp_path):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, tmp_path / "serve.log") as served:
        wait_for(lambda: "Travailler à des objectifs partagés" in get(served.url + "fr/competencies/collaboration/"),
                 "the first build")
        yield project, served.origin, served.log


def _settled(log: Path) -> None:
    """Wait until the server has finished every rebuild it started (a save can
    trigger more than one), so a page load is not cut short by a live reload."""
    def quiet() -> bool:
        text = log.read_text(encoding="utf-8")
        # The first build runs before the server starts and reloads no browser.
        return text.count("Building documentation") - 1 <= text.count("Reloading browsers")
    wait_for(quiet, "the rebuilds to finish")


def _banner_text(page, url: str) -> str:
    page.goto(url, wait_until="domcontentloaded")
    banner = page.locator(BANNER)
    assert banner.count() == 1, f"no banner on {url}"
    return banner.inner_text()


@pytest.mark.serve
@pytest.mark.build  # a build of the broken content, at the end
def test_the_banner_shows_each_error_in_the_page_language_until_the_files_are_fixed(preview, browser, tmp_path):
    project, origin, log = preview
    originals = {p: p.read_bytes() for p in (project / "content_data").rglob("*") if p.is_file()}
    lines = _break(project)
    # Two files, two saves: wait for the build that has read both, on every page checked.
    both = (f"competency.yml:{lines['competency']}:", f"why.yml:{lines['why']}:")
    wait_for(lambda: all(all(where in get(origin + url) for where in both) for url in PAGES), "both errors shown")
    _settled(log)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    without_live_reload(context)
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    try:
        english = _banner_text(page, origin + "/competencies/collaboration/")
        assert "The content has errors: this preview shows the last valid version" in english
        assert f"content_data/competencies/collaboration/competency.yml:{lines['competency']}:" in english
        assert f"content_data/competencies/collaboration/why.yml:{lines['why']}:" in english
        assert "How to fix:" in english
        assert "put this text in quotes" in english
        assert PASTED[:20] in english, "the pasted markup must show as text"
        assert page.locator(f"{BANNER} img").count() == 0
        assert page.title() != "1"
        # The last valid content is still there, below the banner.
        article = page.locator("article")
        assert "Work towards shared objectives" in article.inner_text()
        assert page.locator(BANNER).bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "preview-errors-en.png"))
        assert accessibility_problems(page) == []
        assert small_text_problems(page) == []

        french = _banner_text(page, origin + "/fr/competencies/collaboration/")
        assert "Le contenu comporte des erreurs" in french
        assert "Pour corriger" in french and "How to fix" not in french
        assert f"content_data/competencies/collaboration/competency.yml:{lines['competency']}:" in french
        assert "mettez ce texte entre guillemets" in french, "the catalogue's messages are in French"
        assert "contient du HTML ou un script" in french, "every message is in French, the decoder's too"
        assert page.locator(f"{BANNER} [lang=fr]").count() >= 4
        assert page.locator(f"{BANNER} [lang=en]").count() == 0, "no message is left in English"
        assert "Travailler à des objectifs partagés" in page.locator("article").inner_text()
        page.screenshot(path=str(SHOTS / "preview-errors-fr.png"))
        assert accessibility_problems(page) == []

        # Every page carries it, not only the one with the broken item.
        _banner_text(page, origin + "/fr/glossary/")
        _banner_text(page, origin + "/")

        # A build of the same content fails and shows no banner anywhere.
        site = tmp_path / "site"
        result = run_build(project, site)
        assert result.returncode != 0
        assert f"content_data/competencies/collaboration/competency.yml:{lines['competency']}:" in result.stdout + result.stderr
        assert not (site / "index.html").exists()

        page.goto("about:blank")
        for path, data in originals.items():
            if path.read_bytes() != data:
                save(path, data.decode("utf-8"))
        wait_for(lambda: not any(BANNER.strip(".") in get(origin + url) for url in PAGES), "the fixed content")
        _settled(log)
        for url in ("/competencies/collaboration/", "/fr/competencies/collaboration/"):
            page.goto(origin + url, wait_until="domcontentloaded")
            assert page.locator(BANNER).count() == 0, f"the banner stayed on {url}"
            assert page.locator("article h1").count() == 1
    finally:
        context.close()


def test_a_build_of_valid_content_has_no_banner(site):
    pages = list(site.rglob("*.html"))
    assert pages
    assert not [p for p in pages if BANNER.strip(".") in p.read_text(encoding="utf-8")]

