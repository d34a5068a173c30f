#!/usr/bin/env python3
"""The guide's benchmark (``make bench``): prints a table, writes bench/results/latest.json.

Figures, not pass/fail tests: this machine is noisy, so build costs are also
given as ratios to a floor measured in the same run.

1. Build cost: the full bilingual build of a catalogue of 1, 10 and 30
   competencies (the seed competency's folder copied),
   against the floor (the same pages as plain Markdown, same theme and
   plugins, no hooks). Goal: ratio <= 1.3, and time growing linearly.
2. Edit-to-reload: `mkdocs serve` on a copy; change one YAML text; time until
   the served page shows it. Goal: < 1 s at 1x, < 3 s at 10x.
3. Page weight: bytes a browser transfers for the home and competency pages,
   gzip-compressed as a static host serves them. Goal: <= 200 KB each. Also
   each language's search index against the text it indexes.
4. Search speed: at 1,000+ items, last keystroke to results drawn in
   Chromium. Goal: median < 50 ms.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from floor import floor_project  # noqa: E402
from synthetic import copy_project, scaled_project  # noqa: E402

# The builds compared with the floor leave out the offline zip (a second, whole
# build in offline mode); its cost is measured on its own, at 1x.
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_OFFLINE_BUNDLE="0")
ENV.pop("SITE_URL", None)
RUNS = 3


def build_seconds(project: Path, site: Path, env: dict | None = None) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project,
                       env=env or ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:  # serve holds requests while rebuilding
        return response.read().decode("utf-8")


def reload_seconds(project: Path) -> float:
    port = free_port()
    url = f"http://127.0.0.1:{port}/competencies/collaboration/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                fetch(url)
                break
            except OSError:
                time.sleep(0.2)
        path = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
        original = path.read_text(encoding="utf-8")
        times = []
        for n in range(RUNS):
            marker = f"Benchmark marker {n}"
            time.sleep(1.5)  # let the watcher settle between edits
            start = time.perf_counter()
            path.write_text(original.replace("Work towards shared objectives.", marker, 1), encoding="utf-8")
            while marker not in fetch(url):
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
            path.write_text(original, encoding="utf-8")
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=20)


def page_weights(site: Path, browser, paths: list[str]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from conftest import serve

    weights = {}
    with serve(site) as origin:
        for path in paths:
            page = browser.new_page()
            bodies = []
            page.on("response", lambda r: bodies.append(r))
            page.goto(origin + path)
            page.wait_for_load_state("networkidle")
            total = 0
            for response in bodies:
                try:
                    total += len(gzip.compress(response.body(), compresslevel=6))
                except Exception:  # noqa: BLE001 - a response without a body (redirect) weighs nothing
                    pass
            weights[path] = total
            page.close()
    return weights


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    sizes = {}
    for lang, path in (("en", site / "search/search_index.json"), ("fr", site / "fr/search/search_index.json")):
        raw = path.read_bytes()
        docs = json.loads(raw)["docs"]
        text = sum(len((d["title"] + " " + d["text"]).encode("utf-8")) for d in docs)
        sizes[lang] = {"index_bytes": len(raw), "gzip_bytes": len(gzip.compress(raw)), "text_bytes": text,
                       "entries": len(docs)}
    return sizes


def search_ms(site: Path, browser, queries: list[str]) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    from conftest import serve

    with serve(site) as origin:
        page = browser.new_page()
        page.goto(origin + "/fr/competencies/collaboration/")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("equipe")
        page.wait_for_selector(".md-search-result__item")  # the index is loaded
        samples = []
        for query in queries:
            box.fill(query[:-1])
            page.evaluate("""() => {
                window.__drawn = null;
                const list = document.querySelector('.md-search-result__list');
                new MutationObserver((_, observer) => { window.__drawn = performance.now(); observer.disconnect(); })
                    .observe(list, {childList: true, subtree: true});
                window.__typed = performance.now();
            }""")
            page.keyboard.press(query[-1])
            # Polled from here: the pages' Content-Security-Policy forbids the string
            # evaluation wait_for_function uses; the time itself is measured in the page.
            deadline = time.monotonic() + 10
            while page.evaluate("() => window.__drawn") is None and time.monotonic() < deadline:
                time.sleep(0.01)
            samples.append(page.evaluate("window.__drawn - window.__typed"))
        entries = page.evaluate("fetch('../../search/search_index.json').then(r => r.json()).then(i => i.docs.length)")
        page.close()
    return statistics.median(samples), entries


def main() -> int:
    from playwright.sync_api import sync_playwright
    from conftest import CHROMIUM_FLAGS

    results: dict = {"date": date.today().isoformat(), "machine": f"{platform.machine()}, "
                     f"{os.cpu_count()} cores, Python {platform.python_version()}", "builds": {}}
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        for factor in (1, 10, 30):
            project = scaled_project(ROOT, work / f"x{factor}", factor)
            floor = floor_project(copy_project(project, work / f"x{factor}-floor"))
            guide_s = build_seconds(project, work / f"site-x{factor}")
            floor_s = build_seconds(floor, work / f"site-x{factor}-floor")
            results["builds"][factor] = {"guide_s": guide_s, "floor_s": floor_s, "ratio": guide_s / floor_s}
            print(f"  built {factor}x: guide {guide_s:.2f} s, floor {floor_s:.2f} s", flush=True)
        with_zip = build_seconds(work / "x1", work / "site-x1-zip", dict(ENV, GUIDE_OFFLINE_BUNDLE="1"))
        results["offline_zip_s"] = with_zip - results["builds"][1]["guide_s"]
        # What printing the PDFs (decks, run sheets: guide.print_pdfs) adds to a published build.
        publish = dict(ENV, GUIDE_PUBLISH="1", SITE_URL="https://guide.example.org/")
        results["pdfs_s"] = build_seconds(work / "x1", work / "site-x1-pdfs", publish) - results["builds"][1]["guide_s"]
        results["pdfs"] = len(list((work / "site-x1-pdfs" / "downloads").glob("*.pdf")))
        results["reload"] = {f: reload_seconds(work / f"x{f}") for f in (1, 10)}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
            results["weight"] = page_weights(work / "site-x1", browser, ["/", "/competencies/collaboration/", "/fr/competencies/collaboration/"])
            results["index"] = index_sizes(work / "site-x1")
            queries = ["partenaire", "equipe", "reseau", "confiance", "organisation", "relation", "conseil",
                       "objectif", "atelier", "niveau", "echanges", "strategique", "contacts", "ressources",
                       "innovation"]
            results["search_ms"], results["search_entries"] = search_ms(work / "site-x10", browser, queries)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(r: dict) -> None:
    def mark(ok: bool) -> str:
        return "pass" if ok else "MISS"

    rows = []
    builds = {int(k): v for k, v in r["builds"].items()}
    per_unit_1x = builds[1]["guide_s"] - builds[1]["floor_s"]
    for factor, b in builds.items():
        rows.append((f"build {factor}x (guide / floor)", f"{b['guide_s']:.2f} s / {b['floor_s']:.2f} s = {b['ratio']:.2f}",
                     "ratio <= 1.3", mark(b["ratio"] <= 1.3)))
        # What the hooks add, per unit of content, against 1x: linear growth keeps it flat.
        overhead = (b["guide_s"] - b["floor_s"]) / factor
        rows.append((f"  hooks' cost per unit of content, {factor}x", f"{overhead * 1000:.0f} ms",
                     "flat or falling (linear)", mark(overhead <= per_unit_1x * 1.2 + 0.02)))
    if "offline_zip_s" in r:
        rows.append(("offline zip, added to a published 1x build", f"{r['offline_zip_s']:.2f} s", "-", "-"))
    if "pdfs_s" in r:
        rows.append((f"{r['pdfs']} PDFs printed, added to a published 1x build", f"{r['pdfs_s']:.2f} s", "-", "-"))
    for factor, goal in ((1, 1.0), (10, 3.0)):
        rows.append((f"edit-to-reload {factor}x", f"{r['reload'][factor]:.2f} s", f"< {goal:g} s",
                     mark(r["reload"][factor] < goal)))
    for path, weight in r["weight"].items():
        rows.append((f"page weight {path} (gzip)", f"{weight / 1024:.0f} KB", "<= 200 KB", mark(weight <= 200 * 1024)))
    for lang, s in r["index"].items():
        rows.append((f"search index {lang}", f"{s['index_bytes'] / 1024:.0f} KB ({s['gzip_bytes'] / 1024:.0f} KB gzip) "
                     f"for {s['text_bytes'] / 1024:.0f} KB of text, {s['entries']} entries", "-", "-"))
    rows.append((f"search, {r['search_entries']} entries (median)", f"{r['search_ms']:.1f} ms", "< 50 ms",
                 mark(r["search_ms"] < 50)))
    width = max(len(row[0]) for row in rows)
    print(f"\nBenchmark {r['date']} on {r['machine']}\n")
    print(f"{'measure'.ljust(width)} | result | goal | mark")
    for name, value, goal, ok in rows:
        print(f"{name.ljust(width)} | {value} | {goal} | {ok}")


if __name__ == "__main__":
    sys.exit(main())
