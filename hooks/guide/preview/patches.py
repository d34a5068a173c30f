"""Every change the guide makes to another package's internals, in one place.

They speed up or correct ``mkdocs serve --dirty`` (``make serve``) and nothing
else: they are installed only by the preview, never in ``mkdocs build``, a
published build or the tests that build the site. Each one names the package
and the version it was read against; on any other version it is skipped with
one log line, never applied blind (``tests/test_preview_patches.py`` fails when
a pinned version moves away from the one a patch names).

* ``templates compiled once``: MkDocs makes a new Jinja environment for every
  build (and i18n builds once per language); each compiled Material's templates
  again. One in-memory bytecode cache serves them all (Jinja checks each
  template's checksum, so an edited template is compiled again).
* ``i18n files made once``: for each language, mkdocs-static-i18n makes a new
  ``File`` per page with pathlib arithmetic, on every save; the result depends
  only on its arguments, so it is made once and copied. Two path questions it
  asks per file and link are remembered too.
* ``theme listed once``: every build lists Material's 14,500 files to find the
  static ones; the installed theme does not change while the process runs.
* ``docs listed once per change``: each language's build makes a ``File`` for
  every file of ``docs/`` (2,190 at 120 competencies) and matches each against
  the exclusion patterns. While the folder lists the same names and the
  patterns and folders are the same, the files made last time are handed out
  again, each a fresh copy, as ``i18n files made once`` does.
* ``content watched``: MkDocs polls every folder it watches (every file's
  time stamp, twice a second). Polling ``content_data/`` often enough for a
  quick preview cost a fifth of a save's rebuild at 120 competencies, and
  every poll took the interpreter's lock from the build hundreds of times.
  ``ContentWatch`` watches it instead: the system's notifications (inotify)
  tell a save at once, a poll every second covers where they do not arrive
  (some network drives and containers), and a change both see starts one
  build, 0.02 s after it is seen; a folder deleted and made again (a
  ``git checkout``) is watched again.
* ``search index page by page``: Material merges a dirty build's index by
  dropping the entries under the first page rebuilt, which doubles every other
  rebuilt page's entries; ``guide.site.search_index`` keeps each page's entries.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePath
from typing import Any, Callable, Optional

import jinja2
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
                             FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent,
                             FileSystemEventHandler)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.hooks.guide")


@dataclass(frozen=True)
class Patch:
    name: str
    package: str  # the distribution, as importlib.metadata names it
    written_for: str  # the version whose code the patch was read against


TEMPLATES = Patch("templates compiled once", "mkdocs", "1.6.1")
I18N_FILES = Patch("i18n files made once", "mkdocs-static-i18n", "1.3.1")
THEME_LISTING = Patch("theme listed once", "mkdocs", "1.6.1")
DOCS_LISTING = Patch("docs listed once per change", "mkdocs", "1.6.1")
CONTENT_WATCH = Patch("content watched", "mkdocs", "1.6.1")
SEARCH_PAGE_BY_PAGE = Patch("search index page by page", "mkdocs-material", "9.8.2")
PATCHES = (TEMPLATES, I18N_FILES, THEME_LISTING, DOCS_LISTING, CONTENT_WATCH, SEARCH_PAGE_BY_PAGE)

# How often content_data/ is polled besides the system's notifications; without them, more often.
POLL_SECONDS = 1.0
POLL_ALONE_SECONDS = 0.1
# After a change, MkDocs waits this long without another before it builds (MkDocs: 0.1 s).
BUILD_DELAY_SECONDS = 0.02
# How often the watches are checked for having died with their folder.
WATCH_CHECK_SECONDS = 1.0


def installed_version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


@dataclass
class PreviewPatches:
    """The preview's patches and what they remember, for one ``mkdocs serve`` process."""

    templates: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    # (theme folder, static templates) -> the names MkDocs' filter kept
    listed: dict[tuple[str, frozenset[str]], list[str]] = field(default_factory=dict)
    checked: dict[Patch, bool] = field(default_factory=dict)
    # site folder -> what docs/ listed, and the files made from it, never handed out
    docs_files: dict[str, tuple[tuple, list]] = field(default_factory=dict)
    content_watch: ContentWatch | None = None  # the watch on content_data/, once the server is up

    def applies(self, patch: Patch) -> bool:
        """Whether the installed package is the version the patch was written for (said once)."""
        if patch not in self.checked:
            found = installed_version(patch.package)
            self.checked[patch] = found == patch.written_for
            if found != patch.written_for:
                log.info(f"Preview: '{patch.name}' left out: it was written for {patch.package} "
                         f"{patch.written_for}, and {found or 'no version'} is installed.")
        return self.checked[patch]

    # -- once per process, on startup ------------------------------------------

    def install(self) -> None:
        if self.applies(TEMPLATES):
            _cache_every_environment(self.templates)
        if self.applies(I18N_FILES):
            _remember_i18n_files()
        if self.applies(DOCS_LISTING):
            _remember_docs_files(self.docs_files)

    # -- once per build ----------------------------------------------------------

    def on_config(self, config: Any, dirty: bool) -> None:
        if self.applies(THEME_LISTING):
            _list_installed_themes_once(config.theme, Path(config.config_file_path).parent, self.listed)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if dirty and search is not None and self.applies(SEARCH_PAGE_BY_PAGE):
            search.is_dirty = False  # merge nothing: guide.site.search_index keeps each page's entries

    # -- once per server -----------------------------------------------------------

    def on_serve(self, server: Any, watched: list[Path]) -> None:
        if self.content_watch is not None or not self.applies(CONTENT_WATCH):
            return  # one server per process: watched once
        server.build_delay = BUILD_DELAY_SECONDS  # LiveReloadServer's own attribute
        self.content_watch = ContentWatch(server, watched)


# -- the patches themselves -----------------------------------------------------------

def _cache_every_environment(cache: BytecodeCache) -> None:
    """Make ``Theme.get_env`` return environments using ``cache``. Material's search plugin
    makes one in its own on_config, before any hook could reach it: hence the class."""
    from mkdocs.theme import Theme

    if hasattr(Theme.get_env, "guide_cache"):
        Theme.get_env.guide_cache = cache
        return
    make_env = Theme.get_env

    def get_env(self: Theme) -> jinja2.Environment:
        env = make_env(self)
        env.bytecode_cache = get_env.guide_cache  # type: ignore[attr-defined]
        return env

    get_env.guide_cache = cache  # type: ignore[attr-defined]
    Theme.get_env = get_env  # type: ignore[method-assign]


def _remember_docs_files(kept: dict[str, tuple[tuple, list]]) -> None:
    """Make the build's ``get_files`` hand out copies of the files it made last time for
    the same site folder, while ``_docs_key`` is the same."""
    import mkdocs.commands.build as build_module
    from mkdocs.structure.files import Files

    list_files = getattr(build_module.get_files, "guide_original", build_module.get_files)

    def get_files(config: Any) -> Any:
        key = _docs_key(config)
        known = kept.get(config["site_dir"])
        if known is None or known[0] != key:
            known = (key, list(list_files(config)))
            # Kept only if docs/ did not change while MkDocs listed it (an editor's
            # temporary file, there for one walk and not the other): else asked again.
            if _docs_key(config) == key:
                kept[config["site_dir"]] = known
            else:
                kept.pop(config["site_dir"], None)
        return Files([_fresh(file) for file in known[1]])

    get_files.guide_original = list_files  # type: ignore[attr-defined]
    build_module.get_files = get_files


def _docs_key(config: Any) -> tuple:
    """What MkDocs' ``get_files`` makes its files from: the folders, the names it walks
    (its own walk, links followed), the URL style and the three pattern lists."""
    listing = [(folder, tuple(folders), tuple(names))
               for folder, folders, names in os.walk(config["docs_dir"], followlinks=True)]
    patterns = tuple(None if spec is None else tuple((str(p.pattern), p.include) for p in spec.patterns)
                     for spec in (config.get("exclude_docs"), config.get("draft_docs"), config.get("not_in_nav")))
    return (config["docs_dir"], config["site_dir"], config["use_directory_urls"], patterns, tuple(listing))


def _fresh(file: Any) -> Any:
    """A copy of a file MkDocs made: a plain object (no __slots__, no __copy__)."""
    fresh = object.__new__(type(file))
    fresh.__dict__.update(file.__dict__)
    return fresh


def _list_installed_themes_once(theme: Any, project_root: Path,
                                listed: dict[tuple[str, frozenset[str]], list[str]]) -> None:
    """Make ``theme.get_env()`` return environments whose ``list_templates`` remembers the
    installed theme folders (MkDocs calls it only from ``add_files_from_theme``). The
    project's own ``overrides/`` can change, so it is listed every time."""
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
                if key not in listed:
                    listed[key] = _filtered(folder, filter_func)
                names.update(listed[key])
            return sorted(names)

        env.list_templates = list_templates
        return env

    theme.get_env = get_env
    theme._guide_lists_once = True


def _filtered(folder: Path, keep: Callable[[str], bool]) -> list[str]:
    return [name for name in jinja2.FileSystemLoader([str(folder)]).list_templates() if keep(name)]


def _remember_i18n_files() -> None:
    """Patch the suffix structure's ``create_i18n_file`` (which ``reconfigure_files`` looks
    up at each call), ``reconfigure.is_relative_to`` and ``I18nFiles.get_file_from_path``."""
    from mkdocs_static_i18n import reconfigure, suffix

    if not hasattr(suffix.create_i18n_file, "guide_original"):
        suffix.create_i18n_file = remembered_i18n_files(suffix.create_i18n_file)
    if not hasattr(reconfigure.is_relative_to, "cache_info"):
        reconfigure.is_relative_to = functools.lru_cache(maxsize=1 << 14)(reconfigure.is_relative_to)
    if suffix.I18nFiles.get_file_from_path is not _get_file_from_path:
        _get_file_from_path.guide_original = suffix.I18nFiles.get_file_from_path  # type: ignore[attr-defined]
        suffix.I18nFiles.get_file_from_path = _get_file_from_path


def _i18n_key(file: Any, current: str, default: str, languages: list, config: Any) -> tuple:
    """Everything ``create_i18n_file`` reads from its arguments."""
    return (file.src_path, file.dest_path, file.dest_uri, file.inclusion, current, default,
            tuple(languages), config.docs_dir, config.site_dir, config.use_directory_urls)


def remembered_i18n_files(make: Callable[..., Any]) -> Callable[..., Any]:
    """``make`` (the plugin's ``create_i18n_file``), answering each question once: a fresh
    copy each time, which MkDocs and the plugin may change without touching the next
    build's. A file held in memory (a generated file) is left to the plugin."""
    made: dict[tuple, Any] = {}

    def create_i18n_file(file: Any, current_language: str, default_language: str,
                         all_languages: list, config: Any) -> Any:
        if file.generated_by is not None or file._content is not None:
            return make(file, current_language, default_language, all_languages, config)
        key = _i18n_key(file, current_language, default_language, all_languages, config)
        original = made.get(key)
        if original is None:  # kept aside, never handed out: nothing changes it
            original = made[key] = make(file, current_language, default_language, all_languages, config)
        fresh = object.__new__(type(original))  # copy.copy, without its generic protocol: a
        fresh.__dict__.update(original.__dict__)  # plain object (no __slots__, no __copy__)
        fresh.alternates = {current_language: fresh}  # the plugin's own start: the file itself
        return fresh

    create_i18n_file.guide_original = make  # type: ignore[attr-defined]
    return create_i18n_file


@functools.lru_cache(maxsize=1 << 12)
def candidate_uris(path: str, current_language: str, default_language: str) -> tuple[str, ...]:
    """The names ``I18nFiles.get_file_from_path`` (suffix structure) looks for, in its
    order: the page in this language, in the default one, as written."""
    expected = PurePath(path)
    if expected == PurePath("."):
        expected = PurePath("index.md")
    return (expected.with_suffix(f".{current_language}{expected.suffix}").as_posix(),
            expected.with_suffix(f".{default_language}{expected.suffix}").as_posix(),
            expected.as_posix())


def _get_file_from_path(self: Any, path: str) -> Any:
    for src_uri in candidate_uris(path, self.plugin.current_language, self.plugin.default_language):
        file = self.src_uris.get(src_uri)
        if file:
            return file
    return None


_CHANGES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
            DirCreatedEvent, DirDeletedEvent, DirMovedEvent]  # not a file opened or read: the build reads them all


class ContentWatch(FileSystemEventHandler):
    """The folders MkDocs would poll (``content_data/``), watched by inotify and a slow poll.

    MkDocs is told they are watched (``_watched_paths``, which it lists on start and
    does not watch twice); a change asks for a build as MkDocs' own watch does
    (``_want_rebuild`` under ``_rebuild_cond``). Each file's state (time, size,
    inode) when a change to it was last reported is kept, so the poll's later
    report of a change the notifications already told starts no second build.
    """

    def __init__(self, server: Any, folders: list[Path]) -> None:
        super().__init__()
        self._server = server
        self._folders = [str(folder.resolve()) for folder in folders]
        self._reported: dict[str, tuple[int, int, int] | None] = {}
        self._lock = threading.Lock()
        self._notified = Observer()
        self._polled: Any = None
        self._watches: dict[tuple[int, str], Any] = {}
        self._refused: set[int] = set()  # observers the system refused (no inotify, no watches left)
        for folder in self._folders:
            server._watched_paths[folder] = server._watched_paths.get(folder, 0) + 1
        # Started first: a watch scheduled on a running observer starts at once, so a
        # refusal is raised here, not in the watch's own thread.
        self._notified.start()
        for folder in self._folders:
            self._schedule(self._notified, folder)
        notified = id(self._notified) not in self._refused
        self._polled = PollingObserver(timeout=POLL_SECONDS if notified else POLL_ALONE_SECONDS)
        self._polled.start()
        for folder in self._folders:
            self._schedule(self._polled, folder)
        if not notified:
            log.info("Preview: this system does not notify file changes; content_data is polled.")
        threading.Thread(target=self._keep_watching, name="guide-content-watch", daemon=True).start()

    def _schedule(self, observer: Any, folder: str) -> None:
        if id(observer) in self._refused or not Path(folder).is_dir():
            return
        try:
            self._watches[(id(observer), folder)] = observer.schedule(self, folder, recursive=True,
                                                                      event_filter=_CHANGES)
        except OSError:  # the poll alone then, more often
            self._refused.add(id(observer))

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory and event.event_type != "moved":
            return  # as MkDocs: a folder's own change is its files' changes
        paths = [os.fsdecode(event.src_path)] + ([os.fsdecode(event.dest_path)] if event.dest_path else [])
        new = False
        with self._lock:
            for path in paths:
                state = _state(path)
                if path not in self._reported or self._reported[path] != state:
                    self._reported[path] = state
                    new = True
        if new:
            self._rebuild()

    def _rebuild(self) -> None:
        with self._server._rebuild_cond:
            self._server._want_rebuild = True
            self._server._rebuild_cond.notify_all()

    def _keep_watching(self) -> None:
        """A watch dies with its folder (a ``git checkout`` that replaces it): watch the new one."""
        while not getattr(self._server, "_shutdown", False):
            time.sleep(WATCH_CHECK_SECONDS)
            for folder in self._folders:
                if not Path(folder).is_dir():
                    continue
                dead = [observer for observer in (self._notified, self._polled)
                        if id(observer) not in self._refused and not self._alive(observer, folder)]
                for observer in dead:
                    watch = self._watches.pop((id(observer), folder), None)
                    if watch is not None:
                        try:
                            observer.unschedule(watch)
                        except (KeyError, ValueError):
                            pass
                    self._schedule(observer, folder)
                if dead:
                    log.info(f"'{folder}' was replaced: watching the new folder and rebuilding.")
                    self._rebuild()

    def _alive(self, observer: Any, folder: str) -> bool:
        watch = self._watches.get((id(observer), folder))
        return watch is not None and any(emitter.watch == watch and emitter.is_alive()
                                         for emitter in observer.emitters)


def _state(path: str) -> tuple[int, int, int] | None:
    """A file's time, size and inode; None when it is not there."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)
