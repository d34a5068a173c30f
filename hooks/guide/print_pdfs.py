"""Print the published site's PDFs (card decks, run sheets) with headless Chromium.

One entry point, ``print_pdfs``: it serves the built site on a free loopback
port, starts the system Chromium once and has it print each page of
``downloads.plan`` as its print dialog would (``Page.printToPDF``, the
command behind ``--print-to-pdf``). The paper comes from the page
(``?paper=a4`` picks a named CSS page, see print.js and guide.css).

Chromium is driven over ``--remote-debugging-pipe``: JSON messages on two file
descriptors, so the build needs no browser-automation package and its lock
stays small. One browser for every PDF: starting one per PDF cost about two
seconds each, 30 s for the 16 PDFs of one competency.

Chromium stamps each PDF with the time it was printed; the stamp is replaced by
a fixed date of the same length, so the same commit gives the same bytes.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from .downloads import FOLDER, Download
from .local_server import serve

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-extensions", "--hide-scrollbars"]
TIMEOUT = 120  # seconds for one page to load and print
# What --print-to-pdf --no-pdf-header-footer asks for: the page's own paper size
# (@page), its backgrounds, no header or footer.
PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}
_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)[0-9]{14}")


class PrintFailed(RuntimeError):
    pass


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise PrintFailed("printing the PDF decks needs Chromium: run `make chromium` (as root) or "
                      "`sudo apt-get install chromium`, then build again")


def print_pdfs(site: Path, downloads: Sequence[Download], chromium: str | None = None) -> list[Path]:
    """Print every download of the plan into ``site/downloads/``; the files written."""
    browser = chromium or find_chromium()
    out = site / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as origin, tempfile.TemporaryDirectory(prefix="guide-chromium-") as profile, \
            _Browser(browser, profile) as session:
        for download in downloads:
            target = out / download.name
            target.write_bytes(_fixed_dates(session.print_page(f"{origin}/{download.page}")))
            written.append(target)
    return written


class _Browser:
    """One headless Chromium, spoken to over its debugging pipe (fds 3 and 4)."""

    def __init__(self, chromium: str, profile: str) -> None:
        self._chromium, self._profile = chromium, profile
        self._next_id = 0
        self._buffer = b""

    def __enter__(self) -> "_Browser":
        to_browser, self._to_browser = os.pipe()
        self._from_browser, from_browser = os.pipe()

        def on_fds_3_and_4() -> None:  # in the child, before exec: what Chromium reads and writes
            # Out of the way first: either end may itself be fd 3 or 4.
            reads, writes = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser))
            os.dup2(reads, 3)
            os.dup2(writes, 4)

        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [self._chromium, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={self._profile}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._stderr,
            pass_fds=(3, 4), preexec_fn=on_fds_3_and_4)  # kept open: fds are closed after preexec_fn
        os.close(to_browser)
        os.close(from_browser)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._send("Browser.close")
        except (OSError, PrintFailed):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._stderr.close()

    def print_page(self, url: str) -> bytes:
        """Open ``url`` in a new tab, wait for its load event, print it, close the tab."""
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            self._call("Page.enable", session=session)
            navigated = self._call("Page.navigate", {"url": url}, session=session)
            if navigated.get("errorText"):
                raise self._failed(f"could not open {url}: {navigated['errorText']}")
            self._wait_for("Page.loadEventFired", session, url)
            data = self._call("Page.printToPDF", PRINT, session=session)["data"]
        finally:
            self._call("Target.closeTarget", {"targetId": target})
        pdf = base64.b64decode(data)
        if not pdf.startswith(b"%PDF"):
            raise self._failed(f"printing {url} gave no PDF")
        return pdf

    # -- the pipe ---------------------------------------------------------------

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        return self._next_id

    def _call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        wanted = self._send(method, params, session)
        while True:
            message = self._receive(method)
            if message.get("id") == wanted:
                if "error" in message:
                    raise self._failed(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})

    def _wait_for(self, event: str, session: str, url: str) -> None:
        while True:
            message = self._receive(f"{event} of {url}")
            if message.get("method") == event and message.get("sessionId") == session:
                return

    def _receive(self, waiting_for: str) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise self._failed(f"Chromium did not answer within {TIMEOUT} s ({waiting_for})")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise self._failed(f"Chromium stopped ({waiting_for})")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _failed(self, what: str) -> PrintFailed:
        self._stderr.seek(0)
        tail = self._stderr.read()[-2000:].decode("utf-8", "replace")
        return PrintFailed(f"Chromium could not print the PDFs: {what}\n{tail}")


def _fixed_dates(pdf: bytes) -> bytes:
    """The print time, replaced by 1980-01-01 00:00:00, same length (offsets stay right)."""
    return _DATE.sub(rb"\g<1>19800101000000", pdf)
