"""Fuzzing the YAML reader and the loader: hostile text ends in a file:line error or
in content read as typed, each example within a bounded time, never in a traceback.

Hypothesis runs with a fixed seed (``derandomize``), so a failure is the same on
every machine. Examples mix YAML's own syntax (brackets, dashes, anchors, tags,
quotes, comments, indentation) with characters that have broken readers before:
control codes, line separators, lone surrogates, right-to-left overrides.
"""

from __future__ import annotations

import json
import shutil
import signal
import sys
import unicodedata
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Iterator

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.content.errors import ContentError, ContentInvalid
from guide.content.loader import load_guide
from guide.content.markup import text as typeset
from guide.content.yaml_nodes import plain_values, read_yaml
from guide.render.base import Context
from guide.render.glossary import render_glossary

PYTHON_DEFAULT_RECURSION_LIMIT = 1000
# A normal build takes longer than this on a busy machine; one example may not.
BOUND_SECONDS = 5
FUZZ = settings(derandomize=True, database=None, deadline=timedelta(seconds=BOUND_SECONDS),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FRAGMENTS = [
    "- ", "-", ": ", ":", "? ", "[", "]", "{", "}", ", ", "&a ", "*a", "&b [*a, *a]", "!!python/object:os.system ",
    "!!int ", "!x ", "'", '"', "\\", "#", " #", "|", ">", "%YAML 1.1\n", "---\n", "...\n", "\n", "\n  ", "\n    ",
    "\t", "\r", "\r\n", "\x00", "\x0b", "\x1b[31m", "\x85", "\u2028", "\u202e", "\ufeff", "\ufffe", "\ud800",
    "\u200d", "é", "’", "«\u202f", "<script>", "javascript:", "en: ", "fr: ", "id: ", "terms:", "~", "null",
    "0x1F", "1:30", "[" * 70, "]" * 70, "- " * 70, "{a: " * 40,
    "[" * 995 + "]" * 995, "- " * 995, "[" * 3000,  # deeper than the recursive passes could go
]
hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)
# Values that parse, so that they reach the passes after the reader: any text quoted
# (JSON's escapes are YAML's, so "\u001b" becomes the escape character itself),
# nested in lists and records, then wrapped in brackets up to past libyaml's bound.
quoted = st.text(max_size=20).map(lambda t: json.dumps(t, ensure_ascii=False))
scalar = st.one_of(quoted, st.sampled_from(["x", "1", "~", "true", "TO WRITE", "0x1F", "'a'"]))
flow = st.recursive(scalar, lambda kids: st.one_of(
    st.lists(kids, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
    st.lists(st.tuples(scalar, kids), max_size=4).map(lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"),
), max_leaves=12)
depth = st.sampled_from([0, 1, 2, 63, 64, 65, 500, 900, 990, 995, 1100])
nested = st.tuples(st.one_of(scalar, flow), depth).map(
    lambda value_depth: "[" * value_depth[1] + value_depth[0] + "]" * value_depth[1])


@contextmanager
def bounded(seconds: int = BOUND_SECONDS * 2) -> Iterator[None]:
    """Stop an example that hangs (Hypothesis's deadline only judges those that finish),
    with Python's own recursion limit, which Hypothesis raises while it runs a test:
    the build runs with the default, and so must the examples."""
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"an example took more than {seconds} s")

    previous, limit = signal.signal(signal.SIGALRM, stop), sys.getrecursionlimit()
    signal.alarm(seconds)
    sys.setrecursionlimit(PYTHON_DEFAULT_RECURSION_LIMIT)
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _well_formed(error: ContentError, file: str, text: str) -> None:
    """file:line:column, a message and a hint, printable on a terminal."""
    assert error.file == file
    assert 1 <= error.line <= text.count("\n") + 2 and error.column >= 1, error
    assert error.message and error.hint, error
    assert all(line.isprintable() for line in error.format().split("\n")), error.format()


@settings(FUZZ, max_examples=300)
@given(hostile_text)
def test_the_reader_ends_in_a_tree_or_file_line_errors(text):
    with bounded():
        node, errors = read_yaml(text, "content_data/f.yml")
        if node is None:
            assert errors
            for error in errors:
                _well_formed(error, "content_data/f.yml", text)
        else:
            assert errors == []
            plain_values(node)  # the tree is usable without recursion


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("fuzz") / "content_data"
    shutil.copytree(ROOT / "content_data", copy)
    return copy


TARGETS = ["glossary.yml", "catalogue.yml", "competencies/collaboration/competency.yml", "translation-reviews.json"]


@settings(FUZZ, max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(TARGETS), at=st.floats(0, 1), insert=hostile_text, cut=st.integers(0, 40))
def test_the_loader_ends_in_a_guide_or_file_line_errors(content, target, at, insert, cut):
    path = content / target
    original = path.read_text(encoding="utf-8") if path.exists() else '{"x": {"reviewed": "2026-01-01", "text": "a"}}\n'
    position = int(len(original) * at)
    broken = original[:position] + insert + original[position + cut:]
    path.write_bytes(broken.encode("utf-8", errors="surrogatepass"))
    try:
        with bounded():
            try:
                load_guide(content)
            except ContentInvalid as exc:
                for error in exc.errors:
                    assert error.file.startswith("content_data/")
                    assert error.line >= 1 and error.column >= 1 and error.message and error.hint, error
                    assert all(line.isprintable() for line in error.format().split("\n")), error.format()
                    if error.file == f"content_data/{target}":
                        assert error.line <= broken.count("\n") + 2, error
    finally:
        if target == "translation-reviews.json":
            path.unlink()
        else:
            path.write_text(original, encoding="utf-8")


TERM = "    forms: {en: \"partner, partners\", fr: \"partenaire, partenaires\"}\n"


@settings(FUZZ, max_examples=80, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(key=st.one_of(st.just("forms"), quoted), value=nested)
def test_a_value_that_parses_ends_in_a_guide_or_file_line_errors(content, key, value):
    """Parsed values (deep, hostile keys) reach the decoder and the hints, not only the reader."""
    path = content / "glossary.yml"
    original = path.read_text(encoding="utf-8")
    assert original.count(TERM) == 1
    path.write_text(original.replace(TERM, f"    {key}: {value}\n"), encoding="utf-8")
    try:
        with bounded():
            try:
                load_guide(content)
            except ContentInvalid as exc:
                for error in exc.errors:
                    assert error.line >= 1 and error.message and error.hint, error
                    assert all(line.isprintable() for line in error.format().split("\n")), error.format()
    finally:
        path.write_text(original, encoding="utf-8")


@settings(FUZZ, max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(typed=st.text(min_size=1, max_size=80))
def test_a_term_loads_and_is_published_as_typed_or_is_refused_at_its_line(content, typed):
    path = content / "glossary.yml"
    original = path.read_text(encoding="utf-8")
    written = "term: {en: " + json.dumps(typed, ensure_ascii=False) + ", fr: partenaire}"
    path.write_text(original.replace("term: {en: partner, fr: partenaire}", written, 1), encoding="utf-8")
    try:
        with bounded():
            try:
                guide = load_guide(content)
            except ContentInvalid as exc:
                lines = [e.line for e in exc.errors if e.file == "content_data/glossary.yml"]
                assert lines, exc.report()
                assert all(e.hint for e in exc.errors), exc.report()
                return
            term = next(t for t in guide.glossary.terms if t.id == "term-partner")
            assert term.term.en == unicodedata.normalize("NFC", " ".join(typed.split()))
            page = render_glossary(Context(guide, "en")).markdown
            assert typeset(term.term.en, "en") in page
    finally:
        path.write_text(original, encoding="utf-8")
