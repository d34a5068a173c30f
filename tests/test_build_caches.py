"""What the build remembers between languages and saves gives what it would compute afresh.

Each cache of the preview (issue "instant preview") is checked against the work
it saves: the theme's file list, a content file parsed once, the search
index kept page by page, finished HTML kept out of Markdown.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from hypothesis import given, settings, strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import ROOT, copy_project
from guide.content.loader import load_guide
from guide.site.stub_pages import StubPages
from guide.render.dispatch import fill_deferred, render_blocks
from guide.render.base import SearchEntry
from guide.site.search_index import LanguageIndexes
from guide.preview.patches import _list_installed_themes_once

SETTINGS = settings(max_examples=120, derandomize=True, deadline=None, database=None)


def _theme_files(project: Path, remembered: bool) -> list[str]:
    config = load_config(str(project / "mkdocs.yml"))
    if remembered:
        _list_installed_themes_once(config.theme, project, {})
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(f.src_uri for f in files)


def test_the_theme_listing_remembered_is_the_one_mkdocs_makes(tmp_path):
    project = copy_project(tmp_path / "project")
    plain = _theme_files(project, remembered=False)
    assert len(plain) > 20 and plain == _theme_files(project, remembered=True)
    # The project's own overrides are listed again each time: a new file shows.
    (project / "overrides" / "extra.css").write_text("a{}", encoding="utf-8")
    assert "extra.css" in _theme_files(project, remembered=True)


def test_a_file_saved_again_with_the_same_size_and_time_is_read_again(tmp_path):
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    path = content / "competencies" / "collaboration" / "competency.yml"
    original = path.read_text(encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    first = load_guide(content)
    assert "Work towards shared objectives." in [i.en for i in first.competencies[0].competency.adopt]
    # Same length, same time stamp: only the bytes tell the two saves apart.
    path.write_text(original.replace("Work towards shared objectives.", "Work towards common objectives.", 1),
                    encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    again = [i.en for i in load_guide(content).competencies[0].competency.adopt]
    assert "Work towards common objectives." in again and "Work towards shared objectives." not in again


def test_a_stub_page_changed_or_removed_by_hand_is_written_again(tmp_path, guide):
    """A competency's stubs are looked at again when its stubs' folder changed (StubPages):
    a stub removed, or saved over as editors' programs save (a new file renamed over it)."""
    docs, stub_pages = tmp_path / "docs", StubPages()
    assert stub_pages.write(docs, guide) is True
    assert stub_pages.write(docs, guide) is False  # nothing to do
    stubs = sorted((docs / "competencies").rglob("*.md"))
    original = stubs[0].read_text(encoding="utf-8")
    stubs[1].unlink()
    assert stub_pages.write(docs, guide) is True
    assert stubs[1].is_file()
    saved = stubs[0].with_suffix(".tmp")
    saved.write_text(original + "changed by hand\n", encoding="utf-8")
    os.replace(saved, stubs[0])
    assert stub_pages.write(docs, guide) is True
    assert stubs[0].read_text(encoding="utf-8") == original
    assert stub_pages.write(docs, guide) is False


def test_a_competency_gone_takes_its_stubs_along_after_saves_that_changed_none(tmp_path, guide):
    """The folder is swept only when the stubs wanted change (StubPages): that must still be
    every time a competency goes, however many saves came before."""
    import dataclasses

    docs, stub_pages = tmp_path / "docs", StubPages()
    two = dataclasses.replace(guide, competencies=guide.competencies + (
        dataclasses.replace(guide.competencies[0], id="second"),))
    stub_pages.write(docs, two)
    assert stub_pages.write(docs, two) is False  # a save that changed no stub
    assert (docs / "competencies" / "second").is_dir()
    assert stub_pages.write(docs, guide) is True
    assert not (docs / "competencies" / "second").exists()
    assert (docs / "competencies" / guide.competencies[0].id).is_dir()


def test_deferred_html_comes_back_where_it_stood(guide):
    block = f"<!-- guide: run-sheet {guide.competencies[0].id} -->\n"  # the facilitator's pack, with its deck
    inline, _ = render_blocks(block, guide, "fr")
    deferred: dict[str, str] = {}
    held, _ = render_blocks(block, guide, "fr", deferred=deferred)
    assert deferred and len(held) < len(inline) / 4
    assert fill_deferred(held, deferred) == inline
    assert not any(marker in value for value in deferred.values() for marker in ("<script", " id=", " href="))


PAGES = ("", "cards/", "competencies/a/", "fr/", "fr/cards/", "fr/competencies/a/")
LANGUAGES = ["en", "fr"]
_words = st.text(max_size=6)
# One save: the pages it rebuilt, each with Material's entries and the items' own
# (anchors from a small set, so an item's anchor is sometimes a heading's).
_save = st.dictionaries(
    st.sampled_from(PAGES),
    st.tuples(st.lists(st.tuples(st.sampled_from(["", "a", "b"]), _words, _words), max_size=3,
                       unique_by=lambda entry: entry[0]),  # Material: one entry per anchor
              st.lists(st.tuples(st.sampled_from(["a", "c"]), _words, _words), max_size=2)),
    min_size=1)


@SETTINGS
@given(saves=st.lists(_save, min_size=1, max_size=5), gone=st.sets(st.sampled_from(PAGES)))
def test_the_index_kept_page_by_page_is_the_index_made_afresh(saves, gone):
    """Save after save, an index updated with the rebuilt pages only equals one made
    from every page's latest entries, and is what json.dumps writes."""
    kept, docs, extra = LanguageIndexes(), {}, {}
    for n, save in enumerate(saves):
        present = set(PAGES) - (gone if n == len(saves) - 1 else set())
        built = []
        for page, (material, items) in save.items():
            docs[page] = [{"location": f"{page}#{anchor}" if anchor else page, "title": title, "text": text}
                          for anchor, title, text in material]
            extra[page] = [SearchEntry(anchor, title, text) for anchor, title, text in items]
            built += docs[page]
        was = {lang: (kept.version(lang), kept.to_json(lang, {})) for lang in LANGUAGES}
        kept.update(built, extra, present, LANGUAGES, "en", rebuilt=set(save) if n else None)
        # A language whose index changed has a new version: the preview writes it again.
        assert not [lang for lang in LANGUAGES
                    if kept.to_json(lang, {}) != was[lang][1] and kept.version(lang) == was[lang][0]]
    afresh = LanguageIndexes()
    afresh.update([doc for page in present for doc in docs.get(page, [])], extra, present, LANGUAGES, "en")
    for lang in LANGUAGES:
        data = kept.to_json(lang, {"x": "é"})
        assert data == afresh.to_json(lang, {"x": "é"})
        assert data == json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        locations = [doc["location"] for doc in json.loads(data)["docs"]]
        assert len(locations) == len(set(locations)), "an entry twice"
        assert all(not location.startswith("fr/") for location in locations)


def _described(file) -> dict:
    """A file as the build reads it; its alternates by language (each names itself)."""
    seen = {name: value for name, value in vars(file).items() if name != "alternates"}
    return dict(seen, alternates={lang: alt is file for lang, alt in file.alternates.items()})


def test_the_i18n_files_remembered_are_the_ones_the_plugin_makes(tmp_path):
    from mkdocs.structure.files import get_files
    from mkdocs_static_i18n import suffix

    from guide.preview.patches import remembered_i18n_files as remembered

    project = copy_project(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"))
    # The plugin's own, also when the hooks have patched it in this process.
    make = getattr(suffix.create_i18n_file, "guide_original", suffix.create_i18n_file)
    remember = remembered(make)
    pages = [f for f in get_files(config) if f.src_uri.endswith(".md")]
    assert len(pages) > 20
    for lang in ("en", "fr"):
        for file in pages:
            afresh = make(file, lang, "en", ["en", "fr"], config)
            first = remember(file, lang, "en", ["en", "fr"], config)
            assert _described(first) == _described(afresh)
            # What a build does to its files never reaches the next build's.
            first.alternates["xx"], first.page, first.url = first, object(), "changed/"
            again = remember(file, lang, "en", ["en", "fr"], config)
            assert again is not first and _described(again) == _described(afresh)


def test_the_deck_remembered_per_competency_follows_each_edit(tmp_path):
    from guide.content import cards
    from guide.content.loader import ParsedFiles

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    parsed = ParsedFiles()
    before = load_guide(content, parsed)
    first = cards.deck(before)
    unchanged = load_guide(content, parsed)
    assert unchanged.competencies[0] is before.competencies[0], "an unchanged folder is made again"
    for path, old, new in (("competencies/collaboration/competency.yml", "en: Work towards shared objectives.",
                            "en: Work towards common goals."),
                           ("competencies/collaboration/tips.yml", "en: Recognise why working together",
                            "en: Admit why working together")):
        file = content / path
        file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        kept = cards.deck(load_guide(content, parsed))
        assert kept == cards.deck(load_guide(content)) != first


def test_i18n_finds_the_same_file_for_each_link_with_its_paths_remembered(tmp_path):
    from types import SimpleNamespace

    from mkdocs.structure.files import get_files
    from mkdocs_static_i18n import suffix

    from guide.preview.patches import _get_file_from_path

    project = copy_project(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"))
    plain = getattr(_get_file_from_path, "guide_original", suffix.I18nFiles.get_file_from_path)
    files = list(get_files(config))
    links = [f.src_uri for f in files] + [".", "index.md", "./sources.md", "cards//index.md", "sources",
                                          "competencies/collaboration/index.md", "missing.md", "a/b.fr.md"]
    for current in ("en", "fr"):
        i18n_files = suffix.I18nFiles(SimpleNamespace(current_language=current, default_language="en"), files)
        for link in links:
            assert _get_file_from_path(i18n_files, link) is plain(i18n_files, link), (current, link)


def test_a_folder_checked_at_an_earlier_save_is_checked_again_when_what_it_refers_to_changes(tmp_path):
    """A save's load checks again only the folders whose files changed (ParsedFiles.checks),
    unless the shared files or the competencies' ids changed: a source renamed in
    sources.yml, or a competency renamed, is an error in the folders that name it."""
    from guide.content.errors import ContentInvalid
    from guide.content.loader import ParsedFiles

    content = copy_project(tmp_path / "project") / "content_data"
    parsed = ParsedFiles()
    load_guide(content, parsed)
    sources = content / "sources.yml"
    original = sources.read_text(encoding="utf-8")
    sources.write_text(original.replace("  - id: cra-profile\n", "  - id: cra-profile-renamed\n", 1), encoding="utf-8")
    try:
        load_guide(content, parsed)
    except ContentInvalid as exc:
        report = exc.report()
    else:
        raise AssertionError("a reference to a source no longer there was not found")
    assert "competencies/collaboration/competency.yml" in report and "cra-profile" in report
    assert report == _fresh_report(content)  # what a first load says
    sources.write_text(original, encoding="utf-8")
    assert load_guide(content, parsed) == load_guide(content)


def _fresh_report(content: Path) -> str:
    from guide.content.errors import ContentInvalid

    try:
        load_guide(content)
    except ContentInvalid as exc:
        return exc.report()
    raise AssertionError("no error")
