"""Make mkdocs-static-i18n's per-language file objects, and its path questions, once per process.

For each language it builds, the plugin makes a new ``File`` for every page
of ``docs/`` (``suffix.create_i18n_file``: path arithmetic with ``pathlib``),
and again for each page's alternates. Under ``mkdocs serve`` that is done on
every save, for every page of the catalogue, though the pages a save touches
are YAML, not these files.

The result depends only on the arguments it reads, so each is made once and
copied for each build: a fresh object, which MkDocs and the plugin may change
(page, alternates) without touching the next build's. A file whose content
is held in memory (a generated file) is left to the plugin every time.

Two more questions it answers with ``pathlib`` on every build, for every file
or every link of the navigation, are answered from strings alone, so they are
remembered too: whether a file is under ``docs/`` (``is_relative_to``), and
which names a link may have in this language (``I18nFiles.get_file_from_path``).
Together the three were a fifth of a save at 30 competencies.
"""

from __future__ import annotations

import copy
import functools
from pathlib import PurePath
from typing import Any, Callable, Optional

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
    looks up at each call (the guide's ``docs_structure: suffix``), and the path
    questions (``remember_i18n_paths``)."""
    from mkdocs_static_i18n import suffix

    if not hasattr(suffix.create_i18n_file, "guide_original"):
        suffix.create_i18n_file = remembered(suffix.create_i18n_file)
    remember_i18n_paths()


@functools.lru_cache(maxsize=1 << 12)
def candidate_uris(path: str, current_language: str, default_language: str) -> tuple[str, ...]:
    """The names ``I18nFiles.get_file_from_path`` (suffix structure, 1.3, pinned) looks
    for, in its order: the page in this language, in the default one, as written."""
    expected = PurePath(path)
    if expected == PurePath("."):
        expected = PurePath("index.md")
    return (expected.with_suffix(f".{current_language}{expected.suffix}").as_posix(),
            expected.with_suffix(f".{default_language}{expected.suffix}").as_posix(),
            expected.as_posix())


def _get_file_from_path(self: Any, path: str) -> Optional[File]:
    for src_uri in candidate_uris(path, self.plugin.current_language, self.plugin.default_language):
        file = self.src_uris.get(src_uri)
        if file:
            return file
    return None


def remember_i18n_paths() -> None:
    """Patch ``reconfigure``'s ``is_relative_to`` (two strings in, a yes or no out) and the
    suffix structure's ``get_file_from_path`` with remembering versions."""
    from mkdocs_static_i18n import reconfigure, suffix

    if not hasattr(reconfigure.is_relative_to, "cache_info"):
        reconfigure.is_relative_to = functools.lru_cache(maxsize=1 << 14)(reconfigure.is_relative_to)
    if suffix.I18nFiles.get_file_from_path is not _get_file_from_path:
        _get_file_from_path.guide_original = suffix.I18nFiles.get_file_from_path  # type: ignore[attr-defined]
        suffix.I18nFiles.get_file_from_path = _get_file_from_path  # type: ignore[method-assign]
