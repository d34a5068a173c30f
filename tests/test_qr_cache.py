"""The cards' QR codes kept between publications (guide.publish.qr_cache): a kept
code is the SVG a fresh drawing gives, and a damaged file or entry is never used
(its codes are drawn again). Rendered as the site renders the cards, with the
RenderMemo the site layer fills from the file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import PUBLIC_URL

from guide.content.cards import competency_deck, deck
from guide.publish.qr_cache import FILE_NAME, load_qr_codes, save_qr_codes
from guide.render.base import Context, RenderMemo
from guide.render.cards import card_html, card_qr_keys


def _cards(guide, memo: RenderMemo) -> dict[tuple[str, str], str]:
    """Every card's HTML in both languages, rendered with ``memo``."""
    return {(card.code, lang): card_html(
        Context(guide, lang, site_url=PUBLIC_URL, memo=memo), card, lang)
            for card in deck(guide) for lang in ("en", "fr")}


@pytest.fixture(scope="module")
def fresh(guide) -> tuple[dict, RenderMemo]:
    memo = RenderMemo()
    return _cards(guide, memo), memo


def _kept(guide, folder: Path) -> RenderMemo:
    """A memo filled as the site layer fills it: the file's codes for the cards shown."""
    return RenderMemo(qr_codes=load_qr_codes(folder, card_qr_keys(guide, PUBLIC_URL)))


def test_the_codes_kept_are_exactly_those_the_cards_show(guide, fresh):
    """What the site writes back (``card_qr_keys``) is every code drawn, and no other:
    a code no card shows any more is pruned, and no shown code is left out."""
    _, memo = fresh
    assert memo.qr_drawn == len(memo.qr_codes) == 2 * len(deck(guide))
    assert card_qr_keys(guide, PUBLIC_URL) == set(memo.qr_codes)
    # A facilitator's pack shows its competency's cards: codes the site keeps too.
    focused = guide.focus(guide.competencies[0].id)
    pack = RenderMemo(qr_codes=dict(memo.qr_codes))
    for card in competency_deck(focused):
        card_html(Context(focused, "fr", site_url=PUBLIC_URL, memo=pack), card, "fr")
    assert pack.qr_drawn == 0


def test_a_kept_qr_code_is_the_svg_a_fresh_one_draws(guide, fresh, tmp_path):
    cards, memo = fresh
    assert save_qr_codes(tmp_path, memo.qr_codes)
    kept = _kept(guide, tmp_path)
    assert _cards(guide, kept) == cards
    assert kept.qr_drawn == 0  # every code came from the file
    # The same codes give the same bytes.
    written = (tmp_path / FILE_NAME).read_bytes()
    assert save_qr_codes(tmp_path, dict(reversed(list(memo.qr_codes.items()))))
    assert (tmp_path / FILE_NAME).read_bytes() == written


def test_saving_fewer_codes_prunes_the_others(guide, fresh, tmp_path):
    _, memo = fresh
    some = dict(sorted(memo.qr_codes.items())[:5])
    save_qr_codes(tmp_path, memo.qr_codes)
    save_qr_codes(tmp_path, some)
    assert _kept(guide, tmp_path).qr_codes == some


def _first_entry(data: bytes, change: Callable[[dict], object]) -> bytes:
    stored = json.loads(data)
    change(stored["codes"][sorted(stored["codes"])[0]])
    return json.dumps(stored).encode("utf-8")


def _one_svg_changed(data: bytes) -> bytes:
    """One QR module moved in one code's SVG (its hash kept): still a valid file."""
    def move(entry: dict) -> None:
        assert 'd="M' in entry["svg"]
        entry["svg"] = entry["svg"].replace('d="M', 'd="m', 1)
    return _first_entry(data, move)


def _entry_digest_changed(data: bytes) -> bytes:
    return _first_entry(data, lambda entry: entry.update(sha256="0" * 64))


DAMAGE = {
    "cut short": (lambda data: data[: len(data) // 2], "all"),
    "emptied": (lambda data: b"", "all"),
    "not UTF-8": (lambda data: b"\xff\xfe" + data, "all"),
    "nested past what JSON reads": (lambda data: b"[" * 200_000, "all"),
    "another format": (lambda data: data.replace(b'"format": 1', b'"format": 2', 1), "all"),
    "one code's SVG changed": (_one_svg_changed, 1),
    "one code's hash changed": (_entry_digest_changed, 1),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_file_is_ignored_and_its_codes_drawn_again(guide, fresh, tmp_path, damage):
    cards, memo = fresh
    save_qr_codes(tmp_path, memo.qr_codes)
    path = tmp_path / FILE_NAME
    change, redrawn = DAMAGE[damage]
    damaged = change(path.read_bytes())
    assert damaged != path.read_bytes()
    path.write_bytes(damaged)
    kept = _kept(guide, tmp_path)
    assert _cards(guide, kept) == cards  # never a wrong code: the same cards as drawn fresh
    assert kept.qr_drawn == (len(memo.qr_codes) if redrawn == "all" else redrawn)


def test_a_missing_or_unreadable_file_draws_every_code(guide, fresh, tmp_path):
    cards, memo = fresh
    assert _kept(guide, tmp_path).qr_codes == {}
    (tmp_path / FILE_NAME).mkdir()  # a folder where the file should be
    assert _kept(guide, tmp_path).qr_codes == {}
    assert not save_qr_codes(tmp_path, memo.qr_codes)  # cannot replace it: said, not raised
    assert not save_qr_codes(tmp_path / "a\0name", memo.qr_codes)
