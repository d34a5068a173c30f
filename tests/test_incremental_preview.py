"""`make serve` rebuilds only what an edit changed, and never leaves a page stale.

A real `mkdocs serve --dirty` (as `make serve` runs it) of a catalogue of two
competencies, in a git checkout. After each edit, every page of the served site is read: each page
that showed the old text shows the new one and none shows the old one; pages
that cannot show it (the other competency's, the other language's) were not
written again (their files keep their modification time).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_project
from serve_helper import get, mkdocs_serve, save, wait_for
from guide.exports.open_data import JSON_NAME

FIXTURES = Path(__file__).parent / "fixtures" / "catalogue"
OTHER = "fixture-teamwork"
COMPETENCY = Path("content_data/competencies/collaboration/competency.yml")
pytestmark = pytest.mark.serve
REBUILT = "Preview: rebuilt"


THEME_PAGES = ("404.html", "sitemap.xml", "fr/sitemap.xml")


def _replace(path: Path, old: str, new: str) -> None:
    """Save as an editor does, in one step (the watcher sees one change, never half a file)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    save(path, text.replace(old, new, 1))


class Preview:
    """A running `mkdocs serve --dirty`, its log and the folder it serves."""

    def __init__(self, project: Path, log: Path, url: str) -> None:
        self.project, self.log, self.url = project, log, url

    def builds(self) -> int:
        return self.log.read_text(encoding="utf-8").count(REBUILT)

    def site(self) -> Path:
        return Path(re.search(r"documentation to directory: (\S+)", self.log.read_text(encoding="utf-8"))[1])

    def pages(self) -> dict[str, tuple[int, str]]:
        """Every page's address → (its file's modification time, its HTML); also the
        theme's own pages, the 404 page and the sitemaps."""
        site = self.site()
        pages = {"/" + "".join(f"{part}/" for part in p.parent.relative_to(site).parts):
                 (p.stat().st_mtime_ns, p.read_text(encoding="utf-8")) for p in site.rglob("index.html")}
        for name in THEME_PAGES:
            pages["/" + name] = ((site / name).stat().st_mtime_ns, (site / name).read_text(encoding="utf-8"))
        return pages

    def indexed(self, lang: str = "en") -> tuple[set[str], str]:
        """The pages a language's search index holds, and the index itself."""
        raw = (self.site() / ("" if lang == "en" else lang) / "search" / "search_index.json").read_text(encoding="utf-8")
        return {doc["location"].split("#")[0] for doc in json.loads(raw)["docs"]}, raw

    def edit(self, path: Path, old: str, new: str) -> dict[str, tuple[int, str]]:
        """Edit, wait for the rebuild to be served, return the pages before and after."""
        before, count = self.pages(), self.builds()
        # A page written again must get a later time than it has: wait until the file
        # system's clock, as a new file shows it, has passed every page's.
        latest, probe = max(mtime for mtime, _ in before.values()), self.site().parent / f".guide-test-clock-{os.getpid()}"
        wait_for(lambda: probe.write_bytes(b"") == 0 and probe.stat().st_mtime_ns > latest, "the file system's clock")
        probe.unlink()
        _replace(self.project / path, old, new)
        wait_for(lambda: self.builds() > count, f"the rebuild after editing {path}")
        get(self.url)  # MkDocs holds requests until the rebuild is fully written
        return before

    def show_all(self, before: dict, after: dict, old: str, new: str) -> set[str]:
        """Every page that showed ``old`` shows ``new`` and none shows ``old``; returns them."""
        showing = {url for url, (_, html) in before.items() if old in html}
        assert showing, f"no page showed {old!r} before the edit"
        assert not [url for url in showing if new not in after[url][1]], "pages without the new text"
        assert not [url for url, (_, html) in after.items() if old in html], "pages still showing the old text"
        return showing


@contextlib.contextmanager
def _preview(project: Path, log_path: Path) -> Iterator[Preview]:
    with mkdocs_serve(project, log_path, dirty=True) as served:
        yield Preview(project, log_path, served.url)


def _two_competencies(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    shutil.copytree(FIXTURES / OTHER, project / "content_data" / "competencies" / OTHER)
    sources = project / "content_data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip("\n") + "\n"
                       + (FIXTURES / "sources.yml").read_text(encoding="utf-8"), encoding="utf-8")
    # A git checkout, as an editor's clone is: the translation status then comes from
    # git, and every edit changes it (uncommitted lines are the newest).
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "content"], cwd=project, check=True)
    return project


def _unchanged(before: dict, after: dict, urls) -> list[str]:
    return [url for url in urls if after[url][0] != before[url][0]]


def test_an_edit_rebuilds_the_pages_that_show_it_in_its_language_only(tmp_path):
    with _preview(_two_competencies(tmp_path), tmp_path / "serve.log") as preview:
        other = [url for url in preview.pages() if f"/competencies/{OTHER}/" in url]
        assert len(other) >= 4, other

        indexed, french_index = preview.indexed(), preview.indexed("fr")
        french_written = (preview.site() / "fr" / "search" / "search_index.json").stat().st_mtime_ns
        before = preview.edit(COMPETENCY, "en: Work towards shared objectives.", "en: Work towards common goals.")
        after = preview.pages()
        shown = preview.show_all(before, after, "Work towards shared objectives.", "Work towards common goals.")
        assert "/competencies/collaboration/" in shown and "/cards/" not in shown, shown
        # The card's new text is in its competency's deck file, which the cards pages load.
        deck = (preview.site() / "cards" / "decks" / f"{COMPETENCY.parent.name}.js").read_text(encoding="utf-8")
        assert "Work towards common goals." in deck and "Work towards shared objectives." not in deck
        assert "Work towards common goals." in get(preview.url + "competencies/collaboration/")
        # Search too: the pages not rebuilt keep their entries, the edited ones have the new text.
        hidden = {f"/{page.stem}/" for page in (preview.project / "docs").glob("*.md")  # search: exclude: true
                  if "\n  exclude: true\n" in page.read_text(encoding="utf-8") and ".fr." not in page.name}
        english = {url[1:] for url in after if not url.startswith("/fr/") and url not in hidden
                   and url[1:] not in THEME_PAGES}
        assert english == indexed[0] == preview.indexed()[0], "pages missing from the search index"
        assert "Work towards common goals" in preview.indexed()[1]
        assert "Work towards shared objectives" not in preview.indexed()[1]
        # The French index lost no entry, and was not written again: none of its entries changed.
        assert preview.indexed("fr") == french_index
        assert (preview.site() / "fr" / "search" / "search_index.json").stat().st_mtime_ns == french_written
        assert not _unchanged(before, after, other), "the other competency's pages were rebuilt"
        # A shared page whose own content did not change is not rebuilt either, nor
        # the theme's pages, which show only the navigation and the footer.
        assert not _unchanged(before, after, ["/", "/glossary/"]), "the home and glossary pages were rebuilt"
        assert not _unchanged(before, after, ["/404.html", "/sitemap.xml"]), "the 404 page or sitemap was rebuilt"
        # Nor is a page of the competency that does not show behaviours.
        assert not _unchanged(before, after, ["/competencies/collaboration/why/", "/competencies/collaboration/tips/"]), \
            "pages of the competency that do not show the edited text were rebuilt"
        french = [url for url in after if url.startswith("/fr/competencies/collaboration/")]
        assert french and not _unchanged(before, after, french), "French pages rebuilt for an English edit"

        before = preview.edit(COMPETENCY, "fr: Travailler à des objectifs partagés.",
                              "fr: Viser des objectifs communs.")
        after = preview.pages()
        shown = preview.show_all(before, after, "Travailler à des objectifs partagés", "Viser des objectifs communs")
        assert "/fr/competencies/collaboration/" in shown, shown
        assert not _unchanged(before, after, other), "the other competency's pages were rebuilt"
        assert "Viser des objectifs communs" in preview.indexed("fr")[1]
        assert "Travailler à des objectifs partagés" not in preview.indexed("fr")[1]
        assert preview.indexed("fr")[0] == french_index[0], "French pages missing from its search index"
        # After two saves the index holds each entry once, as many as at the start.
        locations = [doc["location"] for doc in json.loads(preview.indexed()[1])["docs"]]
        assert len(locations) == len(set(locations)) == len(json.loads(indexed[1])["docs"]), \
            "search entries doubled or lost over the saves"


def test_a_page_whose_edit_link_moved_is_rebuilt(tmp_path):
    """A page's "edit" link names the line its content starts on (levels: for the compare
    page). An edit above it, to a text the page does not show, moves that line."""
    project = _two_competencies(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "\nrepo_url: https://github.com/example/guide\nedit_uri: blob/main/docs/\n", encoding="utf-8")
    link = re.compile(r"competency\.yml#L(\d+)")
    with _preview(project, tmp_path / "serve.log") as preview:
        compare = "/competencies/collaboration/compare/"
        line = int(link.search(preview.pages()[compare][1])[1])
        before = preview.edit(COMPETENCY, "  en: A psychologist at a tax agency deliberately",
                              "  en: >-\n    A psychologist at a revenue agency\n    deliberately")
        after = preview.pages()
        assert "A psychologist at a revenue agency deliberately" in after["/competencies/collaboration/"][1]
        assert int(link.search(after[compare][1])[1]) == line + 2
        assert not _unchanged(before, after, ["/competencies/collaboration/why/"]), "a page of another file rebuilt"


def test_after_a_build_that_failed_half_way_every_page_is_built_again(tmp_path):
    """A build that stops on a page has written some pages, not the search index or
    the 404 page: the next save must not trust what the failed one recorded."""
    with _preview(_two_competencies(tmp_path), tmp_path / "serve.log") as preview:
        home = Path("docs/index.md")
        # An edit, then (before its open data is written, 3 s later) a build that fails:
        # the open data is still written, from the edit's build.
        preview.edit(COMPETENCY, "en: Work towards shared objectives.", "en: Work towards common goals.")
        failed = preview.log.read_text(encoding="utf-8").count("ERROR")
        _replace(preview.project / home, "<!-- guide: catalogue -->", "<!-- guide: no-such-block -->")
        wait_for(lambda: preview.log.read_text(encoding="utf-8").count("ERROR") > failed, "the failed build")
        data = preview.site() / "data" / JSON_NAME
        wait_for(lambda: data.is_file() and "Work towards common goals." in data.read_text(encoding="utf-8"),
                  "the open data of the last build that finished")
        preview.edit(home, "<!-- guide: no-such-block -->", "<!-- guide: catalogue -->")
        rebuilt, present = re.findall(r"Preview: rebuilt (\d+) of (\d+) pages", preview.log.read_text(encoding="utf-8"))[-1]
        assert rebuilt == present, "pages trusted from the failed build"
        # A page added by hand changes no frame, but the sitemap lists it.
        count = preview.builds()
        (preview.project / "docs" / "notes.md").write_text("# Notes\n\nA page of notes.\n", encoding="utf-8")
        wait_for(lambda: preview.builds() > count, "the rebuild after adding a page")
        assert "/notes/</loc>" in (preview.site() / "sitemap.xml").read_text(encoding="utf-8")


def test_a_shared_label_changes_on_every_page_showing_it(tmp_path):
    with _preview(_two_competencies(tmp_path), tmp_path / "serve.log") as preview:
        before = preview.edit(Path("content_data/ui.yml"), "made_with: {en: Made with,", "made_with: {en: Built with,")
        after = preview.pages()
        shown = preview.show_all(before, after, "Made with", "Built with")
        assert f"/competencies/{OTHER}/" in shown and "/glossary/" in shown and "/404.html" in shown, shown
        french = [url for url in after if url.startswith("/fr/")
                  and url[1:] not in THEME_PAGES]  # a new footer: the sitemaps are made again
        assert not _unchanged(before, after, french), "French pages rebuilt for an English label"


def test_the_cards_page_follows_each_deck_edited_renamed_removed_and_added(tmp_path, browser):
    """The cards are in deck files the cards page loads: after each save the open page
    (reloaded by the preview) shows the catalogue's decks as they are, and the site
    holds the deck file of each competency, no other."""
    project = _two_competencies(tmp_path)
    content = project / "content_data" / "competencies"
    with _preview(project, tmp_path / "serve.log") as preview:
        decks = preview.site() / "cards" / "decks"
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("response", lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"))
        # A reload that starts while the next save builds can ask for a deck file that build
        # removes; the build's own reload follows. Only the page as last loaded counts.
        page.on("framenavigated", lambda frame: frame == page.main_frame and errors.clear())
        page.set_default_timeout(120_000)  # a rebuild on a busy machine, then the reload
        page.goto(preview.url + "cards/")

        def wait_until(competencies: list[str], shown: str | None = None, gone: str | None = None) -> None:
            """Wait until the page as last loaded shows these decks (and texts), and the site holds
            their files. Every look at the page is inside the wait: a save can trigger a second
            build (a folder copied file by file) whose reload comes after the first match."""
            expected = [f"{c}.js" for c in competencies]
            page.wait_for_function(
                """([competencies, expected, shown, gone]) => {
                     const cards = [...document.querySelectorAll('.guide-sheets .guide-card')];
                     const decks = [...new Set(cards.map(c => c.dataset.competency))].sort();
                     const scripts = [...document.querySelectorAll('script[src*="cards/decks/"]')]
                                       .map(s => s.getAttribute('src').split('/').pop()).sort();
                     const text = document.querySelector('.guide-sheets')?.innerText ?? '';
                     return JSON.stringify([decks, scripts]) === JSON.stringify([competencies, expected])
                            && (shown === null || text.includes(shown))
                            && (gone === null || !text.includes(gone));
                   }""", arg=[competencies, expected, shown, gone])
            wait_for(lambda: sorted(path.name for path in decks.glob("*.js")) == expected,
                     f"the site's deck files to be {expected}")

        wait_until(["collaboration", OTHER])
        _replace(project / COMPETENCY, "en: Work towards shared objectives.", "en: Work towards common goals.")
        wait_until(["collaboration", OTHER], shown="Work towards common goals.", gone="Work towards shared objectives.")

        # Renamed as an editor does: the folder (an error until its id says the same), then its id.
        renamed = "fixture-crew"
        os.rename(content / OTHER, content / renamed)
        wait_for(lambda: preview.log.read_text(encoding="utf-8").count("ERROR") > 0, "the folder's id error")
        _replace(content / renamed / "competency.yml", f"id: {OTHER}", f"id: {renamed}")
        wait_until(["collaboration", renamed])

        shutil.rmtree(content / renamed)
        wait_until(["collaboration"])

        shutil.copytree(FIXTURES / OTHER, content / OTHER)
        wait_until(["collaboration", OTHER], shown="Work towards common goals.")
        page.close()
        assert errors == []
