"""Quality gates on every page of the built site, in both languages, in Chromium."""

from __future__ import annotations


import pytest
from conftest import ROOT
from quality_checks import (
    PageWatch,
    accessibility_problems,
    broken_link_problems,
    horizontal_scroll_problems,
    site_documents,
    site_pages,
    sitemap_problems,
    small_text_problems,
)

SCREENSHOTS = ROOT / "test-output" / "screenshots"


def test_the_page_list_covers_both_languages(site):
    pages = site_pages(site)
    english = [p for p in pages if not p.startswith("/fr/")]
    french = [p for p in pages if p.startswith("/fr/")]
    assert len(english) == len(french) >= 9
    assert sorted("/fr" + p for p in english) == sorted(french)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_makes_no_foreign_request_and_logs_no_error(browser, server, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    watch = PageWatch(page, server)
    problems = []
    for path in site_pages(site):
        before = len(watch.errors)
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        problems += [f"{path}: {p}" for p in accessibility_problems(page)]
        problems += [f"{path}: console error: {e}" for e in watch.errors[before:]]
    problems += [f"request to a third party: {url}" for url in watch.foreign]
    assert context.cookies() == [], "the site set cookies"
    context.close()
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_or_shrinks_text_on_a_phone(browser, server, site):
    # A plain viewport of the phone's width: mobile emulation zooms out to fit
    # wide content, so it could not see a page scroll sideways.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    problems = []
    for path in site_pages(site):
        page.goto(server + path)
        problems += [f"{path}: {p}" for p in horizontal_scroll_problems(page) + small_text_problems(page)]
    context.close()
    assert not problems, "\n".join(problems)


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_link_problems(site) == []


def test_sitemap_lists_every_page_with_its_alternates(site):
    assert sitemap_problems(site, "http://127.0.0.1:8000/") == []


def test_keyboard_users_can_skip_search_and_switch_language(browser, server):
    page = browser.new_page()
    page.goto(server + "/competencies/collaboration/")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className + '|' + document.activeElement.getAttribute('href')")
    assert "md-skip" in skip and "#" in skip
    assert page.evaluate("getComputedStyle(document.activeElement).transform") != "none" or \
        page.evaluate("document.activeElement.getBoundingClientRect().height") > 0
    # Search: open with the keyboard, move to a result, open it.
    page.goto(server + "/competencies/collaboration/why/")
    page.keyboard.press("/")
    page.keyboard.type("silos")
    # Material searches on each key released and redraws the list for every answer:
    # wait for the whole word's, each link carrying it as its ?h= highlight query
    # (the words Material matched; search-highlight.js gives the box's words to a
    # page listed for its sections), so no later answer takes the focus away or
    # Enter opens a result for "silo".
    page.wait_for_function("""q => {
        const links = [...document.querySelectorAll('.md-search-result__link')];
        return links.length > 0 && links.every(a => new URL(a.href).searchParams.get('h') === q);
    }""", arg="silos")
    page.keyboard.press("ArrowDown")
    # the focus reaches a result of the search
    page.wait_for_function("() => document.activeElement.closest('.md-search-result__item') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/competencies/collaboration/" in url and "/competencies/collaboration/why/" not in url)
    page.wait_for_load_state()
    # Language switcher: reachable with Tab, operable with Enter.
    page.goto(server + "/competencies/collaboration/tips/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "fr":
            break
    else:
        pytest.fail("the French language link is never reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is not visible on the language switcher"
    page.keyboard.press("Enter")
    page.wait_for_url(server + "/fr/competencies/collaboration/tips/")
    page.close()


@pytest.mark.parametrize("path", ["/fr/competencies/collaboration/run-sheet/", "/cards/"])
def test_print_buttons_work_from_the_keyboard(browser, server, path):
    page = browser.new_page()
    page.goto(server + path)
    page.evaluate("window.print = () => { window.__printed = true }")
    button = page.locator("button.guide-print")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('guide-print')"):
            break
    else:
        pytest.fail("the print button is never reached with Tab")
    assert button.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed === true")
    page.close()


@pytest.mark.parametrize("device, viewport", [("desktop", (1280, 900)), ("mobile", (360, 740))])
def test_screenshots_are_saved_for_people_to_look_at(browser, server, site, device, viewport):
    """Every page of both languages, and the 404 page, at desktop and phone width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    for path in site_documents(site):
        lang = "fr" if path.startswith("/fr/") else "en"
        name = path.removeprefix("/fr").strip("/").removesuffix(".html").replace("/", "-") or "home"
        page.goto(server + path)
        out = SCREENSHOTS / f"{name}-{lang}-{device}.png"
        page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 10_000
    page.close()
