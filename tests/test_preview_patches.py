"""The preview's patches of other packages: version-checked, and only under ``mkdocs serve``."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide.preview import patches
from guide.preview.patches import PATCHES, Patch, PreviewPatches

ROOT = Path(__file__).resolve().parent.parent


def _pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "build.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


@pytest.mark.parametrize("patch", PATCHES, ids=lambda p: p.name)
def test_each_patch_names_the_version_the_lock_pins(patch: Patch):
    """Moving a pin fails here: read the patch against the new version, then change its
    ``written_for`` (or delete the patch)."""
    assert _pinned().get(patch.package) == patch.written_for, (
        f"'{patch.name}' was written for {patch.package} {patch.written_for}; "
        f"requirements/build.lock pins {_pinned().get(patch.package)}")


@pytest.mark.parametrize("patch", PATCHES, ids=lambda p: p.name)
def test_each_patch_applies_to_the_installed_packages(patch: Patch):
    assert PreviewPatches().applies(patch)


def test_what_the_patches_reach_into_is_still_there():
    """The internals each patch uses, by name, in the pinned versions."""
    import inspect

    from mkdocs.livereload import LiveReloadServer
    from mkdocs.theme import Theme
    from mkdocs_static_i18n import reconfigure, suffix

    assert callable(Theme.get_env) and callable(suffix.create_i18n_file)
    assert callable(reconfigure.is_relative_to) and callable(suffix.I18nFiles.get_file_from_path)
    server_code = inspect.getsource(LiveReloadServer)
    for name in ("_rebuild_cond", "_want_rebuild", "build_delay", "_shutdown"):
        assert f"self.{name}" in server_code, name
    from material.plugins.search.plugin import SearchPlugin

    assert "is_dirty" in inspect.getsource(SearchPlugin)
    import mkdocs.commands.build as build_module

    assert "files = get_files(config)" in inspect.getsource(build_module.build)  # looked up at each build


def test_a_patch_written_for_another_version_is_left_out_with_one_line(monkeypatch, caplog):
    monkeypatch.setattr(patches, "installed_version", lambda package: "0.0.1")
    preview = PreviewPatches()
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.guide"):
        assert not preview.applies(patches.TEMPLATES)
        assert not preview.applies(patches.TEMPLATES)  # asked again: said once
    said = [r.getMessage() for r in caplog.records]
    assert said == ["Preview: 'templates compiled once' left out: it was written for mkdocs 1.6.1, "
                    "and 0.0.1 is installed."], said


def test_a_build_runs_with_the_packages_as_they_ship(tmp_path):
    """Loading the hooks and building patches nothing: only ``mkdocs serve`` installs them."""
    probe = (
        "from mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        f"config = load_config('mkdocs.yml', site_dir={str(tmp_path / 'site')!r})\n"
        "config.plugins.on_startup(command='build', dirty=False)\n"
        "build(config)\n"
        "from mkdocs.theme import Theme\n"
        "from mkdocs_static_i18n import suffix, reconfigure\n"
        "import mkdocs.commands.build as build_module\n"
        "print(hasattr(Theme.get_env, 'guide_cache'), hasattr(suffix.create_i18n_file, 'guide_original'),"
        " hasattr(reconfigure.is_relative_to, 'cache_info'), hasattr(build_module.get_files, 'guide_original'))\n"
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_OFFLINE_BUNDLE="0")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "False False False False"


def test_serve_installs_them():
    probe = (
        "from guide.site.guide_site import GuideSite\n"
        "GuideSite().on_startup(command='serve', dirty=True)\n"
        "from mkdocs.theme import Theme\n"
        "from mkdocs_static_i18n import suffix, reconfigure\n"
        "import mkdocs.commands.build as build_module\n"
        "print(hasattr(Theme.get_env, 'guide_cache'), hasattr(suffix.create_i18n_file, 'guide_original'),"
        " hasattr(reconfigure.is_relative_to, 'cache_info'), hasattr(build_module.get_files, 'guide_original'))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "True True True True"


class _Server:
    """What ContentWatch uses of MkDocs' LiveReloadServer."""

    def __init__(self) -> None:
        import threading

        self._watched_paths: dict[str, int] = {}
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False
        self._shutdown = False
        self.asked = 0

    def take(self) -> bool:
        with self._rebuild_cond:
            asked, self._want_rebuild = self._want_rebuild, False
            return asked


def test_a_save_asks_for_one_build_whichever_watch_tells_it(tmp_path):
    """ContentWatch: the system's notification asks for the build; the slower poll's report
    of the same change asks for nothing; the next save, anywhere in the folder, asks again."""
    from serve_helper import wait_for
    from watchdog.events import FileModifiedEvent

    from guide.preview.patches import ContentWatch

    folder = tmp_path / "content_data"
    (folder / "competencies").mkdir(parents=True)
    first, second = folder / "a.yml", folder / "competencies" / "b.yml"
    first.write_text("a: 1\n", encoding="utf-8")
    second.write_text("b: 1\n", encoding="utf-8")
    server = _Server()
    asked: list[object] = []  # at each build asked for: the first file's state as last reported
    watch = ContentWatch(server, [folder])
    real = watch._rebuild
    watch._rebuild = lambda: (asked.append(watch._reported.get(str(first.resolve()))), real())  # type: ignore[method-assign]
    assert server._watched_paths == {str(folder.resolve()): 1}  # MkDocs will not poll it as well
    saved = first.with_suffix(".tmp")
    saved.write_text("a: 2\n", encoding="utf-8")
    os.replace(saved, first)  # as editors' programs save
    now = os.stat(first)
    wait_for(lambda: asked and asked[-1] == (now.st_mtime_ns, now.st_size, now.st_ino),
             "the save told by the system's notifications")
    assert server.take()
    asked.clear()
    watch.on_any_event(FileModifiedEvent(str(first.resolve())))  # the poll, telling it again
    assert asked == [] and not server.take()
    first.read_bytes()  # what a build does with every file
    second.write_text("b: 2\n", encoding="utf-8")  # in a subfolder, written in place
    wait_for(server.take, "the second save's build asked for")
    assert str(second.resolve()) in watch._reported and watch._reported[str(first.resolve())] == (
        now.st_mtime_ns, now.st_size, now.st_ino)


def test_the_docs_folder_is_listed_again_only_when_its_names_or_patterns_change(tmp_path, monkeypatch):
    """``docs listed once per change``: the same files while nothing changed, each a fresh
    copy (a build may change its own); a new file or a new pattern is seen at once."""
    import mkdocs.commands.build as build_module
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel

    monkeypatch.setattr(build_module, "get_files", build_module.get_files)  # put back afterwards
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "a" / "page.md").write_text("# Page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nnot_in_nav: /a/*.md\n", encoding="utf-8")

    def config(**options):
        return load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), **options)

    calls = []
    original = build_module.get_files
    monkeypatch.setattr(build_module, "get_files", lambda c: calls.append(1) or original(c))
    kept: dict = {}
    patches._remember_docs_files(kept)
    listed = build_module.get_files

    first, second = listed(config()), listed(config())
    assert len(calls) == 1
    assert [f.src_uri for f in first] == [f.src_uri for f in second] == ["index.md", "a/page.md"]
    originals = kept[str(tmp_path / "site")][1]
    assert not set(map(id, first)) & set(map(id, second)) and not set(map(id, second)) & set(map(id, originals))
    second.get_file_from_path("a/page.md").page = "changed by a build"
    assert listed(config()).get_file_from_path("a/page.md").page is None
    assert listed(config()).get_file_from_path("a/page.md").inclusion == InclusionLevel.NOT_IN_NAV

    (docs / "a" / "new.md").write_text("# New\n", encoding="utf-8")
    assert "a/new.md" in [f.src_uri for f in listed(config())]
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    assert listed(config()).get_file_from_path("a/page.md").inclusion == InclusionLevel.INCLUDED
    assert len(calls) == 3


def test_a_file_that_comes_and_goes_while_docs_is_listed_is_not_kept(tmp_path, monkeypatch):
    """An editor's temporary file seen by MkDocs' walk but not by the key's: the next
    build lists docs/ again rather than hand out a file that is gone."""
    import mkdocs.commands.build as build_module
    from mkdocs.config import load_config

    monkeypatch.setattr(build_module, "get_files", build_module.get_files)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    temporary = docs / "index.md.tmp"
    original, saved = build_module.get_files, []

    def listed_with_a_temporary_file(config):
        if not saved:  # the editor's program saves once, between the key's walk and MkDocs'
            saved.append(temporary.write_text("half a save", encoding="utf-8"))
        return original(config)

    monkeypatch.setattr(build_module, "get_files", listed_with_a_temporary_file)
    patches._remember_docs_files({})
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    assert "index.md.tmp" in [f.src_uri for f in build_module.get_files(config)]
    temporary.unlink()
    assert [f.src_uri for f in build_module.get_files(config)] == ["index.md"]
