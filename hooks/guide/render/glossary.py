"""The glossary page (terms are explained in place by ``glossary_terms``)."""

from __future__ import annotations

from guide.content.markup import attr_id
from guide.render.base import Context, Rendered


def render_glossary(ctx: Context) -> Rendered:
    rows = []
    for term in sorted(ctx.guide.glossary.terms, key=lambda t: t.term.get(ctx.lang).lower()):
        ctx.index(term.id, term.term.get(ctx.lang), term.definition.get(ctx.lang))
        rows.append(f'<tr id="{attr_id(term.id)}"><th scope="row">{ctx.t(term.term)}</th>'
                    f'<td data-label="{ctx.label("definition_column")}">'
                    f'{ctx.t(term.definition)} {ctx.cite(term.source)}</td></tr>')
    ctx.out.markdown = (
        # Plain HTML (the cite is HTML too): a long glossary costs Markdown nothing.
        # Each term is indexed for search on its own (ctx.index), so not the table again.
        '<div class="md-typeset__table guide-stack" data-search-exclude><table>\n'
        f'<thead><tr><th scope="col">{ctx.label("term")}</th>'
        f'<th scope="col">{ctx.label("definition_column")}</th></tr></thead>\n'
        f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>\n"
    )
    return ctx.out
