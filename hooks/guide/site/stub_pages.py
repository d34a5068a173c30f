"""The competencies' stub pages, written into docs/competencies/ before MkDocs collects the files.

What each stub says comes from ``guide.render.pages``; this keeps the folder in
line with it, touching only what changed so a preview's watcher sees nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from guide.content.model import CompetencyFolder, Guide, Labels
from guide.render.pages import FOLDER, folder_stub_pages


class StubPages:
    """docs/competencies/, kept in line with the catalogue.

    A preview checks every stub on each save. A competency whose folder, labels
    and stubs' folder on disk (its time stamp: a stub added, removed or replaced
    changes it) are as at the last check is not looked at again; the others'
    stubs are compared with what was last written or read there (content, time,
    size) before any is read back.
    """

    def __init__(self) -> None:
        self._checked: dict[Path, tuple[str, int, int]] = {}
        self._swept: tuple[Path, frozenset[str]] | None = None  # the stubs wanted at the folder's last sweep
        # a competency's stubs' folder -> (its folder object, the labels, its stubs, the folder's time stamp)
        self._folders: dict[Path, tuple[CompetencyFolder, Labels, dict[str, str], int]] = {}

    def write(self, docs_dir: Path, guide: Guide) -> bool:
        """Bring docs/competencies/ in line with the catalogue; True when a file changed.

        Unchanged files are not rewritten, so a preview's watcher sees no change.
        """
        root = docs_dir / FOLDER
        stubs: dict[str, str] = {}
        changed = False
        folders = {}
        for folder in guide.competencies:
            where = root / folder.id
            known = self._folders.get(where)
            if known is not None and known[0] is folder and known[1] is guide.labels and _stamp(where) == known[3]:
                stubs.update(known[2])
                continue
            own = folder_stub_pages(folder, guide.labels)
            stubs.update(own)
            changed |= self._write_each(docs_dir, own)
            folders[where] = (folder, guide.labels, own, _stamp(where))
        self._folders = {where: self._folders[where] for where in (root / f.id for f in guide.competencies)
                         if where in self._folders} | folders
        if self._swept == (docs_dir, stubs.keys()):
            return changed  # the same pages as at the last sweep: no stub of a gone competency to remove
        self._swept = (docs_dir, frozenset(stubs))
        wanted = {docs_dir / path for path in stubs}
        for path in sorted(root.rglob("*"), reverse=True) if root.is_dir() else []:
            if path.is_file() and path not in wanted and _is_stub(path):
                path.unlink()  # a page of a competency that is gone; anything else is left alone
                changed = True
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        if changed:  # a stub removed from a folder kept changes its time stamp
            self._folders = {where: known for where, known in self._folders.items() if _stamp(where) == known[3]}
        return changed

    def _write_each(self, docs_dir: Path, stubs: dict[str, str]) -> bool:
        changed = False
        for relative, content in stubs.items():
            path = docs_dir / relative
            try:
                stat = path.stat()
            except FileNotFoundError:
                stat = None
            if stat is not None and self._checked.get(path) == (content, stat.st_mtime_ns, stat.st_size):
                continue  # as written or read last time, and untouched since
            if stat is None or path.read_text(encoding="utf-8") != content:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
                changed = True
                stat = path.stat()
            self._checked[path] = (content, stat.st_mtime_ns, stat.st_size)
        return changed


def _stamp(folder: Path) -> int:
    """A folder's time stamp (-1: none): it changes when an entry is added, removed or renamed."""
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return -1


def _is_stub(path: Path) -> bool:
    try:
        return path.suffix == ".md" and "<!-- guide: " in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def remove_gone_pages(site_dir: Path, guide: Guide, language_folders: list[str]) -> list[str]:
    """Delete the built pages of competencies no longer in the catalogue; their folders' names.

    A preview builds dirty, into the same folder: a deleted or renamed competency's
    pages would still be served. Only folders under ``competencies/`` are touched.
    """
    kept = {folder.id for folder in guide.competencies}
    gone = []
    for language in language_folders:
        root = site_dir / language / FOLDER if language else site_dir / FOLDER
        for folder in sorted(root.iterdir()) if root.is_dir() and not root.is_symlink() else []:
            if folder.is_dir() and not folder.is_symlink() and folder.name not in kept:
                shutil.rmtree(folder)
                gone.append(f"{language}/{folder.name}".lstrip("/"))
    return gone


def watch_all_but_stubs(server: Any, docs_dir: Path) -> None:
    """The preview's watch on docs/, without the stubs' folder.

    The build that writes the stubs (from on_config, before MkDocs lists the files)
    already shows them; seen by the watcher, each write started a second build and
    a second reload ("rebuilt 0 of N") after every save that added, renamed or
    removed a page. MkDocs' public ``watch``/``unwatch`` only: docs/ itself without
    recursion (its pages, added or changed), and each of its folders but the stubs'.
    """
    server.unwatch(str(docs_dir))
    server.watch(str(docs_dir), recursive=False)
    for path in sorted(docs_dir.iterdir()):
        if path.is_dir() and path.name != FOLDER and not path.is_symlink():
            server.watch(str(path))
