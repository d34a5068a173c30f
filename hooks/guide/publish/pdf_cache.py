"""Printed PDFs kept between builds, each under the key of exactly what it prints.

A publication that changed one competency should print that competency's PDFs
and no other: the printer (``print_pdfs``) keys each PDF by what Chromium was
about to print (the printed part of the page, the files it uses, the paper, the
public address) and asks this folder first. The folder is `.cache/pdfs/` under
the project (ignored by git; the workflow keeps it with actions/cache), or
``GUIDE_PDF_CACHE``. Each entry is two files: ``<key>.pdf`` and
``<key>.sha256``, the hash of the PDF's bytes, checked before the PDF is used:
a file cut short or damaged on disk is printed again, never published. A whole
PDF goes into the site as a hard link to its entry (``place``): an entry is
therefore only ever replaced, never written in place. A page
the printer loaded leaves a note too (``<key>.json``, keyed by the page's
file): the keys of the PDFs it gave, so an unchanged page is not loaded again.
Entries no build asked for are removed at its end (``prune``); only files
named like entries are ever touched, whatever folder the variable names.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path

from guide.publish.whole_files import write_whole

CACHE_ENV = "GUIDE_PDF_CACHE"  # a folder, absolute or from the project's root
DEFAULT_FOLDER = Path(".cache") / "pdfs"
_ENTRY = re.compile(r"^([0-9a-f]{64})\.(?:pdf|json|sha256)$")
_DIGEST = re.compile(rb"^[0-9a-f]{64}\n?$")


class CacheFailed(RuntimeError):
    pass


def cache_folder(root: Path) -> Path:
    """Where the printed PDFs are kept: ``GUIDE_PDF_CACHE``, or `.cache/pdfs/` in the project."""
    named = os.environ.get(CACHE_ENV, "").strip()
    return root / (named or DEFAULT_FOLDER)


class PdfCache:
    """One build's use of the folder: the PDFs it found or printed, by key. Safe to use
    from the printing tabs' threads."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._used: set[str] = set()
        self._lock = threading.Lock()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            why = exc.strerror if isinstance(exc, OSError) else "not a folder's name"
            raise CacheFailed(f"the PDF cache {str(folder)[:200]!r} cannot be made ({why}): set {CACHE_ENV} "
                              "to a folder the build may write, or remove what is in the way") from None

    def get(self, key: str, kind: str = "pdf", use: bool = True) -> bytes | None:
        """The PDF (or page note) kept under ``key``, when its bytes are whole (their
        hash matches); ``use=False`` only looks: the entry is pruned unless used."""
        if use:
            self.use(key)
        try:
            data = (self.folder / f"{key}.{kind}").read_bytes()
            digest = (self.folder / f"{key}.sha256").read_bytes()
        except OSError:
            return None
        if not _DIGEST.match(digest) or hashlib.sha256(data).hexdigest() != digest.decode("ascii").strip():
            return None
        return data

    def place(self, key: str, dest: Path, use: bool = True) -> bool:
        """Put the PDF kept under ``key`` at ``dest`` when its bytes are whole: a hard link
        to the entry, the very bytes whose hash was checked (a reused PDF costs no copy,
        and removing the site costs no freeing of its bytes), or a copy where the two
        folders cannot share a file. False, and ``dest`` left as it was, when there is no
        whole entry. An entry is only ever replaced, never written in place (``_write``),
        and a PDF written over ``dest`` later must replace it too (``write_whole``)."""
        if use:
            self.use(key)
        entry = self.folder / f"{key}.pdf"
        try:
            with entry.open("rb") as kept:
                checked, data = os.fstat(kept.fileno()), kept.read()
            digest = (self.folder / f"{key}.sha256").read_bytes()
        except OSError:
            return False
        if not _DIGEST.match(digest) or hashlib.sha256(data).hexdigest() != digest.decode("ascii").strip():
            return False
        dest.unlink(missing_ok=True)
        try:
            os.link(entry, dest)
            linked = os.stat(dest)
            if (linked.st_dev, linked.st_ino) == (checked.st_dev, checked.st_ino):
                return True  # the file checked above, not one put there since
            dest.unlink()
        except OSError:
            pass
        write_whole(dest, data)
        return True

    def put(self, key: str, data: bytes, kind: str = "pdf") -> None:
        """Keep ``data`` under ``key``: the file, then its hash, each replaced whole."""
        self.use(key)
        self._write(f"{key}.{kind}", data)
        self._write(f"{key}.sha256", hashlib.sha256(data).hexdigest().encode("ascii") + b"\n")

    def prune(self) -> int:
        """Remove the entries this build did not ask for; how many."""
        removed = set()
        for path in self.folder.iterdir():
            found = _ENTRY.match(path.name)
            if found and found[1] not in self._used and path.is_file():
                path.unlink(missing_ok=True)
                removed.add(found[1])
        return len(removed)

    def use(self, *keys: str) -> None:
        """Keep these entries past this build's pruning."""
        with self._lock:
            self._used.update(keys)

    def _write(self, name: str, data: bytes) -> None:
        try:
            write_whole(self.folder / name, data)
        except OSError as exc:
            raise CacheFailed(f"the PDF cache {self.folder} cannot be written ({exc.strerror}): free some "
                              f"space, or set {CACHE_ENV} to a folder the build may write") from None
