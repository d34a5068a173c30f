"""What a person sees, on every built page of both languages (issue 14).

Each check reads the page the way a reader meets it: rendered text, search as
it displays, layout at real phone widths, the page's language, and the HTML a
browser has to repair. ``test_quality_checks_fail`` shows each one failing.
"""

from __future__ import annotations

import dataclasses

import pytest
from quality_checks import (
    duplicate_id_problems,
    foreign_language_problems,
    foreign_strings,
    french_typography_problems,
    leftover_markup_problems,
    phone_layout_problems,
    search_problems,
    search_results,
    site_documents,
    vnu_problems,
)

from guide.content.typography import for_language

PHONE_WIDTHS = (320, 360, 390)

# Realistic queries, accented and not, including the ones that once showed broken
# titles, each with a place a reader expects among the results.
QUERIES = {
    "en": {"level 2": "/competencies/collaboration/#level-2",
           "rotation 2": "/competencies/collaboration/workshop/#rotation-resources",
           "partnership": "/competencies/collaboration/", "silos": "/competencies/collaboration/#avoid-silos", "cards": "/cards/",
           "glossary": "/glossary/", "trust": "/", "definition": "/competencies/collaboration/#definition"},
    "fr": {"niveau 3": "/fr/competencies/collaboration/#level-3",
           "rotation 2": "/fr/competencies/collaboration/workshop/#rotation-resources",
           "équipe": "/fr/", "equipe": "/fr/", "cartes": "/fr/cards/", "l'organisation": "/fr/",
           "confiance": "/fr/", "définition": "/fr/competencies/collaboration/#definition"},
}

# vnu messages about markup Material writes itself, each accepted for a reason; re-checked
# against vnu 26.9.27 (tests/vnu), which no longer reports Material's autocorrect.
MATERIAL_VNU = {
    r"Attribute “autocomplete” is only allowed when the input type is":
        "Material's drawer and search toggles are checkboxes with autocomplete=off, so "
        "Firefox does not restore an open drawer or search when going back; harmless elsewhere.",
    r"Bad value “” for attribute “tabindex” on element “label”":
        "Material's navigation.sections writes a section's title as a label with an empty "
        "tabindex (partials/nav-item.html): each competency is a section of the navigation; "
        "browsers treat the empty value as no tabindex, and the section is not a control.",
    r"(?s)^Inline script violates Content Security Policy.*\n.*<script id=\"__config\" type=\"application/json\">":
        "Material's configuration is a JSON data block, which browsers never run, so a "
        "Content-Security-Policy does not apply to it; vnu checks it as if it were a script.",
}


def _labels(guide) -> dict[str, dict[str, str]]:
    return {f.name: {lang: getattr(guide.labels, f.name).get(lang) for lang in ("en", "fr")}
            for f in dataclasses.fields(guide.labels)}


def _lang(path: str) -> str:
    return "fr" if path.startswith("/fr/") else "en"


def test_every_page_shows_no_markup_no_duplicate_id_and_only_its_language(browser, server, site, guide):
    labels = _labels(guide)
    foreign = {lang: foreign_strings(lang, labels) for lang in ("en", "fr")}
    # Each source's title as its citation markers name it (render/citations.py).
    titles = tuple(for_language(source.title, source.language) for source in guide.sources.values())
    context = browser.new_context()
    page = context.new_page()
    problems = []
    documents = site_documents(site)
    assert "/404.html" in documents and "/fr/competencies/collaboration/" in documents
    for path in documents:
        page.goto(server + path)
        page.wait_for_load_state("load")
        lang = page.locator("html").get_attribute("lang")
        assert lang == _lang(path), f"{path}: lang={lang}"
        problems += [f"{path}: {p}" for p in leftover_markup_problems(page)]
        problems += [f"{path}: {p}" for p in duplicate_id_problems(page)]
        problems += [f"{path}: {p}" for p in foreign_language_problems(page, lang, foreign[lang], titles)]
        problems += [f"{path}: {p}" for p in french_typography_problems(page)]  # French parts of any page
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_every_page_fits_a_phone_without_zooming_out(browser, server, site, width):
    # A plain viewport of the phone's width: mobile emulation would zoom out to fit.
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    problems = []
    for path in site_documents(site):
        page.goto(server + path)
        page.wait_for_load_state("load")
        problems += [f"{path} at {width}px: {p}" for p in phone_layout_problems(page)]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_search_shows_each_place_once_highlighted_cleanly_in_the_page_language(browser, server, lang):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + ("/competencies/collaboration/" if lang == "en" else "/fr/competencies/collaboration/"))
    problems = []
    for query, expected in QUERIES[lang].items():
        results = search_results(page, query)
        problems += search_problems(results, query, lang)
        if not any(r["href"].startswith(expected) for r in results):
            problems.append(f"{query!r}: nothing under {expected}")
    context.close()
    assert not problems, "\n".join(problems)


# vnu warnings about the project's own markup, each accepted for a reason.
OWN_VNU = {
    r"^Resource violates Content Security Policy \(meta tag\): external (stylesheet|script) “(?![a-z][a-z0-9+.-]*:|//)":
        "vnu reads the pages from disk (file: addresses), whose origin matches no 'self'; "
        "served over http(s), the guide's own files are 'self', and test_content_security_policy "
        "checks in Chromium that nothing is blocked. A file from another site is still reported.",
}


def test_the_w3c_checker_finds_nothing_the_project_adds(site):
    used: set[str] = set()
    accepted = {**MATERIAL_VNU, **OWN_VNU}
    problems = vnu_problems(site, accepted, used=used)
    assert not problems, "\n".join(problems)
    assert used == set(accepted), f"accepted, but vnu no longer says it: {set(accepted) - used}"


def test_the_accepted_checker_messages_hide_no_real_script_or_foreign_file(site, tmp_path):
    """The page broken on purpose: an inline script without a hash, a script and a
    stylesheet from another site. The accepted messages explain none of them."""
    page = tmp_path / "index.html"
    html = (site / "index.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", '<script>document.title = "x"</script>'
                                 '<script src="https://cdn.example.org/x.js"></script>'
                                 '<link rel="stylesheet" href="https://cdn.example.org/x.css"></body>', 1),
                    encoding="utf-8")
    shown = "\n".join(vnu_problems(tmp_path, {**MATERIAL_VNU, **OWN_VNU}, files=[page]))
    assert "Inline script violates Content Security Policy" in shown, shown
    assert "“https://cdn.example.org/x.js” blocked" in shown, shown
    assert "“https://cdn.example.org/x.css” blocked" in shown, shown


def test_search_works_from_every_page_in_its_language(browser, server, site):
    """Every page points search at its language's index: one query from each."""
    context = browser.new_context()
    page = context.new_page()
    problems = []
    for path in site_documents(site):
        lang = _lang(path)
        query = "level 2" if lang == "en" else "niveau 3"
        page.goto(server + path)
        problems += [f"{path}: {p}" for p in search_problems(search_results(page, query), query, lang)]
    context.close()
    assert not problems, "\n".join(problems)
