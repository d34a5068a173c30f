"""Draft items: one item of a finished competency marked ``draft: true``, previewed, never published.

An editor adds a behaviour, a level behaviour or a tip to a competency already
published and marks that item alone a draft. ``make check`` lists what it still
lacks without failing; ``mkdocs build`` leaves it out of every file it writes
(and every reference to it), the other items and their card codes untouched; the
preview shows it, its unwritten texts marked, with a notice that counts it (the
serve test is in test_draft_preview.py).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, fixture_catalogue_project, make_check, run_build

FOLDER = Path("content_data") / "competencies" / "collaboration"
# Words no other text of the guide holds, so finding one anywhere means a draft leaked.
DRAFT_WORDS = re.compile("zebra|zèbre|okapi|giraffe|girafe|adopt-draft|level-2-draft|tip-draft", re.IGNORECASE)
DRAFT_IDS = ("adopt-draft-zebra", "level-2-draft-okapi", "tip-draft-giraffe")


def with_draft_items(project: Path) -> Path:
    """Three draft items in collaboration (finished): a behaviour to adopt with an unwritten French
    text and a source to choose, a level behaviour, and a tip with an unknown source that a
    finished level behaviour already names among its tips."""
    competency = project / FOLDER / "competency.yml"
    text = competency.read_text(encoding="utf-8")
    drafted = text.replace("adopt:\n  - id: adopt-shared-objectives\n", """adopt:
  - id: adopt-draft-zebra
    draft: true
    source: to-choose
    en: Zebra crossings let ideas move between teams.
    fr: "À RÉDIGER (zèbre)"
  - id: adopt-shared-objectives
""", 1).replace("        tips: [tip-know-partners, tip-commit]\n", """\
        tips: [tip-know-partners, tip-draft-giraffe, tip-commit]
      - id: level-2-draft-okapi
        draft: true
        source: cra-profile
        en: Spot the okapi of the network, the partner nobody has met yet.
        fr: Repérer l'okapi du réseau, le partenaire que personne n'a encore rencontré.
""", 1)
    assert drafted.count("draft: true") == 2, "the collaboration competency changed: update this test"
    competency.write_text(drafted, encoding="utf-8")
    tips = project / FOLDER / "tips.yml"
    tips.write_text(tips.read_text(encoding="utf-8").replace("tips:\n", """tips:
  - id: tip-draft-giraffe
    draft: true
    source: no-such-source
    en: Take the giraffe's view of your partners before the meeting.
    fr: Prenez une vue de girafe sur vos partenaires avant la réunion.
    obstacles: [obstacle-conflict]
""", 1), encoding="utf-8")
    return competency


def _codes(guide) -> dict[tuple[str, str], str]:
    return {(folder.id, card.item_id): card.code for folder in guide.competencies for card in folder.cards}


def test_a_draft_item_is_kept_for_the_preview_and_left_out_of_a_published_guide(tmp_path):
    from guide.content.loader import load_guide

    project = fixture_catalogue_project(tmp_path / "project")
    before = load_guide(project / "content_data")
    with_draft_items(project)
    published = load_guide(project / "content_data")
    folder = published.folder("collaboration")
    assert folder.draft_items == () and not folder.draft
    assert not DRAFT_WORDS.search(repr(published)), "a draft item, or a reference to it, is in the published guide"
    assert _codes(published) == _codes(before)  # no card of a draft, every other code the same
    assert published.competencies == before.competencies

    previewed = load_guide(project / "content_data", drafts=True).folder("collaboration")
    assert [item.id for item in previewed.draft_items] == ["level-2-draft-okapi", "adopt-draft-zebra",
                                                             "tip-draft-giraffe"]  # in the order of the files
    assert "adopt-draft-zebra" in [item.id for item in previewed.competency.adopt]
    lacking = {item.id: [error.message for error in item.lacking] for item in previewed.draft_items}
    assert len(lacking["adopt-draft-zebra"]) == 2 and lacking["level-2-draft-okapi"] == []
    assert lacking["tip-draft-giraffe"] == ["unknown source 'no-such-source'"]
    shown = {card.item_id: card.code for card in previewed.cards if card.item_id not in DRAFT_IDS}
    assert shown == {item: code for (competency, item), code in _codes(before).items() if competency == "collaboration"}


def test_a_list_left_with_drafts_only_is_refused_at_the_last_drafts_line(tmp_path):
    """The published competency would have no behaviour at that level: an error, in the preview too."""
    from guide.content.errors import ContentInvalid
    from guide.content.loader import load_guide

    project = fixture_catalogue_project(tmp_path / "project")
    competency = project / "content_data" / "competencies" / "fixture-teamwork" / "competency.yml"
    text = competency.read_text(encoding="utf-8")
    drafted = text.replace("      - id: level-1-behaviours-1\n", "      - id: level-1-behaviours-1\n        draft: true\n")
    assert drafted != text
    competency.write_text(drafted, encoding="utf-8")
    line = drafted.splitlines().index("      - id: level-1-behaviours-1") + 1
    for drafts in (False, True):
        with pytest.raises(ContentInvalid) as caught:
            load_guide(project / "content_data", drafts=drafts)
        assert [(e.line, e.message) for e in caught.value.errors] == [
            (line, "competency.levels[1].behaviours: every item of this list is a draft, "
                   "so the published site would have none")]


def test_make_check_lists_each_draft_item_with_what_it_still_lacks(tmp_path):
    project = fixture_catalogue_project(tmp_path / "project")
    competency = with_draft_items(project)
    check = make_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    said = check.stderr
    lines = competency.read_text(encoding="utf-8").splitlines()
    adopt = lines.index("  - id: adopt-draft-zebra") + 1
    assert (f"{FOLDER}/competency.yml:{adopt}: the draft item 'adopt-draft-zebra', not published; "
            "2 texts or sources still to write:") in said, said
    assert f"{FOLDER}/competency.yml:{adopt + 2}:13: unknown source 'to-choose'" in said
    assert f"{FOLDER}/competency.yml:{adopt + 4}:9: competency.adopt[1].fr is still marked as to be written" in said
    assert "the draft item 'level-2-draft-okapi', not published; nothing left to write" in said
    assert "tips.yml:6: the draft item 'tip-draft-giraffe'" in said and "unknown source 'no-such-source'" in said
    french = make_check(project, GUIDE_LANG="fr")
    assert "l’élément en brouillon « adopt-draft-zebra », non publié" in french.stderr.replace("\xa0", " ")


def test_the_markdown_export_leaves_a_draft_item_out(tmp_path):
    from guide.exports.markdown import export_markdown

    project = fixture_catalogue_project(tmp_path / "project")
    with_draft_items(project)
    export_markdown(project, tmp_path / "export", history=False)
    leaks = [str(p) for p in (tmp_path / "export").rglob("*")
             if p.is_file() and DRAFT_WORDS.search(p.read_bytes().decode("utf-8", errors="replace"))]
    assert leaks == []


@pytest.mark.build
def test_a_published_build_leaves_a_draft_item_out_of_every_file(tmp_path):
    """No page, card, search entry, sitemap, open data or CASE item of a draft item; other cards keep their codes."""
    from guide.content.loader import load_guide

    project = fixture_catalogue_project(tmp_path / "project")
    codes = _codes(load_guide(project / "content_data"))
    with_draft_items(project)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    files = [p for p in site.rglob("*") if p.is_file()]
    leaks = [str(p.relative_to(site)) for p in files
             if DRAFT_WORDS.search(p.read_bytes().decode("utf-8", errors="replace"))]
    assert leaks == []
    published: dict[tuple[str, str], str] = {}
    for path in site.glob("data/*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("cards"), list):
            published.update({(card["competency"], card["item"]): card["code"] for card in data["cards"]})
    assert published == codes
    # The cards pages load each competency's deck file: every card kept is in one, with its code.
    decks = "".join(path.read_text(encoding="utf-8") for path in sorted((site / "cards" / "decks").glob("*.js")))
    assert all(code in decks for code in codes.values())


@pytest.mark.build
@pytest.mark.parametrize(("lang", "says"), [("en", "competency.adopt[1].fr is still marked as to be written"),
                                             ("fr", "competency.adopt[1].fr est encore marqué à rédiger")])
def test_a_build_fails_on_an_unwritten_text_once_its_item_is_no_draft(tmp_path, lang, says):
    """Removing draft: true before the item is written stops `make build` at the text's line, in the
    editor's language (GUIDE_LANG), its source still to choose too."""
    project = fixture_catalogue_project(tmp_path / "project")
    competency = with_draft_items(project)
    text = competency.read_text(encoding="utf-8")
    finished = text.replace("  - id: adopt-draft-zebra\n    draft: true\n", "  - id: adopt-draft-zebra\n")
    assert finished != text
    competency.write_text(finished, encoding="utf-8")
    line = finished.splitlines().index("  - id: adopt-draft-zebra") + 1
    result = run_build(project, tmp_path / "site", GUIDE_LANG=lang)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert f"{FOLDER}/competency.yml:{line + 3}:9: {says}" in said.replace("\u00a0", " "), said[-3000:]
    assert f"{FOLDER}/competency.yml:{line + 1}:13: " in said and "to-choose" in said
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("after", ["summary:\n", "  - id: level-2\n"])
def test_draft_true_where_no_draft_can_be_says_what_can(tmp_path, after):
    """A summary or a level is not an item of a list: the hint says what can be a draft."""
    from guide.content.errors import ContentInvalid
    from guide.content.loader import load_guide

    project = fixture_catalogue_project(tmp_path / "project")
    path = project / FOLDER / "competency.yml"
    text = path.read_text(encoding="utf-8")
    indent = " " * (len(after) - len(after.lstrip()) + 2)  # a key of the record that line begins
    broken = text.replace(after, f"{after}{indent}draft: true\n", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_guide(project / "content_data", drafts=True)
    (error,) = caught.value.errors
    assert error.message.endswith("unknown key 'draft'") and error.line == broken.splitlines().index(
        f"{indent}draft: true") + 1
    assert error.hint.startswith("only an item of a competency's list (a behaviour, a tip, a question…) or a whole")
    assert error.hint.fr.startswith("seul un élément d’une liste d’une compétence")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_tip_whose_only_obstacle_is_a_draft_names_the_draft_and_where_it_is(tmp_path, lang):
    """The list holds references: finishing "one of them" means nothing there. The message names
    the tip, the draft it names and the draft's own line (in another file), in both languages."""
    from guide.content.errors import ContentInvalid
    from guide.content.loader import load_guide

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    why = content / "competencies" / "collaboration" / "why.yml"
    text = why.read_text(encoding="utf-8")
    drafted = text.replace("  - id: obstacle-low-trust\n", "  - id: obstacle-low-trust\n    draft: true\n", 1)
    assert drafted != text
    why.write_text(drafted, encoding="utf-8")
    line = drafted.splitlines().index("  - id: obstacle-low-trust") + 1
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    [error] = caught.value.errors
    assert error.file.endswith("tips.yml")
    message, hint = error.message.get(lang), error.hint.get(lang)
    assert f"obstacle-low-trust (why.yml:{line})" in message and "tip-trust-skills" in message, message
    assert {"en": "is a draft", "fr": "est un brouillon"}[lang] in message, message
    assert "one of them" not in hint and "l'un d'eux" not in hint, hint
    assert {"en": "name another obstacle", "fr": "nommez un autre obstacle"}[lang] in hint, hint


def test_a_tip_whose_obstacles_are_all_drafts_names_each_of_them(tmp_path):
    from guide.content.errors import ContentInvalid
    from guide.content.loader import load_guide

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    why = content / "competencies" / "collaboration" / "why.yml"
    text = why.read_text(encoding="utf-8")
    for item in ("obstacle-low-trust", "obstacle-rivalry"):
        text = text.replace(f"  - id: {item}\n", f"  - id: {item}\n    draft: true\n", 1)
    why.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    told = {str(error.message): error for error in caught.value.errors}
    rivalry, low_trust = (lines.index(f"  - id: {item}") + 1 for item in ("obstacle-rivalry", "obstacle-low-trust"))
    many = (f"tip-share-power would have no obstacle left: obstacle-rivalry (why.yml:{rivalry}), "
            f"obstacle-low-trust (why.yml:{low_trust}) are drafts")
    assert many in told, list(told)
    assert told[many].message.fr.startswith("tip-share-power se retrouverait sans obstacle\u00a0: obstacle-rivalry")
    assert "one of the drafts" in told[many].hint and "l\u2019un des brouillons" in told[many].hint.fr
