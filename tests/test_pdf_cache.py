"""A publication prints again only the PDFs whose printed content changed
(guide.publish.pdf_cache, print_pdfs): the fixture catalogue of two competencies,
on Letter only (catalogue.yml's ``papers``), published four times with one cache
folder: as it is, after a card's wording changed, after a label changed, and
after two cache files were damaged. Which PDFs a build printed shows in the cache
folder: an entry is named by its key, so a new entry is a PDF printed."""

from __future__ import annotations

import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pytest

from conftest import FIXTURE_COMPETENCY, PUBLIC_URL, fixture_catalogue_project, run_build
from html_text import visible_text

from guide.content.loader import load_guide
from guide.publish.downloads import plan
from guide.publish.pdf_cache import CACHE_ENV, CacheFailed, PdfCache, cache_folder
from guide.publish.whole_files import write_whole
from guide.publish.print_pdfs import deck_view, print_pdfs
from guide.publish.qr_cache import FILE_NAME as QR_FILE

pytestmark = pytest.mark.build  # every test here publishes the fixture catalogue

CARD_WORD = "Quokkaword"  # put into one behaviour of the fixture competency (English)
LABEL_WORD = "Wombat"  # the English name of level-behaviour cards (ui.yml card_level)
LOG = re.compile(r"PDFs: printed (\d+), reused (\d+) from .* "
                 r"\((\d+) old removed; (\d+) pages opened, (\d+) PDFs shown\)")
QR_LOG = re.compile(r"QR codes: drew (\d+), kept (\d+) in ")


@dataclass
class Publication:
    site: Path
    entries: dict[str, bytes]  # the cache's entries after the build: key -> the PDF kept
    counts: tuple[int, ...]  # printed, reused, removed, pages opened, PDFs shown, as the build says
    qr: tuple[int, ...]  # the cards' QR codes drawn (not kept from an earlier build), and kept for the next
    published: dict[str, bytes]  # the site's PDFs as the build left them (damage done to the cache later
    # may reach a reused one: it is a hard link to its entry)

    def pdfs(self) -> dict[str, bytes]:
        return self.published


def _pdfs(site: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((site / "downloads").glob("*.pdf"))}


def _entries(cache: Path) -> dict[str, bytes]:
    return {path.stem: path.read_bytes() for path in cache.glob("*.pdf")}


def _text(pdf: bytes) -> str:
    return " ".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))


def _publish(project: Path, site: Path, cache: Path) -> Publication:
    result = run_build(project, site, site_url=PUBLIC_URL, GUIDE_PUBLISH="1", GUIDE_OFFLINE_BUNDLE="0",
                       GUIDE_PDF_CACHE=str(cache), GUIDE_PDF_TABS="2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    said, qr = LOG.search(result.stderr), QR_LOG.search(result.stderr)
    assert said and qr, result.stderr
    return Publication(site, _entries(cache), tuple(int(count) for count in said.groups()),
                       tuple(int(count) for count in qr.groups()), _pdfs(site))


def _replace(path: Path, old: str, new: str, count: int | None = 1) -> None:
    """``old`` (found ``count`` times; None: at least once) replaced, the first time only."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count if count is not None else old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class History:
    """The four publications of one project, one cache folder between them."""

    project: Path
    first: Publication
    card: Publication
    label: Publication
    damaged: Publication
    damaged_bytes: set[bytes]  # what the two damaged cache files held
    again: Publication  # nothing changed since
    cache: Path


@pytest.fixture(scope="module")
def publications(tmp_path_factory) -> History:
    work = tmp_path_factory.mktemp("pdf-cache")
    project = fixture_catalogue_project(work / "project")
    content = project / "content_data"
    with (content / "catalogue.yml").open("a", encoding="utf-8") as catalogue:
        catalogue.write("papers: [letter]\n")
    cache = work / "cache"
    first = _publish(project, work / "first", cache)
    _replace(content / "competencies" / FIXTURE_COMPETENCY / "competency.yml",
             'en: "Test fixture: level 1 behaviours 1."', f'en: "Test fixture: level 1 behaviours 1 {CARD_WORD}."')
    card = _publish(project, work / "card", cache)
    _replace(content / "ui.yml", "card_level: {en: Behaviour,", f"card_level: {{en: {LABEL_WORD},")
    # Shown on the cards page, in print on no sheet: nothing is printed again for it.
    _replace(content / "ui.yml", "card_builder: {en: Build a deck,", "card_builder: {en: Build your deck,")
    label = _publish(project, work / "label", cache)
    keys = sorted(label.entries)
    truncated, flipped = cache / f"{keys[0]}.pdf", cache / f"{keys[1]}.pdf"
    damaged_bytes = {truncated.read_bytes()[:-100], _flipped(flipped.read_bytes())}
    truncated.write_bytes(truncated.read_bytes()[:-100])
    flipped.write_bytes(_flipped(flipped.read_bytes()))
    # One kept QR code changed, its hash left as it was (guide.publish.qr_cache).
    codes = cache / QR_FILE
    _replace(codes, 'd=\\"M', 'd=\\"m', count=None)
    damaged = _publish(project, work / "damaged", cache)
    return History(project, first, card, label, damaged, damaged_bytes, _publish(project, work / "again", cache),
                   cache)


def _flipped(pdf: bytes) -> bytes:
    """The same length, one byte in the middle changed: only its hash tells."""
    middle = len(pdf) // 2
    return pdf[:middle] + bytes([pdf[middle] ^ 0x20]) + pdf[middle + 1:]


def _printed(before: Publication, after: Publication) -> set[str]:
    """The PDFs ``after`` printed: those whose bytes are a cache entry that was not there before."""
    new = {pdf for key, pdf in after.entries.items() if key not in before.entries}
    return {name for name, pdf in after.pdfs().items() if pdf in new}


def _showing(publication: Publication, word: str) -> set[str]:
    """The PDFs whose text holds ``word``, in any case (a card's kind prints in capitals); as
    the build left them (a later publication damages cache entries some are linked to)."""
    return {name for name, pdf in publication.pdfs().items() if word.casefold() in _text(pdf).casefold()}


def test_the_first_publication_prints_every_pdf_of_the_plan(publications):
    first = publications.first
    names = set(first.pdfs())
    assert len(names) == 12 and all(name.endswith("-letter.pdf") for name in names), names
    # Each competency's decks on each cards page, and the run sheets, in English and French.
    assert first.counts == (12, 0, 0, 6, 12)
    assert len(first.entries) == 12


def test_a_changed_card_reprints_exactly_the_pdfs_that_show_it(publications):
    before, after = publications.first, publications.card
    showing = _showing(after, CARD_WORD)
    assert showing == {f"cards-{FIXTURE_COMPETENCY}-{lang}-letter.pdf" for lang in ("en", "en-fr", "fr-en")}
    assert _printed(before, after) == showing
    # The three old decks' entries removed. The competency's deck file changed, so the
    # two cards pages were opened again (its notes on them name the file), and on them
    # only that competency's four decks shown; the notes keep their keys (the pages did
    # not change) and now name the new file. The run sheets' pages did not change.
    assert after.counts == (3, 9, 3, 2, 4)
    assert len(after.entries) == 12
    changed = {name for name, pdf in after.pdfs().items() if before.pdfs()[name] != pdf}
    assert changed == showing


def test_a_changed_shared_label_reprints_what_shows_it_and_a_label_off_paper_nothing(publications):
    before, after = publications.card, publications.label
    showing = _showing(after, LABEL_WORD)
    assert {"cards-collaboration-en-letter.pdf", f"cards-{FIXTURE_COMPETENCY}-fr-en-letter.pdf",
            "pack-collaboration-en-letter.pdf"} <= showing
    french_only = {"cards-collaboration-fr-letter.pdf", f"cards-{FIXTURE_COMPETENCY}-fr-letter.pdf",
                   "pack-collaboration-fr-letter.pdf", "run-sheet-collaboration-fr-letter.pdf"}
    assert not showing & (french_only | {"run-sheet-collaboration-en-letter.pdf"}), showing
    assert _printed(before, after) == showing
    assert after.counts[:2] == (len(showing), 12 - len(showing))


def test_a_damaged_or_truncated_cache_file_is_printed_again_never_published(publications):
    before, after = publications.label, publications.damaged
    assert after.counts[:3] == (2, 10, 0)
    assert set(after.entries) == set(before.entries)
    assert after.pdfs() == before.pdfs()
    assert not publications.damaged_bytes & set(after.pdfs().values())
    # The QR code changed in the file was drawn again: the cards pages are the same bytes.
    assert after.qr == (1, before.qr[1])
    for page in ("cards/index.html", "fr/cards/index.html"):
        assert (after.site / page).read_bytes() == (before.site / page).read_bytes(), page


def test_a_publication_that_changed_nothing_opens_no_page(publications):
    """Each page left a note of its PDFs' keys: an unchanged page is not loaded again."""
    assert publications.again.counts == (0, 12, 0, 0, 0)
    assert publications.again.qr == (0, publications.first.qr[0])  # no QR code drawn either
    assert publications.first.qr[0] > 0
    assert publications.again.pdfs() == publications.damaged.pdfs()


def test_a_reused_pdf_is_its_whole_entry_linked_not_copied(publications):
    """A publication that changed nothing writes no PDF: each is a hard link to its
    cache entry (the bytes whose hash was checked), so its cost does not grow with
    the catalogue's bytes; the damaged entries were printed again, as new files."""
    again, cache = publications.again, publications.cache
    for path in sorted((again.site / "downloads").glob("*.pdf")):
        entries = [entry for entry in cache.glob("*.pdf") if entry.samefile(path)]
        assert len(entries) == 1 and entries[0].read_bytes() == path.read_bytes(), path.name
    assert not publications.damaged_bytes & set(_entries(cache).values())


def test_a_cached_pdf_is_the_bytes_a_fresh_one_tab_print_makes(publications, tmp_path):
    """The last publication printed two PDFs and took ten from the cache, some of
    them printed three builds before: each equals what one tab prints without a cache."""
    last = publications.damaged
    site = shutil.copytree(last.site, tmp_path / "site", ignore=shutil.ignore_patterns("downloads"))
    guide = load_guide(publications.project / "content_data")
    fresh = print_pdfs(site, plan(guide), PUBLIC_URL, tabs=1)
    assert fresh.printed and not fresh.reused
    assert {path.name: path.read_bytes() for path in fresh.paths} == last.pdfs()
    assert publications.first.pdfs()["run-sheet-collaboration-fr-letter.pdf"] == last.pdfs()[
        "run-sheet-collaboration-fr-letter.pdf"]


def _links(html: str) -> dict[str, str]:
    """downloads/ file name -> the link's text as a reader sees it."""
    found = re.findall(r'<a href="(?:\.\./)*downloads/([^"]+\.pdf)"[^>]*>(.*?)</a>', html, re.DOTALL)
    return {name: visible_text(label) for name, label in found}


@pytest.mark.parametrize("prefix, note, named", [
    ("", "To print the cards of several competencies together",
     {"cards-collaboration-en-fr-letter.pdf": "English and French, duplex, US Letter — PDF, 8 sheets",
      f"cards-{FIXTURE_COMPETENCY}-fr-letter.pdf": "French, US Letter — PDF, 1 sheet",
      "pack-collaboration-fr-letter.pdf": "French, US Letter — PDF, 6 sheets"}),
    ("fr/", "Pour imprimer ensemble les cartes de plusieurs compétences",
     {"cards-collaboration-en-fr-letter.pdf": "Anglais et français, recto verso, Lettre US — PDF, 8 feuilles",
      f"cards-{FIXTURE_COMPETENCY}-fr-letter.pdf": "Français, Lettre US — PDF, 1 feuille",
      "pack-collaboration-fr-letter.pdf": "Français, Lettre US — PDF, 6 feuilles"}),
])
def test_the_pages_link_exactly_the_pdfs_that_exist_named_in_their_language(publications, prefix, note, named):
    site = publications.first.site
    cards = (site / prefix / "cards" / "index.html").read_text(encoding="utf-8")
    run_sheet = (site / prefix / "competencies/collaboration/run-sheet/index.html").read_text(encoding="utf-8")
    links = {**_links(cards), **_links(run_sheet)}
    assert set(links) == set(publications.first.pdfs())
    for name, label in named.items():
        assert links[name] == label
    assert note in visible_text(cards)
    assert not any(".pdf" in label for label in links.values())


# -- the cache folder alone (no browser) ----------------------------------------------------

KEY, OTHER = "a" * 64, "b" * 64


def test_an_entry_is_used_only_while_its_bytes_match_their_hash(tmp_path):
    cache = PdfCache(tmp_path / "cache")
    cache.put(KEY, b"%PDF-1.4 whole")
    assert cache.get(KEY) == b"%PDF-1.4 whole"
    pdf, digest = tmp_path / "cache" / f"{KEY}.pdf", tmp_path / "cache" / f"{KEY}.sha256"
    for damage in (lambda: pdf.write_bytes(b"%PDF-1.4 whol"), lambda: pdf.write_bytes(b"%PDF-1.4 WHOLE"),
                   lambda: digest.write_bytes(b"not a hash\n"), digest.unlink, pdf.unlink):
        cache.put(KEY, b"%PDF-1.4 whole")
        damage()
        assert cache.get(KEY) is None


def test_a_placed_entry_is_linked_when_whole_and_written_over_as_a_new_file(tmp_path):
    cache = PdfCache(tmp_path / "cache")
    cache.put(KEY, b"%PDF-1.4 whole")
    entry, site = tmp_path / "cache" / f"{KEY}.pdf", tmp_path / "site.pdf"
    site.write_bytes(b"an older build's")
    assert cache.place(KEY, site) and site.samefile(entry) and site.read_bytes() == b"%PDF-1.4 whole"
    assert stat.S_IMODE(site.stat().st_mode) == 0o644  # the site's PDF shares its entry's mode: a server must read it
    write_whole(site, b"%PDF-1.4 printed again")  # a PDF printed over a placed one
    assert entry.read_bytes() == b"%PDF-1.4 whole" and not site.samefile(entry)
    entry.write_bytes(b"%PDF-1.4 WHOLE")  # damaged in place: not placed, the file left as it was
    assert not cache.place(KEY, site) and site.read_bytes() == b"%PDF-1.4 printed again"
    assert not cache.place(OTHER, site)


def test_pruning_removes_only_entries_no_build_asked_for(tmp_path):
    folder = tmp_path / "cache"
    PdfCache(folder).put(KEY, b"%PDF old")
    (folder / "notes.txt").write_text("someone's file", encoding="utf-8")
    (folder / f"{OTHER}.txt").write_text("not an entry", encoding="utf-8")
    cache = PdfCache(folder)
    cache.put(OTHER, b"%PDF new")
    assert cache.prune() == 1
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["notes.txt", f"{OTHER}.txt", f"{OTHER}.pdf", f"{OTHER}.sha256"])


def test_the_cache_folder_is_a_setting_and_a_wrong_one_says_how_to_fix_it(tmp_path, monkeypatch):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert cache_folder(tmp_path) == tmp_path / ".cache" / "pdfs"
    monkeypatch.setenv(CACHE_ENV, "elsewhere/pdfs")
    assert cache_folder(tmp_path) == tmp_path / "elsewhere" / "pdfs"
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "absolute"))
    assert cache_folder(Path("/nowhere")) == tmp_path / "absolute"
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(CacheFailed, match=f"cannot be made .*set {CACHE_ENV}"):
        PdfCache(tmp_path / "a-file")
    with pytest.raises(CacheFailed, match=f"cannot be made .*set {CACHE_ENV}"):
        PdfCache(tmp_path / "a\0name")


def test_a_competency_s_decks_see_the_cards_page_loading_only_its_own_deck_file():
    """What keys a competency's note on the cards page: the page loading its own deck
    file, not the others'; a page laid out otherwise has no such view."""
    page = ('<p>x</p><template id="guide-card-pool"></template>\n\n'
            '<script src="../cards/decks/a.js"></script>\n<script src="../cards/decks/b.js"></script>\n'
            '<p>z</p>')
    assert deck_view(page, "a") == ('<p>x</p><template id="guide-card-pool"></template>\n\n'
                                    '<script src="../cards/decks/a.js"></script>\n<p>z</p>')
    assert deck_view(page, "b").count("<script") == 1 and "decks/b.js" in deck_view(page, "b")
    assert deck_view(page.replace("\n<script src", "\n<p>y</p><script src"), "a") is None  # not one after the other
    assert deck_view(page.replace("decks/b.js", "decks/a.js"), "a") is None  # one deck loaded twice
    assert deck_view(page.replace("cards/decks/", "cards/"), "a") is None  # no deck file
    assert deck_view(page + page, "a") is None
