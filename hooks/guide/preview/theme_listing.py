"""List the theme's files once per process, not once per language and per save.

Every build (each language's, and each rebuild under ``mkdocs serve``) starts
with MkDocs listing every file of every theme folder to find the static ones.
Material's folder holds some 14,500 files (its icons), so that walk and the
pattern test on each name took a fifth of a preview's rebuild. Material is an
installed package that does not change while the process runs; the project's
own ``overrides/`` can, so only the folders outside the project are listed once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

import jinja2

# (theme folder, static templates) -> the names MkDocs' filter kept
_listed: dict[tuple[str, frozenset[str]], list[str]] = {}


def list_installed_themes_once(theme: Any, project_root: Path) -> None:
    """Make ``theme.get_env()`` return environments whose ``list_templates`` remembers
    the installed theme folders (MkDocs 1.6 calls it only from ``add_files_from_theme``)."""
    if getattr(theme, "_guide_lists_once", False):
        return
    make_env = theme.get_env
    root = project_root.resolve()

    def get_env() -> jinja2.Environment:
        env = make_env()
        statics = frozenset(theme.static_templates)
        folders = [Path(folder).resolve() for folder in theme.dirs]

        def list_templates(extensions: Optional[list[str]] = None,
                           filter_func: Optional[Callable[[str], bool]] = None) -> list[str]:
            if extensions is not None or filter_func is None:
                return jinja2.Environment.list_templates(env, extensions, filter_func)
            names: set[str] = set()
            for folder in folders:
                if folder.is_relative_to(root):
                    names.update(_filtered(folder, filter_func))
                    continue
                key = (str(folder), statics)
                if key not in _listed:
                    _listed[key] = _filtered(folder, filter_func)
                names.update(_listed[key])
            return sorted(names)

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env
    theme._guide_lists_once = True


def _filtered(folder: Path, keep: Callable[[str], bool]) -> list[str]:
    return [name for name in jinja2.FileSystemLoader([str(folder)]).list_templates() if keep(name)]
