"""Previewing installs only what building needs; the tests add their toolchain on top.

The real thing, in a scratch copy: ``make serve PORT=…`` creates its own
``.venv`` from ``requirements/build.lock``, serves a page on the port asked
for, and the environment holds none of the test-only packages.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from serve_helper import free_port, get

REQUIREMENTS = ROOT / "requirements"
TEST_ONLY = {"pytest", "playwright", "axe-playwright-python", "jsonschema", "pdfplumber",
             "pdfminer.six", "pypdfium2", "pillow", "greenlet", "cryptography"}


def _served(url: str, text: str, seconds: float = 300) -> bool:
    """Installing and the first build take a while on a busy machine."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in get(url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)$", line.strip())
        if match:
            pins[match[1].lower().replace("_", "-")] = match[2]
    return pins


def test_the_two_locks_split_the_packages_without_overlap_and_keep_every_direct_pin():
    build, test = _pins(REQUIREMENTS / "build.lock"), _pins(REQUIREMENTS / "test.lock")
    assert not set(build) & set(test), "a package is pinned in both locks"
    assert (REQUIREMENTS / "test.lock").read_text(encoding="utf-8").count("\n-r build.lock\n") == 1
    for group, lock in (("build", build), ("test", test)):
        for name, version in _pins(REQUIREMENTS / f"{group}.in").items():
            assert lock.get(name) == version, f"{name}=={version} from {group}.in is not in {group}.lock"
    assert TEST_ONLY <= set(test), sorted(TEST_ONLY - set(test))


@pytest.mark.serve
def test_make_serve_installs_only_the_build_lock_and_listens_on_the_port_given(tmp_path):
    project = copy_project(tmp_path / "project")
    for part in ("Makefile", "requirements", "scripts"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / part)
    port = free_port()
    log = (tmp_path / "make.log").open("w+", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "MAKEFLAGS", "MFLAGS")}
    make = subprocess.Popen(["make", "serve", f"PORT={port}", f"PYTHON={sys.executable}"],
                            cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    try:
        served = _served(f"http://127.0.0.1:{port}/fr/competencies/collaboration/", "Travailler à des objectifs partagés")
        assert served, (tmp_path / "make.log").read_text(encoding="utf-8")[-3000:]
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        make.wait(timeout=30)
        log.close()
    listed = subprocess.run([str(project / ".venv" / "bin" / "python"), "-m", "pip", "list", "--format=json"],
                            capture_output=True, text=True, check=True).stdout
    installed = {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(listed)}
    assert not TEST_ONLY & set(installed), f"test packages in the preview: {sorted(TEST_ONLY & set(installed))}"
    for name, version in _pins(REQUIREMENTS / "build.lock").items():
        assert installed.get(name) == version, f"{name}: {installed.get(name)} instead of {version}"
