"""The world-café kit a facilitator can run from, and its one-page run sheet."""

from __future__ import annotations

from guide.content.cards import competency_deck
from guide.content.markup import attr_id, text
from guide.render.base import Context, Rendered, admonition, heading, items_list, section, subheading
from guide.render.diagrams import shown_span, shown_time, timed_slots, timeline_diagram
from guide.render.cards import card_html, sheets_html
from guide.render.downloads import download_section

# The longest place or facilitator name, in UTF-16 units as an input's maxlength
# counts them; run-sheet.js cuts an address's details to it too (data-max).
DETAIL_MAX = 80


def render_workshop(ctx: Context) -> Rendered:
    w = ctx.workshop
    ctx.out.markdown = "\n\n".join([
        section("purpose", ctx.label("workshop_purpose"),
                 ctx.item_line(w.purpose, ctx.plain_label("workshop_purpose")) + "\n\n"
                 + ctx.item_line(w.facilitation, ctx.plain_label("workshop_purpose"))),
        section("question", ctx.label("workshop_question"),
                 admonition("question", ctx.label("workshop_question"),
                             f'<span id="{attr_id(w.question.id)}"></span>'
                             + ctx.item_line(w.question, ctx.plain_label("workshop_question")))),
        section("roles", ctx.label("roles"), _roles(ctx)),
        section("icebreaker", ctx.label("icebreaker"),
                 f'<p id="{attr_id(w.icebreaker.id)}" markdown="span">'
                 f"{ctx.item_line(w.icebreaker, ctx.plain_label('icebreaker'))}</p>"),
        section("timetable", ctx.label("timetable"),
                 timeline_diagram(ctx) + "\n\n" + _timetable(ctx)),
        section("harvest", ctx.label("harvest"), _harvest(ctx)),
        section("checklist", ctx.label("checklist"),
                 items_list(ctx, w.checklist, ctx.plain_label("checklist"))),
        section("run-sheet", ctx.label("run_sheet"),
                 f"[{ctx.label('run_sheet_link')}](run-sheet.md){{ .md-button .md-button--primary }}"),
    ]) + "\n"
    return ctx.out


def _roles(ctx: Context) -> str:
    rows = []
    for role in ctx.workshop.roles:
        ctx.index(role.id, ctx.plain_label("roles"),
                  f"{role.name.get(ctx.lang)}: {role.task.get(ctx.lang)} {role.when.get(ctx.lang)}")
        rows.append(f'<tr id="{attr_id(role.id)}"><th scope="row">{ctx.t(role.name)}</th>'
                    f'<td data-label="{ctx.label("role_task")}">{ctx.t(role.task)}</td>'
                    f'<td data-label="{ctx.label("role_when")}">{ctx.t(role.when)}</td></tr>')
    return ('<div class="md-typeset__table guide-stack"><table>\n'
            f'<thead><tr><th scope="col">{ctx.label("role")}</th><th scope="col">{ctx.label("role_task")}</th>'
            f'<th scope="col">{ctx.label("role_when")}</th></tr></thead>\n'
            f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>")


def _timetable(ctx: Context) -> str:
    blocks = []
    for slot, _, begin, end in timed_slots(ctx.workshop):
        span = shown_span(begin, end, ctx.lang)
        body = [heading(ctx.t(slot.name), attr_id(slot.id), 3),
                f"**{span}** · {slot.minutes} {ctx.label('minutes')}"]
        if slot.activity is not None:
            body.append(ctx.t(slot.activity))
        if slot.questions:
            body.append(f"{subheading(ctx.label('guiding_questions'))}\n\n"
                        + "\n".join(f"- {ctx.t(q)}" for q in slot.questions))
        if slot.past is not None:
            body.append(f'<p class="guide-past"><em>{ctx.label("past_sessions")}</em> {ctx.t(slot.past)}</p>')
        ctx.index(slot.id, f"{slot.name.get(ctx.lang)} ({span})",
                  " ".join([slot.activity.get(ctx.lang) if slot.activity else ""]
                           + [q.get(ctx.lang) for q in slot.questions]
                           + [slot.past.get(ctx.lang) if slot.past else ""]))
        blocks.append("\n\n".join(body))
    return "\n\n".join(blocks)


def _harvest(ctx: Context) -> str:
    groups = []
    for group in ctx.workshop.harvest:
        groups.append(f"{heading(ctx.t(group.name), attr_id(group.id), 3)}\n\n"
                      + items_list(ctx, group.ideas, group.name.get(ctx.lang)))
    return "\n\n".join(groups)


def render_run_sheet(ctx: Context) -> Rendered:
    """The handout for the day, on one printed page: the session's details, the
    question, the timetable with each block's instructions and questions, the roles.

    The details (date, start, place, facilitator) come from the address and are
    filled in by ``run-sheet.js`` as text, and the times recomputed from the start;
    printed without them (the published PDF) they are lines to fill in by hand.
    Ideas from past sessions stay on the workshop page.
    """
    w = ctx.workshop
    rows = []
    for slot, offset, begin, end in timed_slots(w):
        what = [f"<p>{ctx.t(slot.activity)}</p>"] if slot.activity else []
        if slot.questions:
            what.append(f'<p class="guide-rs-questions">{ctx.label("rs_questions")}</p><ul>'
                        + "".join(f"<li>{ctx.t(q)}</li>" for q in slot.questions) + "</ul>")
        rows.append(f'<tr><th scope="row"><span class="guide-rs-time" data-offset="{offset}" '
                    f'data-minutes="{slot.minutes}">{shown_span(begin, end, ctx.lang)}</span></th>'
                    f'<td data-label="{ctx.label("timetable")}"><strong>{ctx.t(slot.name)}</strong></td>'
                    f'<td data-label="{ctx.label("rs_what")}">{"".join(what)}</td></tr>')
    roles = "".join(f"<li><strong>{ctx.t(r.name)}</strong> — {ctx.t(r.task)}</li>" for r in w.roles)
    fields = (("date", "date", ""), ("start", "time", w.start), ("place", "text", ""), ("facilitator", "text", ""))
    limit = f' maxlength="{DETAIL_MAX}"'
    inputs = "".join(
        f'<label>{ctx.label("rs_" + name)} <input type="{kind}" name="{name}" value="{value}"'
        f'{limit if kind == "text" else ""}></label>' for name, kind, value in fields)
    details = "".join(
        f'<div><dt>{text(ctx.plain_label("rs_" + name) + ":", ctx.lang)}</dt><dd data-rs="{name}">'
        f'{shown_time(value, ctx.lang) if name == "start" else value}</dd></div>'
        for name, _, value in fields)
    downloads = (download_section(ctx, ctx.label("pdf_run_sheets"), "run-sheet", ctx.guide.folder().id) + "\n\n"
                 + download_section(ctx, ctx.label("pdf_packs"), "pack", ctx.guide.folder().id))
    ctx.out.markdown = (
        f'<form class="guide-rs-form" data-max="{DETAIL_MAX}" aria-label="{ctx.label("rs_details")}">{inputs}</form>\n\n'
        f'<p class="guide-rs-actions"><button class="md-button md-button--primary guide-print" type="button" '
        f'data-guide-print>{ctx.label("print")}</button></p>\n\n'
        f"{downloads}\n\n"
        f'<div class="guide-run-sheet" data-start="{w.start}">\n'
        f'<dl class="guide-rs-details">{details}</dl>\n'
        f'<h2 class="guide-run-sheet__heading">{ctx.label("workshop_question")}</h2>\n'
        f'<p class="guide-run-sheet__question">{ctx.t(w.question)}</p>\n'
        f'<div class="md-typeset__table guide-stack"><table>\n<thead><tr><th scope="col">{ctx.label("time")}</th>'
        f'<th scope="col">{ctx.label("timetable")}</th><th scope="col">{ctx.label("rs_what")}</th></tr></thead>\n'
        f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>\n"
        f'<h2 class="guide-run-sheet__heading">{ctx.label("roles")}</h2><ul>{roles}</ul>\n'
        "</div>\n\n"
        f"{_pack(ctx)}\n"
    )
    return ctx.out


def _pack(ctx: Context) -> str:
    """The rest of the facilitator's pack, shown after the run sheet with ``?pack=1``
    (run-sheet.js): a card per rotation with its questions, for the tables, then the
    competency's deck, in the page's language, as printed cards."""
    w = ctx.workshop
    name = ctx.t(ctx.guide.competency.name)
    questions = [
        f'<article class="guide-card guide-card--question" lang="{ctx.lang}">'
        f'<h2 class="guide-card__head">{ctx.t(slot.name)}</h2>'
        f'<ul class="guide-card__questions">{"".join(f"<li>{ctx.t(q)}</li>" for q in slot.questions)}</ul>'
        f'<p class="guide-card__foot"><span class="guide-card__competency">{name}</span></p></article>'
        for slot in w.schedule if slot.kind == "rotation"]
    deck = [card_html(ctx, card, ctx.lang) for card in competency_deck(ctx.guide)]
    # Finished HTML, kept out of Markdown and search (Context.defer). Material's
    # search left only part of it out: it ends an excluded element at the first
    # closing tag of the same name, here the first part's </div>, so the whole
    # deck was indexed as the run sheet's text.
    parts = (f'<div class="guide-sheets guide-pack-part">{sheets_html(ctx, questions)}</div>'
             f'<div class="guide-sheets guide-pack-part">{sheets_html(ctx, deck)}</div>')
    return (f'<div class="guide-pack-pool" data-search-exclude><template id="guide-pack">'
            f'{ctx.defer(parts)}</template></div>')
