"""The self-assessment page: tick the level behaviours you can show, see your level.

The page is a plain form rendered here, in the page's language, from the
levels of ``competency.yml``; ``docs/javascripts/self-assessment.js`` keeps
the answers in the browser (localStorage, never sent), works out the level
and the next steps, and prints, exports, imports or erases the answers. The
words it needs come from ``ui.yml`` as data attributes, so it holds no text.
"""

from __future__ import annotations

import html

from guide.content.markup import attr_id, text
from guide.content.model import Behaviour, Level, Tip
from guide.render.pages import page_path
from guide.render.base import Context, Rendered, section

# Answers are kept per competency. Before the catalogue, the guide had one
# competency, collaboration, whose answers were under its legacy key: the
# script moves them to the new key once. Only that competency has one (another
# may share its item ids and must not claim them).
STORAGE_KEY = "competency-guide:self-assessment:{competency}:v1"
LEGACY_KEYS = {"collaboration": "collaboration-guide:self-assessment:v1"}
NOTE_MAX = 280  # a recent example in a sentence or two; keeps the printed summary on one page

# Words the script shows, by data attribute name → label in ui.yml.
SCRIPT_LABELS = {
    "level-is": "sa_level_is", "level-none": "sa_level_none", "next-none": "sa_next_none",
    "nothing-shown": "sa_nothing_shown", "erase-confirm": "sa_erase_confirm",
    "erased": "sa_erased", "saved": "sa_saved", "imported": "sa_imported",
    "import-failed": "sa_import_failed", "import-confirm": "sa_import_confirm",
    "storage-failed": "sa_storage_failed", "level": "level", "example": "sa_example",
    "import-kept": "sa_import_kept", "kept-shown": "sa_kept_shown",
    "kept-clear-confirm": "sa_kept_clear_confirm", "kept-cleared": "sa_kept_cleared",
}


def render_self_assessment(ctx: Context) -> Rendered:
    levels = ctx.guide.competency.levels
    tips = {tip.id: tip for tip in ctx.guide.tips.tips} if ctx.guide.tips is not None else {}
    labels = " ".join(f'data-label-{name}="{ctx.label(label)}"' for name, label in SCRIPT_LABELS.items()
                      if name != "next-none")
    advice = ctx.guide.competency.highest_level_advice
    labels += f' data-label-next-none="{ctx.t(advice) if advice is not None else ctx.label("sa_next_none")}"'
    competency = attr_id(ctx.guide.folder().id)
    key = STORAGE_KEY.format(competency=competency)
    legacy = LEGACY_KEYS.get(competency)
    legacy_attr = f' data-legacy-key="{legacy}"' if legacy else ""
    form = "\n".join([
        # The self-assessment page says it first: search finds it there.
        f'<p class="guide-sa-intro" data-search-exclude>{ctx.label("sa_intro")}</p>',
        f'<form class="guide-sa" id="guide-sa" data-storage-key="{key}" data-competency="{competency}"{legacy_attr} '
        f'data-levels="{len(levels)}" data-note-max="{NOTE_MAX}" {labels} markdown>',
        f'<p class="guide-sa-instructions">{ctx.label("sa_shown")}</p>',
        *(_level(ctx, level, tips) for level in levels),
        "</form>",
    ])
    first = levels[0]
    result = "\n".join([
        '<div class="guide-sa-result" id="guide-sa-result" data-search-exclude markdown>',
        # Printed only: the summary names its competency, and self-assessment.js the day.
        f'<p class="guide-sa-summary-title">{ctx.label("sa_summary_of", competency=ctx.guide.competency.name.get(ctx.lang))}</p>',
        f'<p class="guide-sa-summary-date" data-sa-date data-label="{ctx.label("sa_summary_date")}"></p>',
        f'<p class="guide-sa-rule">{ctx.label("sa_rule")}</p>',
        f'<p class="guide-sa-level" data-sa-level role="status">{ctx.label("sa_level_none")}</p>',
        f'<h3 id="sa-next">{ctx.label("sa_next")}</h3>',
        f'<ul class="guide-sa-next" data-sa-next>{"".join(_next_step(ctx, first, b) for b in first.behaviours)}</ul>',
        f'<h3 id="sa-shown">{ctx.label("sa_shown_heading")}</h3>',
        f'<div data-sa-shown><p>{ctx.label("sa_nothing_shown")}</p></div>',
        "</div>",
    ])
    actions = "\n".join([
        '<div class="guide-sa-actions">',
        f'<button type="button" class="md-button md-button--primary" data-sa-action="print">{ctx.label("sa_print")}</button>',
        f'<button type="button" class="md-button" data-sa-action="download">{ctx.label("sa_download")}</button>',
        f'<span class="guide-sa-import"><label for="sa-import">{ctx.label("sa_import")}</label> '
        '<input type="file" id="sa-import" accept=".json,application/json"></span>',
        f'<button type="button" class="md-button guide-sa-erase" data-sa-action="erase">{ctx.label("sa_erase")}</button>',
        '<p class="guide-sa-message" data-sa-message role="status"></p>',
        f'<p class="guide-sa-privacy">{ctx.label("sa_privacy")}</p>',
        "</div>",
    ])
    ctx.out.markdown = "\n\n".join([
        form, section("result", ctx.label("sa_result"), result), actions, _kept(ctx)]) + "\n"
    return ctx.out


def _kept(ctx: Context) -> str:
    """Where the script lists stored answers to behaviours the page no longer shows
    (renamed or removed): kept, never dropped by a tick, until the reader clears them.
    Hidden while there are none; never printed (the summary is the result alone)."""
    return "\n".join([
        '<div class="guide-sa-kept" data-sa-kept hidden>',
        f'<h3 id="sa-kept">{ctx.label("sa_kept_heading")}</h3>',
        f'<p>{ctx.label("sa_kept_intro")}</p>',
        '<ul data-sa-kept-list></ul>',
        f'<p><button type="button" class="md-button" data-sa-action="clear-kept">{ctx.label("sa_kept_clear")}</button></p>',
        "</div>",
    ])


def _level(ctx: Context, level: Level, tips: dict[str, Tip]) -> str:
    legend = f"{ctx.label('level')} {level.number} — {ctx.t(level.concept)}"
    behaviours = "\n".join(_behaviour(ctx, level, b, tips) for b in level.behaviours)
    return (f'<fieldset class="guide-sa-level" data-level="{level.number}" markdown>\n'
            f"<legend>{legend}</legend>\n{behaviours}\n</fieldset>")


def _behaviour(ctx: Context, level: Level, behaviour: Behaviour, tips: dict[str, Tip]) -> str:
    key = attr_id(behaviour.id)
    # A competency without tips (or a behaviour naming none) shows no empty box.
    helped = (f'<details class="guide-sa-tips" markdown>\n<summary>{ctx.label("sa_tips")}</summary>\n'
              f"{_tips(ctx, behaviour, tips)}\n</details>") if behaviour.tips else ""
    return "\n".join([
        f'<div class="guide-sa-behaviour" data-behaviour="{key}" data-level="{level.number}" markdown>',
        f'<p class="guide-sa-check"><input type="checkbox" id="sa--{key}" name="shown" value="{key}">'
        f' <label for="sa--{key}">{ctx.t(behaviour)}</label></p>',
        f'<p class="guide-sa-note"><label for="sa-note--{key}">{ctx.label("sa_note")}</label>'
        f'<textarea id="sa-note--{key}" name="note" data-behaviour="{key}" rows="2" maxlength="{NOTE_MAX}"></textarea></p>',
        helped,
        "</div>",
    ])


def _tips(ctx: Context, behaviour: Behaviour, tips: dict[str, Tip]) -> str:
    # Plain HTML with the final address (MkDocs knows it), like a cite.
    page = html.escape(ctx.link(page_path(ctx.guide.folder().id, "tips")), quote=True)
    items = "\n".join(
        f'<li><a href="{page}#{attr_id(t)}">{text((tips[t].card or tips[t]).get(ctx.lang), ctx.lang)}</a></li>'
        for t in behaviour.tips)
    return f'<ul class="guide-sa-tip-links" data-tips-for="{attr_id(behaviour.id)}" markdown>\n{items}\n</ul>'


def _next_step(ctx: Context, level: Level, behaviour: Behaviour) -> str:
    """What the result shows before the script runs (and with no answers): level 1's."""
    return (f'<li data-behaviour="{attr_id(behaviour.id)}">{ctx.label("level")} {level.number} · '
            f"{ctx.t(behaviour)}</li>")


def render_self_assessment_choice(ctx: Context) -> Rendered:
    """The shared self-assessment page: one link per competency to its own form."""
    links = "\n".join(
        f'<li markdown="span">[{ctx.t(f.competency.name)}]({page_path(f.id, "self-assessment")})</li>'
        for f in ctx.guide.competencies)
    ctx.out.markdown = (f'<p>{ctx.label("sa_choose")}</p>\n\n'
                        f'<ul class="guide-sa-choice" markdown>\n{links}\n</ul>\n')
    return ctx.out
