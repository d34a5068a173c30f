"""A missing address gets the 404 page of its language (issue 33): under /fr/ the
whole page is French, header, menu, search and footer included, as served by a
host that gives each language folder its own 404 (the loopback server does)."""

from __future__ import annotations

import dataclasses

import pytest
from quality_checks import foreign_language_problems, foreign_strings


def _labels(guide) -> dict[str, dict[str, str]]:
    return {f.name: {lang: getattr(guide.labels, f.name).get(lang) for lang in ("en", "fr")}
            for f in dataclasses.fields(guide.labels)}


@pytest.mark.parametrize("path, lang", [("/fr/nowhere", "fr"), ("/fr/competencies/gone/", "fr"),
                                        ("/nowhere", "en"), ("/competencies/gone/", "en")])
def test_a_missing_address_gets_the_404_page_of_its_language(browser, server, guide, path, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    response = page.goto(server + path)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    title = page.locator("article h1").inner_text()
    assert title.startswith(guide.labels.not_found_title.get(lang)), title
    header = page.locator("header").inner_text()
    assert guide.catalogue.title.get(lang).split()[0] in header, header
    problems = foreign_language_problems(page, lang, foreign_strings(lang, _labels(guide)))
    if lang == "fr":
        # Nothing of the English interface, nor the English half of the root page.
        problems += [f"shows {word!r}" for word in (guide.labels.not_found_title.get("en"), "Search", "Competency guide")
                     if word in page.locator("body").inner_text()]
    context.close()
    assert not problems, "\n".join(problems)


def test_search_from_the_french_404_page_finds_french_pages(page, server):
    page.goto(server + "/fr/nowhere")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("équipe")
    box.press("End")
    page.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)")
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.pathname)")
    assert links and all(link.startswith("/fr/") for link in links), links
