"""What search reads of a page (guide.site.search_index.without_search_duplicates) and the
numbered citations (guide.render.citations), on small pages written for the purpose."""

from __future__ import annotations

import time

from guide.render.citations import numbered_citations
from guide.site.search_index import without_search_duplicates


def test_an_item_with_its_own_entry_a_form_and_headings_inside_are_left_to_search():
    page = ('<h2 id="adopt">Adopt</h2><ul><li id="adopt-a">One.</li><li id="other">Two.</li></ul>'
            '<form><label>Note</label><h3 id="inside">Inside</h3></form><h3 id="adopt-b">B</h3>')
    out, found = without_search_duplicates(page, {"adopt-a", "adopt-b", "missing"})
    assert '<li id="adopt-a" data-search-exclude>' in out and '<li id="other">' in out
    assert "<form data-search-exclude>" in out and '<h3 id="inside" data-search-exclude>' in out
    assert '<h3 id="adopt-b">' in out and '<h2 id="adopt">' in out  # headings keep their entries
    assert found == {"adopt-a", "adopt-b"}  # "missing" is on no element: its entry would lead nowhere


def test_words_of_cells_and_blocks_stay_apart_but_preformatted_text_is_untouched():
    out, _ = without_search_duplicates("<table><tr><td>a</td><td>b</td></tr></table><pre><span>x</span><span>y</span></pre>",
                                       set())
    assert "<td>a</td>\n<td>b</td>" in out and "<span>x</span><span>y</span>" in out


def test_the_pass_stays_linear_on_a_huge_page():
    page = '<li id="x">' + "<p>word</p>" * 200_000 + "</li>"
    started = time.process_time()
    without_search_duplicates(page, {"x"})
    assert time.process_time() - started < 5


def test_citations_are_numbered_by_first_use_and_listed_once(guide):
    cite = '<a class="guide-cite" href="../sources/#{0}" data-source="{0}" data-search-exclude>short</a>'
    page = "<p>A" + cite.format("cra-profile") + "</p><p>B" + cite.format("competency-sheet") + "</p><p>C" \
        + cite.format("cra-profile") + "</p>"
    out = numbered_citations(page, guide, "en")
    assert out.count(">1</a>") == 2 and out.count(">2</a>") == 1
    assert out.count('<li id="page-sources-') == 2
    assert guide.sources["cra-profile"].title in out and 'href="../sources/#cra-profile"' in out


def test_a_page_without_citations_is_unchanged_and_an_unknown_source_stays_as_written(guide):
    assert numbered_citations("<p>Nothing</p>", guide, "fr") == "<p>Nothing</p>"
    odd = '<a class="guide-cite" href="x" data-source="&lt;nope&gt;" data-search-exclude>n</a>'
    assert numbered_citations(odd, guide, "en") == odd
