"""Card codes that a printed card keeps: derived from what the item is, not where it sits.

A code is the kind of card (AD, AV, L1…L4, TIP) and five characters of a hash of
the competency's id and the item's id, in Crockford's base 32 (no I, L, O or U,
so it reads aloud and types back without confusion): ``AD-7K3FQ``. Adding,
removing or reordering items leaves every other code alone, so last month's
printed deck still matches the site. Two items whose codes collide (about one
chance in 30,000 for a pair of the same kind) are refused at build time.
"""

from __future__ import annotations

import hashlib
from typing import Optional

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
HASH_LENGTH = 5
KIND_PREFIXES = {"adopt": "AD", "avoid": "AV", "tip": "TIP"}


def kind_prefix(kind: str, level: Optional[int] = None) -> str:
    """AD, AV, TIP, or L<n> for a level behaviour."""
    return f"L{level}" if kind == "level" else KIND_PREFIXES[kind]


def card_code(competency_id: str, item_id: str, kind: str, level: Optional[int] = None) -> str:
    """The item's code, e.g. ``AD-7K3FQ``: the same on every build, whatever else changes."""
    digest = int.from_bytes(hashlib.sha256(f"{competency_id}/{item_id}".encode()).digest()[:8], "big")
    letters = "".join(CROCKFORD[(digest >> (5 * n)) & 31] for n in range(HASH_LENGTH))
    return f"{kind_prefix(kind, level)}-{letters}"
