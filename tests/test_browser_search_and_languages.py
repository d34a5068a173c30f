"""In a real browser: search stays in the page's language; the switch keeps the page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from quality_checks import search_results


def search(page, query: str) -> list[str]:
    """Search ``query`` like a reader; the places its results lead to, in order, read
    once the results shown are this query's, not a part of it (see search_results)."""
    return [result["href"] for result in search_results(page, query)]


def test_french_search_ignores_accents_and_finds_only_french_pages(page, server):
    page.goto(f"{server}/fr/competencies/collaboration/")
    links = search(page, "equipe")
    assert links, "no result for 'equipe'"
    assert all("/fr/" in link for link in links), links
    texts = page.locator(".md-search-result__list").inner_text()
    assert "équipe" in texts


def test_french_search_copes_with_elision(page, server):
    page.goto(f"{server}/fr/")
    links = search(page, "l'organisation")
    assert links and all("/fr/" in link for link in links)


def test_english_search_finds_plurals_and_only_english_pages(page, server):
    page.goto(f"{server}/competencies/collaboration/")
    links = search(page, "partnership")
    assert links and not any("/fr/" in link for link in links), links
    assert "partnerships" in page.locator(".md-search-result__list").inner_text()


def test_a_behaviour_is_found_on_its_own_and_links_to_its_anchor(page, server):
    page.goto(f"{server}/competencies/collaboration/")
    links = search(page, "silos")
    targets = [(urlsplit(link).path, urlsplit(link).fragment) for link in links]
    assert ("/competencies/collaboration/", "avoid-silos") in targets, links


@pytest.mark.parametrize("start, other", [("/competencies/collaboration/", "/fr/competencies/collaboration/"),
                                           ("/fr/competencies/collaboration/", "/competencies/collaboration/")])
def test_language_switch_lands_on_the_same_page(page, server, start, other):
    target = _switch(page, server, start, other)
    assert page.locator("html").get_attribute("lang") == target


def _switch(page, server, start: str, other: str) -> str:
    """Open ``start``, choose the other language in the header, land on ``other``."""
    page.goto(server + start)
    target = "fr" if other.startswith("/fr/") else "en"
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_url(server + other)
    return target


def test_french_pages_log_no_console_error(page, server):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for path in ("/fr/", "/fr/competencies/collaboration/", "/fr/sources/", "/", "/competencies/collaboration/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert errors == []


@pytest.mark.parametrize("start, other", [
    ("/competencies/collaboration/#level-2", "/fr/competencies/collaboration/#level-2"),
    ("/fr/competencies/collaboration/workshop/#rotation-resources", "/competencies/collaboration/workshop/#rotation-resources"),
    ("/cards/?kinds=avoid&lang=fr", "/fr/cards/?kinds=avoid&lang=fr"),
])
def test_language_switch_keeps_the_place_and_the_query(page, server, start, other):
    _switch(page, server, start, other)
    if "/cards/" in other:  # the deck chosen before the switch is the deck shown after it
        kinds = page.eval_on_selector_all(".guide-sheets .guide-card", "cards => cards.map(c => c.dataset.kind)")
        assert kinds and set(kinds) == {"avoid"}, kinds
