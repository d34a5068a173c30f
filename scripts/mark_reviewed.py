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
from guide.content.messages import say
from guide.history.translation_status import REVIEWS, record_reviews, stale_translations

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", metavar="ID", help="the item's id, as on the status page")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv[1:])
    args.ids = args.ids or os.environ.get("GUIDE_MAKE_ID", "").split()
    if not args.ids:
        print(say("reviewed_usage", command="make reviewed ID=item-id", several='ID="id-1 id-2"'), file=sys.stderr)
        return 2
    root = args.root.resolve()
    try:
        items = load_guide(root / "content_data").bilingual
    except ContentInvalid as exc:
        print(f"{exc.report()}\n{say('reviewed_fix_first')}", file=sys.stderr)
        return 1
    names = [item.name for item in items]
    unknown = [name for name in args.ids if name not in names]
    for name in unknown:
        close = difflib.get_close_matches(name, names, n=1)
        print(say("reviewed_unknown_close", name=repr(name), close=close[0]) if close
              else say("reviewed_unknown", name=repr(name)), file=sys.stderr)
    if unknown:
        print(say("reviewed_nothing"), file=sys.stderr)
        return 1
    flagged = {s.item for s in stale_translations(root, items) or []}
    day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    record_reviews(root, items, args.ids, day)
    for name in args.ids:
        print(say("reviewed_recorded" if name in flagged else "reviewed_recorded_unflagged", name=name, day=day))
    print(say("reviewed_commit", file=REVIEWS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
