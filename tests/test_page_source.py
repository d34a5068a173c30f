"""Each page says when its content last changed and links to the YAML behind it.

Built from a scratch git repository with a known commit date, so the date on
the page must be that commit's, not the build's day; and without ``repo_url``
neither the date nor the link appears, and nothing fails.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import copy_project
from html_text import normalise, visible_text
from test_translation_status import _git

from guide.history.page_source import PageSource, edit_url

REPO = "https://github.com/example/guide"


def _build(project, site):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_OFFLINE_BUNDLE="0")
    env.pop("SITE_URL", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def _footer(site, path):
    page = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<aside class="guide-page-source">.*?</aside>', page, re.S)
    return found[0] if found else None


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The project in a git repository committed on 5 March 2026, with a repo_url."""
    tmp = tmp_path_factory.mktemp("published")
    project = copy_project(tmp / "project")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nrepo_url: {REPO}\nedit_uri: blob/main/docs/\n")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "content", date="2026-03-05T10:00:00+00:00")
    site = tmp / "site"
    _build(project, site)
    return site


def test_a_content_page_shows_its_commit_date_and_links_to_its_yaml_line(published):
    english = _footer(published, "competencies/collaboration")
    assert english is not None
    assert normalise(visible_text(english)) == normalise(
        "Last updated: 5 March 2026 · Edit this page (content_data/competencies/collaboration/competency.yml)")
    assert '<time datetime="2026-03-05">' in english
    assert f'href="{REPO}/blob/main/content_data/competencies/collaboration/competency.yml#L5"' in english
    french = _footer(published, "fr/competencies/collaboration")
    assert normalise(visible_text(french)) == normalise(
        "Dernière mise à jour\u00a0: 5 mars 2026 · Modifier cette page (content_data/competencies/collaboration/competency.yml)")
    assert f'href="{REPO}/blob/main/content_data/competencies/collaboration/competency.yml#L5"' in french


def test_each_page_links_to_its_own_file(published):
    expected = {"competencies/collaboration/tips": "content_data/competencies/collaboration/tips.yml",
                "fr/competencies/collaboration/why": "content_data/competencies/collaboration/why.yml",
                "competencies/collaboration/workshop": "content_data/competencies/collaboration/workshop.yml",
                "competencies/collaboration/self-assessment": "content_data/competencies/collaboration/competency.yml",
                "self-assessment": "docs/self-assessment.md",
                "contribute": "docs/contribute.md", "fr/contribute": "docs/contribute.fr.md"}
    for path, source in expected.items():
        footer = _footer(published, path)
        assert footer is not None and f"{REPO}/blob/main/{source}#L" in footer, (path, footer)
    sa = _footer(published, "competencies/collaboration/self-assessment")
    source = (published.parent / "project/content_data/competencies/collaboration/competency.yml").read_text(encoding="utf-8")
    levels = next(n for n, line in enumerate(source.splitlines(), 1) if line.startswith("levels:"))
    assert f"competency.yml#L{levels}" in sa


def test_without_repo_url_there_is_neither_date_nor_link(site):
    pages = list(site.rglob("index.html"))
    assert pages and not [p for p in pages if 'class="guide-page-source"' in p.read_text(encoding="utf-8")]


def test_edit_links_follow_the_host():
    source = PageSource("content_data/tips.yml", 12)
    assert edit_url(REPO, "edit/main/docs/", "docs", source) == f"{REPO}/edit/main/content_data/tips.yml"
    assert edit_url("https://gitlab.com/g/p", "-/blob/main/docs/", "docs", source) == \
        "https://gitlab.com/g/p/-/blob/main/content_data/tips.yml#L12"
    assert edit_url(REPO, None, "docs", source) is None
    assert edit_url(None, "edit/main/docs/", "docs", source) is None
