"""``git blame`` of the content files, kept from one save to the next.

The translation status blames every content file that holds a text in both
languages: at 120 competencies, some 480 runs of git per save of a preview in
a git checkout (seconds). A file's blame depends only on its bytes and on the
history behind HEAD, so it is kept while both stay the same; when HEAD moves
forward (a commit, a pull), only the files that the new commits touched are
blamed again. Anything else (no HEAD, a history rewritten) blames them all.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from guide.history.translation_status import ItemMemo, LineDate, blame_lines


class BlameCache:
    """Each file's blame, with the bytes it was made from, under one HEAD."""

    def __init__(self) -> None:
        self._head: str | None = None
        self._kept: dict[str, tuple[bytes, list[LineDate]]] = {}  # file (as passed) -> (its bytes, blame)
        self.items: ItemMemo = {}  # what the translation status found per item, from these blames

    def refresh(self, repo: Path) -> None:
        """Follow HEAD: call once before asking for a save's blames."""
        head = _git(repo, "rev-parse", "--verify", "-q", "HEAD")
        if head is None or self._head is None or head != self._head:
            touched = self._touched(repo, self._head, head) if head is not None and self._head is not None else None
            if touched is None:
                self._kept.clear()
            else:
                for name in touched:
                    self._kept.pop(str(repo / name), None)
        self._head = head

    def lines(self, repo: Path, file: Path, read: bytes | None = None) -> list[LineDate] | None:
        """``blame_lines(repo, file)``, from the cache while the file and HEAD are unchanged.
        ``read``: the file's bytes, when the caller has just read them."""
        if self._head is None:
            return blame_lines(repo, file)  # not a git checkout, or no commit yet
        try:
            raw = read if read is not None else file.read_bytes()  # compared whole: a time stamp can stay the same
        except OSError:
            return blame_lines(repo, file)
        key = str(file)
        known = self._kept.get(key)
        if known is not None and known[0] == raw:
            return known[1]
        lines = blame_lines(repo, file)
        if lines is None:
            self._kept.pop(key, None)
        else:
            self._kept[key] = (raw, lines)
        return lines

    @staticmethod
    def _touched(repo: Path, old: str, new: str) -> list[str] | None:
        """The files the commits from ``old`` to ``new`` changed; None unless ``new`` follows ``old``."""
        if old == new:
            return []
        try:
            ancestor = subprocess.run(["git", "merge-base", "--is-ancestor", old, new], cwd=repo,
                                      capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if ancestor.returncode != 0:
            return None
        names = _git(repo, "diff", "--name-only", "-z", "--no-renames", old, new, "--")
        return None if names is None else [name for name in names.split("\0") if name]


def _git(repo: Path, *args: str) -> str | None:
    """git's output, stripped of the last newline; None when git fails."""
    try:
        out = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.rstrip("\n") if out.returncode == 0 else None
