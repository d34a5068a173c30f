"""Card codes stay put: a printed card can still be looked up after the content changes."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT
from html_text import visible_text

from guide.content import card_codes
from guide.content.cards import deck
from guide.content.errors import ContentInvalid
from guide.content.loader import load_guide

CODE = re.compile(r"^(?:AD|AV|TIP|L[1-9])-[0-9A-HJKMNP-TV-Z]{5}$")
COMPETENCY = "competencies/collaboration/competency.yml"
NEW_BEHAVIOUR = """adopt:
  - id: adopt-a-new-first-behaviour
    source: competency-sheet
    en: Say thank you to partners who helped.
    fr: Remercier les partenaires qui ont aidé.
"""


def _codes(content) -> dict[tuple[str, str], str]:
    return {(card.competency, card.item_id): card.code for card in deck(load_guide(content))}


@pytest.fixture
def content(tmp_path):
    return shutil.copytree(ROOT / "content_data", tmp_path / "content_data")


def test_codes_are_short_readable_and_unique(guide):
    codes = [card.code for card in deck(guide)]
    assert all(CODE.match(code) for code in codes), codes
    assert len(set(codes)) == len(codes)


def test_a_code_is_derived_from_the_ids_alone():
    # Pinned: a change of the formula would orphan every printed deck.
    assert card_codes.card_code("collaboration", "adopt-shared-objectives", "adopt") == "AD-CP1S7"
    assert card_codes.card_code("collaboration", "x", "level", 3).startswith("L3-")


def test_inserting_removing_and_reordering_items_leaves_other_codes_alone(content):
    before = _codes(content)
    path = content / COMPETENCY
    text = path.read_text(encoding="utf-8")
    assert text.count("\nadopt:\n") == 1
    path.write_text(text.replace("\nadopt:\n", "\n" + NEW_BEHAVIOUR, 1), encoding="utf-8")
    after = _codes(content)
    assert set(after) - set(before) == {("collaboration", "adopt-a-new-first-behaviour")}
    assert {key: after[key] for key in before} == before

    # Reverse the order of the behaviours to avoid: same codes.
    text = path.read_text(encoding="utf-8")
    head, avoid = text.split("\navoid:\n", 1)
    items = re.split(r"(?m)^(?=  - id: )", avoid)
    lead, rest = items[0], items[1:]
    tail = re.split(r"(?m)^(?=\S)", rest[-1], maxsplit=1)
    rest[-1] = tail[0]
    path.write_text(head + "\navoid:\n" + lead + "".join(reversed(rest)) + "".join(tail[1:]), encoding="utf-8")
    reordered = _codes(content)
    assert reordered == after
    assert list(reordered) != list(after), "the avoid list was not reordered"


def test_two_items_with_one_code_are_refused_with_file_and_line(content, monkeypatch):
    monkeypatch.setattr(card_codes, "HASH_LENGTH", 0)  # every behaviour to adopt gets "AD-"
    with pytest.raises(ContentInvalid) as refused:
        load_guide(content)
    message = str(refused.value)
    assert re.search(r"competency\.yml:\d+:\d+: 'adopt-understand-goals' gets the card code AD-, "
                     r"already the code of 'adopt-shared-objectives' \(.*competency\.yml:\d+\)", message), message
    assert "another id" in message


@pytest.mark.parametrize("prefix, word", [("", "Card"), ("fr/", "Carte")])
def test_each_item_shows_its_card_code_beside_it_on_its_page(site, guide, prefix, word):
    """A trainer holding a printed card finds the item by the code on it."""
    pages = {}
    for card in deck(guide):
        path = site / prefix / card.page / "index.html"
        html = pages.setdefault(path, path.read_text(encoding="utf-8"))
        item = re.search(rf'<li id="{card.item_id}"[^>]*>(.*?)</li>', html, re.S)
        assert item is not None, card.item_id
        shown = " ".join(visible_text(item.group(1)).split())
        assert f"{word} {card.code}" in shown, (card.item_id, shown)
