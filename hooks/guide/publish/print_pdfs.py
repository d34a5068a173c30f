"""Print the published site's PDFs (card decks, run sheets) with headless Chromium.

One entry point, ``print_pdfs``: it serves the built site on a free loopback
port, starts the system Chromium once and has it print each page of
``downloads.plan`` as its print dialog would (``Page.printToPDF``, the
command behind ``--print-to-pdf``). The paper comes from the page
(``?paper=a4`` picks a named CSS page, see print.js and guide.css).

What printing costs, measured with the machine's busy time (the renderers
Chromium forks are not the build's children, so the build's own CPU count
misses them): a page load is about half of it, and at 10 competencies the
cards page alone takes a second of CPU to load. So a tab loads each page
once and prints everything it can show: both papers (print.js's
``guidePaper``, what ``?paper=`` does on load) and, on the cards page, every
deck (cards.js's ``guideDeck``, what the deck's address does on load). A run
sheet's page prints the facilitator's pack too, added in place (run-sheet.js's
``guidePack``, what ``?pack=1`` does on load). The plan is printed page by page
(``by_page``). The search index, which no printed sheet shows, is not fetched.

Several tabs print at once (``GUIDE_PDF_TABS``, by default one per core), each
taking the next page still to print: the wall time a person waits shrinks with
the cores. A reader thread hands each tab the messages of its own session.

A PDF is printed again only when what it shows changed (``pdf_cache``): once
the tab shows a deck, its key is the printed part of the page (the elements
print media displays, serialised, with the page's head and address), the bytes
of every file the page loaded (styles, scripts, images; not the cards' deck
files, data that print shows only as the DOM), the paper, the public address
its links and QR codes lead to, the Chromium version and the print options.
Not the page's file: the printed DOM and the files the page loaded say what a
deck shows. A page
whose file and files used are the bytes they were when it was last loaded shows
the same DOM again: the note it left in the cache (the keys of its PDFs) is used
without loading it, so a publication that changed nothing starts no browser.
On the cards page the note is per competency, keyed by the page as that
competency's decks see it (``deck_view``: loading its own deck file only), and
its deck file is among the files used: an edit to one competency shows only its
own decks again. And a competency's decks are printed from that view, not from
the page's file: the tab opens the cards page at its own address, but the
request is answered with the view (``Fetch``), so a deck is the same DOM, the
same bytes, from a page loading one competency's cards rather than the whole
catalogue's: printing one competency's decks costs the same whatever the
catalogue's size.

The PDFs are the same bytes whichever tab printed them, after whatever pages,
or when they come from the cache. Chromium is driven over
``--remote-debugging-pipe``: JSON messages on two file descriptors, so the
build needs no browser-automation package and its lock stays small. One
browser for every PDF: starting one per PDF cost about two seconds each, 30 s
for the 16 PDFs of one competency.

Chromium stamps each PDF with the time it was printed, and names the tagged
structure of a table by the renderer's DOM node numbers, which depend on every
page the tab showed before. Both are replaced by values of the same length (a
fixed date; the numbers 1, 2, 3... in the order the file names them), so the same commit gives
the same bytes whatever was printed before.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from itertools import groupby, pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from guide.publish.downloads import FOLDER, Download
from guide.publish.local_server import serve
from guide.publish.pdf_cache import CacheFailed, PdfCache
from guide.publish.whole_files import write_whole

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-extensions", "--hide-scrollbars"]
TIMEOUT = 120  # seconds for one page to load and print
TABS_ENV = "GUIDE_PDF_TABS"  # how many tabs print at once; by default one per core
MAX_TABS = 64
# What --print-to-pdf --no-pdf-header-footer asks for: the page's own paper size
# (@page), its backgrounds, no header or footer.
PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}
# Part of every key: raise it when the way a PDF is made from the page changes
# (``_reproducible``, the print options' meaning), so no PDF made the old way is reused.
KEY_FORMAT = 2
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
# What the tab is about to print, run with print media emulated: the elements print
# displays, serialised (a <template>'s content is never in the tree: the cards page's
# pool of every competency's cards is left out), the head, the page's path (not its
# query: a deck opened at its address and one switched to hold the same DOM, under
# addresses that differ; the origin's port changes with each build), and the files that style and
# script the page (what scripts fetch, such as the search index, shows in the DOM
# if at all; the favicon, fetched whenever the browser gets to it, prints nowhere).
_PRINTED = """(function () {
  var out = [location.pathname, document.documentElement.getAttributeNames().map(
    function (name) { return name + "=" + document.documentElement.getAttribute(name); }).join(" "),
    document.head.outerHTML];
  function walk(node) {
    if (node.nodeType === 3) { out.push(node.data); return; }
    if (node.nodeType !== 1 || getComputedStyle(node).display === "none") return;
    out.push("<" + node.localName);
    for (var i = 0; i < node.attributes.length; i++)
      out.push(" " + node.attributes[i].name + "=" + JSON.stringify(node.attributes[i].value));
    out.push(">");
    for (var child = node.firstChild; child; child = child.nextSibling) walk(child);
    out.push("</" + node.localName + ">");
  }
  walk(document.body);
  var files = performance.getEntriesByType("resource").filter(function (entry) {
    return entry.initiatorType === "css";  // fonts and images a stylesheet asked for
  }).map(function (entry) { return entry.name; });
  Array.prototype.forEach.call(document.styleSheets, function (sheet) { if (sheet.href) files.push(sheet.href); });
  document.querySelectorAll("script[src], img[src]").forEach(function (e) { files.push(e.src); });
  return {dom: out.join(""), files: files};
})()"""
# How a PDF is made from a page, part of every key: another way gives other bytes.
_PROCEDURE = hashlib.sha256(json.dumps([KEY_FORMAT, PRINT, _PUBLIC_LINKS, _PRINTED]).encode("utf-8")).hexdigest()
_KEY = re.compile(r"^[0-9a-f]{64}$")
# Requests a printed page does not need: Material's search worker and the index it loads.
NOT_PRINTED = ["*/search/search_index.json", "*/assets/javascripts/workers/*"]
# The cards' deck files (render/cards.py): data, which reaches print only as the DOM the key
# holds. In a page's note (a changed one loads the page again), not in a PDF's key: a
# French deck is not printed again for an English card's edit in the same file.
DATA_ONLY = "*/cards/decks/*.js"
_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)[0-9]{14}")
_NODE_ID = re.compile(rb"\(node([0-9]+)\)")  # a structure element's /ID, and its key in /IDTree
# A leaf of the /IDTree: its /Limits, then its /Names, each a node's name and its element.
_ID_ENTRY = re.compile(rb"\((node[0-9]+)\) ([0-9]+ [0-9]+ R)")
_ID_NAMES = re.compile(rb"/Limits \[\(node[0-9]+\) \(node[0-9]+\)\](\s*)/Names \[((?:\(node[0-9]+\) [0-9]+ [0-9]+ R ?)+)\]")
_EOF: Any = object()  # what a session's queue receives once Chromium's pipe is closed


class PrintFailed(RuntimeError):
    pass


@dataclass
class Printed:
    """What ``print_pdfs`` made: every file, in the plan's order, and which PDFs were
    printed and which came from the cache (their names)."""

    paths: list[Path]
    printed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    pruned: int = 0  # cache entries no download asked for, removed
    pages_opened: int = 0  # pages (a competency's decks: its view) loaded in a tab; an unchanged one is not
    shown: int = 0  # PDFs shown in a tab to read their key (the others came from notes)


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise PrintFailed("printing the PDF decks needs Chromium: run `make chromium` (as root) or "
                      "`sudo apt-get install chromium`, then build again")


def tab_count() -> int:
    """``GUIDE_PDF_TABS``, or the machine's cores."""
    named = os.environ.get(TABS_ENV, "").strip()
    if not named:
        return max(1, min(os.cpu_count() or 1, MAX_TABS))
    if not re.fullmatch(r"[0-9]{1,3}", named) or not 1 <= int(named) <= MAX_TABS:
        raise PrintFailed(f"{TABS_ENV}={named[:20]!r} is not a number of tabs: write a whole number "
                          f"from 1 to {MAX_TABS}, or unset it to print with one tab per core")
    return int(named)


def print_pdfs(site: Path, downloads: Sequence[Download], site_url: str,
               chromium: str | None = None, *, cache: Path | None = None, tabs: int = 1) -> Printed:
    """Print every download of the plan into ``site/downloads/``, its links leading to
    ``site_url``, the site's public address, with ``tabs`` tabs at once; with a
    ``cache`` folder, a PDF whose key it holds is taken from it (``PdfCache.place``), and its entries no
    download asked for are removed."""
    browser = chromium or find_chromium()
    out = site / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    public_root = site_url if site_url.endswith("/") else site_url + "/"
    try:
        kept = PdfCache(cache) if cache is not None else None
    except CacheFailed as exc:
        raise PrintFailed(str(exc)) from None
    pages = [list(group) for _, group in groupby(by_page(downloads), key=lambda d: without_paper(d.page)[0])]
    pages.sort(key=len, reverse=True)  # the cards pages first: the longest work starts first
    result = Printed([out / download.name for download in downloads])
    job = _Job(site, public_root, out, kept, _chromium_identity(browser) if kept is not None else "")
    # Each competency's decks on their own (a load of the page as they see it), so two
    # tabs share the cards pages' work too.
    pages = [unit for page in pages if (left := job.not_reused(page)) for unit in _units(left)]
    pages.sort(key=len, reverse=True)
    if pages:
        with serve(site) as origin, tempfile.TemporaryDirectory(prefix="guide-chromium-") as profile, \
                _Browser(browser, profile) as session:
            job.start(origin, session.version())
            tabs_open = [session.open_tab(public_root) for _ in range(max(1, min(tabs, len(pages))))]
            job.run(tabs_open, pages)
    job.tell(result)
    result.pages_opened, result.shown = len(pages), sum(len(page) for page in pages)
    if kept is not None:
        result.pruned = kept.prune()
    return result


def _chromium_identity(chromium: str) -> str:
    """What ``chromium --version`` says, part of a page's note key (another Chromium may
    print other bytes); empty when it says nothing: every page is then loaded."""
    try:
        done = subprocess.run([chromium, "--version"], stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


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


class _Job:
    """One call's pages, shared by its tabs: each tab takes the next page still to print."""

    def __init__(self, site: Path, public_root: str, out: Path, cache: PdfCache | None, identity: str) -> None:
        self._site, self._public_root = site.resolve(), public_root
        self._out, self._cache, self._identity = out, cache, identity
        self._origin, self._browser_version = "", ""
        self._file_hashes: dict[str, str] = {}  # a loaded file's address -> the hash of its bytes
        self._cards_pages: dict[str, CardsPage | None] = {}  # a cards page's address -> its cut
        self._lock = threading.Lock()
        self._failures: list[BaseException] = []
        self._outcome: dict[str, bool] = {}  # download name -> printed (True) or reused

    def start(self, origin: str, browser_version: str) -> None:
        """The loopback address the pages are served at, and the browser that prints them."""
        self._origin, self._browser_version = origin, browser_version

    def not_reused(self, page: list[Download]) -> list[Download]:
        """The page's downloads its notes could not give (``reuse``), in their order."""
        left = {d.name for unit in _units(page) if not self.reuse(unit) for d in unit}
        return [download for download in page if download.name in left]

    def reuse(self, page: list[Download]) -> bool:
        """Write the PDFs of a page (or one competency's decks on it) from the cache without
        loading it, when its note says which they are and the page's file (as those
        decks see it) and the files it uses are the bytes they were then."""
        page_key = self._page_key(page)
        if self._cache is None or page_key is None:
            return False
        note = _note(self._cache.get(page_key, "json", use=False))
        if note is None or any(self._file_hash(name) != digest for name, digest in note["files"].items()):
            return False
        keys = [note["keys"].get(download.page, "") for download in page]
        if not all(key and self._cache.place(key, self._out / download.name, use=False)
                   for download, key in zip(page, keys, strict=True)):
            return False  # any placed is written over when its page is printed
        self._cache.use(page_key, *keys)
        for download in page:
            self._outcome[download.name] = False
        return True

    def tell(self, result: Printed) -> None:
        """Which PDFs were printed and which reused, by name."""
        for download in sorted(self._outcome):
            (result.printed if self._outcome[download] else result.reused).append(download)

    def run(self, tabs: list[_Tab], pages: list[list[Download]]) -> None:
        todo: queue.SimpleQueue[list[Download]] = queue.SimpleQueue()
        for page in pages:
            todo.put(page)
        workers = [threading.Thread(target=self._work, args=(tab, todo), daemon=True) for tab in tabs]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        if self._failures:
            failure = self._failures[0]
            if isinstance(failure, PrintFailed):
                raise failure
            if isinstance(failure, CacheFailed):
                raise PrintFailed(str(failure)) from None
            raise PrintFailed(f"printing the PDFs failed: {failure!r}") from failure

    def _work(self, tab: _Tab, todo: queue.SimpleQueue[list[Download]]) -> None:
        try:
            while not self._failures:
                try:
                    page = todo.get_nowait()
                except queue.Empty:
                    return
                keys, files = {}, {}
                for download in page:
                    keys[download.page], used = self._one(tab, download)
                    files.update(used)
                for unit in _units(page):
                    self._remember(unit, files, keys)
        except Exception as exc:  # noqa: BLE001  (raised again by run, in the build's thread)
            with self._lock:
                self._failures.append(exc)

    def _one(self, tab: _Tab, download: Download) -> tuple[str, dict[str, str]]:
        """Show the download in the tab; print it, or take it from the cache: its key
        and the files the page uses, with the hashes of their bytes."""
        tab.show(f"{self._origin}/{download.page}", download.paper, self._deck_view(download))
        key, files = self._key(tab, download) if self._cache is not None else ("", {})
        printed = self._cache is None or not self._cache.place(key, self._out / download.name)
        if printed:
            pdf = _reproducible(tab.print())
            if self._cache is not None:
                self._cache.put(key, pdf)
            write_whole(self._out / download.name, pdf)  # never into a placed cache entry
        with self._lock:
            self._outcome[download.name] = printed
        return key, files

    def _page_key(self, page: list[Download]) -> str | None:
        """The key of a page's note: its file's bytes (as one competency's decks see them,
        for those), the Chromium, the public address; None when it cannot be read."""
        path = "/" + without_paper(page[0].page)[0]
        scope = page[0].competency if page[0].kind == "deck" else None
        if scope is None:
            digest: str | None = self._file_hash(path)
        else:
            cut = self._cards_page(path)
            digest = hashlib.sha256(cut.view(scope).encode("utf-8")).hexdigest() if cut is not None else None
        if not self._identity or digest in (None, "missing"):
            return None
        material = [_PROCEDURE, self._identity, self._public_root, path, scope, digest]
        return hashlib.sha256(json.dumps(material).encode("utf-8")).hexdigest()

    def _remember(self, page: list[Download], files: dict[str, str], keys: dict[str, str]) -> None:
        """Leave the page's note: the keys of its PDFs and the files it used."""
        page_key = self._page_key(page)
        if self._cache is not None and page_key is not None:
            note = {"files": files, "keys": {d.page: keys[d.page] for d in page}}
            self._cache.put(page_key, json.dumps(note, sort_keys=True).encode("utf-8"), "json")

    def _key(self, tab: _Tab, download: Download) -> tuple[str, dict[str, str]]:
        shown = tab.printed_part()
        files = {}
        for address in shown["files"]:
            name = self._local(address)
            if any(fnmatch(name, blocked) for blocked in NOT_PRINTED):
                continue  # never loaded, whether or not its request was made yet
            files[name] = self._file_hash(name) if name.startswith("/") else ""
        material = [_PROCEDURE, self._browser_version, self._public_root, download.paper,
                    shown["dom"], sorted((name, digest) for name, digest in files.items()
                                         if not fnmatch(name, DATA_ONLY))]
        return hashlib.sha256(json.dumps(material, ensure_ascii=False).encode("utf-8")).hexdigest(), files

    def _local(self, address: str) -> str:
        """A file of the site by its path and query; any other address as it is."""
        if not isinstance(address, str):
            return ""
        if address.startswith(self._origin + "/"):
            return address[len(self._origin):]
        return address

    def _file_hash(self, name: str) -> str:
        """The hash of the bytes of the site's file at ``name`` ("/assets/x.css?v=1"), once per call."""
        with self._lock:
            known = self._file_hashes.get(name)
        if known is not None:
            return known
        found = self._site_file(name)
        digest = hashlib.sha256(found.read_bytes()).hexdigest() if found else "missing"
        with self._lock:
            self._file_hashes[name] = digest
        return digest

    def _deck_view(self, download: Download) -> tuple[str, str] | None:
        """A deck's competency and the cards page as its decks see it; None for another
        download, or a page not laid out as expected (then the page's file is loaded)."""
        if download.kind != "deck" or download.competency is None:
            return None
        cut = self._cards_page("/" + without_paper(download.page)[0])
        return (download.competency, cut.view(download.competency)) if cut is not None else None

    def _cards_page(self, path: str) -> CardsPage | None:
        """The cards page at ``path``, read and cut once per call (``CardsPage``)."""
        with self._lock:
            if path not in self._cards_pages:
                found = self._site_file(path)
                try:
                    self._cards_pages[path] = cut_cards_page(found.read_text(encoding="utf-8")) if found else None
                except (OSError, UnicodeDecodeError):
                    self._cards_pages[path] = None
            return self._cards_pages[path]

    def _site_file(self, name: str) -> Path | None:
        """The site's file at the address ``name`` (a folder's index.html), if it has one."""
        found = (self._site / unquote(urlsplit(name).path).lstrip("/")).resolve()
        if found.is_dir():
            found = found / "index.html"
        return found if found.is_relative_to(self._site) and found.is_file() else None


_DECK = re.compile(r'<script src="[^"<>]*?cards/decks/([^"/<>]+)\.js"></script>\n?')  # render/cards.py


@dataclass(frozen=True)
class CardsPage:
    """The cards page cut where one competency's decks differ: what every deck of it
    sees around the deck files' scripts, and each competency's script. Cut once per
    page."""

    before: str
    cards: dict[str, str]  # competency -> the script that loads its deck file
    after: str

    def view(self, competency: str) -> str:
        """The page as ``competency``'s decks see it (``deck_view``)."""
        return self.before + self.cards.get(competency, "") + self.after


def cut_cards_page(html: str) -> CardsPage | None:
    """``CardsPage``; None when the page is not laid out as render/cards.py writes it
    (its deck scripts one after the other)."""
    found = list(_DECK.finditer(html))
    if not found or any(a.end() != b.start() for a, b in pairwise(found)):
        return None
    scripts = {match[1]: match[0] for match in found}
    if len(scripts) != len(found):
        return None
    return CardsPage(html[:found[0].start()], scripts, html[found[-1].end():])


def deck_view(html: str, competency: str) -> str | None:
    """The cards page as the decks of one competency see it: loading only its own deck
    file, not every competency's. A deck shown on the page is the same DOM whatever the
    other files held. None when the page is not laid out as render/cards.py writes it."""
    cut = cut_cards_page(html)
    return cut.view(competency) if cut is not None else None


def _units(page: list[Download]) -> list[list[Download]]:
    """A page's downloads by the note that keeps them: a deck of one competency on the
    cards page has its competency's; anything else, the page's."""
    units: dict[str | None, list[Download]] = {}
    for download in page:
        units.setdefault(download.competency if download.kind == "deck" else None, []).append(download)
    return list(units.values())


def _note(data: bytes | None) -> dict[str, dict[str, str]] | None:
    """A page's note read back: its files' hashes and its PDFs' keys; None if not one."""
    try:
        note = json.loads(data) if data else None
    except ValueError:
        return None
    if not isinstance(note, dict) or not isinstance(note.get("files"), dict) or not isinstance(note.get("keys"), dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in note["files"].items()) \
            or not all(isinstance(k, str) and isinstance(v, str) and _KEY.match(v) for k, v in note["keys"].items()):
        return None
    return note


class _Browser:
    """One headless Chromium, spoken to over its debugging pipe (fds 3 and 4). A reader
    thread puts each message in its session's queue, so tabs in threads wait apart."""

    def __init__(self, chromium: str, profile: str) -> None:
        self._chromium, self._profile = chromium, profile
        self._next_id = 0
        self._lock = threading.Lock()
        self._queues: dict[str | None, queue.SimpleQueue[dict]] = {}
        self._closed = False
        self._paused: dict[str, Callable[[dict], None]] = {}  # a tab's session -> what answers its paused loads

    def __enter__(self) -> _Browser:
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
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
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
        self._reader.join(timeout=10)  # the pipe is closed with the browser: the reader ends
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._stderr.close()

    def version(self) -> str:
        """The browser's product and version: another Chromium may print other bytes."""
        return str(self._call("Browser.getVersion").get("product", ""))

    def open_tab(self, public_root: str) -> _Tab:
        """A new tab, with the requests no print needs blocked; closed with the browser."""
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self._call("Page.enable", session=session)
        self._call("Network.enable", session=session)
        self._call("Network.setBlockedURLs", {"urls": NOT_PRINTED}, session=session)
        tab = _Tab(self, session, public_root)
        # Every page the tab opens pauses until _Tab.answer says what to load (a deck's view, or the file).
        self._paused[session] = tab.answer
        self._call("Fetch.enable", {"patterns": [{"urlPattern": "*", "resourceType": "Document",
                                                  "requestStage": "Request"}]}, session=session)
        return tab

    # -- the pipe ---------------------------------------------------------------

    def _queue(self, session: str | None) -> queue.SimpleQueue[dict]:
        with self._lock:
            found = self._queues.get(session)
            if found is None:
                found = self._queues[session] = queue.SimpleQueue()
                if self._closed:
                    found.put(_EOF)
            return found

    def _read(self) -> None:
        """Split the pipe into messages, each to its session's queue, until Chromium closes it."""
        pending: list[bytes] = []
        try:
            while True:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    return
                while b"\0" in chunk:
                    end, chunk = chunk.split(b"\0", 1)
                    message = json.loads(b"".join(pending) + end)
                    pending = []
                    self._queue(message.get("sessionId")).put(message)
                pending.append(chunk)
        except (OSError, ValueError):
            return
        finally:
            with self._lock:
                self._closed = True
                queues = list(self._queues.values())
            for waiting in queues:
                waiting.put(_EOF)

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        with self._lock:
            self._next_id += 1
            message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            data = json.dumps(message).encode("utf-8") + b"\0"
            while data:
                data = data[os.write(self._to_browser, data):]
            return message["id"]

    def _call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        wanted = self._send(method, params, session)
        while True:
            message = self._receive(session, method)
            if message.get("id") == wanted:
                if "error" in message:
                    raise self._failed(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})

    def _wait_for(self, event: str, session: str, url: str) -> None:
        while True:
            if self._receive(session, f"{event} of {url}").get("method") == event:
                return

    def _receive(self, session: str | None, waiting_for: str) -> dict:
        try:
            message = self._queue(session).get(timeout=TIMEOUT)
        except queue.Empty:
            raise self._failed(f"Chromium did not answer within {TIMEOUT} s ({waiting_for})") from None
        if message is _EOF:
            self._queue(session).put(_EOF)  # for whoever waits next
            raise self._failed(f"Chromium stopped ({waiting_for})")
        if message.get("method") == "Fetch.requestPaused" and session in self._paused:
            self._paused[session](message["params"])  # answered, then the wait goes on
            return self._receive(session, waiting_for)
        return message

    def _failed(self, what: str) -> PrintFailed:
        with self._lock:
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
        self._view: tuple[str, str] | None = None  # (competency, HTML) loaded instead of the page's file
        self._loading: str | None = None  # the HTML the page being opened gets (None: its file)

    def show(self, url: str, paper: str, view: tuple[str, str] | None = None) -> None:
        """Have the tab show ``url`` on ``paper``, loading it only when the page on
        screen cannot switch to it; its links lead to the public site. With ``view``
        (a competency, and the cards page as its decks see it: ``CardsPage``), the page
        is opened from that HTML at the same address: the same deck, the same DOM, from
        a page that holds one competency's cards, not the whole catalogue's."""
        page, query = without_paper(url)
        adds_pack = self._packs and self._shown[1] == "" and query == "pack=1"
        other_view = (view or ("", ""))[0] != (self._view or ("", ""))[0]
        if page != self._shown[0] or other_view or (query != self._shown[1] and not (self._decks or adds_pack)):
            self._view = view
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
        # Set now (a deck switched in place has new cards), before the key is read.
        self._evaluate(_PUBLIC_LINKS % json.dumps(self._public_root), "lead its links to the public site")

    def load(self, url: str) -> None:
        """Open ``url`` (from the view's HTML, if any) and wait for its load event (scripts
        have laid the sheets out)."""
        self._loading = self._view[1] if self._view is not None else None
        try:
            navigated = self._browser._call("Page.navigate", {"url": url}, session=self._session)
            if navigated.get("errorText"):
                raise self._browser._failed(f"could not open {url}: {navigated['errorText']}")
            self._browser._wait_for("Page.loadEventFired", self._session, url)
        finally:
            self._loading = None
        self._url = url

    def answer(self, paused: dict) -> None:
        """A page the tab opens, paused before it is requested: given the view's HTML, as
        the site's server would send the file, or let through to the server. Sent without
        waiting for the reply (whose wait would drop the load's events)."""
        request = paused.get("requestId", "")
        if self._loading is None:
            self._browser._send("Fetch.continueRequest", {"requestId": request}, session=self._session)
            return
        self._browser._send("Fetch.fulfillRequest", {
            "requestId": request, "responseCode": 200,
            "responseHeaders": [{"name": "Content-Type", "value": "text/html"}],
            "body": base64.b64encode(self._loading.encode("utf-8")).decode("ascii")}, session=self._session)

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

    def printed_part(self) -> dict:
        """What the tab would print (``_PRINTED``), read with print media emulated."""
        call: Callable[..., dict] = self._browser._call
        call("Emulation.setEmulatedMedia", {"media": "print"}, session=self._session)
        try:
            shown = self._evaluate(_PRINTED, "read what it prints")
        finally:
            call("Emulation.setEmulatedMedia", {"media": ""}, session=self._session)
        if not isinstance(shown, dict) or not isinstance(shown.get("dom"), str) \
                or not isinstance(shown.get("files"), list):
            raise self._browser._failed(f"could not read what {self._url} prints")
        return shown

    def print(self) -> bytes:
        """The page as its print dialog would save it."""
        data = self._browser._call("Page.printToPDF", PRINT, session=self._session)["data"]
        pdf = base64.b64decode(data)
        if not pdf.startswith(b"%PDF"):
            raise self._browser._failed(f"printing {self._url} gave no PDF")
        return pdf


def _reproducible(pdf: bytes) -> bytes:
    """The print time replaced by 1980-01-01 00:00:00, and the node numbers by 1, 2, 3...
    in the order they first appear in the file (the structure tree's, the page's order,
    not the order the renderer numbered the nodes in, which depends on the tab's
    history), each the same length (the file's offsets stay right); the /IDTree's
    entries sorted again under their new names, as a name tree must be."""
    pdf = _DATE.sub(rb"\g<1>19800101000000", pdf)
    ranks: dict[bytes, int] = {}
    for found in _NODE_ID.finditer(pdf):
        ranks.setdefault(found[1], len(ranks) + 1)
    pdf = _NODE_ID.sub(lambda found: b"(node%0*d)" % (len(found[1]), ranks[found[1]]), pdf)
    return _ID_NAMES.sub(_sorted_names, pdf)


def _sorted_names(found: re.Match[bytes]) -> bytes:
    """A leaf of the /IDTree with its entries in the order of their names, its /Limits
    the first and last; the same length, or unchanged if it would not be."""
    entries = sorted(_ID_ENTRY.findall(found[2]))
    names = b" ".join(b"(%s) %s" % entry for entry in entries)
    leaf = b"/Limits [(%s) (%s)]%s/Names [%s]" % (entries[0][0], entries[-1][0], found[1], names)
    return leaf if len(leaf) == len(found[0]) else found[0]
