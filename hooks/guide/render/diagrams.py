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
        f'<figure class="guide-diagram" id="{figure_id}">\n'
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
    width, left, top, bar_area = 640, 20, 30, 130
    column = (width - left - 20) / count
    parts = [f'<text class="guide-svg-axis" x="0" y="14">{_t(ctx, dimensions[0].axis.get(ctx.lang))}</text>']
    desc = []
    for index, level in enumerate(levels):
        x = left + index * column
        bar = bar_area * level.number / count
        parts.append(
            f'<rect class="guide-svg-bar" x="{x + column * 0.2:.1f}" y="{top + bar_area - bar:.1f}" '
            f'width="{column * 0.6:.1f}" height="{bar:.1f}" rx="3"/>'
            f'<text class="guide-svg-label" x="{x + column / 2:.1f}" y="{top + bar_area + 22}" '
            f'text-anchor="middle">{level_word} {level.number}</text>'
        )
        desc.append(f"{labels.level.get(ctx.lang)} {level.number}: " + " ".join(
            f"{named[on.dimension].label.get(ctx.lang)} — {on.get(ctx.lang)}" for on in level.scale))
    axis_y = top + bar_area + 58
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
                f'<text class="guide-svg-label" x="{left}" y="{arrow_y + 22}">'
                f'{_t(ctx, dimension.ends.lower.get(ctx.lang))}</text>'
                f'<text class="guide-svg-label" x="{width}" y="{arrow_y + 22}" text-anchor="end">'
                f'{_t(ctx, dimension.ends.higher.get(ctx.lang))}</text>'
            )
        axis_y = arrow_y + 48
    return _figure(ctx, "scale-diagram", _t(ctx, labels.scale_diagram_title.get(ctx.lang)),
                   _t(ctx, " ".join(desc)), width, axis_y - 16, "".join(parts))


def clock(start: str, minutes: int) -> str:
    hours, mins = map(int, start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60 % 24:02d}:{total % 60:02d}"


def timed_slots(workshop: Workshop) -> list[tuple[Slot, int, str, str]]:
    """Each block of the timetable with its offset in minutes and its clock times."""
    timed, elapsed = [], 0
    for slot in workshop.schedule:
        timed.append((slot, elapsed, clock(workshop.start, elapsed), clock(workshop.start, elapsed + slot.minutes)))
        elapsed += slot.minutes
    return timed


_CLOCK_WIDTH = 44  # "16:05" at 14px, with room to spare


def _clock_label(x: float, width: int, y: int, time: str) -> str:
    """A block's start time, ending at the right edge when it would run past it."""
    if x + 2 + _CLOCK_WIDTH > width:
        return f'<text class="guide-svg-label" x="{width}" y="{y}" text-anchor="end">{time}</text>'
    return f'<text class="guide-svg-label" x="{x + 2:.1f}" y="{y}">{time}</text>'


def timeline_diagram(ctx: Context) -> str:
    """The workshop's blocks side by side, as wide as they are long."""
    workshop = ctx.guide.workshop
    labels = ctx.guide.labels
    total = sum(slot.minutes for slot in workshop.schedule)
    width, bar_y, bar_h = 640, 24, 50
    parts, desc, rotation = [], [], 0
    for slot, elapsed, begin, end in timed_slots(workshop):
        x = width * elapsed / total
        w = width * slot.minutes / total
        rotation += slot.kind == "rotation"
        parts.append(
            f'<rect class="guide-svg-slot guide-svg-slot--{slot.kind}" x="{x:.1f}" y="{bar_y}" '
            f'width="{w - 2:.1f}" height="{bar_h}" rx="3"/>'
            + _clock_label(x, width, bar_y - 8, begin)
        )
        inside = str(rotation) if slot.kind == "rotation" else _t(ctx, slot.name.get(ctx.lang))
        if slot.kind == "rotation" or w > 80:
            parts.append(f'<text class="guide-svg-slot-label guide-svg-slot-label--{slot.kind}" '
                         f'x="{x + w / 2:.1f}" y="{bar_y + bar_h / 2 + 6}" text-anchor="middle">{inside}</text>')
        else:  # too narrow to hold its name: write it underneath, ending at the block
            parts.append(f'<text class="guide-svg-label" x="{x + w:.1f}" y="{bar_y + bar_h + 20}" '
                         f'text-anchor="end">{inside}</text>')
        desc.append(f"{begin}–{end} {slot.name.get(ctx.lang)} ({slot.minutes} {labels.minutes.get(ctx.lang)})")
    parts.append(f'<text class="guide-svg-label" x="{width}" y="{bar_y + bar_h + 40}" text-anchor="end">'
                 f"{clock(workshop.start, total)}</text>")
    return _figure(ctx, "workshop-timeline", _t(ctx, labels.timeline_title.get(ctx.lang)),
                   _t(ctx, "; ".join(desc)), width, bar_y + bar_h + 48, "".join(parts))
