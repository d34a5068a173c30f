"""The cards' QR codes kept between publications, beside the printed PDFs.

A published build puts a QR code on every card (the deck files, the
facilitator's packs), and drawing one is segno choosing among eight masks: at
10 competencies, 720 codes, most of a publication that changed
nothing. The codes are kept in one file of the PDF cache folder
(``qr-codes.json``, which ``PdfCache.prune`` never touches and the workflow keeps
with the PDFs), each under its ``qr_key`` (what it encodes, its title, how it
is drawn, segno's version) with the hash of key and SVG: a file cut short,
damaged, or not ours is ignored, a damaged entry is drawn again, and a wrong
code is never published. Only the codes the current deck shows are written
back, so codes of cards edited away are pruned.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from guide.publish.whole_files import write_whole

FILE_NAME = "qr-codes.json"
FORMAT = 1  # raise it when the file's layout changes: an older file is then ignored
MAX_BYTES = 256 * 1024 * 1024  # larger than any catalogue's codes; a bigger file is not read
_KEY = re.compile(r"^[0-9a-f]{64}$")


def _digest(key: str, svg: str) -> str:
    return hashlib.sha256(f"{key}\0{svg}".encode("utf-8")).hexdigest()


def load_qr_codes(folder: Path, wanted: Collection[str]) -> dict[str, str]:
    """The kept codes whose key is in ``wanted`` and whose hash matches; nothing from a
    file that is missing, too large or not one this module wrote."""
    path = folder / FILE_NAME
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):  # not JSON, not UTF-8, or nested past what json reads
        return {}
    codes = data.get("codes") if isinstance(data, dict) and data.get("format") == FORMAT else None
    if not isinstance(codes, dict):
        return {}
    found = {}
    for key in wanted:
        entry = codes.get(key)
        if (isinstance(entry, dict) and isinstance(entry.get("svg"), str) and isinstance(entry.get("sha256"), str)
                and entry["sha256"] == _digest(key, entry["svg"])):
            found[key] = entry["svg"]
    return found


def save_qr_codes(folder: Path, codes: Mapping[str, str]) -> bool:
    """Replace the file whole with ``codes`` (key -> SVG), in the order of their keys
    (the same codes give the same bytes); False when the folder cannot be written
    (not an error here: the codes are drawn again next time, and the PDF cache,
    in the same folder, says what is wrong)."""
    entries = {key: {"sha256": _digest(key, svg), "svg": svg} for key, svg in sorted(codes.items())
               if _KEY.match(key)}
    data = json.dumps({"format": FORMAT, "codes": entries}, sort_keys=True, ensure_ascii=False).encode("utf-8")
    try:
        write_whole(folder / FILE_NAME, data)
    except (OSError, ValueError):  # ValueError: a NUL in the folder's name
        return False
    return True
