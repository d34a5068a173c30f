"""Editing one language of an item flags the other as possibly stale."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT

from guide.loader import load_guide
from guide.translation_status import stale_translations

GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.invalid",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.invalid")


def _git(repo, *args, date="2026-01-01T10:00:00"):
    env = dict(GIT_ENV, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _repo(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content_data", repo / "content_data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "content")
    return repo


def _edit_english(repo):
    path = repo / "content_data" / "competencies" / "collaboration" / "competency.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("en: Work towards shared objectives.", "en: Work towards common objectives."),
                    encoding="utf-8")


def test_a_fresh_repository_has_every_translation_in_step(tmp_path):
    repo = _repo(tmp_path)
    assert stale_translations(repo, load_guide(repo / "content_data").bilingual) == []


def test_an_english_edit_lists_the_item_as_stale_in_french(tmp_path):
    repo = _repo(tmp_path)
    _edit_english(repo)
    _git(repo, "commit", "-qam", "reword", date="2026-03-05T10:00:00")
    stale = stale_translations(repo, load_guide(repo / "content_data").bilingual)
    assert [(s.item, s.newer, s.newer_date, s.older_date) for s in stale] == [
        ("adopt-shared-objectives", "en", "2026-03-05", "2026-01-01")]
    assert "check that the French still says the same" in stale[0].format()


def test_an_uncommitted_edit_counts_as_the_newest(tmp_path):
    repo = _repo(tmp_path)
    _edit_english(repo)
    stale = stale_translations(repo, load_guide(repo / "content_data").bilingual)
    assert [(s.item, s.newer, s.newer_date) for s in stale] == [
        ("adopt-shared-objectives", "en", "not yet committed")]


def test_changing_both_languages_together_clears_the_warning(tmp_path):
    repo = _repo(tmp_path)
    path = repo / "content_data" / "competencies" / "collaboration" / "competency.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("en: Work towards shared objectives.", "en: Work towards common objectives.")
                    .replace("fr: Travailler à des objectifs partagés.", "fr: Travailler à des buts communs."),
                    encoding="utf-8")
    _git(repo, "commit", "-qam", "reword both", date="2026-03-05T10:00:00")
    assert stale_translations(repo, load_guide(repo / "content_data").bilingual) == []


def test_without_git_history_the_status_is_unknown_not_fine(tmp_path):
    shutil.copytree(ROOT / "content_data", tmp_path / "content_data")
    assert stale_translations(tmp_path, load_guide(tmp_path / "content_data").bilingual) is None


def test_the_report_command_prints_a_warning_line(tmp_path):
    repo = _repo(tmp_path)
    _edit_english(repo)
    result = subprocess.run([sys.executable, str(ROOT / "scripts/translation_status.py"), str(repo)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "WARNING translation: content_data/competencies/collaboration/competency.yml:" in result.stdout
    assert "'adopt-shared-objectives'" in result.stdout


def test_the_editors_page_exists_in_both_languages_outside_the_navigation(site):
    for prefix in ("", "fr/"):
        html = (site / prefix / "translation-status" / "index.html").read_text(encoding="utf-8")
        assert "translation-status" not in html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
