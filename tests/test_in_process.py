"""The hooks driven in this process, as mkdocs-static-i18n's own tests drive the plugin.

``load_config`` on a copy of the project, then the hook module's events
(``on_startup``, ``on_config``) or a whole ``mkdocs.commands.build.build``: what
MkDocs hands the hooks is checked as well as what comes out, a breakpoint works,
and the events alone take a fraction of a build. Each copy gets its own hook
module (MkDocs loads one per file path), so no state crosses from test to test.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from bad_input import FIXTURES, apply_fixture
from conftest import copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide.content.loader import load_guide
from guide.content.markup import text
from guide.render.pages import stub_pages

@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project, built as `mkdocs build` would from its folder, no publication."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "docs" / "competencies", ignore_errors=True)  # stubs a build left
    monkeypatch.chdir(project)
    for name in ("SITE_URL", "GUIDE_PUBLISH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GUIDE_OFFLINE_BUNDLE", "0")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767268800")  # the copy is not a git checkout
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return project


def _configured(project: Path, site_dir: Path) -> tuple[MkDocsConfig, ModuleType]:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    (hooks,) = config.hooks.values()  # hooks/guide_hooks.py, loaded from the copy
    assert isinstance(hooks, ModuleType) and Path(str(hooks.__file__)).is_relative_to(project)
    return config, hooks


def test_on_config_writes_every_stub_page_in_both_languages(project: Path, tmp_path: Path) -> None:
    config, hooks = _configured(project, tmp_path / "site")
    hooks.on_startup(command="build", dirty=False)
    assert hooks.on_config(config) is config
    stubs = stub_pages(load_guide(project / "content_data"))
    assert [p for p in stubs if p.endswith(".fr.md")] and [p for p in stubs if not p.endswith(".fr.md")]
    assert [p for p, text in stubs.items() if (project / "docs" / p).read_text(encoding="utf-8") != text] == []


@pytest.mark.parametrize("mistake", ["missing-fr", "syntax-tab-indent", "unknown-source"])
def test_a_content_mistake_stops_on_config_as_a_plugin_error_with_its_file_and_line(
        project: Path, tmp_path: Path, mistake: str) -> None:
    bad = apply_fixture(FIXTURES / f"{mistake}.yml", project / "content_data")
    config, hooks = _configured(project, tmp_path / "site")
    hooks.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError) as raised:
        hooks.on_config(config)
    message = str(raised.value)
    assert bad.expected_prefix() in message and bad.error in message, message
    assert "Traceback" not in message
    assert not (tmp_path / "site").exists()


@pytest.mark.build
def test_an_in_process_build_writes_the_competency_page_in_both_languages(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    config, _ = _configured(project, site)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    guide = load_guide(project / "content_data")
    for prefix, lang in (("", "en"), ("fr/", "fr")):
        page = (site / prefix / "competencies" / "collaboration" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        assert text(guide.folder("collaboration").competency.adopt[0].get(lang), lang) in page
