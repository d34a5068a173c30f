"""When each text of the content last changed, per language, from git history.

The CASE package dates every item (``lastChangeDateTime``). Dating it by the
build day would change the package on every build; dating it by the commits
that last touched its English or French lines (``git blame``, as the
translation status does) gives the same bytes for the same commit, and a date
that means something to the systems that import it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from guide.content.decode import BilingualLines
from guide.history.translation_status import UNCOMMITTED, LineDate, blame_lines


def text_dates(repo: Path, items: tuple[BilingualLines, ...],
               blame: Callable[[Path, Path], list[LineDate] | None] = blame_lines) -> dict[tuple[str, str, str], int]:
    """(file, name, language) → seconds since 1970 of the newest commit among the text's lines.

    Texts not yet committed, and every text without git history, are left out:
    the caller decides what date stands for "not in git". ``blame``: as for the
    translation status, whose blames a build shares (``BlameCache``).
    """
    blames: dict[str, list | None] = {}
    dates: dict[tuple[str, str, str], int] = {}
    for item in items:
        if item.file not in blames:
            blames[item.file] = blame(repo, repo / item.file)
        lines = blames[item.file]
        if lines is None:
            continue
        for lang, (first, last) in (("en", item.en), ("fr", item.fr)):
            span = lines[first - 1: last]
            if span and all(line.commit != UNCOMMITTED for line in span):
                dates[(item.file, item.name, lang)] = max(line.time for line in span)
    return dates
