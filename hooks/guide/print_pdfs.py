"""Print the published site's PDFs (card decks, run sheets) with headless Chromium.

One entry point, ``print_pdfs``: it serves the built site on a free loopback
port and has the system Chromium print each page of ``downloads.plan`` as its
own print dialog would. The paper comes from the page (``?paper=a4`` picks a
named CSS page, see print.js and guide.css), so the command line needs no
browser-automation package: the build's lock stays small. Pages are printed two
at a time, each Chromium with its own throwaway profile.

Chromium stamps each PDF with the time it was printed; the stamp is replaced by
a fixed date of the same length, so the same commit gives the same bytes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

from .downloads import FOLDER, Download
from .local_server import serve

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-extensions", "--hide-scrollbars"]
JOBS = 2  # the machines this runs on have two cores
TIMEOUT = 120
_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)[0-9]{14}")


class PrintFailed(RuntimeError):
    pass


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise PrintFailed("printing the PDF decks needs Chromium: run `make chromium` (as root) or "
                      "`sudo apt-get install chromium`, then build again")


def print_pdfs(site: Path, downloads: Sequence[Download], chromium: str | None = None) -> list[Path]:
    """Print every download of the plan into ``site/downloads/``; the files written."""
    browser = chromium or find_chromium()
    out = site / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as origin, ThreadPoolExecutor(JOBS) as pool:
        jobs = [pool.submit(_print_one, browser, f"{origin}/{d.page}", out / d.name) for d in downloads]
        return [job.result() for job in jobs]


def _print_one(chromium: str, url: str, target: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="guide-chromium-") as profile:
        result = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={target}", url],
            capture_output=True, text=True, timeout=TIMEOUT)
    if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise PrintFailed(f"Chromium could not print {url} to {target.name}:\n{result.stderr[-2000:]}")
    target.write_bytes(_fixed_dates(target.read_bytes()))
    return target


def _fixed_dates(pdf: bytes) -> bytes:
    """The print time, replaced by 1980-01-01 00:00:00, same length (offsets stay right)."""
    return _DATE.sub(rb"\g<1>19800101000000", pdf)
