"""What the preview (``mkdocs serve --dirty``, ``make serve``) remembers from one save to the next."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from guide.content.messages import say
from guide.preview.collector import QuietCollector
from guide.preview.incremental import BuiltPages, FileDigests, Fingerprints
from guide.preview.patches import PreviewPatches
from guide.site.search_index import LanguageIndexes

log = logging.getLogger("mkdocs.hooks.guide")

# How long the preview waits after a build, with no other save, before it writes the
# open data: long enough for the browser to have reloaded the page, and for an
# editor's quick second save (an undo, a typo fixed) to come first.
OPEN_DATA_QUIET_SECONDS = 3.0
# A test that checks the waiting on a busy machine makes it longer; so may a slow machine.
QUIET_SECONDS_ENV = "GUIDE_PREVIEW_QUIET_SECONDS"


def open_data_quiet_seconds(environ: Mapping[str, str] = os.environ) -> float:
    """The seconds set in ``GUIDE_PREVIEW_QUIET_SECONDS`` (0 to 3600), else the default,
    with a warning when it is set to anything else."""
    given = environ.get(QUIET_SECONDS_ENV)
    if given is None:
        return OPEN_DATA_QUIET_SECONDS
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if 0 <= seconds <= 3600:  # NaN compares false
        return seconds
    log.warning(say("quiet_seconds_ignored", name=QUIET_SECONDS_ENV, value=repr(given[:40]),
                    default=f"{OPEN_DATA_QUIET_SECONDS:g}"))
    return OPEN_DATA_QUIET_SECONDS


@dataclass
class PageSource:
    """A page's source file as last read: its time and size, its Markdown and its meta."""

    state: tuple[int, int]
    markdown: str
    meta: dict[str, Any]


class OpenDataWriter:
    """Writes the open data in a thread once the browser has reloaded.

    The files (JSON, CSV, CASE) are seldom opened while editing, and made while
    the browser reloads they slowed the server answering it. So they wait for a
    quiet moment, and a save within it, or during the writing, stops them: its
    own build writes them again, or, if it fails, ``resume_if_stopped`` starts
    them again. One writer at a time; each file is replaced whole, so a download
    is the old file or the new one.
    """

    def __init__(self, quiet_seconds: float | None = None) -> None:
        self.quiet_seconds = open_data_quiet_seconds() if quiet_seconds is None else quiet_seconds
        self._thread: threading.Thread | None = None
        self._dropped: threading.Event | None = None
        self._done: threading.Event | None = None
        self._write: Callable[[Callable[[], bool]], bool] | None = None
        self._quiet = True

    def start(self, write: Callable[[Callable[[], bool]], bool], quiet: bool = True) -> None:
        """``write(going_on)`` writes the files while ``going_on()``, True when all were written."""
        self.stop()
        dropped, done = threading.Event(), threading.Event()
        wait = self.quiet_seconds if quiet else 0.0

        def run() -> None:
            if dropped.wait(wait):
                return
            try:
                if write(lambda: not dropped.is_set()):
                    done.set()
            except Exception as exc:  # noqa: BLE001 - a thread's error would be lost; the preview says it
                done.set()  # written again by the next build, not by a failed one
                log.error(say("open_data_failed", error=exc))

        self._thread = threading.Thread(target=run, name="guide-open-data", daemon=True)
        self._dropped, self._done, self._write, self._quiet = dropped, done, write, quiet
        self._thread.start()

    def stop(self) -> None:
        """Stop the writer and wait for it: one still waiting writes nothing, one writing
        stops after its current file."""
        if self._thread is not None and self._dropped is not None:
            self._dropped.set()
            self._thread.join()
            self._thread = None

    def write_now(self) -> None:
        """Write at once what waits for a quiet moment, and wait for it: at the preview's
        start nobody waits for a reload yet, and the first writing is the longest."""
        if self._write is None or self._done is None or self._done.is_set():
            return
        if not self._quiet and self._thread is not None:  # already writing, from its start
            self._thread.join()
            return
        quiet = self._quiet
        self.start(self._write, quiet=False)
        if self._thread is not None:
            self._thread.join()
        self._quiet = quiet

    def resume_if_stopped(self) -> None:
        """A save stopped the writer, and that save's build failed: write what it was writing."""
        if self._done is not None and not self._done.is_set() and self._write is not None:
            self.start(self._write, self._quiet)


@dataclass
class PreviewState:
    """Created only under ``mkdocs serve``; ``dirty`` with ``--dirty`` (``make serve``)."""

    dirty: bool
    patches: PreviewPatches = field(default_factory=PreviewPatches)
    built: BuiltPages = field(default_factory=BuiltPages)
    digests: FileDigests = field(default_factory=FileDigests)
    fingerprints: tuple[object, Fingerprints] | None = None
    # What the 404 page and the sitemaps showed at the last save: every language's frame, and the pages.
    frames: tuple[object, ...] | None = None
    sources: dict[str, PageSource] = field(default_factory=dict)
    indexes: LanguageIndexes = field(default_factory=LanguageIndexes)
    # A language's index file -> what it was last written from.
    indexes_written: dict[Path, tuple] = field(default_factory=dict)
    open_data: OpenDataWriter = field(default_factory=OpenDataWriter)
    collector: QuietCollector = field(default_factory=QuietCollector)

    def forget_built_pages(self) -> None:
        """A build that failed half way wrote some pages and not the rest: build all again."""
        self.built, self.frames = BuiltPages(), None

    def read_source_once(self, page: Any, config: Any) -> None:
        """``page.read_source``, read again only when the file's time or size changed: every
        save asks it of every page it skips."""
        path = page.file.abs_src_path
        if path is None:  # a page made in memory: nothing to remember it by
            page.read_source(config)
            return
        try:
            stat = os.stat(path)
        except OSError:
            page.read_source(config)  # says the page is missing, as MkDocs does
            return
        state = (stat.st_mtime_ns, stat.st_size)
        known = self.sources.get(path)
        if known is None or known.state != state:
            page.read_source(config)
            known = self.sources[path] = PageSource(state, page.markdown, dict(page.meta))
        page.markdown, page.meta = known.markdown, dict(known.meta)  # its own copy: titles are escaped in place
