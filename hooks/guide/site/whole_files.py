"""Files of the built site replaced whole: a server (or a preview's browser) never reads half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, text: str, newline: str | None = None) -> None:
    """Write ``text`` into a new file beside ``path``, then put it in its place in one step.

    The new file is made afresh (``mkstemp``: never an existing file, never through a
    symbolic link someone left at a predictable name), and ``os.replace`` swaps the
    name, so a link at ``path`` itself is replaced, not written through.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # as a page written by MkDocs: mkstemp makes it private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
