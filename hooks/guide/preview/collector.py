"""The preview's garbage collection, moved out of the time an editor waits.

A full collection walks every object the process holds. The preview holds the
content, the theme and its caches for its whole life, so at 120 competencies a
collection that fell during a save's build (about every other save) added a
third of a second or more to it (``make bench``'s edit to reload). So the
collector is off while a build runs and collects in a quiet moment after it;
and what the first build leaves behind is frozen (``gc.freeze``): later
collections no longer walk it. That first collection is the longest, so the
preview makes it before its server answers (``collect_now``), not in the
first seconds of editing.
"""

from __future__ import annotations

import gc
import threading

# How long after a build the collector waits for no other build: long enough for the
# browser to have fetched the reloaded page.
QUIET_SECONDS = 1.0


class QuietCollector:
    """Python's cyclic garbage collector, run between the preview's builds."""

    def __init__(self, quiet_seconds: float = QUIET_SECONDS) -> None:
        self.quiet_seconds = quiet_seconds
        self.frozen = False
        self._lock = threading.Lock()  # held while collecting: a build waits for it, then turns it off
        self._pending: threading.Event | None = None

    def build_starts(self) -> None:
        if self._pending is not None:
            self._pending.set()  # a collection still waiting is dropped: this build's end brings another
        with self._lock:
            gc.disable()

    def build_ends(self) -> threading.Thread:
        """Collect once the preview has been quiet for ``quiet_seconds``, then collect as usual
        until the next build."""
        if self._pending is not None:
            self._pending.set()  # a build that ended twice (a language's failure, then the build's) collects once
        pending = self._pending = threading.Event()

        def collect() -> None:
            if pending.wait(self.quiet_seconds):
                return
            with self._lock:
                if pending.is_set():
                    return
                gc.collect()
                if not self.frozen:  # the content, the theme, the caches: kept for the preview's life
                    gc.freeze()
                    self.frozen = True
                gc.enable()

        thread = threading.Thread(target=collect, name="guide-collect", daemon=True)
        thread.start()
        return thread

    def collect_now(self) -> None:
        """The collection a build's end waits for, done at once: the preview's first build
        leaves the most to walk, and before the server answers nobody waits for a reload."""
        if self._pending is not None:
            self._pending.set()
        with self._lock:
            gc.collect()
            if not self.frozen:
                gc.freeze()
                self.frozen = True
            gc.enable()
