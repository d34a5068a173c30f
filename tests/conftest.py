"""Shared fixtures: the built site, throwaway project copies, a real browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROJECT_PARTS = ("mkdocs.yml", "docs", "content_data", "hooks", "overrides")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, to break or build in isolation."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copy2(src, dest / part)
    return dest


def script_env(project: Path = ROOT, **extra: str) -> dict[str, str]:
    """The environment `make` runs scripts/ with: the project's hooks/ on PYTHONPATH."""
    return dict(os.environ, PYTHONPATH=str(project / "hooks"), **extra)



def make_check(project: Path, **extra: str) -> subprocess.CompletedProcess:
    """`make check` in ``project`` (its scripts/check_content.py, copied in when missing),
    as an editor runs it; ``extra``: environment, e.g. GUIDE_LANG="fr"."""
    script = project / "scripts" / "check_content.py"
    if not script.is_file():
        script.parent.mkdir(exist_ok=True)
        shutil.copy2(ROOT / "scripts" / "check_content.py", script)
    return subprocess.run([sys.executable, "scripts/check_content.py"], cwd=project, env=script_env(project, **extra),
                          capture_output=True, text=True, timeout=60, check=False)

# -- marks: `make quick` runs the tests that need neither a build, a server nor Chromium --

# A fixture's mark goes to every test that uses it, directly or through another fixture.
FIXTURE_MARKS = {"site": "build", "fixture_site": "build", "published": "build", "browser": "browser"}
# The marks of the running test, for run_build and the serve helper to check.
RUNNING_MARKS = "GUIDE_TEST_MARKS"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, mark in FIXTURE_MARKS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(mark)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[object]:
    os.environ[RUNNING_MARKS] = " ".join(sorted({mark.name for mark in item.iter_markers()}))
    try:
        return (yield)
    finally:
        os.environ.pop(RUNNING_MARKS, None)


def require_mark(mark: str, what: str) -> None:
    """Fail a test that runs something slow without the mark `make quick` leaves out
    (outside pytest, e.g. in the benchmark, there is nothing to check)."""
    running = os.environ.get(RUNNING_MARKS)
    if running is not None and mark not in running.split():
        pytest.fail(f"this test {what}: mark it @pytest.mark.{mark} (see pyproject.toml), "
                    "or `make quick` runs it", pytrace=False)


def run_build(project: Path, site_dir: Path, site_url: str | None = None,
              **extra_env: str) -> subprocess.CompletedProcess[str]:
    require_mark("build", "runs a full build")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in ("SITE_URL", "GUIDE_PUBLISH"):
        env.pop(name, None)
    env.update(extra_env)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once with --strict; tests read what readers get."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


FIXTURE_CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue"
FIXTURE_COMPETENCY = "fixture-teamwork"
# Two groups, so the pages that group competencies (home, grid) show more than one.
FIXTURE_GROUPS = """groups:
  - id: core
    name: {en: Core competencies, fr: Compétences de base}
    competencies: [collaboration]
  - id: team
    name: {en: Team competencies, fr: Compétences d’équipe}
    competencies: [fixture-teamwork]
"""


def fixture_catalogue_project(dest: Path) -> Path:
    """The project with the fictional fixture competency beside collaboration, each in a group."""
    project = copy_project(dest)
    content = project / "content_data"
    shutil.copytree(FIXTURE_CATALOGUE / FIXTURE_COMPETENCY, content / "competencies" / FIXTURE_COMPETENCY)
    sources = content / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip("\n") + "\n"
                       + (FIXTURE_CATALOGUE / "sources.yml").read_text(encoding="utf-8"), encoding="utf-8")
    catalogue = content / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").rstrip("\n") + "\n" + FIXTURE_GROUPS,
                         encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_catalogue_project(tmp_path_factory.mktemp("fixture-catalogue") / "project")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, fixture_project: Path) -> Path:
    """The catalogue with a second, fictional competency, built once with --strict."""
    site = tmp_path_factory.mktemp("fixture-catalogue-site")
    result = run_build(fixture_project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_guide(fixture_project: Path):
    from guide.content.loader import load_guide

    return load_guide(fixture_project / "content_data")


PUBLIC_URL = "https://guide.example.org/"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project built the way `make build` publishes it (GUIDE_PUBLISH=1,
    a public SITE_URL): with every PDF printed, and the offline zip, whose build runs in
    the same process and must not cancel the PDFs. Built once per session: printing is slow."""
    work = tmp_path_factory.mktemp("published")
    project = copy_project(work / "project")
    result = run_build(project, work / "site", site_url=PUBLIC_URL, GUIDE_PUBLISH="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return work / "site"


@pytest.fixture(scope="session")
def guide():
    from guide.content.loader import load_guide

    return load_guide(ROOT / "content_data")


# -- the browser -------------------------------------------------------------------

# How long a browser step or expect() may wait for its condition before the test
# fails: an upper bound, not a wait. Generous, so that on a machine busy with other
# builds a test is slow, not failing. Set for expect() and the `page` fixture here;
# a page a test opens itself keeps Playwright's 30 s unless the test sets this.
BROWSER_TIMEOUT_MS = 60_000

from guide.publish.local_server import serve  # noqa: E402  (the folder on a free loopback port)


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """System Chromium through Playwright. Missing Chromium fails, never skips."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Chromium is not installed: run `make test` (it installs it) or "
                    "`sudo apt-get install chromium`. Browser tests are never skipped.")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=BROWSER_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()
