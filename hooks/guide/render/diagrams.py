"""Pictures drawn at build time from the model, as inline SVG.

Each figure is an ``<svg role="img">`` with a title and a description that
say in words what the picture shows, followed by a visible caption; colours
come from Material's CSS variables so both colour schemes work. No script.
"""

from __future__ import annotations

from html import escape as html_escape

from guide.content.model import Slot, Workshop
from guide.content.typography import for_language
from guide.render.base import Context


def _t(ctx: Context, value: str) -> str:
    return html_escape(for_language(value, ctx.lang), quote=True)


def _figure(ctx: Context, figure_id: str, title: str, desc: str, width: int, height: int, body: str) -> str:
    return (
        f'<figure class="guide-diagram" id="{figure_id}" data-search-exclude>\n'
        f'<svg role="img" aria-labelledby="{figure_id}-title {figure_id}-desc" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{figure_id}-title">{title}</title><desc id="{figure_id}-desc">{desc}</desc>'
        f"{body}</svg>\n<figcaption>{title}</figcaption>\n</figure>"
    )


def scale_diagram(ctx: Context) -> str:
    """The levels against the competency's own scale: bars that grow along its first dimension,
    then an arrow for each other dimension, each named in the competency's words."""
    competency = ctx.guide.competency
    levels, dimensions = competency.levels, competency.scale
    labels = ctx.guide.labels
    level_word = _t(ctx, labels.level.get(ctx.lang))
    named = {dim.id: dim for dim in dimensions}
    count = len(levels)
    # Room for text drawn at 24 units on a phone (guide.css), where the picture is halved.
    width, left, top, bar_area = 640, 20, 40, 130
    column = (width - left - 20) / count
    parts = [f'<text class="guide-svg-axis" x="0" y="24">{_t(ctx, dimensions[0].axis.get(ctx.lang))}</text>']
    desc = []
    for index, level in enumerate(levels):
        x = left + index * column
        bar = bar_area * level.number / count
        parts.append(
            f'<rect class="guide-svg-bar" x="{x + column * 0.2:.1f}" y="{top + bar_area - bar:.1f}" '
            f'width="{column * 0.6:.1f}" height="{bar:.1f}" rx="3"/>'
            f'<text class="guide-svg-label" x="{x + column / 2:.1f}" y="{top + bar_area + 30}" '
            f'text-anchor="middle">{level_word} {level.number}</text>'
        )
        desc.append(f"{labels.level.get(ctx.lang)} {level.number}: " + " ".join(
            f"{named[on.dimension].label.get(ctx.lang)} — {on.get(ctx.lang)}" for on in level.scale))
    axis_y = top + bar_area + 72
    for dimension in dimensions[1:]:
        arrow_y = axis_y + 16
        parts.append(
            f'<text class="guide-svg-axis" x="0" y="{axis_y}">{_t(ctx, dimension.axis.get(ctx.lang))}</text>'
            f'<line class="guide-svg-arrow" x1="{left}" y1="{arrow_y}" x2="{width - 12}" y2="{arrow_y}"/>'
            f'<polygon class="guide-svg-arrowhead" points="{width - 12},{arrow_y - 6} {width},{arrow_y} '
            f'{width - 12},{arrow_y + 6}"/>'
        )
        if dimension.ends is not None:
            parts.append(
                f'<text class="guide-svg-label" x="{left}" y="{arrow_y + 32}">'
                f'{_t(ctx, dimension.ends.lower.get(ctx.lang))}</text>'
                f'<text class="guide-svg-label" x="{width}" y="{arrow_y + 32}" text-anchor="end">'
                f'{_t(ctx, dimension.ends.higher.get(ctx.lang))}</text>'
            )
        axis_y = arrow_y + 56
    return _figure(ctx, "scale-diagram", _t(ctx, labels.scale_diagram_title.get(ctx.lang)),
                   _t(ctx, " ".join(desc)), width, axis_y - 16, "".join(parts))


def clock(start: str, minutes: int) -> str:
    hours, mins = map(int, start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60 % 24:02d}:{total % 60:02d}"


def shown_time(hhmm: str, lang: str) -> str:
    """A clock time as the language writes it: "09:30" in English, « 9 h 30 » (« 14 h » on the
    hour) in French, with no-break spaces. The same rule as run-sheet.js's shownTime."""
    if lang != "fr":
        return hhmm
    hours, minutes = hhmm.split(":")
    return f"{int(hours)}\u00a0h" + ("" if minutes == "00" else f"\u00a0{minutes}")


def shown_span(begin: str, end: str, lang: str) -> str:
    """A block's times: "09:30–09:50"; in French « 9 h 30 – 9 h 50 », spaced, as its times are."""
    if lang != "fr":
        return f"{begin}–{end}"
    return f"{shown_time(begin, lang)}\u00a0– {shown_time(end, lang)}"


def timed_slots(workshop: Workshop) -> list[tuple[Slot, int, str, str]]:
    """Each block of the timetable with its offset in minutes and its clock times."""
    timed, elapsed = [], 0
    for slot in workshop.schedule:
        timed.append((slot, elapsed, clock(workshop.start, elapsed), clock(workshop.start, elapsed + slot.minutes)))
        elapsed += slot.minutes
    return timed


def _clock_width(time: str) -> float:
    """Room for a time at 24 units (a phone's size, guide.css), with some to spare."""
    return 14 * len(time) + 2


def _clock_label(x: float, width: int, y: int, time: str, free_from: float) -> tuple[str, float]:
    """A block's start time, ending at the right edge when it would run past it; none when
    it would touch the last one written (a five-minute block: "16:0516:10"; the timetable
    beside the picture gives every time). Returns the text and where the next may start."""
    start = min(x + 2, width - _clock_width(time))
    if start < free_from:
        return "", free_from
    if start < x + 2:
        return f'<text class="guide-svg-label" x="{width}" y="{y}" text-anchor="end">{time}</text>', width
    return f'<text class="guide-svg-label" x="{start:.1f}" y="{y}">{time}</text>', start + _clock_width(time)


def timeline_diagram(ctx: Context) -> str:
    """The workshop's blocks side by side, as wide as they are long."""
    workshop = ctx.workshop
    labels = ctx.guide.labels
    total = sum(slot.minutes for slot in workshop.schedule)
    width, bar_y, bar_h = 640, 32, 50
    parts, desc, rotation, free_from = [], [], 0, 0.0
    rows: list[float] = []  # per row of names written underneath, where its last name ends
    for slot, elapsed, begin, end in timed_slots(workshop):
        x = width * elapsed / total
        w = width * slot.minutes / total
        rotation += slot.kind == "rotation"
        label, free_from = _clock_label(x, width, bar_y - 8, shown_time(begin, ctx.lang), free_from)
        parts.append(
            f'<rect class="guide-svg-slot guide-svg-slot--{slot.kind}" x="{x:.1f}" y="{bar_y}" '
            f'width="{w - 2:.1f}" height="{bar_h}" rx="3"/>' + label
        )
        name = slot.name.get(ctx.lang)
        inside = str(rotation) if slot.kind == "rotation" else _t(ctx, name)
        # Room for the name at a phone's size (26 units, guide.css).
        if slot.kind == "rotation" or w > 15 * len(name) + 8:
            parts.append(f'<text class="guide-svg-slot-label guide-svg-slot-label--{slot.kind}" '
                         f'x="{x + w / 2:.1f}" y="{bar_y + bar_h / 2 + 6}" text-anchor="middle">{inside}</text>')
        else:  # too narrow to hold its name: underneath, ending at the block, on the first row with room
            left = x + w - _clock_width(name)
            row = next((n for n, taken in enumerate(rows) if left > taken), len(rows))
            rows[row:row + 1] = [x + w]
            parts.append(f'<text class="guide-svg-label" x="{x + w:.1f}" y="{bar_y + bar_h + 28 + 28 * row}" '
                         f'text-anchor="end">{inside}</text>')
        desc.append(f"{shown_span(begin, end, ctx.lang)} {slot.name.get(ctx.lang)} "
                    f"({slot.minutes} {labels.minutes.get(ctx.lang)})")
    below = bar_y + bar_h + 28 * len(rows)
    parts.append(f'<text class="guide-svg-label" x="{width}" y="{below + 28}" text-anchor="end">'
                 f"{shown_time(clock(workshop.start, total), ctx.lang)}</text>")
    return _figure(ctx, "workshop-timeline", _t(ctx, labels.timeline_title.get(ctx.lang)),
                   _t(ctx, "; ".join(desc)), width, below + 36, "".join(parts))
