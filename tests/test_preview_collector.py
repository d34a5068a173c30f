"""The preview's garbage collection waits for a quiet moment after each build (guide.preview.collector)."""

from __future__ import annotations

import gc
import weakref

import pytest

from guide.preview.collector import QuietCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


@pytest.fixture
def collector():
    yield QuietCollector(quiet_seconds=0.01)
    gc.unfreeze()
    gc.enable()


def test_nothing_is_collected_during_a_build_and_everything_after_it(collector: QuietCollector) -> None:
    collector.build_starts()
    assert not gc.isenabled()
    garbage = Node()
    gone = weakref.ref(garbage)
    del garbage
    for _ in range(3):
        [Node() for _ in range(5000)]  # enough allocations to start a collection, were it on
    assert gone() is not None
    collector.build_ends().join()
    assert gone() is None
    assert gc.isenabled()


def test_what_the_first_build_leaves_is_frozen_once(collector: QuietCollector) -> None:
    collector.build_starts()
    kept = Node()
    collector.build_ends().join()
    assert collector.frozen and gc.get_freeze_count() > 0
    frozen = gc.get_freeze_count()
    collector.build_starts()
    collector.build_ends().join()
    assert gc.get_freeze_count() <= frozen  # nothing more frozen: later builds' objects are collected as usual
    assert kept.me is kept


def test_a_build_that_starts_in_the_quiet_moment_drops_the_collection(collector: QuietCollector) -> None:
    slow = QuietCollector(quiet_seconds=60)
    slow.build_starts()
    waiting = slow.build_ends()
    slow.build_starts()  # the next save
    waiting.join()  # returns at once: the collection was dropped, not run an hour later
    assert not gc.isenabled() and not slow.frozen


def test_a_build_that_ends_twice_leaves_no_collection_to_fall_in_the_next_build() -> None:
    """A language's build that fails reports its end, and so does the build around it."""
    twice = QuietCollector(quiet_seconds=60)
    twice.build_starts()
    first = twice.build_ends()
    second = twice.build_ends()
    twice.build_starts()  # the next save
    first.join()
    second.join()
    assert not gc.isenabled()  # neither waiting collection turned the collector back on mid-build
    gc.enable()


def test_the_first_collection_can_be_made_at_once_and_drops_the_waiting_one() -> None:
    """The preview makes its first, longest collection before its server answers."""
    early = QuietCollector(quiet_seconds=60)
    try:
        early.build_starts()
        garbage = Node()
        gone = weakref.ref(garbage)
        del garbage
        waiting = early.build_ends()
        early.collect_now()
        assert gone() is None and early.frozen and gc.get_freeze_count() > 0 and gc.isenabled()
        waiting.join()  # returns at once: dropped, not run a minute later
    finally:
        gc.unfreeze()
        gc.enable()
