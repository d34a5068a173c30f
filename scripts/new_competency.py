#!/usr/bin/env python3
"""Write a new competency's folder from the content model (``make competency ID=…``)."""

from __future__ import annotations

import sys
from pathlib import Path

from guide.content.decode import ID_PATTERN
from guide.content.model import COMPETENCIES_FOLDER
from guide.content.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not ID_PATTERN.match(argv[1]):
        print("usage: make competency ID=<id>   (lowercase letters, digits and hyphens, e.g. teamwork)",
              file=sys.stderr)
        return 2
    content = ROOT / "content_data"
    folder = content / COMPETENCIES_FOLDER / argv[1]
    if folder.exists():
        print(f"{folder.relative_to(ROOT)} already exists: choose another id", file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    (folder / "competency.yml").write_text(scaffold(argv[1]), encoding="utf-8")
    print(f"wrote {folder.relative_to(ROOT)}/competency.yml: replace every TO WRITE / À RÉDIGER text, "
          "then run make check (add why.yml, tips.yml or workshop.yml by copying them from another "
          "competency if it has them)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
