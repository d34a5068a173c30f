"""A real `mkdocs serve` of a project, for the tests and the benchmark.

Started on a free loopback port with its output in a log file, waited for until
it serves (its first build done and its watcher started, so no edit goes unseen),
stopped when the block ends, whatever happened in it.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import require_mark

# Generous: a first build or a rebuild on a busy two-core machine takes many seconds.
WAIT = 120
# MkDocs prints this once the first build is done and the watcher runs.
SERVING = "Serving on"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = WAIT) -> str:
    """The text at ``url``; MkDocs holds a request while a rebuild runs."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], what: str, seconds: float = WAIT) -> None:
    """Poll ``condition`` until it holds (a refused connection counts as not yet)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def save(path: Path, text: str) -> None:
    """Save ``text`` into ``path`` as many editors do, in one step: written beside the project
    (outside the folders the preview watches), then moved in. The preview sees one change,
    so one build, never a half-written file."""
    project = next(folder for folder in path.parents if (folder / "mkdocs.yml").is_file())
    handle, temporary = tempfile.mkstemp(dir=project.parent, prefix=f".{path.name}.", suffix=".saving")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    if path.exists():
        os.chmod(temporary, path.stat().st_mode & 0o777)  # the file's own mode, not mkstemp's private one
    os.replace(temporary, path)


def without_live_reload(target: Any) -> None:
    """A Playwright page or context that reads a preview as loaded: MkDocs' live-reload script
    asks in vain (it tries again every few seconds), so a build that a save started a moment
    before cannot reload the page in the middle of the test's reading."""
    target.route("**/livereload/**", lambda route: route.abort())


@dataclass(frozen=True)
class Served:
    """A running `mkdocs serve`: where it answers, where it writes, its process."""

    url: str  # "http://127.0.0.1:<port>/"
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8")


@contextlib.contextmanager
def mkdocs_serve(project: Path, log: Path, *, dirty: bool = False, env: dict[str, str] | None = None,
                 wait: float = WAIT) -> Iterator[Served]:
    """`mkdocs serve` of ``project`` (``dirty``: with ``--dirty``, as `make serve` runs it),
    its output in ``log``; yields once it serves."""
    require_mark("serve", "runs mkdocs serve")
    environment = dict(os.environ if env is None else env, NO_MKDOCS_2_WARNING="1")
    # MkDocs binds its port only after the first build: another program on the machine can
    # take the free port meanwhile. Then it stops at once, and it starts again on another.
    for attempt in range(1, ATTEMPTS + 1):
        served = _start(project, log, dirty, environment)
        try:
            if _serving(served, wait, last=attempt == ATTEMPTS):
                break
        except BaseException:
            _stop(served.process)
            raise
    try:
        yield served
    finally:
        _stop(served.process)


ATTEMPTS = 3
# What a process prints when its port is taken: Linux, macOS, Windows.
PORT_TAKEN = re.compile(r"Errno (98|48)\b|Address already in use|WinError 10048")


def _start(project: Path, log: Path, dirty: bool, environment: dict[str, str]) -> Served:
    address = f"127.0.0.1:{free_port()}"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []), "-a", address],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, env=environment)
    return Served(f"http://{address}/", log, process)


def _serving(served: Served, wait: float, last: bool) -> bool:
    """Wait until ``served`` serves: True; False if its port was taken (and not ``last``)."""
    taken = False

    def answered() -> bool:
        nonlocal taken
        if served.process.poll() is not None:
            if PORT_TAKEN.search(served.log_text()) and not last:
                taken = True
                return True
            raise AssertionError(f"mkdocs serve stopped (exit {served.process.returncode}):\n"
                                 f"{served.log_text()[-3000:]}")
        return SERVING in served.log_text()

    wait_for(answered, "mkdocs serve's first build", wait)
    return not taken


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
