#!/usr/bin/env python3
"""List the items whose English and French were last changed apart (from git).

``make translations`` prints the list; ``make test`` prints it as warnings, so
CI output shows them without failing: a stale translation needs a person.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide.content.errors import ContentInvalid, printable
from guide.content.loader import load_guide
from guide.content.messages import say
from guide.history.translation_status import stale_translations

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    root = Path(argv[1]).resolve() if len(argv) > 1 else ROOT
    try:
        guide = load_guide(root / "content_data")
    except ContentInvalid as exc:  # the editor's mistakes, as `make check` tells them: never a traceback
        print(exc.report(), file=sys.stderr)
        return 1
    stale = stale_translations(root, guide.bilingual)
    if stale is None:
        print(say("translation_unknown"))
    elif not stale:
        print(say("translation_in_step"))
    for item in stale or []:
        print(printable(say("translation_warning", stale=item.told())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
