"""The offline zip: a copy of the whole site that works when opened from disk.

Trainers run workshops in rooms with no network. Material's offline plugin
makes a build that works from ``file://`` (no directory URLs, the search index
inlined in a script), but it is a different build of the same site, so every
published build makes a second one, in offline mode, and zips it. The zip is
the same bytes for the same input: fixed dates, sorted entries.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

ZIP_NAME = "collaboration-guide-offline.zip"
TOP_FOLDER = "collaboration-guide"
# Set for the nested build (mkdocs.yml enables the offline plugin with it).
OFFLINE_COPY_ENV = "GUIDE_OFFLINE_COPY"
# "0" skips the zip, for benchmarks that compare the build with a hook-free floor.
BUNDLE_ENV = "GUIDE_OFFLINE_BUNDLE"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: no build time leaks in


class BundleFailed(RuntimeError):
    pass


def wanted(command: str, offline_copy: bool) -> bool:
    """A published build makes the zip; a preview (serve) and the copy itself do not."""
    nested = bool(os.environ.get(OFFLINE_COPY_ENV))  # never let the copy build a copy
    return command != "serve" and not (offline_copy or nested) and os.environ.get(BUNDLE_ENV) != "0"


def make_bundle(config_file: Path, target: Path) -> None:
    """Build the site again in offline mode and zip it into ``target``.

    In this process, not a new one: the content is already loaded and
    validated and the theme's templates compiled (hooks/guide_hooks.py keeps
    both), which a second ``mkdocs build`` would do again from the start.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    before = os.environ.get(OFFLINE_COPY_ENV)
    os.environ[OFFLINE_COPY_ENV] = "true"  # read by mkdocs.yml's !ENV and by wanted()
    try:
        with tempfile.TemporaryDirectory(prefix="guide-offline-") as folder:
            try:
                build(load_config(str(config_file), site_dir=folder, strict=True))
            except (Exception, SystemExit) as exc:  # MkDocs' Abort is a SystemExit-like click error
                raise BundleFailed(f"the offline copy of the site failed to build: {exc}") from None
            write_zip(Path(folder), target)
    finally:
        if before is None:
            del os.environ[OFFLINE_COPY_ENV]
        else:
            os.environ[OFFLINE_COPY_ENV] = before


def write_zip(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{TOP_FOLDER}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
