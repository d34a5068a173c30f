#!/usr/bin/env python3
"""List the items whose English and French were last changed apart (from git).

``make translations`` prints the list; ``make test`` prints it as warnings, so
CI output shows them without failing: a stale translation needs a person.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide.content.loader import load_guide
from guide.history.translation_status import stale_translations

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    root = Path(argv[1]).resolve() if len(argv) > 1 else ROOT
    stale = stale_translations(root, load_guide(root / "content_data").bilingual)
    if stale is None:
        print("translation status unknown: no git history here")
    elif not stale:
        print("translations: every item's English and French were last changed together")
    for item in stale or []:
        print(f"WARNING translation: {item.format()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
