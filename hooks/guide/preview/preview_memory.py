"""Keep Python's garbage collector off the preview's path from a save to the reload.

Python's cyclic collector runs when enough objects have been made, so in a
preview it ran in the middle of builds: at 30 competencies 0.01–0.19 s of a
save (0.1 s on average, a full collection every other save, walking
everything the preview holds). After the first build the preview collects at
its own moments instead: automatic collection is off, and a collection runs
``AFTER_BUILD_SECONDS`` after each build, once the browser has had its reload.
A build's garbage waits that long at most, or until the next build's end when
saves come faster. The first build, which makes most of what a preview holds,
is collected as usual.
"""

from __future__ import annotations

import gc
import threading

AFTER_BUILD_SECONDS = 1.0  # the reload is painted 0.3–0.4 s after a build at 30 competencies

_pending: dict[str, threading.Timer | None] = {"timer": None}


def collect_between_builds() -> None:
    """From now on, collect only when ``collect_soon`` asks (after each build)."""
    gc.collect()
    gc.disable()


def collect_soon() -> None:
    """Collect once the browser has reloaded; a later build's call replaces this one."""
    timer = _pending["timer"]
    if timer is not None:
        timer.cancel()
    timer = threading.Timer(AFTER_BUILD_SECONDS, gc.collect)
    timer.daemon = True
    timer.start()
    _pending["timer"] = timer
