"""The quality checks themselves: each one fails on a page broken on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve
from quality_checks import (
    PageWatch,
    accessibility_problems,
    broken_link_problems,
    horizontal_scroll_problems,
    sitemap_problems,
    small_text_problems,
)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"></head>
<body><main><div class="md-content"><h1>Broken on purpose</h1>{body}</div></main></body></html>"""


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    pages = {
        "": '<p>Fine.</p><a href="missing-alt/">next</a>',
        "missing-alt": '<img src="picture.png">',
        "external-script": '<script src="https://cdn.example.com/library.js"></script>',
        "dead-link": '<a href="../nowhere/">a dead link</a> <a href="../#no-such-anchor">a dead anchor</a>',
        "too-wide": '<div style="width:1000px">wide</div>',
        "small-text": '<p style="font-size:10px">tiny body copy</p>',
        "console-error": '<script>console.error("boom")</script>',
    }
    for name, body in pages.items():
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(PAGE.format(body=body), encoding="utf-8")
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
