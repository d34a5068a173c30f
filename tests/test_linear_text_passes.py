"""Every pass over an editor's text costs time in proportion to the text's length.

A French summary of ``a`` and 120,000 ``&x;`` once held the build for more than
fifteen minutes: the typography searched back from the start of the text at each
";". Hypothesis (fixed seed) draws texts made of two pieces, each repeated, from
the characters the passes treat specially; each pass gets the text at N and at 8N
characters. Linear work takes about 8 times longer, quadratic work 64 times: the
bound sits between the two, far from both. Each cost is the fastest of several
runs, each run long enough for the clock, in CPU time, so a busy machine slows
neither size much and both alike; no absolute time is ever compared.
"""

from __future__ import annotations

import html
import time
from typing import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from yaml import Mark
from yaml.nodes import ScalarNode

from guide.content.decode import Decoder
from guide.content.markup import escape, text as page_text
from guide.content.typography import french
from guide.content.yaml_hints import quote_hint
from guide.site.csp import with_csp
from guide.site.finished_html import PagePasses, finish_page
from guide.site.glossary_terms import explain_terms, term_index
from guide.render.citations import numbered_citations
from guide.site.search_index import without_search_duplicates

SHORT = 4_000  # characters; the long text is EIGHT times that
EIGHT = 8
BOUND = 20  # linear: about 8; quadratic: about 64
PIECES = [
    "&x;", "&#233;", "&", ";", "!", "?", ":", " ", "\u00a0", "\u202f", "«", "»", "'", "a", "é",
    "e\u0301", "\u0301\u0316", "\u0316", "ﬁ", "<", ">", "<!--", "-->", "<code>", "</code>", "<script>",
    "partner", "partners", "<p>", "\n", "*", "#", "1. ",
]
pieces = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join)


def _text(first: str, second: str, length: int) -> str:
    """``a``, then ``first`` repeated over half of ``length``, then ``second`` over the rest."""
    half = length // 2
    return "a" + first * (half // len(first) + 1) + second * (half // len(second) + 1)


def _cost(run: Callable[[str], object], text: str) -> float:
    """CPU seconds of this thread per call of ``run(text)``: the fastest of 5 rounds, each at
    least 5 ms long. CPU time, which other processes on a busy machine do not stretch."""
    calls = 1
    while True:
        start = time.thread_time()
        for _ in range(calls):
            run(text)
        if time.thread_time() - start >= 0.005:
            break
        calls *= 2
    best = float("inf")
    for _ in range(5):
        start = time.thread_time()
        for _ in range(calls):
            run(text)
        best = min(best, (time.thread_time() - start) / calls)
    return best


def _decode(value: str) -> object:
    """The decoder's pass over a text as YAML read it (whitespace, NFC, checks)."""
    mark = Mark("test.yml", 0, 0, 0, None, None)
    return Decoder("content_data/test.yml").decode(ScalarNode("tag:yaml.org,2002:str", value, mark, mark),
                                                   str, "test.fr")


def _passes(guide) -> dict[str, Callable[[str], object]]:
    index = term_index(guide, "fr")
    return {
        "decoding": _decode,
        # A YAML mistake's hint reads the line it is on (`make check` on a line of 50k spaces).
        "YAML hint": lambda value: quote_hint(f"    fr: {value}: c"),
        "typography": french,
        "escaping": escape,
        "typography then escaping": lambda value: page_text(value, "fr"),
        # The glossary reads a page's HTML: the text as the page holds it, and as raw HTML.
        "glossary (escaped text)": lambda value: explain_terms(f"<p>{html.escape(value)}</p>", index),
        "glossary (raw HTML)": lambda value: explain_terms(f"<p>{value}</p>", index),
        # Search folds accents in the browser (lunr.fold.min.js), word by word; what the
        # build does to a page for search and for its citations are passes over its HTML.
        "search exclusions": lambda value: without_search_duplicates(f"<p>{value}</p>", {"x"}),
        "citations": lambda value: numbered_citations(f"<p>{value}</p>", guide, "fr"),
        # A finished page's passes (head, glossary, scripts, policy), the text in its title and article.
        "finished page": lambda value: finish_page(
            f'<html lang="fr"><head><meta charset="utf-8"><title>{html.escape(value)}</title></head><body>'
            f'<article class="md-content__inner"><p>{html.escape(value)}</p></article></body></html>',
            PagePasses(index, "../")),
    }


@pytest.mark.parametrize("name", ["decoding", "YAML hint", "typography", "escaping", "typography then escaping",
                                  "glossary (escaped text)", "glossary (raw HTML)", "search exclusions",
                                  "citations", "finished page"])
@settings(max_examples=12, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(first=pieces, second=pieces)
@example(first="&x;", second="&x;")  # the case found: quadratic typography
@example(first=" ", second="b")  # a run of spaces with no punctuation after it
@example(first="\u0301\u0316", second="b")  # a run of marks out of canonical order (NFC, NFKD)
@example(first="<", second="b")  # "<" with no ">" (the glossary's tag search)
@example(first="<code>", second="</code>")  # deep nesting, then every element closed
def test_a_text_8_times_longer_costs_about_8_times_more(guide, name, first, second):
    run = _passes(guide)[name]
    short, long = _text(first, second, SHORT), _text(first, second, SHORT * EIGHT)
    ratio = _cost(run, long) / _cost(run, short)
    if ratio >= BOUND:  # once more, in case the machine was busy during one of the two
        ratio = min(ratio, _cost(run, long) / _cost(run, short))
    assert ratio < BOUND, f"{name}: {EIGHT}x the text ({first!r}, {second!r}) cost {ratio:.0f}x the time"


def _secured(page: str) -> str | None:
    """The page with its policy, or None when it has no head to carry one."""
    try:
        return with_csp(page)
    except ValueError:
        return None


@pytest.mark.parametrize("start, piece", [
    ("<html><head></head><body>", '<script src="a.js">'),  # many scripts never closed
    ("<html><head></head><body>", "<SCRIPT>"),
    ("<html><head></head><body>", "<script>a()</script><script"),  # each closed, the last one not
    ('<html lang="en"', "<head"),  # many heads never opened
    ("<html><header>", "<head"),
])
def test_the_policy_on_a_page_8_times_longer_costs_about_8_times_more(start, piece):
    short, long = (start + piece * (size // len(piece)) for size in (SHORT, SHORT * EIGHT))
    ratio = _cost(_secured, long) / _cost(_secured, short)
    if ratio >= BOUND:
        ratio = min(ratio, _cost(_secured, long) / _cost(_secured, short))
    assert ratio < BOUND, f"{EIGHT}x the page ({start!r} then {piece!r}) cost {ratio:.0f}x the time"
