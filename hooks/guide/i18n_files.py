"""Make mkdocs-static-i18n's per-language file objects once per process, not once per build.

For each language it builds, the plugin makes a new ``File`` for every page
of ``docs/`` (``suffix.create_i18n_file``: path arithmetic with ``pathlib``),
and again for each page's alternates. Under ``mkdocs serve`` that is done on
every save, for every page of the catalogue: at 30 competencies about a fifth
of a save, though the pages a save touches are YAML, not these files.

The result depends only on the arguments it reads, so each is made once and
copied for each build: a fresh object, which MkDocs and the plugin may change
(page, alternates) without touching the next build's. A file whose content
is held in memory (a generated file) is left to the plugin every time.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

from mkdocs.structure.files import File

_Make = Callable[..., File]


def _key(file: File, current: str, default: str, languages: list, config: Any) -> tuple:
    """Everything ``create_i18n_file`` (1.3, pinned) reads from its arguments."""
    return (file.src_path, file.dest_path, file.dest_uri, file.inclusion, current, default,
            tuple(languages), config.docs_dir, config.site_dir, config.use_directory_urls)


def remembered(make: _Make) -> _Make:
    """``make`` (the plugin's ``create_i18n_file``), answering each question once."""
    made: dict[tuple, File] = {}

    def create_i18n_file(file: File, current_language: str, default_language: str,
                         all_languages: list, config: Any) -> File:
        if file.generated_by is not None or file._content is not None:
            return make(file, current_language, default_language, all_languages, config)
        key = _key(file, current_language, default_language, all_languages, config)
        original = made.get(key)
        if original is None:  # kept aside, never handed out: nothing changes it
            original = made[key] = make(file, current_language, default_language, all_languages, config)
        fresh = copy.copy(original)
        fresh.alternates = {current_language: fresh}  # the plugin's own start: the file itself
        return fresh

    create_i18n_file.guide_original = make  # type: ignore[attr-defined]
    return create_i18n_file


def remember_i18n_files() -> None:
    """Patch the suffix structure's ``create_i18n_file``, which ``reconfigure_files``
    looks up at each call (the guide's ``docs_structure: suffix``)."""
    from mkdocs_static_i18n import suffix

    if not hasattr(suffix.create_i18n_file, "guide_original"):
        suffix.create_i18n_file = remembered(suffix.create_i18n_file)
