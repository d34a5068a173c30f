#!/usr/bin/env python3
"""Print the behaviour-card decks to PDF with headless Chromium (``make cards``).

Serves the built site on loopback, opens the cards page for each deck and
prints it as the browser's own print dialog would, on A4 and US Letter:
English, French, and bilingual duplex (English fronts, mirrored French backs).
Writes ``cards-<deck>-<paper>.pdf`` into the output folder (docs/downloads/ by
default, so the next build links them from the cards page).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

DECKS = {"en": "/cards/?lang=en", "fr": "/fr/cards/?lang=fr", "bilingual": "/cards/?lang=bi"}
PAPERS = {"a4": "A4", "letter": "Letter"}
MARGIN = "6mm"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def print_deck(browser, url: str, out: Path, paper: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    page.pdf(path=str(out), format=paper, print_background=True,
             margin={"top": MARGIN, "bottom": MARGIN, "left": MARGIN, "right": MARGIN})
    page.close()


def competency_ids(site: Path) -> list[str]:
    """The catalogue's competencies, in order, from the published open data."""
    import json

    data = json.loads((site / "data" / "collaboration-guide.json").read_text(encoding="utf-8"))
    return [competency["id"] for competency in data["competencies"]]


def print_decks(browser, origin: str, out_dir: Path, competencies: list[str]) -> list[Path]:  # type: ignore[no-untyped-def]
    """Every deck on every paper, from the site served at ``origin``: the whole
    catalogue's, and in a catalogue of several, each competency's on its own."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    scopes = {"": ""} | ({f"{c}-": f"&competencies={c}" for c in competencies} if len(competencies) > 1 else {})
    for prefix, query in scopes.items():
        for deck, path in DECKS.items():
            for paper_name, paper in PAPERS.items():
                out = out_dir / f"cards-{prefix}{deck}-{paper_name}.pdf"
                print_deck(browser, origin + path + query, out, paper)
                written.append(out)
    return written


def print_all(site: Path, out_dir: Path) -> list[Path]:
    from conftest import serve  # the same loopback static server the tests use
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Chromium is required: run `make chromium` or `sudo apt-get install chromium`.")
    with serve(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        written = print_decks(browser, origin, out_dir, competency_ids(site))
        browser.close()
    return written


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    out_dir = Path(argv[2]) if len(argv) > 2 else ROOT / "docs" / "downloads"
    for path in print_all(site, out_dir):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
