#!/usr/bin/env python3
"""Validate content_data/ with the build's own rules, without building the site.

Prints every error as ``file:line:column: message`` with a hint, and exits 1
if there is any; editors run it as ``make check`` (and pre-commit runs it).
Like the build, it renders every page and refuses an item id that a page also
uses for one of its own sections (the renderers say which: no list to keep). A
competency marked ``draft: true`` is not an error: what it still lacks is listed;
so is what each item marked ``draft: true`` in a finished competency lacks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide.content.errors import ContentInvalid, draft_item_report, draft_report
from guide.content.loader import load_guide
from guide.content.messages import say
from guide.content.model import bilingual_texts
from guide.site.page_ids import rendered_id_errors, site_markdown

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    content_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "content_data"
    try:
        guide = load_guide(content_dir, drafts=True)
        errors = rendered_id_errors(guide, content_dir.parent / "docs", site_markdown(content_dir.parent / "mkdocs.yml"))
        if errors:
            raise ContentInvalid(errors)
    except ContentInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for folder in guide.competencies:
        if folder.draft:
            # Not a failure: a draft is how a competency gets written; the published site leaves it out.
            print(draft_report(folder.folder, folder.unwritten), file=sys.stderr)
        for item in folder.draft_items:  # one item of a finished competency, left out of the published site
            print(draft_item_report(item), file=sys.stderr)
    print(say("content_valid", count=len(bilingual_texts(guide))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
