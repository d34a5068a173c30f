"""The floor: the same pages as plain Markdown, built with no hooks at all.

The project exported by ``make markdown``'s code (``guide.exports.markdown``):
every page rendered by the guide's renderers, the competencies' pages from their
stubs, and a hook-free mkdocs.yml. Building that costs what MkDocs, Material and
i18n cost for these pages; the difference with the real build is what the
guide's hooks add. Needs ``hooks`` on the import path (``make bench`` sets
PYTHONPATH=hooks).
"""

from __future__ import annotations

from pathlib import Path


def floor_project(project: Path, out: Path) -> Path:
    """``project`` exported to ``out``, ready to build there. No git history: the
    benchmark's copies have none, so the guide's own build shows none either."""
    from guide.exports.markdown import export_markdown

    return export_markdown(project, out, history=False).folder
