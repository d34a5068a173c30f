"""Property-based: any text an editor can type is refused clearly or shown as typed.

Hypothesis draws texts from the whole Unicode range mixed with HTML, character
references, Markdown block and inline syntax, attribute lists, spreadsheet
formulas and YAML-significant characters. Each goes through the real path: YAML
as an editor would save it, the decoder, the renderers, Python-Markdown with
the site's own extensions, the glossary pass, the search entries and the
exports. For each, either the decoder answers with a located error and a hint,
or the text appears literally in every destination and adds no element,
attribute or script. A fixed seed (``derandomize``) keeps the suite repeatable.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.content.decode import INVALID, Decoder
from guide.site.glossary_terms import explain_terms, term_index
from guide.content.model import Text
from guide.exports.open_data import csv_export, exported_data, json_export, spreadsheet_safe
from guide.render.base import Context
from guide.render.cards import card_html
from guide.content.cards import deck
from guide.render.dispatch import render_blocks
from guide.content.typography import for_language

HOSTILE = [
    "<script>alert(1)</script>", "&lt;img src=x onerror=alert(1)&gt;", "&amp;", "&#60;b&#62;", "&#x3C;",
    "&nbsp;", "*[partner]: pwned", "??? danger", "!!! note", "1986. ", "- ", "+ ", "> ", "# ", "---",
    "| a | b |", "[x](javascript:alert(1))", "{ .guide-cite }", "{: #id }", "**", "__", "`code`",
    "~~", "^^", "==", ":smile:", "\\", "\\*", "$x$", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "-1+2",
    "<!--", "-->", "]]>", "\" onmouseover=\"alert(1)", "' onfocus='x", "partner", "partners",
    "\u00a0", "\u202f", "l'équipe", "«", "»", "e\u0301", "\U0001F600", "\u200d", "\u2060", "\ufeff",
    "\u202e", "\x00", "\x0b", "\x1b", "\u2028", "\t", "\n", "  ", "%", "&", "#", "@", "!", "*", "|",
]
PLAIN = "Plain words"
SETTINGS = settings(max_examples=120, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
texts = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), min_size=1, max_size=6).map("".join)


def decoded(raw: str):
    """The text as the build would read it from a YAML file, or its error."""
    node = yaml.compose(yaml.safe_dump({"en": raw}, allow_unicode=True), Loader=yaml.SafeLoader)
    decoder = Decoder("content_data/test.yml")
    value = decoder.decode(node.value[0][1], str, "test.en")
    if value is INVALID:
        assert decoder.found.errors and all(e.hint and e.line >= 1 for e in decoder.found.errors)
        return None
    assert decoder.found.errors == []
    return value


class _Visible(HTMLParser):
    """The text a reader sees, and the elements and attributes the HTML holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.titles: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag + "".join(sorted(f" {k}" for k, _ in attrs if k != "title")))
        self.titles += [v for k, v in attrs if k == "title" and v is not None]
        if tag in ("script", "style", "template"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def in_each_language_for_every_text(test):
    """Run ``test(…, lang, raw)`` in both languages for the texts Hypothesis draws."""
    return pytest.mark.parametrize("lang", ["en", "fr"])(SETTINGS(given(raw=texts)(test)))


def _typed(raw: str, lang: str) -> tuple[str, str] | None:
    """The text as decoded and as it should read on a page in ``lang``; None if refused."""
    value = decoded(raw)
    return None if value is None else (value, _squash(for_language(value, lang)))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _letters(text: str) -> str:
    """The text without any white space: where a space falls at an element's edge
    (a table cell, a French no-break space after «) is layout, not content."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def site_markdown():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return lambda source: markdown.Markdown(extensions=config.markdown_extensions,
                                            extension_configs=config.mdx_configs).convert(source)


def _page(guide, lang: str, block: str, convert) -> _Visible:
    rendered, entries = render_blocks(f"<!-- guide: {block} -->", guide, lang)
    parser = _Visible()
    parser.feed(explain_terms(convert(rendered), term_index(guide, lang)))
    parser.entries = entries  # type: ignore[attr-defined]
    return parser


def _assert_reads_as_typed(page: _Visible, baseline: _Visible, expected: str, what: str) -> None:
    """The page reads exactly as with PLAIN in the text's places, but for the text itself,
    and holds the same elements (glossary tooltips aside)."""
    assert _letters("".join(page.text)) == _letters("".join(baseline.text)).replace(
        _letters(PLAIN), _letters(expected)), f"{what} not shown as typed"
    strip = lambda tags: [t for t in tags if not t.startswith("abbr")]  # noqa: E731
    assert strip(page.tags) == strip(baseline.tags), f"{what} changed the page's elements"


def _with_behaviour(guide, value: str):
    """The text as a list item (inside HTML) and as a paragraph of its own (Markdown
    block context, where "1986. " or "??? " would start a list or a box)."""
    c = guide.competency
    adopt = [dataclasses.replace(c.adopt[0], en=value, fr=value, card=None), *c.adopt[1:]]
    purpose = dataclasses.replace(c.purpose, en=value, fr=value)
    return guide.with_folder(dataclasses.replace(guide.folder(), competency=dataclasses.replace(
        c, adopt=adopt, purpose=purpose)))


def _with_definition(guide, value: str):
    terms = list(guide.glossary.terms)
    terms[0] = dataclasses.replace(terms[0], definition=Text(value, value))
    return dataclasses.replace(guide, glossary=dataclasses.replace(guide.glossary, terms=terms))


@in_each_language_for_every_text
def test_an_item_text_is_refused_or_shown_as_typed_on_its_page_and_in_search(guide, site_markdown, lang, raw):
    typed = _typed(raw, lang)
    if typed is None:
        return
    value, expected = typed
    baseline = _page(_with_behaviour(guide, PLAIN), lang, "competency", site_markdown)
    page = _page(_with_behaviour(guide, value), lang, "competency", site_markdown)
    _assert_reads_as_typed(page, baseline, expected, repr(value))
    entry = next(e for e in page.entries if e.anchor == guide.competency.adopt[0].id)
    assert "<" not in entry.text and _squash(html.unescape(entry.text)) == expected


@in_each_language_for_every_text
def test_a_glossary_definition_is_refused_or_shown_as_typed_in_its_tooltip(guide, site_markdown, lang, raw):
    typed = _typed(raw, lang)
    if typed is None:
        return
    value, expected = typed
    page = _page(_with_definition(guide, value), lang, "competency", site_markdown)
    # Material puts the title into the tooltip as HTML: it must hold no markup,
    # and reading it as HTML must give back the text.
    titles = [t for t in page.titles if _squash(html.unescape(t)) == expected]
    assert titles, f"no tooltip shows {value!r}"
    assert all("<" not in t for t in page.titles)
    glossary = _page(_with_definition(guide, value), lang, "glossary", site_markdown)
    assert expected in _squash("".join(glossary.text))


@SETTINGS
@given(raw=texts)
def test_a_text_is_exported_as_typed_to_json_and_csv(guide, raw):
    value = decoded(raw)
    if value is None:
        return
    data = exported_data(_with_behaviour(guide, value))
    exported = json.loads(json_export(data))
    assert exported["competencies"][0]["competency"]["adopt"][0]["en"] == value
    rows = list(csv.DictReader(io.StringIO(csv_export(data).lstrip("\ufeff"), newline="")))
    row = next(r for r in rows if r["path"] == "/competencies/0/competency/adopt/0")
    assert row["en"] == row["fr"] == spreadsheet_safe(value)
    assert not re.match(r"[=+\-@\t\r]", row["en"])


def _with_slot_name(guide, value: str):
    w = guide.workshop
    schedule = [dataclasses.replace(w.schedule[0], name=Text(value, value)), *w.schedule[1:]]
    return guide.with_folder(dataclasses.replace(guide.folder(), workshop=dataclasses.replace(w, schedule=schedule)))


@in_each_language_for_every_text
def test_a_timetable_name_is_refused_or_shown_as_typed_in_tables_and_svg(guide, site_markdown, lang, raw):
    typed = _typed(raw, lang)
    if typed is None:
        return
    value, expected = typed
    for block in ("workshop", "run-sheet"):
        baseline = _page(_with_slot_name(guide, PLAIN), lang, block, site_markdown)
        page = _page(_with_slot_name(guide, value), lang, block, site_markdown)
        _assert_reads_as_typed(page, baseline, expected, f"{block}: {value!r}")


def _with_level_texts(guide, value: str):
    """The text as level 1's concept (column and grid headings, links) and as a
    behaviour of level 2 (its column, every cumulative column from 2, level 1's
    "to reach the next level")."""
    c = guide.competency
    levels = list(c.levels)
    levels[0] = dataclasses.replace(levels[0], concept=Text(value, value))
    behaviours = [dataclasses.replace(levels[1].behaviours[0], en=value, fr=value, card=None),
                  *levels[1].behaviours[1:]]
    levels[1] = dataclasses.replace(levels[1], behaviours=behaviours)
    return guide.with_folder(dataclasses.replace(guide.folder(), competency=dataclasses.replace(c, levels=levels)))


@in_each_language_for_every_text
def test_a_level_text_is_refused_or_shown_as_typed_side_by_side_in_the_grid_and_next_level(
        guide, site_markdown, lang, raw):
    typed = _typed(raw, lang)
    if typed is None:
        return
    value, expected = typed
    for block in ("compare collaboration", "level-grid", "competency"):
        baseline = _page(_with_level_texts(guide, PLAIN), lang, block, site_markdown)
        page = _page(_with_level_texts(guide, value), lang, block, site_markdown)
        _assert_reads_as_typed(page, baseline, expected, f"{block}: {value!r}")


@SETTINGS
@given(raw=texts)
def test_a_text_is_exported_as_typed_to_the_case_packages(guide, raw):
    from guide.exports.case_package import case_package
    from test_case_package import _validator

    value = decoded(raw)
    if value is None:
        return
    shown = _with_behaviour(guide, value)
    item_id = guide.competency.adopt[0].id
    for lang in ("en", "fr"):
        package = json.loads(json_export(case_package(shown, lang, site_url="https://guide.example.org/")))
        item = next(i for i in package["CFItems"] if i["uri"].endswith(f"#{item_id}"))
        assert item["fullStatement"] == value
        assert not list(_validator().iter_errors(package))


def _changes_page(guide, lang: str, value: str, convert) -> _Visible:
    from guide.history.changes import Changes, Wording
    from guide.history.releases import ReleaseNotes

    wording = Wording("collaboration", "adopt-x", Text(value, value), (("", value, value),))
    before = Wording("collaboration", "adopt-y", Text("Old wording", "Ancien libellé"), ())
    after = Wording("collaboration", "adopt-y", Text(value, value), ())
    notes = ReleaseNotes("1.1", "2026-02-20", "1.0",
                         Changes(added=[wording], removed=[wording], reworded=[(before, after)]), 3)
    rendered, _ = render_blocks("<!-- guide: changes -->", guide, lang, releases=(notes,))
    parser = _Visible()
    parser.feed(convert(rendered))
    return parser


@in_each_language_for_every_text
def test_an_item_text_is_refused_or_shown_as_typed_on_the_what_changed_page(guide, site_markdown, lang, raw):
    typed = _typed(raw, lang)
    if typed is None:
        return
    value, expected = typed
    baseline = _changes_page(guide, lang, PLAIN, site_markdown)
    _assert_reads_as_typed(_changes_page(guide, lang, value, site_markdown), baseline, expected, repr(value))


@in_each_language_for_every_text
def test_a_qr_code_label_is_refused_or_shown_as_typed_in_the_card_s_svg_title(guide, lang, raw):
    """The QR code's <title> (its name for screen readers, and its tooltip) comes from
    the labels and goes through segno, which escapes it: it must be escaped once."""
    typed = _typed(raw, lang)
    if typed is None:
        return
    value, expected = typed

    def rendered(label: str) -> tuple[str, _Visible]:
        labels = dataclasses.replace(guide.labels, card_qr=Text(label, label))
        ctx = Context(dataclasses.replace(guide, labels=labels), lang, site_url="https://guide.example.org/")
        html_card = card_html(ctx, deck(ctx.guide)[0], lang)
        parser = _Visible()
        parser.feed(html_card)
        return html_card, parser

    card, parser = rendered(value)
    assert parser.tags == rendered(PLAIN)[1].tags, "the label changed the card's elements"
    titles = re.findall(r"<title>(.*?)</title>", card, re.S)
    assert len(titles) == 1 and "<" not in titles[0]
    assert _squash(html.unescape(titles[0])) == expected, "the QR code's title does not read as typed"
