#!/usr/bin/env python3
"""The guide's benchmark (``make bench``): prints a table, writes bench/results/latest.json.

Every figure is printed with its goal and pass / MISS. The machine is shared and
noisy: build costs are medians of several runs, compared as ratios of CPU time
(user + system, the build's own work, which other processes do not inflate the
way they inflate wall time); wall times are shown beside them.

1. Full build of a catalogue of 1, 10, 30 and 120 competencies (the seed
   folder copied; 120 is the size of a large public framework) against the
   floor (the same pages as plain Markdown, same theme and plugins, no hooks).
   Goals: ratio <= 1.3 at every size, and linear: each competency added at the
   largest step costs at most 1.25 times one added from 1 to 10.
2. Published build (every part a publication adds: the offline zip, and the
   the PDFs printed by Chromium) against the plain
   build of the same content: goal <= 2x, each part on its own line. The PDFs
   are printed again only when what they show changed (a cache folder), so
   their part is measured three ways: cold (an empty cache), warm after an edit
   to one behaviour of one competency (only its PDFs are printed), and warm
   with no change; with how many PDFs each build printed and reused.
3. Edit to reload: `mkdocs serve --dirty` (make serve) in a git checkout (as
   an editor's clone is: the translation status comes from git), a real
   Chromium on the competency page; change one YAML text; time from the save
   to the new text visible in the browser. Goal: < 1 s at every size, 120
   competencies included.
4. Lighthouse (mobile preset) on the home page and a competency page in both
   languages, served gzip-compressed as a static host does: performance >= 95,
   accessibility 100. Also page weight, search index sizes and search speed.
"""

from __future__ import annotations

import ctypes
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

from floor import floor_project  # bench/, the script's own folder
from serve_helper import mkdocs_serve  # tests/ (the Makefile puts it on PYTHONPATH)
from static_gzip import serve_gzip
from synthetic import scaled_project

ROOT = Path(__file__).resolve().parent.parent

# The plain build: no part of a publication (compared with the floor).
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_OFFLINE_BUNDLE="0")
ENV.pop("SITE_URL", None)
# What a published build adds to the plain one, each with the environment that
# turns it on: the offline zip, and the PDFs (card decks, run sheets, facilitator's
# packs) that guide.publish.print_pdfs prints with Chromium (its CPU counts: see
# count_orphans_as_children).
PUBLISHED_PARTS: dict[str, dict[str, str]] = {
    "offline zip": {"GUIDE_OFFLINE_BUNDLE": "1"},
    "PDFs (decks, run sheets, packs)": {"GUIDE_PUBLISH": "1", "SITE_URL": "https://guide.example.org/"},
}
# 120: the size of a large public framework (SFIA has 121 skills).
FACTORS = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1,10,30,120").split(","))
PUBLISHED_FACTORS = (1, 10)  # BENCH_SIZES must hold them: the page weights and search use 1 and 10 too
PDF_FACTORS = tuple(int(n) for n in os.environ.get("BENCH_PDF_FACTORS", "1,10,30").split(","))
PDF_ENV = PUBLISHED_PARTS["PDFs (decks, run sheets, packs)"]
PDF_COUNTS = re.compile(r"PDFs: printed (\d+), reused (\d+)")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))  # more for quieter medians; fewer for a quick look
# The parts to run (BENCH_PARTS=builds,pdfs): the builds always run, as every other
# part compares with them or reads their sites; "pages" is the page weights, the
# search indexes and search speed.
PARTS = ("builds", "published", "pdfs", "reload", "pages", "lighthouse")
CHOSEN = tuple(part.strip() for part in os.environ.get("BENCH_PARTS", ",".join(PARTS)).split(",") if part.strip())
SEED_TEXT = "Work towards shared objectives."
LIGHTHOUSE_PAGES = ("/", "/fr/", "/competencies/collaboration/", "/fr/competencies/collaboration/")


def build_cost(project: Path, site: Path, env: dict | None = None) -> dict[str, float]:
    """Median wall and CPU seconds of a full build (CPU: user + system of the build process)."""
    return build_costs([(project, site, env)])[0]


_PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


def count_orphans_as_children() -> None:
    """Chromium's renderers are forked by its zygote and orphaned: their CPU never
    reached RUSAGE_CHILDREN, so the PDFs looked three times cheaper than the machine's
    busy time showed (7.9 s against 23 s for 16 PDFs). As the subreaper of what it
    starts, the benchmark adopts them and counts them once it has waited for them."""
    if ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def _children() -> set[int]:
    me, found = os.getpid(), set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if parent == me:
            found.add(int(stat.parent.name))
    return found


def _wait_for_adopted(known: set[int], seconds: float = 60) -> None:
    """Wait for the processes a build left behind (adopted, see count_orphans_as_children);
    one still running after ``seconds`` is reported and left (its CPU is then missed)."""
    deadline = time.monotonic() + seconds
    while left := _children() - known:
        for pid in left:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
        if time.monotonic() > deadline:
            print(f"  still running after the build, not counted: {sorted(left)}", file=sys.stderr)
            return
        time.sleep(0.02)


def build_costs(builds: list[tuple[Path, Path, dict | None]]) -> list[dict[str, float]]:
    """Median wall and CPU seconds of each build, run in turn (a, b, a, b, ...): a busy
    spell of the machine then weighs on every build compared, not on one of them."""
    walls: list[list[float]] = [[] for _ in builds]
    cpus: list[list[float]] = [[] for _ in builds]
    for _ in range(RUNS):
        for n, (project, site, env) in enumerate(builds):
            known = _children()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project,
                           env=env or ENV, check=True, capture_output=True)
            walls[n].append(time.perf_counter() - start)
            _wait_for_adopted(known)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[n].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [{"wall_s": statistics.median(w), "cpu_s": statistics.median(c)} for w, c in zip(walls, cpus, strict=True)]


def publish_once(project: Path, site: Path, cache: Path) -> dict[str, float]:
    """One build that prints the PDFs (no offline zip) with ``cache``: its wall and CPU
    seconds (Chromium's included), and how many PDFs it printed and reused."""
    known = _children()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project,
                          env=dict(ENV, **PDF_ENV, GUIDE_PDF_CACHE=str(cache)), check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    _wait_for_adopted(known)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    counts = PDF_COUNTS.search(done.stderr)
    if counts is None:
        raise RuntimeError("the build did not say how many PDFs it printed:\n" + done.stderr[-2000:])
    return {"wall_s": wall, "cpu_s": after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
            "printed": int(counts[1]), "reused": int(counts[2])}


def pdf_costs(project: Path, site: Path, cache: Path) -> dict[str, dict[str, float]]:
    """Medians of publications with the cache cold, warm after an edit to one behaviour
    of one competency (another wording each time), and warm with no change."""
    def median(runs: list[dict[str, float]]) -> dict[str, float]:
        return {key: statistics.median(run[key] for run in runs) for key in runs[0]}

    cold = []
    for _ in range(RUNS):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(publish_once(project, site, cache))
    path = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    original = path.read_text(encoding="utf-8")
    edited = []
    try:
        for n in range(RUNS):
            _save(path, original.replace(SEED_TEXT, f"Benchmark edit {n}.", 1))
            edited.append(publish_once(project, site, cache))
    finally:
        _save(path, original)
    publish_once(project, site, cache)  # the cache holds the original's PDFs again
    unchanged = [publish_once(project, site, cache) for _ in range(RUNS)]
    return {"cold": median(cold), "one edit": median(edited), "no change": median(unchanged)}


# The time (ms since the epoch) the page's first content was painted: the page is
# rendered by the server, so the edited text is painted then.
PAINTED = """() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return paint ? performance.timeOrigin + paint.startTime : null;
}"""


def _save(path: Path, text: str) -> None:
    """Save in one step, as editors' programs do: the watcher never sees half a file."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _git_checkout(project: Path) -> None:
    """Make ``project`` a git checkout with one commit, as an editor's clone is: the
    preview then reads the translation status and page dates from git, as theirs does."""
    env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               GIT_AUTHOR_DATE="2026-01-01T10:00:00", GIT_COMMITTER_DATE="2026-01-01T10:00:00")
    if (project / ".git").exists():
        return
    for args in (["init", "-q"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-qm", "content"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True, timeout=600)


def reload_seconds(project: Path, browser) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Save to new text visible in Chromium, under `mkdocs serve --dirty` (make serve)
    in a git checkout, and the CPU time the serve process spent on it (its rebuild:
    unlike wall time, not stretched by other processes)."""
    _git_checkout(project)
    with mkdocs_serve(project, project / "serve.log", dirty=True, env=ENV, wait=600) as served:
        server = served.process
        page = browser.new_page()
        page.goto(f"{served.url}competencies/collaboration/")
        path = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
        original = path.read_text(encoding="utf-8")
        times, cpus = [], []
        for n in range(RUNS):
            marker = f"Benchmark marker {n}."
            time.sleep(1.0)  # a quiet moment, as between two saves
            cpu, saved = _cpu_seconds(server.pid), time.time()
            _save(path, original.replace(SEED_TEXT, marker, 1))
            page.get_by_text(marker).first.wait_for(timeout=300_000)  # live reload brings it
            # When the reloaded page was first painted, by the browser's own clock (the
            # same as ours): Playwright looks for the text at growing intervals, up to
            # half a second apart, which no reader waits for.
            painted = page.evaluate(PAINTED)
            times.append((painted / 1000 if painted else time.time()) - saved)
            cpus.append(_cpu_seconds(server.pid) - cpu)
            _save(path, original)
            page.get_by_text(SEED_TEXT).first.wait_for(timeout=300_000)
        page.close()
        return times, cpus


def lighthouse(site: Path) -> dict[str, dict[str, float]]:
    """Lighthouse's mobile scores (0-100) per page, the median of RUNS runs."""
    cli = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
    from conftest import CHROMIUM_FLAGS

    scores: dict[str, dict[str, float]] = {}
    with serve_gzip(site) as origin:
        for path in LIGHTHOUSE_PAGES:
            runs = []
            for _ in range(RUNS):
                result = subprocess.run(
                    ["node", str(cli), origin + path, "--quiet", "--output=json", "--output-path=stdout",
                     "--only-categories=performance,accessibility", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"],
                    env=dict(os.environ, CHROME_PATH=shutil.which("chromium") or "/usr/bin/chromium"),
                    capture_output=True, text=True, check=True, timeout=300)
                report = json.loads(result.stdout)
                runs.append({name: report["categories"][name]["score"] * 100
                             for name in ("performance", "accessibility")})
            scores[path] = {name: statistics.median(r[name] for r in runs) for name in runs[0]}
    return scores


def page_weights(site: Path, browser, paths: list[str]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from guide.publish.local_server import serve

    weights = {}
    with serve(site) as origin:
        for path in paths:
            page = browser.new_page()
            bodies = []
            page.on("response", lambda response, bodies=bodies: bodies.append(response))
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
    from guide.publish.local_server import serve

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

    if not set(CHOSEN) <= set(PARTS):
        print(f"BENCH_PARTS={','.join(CHOSEN)}: name some of {','.join(PARTS)}", file=sys.stderr)
        return 2
    if {"published", "pages"} & set(CHOSEN) and not set(PUBLISHED_FACTORS) <= set(FACTORS):
        print(f"BENCH_SIZES must include {' and '.join(map(str, PUBLISHED_FACTORS))}, e.g. BENCH_SIZES=1,10,30 "
              "(or leave the published builds and the pages out of BENCH_PARTS)", file=sys.stderr)
        return 2
    count_orphans_as_children()
    results: dict = {"date": date.today().isoformat(), "machine": f"{platform.machine()}, "
                     f"{os.cpu_count()} cores, Python {platform.python_version()}", "builds": {}}
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        for factor in FACTORS:
            project = scaled_project(ROOT, work / f"x{factor}", factor)
            floor = floor_project(project, work / f"x{factor}-floor")
            guide, floor_cost = build_costs([(project, work / f"site-x{factor}", None),
                                             (floor, work / f"site-x{factor}-floor", None)])
            results["builds"][factor] = {"guide": guide, "floor": floor_cost, "ratio": guide["cpu_s"] / floor_cost["cpu_s"]}
            print(f"  built {factor}x: guide {guide['cpu_s']:.2f} s CPU, floor {floor_cost['cpu_s']:.2f} s CPU", flush=True)
        results["published"] = {}
        for factor in PUBLISHED_FACTORS if "published" in CHOSEN else ():
            plain = results["builds"][factor]["guide"]
            alone = {name: build_cost(work / f"x{factor}", work / f"site-x{factor}-{n}", dict(ENV, **env))
                     for n, (name, env) in enumerate(PUBLISHED_PARTS.items())}
            parts = {name: cost["cpu_s"] - plain["cpu_s"] for name, cost in alone.items()}
            every = {k: v for env in PUBLISHED_PARTS.values() for k, v in env.items()}
            published = (next(iter(alone.values())) if len(alone) == 1 else  # one part: that build is the published one
                         build_cost(work / f"x{factor}", work / f"site-x{factor}-published", dict(ENV, **every)))
            results["published"][factor] = {"plain": plain, "published": published, "parts_cpu_s": parts,
                                            "ratio": published["cpu_s"] / plain["cpu_s"]}
            print(f"  published {factor}x: {published['cpu_s']:.2f} s CPU", flush=True)
        results["pdfs"] = {}
        for factor in PDF_FACTORS if "pdfs" in CHOSEN else ():
            if factor not in results["builds"]:
                continue
            costs = pdf_costs(work / f"x{factor}", work / f"site-x{factor}-pdfs", work / f"pdf-cache-x{factor}")
            plain = results["builds"][factor]["guide"]
            for cost in costs.values():
                cost["pdf_cpu_s"], cost["pdf_wall_s"] = cost["cpu_s"] - plain["cpu_s"], cost["wall_s"] - plain["wall_s"]
            results["pdfs"][factor] = costs
            print(f"  PDFs {factor}x: " + ", ".join(f"{name} {c['pdf_cpu_s']:.2f} s CPU" for name, c in costs.items()),
                  flush=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
            results["reload"], results["reload_cpu"] = {}, {}
            for factor in FACTORS if "reload" in CHOSEN else ():
                results["reload"][factor], results["reload_cpu"][factor] = reload_seconds(work / f"x{factor}", browser)
                print(f"  edit to reload {factor}x: {results['reload'][factor]}", flush=True)
            if "pages" in CHOSEN:
                results["weight"] = page_weights(work / "site-x1", browser,
                                                 ["/", "/competencies/collaboration/", "/fr/competencies/collaboration/"])
                results["index"] = index_sizes(work / "site-x1")
                queries = ["partenaire", "equipe", "reseau", "confiance", "organisation", "relation", "conseil",
                           "objectif", "atelier", "niveau", "echanges", "strategique", "contacts", "ressources",
                           "innovation"]
                results["search_ms"], results["search_entries"] = search_ms(work / "site-x10", browser, queries)
            browser.close()
        if "lighthouse" in CHOSEN:
            results["lighthouse"] = lighthouse(work / "site-x1")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def _competencies(n: int) -> str:
    return f"{n} competency" if n == 1 else f"{n} competencies"


def table_rows(r: dict) -> list[tuple[str, str, str, str]]:
    def mark(ok: bool) -> str:
        return "pass" if ok else "MISS"

    rows = []
    builds = {int(k): v for k, v in r["builds"].items()}
    for factor, b in builds.items():
        rows.append((f"build {_competencies(factor)}, guide / floor (CPU; wall)",
                     f"{b['guide']['cpu_s']:.2f} s / {b['floor']['cpu_s']:.2f} s = {b['ratio']:.2f} "
                     f"({b['guide']['wall_s']:.2f} s / {b['floor']['wall_s']:.2f} s)", "<= 1.3", mark(b["ratio"] <= 1.3)))
    sizes = sorted(builds)
    for who in ("guide", "floor") if len(sizes) > 1 else ():  # a slope needs two sizes
        steps = [(builds[b][who]["cpu_s"] - builds[a][who]["cpu_s"]) / (b - a) for a, b in pairwise(sizes)]
        rows.append((f"{who}: CPU per competency added, {' / '.join(f'{a}->{b}' for a, b in pairwise(sizes))}",
                     " / ".join(f"{step * 1000:.0f} ms" for step in steps),
                     "linear: last <= 1.25x first" if who == "guide" else "-",
                     mark(steps[-1] <= 1.25 * steps[0]) if who == "guide" else "-"))
    for factor, p in {int(k): v for k, v in r.get("published", {}).items()}.items():
        rows.append((f"published build {_competencies(factor)} / plain (CPU)",
                     f"{p['published']['cpu_s']:.2f} s / {p['plain']['cpu_s']:.2f} s = {p['ratio']:.2f}",
                     "<= 2", mark(p["ratio"] <= 2)))
        for name, cost in p["parts_cpu_s"].items():
            rows.append((f"  {name}, {_competencies(factor)} (CPU added)", f"{cost:.2f} s", "-", "-"))
    for factor, costs in {int(k): v for k, v in r.get("pdfs", {}).items()}.items():
        for name, c in costs.items():
            rows.append((f"  PDF part, {_competencies(factor)}, {name} (CPU; wall; printed / reused)",
                         f"{c['pdf_cpu_s']:.2f} s; {c['pdf_wall_s']:.2f} s; {c['printed']:.0f} / {c['reused']:.0f}",
                         "no change: < 1 s CPU" if name == "no change" else "-",
                         ("pass" if c["pdf_cpu_s"] < 1 else "MISS") if name == "no change" else "-"))
    pdfs = {int(k): v for k, v in r.get("pdfs", {}).items()}
    if len(pdfs) >= 2:  # #30: an edit costs what printing one competency's PDFs costs, at any size
        large = max(pdfs)
        small = 10 if 10 in pdfs and large > 10 else min(pdfs)  # #30 compares 10 and 30
        edit = pdfs[large]["one edit"]["pdf_cpu_s"] / pdfs[small]["one edit"]["pdf_cpu_s"]
        rows.append((f"  PDF part, one edit, {large} / {small} competencies (CPU)", f"{edit:.2f}",
                     "same: <= 1.25", mark(edit <= 1.25)))
        cold = [pdfs[n]["cold"]["pdf_cpu_s"] / n for n in (small, large)]
        rows.append((f"  PDF part, cold, CPU per competency at {small} / {large}",
                     f"{cold[0]:.2f} s / {cold[1]:.2f} s", "linear: last <= 1.25x first", mark(cold[1] <= 1.25 * cold[0])))
    for factor, times in {int(k): v for k, v in r.get("reload", {}).items()}.items():
        median = statistics.median(times)
        rows.append((f"edit to reload, {_competencies(factor)} (median of {len(times)})",
                     f"{median:.2f} s ({', '.join(f'{t:.2f}' for t in times)})", "< 1 s", mark(median < 1)))
        cpus = r.get("reload_cpu", {}).get(factor) or r.get("reload_cpu", {}).get(str(factor))
        if cpus:
            rows.append((f"  serve's CPU for that rebuild, {_competencies(factor)}",
                         f"{statistics.median(cpus):.2f} s", "-", "-"))
    for path, scores in r.get("lighthouse", {}).items():
        rows.append((f"Lighthouse mobile {path}: performance / accessibility",
                     f"{scores['performance']:.0f} / {scores['accessibility']:.0f}", ">= 95 / 100",
                     mark(scores["performance"] >= 95 and scores["accessibility"] >= 100)))
    for path, weight in r.get("weight", {}).items():
        rows.append((f"page weight {path} (gzip)", f"{weight / 1024:.0f} KB", "<= 200 KB", mark(weight <= 200 * 1024)))
    for lang, s in r.get("index", {}).items():
        rows.append((f"search index {lang}", f"{s['index_bytes'] / 1024:.0f} KB ({s['gzip_bytes'] / 1024:.0f} KB gzip) "
                     f"for {s['text_bytes'] / 1024:.0f} KB of text, {s['entries']} entries", "-", "-"))
    if "search_ms" in r:
        rows.append((f"search, {r['search_entries']} entries (median)", f"{r['search_ms']:.1f} ms", "< 50 ms",
                     mark(r["search_ms"] < 50)))
    return rows


def print_table(r: dict) -> None:
    rows = table_rows(r)
    print(f"\nBenchmark {r['date']} on {r['machine']}\n")
    print("| measure | result | goal | mark |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    sys.exit(main())
