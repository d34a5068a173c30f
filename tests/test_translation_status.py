"""Editing one language of an item flags the other as possibly stale."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys

from conftest import ROOT, script_env

from guide.content.loader import load_guide
from guide.history.translation_status import stale_translations

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


def _replace_in_competency(repo, old: str, new: str) -> None:
    path = repo / "content_data" / "competencies" / "collaboration" / "competency.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _edit_english(repo):
    _replace_in_competency(repo, "en: Work towards shared objectives.", "en: Work towards common objectives.")


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
    assert "check that the French still says the same" in stale[0].told()


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
                            env=script_env(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "WARNING translation: content_data/competencies/collaboration/competency.yml:" in result.stdout
    assert "'adopt-shared-objectives'" in result.stdout


def _status_command(repo, **env):
    return subprocess.run([sys.executable, str(ROOT / "scripts/translation_status.py"), str(repo)],
                          env=script_env(**env), capture_output=True, text=True, timeout=60)


def test_the_report_command_speaks_the_editors_language(tmp_path):
    repo = _repo(tmp_path)
    french = _status_command(repo, GUIDE_LANG="fr")
    assert french.returncode == 0 and french.stdout.startswith("traductions\u00a0: "), french.stdout
    _edit_english(repo)
    french = _status_command(repo, GUIDE_LANG="fr")
    assert "AVERTISSEMENT traduction\u00a0: content_data/competencies/collaboration/competency.yml:" in french.stdout
    assert "l\u2019anglais a changé" in french.stdout and "pas encore validé" in french.stdout, french.stdout
    assert not re.search(r"\b(?:the|changed|check|English|French|not yet)\b", french.stdout), french.stdout
    shutil.rmtree(repo / ".git")
    assert _status_command(repo, GUIDE_LANG="fr").stdout.startswith("état des traductions inconnu")


def test_the_report_command_on_invalid_content_prints_its_errors_not_a_traceback(tmp_path):
    repo = _repo(tmp_path)
    _replace_in_competency(repo, "en: Work towards shared objectives.", "en:")
    for lang, says in (("en", "The guide's content has 1 error:"), ("fr", "Le contenu du guide comporte 1 erreur")):
        result = _status_command(repo, GUIDE_LANG=lang)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr and result.stderr.startswith(says), result.stderr
        assert "competency.yml:" in result.stderr


def test_the_editors_page_exists_in_both_languages_outside_the_navigation(site):
    for prefix in ("", "fr/"):
        html = (site / prefix / "translation-status" / "index.html").read_text(encoding="utf-8")
        assert "translation-status" not in html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]


# -- marking a translation as reviewed ------------------------------------------------

def _mark_reviewed(repo, *ids):
    return subprocess.run([sys.executable, str(ROOT / "scripts/mark_reviewed.py"), "--root", str(repo), *ids],
                          env=script_env(), capture_output=True, text=True, timeout=60)


def _edit_french_only(repo):
    _replace_in_competency(repo, "fr: Travailler à des objectifs partagés.", "fr: Œuvrer à des objectifs partagés.")


def test_a_review_clears_the_warning_without_touching_the_english_until_the_english_changes(tmp_path):
    from guide.history.translation_status import translation_status

    repo = _repo(tmp_path)
    _edit_french_only(repo)
    _git(repo, "commit", "-qam", "French wording", date="2026-03-05T10:00:00")
    items = lambda: load_guide(repo / "content_data").bilingual  # noqa: E731
    assert [s.item for s in stale_translations(repo, items())] == ["adopt-shared-objectives"]
    competency = repo / "content_data/competencies/collaboration/competency.yml"
    english_before = [line for line in competency.read_text(encoding="utf-8").splitlines() if line.strip().startswith("en:")]

    result = _mark_reviewed(repo, "adopt-shared-objectives")
    assert result.returncode == 0, result.stderr
    assert "recorded: 'adopt-shared-objectives' reviewed on" in result.stdout
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "reviewed", date="2026-03-06T10:00:00")
    status = translation_status(repo, items())
    assert status.stale == []
    reviewed_on = result.stdout.split("reviewed on ")[1][:10]
    assert [(r.item, r.date) for r in status.reviewed] == [("adopt-shared-objectives", reviewed_on)]
    assert [line for line in competency.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith("en:")] == english_before, "the English was touched"
    report = subprocess.run([sys.executable, str(ROOT / "scripts/translation_status.py"), str(repo)],
                            env=script_env(), capture_output=True, text=True, timeout=60)
    assert "WARNING" not in report.stdout

    _edit_english(repo)
    _git(repo, "commit", "-qam", "English wording", date="2026-04-01T10:00:00")
    status = translation_status(repo, items())
    assert [(s.item, s.newer, s.newer_date) for s in status.stale] == [("adopt-shared-objectives", "en", "2026-04-01")]
    assert status.reviewed == []


def test_a_review_of_an_unknown_item_is_refused_with_a_suggestion(tmp_path):
    repo = _repo(tmp_path)
    result = _mark_reviewed(repo, "adopt-shared-objective")
    assert result.returncode == 1
    assert "did you mean 'adopt-shared-objectives'?" in result.stderr
    assert not (repo / "content_data" / "translation-reviews.json").exists()


def test_the_status_page_lists_reviewed_items_with_their_date_in_both_languages(guide):
    from guide.render.base import Context
    from guide.render.translation import render_translation_status
    from guide.history.translation_status import Reviewed

    reviewed = (Reviewed("adopt-shared-objectives", "content_data/competency.yml", 272, "2026-03-06"),)
    english = render_translation_status(Context(guide, "en", status=[], reviewed=reviewed)).markdown
    french = render_translation_status(Context(guide, "fr", status=[], reviewed=reviewed)).markdown
    assert "## Translations checked" in english and "## Traductions vérifiées" in french
    for page in (english, french):
        # One row of the (phone-friendly) table: where, which item, when.
        rows = re.findall(r"<tr>.*?</tr>", html.unescape(page), re.S)
        assert any("<code>content_data/competency.yml:272</code>" in row and
                   "<code>adopt-shared-objectives</code>" in row and "2026-03-06" in row for row in rows), page
    assert "Translations checked" not in render_translation_status(Context(guide, "en", status=[])).markdown


def test_an_edit_not_yet_committed_is_said_in_the_page_language(guide):
    """The preview shows the status page before an edit is committed: its 'date' is words."""
    from guide.render.base import Context
    from guide.render.translation import render_translation_status
    from guide.history.translation_status import NOT_YET_COMMITTED, Stale

    stale = [Stale("adopt-shared-objectives", "content_data/competency.yml", 272, "en", NOT_YET_COMMITTED,
                   "2026-03-06")]
    french = html.unescape(render_translation_status(Context(guide, "fr", status=stale)).markdown)
    english = html.unescape(render_translation_status(Context(guide, "en", status=stale)).markdown)
    assert "pas encore enregistré dans git" in french and NOT_YET_COMMITTED not in french
    assert NOT_YET_COMMITTED in english and "2026-03-06" in french


def test_a_preview_blames_again_only_what_a_save_or_a_commit_changed(tmp_path, monkeypatch):
    """``BlameCache``: the status a preview computes from kept blames is the status computed
    afresh, after a save, a commit and a commit amended; git blames only the files that
    changed (at 120 competencies, blaming every file took seconds per save)."""
    from guide.content.loader import ParsedFiles
    from guide.history import blame_cache
    from guide.history.blame_cache import BlameCache
    from guide.history.translation_status import blame_lines, translation_status

    repo = _repo(tmp_path)
    blamed: list[str] = []

    def counted(root, file):
        blamed.append(file.name)
        return blame_lines(root, file)

    monkeypatch.setattr(blame_cache, "blame_lines", counted)
    cache, parsed = BlameCache(), ParsedFiles()

    def both():
        items = load_guide(repo / "content_data", parsed).bilingual
        cache.refresh(repo)
        kept = translation_status(repo, items, cache.lines, cache.items)
        fresh = translation_status(repo, items)
        assert kept == fresh
        return kept

    first = both()
    assert first is not None and first.stale == [] and len(blamed) > 3
    blamed.clear()
    assert both() == first and blamed == []  # nothing changed: nothing blamed
    _edit_english(repo)
    assert [s.item for s in both().stale] == ["adopt-shared-objectives"] and blamed == ["competency.yml"]
    blamed.clear()
    _git(repo, "commit", "-qam", "reword", date="2026-03-05T10:00:00")
    assert [s.newer_date for s in both().stale] == ["2026-03-05"] and blamed == ["competency.yml"]
    blamed.clear()
    _git(repo, "commit", "-q", "--amend", "-m", "reworded", date="2026-03-06T10:00:00")  # history rewritten
    assert [s.newer_date for s in both().stale] == ["2026-03-06"] and len(blamed) > 3
