"""The "What changed" page: per release, the items added, removed and reworded.

The notes come from git (``guide/history/releases.py``) and the YAML at each release
(``guide/history/changes.py``); this only lays them out in the page's language.
"""

from __future__ import annotations

from datetime import date

from guide.history.changes import Changes, Wording
from guide.content.decode import DAY_PATTERN
from guide.content.markup import escape
from guide.render.base import Context, Rendered, heading
from guide.render.page_source import long_date


def _dated(label: str, day: str, lang: str) -> str:
    """The day as a <time>, written the way the page's language writes dates ("30 November
    2026", "30 novembre 2026"), when it reads as a day (from a tag, it could be anything:
    then it stays the escaped text it is)."""
    if not DAY_PATTERN.match(day):
        return label
    try:
        shown = long_date(date.fromisoformat(day), lang)
    except ValueError:
        return label
    return label.replace(day, f'<time class="guide-date" datetime="{day}">{escape(shown)}</time>', 1)


def render_changes(ctx: Context) -> Rendered:
    catalogue = ctx.guide.catalogue
    current = ctx.label("changes_current", version=catalogue.version, date=catalogue.released)
    parts = [f"<p>{_dated(current, catalogue.released, ctx.lang)}</p>"]
    # Without a recorded release (a copy without its git tags) there is nothing to
    # compare: say so in a reader's words, without the intro about "each release".
    parts.append(f"<p>{ctx.label('changes_intro' if ctx.releases else 'changes_none')}</p>")
    for notes in ctx.releases:
        anchor = "version-" + notes.version.replace(".", "-")
        parts.append(heading(ctx.label("changes_release", version=notes.version), anchor))
        if notes.previous is None:
            parts.append(f"<p>{_dated(ctx.label('changes_first', count=notes.items, date=notes.day), notes.day, ctx.lang)}</p>")
            continue
        released_on = ctx.label("changes_released_on", date=notes.day, previous=notes.previous)
        parts.append(f"<p>{_dated(released_on, notes.day, ctx.lang)}</p>")
        parts.append(_changes(ctx, notes.changes, anchor) if notes.changes else f"<p>{ctx.label('changes_nothing')}</p>")
    ctx.out.markdown = "\n\n".join(parts) + "\n"
    return ctx.out


def _changes(ctx: Context, changes: Changes, anchor: str) -> str:
    blocks = []
    for kind, items in (("added", changes.added), ("removed", changes.removed)):
        if items:
            rows = "".join(f"<li>{_line(ctx, changes, item)}</li>" for item in items)
            blocks.append(f"{heading(ctx.label(f'changes_{kind}', count=len(items)), f'{anchor}-{kind}', 3)}\n\n"
                          f'<ul class="guide-changes">{rows}</ul>')
    if changes.reworded:
        rows = "".join(f"<li>{_line(ctx, changes, after)}{_before(ctx, before, after)}</li>"
                       for before, after in changes.reworded)
        blocks.append(f"{heading(ctx.label('changes_reworded', count=len(changes.reworded)), f'{anchor}-reworded', 3)}"
                      f'\n\n<ul class="guide-changes">{rows}</ul>')
    return "\n\n".join(blocks)


def _line(ctx: Context, changes: Changes, item: Wording) -> str:
    name = changes.names.get(item.scope)
    where = ctx.t(name) if name is not None else (escape(item.scope) if item.scope else ctx.label("changes_shared"))
    return f'{ctx.t(item.label)} <span class="guide-change-where">{where} · <code>{escape(item.id)}</code></span>'


def _before(ctx: Context, before: Wording, after: Wording) -> str:
    """The old wording, when it differs in the page's language."""
    if before.label.get(ctx.lang) == after.label.get(ctx.lang):
        return ""
    return f'<br><span class="guide-change-before">{ctx.label("changes_before")} {ctx.t(before.label)}</span>'
