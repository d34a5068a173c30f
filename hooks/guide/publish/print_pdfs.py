"""Print the published site's PDFs (card decks, run sheets) with headless Chromium.

One entry point, ``print_pdfs``: it serves the built site on a free loopback
port, starts the system Chromium once and has it print each page of
``downloads.plan`` as its print dialog would (``Page.printToPDF``, the
command behind ``--print-to-pdf``). The paper comes from the page
(``?paper=a4`` picks a named CSS page, see print.js and guide.css).

What printing costs, measured with the machine's busy time (the renderers
Chromium forks are not the build's children, so the build's own CPU count
misses them): a page load is about half of it, and at 10 competencies the
cards page alone takes a second of CPU to load. So one tab loads each page
once and prints everything it can show: both papers (print.js's
``guidePaper``, what ``?paper=`` does on load) and, on the cards page, every
deck (cards.js's ``guideDeck``, what the deck's address does on load). A run
sheet's page prints the facilitator's pack too, added in place (run-sheet.js's
``guidePack``, what ``?pack=1`` does on load). The plan is printed page by page
(``by_page``). The search index, which no printed sheet shows, is not fetched.
The PDFs are the same bytes as when each was printed from its own address in
its own tab.

Chromium is driven over ``--remote-debugging-pipe``: JSON messages on two file
descriptors, so the build needs no browser-automation package and its lock
stays small. One browser for every PDF: starting one per PDF cost about two
seconds each, 30 s for the 16 PDFs of one competency.

Chromium stamps each PDF with the time it was printed, and names the tagged
structure of a table by the renderer's DOM node numbers, which depend on every
page the tab showed before. Both are replaced by values of the same length (a
fixed date; the numbers 1, 2, 3... in their order), so the same commit gives
the same bytes whatever was printed before.
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
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from guide.publish.downloads import FOLDER, Download
from guide.publish.local_server import serve

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-extensions", "--hide-scrollbars"]
TIMEOUT = 120  # seconds for one page to load and print
# What --print-to-pdf --no-pdf-header-footer asks for: the page's own paper size
# (@page), its backgrounds, no header or footer.
PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}
# Links on a printed page lead to the public site, not to the loopback server it was
# printed from (whose port changes with each build): run before each print, with
# the public root ("https://example.org/guide/"); in-page links (#...) stay in the PDF.
_PUBLIC_LINKS = """(function (root) {
  var here = location.origin + "/";
  document.querySelectorAll("a[href]").forEach(function (a) {
    var url = new URL(a.href);
    if (url.origin !== location.origin) return;
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    a.setAttribute("href", root + url.href.slice(here.length));
  });
})(%s)"""
# Requests a printed page does not need: Material's search worker and the index it loads.
NOT_PRINTED = ["*/search/search_index.json", "*/assets/javascripts/workers/*"]
_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)[0-9]{14}")
_NODE_ID = re.compile(rb"\(node([0-9]+)\)")  # a structure element's /ID, and its key in /IDTree


class PrintFailed(RuntimeError):
    pass


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise PrintFailed("printing the PDF decks needs Chromium: run `make chromium` (as root) or "
                      "`sudo apt-get install chromium`, then build again")


def print_pdfs(site: Path, downloads: Sequence[Download], site_url: str,
               chromium: str | None = None) -> list[Path]:
    """Print every download of the plan into ``site/downloads/``, its links leading to
    ``site_url``, the site's public address; the files written."""
    browser = chromium or find_chromium()
    out = site / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as origin, tempfile.TemporaryDirectory(prefix="guide-chromium-") as profile, \
            _Browser(browser, profile) as session:
        tab = session.open_tab(site_url if site_url.endswith("/") else site_url + "/")
        for download in by_page(downloads):
            tab.show(f"{origin}/{download.page}", download.paper)
            (out / download.name).write_bytes(_reproducible(tab.print()))
    return [out / download.name for download in downloads]


def by_page(downloads: Sequence[Download]) -> list[Download]:
    """The plan in an order that loads each page once: a page's downloads together,
    those of one page in the plan's order. The plan lists decks language by language,
    which alternates between the English and French cards pages: at 10 competencies,
    44 loads of a page that costs a second of CPU to load, instead of 2."""
    return sorted(downloads, key=lambda download: without_paper(download.page)[0])


def without_paper(url: str) -> tuple[str, str]:
    """The address's page and its query without ``paper``: what the page shows, on any paper."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != "paper"]
    return urlunsplit(parts._replace(query="")), urlencode(query)


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

    def open_tab(self, public_root: str) -> "_Tab":
        """A new tab, with the requests no print needs blocked; closed with the browser."""
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self._call("Page.enable", session=session)
        self._call("Network.enable", session=session)
        self._call("Network.setBlockedURLs", {"urls": NOT_PRINTED}, session=session)
        return _Tab(self, session, public_root)

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


class _Tab:
    """One tab: load a page, switch its paper, print it."""

    def __init__(self, browser: _Browser, session: str, public_root: str) -> None:
        self._browser, self._session, self._public_root = browser, session, public_root
        self._url = "about:blank"
        self._shown: tuple[str, str] = ("", "")  # (page, query without paper) on screen
        self._decks = False  # the loaded page is the cards page (cards.js's guideDeck)
        self._packs = False  # the loaded page is a run sheet (run-sheet.js's guidePack)

    def show(self, url: str, paper: str) -> None:
        """Have the tab show ``url`` on ``paper``, loading it only when the page on
        screen cannot switch to it."""
        page, query = without_paper(url)
        adds_pack = self._packs and self._shown[1] == "" and query == "pack=1"
        if page != self._shown[0] or (query != self._shown[1] and not (self._decks or adds_pack)):
            self.load(url)
            self._decks, self._packs = self._evaluate(
                "[typeof window.guideDeck === 'function', typeof window.guidePack === 'function']",
                "look for decks and packs")
        else:
            if adds_pack:
                # Printed once any type the pack's cards use is loaded. The site has no web
                # font today (`font: false`), so this settles at once; it keeps a font added
                # later from printing in a fallback.
                if self._evaluate("window.guidePack() && document.fonts.ready.then(function () { return true; })",
                                  "add the facilitator's pack", wait=True) is not True:
                    raise self._browser._failed(f"could not add the pack to {self._url}")
            elif query != self._shown[1] and self._evaluate(
                    f"window.guideDeck({json.dumps(query)})", "show another deck") is not True:
                raise self._browser._failed(f"could not show the deck {query} on {self._url}")
            self.set_paper(paper)
        self._shown = (page, query)

    def load(self, url: str) -> None:
        """Open ``url`` and wait for its load event (scripts have laid the sheets out)."""
        navigated = self._browser._call("Page.navigate", {"url": url}, session=self._session)
        if navigated.get("errorText"):
            raise self._browser._failed(f"could not open {url}: {navigated['errorText']}")
        self._browser._wait_for("Page.loadEventFired", self._session, url)
        self._url = url

    def _evaluate(self, expression: str, what: str, wait: bool = False) -> Any:
        """The expression's value; with ``wait``, the value its promise settles to."""
        answer = self._browser._call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                          "awaitPromise": wait}, session=self._session)
        if "exceptionDetails" in answer:
            raise self._browser._failed(f"could not {what} on {self._url}: {answer['exceptionDetails']}")
        return answer.get("result", {}).get("value")

    def set_paper(self, paper: str) -> None:
        """What ``?paper=`` does when the page loads (print.js), done on the loaded page."""
        if self._evaluate(f"window.guidePaper({json.dumps(paper)})", f"switch to {paper} paper") is not True:
            raise self._browser._failed(f"could not switch {self._url} to {paper} paper")

    def print(self) -> bytes:
        """The page as its print dialog would save it, its links leading to the public site
        (set now: a deck switched in place has new cards)."""
        self._evaluate(_PUBLIC_LINKS % json.dumps(self._public_root), "lead its links to the public site")
        data = self._browser._call("Page.printToPDF", PRINT, session=self._session)["data"]
        pdf = base64.b64decode(data)
        if not pdf.startswith(b"%PDF"):
            raise self._browser._failed(f"printing {self._url} gave no PDF")
        return pdf


def _reproducible(pdf: bytes) -> bytes:
    """The print time replaced by 1980-01-01 00:00:00, and the node numbers by their rank,
    each the same length (the file's offsets stay right; ranks keep /IDTree sorted)."""
    pdf = _DATE.sub(rb"\g<1>19800101000000", pdf)
    ranks = {number: rank for rank, number in
             enumerate(sorted({int(found) for found in _NODE_ID.findall(pdf)}), start=1)}
    return _NODE_ID.sub(lambda found: b"(node%0*d)" % (len(found[1]), ranks[int(found[1])]), pdf)
