"""A real `mkdocs serve` of a project, for the tests and the benchmark.

Started on a free loopback port with its output in a log file, waited for until
it serves (its first build done and its watcher started, so no edit goes unseen),
stopped when the block ends, whatever happened in it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

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
    address = f"127.0.0.1:{free_port()}"
    environment = dict(os.environ if env is None else env, NO_MKDOCS_2_WARNING="1")
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []), "-a", address],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, env=environment)
    served = Served(f"http://{address}/", log, process)
    try:
        def serving() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"mkdocs serve stopped (exit {process.returncode}):\n{served.log_text()[-3000:]}")
            return SERVING in served.log_text()

        wait_for(serving, "mkdocs serve's first build", wait)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

