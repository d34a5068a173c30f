#!/usr/bin/env python3
"""Write a new competency's folder from the content model (``make competency ID=…``).

The id comes as an argument, or from ``make`` through the environment
(``GUIDE_MAKE_ID``), never through a shell.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import sys
from pathlib import Path

from guide.content.decode import ID_PATTERN, TO_WRITE
from guide.content.loader import competency_id_trouble
from guide.content.messages import said, say
from guide.content.model import COMPETENCIES_FOLDER
from guide.content.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent


def usage() -> str:
    return say("competency_usage", command="make competency ID=<id>", example="ID=teamwork")


def _write_folder(folder: Path, competency: str) -> None:
    """The folder appears whole, its file in it: made beside the project's watched folders,
    then moved in. A preview never builds the folder without its competency.yml, which
    would show as an error for a moment. Raises OSError when it cannot be written."""
    staging = ROOT / f".new-competency-{secrets.token_hex(8)}"
    staging.mkdir()  # with the mode mkdir gives any folder (the umask's)
    try:
        (staging / "competency.yml").write_text(competency, encoding="utf-8")
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            # A folder of that name made meanwhile: an empty one is replaced, one with files stops it.
            os.rename(staging, folder)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            shutil.copytree(staging, folder)  # content_data/ on another disk: no move in one step
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str]) -> int:
    given = argv[1:] or ([os.environ["GUIDE_MAKE_ID"]] if os.environ.get("GUIDE_MAKE_ID") else [])
    if len(given) != 1:
        print(usage(), file=sys.stderr)
        return 2
    competency_id = given[0]
    if not ID_PATTERN.fullmatch(competency_id):
        print(f"{say('competency_bad_id', id=repr(competency_id))}\n{usage()}", file=sys.stderr)
        return 2
    trouble = competency_id_trouble(competency_id)
    if trouble is not None:
        what, hint = trouble
        print(f"{say('competency_id_refused', what=what)}\n    {say('hint_line', hint=hint)}", file=sys.stderr)
        return 2
    content = ROOT / "content_data"
    folder = content / COMPETENCIES_FOLDER / competency_id
    if folder.exists():
        print(say("competency_exists", folder=folder.relative_to(ROOT)), file=sys.stderr)
        return 1
    try:
        _write_folder(folder, scaffold(competency_id))
    except OSError as exc:
        print(f"{say('competency_not_written', folder=folder.relative_to(ROOT), error=exc.strerror or exc)}\n"
              f"    {say('hint_line', hint=said('competency_not_written_hint'))}", file=sys.stderr)
        return 1
    print(say("competency_written", file=f"{folder.relative_to(ROOT)}/competency.yml", marks=" / ".join(TO_WRITE.values()),
              check="make check", files="why.yml, tips.yml, workshop.yml"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
