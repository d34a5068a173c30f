"""The date a build stamps on its pages: the last commit's, never the build day's.

MkDocs writes each page's ``<lastmod>`` in the sitemap from the build time
unless ``SOURCE_DATE_EPOCH`` is set (the reproducible-builds convention). Taking
it from git makes the same commit give the same bytes on any day, the offline
zip included (its nested build inherits the environment).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"


def last_commit_epoch(root: Path) -> str | None:
    """Seconds since 1970 of HEAD's commit, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def pin_build_date(root: Path) -> str | None:
    """Set ``SOURCE_DATE_EPOCH`` from git unless the caller already chose one."""
    if not os.environ.get(VARIABLE):
        epoch = last_commit_epoch(root)
        if epoch is not None:
            os.environ[VARIABLE] = epoch
    return os.environ.get(VARIABLE)
