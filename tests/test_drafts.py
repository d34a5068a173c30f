"""Drafts: a competency marked ``draft: true`` is previewed while it is written, never published.

A scaffolded competency is a draft: under ``make serve`` its pages show each
unwritten text marked "to write" in the page's language with a one-line notice,
and ``make check`` lists what is left without failing. ``mkdocs build`` leaves a
draft out of everything it publishes, and still refuses an unwritten text in a
competency that is not a draft.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, fixture_catalogue_project, make_check, run_build

DRAFT = "teamwork-draft"


def _with_draft(project: Path, draft: bool = True) -> Path:
    """The project with a scaffolded competency, a draft unless ``draft`` is false."""
    from guide.content.scaffold import scaffold

    folder = project / "content_data" / "competencies" / DRAFT
    folder.mkdir(parents=True)
    text = scaffold(DRAFT)
    if not draft:
        text = text.replace("\ndraft: true\n", "\n")
    (folder / "competency.yml").write_text(text, encoding="utf-8")
    return folder / "competency.yml"


def test_the_scaffold_is_a_draft_that_loads_for_the_preview_only(tmp_path):
    from guide.content.loader import load_guide

    project = copy_project(tmp_path / "project")
    written = _with_draft(project)
    assert "\ndraft: true\n" in written.read_text(encoding="utf-8")
    published = load_guide(project / "content_data")
    assert DRAFT not in [f.id for f in published.competencies]
    previewed = load_guide(project / "content_data", drafts=True)
    folder = previewed.folder(DRAFT)
    assert folder.draft
    lines = written.read_text(encoding="utf-8").splitlines()
    marked = [n for n, line in enumerate(lines, 1) if not line.startswith("#")
              and ("TO WRITE" in line or "À RÉDIGER" in line or "to-choose" in line)]
    assert sorted({e.line for e in folder.unwritten}) == marked


def test_a_finished_competency_with_an_unwritten_text_is_refused(tmp_path):
    from guide.content.errors import ContentInvalid
    from guide.content.loader import load_guide

    project = copy_project(tmp_path / "project")
    written = _with_draft(project, draft=False)
    for drafts in (False, True):
        with pytest.raises(ContentInvalid) as caught:
            load_guide(project / "content_data", drafts=drafts)
        report = caught.value.report()
        assert "still marked as to be written" in report and "unknown source 'to-choose'" in report
        assert f"content_data/competencies/{DRAFT}/competency.yml:" in report, report[:400]
    assert written.is_file()


def test_make_check_says_what_each_draft_still_lacks(tmp_path):
    project = copy_project(tmp_path / "project")
    written = _with_draft(project)
    check = make_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    said = check.stdout + check.stderr
    assert f"competencies/{DRAFT}" in said and "draft" in said
    lines = written.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if "TO WRITE" in line and not line.startswith("#"):
            assert f"content_data/competencies/{DRAFT}/competency.yml:{n}:" in said, n


@pytest.mark.build
def test_a_published_build_leaves_a_draft_out_of_everything(tmp_path):
    """No page, card, open data, CASE item, search entry, sitemap entry or PDF of a draft."""
    from guide.content.loader import load_guide
    from guide.publish.downloads import plan

    project = fixture_catalogue_project(tmp_path / "project")
    _with_draft(project)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert not (site / "competencies" / DRAFT).exists() and not (site / "fr" / "competencies" / DRAFT).exists()
    mentions = [str(p.relative_to(site)) for p in site.rglob("*")
                if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml", ".js")
                and (DRAFT in p.read_text(encoding="utf-8", errors="replace")
                     or re.search("TO WRITE|À RÉDIGER", p.read_text(encoding="utf-8", errors="replace")))]
    assert mentions == []
    guide = load_guide(project / "content_data")
    assert not [d for d in plan(guide) if DRAFT in str(d)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_drafts_page_marks_each_unwritten_text_in_the_pages_language(tmp_path, lang):
    from guide.content.loader import load_guide
    from guide.render.base import Context
    from guide.render.competency import render_competency
    from guide.site.drafts import draft_notice, mark_unwritten

    project = copy_project(tmp_path / "project")
    _with_draft(project)
    guide = load_guide(project / "content_data", drafts=True).focus(DRAFT)
    shown = mark_unwritten(render_competency(Context(guide, lang, link=lambda uri: uri)).markdown, guide.labels, lang)
    word = {"en": "to write", "fr": "à rédiger"}[lang]
    assert shown.count(f'<mark class="guide-to-write">{word}</mark>') >= 10
    assert "TO WRITE" not in shown and "À RÉDIGER" not in shown
    assert "scale intro" not in shown  # the scaffold's hint names the model's keys, in English
    assert shown.count({"en": "source to choose", "fr": "source à choisir"}[lang]) >= 10
    notice = draft_notice(guide.labels, lang, len(guide.folder().unwritten))
    assert str(len(guide.folder().unwritten)) in notice and notice.count("<p") == 1


def test_the_preview_banner_lists_a_readable_number_and_counts_the_rest():
    from guide.content.errors import ContentError
    from guide.content.loader import load_guide
    from guide.content.messages import Said
    from guide.render.preview_errors import preview_banner

    labels = load_guide(ROOT / "content_data").labels
    errors = [ContentError("content_data/x.yml", n, 1, Said(f"mistake {n}", f"erreur {n}"), Said("fix it", "corrigez"))
              for n in range(1, 31)]
    banner = preview_banner(errors, labels, "fr")
    assert 3 <= banner.count("<li>") <= 10
    assert f"{30 - banner.count('<li>')} de plus" in banner
