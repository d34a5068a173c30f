"""Files the build writes (pages, open data, PDFs, the PDF cache's entries), each replaced
whole: a server, a preview's browser or the next build never reads half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, data: str | bytes, newline: str | None = None) -> None:
    """Write ``data`` (text as UTF-8) into a new file beside ``path``, then put it in its
    place in one step.

    The new file is made afresh (``mkstemp``: never an existing file, never through a
    symbolic link someone left at a predictable name), and ``os.replace`` swaps the
    name, so a link at ``path`` itself, symbolic or hard (a PDF placed from the cache),
    is replaced, not written through. Readable by all, as MkDocs writes pages: a PDF
    placed in the site is a hard link to its cache entry, and shares its mode.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        if isinstance(data, bytes):
            with os.fdopen(handle, "wb") as out:
                out.write(data)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
                out.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
