"""Which items had one language changed after the other, from git history.

``git blame`` dates every line of a content file. An item whose English lines
were last changed in a later commit than its French lines (or the reverse)
may have a stale translation. Uncommitted edits count as the newest. Without
git history (a downloaded archive), the status is unknown, not "all fine".
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .decode import BilingualLines

UNCOMMITTED = "0" * 40


@dataclass(frozen=True)
class Stale:
    item: str
    file: str
    line: int
    newer: str  # the language changed last: "en" or "fr"
    newer_date: str
    older_date: str

    def format(self) -> str:
        other = "fr" if self.newer == "en" else "en"
        names = {"en": "English", "fr": "French"}
        return (f"{self.file}:{self.line}: '{self.item}': the {names[self.newer]} changed on "
                f"{self.newer_date}, after the {names[other]} ({self.older_date}); "
                f"check that the {names[other]} still says the same")


@dataclass(frozen=True)
class _LineDate:
    commit: str
    time: int


def _blame(repo: Path, file: Path) -> list[_LineDate] | None:
    try:
        out = subprocess.run(["git", "blame", "--line-porcelain", "--", str(file)], cwd=repo,
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    lines, commit, time = [], "", 0
    for row in out.stdout.splitlines():
        if row.startswith("\t"):
            lines.append(_LineDate(commit, time))
        elif len(row) > 41 and row[40] == " " and all(c in "0123456789abcdef" for c in row[:40]):
            commit = row[:40]
        elif row.startswith("committer-time "):
            time = int(row.split()[1])
    return lines


def _age(date: _LineDate) -> tuple[bool, int]:
    """Sort key: uncommitted edits are newer than any commit."""
    return date.commit == UNCOMMITTED, date.time


def _newest(dates: list[_LineDate], span: tuple[int, int]) -> _LineDate:
    return max(dates[span[0] - 1: span[1]], key=_age)


def _day(date: _LineDate) -> str:
    if date.commit == UNCOMMITTED:
        return "not yet committed"
    return datetime.fromtimestamp(date.time, tz=timezone.utc).strftime("%Y-%m-%d")


def stale_translations(repo: Path, items: tuple[BilingualLines, ...]) -> list[Stale] | None:
    """The items whose languages were last changed apart, or None without history."""
    blames: dict[str, list[_LineDate] | None] = {}
    stale = []
    for item in items:
        if item.file not in blames:
            blames[item.file] = _blame(repo, repo / item.file)
        dates = blames[item.file]
        if dates is None:
            return None
        en, fr = _newest(dates, item.en), _newest(dates, item.fr)
        if en.commit == fr.commit:
            continue
        newer, newer_date, older_date = ("fr", fr, en) if _age(en) < _age(fr) else ("en", en, fr)
        line = item.en[0] if newer == "en" else item.fr[0]
        stale.append(Stale(item.name, item.file, line, newer, _day(newer_date), _day(older_date)))
    return stale
