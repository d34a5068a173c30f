"""The guide's recorded releases, read from git: one tag ``v<version>`` per release.

``make release`` records a release as a tag on the commit that sets the
catalogue's ``version`` and ``released``. Each release's content is read back
with ``git cat-file`` from its tag, so "what changed" compares what was really
published. A clone without tags (a fresh CI checkout, a downloaded archive)
has no recorded release, which is not an error: the page says so.

Old releases are input too: a tag is read the one bounded way, like the
content, and a release whose files cannot be read (an alias bomb, nesting
3,000 deep, a file too large) is left out of "What changed" with one line in
the build's log naming the tag and the file:line. Not a warning: a tag is not
the editor's current mistake, cannot be fixed by editing the content, and would
otherwise fail every ``--strict`` build from then on.
"""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from guide.content.decode import DAY_PATTERN, VERSION_PATTERN
from guide.content.errors import ContentError
from guide.content.messages import say
from guide.content.yaml_nodes import MAX_FILE_BYTES
from guide.history.changes import CONTENT, Changes, Wording, compare_items, items_of, read_tree, readable_items

TAG_PREFIX = "v"
_log = logging.getLogger("mkdocs.hooks.guide")


@dataclass(frozen=True)
class Release:
    version: str
    tag: str
    day: str  # the catalogue's release day at the tag, YYYY-MM-DD
    files: Mapping[str, str]  # path under content_data/ → text, as tagged
    items: Mapping[tuple[str, str], Wording] | None = None  # its items, when already read


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


def _blobs(repo: Path, revision: str) -> list[tuple[str, int]]:
    """(path, size) of every YAML file at ``revision``; symbolic links are not files."""
    listed = _git(repo, "ls-tree", "-r", "-l", "-z", revision, "--", CONTENT) or ""
    found = []
    for entry in listed.split("\0"):
        info, _, path = entry.partition("\t")
        fields = info.split()
        if len(fields) == 4 and fields[1] == "blob" and fields[0] != "120000" and fields[3].isdigit() \
                and path.endswith((".yml", ".yaml")):
            found.append((path, int(fields[3])))
    return found


def files_at(repo: Path, revision: str) -> dict[str, str]:
    """Every content file at ``revision`` (path under content_data/ → text), in one git call.

    A file over the size limit is given as a text just over it, never read whole,
    so the bounded reader refuses it with its name.
    """
    blobs = _blobs(repo, revision)
    files = {path.removeprefix(f"{CONTENT}/"): "#" * (MAX_FILE_BYTES + 1) for path, size in blobs
             if size > MAX_FILE_BYTES}
    paths = [path for path, size in blobs if size <= MAX_FILE_BYTES]
    if not paths:
        return files
    try:
        out = subprocess.run(["git", "cat-file", "--batch"], cwd=repo, capture_output=True, timeout=60,
                             input="".join(f"{revision}:{p}\n" for p in paths).encode("utf-8"))
    except (OSError, subprocess.SubprocessError):
        return {}
    data, at = out.stdout, 0
    for path in paths:
        header_end = data.find(b"\n", at)
        if header_end < 0:
            break
        header = data[at:header_end].split()
        if len(header) != 3:  # "<object> missing"
            at = header_end + 1
            continue
        size = int(header[2])
        body = data[header_end + 1: header_end + 1 + size]
        files[path.removeprefix(f"{CONTENT}/")] = body.decode("utf-8", errors="replace")
        at = header_end + 1 + size + 1
    return files


def recorded_releases(repo: Path, report: Callable[[str], None] = _log.info) -> list[Release]:
    """Every readable release recorded in ``repo``'s tags, oldest first; [] without tags or git.

    A release whose files cannot be read is left out, and ``report`` told in one line.
    """
    releases = []
    for tag in release_tags(repo):
        files = files_at(repo, tag)
        items, errors = readable_items(files)
        catalogue, problems = read_tree(files.get("catalogue.yml", "{}"), "catalogue.yml")
        first: ContentError | None = min(errors + problems, default=None)
        if first is not None:
            report(say("release_left_out", tag=tag, error=first.summary()))
            continue
        released = catalogue.get("released") if isinstance(catalogue, dict) else None
        day = ((released if isinstance(released, str) and DAY_PATTERN.match(released) else None)
               or (_git(repo, "log", "-1", "--format=%cs", tag) or "").strip())
        releases.append(Release(tag.removeprefix(TAG_PREFIX), tag, day, files, items))
    return releases


def release_notes(releases: list[Release]) -> list[ReleaseNotes]:
    """Each release against the one before it, newest first (as a changelog reads)."""
    notes = []
    held = [release.items if release.items is not None else items_of(release.files) for release in releases]
    for i, release in enumerate(releases):
        previous = releases[i - 1] if i else None
        notes.append(ReleaseNotes(release.version, release.day, previous.version if previous else None,
                                  compare_items(held[i - 1] if i else {}, held[i]), len(held[i])))
    return notes[::-1]
