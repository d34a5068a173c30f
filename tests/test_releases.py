"""Releases: make release records them, the "What changed" page lists what each changed."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, copy_project, run_build, script_env

from guide.history.changes import compare
from guide.history.releases import recorded_releases, release_notes

GIT_ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.invalid",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.invalid",
           "PATH": "/usr/bin:/bin"}
COMPETENCY = "content_data/competencies/collaboration/competency.yml"
TIPS = "content_data/competencies/collaboration/tips.yml"
NEW_ADOPT = ("  - id: adopt-ask-what-they-need\n    source: competency-sheet\n"
             "    en: Ask partners what they need from you.\n"
             "    fr: Demander aux partenaires ce qu'ils attendent de vous.\n")


def _git(repo, *args, date="2026-01-01T10:00:00+00:00"):
    env = dict(GIT_ENV, HOME=str(repo), GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout


def _release(repo, version, day):
    env = dict(GIT_ENV, HOME=str(repo), GIT_AUTHOR_DATE=f"{day}T12:00:00+00:00",
               GIT_COMMITTER_DATE=f"{day}T12:00:00+00:00", PYTHONPATH=script_env()["PYTHONPATH"])
    return subprocess.run([sys.executable, str(ROOT / "scripts/release.py"), version, "--date", day,
                           "--root", str(repo)], capture_output=True, text=True, env=env)


def _edit(repo, path, old, new):
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def _block(text: str, start: str) -> str:
    """The YAML list entry starting with ``start``, up to the next entry at the same indent."""
    begin = text.index(start)
    following = re.search(r"^  - id: ", text[begin + len(start):], re.MULTILINE)
    end = begin + len(start) + following.start() if following else len(text)
    return text[begin:end]


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """A scratch repository with releases 1.0 and 1.1: one item added, one removed, one reworded."""
    repo = copy_project(tmp_path_factory.mktemp("releases") / "repo")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "content")
    first = _release(repo, "1.0", "2026-01-10")
    assert first.returncode == 0, first.stderr
    text = (repo / COMPETENCY).read_text(encoding="utf-8")
    at = text.index("\nadopt:\n") + len("\nadopt:\n")
    text = text[:at] + NEW_ADOPT + text[at:]
    avoid = text[text.index("\navoid:\n"):]
    removed = re.search(r"  - id: (avoid-[a-z0-9-]+)\n", avoid).group(1)
    text = text.replace(_block(text, f"  - id: {removed}\n"), "", 1)
    (repo / COMPETENCY).write_text(text, encoding="utf-8")
    _edit(repo, COMPETENCY, "en: Work towards shared objectives.", "en: Work towards common objectives.")
    _git(repo, "commit", "-qam", "content for 1.1", date="2026-02-01T10:00:00+00:00")
    second = _release(repo, "1.1", "2026-02-20")
    assert second.returncode == 0, second.stderr
    site = tmp_path_factory.mktemp("released-site")
    build = run_build(repo, site)
    assert build.returncode == 0 and "WARNING" not in build.stderr, build.stderr
    return repo, site, removed


def _article(page_html: str) -> str:
    return re.search(r"<article.*?</article>", page_html, re.S).group(0)


def _listed(article: str, anchor: str) -> list[str]:
    """The ids listed under a heading of the page (each line names its item's id)."""
    start = article.index(f'id="{anchor}"')
    block = article[start:article.index("</ul>", start)]
    return re.findall(r"<code>([^<]+)</code>", block)


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_the_page_lists_exactly_what_changed_between_two_releases(released, prefix):
    repo, site, removed = released
    article = _article((site / prefix / "changes/index.html").read_text(encoding="utf-8"))
    assert _listed(article, "version-1-1-added") == ["adopt-ask-what-they-need"]
    assert _listed(article, "version-1-1-removed") == [removed]
    assert _listed(article, "version-1-1-reworded") == ["adopt-shared-objectives"]
    assert len(re.findall(r"<li>", article)) == 3, "nothing else is listed"
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    if prefix:
        assert "Demander aux partenaires ce qu" in text and "Version 1.1" in text
        assert "Publiée le 20 février 2026, comparée à la version 1.0" in text
        assert "la première version, avec" in text
        assert "Ask partners" not in text and "Before" not in text
    else:
        assert "Ask partners what they need from you." in text
        assert "Before: Work towards shared objectives." in text
        assert "Released on 20 February 2026, compared with version 1.0." in text
        assert "the first release, with" in text
    # Newest release first.
    assert article.index('id="version-1-1"') < article.index('id="version-1-0"')


@pytest.mark.build
def test_release_records_a_tag_a_commit_and_a_changelog_entry(released):
    repo, site, removed = released
    assert _git(repo, "tag", "--list").split() == ["v1.0", "v1.1"]
    catalogue = _git(repo, "show", "v1.1:content_data/catalogue.yml")
    assert 'version: "1.1"' in catalogue and 'released: "2026-02-20"' in catalogue
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index("## 1.1 (2026-02-20)") < changelog.index("## 1.0 (2026-01-10)")
    assert "`collaboration/adopt-ask-what-they-need`: Ask partners what they need from you\\." in changelog
    assert f"`collaboration/{removed}`" in changelog
    assert "Compared with 1.0: 1 added, 1 removed, 1 reworded." in changelog


@pytest.mark.build
@pytest.mark.parametrize("prefix, words", [("", "Version 1.1"), ("fr/", "Version 1.1")])
def test_the_footer_and_every_export_carry_the_version(released, prefix, words):
    repo, site, removed = released
    page = (site / prefix / "index.html").read_text(encoding="utf-8")
    footer = re.search(r'<div class="guide-version">(.*?)</div>', page, re.S).group(1)
    assert words in footer and 'href="changes/"' in footer
    assert json.loads((site / "data/collaboration-guide.json").read_text("utf-8"))["catalogue"]["version"] == "1.1"
    assert ",1.1\r\n" in (site / "data/collaboration-guide.csv").read_bytes().decode("utf-8-sig")
    for lang in ("en", "fr"):
        package = json.loads((site / f"data/case/{lang}.json").read_text("utf-8"))
        assert package["CFDocument"]["version"] == "1.1"


@pytest.mark.build
def test_release_refuses_an_older_number_and_uncommitted_edits(released, tmp_path):
    repo, site, removed = released
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    older = _release(clone, "1.0.5", "2026-03-01")
    assert older.returncode == 1 and "not after the latest release (1.1)" in older.stderr
    _edit(clone, COMPETENCY, "en: Work towards common objectives.", "en: Work towards joint objectives.")
    dirty = _release(clone, "1.2", "2026-03-01")
    assert dirty.returncode == 1 and "uncommitted changes" in dirty.stderr
    assert _git(clone, "tag", "--list").split() == ["v1.0", "v1.1"]


@pytest.fixture
def scratch(tmp_path):
    """A committed copy of the project, with no release yet (no build: quick)."""
    repo = copy_project(tmp_path / "scratch")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "content")
    return repo


@pytest.mark.parametrize("version, day, says", [
    ("1.1\n", "2026-03-01", "is not a version number"),  # once committed "Release 1.1", then a traceback
    ("1.1\n\n", "2026-03-01", "is not a version number"),
    (" 1.1", "2026-03-01", "is not a version number"),
    ("1.1", "2026-03-01\n", "is not a date"),
    ("1.1", "2026-02-30", "is not a date"),
])
def test_release_refuses_a_bad_number_or_day_before_writing_anything(scratch, version, day, says):
    head = _git(scratch, "rev-parse", "HEAD")
    result = _release(scratch, version, day)
    assert result.returncode == 1 and says in result.stderr and "Nothing was released" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert _git(scratch, "rev-parse", "HEAD") == head and _git(scratch, "tag", "--list") == ""
    assert _git(scratch, "status", "--porcelain") == ""


@pytest.mark.parametrize("hook", ["pre-commit", "pre-push"])
def test_a_release_git_refuses_leaves_nothing_behind(scratch, hook):
    """A hook refusing the commit (or, for contrast, one that does not run): never a
    traceback, never a release commit without its tag, never half-edited files."""
    (scratch / ".git/hooks" / hook).write_text("#!/bin/sh\necho refused by a hook >&2\nexit 1\n", encoding="utf-8")
    (scratch / ".git/hooks" / hook).chmod(0o755)
    head = _git(scratch, "rev-parse", "HEAD")
    result = _release(scratch, "1.0", "2026-03-01")
    assert "Traceback" not in result.stderr, result.stderr
    if hook == "pre-commit":
        assert result.returncode == 1 and "refused by a hook" in result.stderr, result.stderr
        assert _git(scratch, "rev-parse", "HEAD") == head and _git(scratch, "tag", "--list") == ""
        assert _git(scratch, "status", "--porcelain") == ""
    else:
        assert result.returncode == 0 and _git(scratch, "tag", "--list").split() == ["v1.0"]


HOSTILE_LABEL = ("[Log in again](https://evil.example/login), www.evil.example or https://evil.example <3, "
                 "*now* & **a@b.example** `x` &amp; ![i](https://evil.example/i.png) | a | \\\\ _b_ # 1.")


def test_the_changelog_shows_an_item_text_as_typed_never_as_markup(scratch):
    """A valid item text that is also Markdown (a link to another site, an autolink,
    emphasis, an image) is written with every ASCII punctuation escaped, the way
    CommonMark reads text that is only itself."""
    assert _release(scratch, "1.0", "2026-01-10").returncode == 0
    adopt = NEW_ADOPT.replace("Ask partners what they need from you.", '"' + HOSTILE_LABEL.replace("\\", "\\\\") + '"')
    _edit(scratch, COMPETENCY, "\nadopt:\n", "\nadopt:\n" + adopt)
    _git(scratch, "commit", "-qam", "content for 1.1")
    released = _release(scratch, "1.1", "2026-02-20")
    assert released.returncode == 0, released.stderr
    changelog = (scratch / "CHANGELOG.md").read_text(encoding="utf-8")
    [line] = [line for line in changelog.splitlines() if "adopt-ask-what-they-need" in line]
    name, label = line.split(": ", 1)
    assert name == "- `collaboration/adopt-ask-what-they-need`"
    assert not re.search(r"[!-/:-@\[-`{-~]", re.sub(r"\\[!-/:-@\[-`{-~]", "", label)), label
    assert re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", label) == HOSTILE_LABEL


@pytest.mark.build
def test_a_clone_without_tags_builds_and_says_there_is_no_earlier_release(released, tmp_path):
    repo, site, removed = released
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--no-tags", str(repo), str(clone))
    assert recorded_releases(clone) == []
    built = tmp_path / "site"
    build = run_build(clone, built)
    assert build.returncode == 0 and "WARNING" not in build.stderr, build.stderr
    for prefix, words in (("", "nothing has changed yet. When a new version comes out"),
                          ("fr/", "rien n&#8217;a encore changé")):
        page = (built / prefix / "changes/index.html").read_text(encoding="utf-8")
        assert words in page.replace("’", "&#8217;")
        assert "<li>" not in _article(page)


# -- old releases are input too ------------------------------------------------------------

ALIAS_BOMB = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else 'x'] * 9)}]\n" for i in range(9))
DEEP_WHY = "reasons: " + "[" * 3000 + "]" * 3000 + "\n"
# Texts the content's own rules refuse (too long; marks stacked on one letter, which NFC
# sorts in quadratic time): a release holding them is refused the same way.
HOSTILE_TEXTS = ("id: x\nsource: s\nen: " + "a" + "&x;" * 40_000 + "\nfr: " + "e" + "\u0301\u0316" * 30_000 + "\n")


def _tag_broken(repo, tag, path, text, date):
    """Tag a commit whose ``path`` holds ``text``, then put the file back as it was."""
    original = (repo / path).read_text(encoding="utf-8")
    (repo / path).write_text(text, encoding="utf-8")
    _git(repo, "commit", "-qam", f"broken {path}", date=date)
    _git(repo, "tag", tag, date=date)
    (repo / path).write_text(original, encoding="utf-8")
    _git(repo, "commit", "-qam", f"{path} restored", date=date)


@pytest.fixture(scope="module")
def bad_releases(released, tmp_path_factory):
    """The released repository with three more tags a red team made: v1.2, whose
    catalogue.yml is a 9-level alias bomb, v1.3, whose why.yml nests 3,000 deep, and
    v1.4, whose glossary.yml holds a text of 120,000 characters and 60,000 marks
    stacked on one letter."""
    repo = tmp_path_factory.mktemp("bad-releases") / "repo"
    shutil.copytree(released[0], repo, symlinks=True)
    _tag_broken(repo, "v1.2", "content_data/catalogue.yml", ALIAS_BOMB, "2026-03-01T10:00:00+00:00")
    _tag_broken(repo, "v1.3", "content_data/competencies/collaboration/why.yml", DEEP_WHY,
                "2026-03-02T10:00:00+00:00")
    _tag_broken(repo, "v1.4", "content_data/glossary.yml", HOSTILE_TEXTS, "2026-03-03T10:00:00+00:00")
    return repo


def _bounded(seconds):
    """Fail, rather than hang the suite, when a call takes longer than ``seconds``."""
    import signal

    def stop(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)


@pytest.mark.build
def test_a_release_that_cannot_be_read_is_left_out_with_its_tag_and_line(bad_releases, caplog):
    _bounded(30)
    try:
        with caplog.at_level("INFO", logger="mkdocs.hooks.guide"):
            releases = recorded_releases(bad_releases)
    finally:
        import signal
        signal.alarm(0)
    assert [r.version for r in releases] == ["1.0", "1.1"]
    said = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("What changed leaves out release v1.2: content_data/catalogue.yml:1:")
               and "anchors and aliases" in m for m in said), said
    assert any(m.startswith("What changed leaves out release v1.3: "
                            "content_data/competencies/collaboration/why.yml:1:")
               and "nested more than 64 levels" in m for m in said), said
    assert any(m.startswith("What changed leaves out release v1.4: content_data/glossary.yml:3:")
               for m in said), said
    assert all("\n" not in m for m in said), "one line each"
    assert {r.levelname for r in caplog.records} == {"INFO"}, "not a warning: --strict must not fail for ever"
    notes = release_notes(releases)
    assert [(n.version, n.previous) for n in notes] == [("1.1", "1.0"), ("1.0", None)]


@pytest.mark.build
def test_the_build_and_the_next_release_go_on_after_a_bad_release(bad_releases, tmp_path):
    site = tmp_path / "site"
    build = run_build(bad_releases, site)
    assert build.returncode == 0 and "WARNING" not in build.stderr, build.stderr
    assert "What changed leaves out release v1.2: content_data/catalogue.yml:1:" in build.stderr
    article = _article((site / "changes/index.html").read_text(encoding="utf-8"))
    assert 'id="version-1-1"' in article and 'id="version-1-2"' not in article
    assert 'id="version-1-3"' not in article and 'id="version-1-4"' not in article
    clone = tmp_path / "clone"
    shutil.copytree(bad_releases, clone, symlinks=True)
    after = _release(clone, "1.5", "2026-04-01")
    assert after.returncode == 0 and "Traceback" not in after.stderr, after.stderr
    assert "v1.5" in _git(clone, "tag", "--list").split()
    assert "What changed leaves out release v1.3" in after.stderr
    assert "What changed leaves out release v1.4" in after.stderr
    changelog = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog[changelog.index("## 1.5"):changelog.index("## 1.1")]
    assert "Compared with 1.1: 0 added, 0 removed, 0 reworded." in entry, entry


# -- the comparison itself ----------------------------------------------------------------

def _files(**texts):
    return {name.replace("__", "/").replace("_yml", ".yml"): text for name, text in texts.items()}


def test_compare_finds_added_removed_and_reworded_items_by_competency_and_id():
    before = {"competencies/a/competency.yml": "id: a\nname: {en: A, fr: A fr}\nadopt:\n"
                                               "  - {id: x, en: One, fr: Un}\n  - {id: y, en: Two, fr: Deux}\n",
              "sources.yml": "sources:\n  - {id: s, title: T, short: {en: S, fr: S fr}}\n"}
    after = {"competencies/a/competency.yml": "id: a\nname: {en: A, fr: A fr}\nadopt:\n"
                                              "  - {id: x, en: One, fr: Une}\n  - {id: z, en: Three, fr: Trois}\n",
             "competencies/b/competency.yml": "id: b\nname: {en: B, fr: B fr}\n",
             "sources.yml": "sources:\n  - {id: s, title: T, short: {en: S, fr: S fr}}\n",
             "ui.yml": "labels:\n  x: {en: X, fr: X fr}\n"}
    changes = compare(before, after)
    assert [(w.scope, w.id) for w in changes.added] == [("a", "z"), ("b", "b")]
    assert [(w.scope, w.id) for w in changes.removed] == [("a", "y")]
    assert [(b.label.fr, a.label.fr) for b, a in changes.reworded] == [("Un", "Une")]
    assert changes.names["b"].en == "B"


def test_compare_leaves_out_draft_items_and_draft_competencies_as_the_published_site_does():
    """A release tagged while an item or a competency is a draft does not list it as added."""
    before = {"competencies/a/competency.yml": "id: a\nname: {en: A, fr: A fr}\nadopt:\n  - {id: x, en: One, fr: Un}\n"}
    after = {"competencies/a/competency.yml": "id: a\nname: {en: A, fr: A fr}\nadopt:\n  - {id: x, en: One, fr: Un}\n"
                                              "  - {id: d, draft: true, en: Draft, fr: Brouillon}\n",
             "competencies/b/competency.yml": "id: b\ndraft: true\nname: {en: B, fr: B fr}\n",
             "competencies/b/tips.yml": "tips:\n  - {id: tip-b, en: Tip, fr: Astuce}\n"}
    assert not compare(before, after)
    published = after["competencies/a/competency.yml"].replace("draft: true", "draft: false")
    assert [w.id for w in compare(before, {**after, "competencies/a/competency.yml": published}).added] == ["d"]


def test_compare_ignores_reflowed_lines_and_survives_a_broken_file():
    before = {"glossary.yml": "terms:\n  - id: t\n    term: {en: Term, fr: Terme}\n"
                              "    definition:\n      en: A long\n        definition.\n      fr: Une définition.\n"}
    after = {"glossary.yml": "terms:\n  - id: t\n    term: {en: Term, fr: Terme}\n"
                             "    definition:\n      en: A long definition.\n      fr: Une définition.\n",
             "why.yml": "reasons: [unclosed\n"}
    assert not compare(before, after)
    assert [w.id for w in compare({}, before).added] == ["t"]


def test_release_notes_compare_each_release_with_the_one_before():
    from guide.history.releases import Release

    one = Release("1.0", "v1.0", "2026-01-01", {"why.yml": "reasons:\n  - {id: r, en: R, fr: R fr}\n"})
    two = Release("1.1", "v1.1", "2026-02-01", {"why.yml": "reasons:\n  - {id: q, en: Q, fr: Q fr}\n"})
    notes = release_notes([one, two])
    assert [(n.version, n.previous) for n in notes] == [("1.1", "1.0"), ("1.0", None)]
    assert [w.id for w in notes[0].changes.added] == ["q"] and [w.id for w in notes[0].changes.removed] == ["r"]
    assert notes[1].items == 1
    assert shutil.which("git"), "releases are read from git"


# -- the page with its lists, as a person meets it ------------------------------------------

@pytest.mark.build
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_with_its_lists_passes_the_site_checks(released, browser, guide, scheme):
    from conftest import serve
    from quality_checks import (accessibility_problems, duplicate_id_problems, foreign_language_problems,
                                foreign_strings, french_typography_problems, leftover_markup_problems,
                                phone_layout_problems, small_text_problems)
    from test_browser_what_a_person_sees import _labels

    repo, site, removed = released
    shots = ROOT / "test-output" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    problems = []
    with serve(site) as url:
        for width in (1280, 360):
            context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
            page = context.new_page()
            for prefix, lang in (("", "en"), ("fr/", "fr")):
                path = f"/{prefix}changes/"
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                assert page.locator("html").get_attribute("lang") == lang
                where = f"{path} at {width}px ({scheme})"
                if width == 360:
                    problems += [f"{where}: {p}" for p in phone_layout_problems(page) + small_text_problems(page)]
                    page.screenshot(path=str(shots / f"changes-released-{lang}-{scheme}-phone.png"), full_page=True)
                else:
                    problems += [f"{where}: {p}" for p in accessibility_problems(page)]
                    problems += [f"{where}: {p}" for p in leftover_markup_problems(page) + duplicate_id_problems(page)]
                    problems += [f"{where}: {p}" for p in foreign_language_problems(
                        page, lang, foreign_strings(lang, _labels(guide)))]
                    problems += [f"{where}: {p}" for p in french_typography_problems(page)]
            context.close()
    assert not problems, "\n".join(problems)
