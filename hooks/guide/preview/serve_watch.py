"""Keep ``mkdocs serve`` watching a folder that was deleted and made again.

MkDocs watches ``content_data`` with watchdog's polling observer, whose watch
stops for good once its folder disappears, so a ``git checkout`` or a copy
that replaces the whole folder left the preview frozen without a word. A small
thread notices the dead watch, watches the new folder and asks for a rebuild.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.guide")


def _watch_alive(server: Any, path: str) -> bool:
    return any(e.watch.path == path and e.is_alive() for e in server.observer.emitters)


def _rebuild(server: Any) -> None:
    # MkDocs 1.6's own flag for "a watched file changed" (pinned version).
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def keep_watching(server: Any, folders: list[Path], interval: float = 1.0) -> threading.Thread:
    paths = [str(folder.resolve()) for folder in folders]

    def loop() -> None:
        while not getattr(server, "_shutdown", False):
            time.sleep(interval)
            for path in paths:
                if Path(path).is_dir() and not _watch_alive(server, path):
                    try:
                        server.unwatch(path)
                    except (KeyError, ValueError):
                        pass
                    server.watch(path)
                    log.info(f"'{path}' was replaced: watching the new folder and rebuilding.")
                    _rebuild(server)

    thread = threading.Thread(target=loop, name="guide-keep-watching", daemon=True)
    thread.start()
    return thread


# How often the preview looks at content_data/ for a saved file. MkDocs' polling
# observer checks every 0.5 s, on average a quarter of a second of the editor's
# wait; a folder of a few dozen files can be checked far more often.
POLL_SECONDS = 0.1
# After a change, MkDocs waits for this long without another before it builds
# (0.1 s by default). A folder's poll reports a save's changes together, so a
# short wait is enough to gather them; a change that spans content_data/ and
# docs/ (polled every 0.5 s, watched before on_serve) may build twice.
BUILD_DELAY_SECONDS = 0.02


def poll_often(server: Any, seconds: float = POLL_SECONDS) -> None:
    """Folders watched from now on are polled every ``seconds``, and a save is built
    ``BUILD_DELAY_SECONDS`` after it is seen.

    watchdog builds each folder's poller with its observer's timeout (the
    attribute behind ``BaseObserver.timeout``; watchdog is pinned); MkDocs
    watches ``watch:`` folders (content_data, hooks) after ``on_serve``.
    """
    server.observer._timeout = seconds
    server.build_delay = BUILD_DELAY_SECONDS  # LiveReloadServer's own attribute (pinned 1.6)
