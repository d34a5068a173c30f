"""The offline zip, as a trainer uses it: unzipped, opened from disk, no network."""

from __future__ import annotations

import html
import re
import zipfile
from urllib.parse import urlsplit

import pytest
from conftest import BROWSER_TIMEOUT_MS
from quality_checks import search_results

from guide.publish.offline_bundle import TOP_FOLDER, ZIP_NAME


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / ZIP_NAME) as archive:
        names = archive.namelist()
        assert all(name.startswith(f"{TOP_FOLDER}/") for name in names)
        archive.extractall(folder)
    return folder / TOP_FOLDER


@pytest.mark.parametrize("prefix, text", [("", "Download the whole guide (zip)"),
                                          ("fr/", "Télécharger tout le guide (zip)")])
def test_the_home_page_links_the_zip_in_both_languages(site, prefix, text):
    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a class="md-button" href="([^"]+)" download>([^<]+)</a>', home)
    assert link and html.unescape(link.group(2)) == text
    assert (site / prefix / link.group(1)).resolve() == (site / "downloads" / ZIP_NAME).resolve()


def test_the_zip_holds_every_page_of_both_languages_with_file_links(site, unzipped):
    online = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                    if "downloads" not in p.parts)
    for page in online:
        # Without directory URLs, x.md becomes x.html and a folder's index.md stays index.html.
        names = ["index.html"] if page == "." else [f"{page}.html", f"{page}/index.html"]
        assert any((unzipped / name).is_file() for name in names), names
    html = (unzipped / "fr/competencies/collaboration/why.html").read_text(encoding="utf-8")
    assert 'href="tips.html' in html or 'href="tips.html#' in html
    assert (unzipped / "data/collaboration-guide.json").is_file()
    # The language switch lands on the same page in the other language, on disk too.
    for page in (p for p in unzipped.rglob("*.html") if p.name != "404.html"):  # 404 links from the server root
        for href in re.findall(r'<a href="([^"]+)" hreflang="[a-z]+" class="md-select__link">', page.read_text("utf-8")):
            assert (page.parent / href).resolve().is_file(), f"{page}: {href}"
    everything = "".join(p.read_text(encoding="utf-8") for p in unzipped.rglob("*.html"))
    assert not re.search(r'<script[^>]+src="https?://', everything)
    assert not re.search(r'<link rel="(stylesheet|preload|modulepreload|icon)"[^>]+href="https?://', everything)


def _watched_page(browser, url: str):
    """A new page at ``url``, with every request it makes and every error it logs."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return context, page, requests, errors


def test_chromium_searches_in_french_from_the_unzipped_folder(browser, unzipped):
    context, page, requests, errors = _watched_page(browser, (unzipped / "fr" / "index.html").as_uri())
    results = search_results(page, "equipe")  # the whole word's results, as shown
    french = urlsplit((unzipped / "fr").as_uri()).path
    assert results and all(result["href"].startswith(french) for result in results), results
    assert any("équipe" in result["shown"].lower() for result in results), results
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith((unzipped / "fr").as_uri()) and ".html" in page.url
    assert page.locator("html").get_attribute("lang") == "fr"
    assert [url for url in requests if not url.startswith("file://")] == []
    assert errors == []
    context.close()


@pytest.mark.parametrize("page_path, kind, count", [("cards.html", "Adopt", "36 cards"),
                                                    ("fr/cards.html", "Adopter", "36 cartes")])
def test_the_cards_page_shows_its_deck_from_the_unzipped_folder(browser, unzipped, guide, page_path, kind, count):
    """The cards come from each competency's deck file, a script the page loads: from
    file:// too, where a fetch would fail. The trainer sees the sheets, with the cards' text."""
    from guide.content.cards import deck
    from guide.content.typography import for_language

    context, page, requests, errors = _watched_page(browser, (unzipped / page_path).as_uri())
    page.locator(".guide-sheets .guide-card").first.wait_for()
    lang = "en" if page_path == "cards.html" else "fr"
    cards = deck(guide)
    assert page.locator(".guide-sheets .guide-card").count() == len(cards)
    assert page.locator(".guide-deck-count").inner_text() == count
    first = page.locator(".guide-sheets .guide-card").first.inner_text()
    # The kind shows in capitals (CSS); the text as written, with the language's typography.
    assert kind.upper() in first and " ".join(for_language(cards[0].get(lang), lang).split()) in " ".join(first.split())
    loaded = {url.rsplit("/", 1)[1] for url in requests if "/cards/decks/" in url}
    assert loaded == {f"{folder.id}.js" for folder in guide.competencies}
    assert [url for url in requests if not url.startswith("file://")] == []
    assert errors == []
    context.close()
