"""Synthetic content for the benchmark: the seed content, N times over.

Every list of items (behaviours, tips, obstacles, ideas...) is repeated N times
with fresh ids, so pages, search indexes and validation grow N-fold while the
content stays valid. The four levels and the sources stay as they are (levels
are numbered 1 to 4); glossary terms are not repeated (one tooltip per word).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

PROJECT_PARTS = ("mkdocs.yml", "docs", "content_data", "hooks", "overrides")
KEEP_AS_IS = {"levels", "sources", "terms", "schedule"}


def copy_project(root: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "downloads"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def _scale(value: Any, factor: int, key: str = "", inside_copy: bool = False) -> Any:
    """Repeat each list of items N times, once: lists inside a repeated item stay as they are."""
    if isinstance(value, dict):
        return {k: _scale(v, factor, k, inside_copy) for k, v in value.items()}
    if isinstance(value, list):
        repeat = (not inside_copy and key not in KEEP_AS_IS and value
                  and all(isinstance(i, dict) and "id" in i for i in value))
        items = [_scale(v, factor, inside_copy=inside_copy or bool(repeat)) for v in value]
        if not repeat:
            return items
        copies = list(items)
        for n in range(2, factor + 1):
            copies += [_renamed(item, n) for item in items]
        return copies
    return value


def _renamed(item: Any, n: int) -> Any:
    """A copy of an item whose own ids (and nested ids) are made unique."""
    if isinstance(item, dict):
        return {k: (f"{v}-x{n}" if k == "id" else _renamed(v, n)) for k, v in item.items()}
    if isinstance(item, list):
        return [_renamed(v, n) for v in item]
    return item


def scaled_project(root: Path, dest: Path, factor: int) -> Path:
    project = copy_project(root, dest)
    for path in (project / "content_data").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_scale(data, factor), allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
    return project
