"""`make markdown`: the guide as plain Markdown builds without the hooks, with the
same pages and every link resolving; the stages before the site import no generator."""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from html_text import normalise, visible_text
from quality_checks import broken_link_problems
from stage_imports import generator_imports

from guide.exports.markdown import ExportError, export_markdown, linker, page_url, site_root, source_of


def html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def article_text(page: Path) -> str:
    """What a reader reads in the page's content, navigation and theme aside."""
    found = re.search(r"<article[^>]*>(.*)</article>", page.read_text(encoding="utf-8"), re.S)
    return normalise(visible_text(found.group(1))) if found else ""


def text_differences(site: Path, other: Path) -> dict[str, set[str]]:
    """Page → the kinds of change (insert, delete, replace) from ``site``'s text to ``other``'s."""
    out = {}
    for page in html_pages(site):
        if not (other / page).is_file():
            continue  # compared by the page lists
        ours, theirs = article_text(site / page), article_text(other / page)
        if ours != theirs:
            out[page] = {op for op, *_ in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
                         if op != "equal"}
    return out


def build_export(folder: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """The export built as a plain MkDocs project: no hooks, Material as it ships."""
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "GUIDE_PUBLISH")}
    return subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)],
                          cwd=folder, env=env | {"NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=300)


@pytest.mark.build
def test_the_export_builds_without_hooks_with_the_same_pages_and_every_link_resolving(site, tmp_path):
    export = export_markdown(ROOT, tmp_path / "export")
    config = (export.folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "custom_dir" not in config
    built = build_export(export.folder, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    # The French 404 page is the guide's own (its hooks render one per language).
    assert html_pages(tmp_path / "site") == [page for page in html_pages(site) if page != "fr/404.html"]
    assert broken_link_problems(tmp_path / "site") == []
    # Every page reads the same, except Material's own 404 page (the guide's is a
    # template of the hooks), and the home pages, which lack the offline zip's
    # section: an export has no zip.
    assert text_differences(site, tmp_path / "site") == {
        "404.html": {"replace", "delete"}, "index.html": {"delete"}, "fr/index.html": {"delete"}}
    # One permalink title would serve both languages: English on French pages.
    french = [page for page in html_pages(tmp_path / "site") if page.startswith("fr/")]
    assert [page for page in french if 'title="Permanent link"' in (tmp_path / "site" / page).read_text("utf-8")] == []


@pytest.mark.build
def test_links_written_for_zensical_do_not_resolve_under_mkdocs(tmp_path):
    """The generator matters: Zensical rebases links in raw HTML from the source file,
    so links written for it point elsewhere when MkDocs leaves them as they are."""
    export = export_markdown(ROOT, tmp_path / "export", generator="zensical", history=False)
    built = build_export(export.folder, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    problems = broken_link_problems(tmp_path / "site")
    assert any("competencies/collaboration/self-assessment/index.html: dead link" in p for p in problems), problems


HOSTILE_NAME = 'R&D "quoted" 1 < 2 > 0 &amp; &lt;i&gt;'


@pytest.mark.build
def test_a_competency_name_with_markup_reads_as_typed_in_the_hook_free_build(tmp_path):
    """The hooks escape a page's title on each page; without them the stub carries it
    escaped, and the navigation and site name are escaped as the hooks write them."""
    project = copy_project(tmp_path / "project")
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    text = competency.read_text(encoding="utf-8")
    competency.write_text(text.replace("  en: Collaboration with partners and stakeholders\n",
                                       f"  en: {json.dumps(HOSTILE_NAME)}\n", 1), encoding="utf-8")
    export = export_markdown(project, tmp_path / "export", history=False)
    built = build_export(export.folder, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    for page in ("competencies/collaboration/index.html", "competencies/collaboration/tips/index.html", "index.html"):
        page_html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        shown = visible_text(page_html)  # the tab's title, header, navigation and content
        assert shown.count(HOSTILE_NAME) == shown.count('R&D "quoted"') > 0, (page, shown[:400])


def test_links_are_written_from_the_page_address_for_mkdocs_and_from_the_source_for_zensical():
    page = source_of("competencies/collaboration/self-assessment.fr.md")
    pages = {"competencies/collaboration/tips.fr.md", "sources.fr.md", "index.fr.md"}
    # MkDocs: the browser resolves from fr/competencies/collaboration/self-assessment/
    mkdocs = linker(page, "mkdocs", pages)
    assert (mkdocs("competencies/collaboration/tips.md"), mkdocs("sources.md"), mkdocs("index.md")) == (
        "../tips/", "../../../sources/", "../../../")
    assert site_root(page, "mkdocs") == "../../../../"
    # Zensical rebases from competencies/collaboration/ in the French tree
    zensical = linker(page, "zensical", pages)
    assert (zensical("competencies/collaboration/tips.md"), zensical("sources.md"), zensical("index.md")) == (
        "tips/", "../../sources/", "../../")
    assert site_root(page, "zensical") == "../../"
    # Without directory URLs (MkDocs' use_directory_urls: false), from fr/competencies/collaboration/
    assert page_url("competencies/collaboration/tips.md", "fr", directory_urls=False) == \
        "fr/competencies/collaboration/tips.html"
    assert linker(page, "mkdocs", pages, directory_urls=False)("sources.md") == "../../sources.html"
    with pytest.raises(ExportError, match="links to glossary.md, which has no page in fr"):
        mkdocs("glossary.md")


def test_an_export_replaces_an_earlier_one_and_nothing_else(tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="holds other files"):
        export_markdown(ROOT, taken, history=False)
    assert (taken / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(ExportError, match="inside the project's sources"):
        export_markdown(ROOT, ROOT / "docs" / "export", history=False)
    with pytest.raises(ExportError, match="GENERATOR=hugo"):
        export_markdown(ROOT, tmp_path / "new", generator="hugo", history=False)
    first = export_markdown(ROOT, tmp_path / "export", history=False)
    (first.folder / "docs" / "stale.md").write_text("a page of an earlier export", encoding="utf-8")
    again = export_markdown(ROOT, tmp_path / "export", history=False)
    assert not (again.folder / "docs" / "stale.md").exists()
    assert (again.folder / "docs" / "competencies" / "collaboration" / "tips.fr.md").is_file()


def test_content_history_render_and_exports_import_no_generator():
    assert generator_imports(ROOT / "hooks") == []


def test_the_import_check_finds_a_generator_import_through_another_module(tmp_path):
    hooks = tmp_path / "hooks"
    for folder in ("guide/render", "guide/site"):
        (hooks / folder).mkdir(parents=True)
        (hooks / folder / "__init__.py").write_text("", encoding="utf-8")
    (hooks / "guide" / "__init__.py").write_text("", encoding="utf-8")
    (hooks / "guide" / "render" / "page.py").write_text("from ..site import wiring\n", encoding="utf-8")
    (hooks / "guide" / "site" / "wiring.py").write_text(
        "def f():\n    from mkdocs.structure.files import File\n", encoding="utf-8")
    assert generator_imports(hooks) == [
        "guide.render.page -> guide.site.wiring -> mkdocs.structure.files"]


def run_script(**env: str) -> subprocess.CompletedProcess[str]:
    """scripts/export_markdown.py as `make markdown` runs it: hooks/ on PYTHONPATH, OUT in the environment."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "export_markdown.py")],
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), **env),
                          capture_output=True, text=True, timeout=120)


def test_make_markdown_says_what_is_wrong_with_out_in_one_line(tmp_path):
    a_file = tmp_path / "a file; touch pwned"
    a_file.write_text("", encoding="utf-8")
    for out, says in ((a_file, "is a file, not a folder"), (ROOT / "docs" / "x", "inside the project's sources"),
                      (Path("/proc/no/such"), "cannot be written")):
        result = run_script(OUT=str(out))
        assert result.returncode == 1, result.stdout
        assert says in result.stderr and "Traceback" not in result.stderr, result.stderr
    result = run_script(OUT=str(tmp_path / "x y; touch pwned"), GENERATOR="zensical")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x y; touch pwned" / "mkdocs.yml").is_file() and not (tmp_path / "pwned").exists()
    assert "cd '" in result.stdout  # the hint's folder is quoted for a shell


def test_make_markdown_speaks_the_editors_language(tmp_path):
    result = run_script(OUT=str(tmp_path / "export"), GUIDE_LANG="fr")
    assert result.returncode == 0, result.stderr
    assert " pages et un mkdocs.yml sans hooks écrits dans " in result.stdout, result.stdout
    assert "mkdocs build --strict" in result.stdout and "build them" not in result.stdout
    result = run_script(OUT="/proc/no/such", GUIDE_LANG="fr")
    assert result.returncode == 1 and "OUT=/proc/no/such\u00a0: impossible d\u2019y écrire" in result.stderr, \
        result.stderr


def test_make_markdown_tells_what_stops_it_in_the_editors_language(tmp_path):
    """Each refusal of OUT and GENERATOR, in French with GUIDE_LANG=fr, and still in English without."""
    a_file = tmp_path / "a file"
    a_file.write_text("", encoding="utf-8")
    for env, says in (({"OUT": str(a_file)}, "c\u2019est un fichier, pas un dossier"),
                      ({"OUT": str(ROOT / "docs" / "x")}, "dans les sources du projet"),
                      ({"OUT": str(tmp_path / "new"), "GENERATOR": "hugo"}, "GENERATOR=hugo\u00a0: inconnu")):
        result = run_script(GUIDE_LANG="fr", **env)
        assert result.returncode == 1 and says in result.stderr, result.stderr
    result = run_script(OUT=str(tmp_path / "new"), GENERATOR="hugo")
    assert "GENERATOR=hugo: unknown; use mkdocs or zensical" in result.stderr, result.stderr
