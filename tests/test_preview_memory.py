"""The preview collects garbage after each build, not in the middle of one
(guide.preview_memory): what that saves is measured by `make bench`."""

from __future__ import annotations

import gc
import time
import weakref

from guide.preview import preview_memory


class _Node:
    pass


def _cycle() -> weakref.ref:
    """An object kept alive only by a reference cycle: reference counting never frees it."""
    node = _Node()
    node.self = node  # type: ignore[attr-defined]
    return weakref.ref(node)


def test_after_the_first_build_garbage_is_collected_after_each_build_and_not_before(monkeypatch):
    monkeypatch.setattr(preview_memory, "AFTER_BUILD_SECONDS", 0.05)
    try:
        preview_memory.collect_between_builds()
        assert not gc.isenabled(), "automatic collection would still run in the middle of builds"
        garbage = _cycle()
        [[object()] for _ in range(50_000)]  # enough allocations to start a collection if it were on
        assert garbage() is not None
        preview_memory.collect_soon()
        preview_memory.collect_soon()  # a second build before the first's collection: one collection
        deadline = time.monotonic() + 5
        while garbage() is not None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert garbage() is None, "a build's garbage was never collected"
    finally:
        timer = preview_memory._pending["timer"]
        if timer is not None:
            timer.cancel()
        gc.enable()
