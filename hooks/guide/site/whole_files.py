"""Files of the built site replaced whole: a server (or a preview's browser) never reads half of one."""

from __future__ import annotations

import os
from pathlib import Path


def write_whole(path: Path, text: str, newline: str | None = None) -> None:
    """Write ``text`` beside ``path``, then put it in its place in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline=newline) as out:
        out.write(text)
    os.replace(partial, path)
