"""The deck of behaviour cards: which items become cards, and whether they fit.

One card per behaviour to adopt, behaviour to avoid, practical tip and level
behaviour. A card prints its text at 14 pt on a 63 × 88 mm playing card, which
holds about 190 characters; a longer text is an error at build time (with its
file and line), never a text cut off on paper. Items can give a shorter
``card:`` wording for that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from guide.content.card_codes import card_code
from guide.content.decode import Location
from guide.content.errors import ContentError
from guide.content.messages import said
from guide.content.model import CompetencyFolder, Guide, Text

MAX_CARD_CHARACTERS = 190
KINDS = ("adopt", "avoid", "tip", "level")
PER_SHEET = 9  # a sheet holds three rows of three 63 × 88 mm cards


@dataclass(frozen=True)
class Card:
    item_id: str
    kind: str
    code: str  # printed on the card and shown beside the item: see card_codes
    text: Text
    page: str  # the address (from the site root) of the page that explains the item, for the QR code
    competency: str = ""  # the id of the competency the card belongs to
    competency_name: Optional[Text] = None  # printed on the card's foot
    level: Optional[int] = None
    loc: Optional[Location] = None

    def get(self, lang: str) -> str:
        return self.text.get(lang)


def _wording(item) -> Text:
    return item.card if item.card is not None else Text(en=item.en, fr=item.fr)


def deck(guide: Guide) -> list[Card]:
    """Every competency's cards, in catalogue order."""
    return [card for folder in guide.competencies for card in folder.cards]


def competency_deck(guide: Guide) -> list[Card]:
    """The cards of the competency in focus (see ``Guide.focus``)."""
    return list(guide.folder().cards)


def folder_cards(folder: CompetencyFolder) -> list[Card]:
    """One competency's cards: behaviours to adopt and avoid, each level's, then tips."""
    c = folder.competency
    home = f"competencies/{folder.id}/"

    def card(item, kind: str, page: str = home, level: Optional[int] = None) -> Card:
        code = card_code(folder.id, item.id, kind, level)
        return Card(item.id, kind, code, _wording(item), page, competency=folder.id,
                    competency_name=c.name, level=level, loc=item.loc)

    cards = [card(i, "adopt") for i in c.adopt]
    cards += [card(i, "avoid") for i in c.avoid]
    for level in c.levels:
        cards += [card(i, "level", level=level.number) for i in level.behaviours]
    if folder.tips is not None:
        cards += [card(t, "tip", f"{home}tips/") for t in folder.tips.tips]
    return cards


def item_codes(guide: Guide) -> dict[str, str]:
    """The card code of each item of the competency in focus that is printed as a card."""
    return {card.item_id: card.code for card in guide.folder().cards}


def code_collisions(cards: list[Card]) -> list[ContentError]:
    """Two items of the catalogue's deck with one code: the second is named, with the first's place."""
    seen: dict[str, Card] = {}
    errors = []
    for card in cards:
        first = seen.setdefault(card.code, card)
        if first is not card and card.loc is not None:
            where = f" ({first.loc.file}:{first.loc.line})" if first.loc is not None else ""
            errors.append(card.loc.error(
                said("card_code_taken", id=card.item_id, code=card.code, other=first.item_id, where=where),
                said("card_code_taken_hint")))
    return errors


def card_errors(cards: list[Card]) -> list[ContentError]:
    """Cards whose text is too long to print."""
    errors = []
    for card in cards:
        for lang in ("en", "fr"):
            length = len(card.get(lang))
            if length > MAX_CARD_CHARACTERS and card.loc is not None:
                errors.append(card.loc.error(
                    said("card_too_long", id=card.item_id, lang=said(f"in_{lang}"), length=length,
                         limit=MAX_CARD_CHARACTERS),
                    said("card_too_long_hint", example="card: {en: ..., fr: ...}"),
                ))
    return errors
