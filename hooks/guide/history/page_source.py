"""Which content file a page comes from, when it last changed, and where to edit it.

A page built from YAML should lead an editor to that YAML, not to its stub in
``docs/``. The date is the last commit that touched the file (from git, so the
same commit always gives the same date, whatever the day of the build); edits
not yet committed do not count. Without git history there is no date.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from guide.content.model import COMPETENCIES_FOLDER, COMPETENCY_FILES
from guide.render.dispatch import BLOCK

# The content file behind each guide block, and the top-level key its page starts from.
BLOCK_FILES: dict[str, tuple[str, str | None]] = {
    "competency": ("competency.yml", None),
    "self-assessment": ("competency.yml", "levels"),
    "compare": ("competency.yml", "levels"),
    "example-builder": ("competency.yml", "levels"),
    "rating-guide": ("competency.yml", "levels"),
    "cards": ("competency.yml", "adopt"),
    "why": ("why.yml", None),
    "tips": ("tips.yml", None),
    "workshop": ("workshop.yml", None),
    "run-sheet": ("workshop.yml", "timetable"),
    "glossary": ("glossary.yml", None),
    "sources": ("sources.yml", None),
    "open-data": ("licence.yml", None),
    "changes": ("catalogue.yml", "version"),
}


@dataclass(frozen=True)
class PageSource:
    path: str  # relative to the repository root, e.g. content_data/tips.yml
    line: int


def page_source(markdown: str, stub: str, root: Path, default_competency: str = "") -> PageSource:
    """The file behind a page: the content file of its first guide block, else its own Markdown.

    A competency's file sits in its folder: the block names the competency
    (``<!-- guide: tips collaboration -->``), or the page shows the first one.
    """
    for match in BLOCK.finditer(markdown):
        if match.group(1) in BLOCK_FILES:
            name, key = BLOCK_FILES[match.group(1)]
            if name in COMPETENCY_FILES:
                name = f"{COMPETENCIES_FOLDER}/{match.group(2) or default_competency}/{name}"
            return PageSource(f"content_data/{name}", _line_of(root / "content_data" / name, key))
    return PageSource(stub, 1)


def last_changed(root: Path, path: str) -> date | None:
    """The day of the last commit that changed ``path`` (UTC), or None without history."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path], cwd=root,
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = out.stdout.strip()
    if out.returncode != 0 or not stamp.isdigit():
        return None
    return datetime.fromtimestamp(int(stamp), tz=timezone.utc).date()


def edit_url(repo_url: str | None, edit_uri: str | None, docs_dir: str, source: PageSource) -> str | None:
    """The host's page for editing ``source``, from mkdocs.yml's ``repo_url``/``edit_uri``.

    ``edit_uri`` points at the docs folder; content files sit next to it. A line
    is added where the host reads one: GitHub and GitLab file views (``blob``),
    Bitbucket's (``src``).
    """
    if not repo_url or not edit_uri or "?" in edit_uri or "#" in edit_uri:
        return None
    docs_base = urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/")
    up = "../" * len(Path(docs_dir).parts)
    url = urljoin(docs_base, up + source.path)
    parts = urlsplit(url)
    if "/blob/" in parts.path:
        return f"{url}#L{source.line}"
    if parts.hostname == "bitbucket.org" and "/src/" in parts.path:
        return f"{url}#lines-{source.line}"
    return url


def _line_of(path: Path, key: str | None) -> int:
    """The line of a top-level key, or of the first line that is not a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    pattern = re.compile(rf"^{re.escape(key)}:" if key else r"^[^#\s]")
    return next((n for n, line in enumerate(lines, start=1) if pattern.match(line)), 1)
