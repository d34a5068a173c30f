#!/usr/bin/env python3
"""Validate content_data/ with the build's own rules, without building the site.

Prints every error as ``file:line:column: message`` with a hint, and exits 1
if there is any; editors run it as ``make check`` (and pre-commit runs it). A
competency marked ``draft: true`` is not an error: what it still lacks is listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from guide.content.errors import ContentInvalid, draft_report  # noqa: E402
from guide.content.loader import load_guide  # noqa: E402
from guide.content.model import bilingual_texts  # noqa: E402


def main(argv: list[str]) -> int:
    content_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "content_data"
    try:
        guide = load_guide(content_dir, drafts=True)
    except ContentInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for folder in guide.competencies:
        if folder.draft:
            # Not a failure: a draft is how a competency gets written; the published site leaves it out.
            print(draft_report(folder.folder, folder.unwritten), file=sys.stderr)
    print(f"content_data is valid: {len(bilingual_texts(guide))} texts in English and French.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
