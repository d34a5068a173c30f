#!/usr/bin/env python3
"""Record a release of the guide: make release VERSION=1.1 (optionally DATE=2026-12-01).

Sets the catalogue's ``version`` and ``released``, writes the release's entry
at the top of CHANGELOG.md (the items added, removed and reworded since the
previous release, worked out from the YAML, as the site's "What changed" page
does), commits both and tags the commit ``v<version>``. Nothing is pushed:
push the commit and the tag yourself (``git push --follow-tags``).

``make`` passes VERSION and DATE in the environment (``GUIDE_MAKE_VERSION``,
``GUIDE_MAKE_DATE``), never through a shell. Everything is checked before the
first file is written: a release is recorded whole or not at all.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from guide.history.changes import CONTENT, Changes, compare, items_of
from guide.content.decode import DAY_PATTERN, VERSION_PATTERN, real_day
from guide.content.errors import ContentInvalid
from guide.content.loader import load_guide
from guide.content.messages import say
from guide.history.releases import TAG_PREFIX, recorded_releases, release_tags

ROOT = Path(__file__).resolve().parent.parent

CHANGELOG = "CHANGELOG.md"
CATALOGUE = f"{CONTENT}/catalogue.yml"
HEADER = ("# Changelog\n\n"
          "What each release of the guide's content added, removed and reworded, newest first.\n"
          "Written by `make release` from the YAML at each release; the site's \"What changed\"\n"
          "page shows the same, in English and in French. Do not edit by hand.\n")


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _set_fields(text: str, version: str, day: str) -> str:
    for key, value in (("version", version), ("released", day)):
        text, found = re.subn(rf"^{key}:.*$", f'{key}: "{value}"', text, count=1, flags=re.MULTILINE)
        if not found:
            raise SystemExit(say("release_no_line", file=CATALOGUE, key=key))
    return text


# CommonMark: any ASCII punctuation may be escaped with a backslash, and is then only
# itself. Escaping every one leaves no link, autolink (":", "www.", "@"), emphasis,
# HTML or entity in an editor's text: the forge shows CHANGELOG.md as typed.
_MARKDOWN_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_ITEM_NAME = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*/)?[a-z0-9]+(?:-[a-z0-9]+)*")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that reads exactly as typed, on one line."""
    return _MARKDOWN_PUNCTUATION.sub(lambda m: "\\" + m.group(), " ".join(text.split()))


def _item_name(scope: str, item_id: str) -> str:
    """``competency/id`` as code; as escaped text if an old release's YAML holds another id."""
    name = f"{scope}/{item_id}" if scope else item_id
    return f"`{name}`" if _ITEM_NAME.fullmatch(name) else markdown_text(name)


def _entry(version: str, day: str, previous: str | None, changes: Changes, items: int) -> str:
    lines = [f"## {version} ({day})", ""]
    if previous is None:
        lines += [f"The first release, with {items} items.", ""]
        return "\n".join(lines)
    lines += [f"Compared with {previous}: {len(changes.added)} added, {len(changes.removed)} removed, "
              f"{len(changes.reworded)} reworded.", ""]
    sections = (("Added", changes.added), ("Removed", changes.removed), ("Reworded", [a for _, a in changes.reworded]))
    for title, items_ in sections:
        if items_:
            lines += [f"### {title}", ""]
            lines += [f"- {_item_name(w.scope, w.id)}: {markdown_text(w.label.en)}" for w in items_]
            lines.append("")
    return "\n".join(lines)


def usage() -> str:
    return say("release_usage", command="make release VERSION=1.1", date="DATE=2026-12-01")


def _refusal(root: Path, version: str, day: str) -> str | None:
    """Why this release cannot be recorded, or None: every check that does not write."""
    if not VERSION_PATTERN.fullmatch(version):
        return say("release_bad_version", version=repr(version), example="make release VERSION=1.1")
    if not DAY_PATTERN.fullmatch(day) or not real_day(day):
        return say("release_bad_date", day=repr(day), form="DATE=YYYY-MM-DD", example="DATE=2026-12-01")
    if _git(root, "status", "--porcelain", "--untracked-files=no").strip():
        return say("release_uncommitted")
    tags = release_tags(root)
    previous = tags[-1].removeprefix(TAG_PREFIX) if tags else None
    if f"{TAG_PREFIX}{version}" in tags or (previous and _numbers(version) <= _numbers(previous)):
        return say("release_not_after", version=version, previous=previous)
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", nargs="?", help="the new release's number, e.g. 1.1")
    parser.add_argument("--date", help="the release day, YYYY-MM-DD (default: today, UTC)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv[1:])
    given = args.version if args.version is not None else os.environ.get("GUIDE_MAKE_VERSION", "")
    if not given:
        print(usage(), file=sys.stderr)
        return 1
    root, version = args.root.resolve(), given.removeprefix(TAG_PREFIX)
    day = args.date or os.environ.get("GUIDE_MAKE_DATE") or datetime.now(timezone.utc).strftime("%Y-%m-%d")
    try:
        return _release(root, version, day)
    except subprocess.CalledProcessError as exc:
        print(say("release_git_failed", command=repr(" ".join(exc.cmd[1:])), reason=(exc.stderr or "").strip()),
              say("release_nothing"), sep="\n", file=sys.stderr)
        return 1


def _release(root: Path, version: str, day: str) -> int:
    refusal = _refusal(root, version, day)
    if refusal:
        print(refusal, say("release_nothing"), sep="\n", file=sys.stderr)
        return 1
    catalogue = root / CATALOGUE
    original = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(_set_fields(original, version, day), encoding="utf-8")
    try:
        load_guide(root / CONTENT)
    except ContentInvalid as exc:
        catalogue.write_text(original, encoding="utf-8")
        print(exc.report(), say("release_fix_first"), sep="\n", file=sys.stderr)
        return 1
    now = {p.relative_to(root / CONTENT).as_posix(): p.read_text(encoding="utf-8")
           for p in sorted((root / CONTENT).rglob("*.y*ml"))}
    # The latest release that can be read: one that cannot is left out, as on the site.
    readable = recorded_releases(root, report=lambda line: print(line, file=sys.stderr))
    base = readable[-1] if readable else None
    entry = _entry(version, day, base.version if base else None, compare(base.files if base else {}, now),
                   len(items_of(now)))
    changelog = root / CHANGELOG
    changelog_existed = changelog.is_file()
    old = changelog.read_text(encoding="utf-8") if changelog_existed else HEADER
    body = old[len(HEADER):] if old.startswith(HEADER) else old
    changelog.write_text(f"{HEADER}\n{entry}\n{body.lstrip()}".rstrip() + "\n", encoding="utf-8")
    head = _git(root, "rev-parse", "HEAD").strip()
    try:
        _git(root, "add", CATALOGUE, CHANGELOG)
        _git(root, "commit", "-q", "-m", f"Release {version}")
        _git(root, "tag", "-a", f"{TAG_PREFIX}{version}", "-m", f"Release {version}")
    except subprocess.CalledProcessError:
        # git refused (no user name set, a hook): no release commit without its tag, no half-edited files.
        _git(root, "reset", "-q", head, "--", CATALOGUE, CHANGELOG)
        _git(root, "reset", "-q", "--soft", head)
        catalogue.write_text(original, encoding="utf-8")
        if changelog_existed:
            changelog.write_text(old, encoding="utf-8")
        else:
            changelog.unlink()
        raise
    print(say("release_done", version=version, day=day, tag=f"{TAG_PREFIX}{version}",
              command="git push --follow-tags"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
