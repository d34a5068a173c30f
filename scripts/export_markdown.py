#!/usr/bin/env python3
"""`make markdown`: the guide as plain Markdown and a hook-free mkdocs.yml, in a folder.

The folder is ``$OUT`` (default markdown-export/); ``$GENERATOR`` is the generator
the links are written for, ``mkdocs`` (default) or ``zensical``. Both come from the
environment, never from a shell line. Run with ``PYTHONPATH=hooks`` (the Makefile does).
Build the result with ``cd markdown-export && mkdocs build --strict``, then finish its
pages with ``PYTHONPATH=hooks python -m guide.site.finished_html markdown-export/site``.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from guide.content.errors import ContentInvalid, printable
from guide.content.messages import editor_language, say
from guide.exports.markdown import ExportError, export_markdown

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    out = Path(os.environ.get("OUT") or "markdown-export")
    generator = os.environ.get("GENERATOR") or "mkdocs"
    try:
        export = export_markdown(ROOT, out if out.is_absolute() else Path.cwd() / out, generator)
    except ContentInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except ExportError as exc:
        print(printable(exc.told.get(editor_language())), file=sys.stderr)
        return 1
    except OSError as exc:
        print(printable(say("markdown_out_unwritable", out=str(out), reason=exc.strerror, file=exc.filename)),
              file=sys.stderr)
        return 1
    folder = shlex.quote(str(export.folder))
    print(say("markdown_written", count=len(export.pages), folder=str(export.folder),
              build=f"cd {folder} && mkdocs build --strict",
              finish=f"PYTHONPATH={shlex.quote(str(ROOT / 'hooks'))} python -m guide.site.finished_html "
                     f"{shlex.quote(str(export.folder / 'site'))}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
