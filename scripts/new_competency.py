#!/usr/bin/env python3
"""Write a new competency's folder from the content model (``make competency ID=…``).

The id comes as an argument, or from ``make`` through the environment
(``GUIDE_MAKE_ID``), never through a shell.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from guide.content.decode import ID_PATTERN
from guide.content.model import COMPETENCIES_FOLDER
from guide.content.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent


USAGE = "usage: make competency ID=<id>   (lowercase letters, digits and hyphens, e.g. ID=teamwork)"


def main(argv: list[str]) -> int:
    given = argv[1:] or ([os.environ["GUIDE_MAKE_ID"]] if os.environ.get("GUIDE_MAKE_ID") else [])
    if len(given) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    competency_id = given[0]
    if not ID_PATTERN.fullmatch(competency_id):
        print(f"{competency_id!r} is not an id: nothing was written.\n{USAGE}", file=sys.stderr)
        return 2
    content = ROOT / "content_data"
    folder = content / COMPETENCIES_FOLDER / competency_id
    if folder.exists():
        print(f"{folder.relative_to(ROOT)} already exists: choose another id", file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    (folder / "competency.yml").write_text(scaffold(competency_id), encoding="utf-8")
    print(f"wrote {folder.relative_to(ROOT)}/competency.yml: replace every TO WRITE / À RÉDIGER text, "
          "then run make check (add why.yml, tips.yml or workshop.yml by copying them from another "
          "competency if it has them)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
