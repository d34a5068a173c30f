"""The guide's recorded releases, read from git: one tag ``v<version>`` per release.

``make release`` records a release as a tag on the commit that sets the
catalogue's ``version`` and ``released``. Each release's content is read back
with ``git cat-file`` from its tag, so "what changed" compares what was really
published. A clone without tags (a fresh CI checkout, a downloaded archive)
has no recorded release, which is not an error: the page says so.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from guide.history.changes import CONTENT, Changes, compare, items_of, read_tree
from guide.content.decode import DAY_PATTERN, VERSION_PATTERN

TAG_PREFIX = "v"


@dataclass(frozen=True)
class Release:
    version: str
    tag: str
    day: str  # the catalogue's release day at the tag, YYYY-MM-DD
    files: Mapping[str, str]  # path under content_data/ → text, as tagged


@dataclass(frozen=True)
class ReleaseNotes:
    """One release as the "What changed" page lists it."""

    version: str
    day: str
    previous: str | None  # the release it is compared with; None for the first
    changes: Changes
    items: int  # how many items it holds (said of the first release)


def _git(repo: Path, *args: str, stdin: str | None = None) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=repo, input=stdin, capture_output=True, text=True,
                             encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def release_tags(repo: Path) -> list[str]:
    """The release tags, oldest version first (``v1.2`` before ``v1.10``)."""
    listed = _git(repo, "tag", "--list", f"{TAG_PREFIX}[0-9]*", "--sort=v:refname")
    # Only tags that read as versions: a tag names an anchor and a heading on the page.
    return [tag for tag in (listed or "").split() if VERSION_PATTERN.match(tag[len(TAG_PREFIX):])]


def files_at(repo: Path, revision: str) -> dict[str, str]:
    """Every content file at ``revision`` (path under content_data/ → text), in one git call."""
    listed = _git(repo, "ls-tree", "-r", "--name-only", revision, "--", CONTENT) or ""
    paths = [p for p in listed.splitlines() if p.endswith((".yml", ".yaml"))]
    if not paths:
        return {}
    try:
        out = subprocess.run(["git", "cat-file", "--batch"], cwd=repo, capture_output=True, timeout=60,
                             input="".join(f"{revision}:{p}\n" for p in paths).encode("utf-8"))
    except (OSError, subprocess.SubprocessError):
        return {}
    data, files, at = out.stdout, {}, 0
    for path in paths:
        header_end = data.index(b"\n", at)
        header = data[at:header_end].split()
        if len(header) != 3:  # "<object> missing"
            at = header_end + 1
            continue
        size = int(header[2])
        body = data[header_end + 1: header_end + 1 + size]
        files[path.removeprefix(f"{CONTENT}/")] = body.decode("utf-8", errors="replace")
        at = header_end + 1 + size + 1
    return files


def recorded_releases(repo: Path) -> list[Release]:
    """Every release recorded in ``repo``'s tags, oldest first; [] without tags or git."""
    releases = []
    for tag in release_tags(repo):
        files = files_at(repo, tag)
        catalogue = read_tree(files.get("catalogue.yml", ""))
        released = catalogue.get("released") if isinstance(catalogue, dict) else None
        day = ((released if isinstance(released, str) and DAY_PATTERN.match(released) else None)
               or (_git(repo, "log", "-1", "--format=%cs", tag) or "").strip())
        releases.append(Release(tag.removeprefix(TAG_PREFIX), tag, day, files))
    return releases


def release_notes(releases: list[Release]) -> list[ReleaseNotes]:
    """Each release against the one before it, newest first (as a changelog reads)."""
    notes = []
    for i, release in enumerate(releases):
        previous = releases[i - 1] if i else None
        notes.append(ReleaseNotes(release.version, release.day, previous.version if previous else None,
                                  compare(previous.files if previous else {}, release.files),
                                  len(items_of(release.files))))
    return notes[::-1]
