"""Which items had one language changed after the other, from git history.

``git blame`` dates every line of a content file. An item whose English lines
were last changed in a later commit than its French lines (or the reverse)
may have a stale translation. Uncommitted edits count as the newest. Without
git history (a downloaded archive), the status is unknown, not "all fine".

When only one language needed a change, an editor records that the other was
checked (``make reviewed ID=...``): ``content_data/translation-reviews.json``
keeps, per item, the day and a fingerprint of both languages' lines. The
review clears the warning for as long as those lines stay exactly as
reviewed; any later edit of either language brings the warning back.
"""

from __future__ import annotations

import hashlib
import json
import operator
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path
from typing import Callable

from guide.content.decode import BilingualLines
from guide.content.errors import ContentError, ContentInvalid
from guide.content.messages import Said, said
from guide.content.reviews import REVIEWS_FILE, read_reviews_file

UNCOMMITTED = "0" * 40
NOT_YET_COMMITTED = "not yet committed"  # a "date" of the English status page; the terminal says it in words
REVIEWS = f"content_data/{REVIEWS_FILE}"


@dataclass(frozen=True)
class Stale:
    item: str
    file: str
    line: int
    newer: str  # the language changed last: "en" or "fr"
    newer_date: str
    older_date: str

    def told(self) -> Said:
        """The warning for the terminal, in both languages (``say`` picks the editor's)."""
        names = {"en": said("the_english"), "fr": said("the_french")}
        other = "fr" if self.newer == "en" else "en"
        where = {"where": f"{self.file}:{self.line}", "item": self.item, "newer": names[self.newer],
                 "older": names[other], "older_date": self.older_date}
        if self.newer_date == NOT_YET_COMMITTED:
            return said("translation_stale_uncommitted", **where)
        return said("translation_stale", newer_date=self.newer_date, **where)


@dataclass(frozen=True)
class Reviewed:
    """An item whose two languages an editor checked, unchanged since."""

    item: str
    file: str
    line: int
    date: str


@dataclass(frozen=True)
class Status:
    stale: list[Stale]
    reviewed: list[Reviewed]


@dataclass(frozen=True)
class LineDate:
    commit: str
    time: int


def blame_lines(repo: Path, file: Path) -> list[LineDate] | None:
    """Each line's last commit and its time, from git blame; None without history."""
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
            lines.append(LineDate(commit, time))
        elif len(row) > 41 and row[40] == " " and all(c in "0123456789abcdef" for c in row[:40]):
            commit = row[:40]
        elif row.startswith("committer-time "):
            time = int(row.split()[1])
    return lines


def _age(date: LineDate) -> tuple[bool, int]:
    """Sort key: uncommitted edits are newer than any commit."""
    return date.commit == UNCOMMITTED, date.time


def _newest(dates: list[LineDate], span: tuple[int, int]) -> LineDate:
    return max(dates[span[0] - 1: span[1]], key=_age)


def _day(date: LineDate) -> str:
    if date.commit == UNCOMMITTED:
        return NOT_YET_COMMITTED
    return datetime.fromtimestamp(date.time, tz=timezone.utc).strftime("%Y-%m-%d")


def stale_translations(repo: Path, items: tuple[BilingualLines, ...]) -> list[Stale] | None:
    """The items whose languages were last changed apart and not reviewed since,
    or None without history."""
    status = translation_status(repo, items)
    return None if status is None else status.stale


# A run of items of one file (by its first item's id()) -> those items, the blame of the
# file and what they said: kept by a preview (``BlameCache.items``) while both are the
# same objects (a file that did not change decodes to the same items, and keeps its blame).
ItemMemo = dict[int, tuple[tuple[BilingualLines, ...], list[LineDate], list["Stale"]]]


def translation_status(repo: Path, items: tuple[BilingualLines, ...],
                       blame: Callable[[Path, Path], list[LineDate] | None] = blame_lines,
                       memo: ItemMemo | None = None) -> Status | None:
    """Stale items and standing reviews, or None without git history. ``blame``: each
    file's lines' commits (``blame_lines``; the preview keeps them, ``BlameCache``)."""
    reviews = read_reviews(repo)
    texts: dict[str, list[str]] = {}
    reviewed = []
    for item in items if reviews else ():  # none recorded (the usual case): nothing to look up
        review = reviews.get(item.name)
        if review is not None and review.get("text") == fingerprint(repo, item, texts):
            reviewed.append(Reviewed(item.name, item.file, item.en[0], str(review.get("reviewed", ""))))
    stale = _changed_apart(repo, items, blame, memo)
    if stale is None:
        return None
    done = {r.item for r in reviewed}
    return Status([s for s in stale if s.item not in done], reviewed)


def fingerprint(repo: Path, item: BilingualLines, cache: dict[str, list[str]] | None = None) -> str:
    """A short hash of the item's English and French lines as they are now."""
    cache = {} if cache is None else cache
    if item.file not in cache:
        cache[item.file] = (repo / item.file).read_text(encoding="utf-8").splitlines()
    lines = cache[item.file]
    en = lines[item.en[0] - 1: item.en[1]]
    fr = lines[item.fr[0] - 1: item.fr[1]]
    return hashlib.sha256("\n".join([*en, "\0", *fr]).encode("utf-8")).hexdigest()[:16]


def read_reviews(repo: Path) -> dict[str, dict[str, str]]:
    """The recorded reviews; none while the file has a mistake (the loader reports it),
    so every warning stays, which is the safe side."""
    return _reviews(repo)[0]


def _reviews(repo: Path) -> tuple[dict[str, dict[str, str]], list[ContentError]]:
    path = repo / REVIEWS
    if not path.is_file() or path.is_symlink():
        return {}, []
    reviews, errors = read_reviews_file(path, REVIEWS)
    return {name: {"reviewed": r.reviewed, "text": r.text} for name, r in reviews.items()}, errors


def record_reviews(repo: Path, items: tuple[BilingualLines, ...], names: list[str], day: str) -> None:
    """Record that ``names`` were checked in both languages on ``day``; a file with a
    mistake is never written over (its reviews would be lost): ``ContentInvalid``."""
    by_name = {item.name: item for item in items}
    reviews, errors = _reviews(repo)
    if errors:
        raise ContentInvalid(errors)
    for name in names:
        reviews[name] = {"reviewed": day, "text": fingerprint(repo, by_name[name])}
    path = repo / REVIEWS
    path.write_text(json.dumps(dict(sorted(reviews.items())), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")


def _changed_apart(repo: Path, items: tuple[BilingualLines, ...],
                   blame: Callable[[Path, Path], list[LineDate] | None],
                   memo: ItemMemo | None = None) -> list[Stale] | None:
    blames: dict[str, list[LineDate] | None] = {}
    stale: list[Stale] = []
    kept: ItemMemo = {}
    for _, run in groupby(items, key=_FILE):  # the items of one file, in their order
        run_items = tuple(run)
        file = run_items[0].file
        if file not in blames:
            blames[file] = blame(repo, repo / file)
        dates = blames[file]
        if dates is None:
            return None
        known = memo.get(id(run_items[0])) if memo is not None else None
        if (known is not None and known[1] is dates and len(known[0]) == len(run_items)
                and all(map(operator.is_, known[0], run_items))):
            found = known[2]
        else:
            found = [s for s in (_stale(item, dates) for item in run_items) if s is not None]
        kept[id(run_items[0])] = (run_items, dates, found)
        stale.extend(found)
    if memo is not None:
        memo.clear()
        memo.update(kept)
    return stale


_FILE = operator.attrgetter("file")


def _stale(item: BilingualLines, dates: list[LineDate]) -> Stale | None:
    en, fr = _newest(dates, item.en), _newest(dates, item.fr)
    if en.commit == fr.commit:
        return None
    newer, newer_date, older_date = ("fr", fr, en) if _age(en) < _age(fr) else ("en", en, fr)
    line = item.en[0] if newer == "en" else item.fr[0]
    return Stale(item.name, item.file, line, newer, _day(newer_date), _day(older_date))
