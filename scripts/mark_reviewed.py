#!/usr/bin/env python3
"""Record that an item's English and French were checked and still match.

``make reviewed ID=item-id`` (several: ``ID="id-1 id-2"``; make passes them in the
environment, ``GUIDE_MAKE_ID``, never through a shell) clears the "one
language changed after the other" warning without touching the other
language. The record holds the day and a fingerprint of both languages' lines:
the next edit of either brings the warning back. Commit the file it writes,
``content_data/translation-reviews.json``, with your change.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from guide.content.errors import ContentInvalid
from guide.content.loader import load_guide
from guide.history.translation_status import REVIEWS, record_reviews, stale_translations

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", metavar="ID", help="the item's id, as on the status page")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv[1:])
    args.ids = args.ids or os.environ.get("GUIDE_MAKE_ID", "").split()
    if not args.ids:
        print('usage: make reviewed ID=item-id   (several: ID="id-1 id-2")', file=sys.stderr)
        return 2
    root = args.root.resolve()
    try:
        items = load_guide(root / "content_data").bilingual
    except ContentInvalid as exc:
        print(f"{exc.report()}\nFix the content first, then record the review.", file=sys.stderr)
        return 1
    names = [item.name for item in items]
    unknown = [name for name in args.ids if name not in names]
    for name in unknown:
        close = difflib.get_close_matches(name, names, n=1)
        guess = f"; did you mean '{close[0]}'?" if close else ""
        print(f"unknown item {name!r}{guess}", file=sys.stderr)
    if unknown:
        print("Nothing was recorded.", file=sys.stderr)
        return 1
    flagged = {s.item for s in stale_translations(root, items) or []}
    day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    record_reviews(root, items, args.ids, day)
    for name in args.ids:
        note = "" if name in flagged else " (it was not flagged; recorded anyway)"
        print(f"recorded: '{name}' reviewed on {day}{note}")
    print(f"Commit {REVIEWS} with your change.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
