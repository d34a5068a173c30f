"""The published PDFs are printed in one tab, a page loaded once for all it can show
(guide.publish.print_pdfs): each must be the same bytes as when printed alone."""

from __future__ import annotations

import shutil
from dataclasses import replace
from itertools import groupby

import pytest

from conftest import PUBLIC_URL

from guide.publish.downloads import PAPERS, plan
from guide.publish.print_pdfs import PrintFailed, by_page, cut_cards_page, print_pdfs, tab_count, without_paper


def test_the_paper_is_the_only_part_of_an_address_a_loaded_page_can_switch_alone():
    assert without_paper("fr/cards/?lang=fr-en&paper=a4&competencies=x") == ("fr/cards/", "lang=fr-en&competencies=x")
    assert without_paper("competencies/x/run-sheet/?pack=1&paper=letter") == ("competencies/x/run-sheet/", "pack=1")


def test_each_page_is_loaded_once_for_all_it_prints(fixture_guide):
    """The plan lists decks language by language, alternating the English and French
    cards pages; printed in that order, each switch is a load (44 of a one-second page
    at 10 competencies). A run sheet comes before its pack, which is added in place."""
    planned = plan(fixture_guide)
    order = by_page(planned)
    assert sorted(order, key=planned.index) == list(planned)
    pages = [without_paper(download.page) for download in order]
    assert len([page for page, _ in groupby(page for page, _ in pages)]) == len({page for page, _ in pages})
    for page, group in groupby(pages, key=lambda shown: shown[0]):
        queries = [query for _, query in group]
        if "run-sheet" in page:
            assert queries == sorted(queries, key=lambda query: query == "pack=1"), page


def test_each_pdf_is_the_same_bytes_printed_after_others_or_alone(fixture_site, fixture_guide, tmp_path):
    """Decks switched in place on the cards page (another language, competency, paper),
    then a run sheet after the cards page's thousands of nodes, then the facilitator's
    pack added to that run sheet in place, then the French cards page (printed last:
    the files come back in the order asked for): each equals the PDF its own address
    gives in a browser of its own."""
    downloads = {d.name: d for d in plan(fixture_guide)}
    chosen = [downloads[name] for name in (
        "cards-collaboration-en-a4.pdf", "cards-collaboration-fr-a4.pdf", "cards-collaboration-en-fr-letter.pdf",
        "cards-fixture-teamwork-en-a4.pdf", "run-sheet-collaboration-en-a4.pdf",
        "pack-collaboration-en-letter.pdf")]
    together = shutil.copytree(fixture_site, tmp_path / "together")
    printed = print_pdfs(together, chosen, PUBLIC_URL)
    assert [path.name for path in printed.paths] == [d.name for d in chosen]
    for download in chosen[1:]:
        alone = shutil.copytree(fixture_site, tmp_path / download.name)
        [expected] = print_pdfs(alone, [download], PUBLIC_URL).paths
        assert (together / "downloads" / download.name).read_bytes() == expected.read_bytes(), download.name


def test_a_deck_printed_from_its_competency_s_view_is_the_bytes_the_whole_page_prints(
        fixture_site, fixture_guide, tmp_path):
    """A competency's decks are printed from the cards page as they see it (loading its own
    deck file, not every competency's: ``CardsPage``) served at the page's address.
    Each equals the deck printed from the page's file, which a page that cannot be cut
    gets (here: a deck's script again, in a comment, outside what prints)."""
    decks = [d for d in plan(fixture_guide) if d.kind == "deck" and d.paper == "a4"]
    assert {d.competency for d in decks} == {"collaboration", "fixture-teamwork"}
    viewed = shutil.copytree(fixture_site, tmp_path / "viewed")
    whole = shutil.copytree(fixture_site, tmp_path / "whole")
    for folder in (whole / "cards", whole / "fr" / "cards"):
        page = folder / "index.html"
        assert cut_cards_page(page.read_text(encoding="utf-8")) is not None
        page.write_text(page.read_text(encoding="utf-8")
                        + '<!-- <script src="../cards/decks/collaboration.js"></script> -->\n', encoding="utf-8")
        assert cut_cards_page(page.read_text(encoding="utf-8")) is None
    from_views = print_pdfs(viewed, decks, PUBLIC_URL, tabs=2)
    from_files = print_pdfs(whole, decks, PUBLIC_URL, tabs=2)
    for mine, theirs in zip(from_views.paths, from_files.paths, strict=True):
        assert mine.read_bytes() == theirs.read_bytes(), mine.name


def test_a_published_build_s_pdfs_are_the_bytes_each_address_prints_alone(published, guide, tmp_path):
    """The published build prints its whole plan in one tab, with QR codes (the fixture
    catalogue above has none): a deck switched to last and a pack added in place equal
    what their own addresses print in a browser of their own."""
    downloads = {d.name: d for d in plan(guide)}
    site = shutil.copytree(published, tmp_path / "site", ignore=shutil.ignore_patterns("downloads"))
    for page in ("cards/decks/collaboration.js", "fr/competencies/collaboration/run-sheet/index.html"):
        assert "guide-card__qr" in (site / page).read_text(encoding="utf-8"), page
    for name in ("cards-fr-en-letter.pdf", "pack-collaboration-fr-letter.pdf"):
        [alone] = print_pdfs(site, [downloads[name]], PUBLIC_URL).paths
        assert (published / "downloads" / name).read_bytes() == alone.read_bytes(), name


def test_with_several_competencies_each_deck_is_one_competency_s(fixture_guide):
    """A whole-catalogue deck would be printed again whenever any card changed: with
    several competencies, the cards page's own print prints across them."""
    planned = plan(fixture_guide)
    ids = [folder.id for folder in fixture_guide.competencies]
    assert all(d.competency in ids for d in planned)
    decks = [d for d in planned if d.kind == "deck"]
    assert {(d.competency, d.lang, d.paper) for d in decks} == {
        (scope, lang, paper) for scope in ids for lang in ("en", "fr", "en-fr", "fr-en") for paper in PAPERS}
    assert all(f"competencies={d.competency}" in d.page for d in decks)


def test_with_one_competency_its_deck_is_the_catalogue_s(guide):
    assert len(guide.competencies) == 1
    decks = [d for d in plan(guide) if d.kind == "deck"]
    assert len(decks) == 8 and all(d.competency is None and "competencies=" not in d.page for d in decks)


@pytest.mark.parametrize("papers", [["letter"], ["a4"], ["letter", "a4"]])
def test_the_catalogue_chooses_the_papers(fixture_guide, papers):
    guide = replace(fixture_guide, catalogue=replace(fixture_guide.catalogue, papers=papers))
    planned = plan(guide)
    assert {d.paper for d in planned} == set(papers)
    assert len(planned) == len(plan(fixture_guide)) * len(papers) // 2


def test_the_number_of_tabs_is_a_setting_checked_before_printing(monkeypatch):
    monkeypatch.delenv("GUIDE_PDF_TABS", raising=False)
    assert tab_count() >= 1
    monkeypatch.setenv("GUIDE_PDF_TABS", "3")
    assert tab_count() == 3
    for bad in ("0", "two", "-1", "1e3", "999"):
        monkeypatch.setenv("GUIDE_PDF_TABS", bad)
        with pytest.raises(PrintFailed, match="GUIDE_PDF_TABS=.*whole number from 1 to 64"):
            tab_count()


def test_a_pdf_is_the_same_bytes_whatever_order_its_table_nodes_got_their_numbers(
        fixture_site, fixture_guide, tmp_path, monkeypatch):
    """Chromium names a table's tagged cells by the renderer's node numbers, given when
    anything first asks for a node's (a paint-timing record, a debugger): their order
    is not the page's. Here the cells are numbered last to first before printing, as
    another history of the tab could have done: the PDF must be the same bytes."""
    from guide.publish import print_pdfs as printer

    downloads = {d.name: d for d in plan(fixture_guide)}
    chosen = [downloads["run-sheet-collaboration-fr-a4.pdf"], downloads["pack-collaboration-fr-letter.pdf"]]
    plain = print_pdfs(shutil.copytree(fixture_site, tmp_path / "plain"), chosen, PUBLIC_URL)
    original = printer._Tab.print

    def numbered_backwards(tab):  # the cells' numbers given in reverse order of the page
        call = tab._browser._call
        cells = call("Runtime.evaluate", {"expression": "Array.from(document.querySelectorAll('th, td')).reverse()"},
                     session=tab._session)["result"]["objectId"]
        found = call("Runtime.getProperties", {"objectId": cells, "ownProperties": True}, session=tab._session)
        described = [call("DOM.describeNode", {"objectId": p["value"]["objectId"]}, session=tab._session)
                     for p in found["result"] if p["name"].isdigit()]
        assert len(described) > 4
        return original(tab)

    monkeypatch.setattr(printer._Tab, "print", numbered_backwards)
    backwards = print_pdfs(shutil.copytree(fixture_site, tmp_path / "backwards"), chosen, PUBLIC_URL)
    for mine, theirs in zip(plain.paths, backwards.paths, strict=True):
        assert b"/ID (node" in mine.read_bytes(), mine.name
        assert mine.read_bytes() == theirs.read_bytes(), mine.name
