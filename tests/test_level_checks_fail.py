"""The checks of levels side by side and of the grid, each failing on a page broken on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve
from level_checks import (ShownLevel, column_problems, cumulative_problems, grid_problems, hostile_address_problems,
                          keyboard_column_problems, landscape_pages_problems, side_by_side_problems)

LEVELS = [ShownLevel(1, "Keeps", ("Call back.", "Say thanks."), "level-1"),
          ShownLevel(2, "Builds", ("Meet someone new.",), "level-2"),
          ShownLevel(3, "Networks", ("Plan ahead.",), "level-3")]
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<style>.guide-compare-columns {{ display: flex; gap: 1em }} .guide-compare-column {{ flex: 1 }}</style></head>
<body><main><div class="md-content"><h1>Broken on purpose</h1>{body}</div></main></body></html>"""


def _column(view: str, number: int, items: list[tuple[int, str]], focusable: bool = True) -> str:
    tab = ' tabindex="0"' if focusable else ""
    lis = "".join(f'<li><span class="guide-tag guide-tag--level">Level {k}</span> '
                  f'<span class="guide-compare-text">{text}</span></li>' if view == "cumulative"
                  else f'<li><span class="guide-compare-text">{text}</span></li>' for k, text in items)
    concept = LEVELS[number - 1].concept
    return (f'<section class="guide-compare-column" data-column="{number}" id="{view}-{number}"{tab}>'
            f"<h3>Level {number} — {concept}</h3><ul>{lis}</ul></section>")


def _view(view: str, columns: list[str], hidden: bool = False) -> str:
    return (f'<section class="guide-compare-{view}"{" hidden" if hidden else ""}>'
            f'<div class="guide-compare-columns">{"".join(columns)}</div></section>')


PAGES = {
    # Level 1 lost a behaviour; level 2's behaviour sits in level 3's column.
    "columns": _view("side", [_column("side", 1, [(1, "Call back.")]), _column("side", 2, [(2, "Plan ahead.")]),
                              _column("side", 3, [(3, "Meet someone new.")])]),
    # Level 2's cumulative column forgets level 1; level 3 marks a level-1 behaviour as its own.
    "cumulative": _view("side", [], hidden=True) + _view("cumulative", [
        _column("cumulative", 1, [(1, "Call back."), (1, "Say thanks.")]),
        _column("cumulative", 2, [(2, "Meet someone new.")]),
        _column("cumulative", 3, [(3, "Call back."), (1, "Say thanks."), (2, "Meet someone new."), (3, "Plan ahead.")])]),
    # Levels 2 and 3 asked for, but every level shows, one under the other.
    "stacked": '<style>.guide-compare-columns { display: block !important }</style>'
               + _view("side", [_column("side", n, []) for n in (2, 3)]),
    "all-levels": _view("side", [_column("side", n, []) for n in (1, 2, 3)]),
    # Columns the keyboard cannot reach: no tabindex, nothing focusable inside.
    "no-keyboard": '<a href="#">a link before</a>' + _view("side", [_column("side", n, [], focusable=False) for n in (1, 2)]),
    # A script that writes the address into the page as markup.
    "address-as-markup": '<div class="guide-compare" id="out"></div><script>document.getElementById("out").innerHTML = '
                         'decodeURIComponent(location.search.slice(8))</script>',
    # The grid lost level 3 and points level 2 at the wrong anchor.
    "grid": '<div class="guide-grid"><table><tbody><tr><th><a href="/competencies/teamwork/">Teamwork</a></th>'
            '<td><a href="/competencies/teamwork/#level-1">Keeps</a></td>'
            '<td><a href="/competencies/teamwork/#level-9">Builds</a></td></tr></tbody></table></div>',
    # Two groups printed on one portrait page.
    "print": '<style>@page { size: A4 portrait }</style><div class="guide-grid"><h2>Core</h2><p>a</p><h2>Team</h2><p>b</p></div>',
}


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("broken-levels")
    for name, body in PAGES.items():
        (root / name).mkdir()
        (root / name / "index.html").write_text(PAGE.format(body=body), encoding="utf-8")
    with serve(root) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_column_check_catches_a_missing_and_a_misplaced_behaviour(page, origin):
    page.goto(f"{origin}/columns/")
    problems = column_problems(page, LEVELS, "Level")
    assert problems == [
        "column 1 shows ['Call back.'], expected ['Call back.', 'Say thanks.']",
        "column 2 shows ['Plan ahead.'], expected ['Meet someone new.']",
        "column 3 shows ['Meet someone new.'], expected ['Plan ahead.']"], problems


def test_cumulative_check_catches_a_forgotten_level_and_a_wrong_mark(page, origin):
    page.goto(f"{origin}/cumulative/")
    shown = "\n".join(cumulative_problems(page, LEVELS, "Level"))
    assert "cumulative level 2 shows [('Level 2', 'Meet someone new.')]" in shown, shown
    assert "cumulative level 3 shows [('Level 3', 'Call back.')" in shown, shown
    assert "cumulative level 1" not in shown, shown
    page.goto(f"{origin}/columns/")
    assert cumulative_problems(page, LEVELS, "Level") == ["the side-by-side view still shows beside the cumulative one"]


def test_side_by_side_check_catches_stacked_columns_and_levels_not_chosen(page, origin):
    page.goto(f"{origin}/stacked/?levels=2,3")
    problems = side_by_side_problems(page, [2, 3])
    assert len(problems) == 1 and problems[0].startswith("level 3 is not beside level 2"), problems
    page.goto(f"{origin}/all-levels/?levels=2,3")
    assert side_by_side_problems(page, [2, 3]) == ["columns shown [1, 2, 3], expected [2, 3]"]


def test_keyboard_check_catches_columns_no_key_reaches(page, origin):
    page.goto(f"{origin}/no-keyboard/")
    assert keyboard_column_problems(page, presses=10) == [
        "the keyboard never reaches column 'side-1'", "the keyboard never reaches column 'side-2'"]


def test_hostile_address_check_catches_markup_from_the_address(page, origin):
    page.goto(f"{origin}/address-as-markup/?levels=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3Dtrue%22%3E")
    page.wait_for_function("window.__pwned === true")
    problems = hostile_address_problems(page)
    assert "a script from the address ran" in problems and any("appeared in the page" in p for p in problems), problems


def test_grid_check_catches_a_missing_level_a_wrong_link_and_a_missing_competency(page, origin):
    page.goto(f"{origin}/grid/")
    problems = grid_problems(page, [("teamwork", "Teamwork", LEVELS), ("other", "Other", LEVELS)])
    assert problems == ["'Teamwork' level 2 links to /competencies/teamwork/#level-9",
                        "'Teamwork' shows 2 of its 3 levels", "no row for 'Other'"], problems


def test_print_check_catches_groups_sharing_a_portrait_page(page, origin, tmp_path):
    page.goto(f"{origin}/print/")
    page.emulate_media(media="print")
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    problems = landscape_pages_problems(pdf, ["Core", "Team"])
    assert problems == ["printed on 1 pages, expected 2", "page 1 is portrait (595×842 pt)"], problems
