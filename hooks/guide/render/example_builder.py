"""The example builder: an employee writes one real event that shows the competency at a target level.

A plain form rendered here, in the page's language, from the competency's own data: its
scale, and for each level the behaviours, effort, benefit, example and what sets it
apart from the level below (as the compare page shows them). Every prompt comes from
``competency.yml``; ``ui.yml`` gives only the frame's words. ``docs/javascripts/
example-builder.js`` keeps the text in the browser (localStorage, never sent), shows the
chosen level's prompts, and prints, exports, imports or erases the example.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.content.markup import attr_id
from guide.content.model import CompetencyFolder, Level, Text
from guide.render.base import Context, Rendered

STORAGE_KEY = "competency-guide:example-builder:{competency}:v1"
FORMAT = "competency-guide-example"  # the exported file's format name (the script checks it)
# The fields every example has, in the order written and printed: name → ui.yml label;
# then one per dimension of the competency's own scale (``fields``). A field's text is
# capped so the printout of all of them stays on one page.
FIELDS = {"situation": "eb_situation", "action": "eb_action", "whom": "eb_whom"}
FIELD_MAX = 700

SCRIPT_LABELS = {
    "erase-confirm": "eb_erase_confirm", "erased": "eb_erased", "saved": "eb_saved",
    "imported": "eb_imported", "import-failed": "eb_import_failed", "import-confirm": "eb_import_confirm",
    "import-kept": "eb_import_kept", "storage-failed": "eb_storage_failed", "level": "level",
}


@dataclass(frozen=True)
class ScalePrompt:
    """One dimension of the competency's scale, as a prompt: its name and both ends."""

    name: Text
    lower: Text
    higher: Text


def scale_prompts(folder: CompetencyFolder) -> list[ScalePrompt]:
    """The competency's scale dimensions: the one place the builder and the rating guide
    read the scale from, so a change of the scale's model changes only this function."""
    return [ScalePrompt(d.name, d.lower, d.higher) for d in folder.competency.scale]


def fields(ctx: Context) -> list[tuple[str, str]]:
    """(name, escaped label) of every field: the fixed ones, then one per scale dimension,
    named by the competency itself (collaboration: the effort it took, the benefit)."""
    own = [(name, ctx.label(label)) for name, label in FIELDS.items()]
    return own + [(f"dimension-{attr_id(d.id)}", ctx.t(d.name)) for d in ctx.guide.competency.scale]


def on_scale(ctx: Context, level: Level) -> list[tuple[str, str]]:
    """(the dimension's label, where ``level`` stands on it), escaped, in the scale's order."""
    dimensions = {d.id: d for d in ctx.guide.competency.scale}
    return [(ctx.t(dimensions[on.dimension].label), ctx.t(on)) for on in level.scale]


def scale_prompt(ctx: Context, label: str, prompt: ScalePrompt) -> str:
    """A label naming one dimension of the scale and both its ends (``{dimension}``, ``{lower}``, ``{higher}``)."""
    return ctx.label(label, dimension=prompt.name.get(ctx.lang), lower=prompt.lower.get(ctx.lang),
                     higher=prompt.higher.get(ctx.lang))


def level_title(ctx: Context, level: Level) -> str:
    return ctx.label("eb_level_concept", level=str(level.number), concept=level.concept.get(ctx.lang))


def render_example_builder(ctx: Context) -> Rendered:
    folder = ctx.guide.folder()
    levels = folder.competency.levels
    competency = attr_id(folder.id)
    labels = " ".join(f'data-label-{name}="{ctx.label(label)}"' for name, label in SCRIPT_LABELS.items())
    options = "".join(f'<option value="{lv.number}">{level_title(ctx, lv)}</option>' for lv in levels)
    scale = "".join(f"<li>{scale_prompt(ctx, 'eb_scale_prompt', p)}</li>" for p in scale_prompts(folder))
    written = "\n".join(_field(name, label) for name, label in fields(ctx))
    asides = "\n".join(_aside(ctx, levels, i) for i in range(len(levels)))
    ctx.out.markdown = "\n".join([
        f'<p class="guide-eb-intro">{ctx.label("eb_intro")}</p>',
        f'<form class="guide-eb" id="guide-eb" data-storage-key="{STORAGE_KEY.format(competency=competency)}" '
        f'data-format="{FORMAT}" data-competency="{competency}" data-field-max="{FIELD_MAX}" {labels}>',
        f'<p class="guide-eb-choose"><label for="eb-level">{ctx.label("eb_level")}</label> '
        f'<select id="eb-level" name="level"><option value="">{ctx.label("eb_level_none")}</option>{options}</select></p>',
        '<div class="guide-eb-columns">',
        f'<div class="guide-eb-fields">\n{written}\n</div>',
        f'<div class="guide-eb-prompts" data-search-exclude>\n'
        f'<div class="guide-eb-scale"><p>{ctx.label("eb_scale_heading")}</p><ul>{scale}</ul></div>\n'
        f'{asides}\n</div>',
        '</div>',
        '</form>',
        '<div class="guide-eb-actions">',
        f'<button type="button" class="md-button md-button--primary" data-eb-action="print">{ctx.label("eb_print")}</button>',
        f'<button type="button" class="md-button" data-eb-action="download">{ctx.label("eb_download")}</button>',
        f'<span class="guide-eb-import"><label for="eb-import">{ctx.label("eb_import")}</label> '
        '<input type="file" id="eb-import" accept=".json,application/json"></span>',
        f'<button type="button" class="md-button" data-eb-action="erase">{ctx.label("eb_erase")}</button>',
        '<p class="guide-eb-message" data-eb-message role="status"></p>',
        f'<p class="guide-eb-privacy">{ctx.label("eb_privacy")}</p>',
        '</div>',
        _printout(ctx),
    ]) + "\n"
    return ctx.out


def _field(name: str, label: str) -> str:
    return (f'<p class="guide-eb-field"><label for="eb-{name}">{label}</label>'
            f'<textarea id="eb-{name}" name="{name}" rows="4" maxlength="{FIELD_MAX}"></textarea></p>')


def _aside(ctx: Context, levels: list[Level], index: int) -> str:
    """What the chosen level asks the example to show: its behaviours, effort, benefit and
    example, and what sets it apart from the level below. The script shows the chosen one."""
    level = levels[index]
    behaviours = "".join(f"<li>{ctx.t(b)}</li>" for b in level.behaviours)
    if index == 0:
        differs = f'<p>{ctx.label("eb_first")}</p>'
    else:
        # Each part of the level below beside this level's, as the compare page sets them side by side.
        below = levels[index - 1]
        dimensions = {d.id: d for d in ctx.guide.competency.scale}
        parts = [(ctx.label("concept"), below.concept, level.concept)] + [
            (ctx.t(dimensions[was.dimension].label), was, now)
            for was, now in zip(below.scale, level.scale, strict=True)]
        pairs = "".join(
            f"<li><strong>{name}</strong><br>"
            f"{ctx.label('eb_level_concept', level=str(below.number), concept=was.get(ctx.lang))}<br>"
            f"{ctx.label('eb_level_concept', level=str(level.number), concept=now.get(ctx.lang))}</li>"
            for name, was, now in parts)
        differs = (f'<p class="guide-eb-subheading">{ctx.label("eb_differs", level=str(below.number))}</p>'
                   f"<ul>{pairs}</ul>")
    note = f'<p class="guide-eb-note">{ctx.t(level.note)}</p>' if level.note is not None else ""
    return "\n".join([
        f'<section class="guide-eb-level" data-eb-level="{level.number}" aria-label="{level_title(ctx, level)}" hidden>',
        f'<p class="guide-eb-subheading">{level_title(ctx, level)}</p>',
        f'<p class="guide-eb-subheading">{ctx.label("eb_show")}</p>',
        f"<ul>{behaviours}</ul>{note}",
        *(f"<p><strong>{label}</strong> — {where}</p>" for label, where in on_scale(ctx, level)),
        f'<p><strong>{ctx.label("example")}</strong> — {ctx.t(level.example)} {ctx.cite(level.example.source)}</p>',
        differs,
        "</section>",
    ])


def _printout(ctx: Context) -> str:
    """The one-page printout: filled by the script (as text) just before printing."""
    parts = "".join(f'<p class="guide-eb-print-label">{label}</p><p data-eb-print-field="{name}"></p>'
                    for name, label in fields(ctx))
    return (f'<div class="guide-eb-print" data-eb-print aria-hidden="true">'
            f'<p class="guide-eb-print-title">{ctx.t(ctx.guide.competency.name)}</p>'
            f'<p data-eb-print-level></p><p>{ctx.label("eb_date")} <span data-eb-print-date></span></p>'
            f"{parts}</div>")
