"""The quality checks themselves: each one fails on a page broken on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve
from quality_checks import (
    PageWatch,
    accessibility_problems,
    broken_link_problems,
    duplicate_id_problems,
    foreign_language_problems,
    french_typography_problems,
    horizontal_scroll_problems,
    leftover_markup_problems,
    phone_layout_problems,
    search_problems,
    search_results,
    sitemap_problems,
    small_text_problems,
    vnu_problems,
)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"></head>
<body><main><div class="md-content"><h1>Broken on purpose</h1>{body}</div></main></body></html>"""


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    pages = {
        "": '<p>Fine.</p><a href="missing-alt/">next</a>',
        "missing-alt": '<img src="picture.png">',
        # Fades in, as Material's header title and back-to-top button do: fine once still.
        "fading": '<style>@keyframes in { from { opacity: .2 } }</style>'
                  '<p style="animation: in 2s linear">Text that fades in</p>',
        "external-script": '<script src="https://cdn.example.com/library.js"></script>',
        "dead-link": ('<a href="../nowhere/">a dead link</a> <a href="../#no-such-anchor">a dead anchor</a> '
                      '<a href="../../dead-link/">a link above the site root</a>'),
        "too-wide": '<div style="width:1000px">wide</div>',
        "small-text": '<p style="font-size:10px">tiny body copy</p>',
        "console-error": '<script>console.error("boom")</script>',
        "raw-markdown": '<table><tr><td>A cell [CRA profile](sources.md#cra-profile){ .guide-cite }</td></tr></table>'
                        '<p>Tom &amp;amp; Jerry, **bold**, &lt;b&gt;tag&lt;/b&gt;</p>',
        "wide-table": '<div style="overflow:hidden"><table><tr><td>a</td>'
                      '<td style="white-space:nowrap;min-width:800px">a cell far too wide to fit on any phone screen at all</td>'
                      '</tr></table></div>',
        "duplicate-id": '<h2 id="level-2">Level 2</h2><p id="level-2">again</p>',
        "invalid-html": '<article><p>An article without a heading</p></article><p><div>a div in a p</div></p>'
                        '<input type="checkbox" autocomplete="off" aria-label="accepted, as in Material">',
    }
    for name, body in pages.items():
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(PAGE.format(body=body), encoding="utf-8")
    french = PAGE.replace('lang="en"', 'lang="fr"').format(
        body='<p>Bonjour.</p><a href="#x" title="Permanent link">¶</a>'
             '<label title="Switch to dark mode">☀</label><p>Made with Material for MkDocs</p>'
             '<p lang="en">English</p><input placeholder="Search">'
             '<nav><a href="#r">Rotation 1 : origines</a></nav><cite>Notes d\'un atelier</cite>'
             '<p lang="en">Tom\'s notes: fine in English</p><code>fr: d\'un</code>')
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "index.html").write_text(french, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        '<urlset><url><loc>http://h/</loc><xhtml:link hreflang="en" href="http://h/"/></url></urlset>',
        encoding="utf-8")
    return tmp_path


def _open(browser, url: str, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    watch = PageWatch(page, url.split("/", 3)[0] + "//" + url.split("/", 3)[2])
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page, watch


def test_axe_catches_an_image_without_alt_text(browser, broken_site):
    with serve(broken_site) as origin:
        context, page, _ = _open(browser, origin + "/missing-alt/")
        problems = accessibility_problems(page)
        context.close()
    assert any(p.startswith("image-alt") for p in problems), problems


def test_axe_reads_colours_once_the_page_has_stopped_moving(browser, broken_site):
    """A fade still running when axe reads colours was a contrast failure by chance
    (test_compare_levels failed so on a loaded machine); a faint text stays one."""
    with serve(broken_site) as origin:
        context, page, _ = _open(browser, origin + "/fading/")
        fading = accessibility_problems(page)
        page.add_style_tag(content="p { opacity: .2 }")
        faint = accessibility_problems(page)
        context.close()
    assert fading == []
    assert any(p.startswith("color-contrast") for p in faint), faint


def test_privacy_rule_catches_a_third_party_script(browser, broken_site):
    with serve(broken_site) as origin:
        context, _, watch = _open(browser, origin + "/external-script/")
        context.close()
    assert watch.foreign == ["https://cdn.example.com/library.js"]


def test_console_rule_catches_an_error(browser, broken_site):
    with serve(broken_site) as origin:
        context, _, watch = _open(browser, origin + "/console-error/")
        context.close()
    assert "boom" in watch.errors


def test_link_rule_catches_dead_links_and_anchors(broken_site):
    problems = broken_link_problems(broken_site)
    assert any("dead link ../nowhere/" in p for p in problems), problems
    assert any("missing anchor ../#no-such-anchor" in p for p in problems), problems
    # It would reach this very page from a domain's root, not from a folder.
    assert any("link above the site root ../../dead-link/" in p for p in problems), problems


def test_mobile_rules_catch_sideways_scroll_and_small_text(browser, broken_site):
    with serve(broken_site) as origin:
        context, page, _ = _open(browser, origin + "/too-wide/", viewport={"width": 360, "height": 740})
        wide = horizontal_scroll_problems(page)
        page.goto(origin + "/small-text/")
        small = small_text_problems(page)
        context.close()
    assert wide and small, (wide, small)


def test_sitemap_rule_catches_missing_pages_and_alternates(broken_site):
    problems = sitemap_problems(broken_site, "http://h/")
    assert "sitemap entry http://h/ has alternates ['en']" in problems
    assert "sitemap lacks http://h/dead-link/" in problems


def test_leftover_rule_catches_markdown_and_references_shown_as_text(browser, broken_site):
    with serve(broken_site) as origin:
        context, page, _ = _open(browser, origin + "/raw-markdown/")
        problems = leftover_markup_problems(page)
        context.close()
    shown = "\n".join(problems)
    for leftover in ("'](", "'{ .'", "'&amp;'", "'**'", "'<b>'"):
        assert leftover in shown, shown


@pytest.mark.parametrize("width", [320, 360, 390])
def test_phone_rule_catches_overflow_that_mobile_emulation_hides(browser, broken_site, width):
    with serve(broken_site) as origin:
        # Emulation zooms out to fit the content: the page seems to fit.
        context, page, _ = _open(browser, origin + "/too-wide/", viewport={"width": width, "height": 740},
                                 is_mobile=True, has_touch=True)
        emulated = horizontal_scroll_problems(page)
        context.close()
        context, page, _ = _open(browser, origin + "/too-wide/", viewport={"width": width, "height": 740})
        wide = phone_layout_problems(page)
        page.goto(origin + "/wide-table/")
        cut = phone_layout_problems(page)
        context.close()
    assert not emulated, emulated
    assert any("scrolls horizontally" in p for p in wide), wide
    assert any("table cell 'a cell far too wide" in p for p in cut), cut


def test_language_rule_catches_english_ui_strings_on_a_french_page(browser, broken_site):
    foreign = ["English", "Made with", "Permanent link", "Search", "Switch to dark mode"]
    with serve(broken_site) as origin:
        context, page, _ = _open(browser, origin + "/fr/")
        problems = foreign_language_problems(page, "fr", foreign)
        context.close()
    found = {p.rsplit(" has ", 1)[1] for p in problems}
    # "English" is marked lang="en": a language's own name in its language is right.
    assert found == {"'Made with'", "'Permanent link'", "'Search'", "'Switch to dark mode'"}, problems


def test_duplicate_id_rule_catches_an_id_used_twice(browser, broken_site):
    with serve(broken_site) as origin:
        context, page, _ = _open(browser, origin + "/duplicate-id/")
        problems = duplicate_id_problems(page)
        context.close()
    assert problems == ["id 'level-2' used 2 times"]


def test_vnu_rule_catches_invalid_html_and_keeps_only_accepted_messages_out(broken_site):
    page = broken_site / "invalid-html" / "index.html"
    accepted = {r"Attribute “autocomplete” is only allowed": "as in Material, for the test"}
    problems = vnu_problems(broken_site, accepted, files=[page])
    shown = "\n".join(problems)
    assert "Article lacks heading" in shown, shown
    assert "No “p” element in scope" in shown, shown
    assert "autocomplete" not in shown
    assert "autocomplete" in "\n".join(vnu_problems(broken_site, {}, files=[page]))


def test_search_rule_catches_doubled_foreign_and_mangled_results(browser, site, tmp_path):
    """The real site, with its English index broken the way issue 14 found it."""
    import json
    import shutil

    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    index_path = broken / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    french = json.loads((broken / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    # The same location twice (Material then highlights its title twice), and
    # French pages in the English index.
    level = next(d for d in index["docs"] if d["location"] == "competencies/collaboration/#level-2")
    index["docs"].append(dict(level))
    index["docs"] += [dict(d, location="fr/" + d["location"]) for d in french["docs"]
                      if d["location"].startswith("competencies/collaboration/")]
    index_path.write_text(json.dumps(index), encoding="utf-8")
    with serve(broken) as origin:
        context, page, _ = _open(browser, origin + "/competencies/collaboration/")
        problems = search_problems(search_results(page, "level 2"), "level 2", "en")
        problems += search_problems(search_results(page, "niveaux"), "niveaux", "en")
        problems += search_problems(search_results(page, "zzqqxx"), "zzqqxx", "en")
        context.close()
    shown = "\n".join(problems)
    assert "'level 2': result title shows" in shown, shown  # '>Level <mark>2 — …'
    assert "result in another language: /fr/competencies/collaboration/" in shown, shown
    assert "'zzqqxx': no result" in shown, shown


def test_search_rule_catches_one_place_listed_twice():
    results = [{"href": "/competencies/collaboration/#level-2", "title": "Level 2", "shown": "Level 2"}] * 2
    assert search_problems(results, "level 2", "en") == ["'level 2': /competencies/collaboration/#level-2 listed 2 times"]


def test_french_typography_rule_catches_plain_spaces_and_straight_apostrophes(browser, broken_site):
    with serve(broken_site) as origin:
        context, page, _ = _open(browser, origin + "/fr/")
        problems = french_typography_problems(page)
        context.close()
    assert problems == ["ordinary space before : ; ! ? in 'Rotation 1 : origines'",
                        "straight apostrophe in \"Notes d'un atelier\""], problems
