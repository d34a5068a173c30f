"""Checks for levels side by side and the catalogue grid, read as a person sees them.

Each takes a Playwright page (or a printed PDF) and what the data says should
be there, and returns the problems in words. They read rendered text
(``innerText``) and what is visible, never the HTML source.
``test_level_checks_fail`` shows each one failing on a page broken on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from html_text import normalise


@dataclass(frozen=True)
class ShownLevel:
    """A level as a reader should meet it, in one language: its number, concept and behaviours."""

    number: int
    concept: str
    behaviours: tuple[str, ...]
    anchor: str = ""  # the level's id: its anchor on the competency page


def shown_levels(competency, lang: str) -> list[ShownLevel]:
    """The levels of a model ``Competency`` as typeset for ``lang``."""
    from guide.content.typography import for_language

    return [ShownLevel(level.number, normalise(for_language(level.concept.get(lang), lang)),
                       tuple(normalise(for_language(b.get(lang), lang)) for b in level.behaviours), level.id)
            for level in competency.levels]


_COLUMNS = """view => [...document.querySelectorAll(`.guide-compare-${view} .guide-compare-column`)]
  .filter(col => col.checkVisibility())
  .map(col => ({number: Number(col.dataset.column), title: col.querySelector('h3').innerText,
                items: [...col.querySelectorAll('li')].filter(li => li.checkVisibility()).map(li => ({
                   level: li.querySelector('.guide-tag--level')?.innerText ?? null,
                   text: li.querySelector('.guide-compare-text')?.innerText ?? li.innerText}))}))"""


def _columns(page, view: str) -> list[dict]:
    columns = page.evaluate(_COLUMNS, view)
    for column in columns:
        column["title"] = normalise(column["title"])
        for item in column["items"]:
            item["text"] = normalise(item["text"])
            item["level"] = item["level"] and normalise(item["level"])
    return columns


def column_problems(page, levels: list[ShownLevel], level_word: str) -> list[str]:
    """Side by side: one visible column per level, titled with its concept, its behaviours in order."""
    columns = {c["number"]: c for c in _columns(page, "side")}
    problems = []
    if sorted(columns) != [lv.number for lv in levels]:
        problems.append(f"columns shown {sorted(columns)}, levels {[lv.number for lv in levels]}")
    for level in levels:
        column = columns.get(level.number)
        if column is None:
            continue
        if column["title"] != f"{level_word} {level.number} — {level.concept}":
            problems.append(f"column {level.number} is titled {column['title']!r}")
        shown = [item["text"] for item in column["items"]]
        if shown != list(level.behaviours):
            problems.append(f"column {level.number} shows {shown}, expected {list(level.behaviours)}")
    return problems


def cumulative_problems(page, levels: list[ShownLevel], level_word: str) -> list[str]:
    """Cumulative view: column N shows exactly the behaviours of levels 1 to N, each with its level."""
    if page.locator(".guide-compare-side").first.is_visible():
        return ["the side-by-side view still shows beside the cumulative one"]
    columns = {c["number"]: c for c in _columns(page, "cumulative")}
    problems = []
    if sorted(columns) != [lv.number for lv in levels]:
        problems.append(f"cumulative columns shown {sorted(columns)}, levels {[lv.number for lv in levels]}")
    for index, level in enumerate(levels):
        column = columns.get(level.number)
        if column is None:
            continue
        expected = [(f"{level_word} {lower.number}", text) for lower in levels[:index + 1]
                    for text in lower.behaviours]
        shown = [(item["level"], item["text"]) for item in column["items"]]
        if shown != expected:
            problems.append(f"cumulative level {level.number} shows {shown}, expected {expected}")
    return problems


def side_by_side_problems(page, numbers: list[int]) -> list[str]:
    """Exactly the columns ``numbers`` show, in order, next to each other and wholly on screen."""
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.guide-compare-column')].filter(c => c.checkVisibility())
             .map(c => { const r = c.getBoundingClientRect();
                         return [Number(c.dataset.column), r.left, r.top, r.right] })""")
    shown = [number for number, *_ in boxes]
    if shown != numbers:
        return [f"columns shown {shown}, expected {numbers}"]
    width = page.evaluate("document.documentElement.clientWidth")
    problems = []
    for (a, _, top_a, right_a), (b, left_b, top_b, _) in pairwise(boxes):
        if abs(top_a - top_b) > 2 or left_b < right_a:
            problems.append(f"level {b} is not beside level {a} (tops {top_a:.0f}/{top_b:.0f})")
    for number, left, _, right in boxes:
        if left < 0 or right > width + 1:
            problems.append(f"level {number} is not wholly on screen ({left:.0f}-{right:.0f}px of {width}px)")
    return problems


def keyboard_column_problems(page, presses: int = 200) -> list[str]:
    """Tabbing through the page from its top reaches every visible column."""
    visible = page.evaluate("""() => [...document.querySelectorAll('.guide-compare-column')]
        .filter(c => c.checkVisibility()).map(c => c.id)""")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    reached: set[str] = set()
    for _ in range(presses):
        page.keyboard.press("Tab")
        column = page.evaluate("document.activeElement?.closest('.guide-compare-column')?.id ?? null")
        if column:
            reached.add(column)
        if reached >= set(visible):
            break
    return [f"the keyboard never reaches column {c!r}" for c in visible if c not in reached]


def hostile_address_problems(page) -> list[str]:
    """An address with markup or unknown levels changes nothing but the controls' state."""
    problems = []
    if page.evaluate("window.__pwned === true"):
        problems.append("a script from the address ran")
    injected = page.evaluate("document.querySelectorAll('.md-content img, .md-content [onerror]').length")
    if injected:
        problems.append(f"{injected} element(s) from the address appeared in the page")
    return problems


def grid_problems(page, competencies: list[tuple[str, str, list[ShownLevel]]]) -> list[str]:
    """The grid has a row per competency (``id``, name, levels): each cell a level's concept linking to it."""
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.guide-grid tbody tr')].map(tr => [...tr.children].map(cell => {
             const a = cell.querySelector('a');
             return {text: cell.innerText,
                     href: a ? new URL(a.href).pathname + new URL(a.href).hash : null} }))""")
    by_name = {normalise(row[0]["text"]): row for row in rows}
    problems = []
    for competency_id, name, levels in competencies:
        row = by_name.get(normalise(name))
        if row is None:
            problems.append(f"no row for {name!r}")
            continue
        if not (row[0]["href"] or "").endswith(f"/competencies/{competency_id}/"):
            problems.append(f"{name!r} links to {row[0]['href']}")
        cells = row[1:1 + len(levels)]
        for level, cell in zip(levels, cells, strict=False):  # fewer cells: reported below
            if normalise(cell["text"]) != level.concept:
                problems.append(f"{name!r} level {level.number} shows {cell['text']!r}, expected {level.concept!r}")
            if not (cell["href"] or "").endswith(f"/competencies/{competency_id}/#{level.anchor}"):
                problems.append(f"{name!r} level {level.number} links to {cell['href']}")
        if len(cells) < len(levels):
            problems.append(f"{name!r} shows {len(cells)} of its {len(levels)} levels")
    return problems


def landscape_pages_problems(pdf_path: Path, headings: list[str]) -> list[str]:
    """The printed PDF has one page per heading, each wider than tall and showing its heading."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        sizes = [(float(p.width), float(p.height)) for p in pdf.pages]
        texts = [normalise((p.extract_text() or "").replace("\n", " ")) for p in pdf.pages]
    problems = []
    if len(sizes) != len(headings):
        problems.append(f"printed on {len(sizes)} pages, expected {len(headings)}")
    problems += [f"page {i} lacks {heading!r}" for i, (heading, text) in enumerate(zip(headings, texts, strict=False), 1)
                 if normalise(heading) not in text]
    problems += [f"page {i} is portrait ({w:.0f}×{h:.0f} pt)" for i, (w, h) in enumerate(sizes, 1) if w <= h]
    return problems
