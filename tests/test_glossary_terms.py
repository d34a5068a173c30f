"""Glossary terms are explained in place, whatever the forms or the page hold."""

from __future__ import annotations

import dataclasses
import html
import unicodedata

import pytest

from guide.site.glossary_terms import explain_terms, term_index, tooltip_attribute
from guide.content.model import Text


def _glossary(guide, forms: str, definition: str = "A meaning."):
    term = dataclasses.replace(guide.glossary.terms[0], forms=Text(forms, forms),
                               definition=Text(definition, definition))
    return dataclasses.replace(guide, glossary=dataclasses.replace(guide.glossary, terms=[term]))


@pytest.mark.parametrize("form", ["C:\\path", "a\\*b", "klzzwxh:0001", "wzxhzdk:7", "R&D", "x < y", "*[x]"])
def test_odd_forms_are_matched_literally_and_leave_the_page_intact(guide, form):
    index = term_index(_glossary(guide, form), "en")
    page = f"<p>Before {html.escape(form)} after.</p><p>Untouched \\ text.</p>"
    out = explain_terms(page, index)
    assert out.count("<abbr") == 1, out
    assert html.unescape(out.replace('<abbr title="A meaning.">', "").replace("</abbr>", "")) == html.unescape(page)


def test_a_form_typed_decomposed_matches_the_composed_text(guide):
    # The decoder stores every text as NFC; the page shows the composed word.
    decomposed = unicodedata.normalize("NFD", "équipe")
    index = term_index(_glossary(guide, unicodedata.normalize("NFC", decomposed)), "fr")
    assert "<abbr" in explain_terms("<p>Une équipe soudée.</p>", index)


def test_links_code_headings_scripts_and_svg_are_left_alone(guide):
    index = term_index(_glossary(guide, "partner"), "en")
    page = ('<h2 id="x">partner</h2><a href="#">partner</a><code>partner</code>'
            '<script>var partner = "<p>partner</p>";</script><svg><text>partner</text></svg>'
            "<p>A partner.</p>")
    out = explain_terms(page, index)
    assert out.count("<abbr") == 1 and out.endswith('<p>A <abbr title="A meaning.">partner</abbr>.</p>')


def test_words_are_matched_whole_and_longest_first(guide):
    index = term_index(_glossary(guide, "partner, partners, world café"), "en")
    out = explain_terms("<p>partnership partners world café</p>", index)
    assert "partnership" in out and out.count("<abbr") == 2 and ">world café</abbr>" in out


def test_the_tooltip_text_can_never_become_markup():
    shown = html.unescape(tooltip_attribute('&lt;img src=x onerror=alert(1)&gt; <b> "q"'))
    assert "<" not in shown  # what Material inserts as HTML holds no tag…
    assert html.unescape(shown) == '&lt;img src=x onerror=alert(1)&gt; <b> "q"'  # …and reads as typed
