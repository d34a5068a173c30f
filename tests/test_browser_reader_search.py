"""Search as a reader types it (issue 33): accents and ligatures typed or not, the
same results highlighted the same way, in the list and on the page they lead to;
one result per place; result text that reads as sentences, without the form's
labels or the sources' names glued to it."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__link')].map(a => ({
    href: a.getAttribute('href'),
    place: a.pathname + a.hash,
    text: a.innerText,
    prose: [...a.querySelectorAll('code')].reduce((t, c) => t.split(c.innerText).join(' '), a.innerText),
    marks: [...a.querySelectorAll('mark')].map(m => m.innerText.toLowerCase()),
}))"""


def typed(page, query: str) -> list[dict]:
    """Type ``query`` into the search box; the results as shown, once all are drawn.

    Material searches on each key released; the box is emptied first (its
    placeholder line comes back), then the query goes in as one key press, so the
    count line that follows is this query's, not a prefix's.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function("""() => { const meta = document.querySelector('.md-search-result__meta').textContent;
        return meta.trim() !== '' && !/\\d|No matching|Aucun|Initializ|Initialis/.test(meta); }""")
    box.fill(query)
    box.press("End")
    # The count line is written with the results, in the same task.
    page.wait_for_function(
        """q => document.querySelector('input.md-search__input').value === q &&
              /\\d|No matching|Aucun/.test(document.querySelector('.md-search-result__meta').textContent)""",
        arg=query)
    return page.evaluate(RESULTS_JS)


def folded(word: str) -> str:
    import unicodedata
    word = word.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def page_marks(page, url: str) -> list[str]:
    """The words Material highlights on the page a result leads to."""
    page.goto(url)
    # Material highlights as soon as it has the index; the search box says "ready" after that.
    page.wait_for_function("""() => !/Initializ|Initialis/.test(
        document.querySelector('.md-search-result__meta').textContent)""")
    return page.eval_on_selector_all("article mark[data-md-highlight]", "ms => ms.map(m => m.innerText.toLowerCase())")


@pytest.mark.parametrize("start, plain, accented", [
    ("/fr/competencies/collaboration/", "equipe", "équipe"),
    ("/fr/competencies/collaboration/", "reseau", "réseau"),
    ("/fr/", "oeil", "œil"),
    # Regional spellings: the guide writes Canadian English; US spellings find the same.
    ("/competencies/collaboration/", "organization", "organisation"),
    ("/competencies/collaboration/", "behavior", "behaviour"),
])
def test_accents_typed_or_not_find_and_highlight_the_same(page, server, start, plain, accented):
    page.goto(server + start)
    without, with_ = typed(page, plain), typed(page, accented)
    assert with_, f"nothing found for {accented!r}"
    assert [r["place"] for r in without] == [r["place"] for r in with_], "ranked differently"
    assert [[folded(m) for m in r["marks"]] for r in without] == [[folded(m) for m in r["marks"]] for r in with_]
    assert any(r["marks"] for r in without), f"{plain!r} highlights nothing in the results"
    target = next((r for r in with_ if "#" in r["href"]), with_[0])
    on_page = {q: page_marks(page, r["href"]) for q, r in
               ((plain, next(r for r in without if r["place"] == target["place"])), (accented, target))}
    assert on_page[accented], f"{accented!r} highlights nothing on {target['place']}"
    assert on_page[plain] == on_page[accented], on_page


def test_a_ligature_typed_as_two_letters_finds_what_the_ligature_finds(page, server):
    page.goto(server + "/fr/competencies/collaboration/")
    for ligature, letters in (("œil", "oeil"), ("œuvre", "oeuvre")):
        found = [r["place"] for r in typed(page, ligature)]
        assert found and [r["place"] for r in typed(page, letters)] == found, letters


@pytest.mark.parametrize("start, queries", [
    ("/competencies/collaboration/", ["silos", "clients", "partnership", "level 2", "network"]),
    ("/fr/competencies/collaboration/", ["vase clos", "clients", "partenariat", "niveau 2", "réseau"]),
])
def test_one_result_per_place_and_text_that_reads_as_sentences(page, server, guide, start, queries):
    lang = "fr" if start.startswith("/fr/") else "en"
    sources = [s.short.get(lang) for s in guide.sources.values()]
    problems = []
    page.goto(server + start)
    for query in queries:
        results = typed(page, query)
        # The text under each result's title, without code (names such as isChildOf).
        texts = [(r["place"], " ".join(r["prose"].split("\n")[1:]).strip()) for r in results]
        for place, text in texts:
            glued = re.findall(r"\b[a-zà-ÿ]{3,}[.:)»…]?[A-ZÀ-Ý][a-zà-ÿ]{2,}", text)
            if glued:
                problems.append(f"{query!r}: {place} shows glued words {glued}")
            named = [s for s in sources if s.replace("'", "’") in text or s in text]
            if named:
                problems.append(f"{query!r}: {place} shows the source names {named} in its text")
        sentences = [(place, s) for place, text in texts for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 30]
        for place, sentence in sentences:
            others = sorted({p for p, s in sentences if s == sentence and p != place})
            if others:
                problems.append(f"{query!r}: {sentence[:50]!r} is shown under {place} and {others}")
        for r in results:
            h = parse_qs(urlsplit(r["href"]).query, keep_blank_values=True).get("h")
            if h is not None and not h[0].strip():
                problems.append(f"{query!r}: {r['href']} carries an empty ?h=")
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("lang, query", [("fr", "reseau"), ("en", "network"), ("fr", "exemple"), ("en", "example")])
def test_form_labels_and_buttons_are_not_search_text(browser, server, guide, lang, query):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(server + ("/fr/" if lang == "fr" else "/"))
    page.locator("label.md-header__button[for=__search]").click()
    results = typed(page, query)
    labels = [getattr(guide.labels, name).get(lang) for name in
              ("sa_note", "sa_tips", "sa_print", "sa_download", "sa_import", "sa_erase", "print")]
    shown = "\n".join(r["text"] for r in results)
    context.close()
    assert results
    found = [label for label in labels if label.replace("'", "’") in shown]
    assert not found, f"{query!r} shows the interface words {found}"
