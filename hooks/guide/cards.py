"""The deck of behaviour cards: which items become cards, and whether they fit.

One card per behaviour to adopt, behaviour to avoid, practical tip and level
behaviour. A card prints its text at 14 pt on a 63 × 88 mm playing card, which
holds about 190 characters; a longer text is an error at build time (with its
file and line), never a text cut off on paper. Items can give a shorter
``card:`` wording for that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from .decode import Location
from .errors import ContentError
from .model import Guide, Text

MAX_CARD_CHARACTERS = 190
KINDS = ("adopt", "avoid", "tip", "level")


@dataclass(frozen=True)
class Card:
    item_id: str
    kind: str
    short_id: str
    text: Text
    page: str  # the address (from the site root) of the page that explains the item, for the QR code
    competency: str = ""  # the id of the competency the card belongs to
    competency_name: Optional[Text] = None  # printed on the card's foot
    level: Optional[int] = None
    loc: Optional[Location] = None

    def get(self, lang: str) -> str:
        return self.text.get(lang)


def _wording(item) -> Text:  # type: ignore[no-untyped-def]
    return item.card if item.card is not None else Text(en=item.en, fr=item.fr)


def deck(guide: Guide) -> list[Card]:
    """Every competency's cards, in catalogue order."""
    return [card for folder in guide.competencies for card in competency_deck(guide.focus(folder.id))]


def competency_deck(guide: Guide) -> list[Card]:
    """The cards of the competency in focus (see ``Guide.focus``)."""
    cards = _cards(guide)
    folder = guide.folder()
    return [replace(card, competency=folder.id, competency_name=folder.competency.name) for card in cards]


def _cards(guide: Guide) -> list[Card]:
    c = guide.competency
    home = f"competencies/{guide.folder().id}/"
    cards = [Card(i.id, "adopt", f"AD-{n:02d}", _wording(i), home, loc=i.loc)
             for n, i in enumerate(c.adopt, 1)]
    cards += [Card(i.id, "avoid", f"AV-{n:02d}", _wording(i), home, loc=i.loc)
              for n, i in enumerate(c.avoid, 1)]
    for level in c.levels:
        cards += [Card(i.id, "level", f"L{level.number}-{n:02d}", _wording(i), home,
                       level=level.number, loc=i.loc)
                  for n, i in enumerate(level.behaviours, 1)]
    if guide.tips is not None:
        cards += [Card(t.id, "tip", f"TIP-{n:02d}", _wording(t), f"{home}tips/", loc=t.loc)
                  for n, t in enumerate(guide.tips.tips, 1)]
    return cards


def card_errors(guide: Guide) -> list[ContentError]:
    errors = []
    for card in competency_deck(guide):
        for lang in ("en", "fr"):
            length = len(card.get(lang))
            if length > MAX_CARD_CHARACTERS and card.loc is not None:
                errors.append(card.loc.error(
                    f"'{card.item_id}': the {lang} text is {length} characters, too long for a "
                    f"printed card (at most {MAX_CARD_CHARACTERS})",
                    "add a shorter wording for cards under the item: card: {en: ..., fr: ...}",
                ))
    return errors
