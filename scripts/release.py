#!/usr/bin/env python3
"""Record a release of the guide: make release VERSION=1.1 (optionally DATE=2026-12-01).

Sets the catalogue's ``version`` and ``released``, writes the release's entry
at the top of CHANGELOG.md (the items added, removed and reworded since the
previous release, worked out from the YAML, as the site's "What changed" page
does), commits both and tags the commit ``v<version>``. Nothing is pushed:
push the commit and the tag yourself (``git push --follow-tags``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from guide.history.changes import CONTENT, Changes, compare, items_of
from guide.content.decode import DAY_PATTERN, VERSION_PATTERN
from guide.content.errors import ContentInvalid
from guide.content.loader import load_guide
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
            raise SystemExit(f"{CATALOGUE}: no '{key}:' line to update; add one (see the comment at the top)")
    return text


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
            lines += [f"- `{w.scope + '/' if w.scope else ''}{w.id}`: {w.label.en}" for w in items_]
            lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="the new release's number, e.g. 1.1")
    parser.add_argument("--date", help="the release day, YYYY-MM-DD (default: today, UTC)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv[1:])
    root, version = args.root.resolve(), args.version.removeprefix(TAG_PREFIX)
    day = args.date or datetime.now(timezone.utc).strftime("%Y-%m-%d")
    if not VERSION_PATTERN.match(version):
        print(f"'{version}' is not a version number: write two or three numbers separated by dots, "
              "e.g. make release VERSION=1.1", file=sys.stderr)
        return 1
    if not DAY_PATTERN.match(day):
        print(f"'{day}' is not a date: write DATE=YYYY-MM-DD", file=sys.stderr)
        return 1
    if _git(root, "status", "--porcelain", "--untracked-files=no").strip():
        print("There are uncommitted changes: commit them (or stash them) first, so that the release "
              "is exactly what the tag records.", file=sys.stderr)
        return 1
    tags = release_tags(root)
    previous = tags[-1].removeprefix(TAG_PREFIX) if tags else None
    if f"{TAG_PREFIX}{version}" in tags or (previous and _numbers(version) <= _numbers(previous)):
        print(f"Version {version} is not after the latest release ({previous}): choose a higher number.",
              file=sys.stderr)
        return 1

    catalogue = root / CATALOGUE
    original = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(_set_fields(original, version, day), encoding="utf-8")
    try:
        load_guide(root / CONTENT)
    except ContentInvalid as exc:
        catalogue.write_text(original, encoding="utf-8")
        print(f"{exc.report()}\nNothing was released: fix the content first.", file=sys.stderr)
        return 1
    now = {p.relative_to(root / CONTENT).as_posix(): p.read_text(encoding="utf-8")
           for p in sorted((root / CONTENT).rglob("*.y*ml"))}
    # The latest release that can be read: one that cannot is left out, as on the site.
    readable = recorded_releases(root, report=lambda line: print(line, file=sys.stderr))
    base = readable[-1] if readable else None
    entry = _entry(version, day, base.version if base else None, compare(base.files if base else {}, now),
                   len(items_of(now)))
    changelog = root / CHANGELOG
    old = changelog.read_text(encoding="utf-8") if changelog.is_file() else HEADER
    body = old[len(HEADER):] if old.startswith(HEADER) else old
    changelog.write_text(f"{HEADER}\n{entry}\n{body.lstrip()}".rstrip() + "\n", encoding="utf-8")
    _git(root, "add", CATALOGUE, CHANGELOG)
    _git(root, "commit", "-q", "-m", f"Release {version}")
    _git(root, "tag", "-a", f"{TAG_PREFIX}{version}", "-m", f"Release {version}")
    print(f"Released {version} ({day}): tagged {TAG_PREFIX}{version}. Publish it with: git push --follow-tags")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
