"""What every renderer shares: the output type and small building blocks."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import escape as html_escape
from typing import Callable, TypeVar

from guide.content.cards import item_codes
from guide.content.markup import attr_id, escape, text
from guide.content.model import Guide, Item, Source, TipsFile, WhyFile, Workshop
from guide.content.typography import NBSP, NNBSP, for_language


P = TypeVar("P")


def _counted(label: str, count: int | None) -> str:
    return label if count is None else label.replace("{count}", str(count))


def _part(part: P | None, name: str) -> P:
    if part is None:
        raise LookupError(f"this competency has no {name}, so it has no page that shows it")
    return part


def ui_text(guide: Guide, name: str, lang: str) -> str:
    """A label from ui.yml as plain text, typeset for ``lang`` (for templates and config)."""
    return for_language(getattr(guide.labels, name).get(lang), lang)


@dataclass(frozen=True)
class SearchEntry:
    """One item that search should find on its own, linking to its anchor.

    ``title`` and ``text`` are HTML, like the entries Material writes from pages:
    its search results insert them as HTML, so editor text is escaped for it.
    """

    anchor: str
    title: str
    text: str


# Where a block of finished HTML stands in the Markdown until the page is written
# (``Context.defer``). Editor text cannot write it: text() escapes "<".
DEFERRED = "<!--guide-deferred:{}-->"


@dataclass
class Rendered:
    markdown: str
    entries: list[SearchEntry] = field(default_factory=list)
    # Placeholder -> finished HTML, put into the written page (see Context.defer).
    deferred: dict[str, str] = field(default_factory=dict)


@dataclass
class RenderMemo:
    """What a renderer may reuse from one page, or one preview save, to the next: both
    deck files hold every card in both languages, and a save changes a few cards."""

    cards_key: object = None  # the labels and site address the cards below were rendered with
    cards_html: dict[tuple[object, str], str] = field(default_factory=dict)  # (card, language) -> HTML
    # qr_key -> a card's QR code as SVG: drawing one is the costly part of a card. The site
    # layer may fill it from an earlier build's codes (guide.publish.qr_cache) and keep it.
    qr_codes: dict[str, str] = field(default_factory=dict)
    qr_drawn: int = 0  # codes drawn, not found in qr_codes
    # competency id -> ((its folder, the labels, the site address), its deck file): see cards.deck_script
    deck_scripts: dict[str, tuple[tuple[object, object, object], str]] = field(default_factory=dict)


@dataclass
class Context:
    """A renderer's inputs: the guide, the page's language, and the output so far."""

    guide: Guide
    lang: str
    out: Rendered = field(default_factory=lambda: Rendered(""))
    status: list | None = None  # translation status (translation_status.Stale), None if unknown
    reviewed: tuple = ()  # standing translation reviews (translation_status.Reviewed)
    site_url: str | None = None  # the public address, for QR codes on cards
    downloads: tuple = ()  # the PDFs a published build prints (downloads.Download), none otherwise
    site_root: str = ""  # relative path from the page to the site root, e.g. "../../"
    offline_bundle: str | None = None  # the zip of the whole site, when this build publishes one
    releases: tuple = ()  # recorded releases, newest first (releases.ReleaseNotes)
    # The address of another page (by its source, "sources.md") relative to this
    # page, in this language; MkDocs knows it (directory URLs or not, i18n prefix).
    link: Callable[[str], str] = lambda src_uri: src_uri
    memo: RenderMemo = field(default_factory=RenderMemo)  # none given: nothing reused

    def label(self, name: str, lang: str | None = None, count: int | None = None, **values: str) -> str:
        """A label, escaped and typeset, in the page's language or in ``lang``.

        A label that counts something says ``{count}``; the number comes from the
        data, so adding a tip never leaves a heading saying "Eleven". Other
        ``{name}`` places are filled from ``values`` (plain text, escaped here too).
        """
        lang = lang or self.lang
        filled = _counted(getattr(self.guide.labels, name).get(lang), count)
        for key, value in values.items():
            filled = filled.replace("{" + key + "}", value)
        return text(filled, lang)

    def plain_label(self, name: str, count: int | None = None, lang: str | None = None) -> str:
        """A label typeset but not escaped, for a destination that escapes it itself."""
        lang = lang or self.lang
        return for_language(_counted(getattr(self.guide.labels, name).get(lang), count), lang)

    # A competency's optional files, for the renderers of the pages made only when
    # the folder has them (a missing one there is a bug, said plainly).
    @property
    def why(self) -> WhyFile:
        return _part(self.guide.why, "why.yml")

    @property
    def tips(self) -> TipsFile:
        return _part(self.guide.tips, "tips.yml")

    @property
    def workshop(self) -> Workshop:
        return _part(self.guide.workshop, "workshop.yml")

    def t(self, bilingual: object) -> str:
        """The escaped, typeset text of anything with ``en`` and ``fr``."""
        return text(bilingual.get(self.lang), self.lang)  # type: ignore[attr-defined]

    def defer(self, finished_html: str) -> str:
        """A placeholder for HTML that needs nothing more from Markdown, search or the
        glossary pass (the card deck: a megabyte at 30 competencies, parsed five times
        over for nothing). The page gets it when it is written. It must hold no id,
        link or script: those passes are what check them.
        """
        placeholder = DEFERRED.format(len(self.out.deferred))
        self.out.deferred[placeholder] = finished_html
        return placeholder

    def index(self, anchor: str, title: str, body: str) -> None:
        self.out.entries.append(SearchEntry(anchor, html.escape(title, quote=False),
                                            html.escape(for_language(body, self.lang), quote=False)))

    def cite(self, source_id: str) -> str:
        """A short link to the item's source on the sources page.

        Plain HTML with its final address, not Markdown: it reads the same in a
        paragraph, a list, or a table cell that Markdown never converts.
        """
        if source_id not in self.guide.sources:  # only a draft's, still to choose (the loader refuses others)
            return f'<mark class="guide-to-write">{self.label("to_choose")}</mark>'
        source: Source = self.guide.sources[source_id]
        name = text(source.short.get(self.lang), self.lang)
        href = html_escape(f"{self.link('sources.md')}#{attr_id(source_id)}", quote=True)
        # guide.render.citations numbers it once the page is rendered, by data-source.
        return f'<a class="guide-cite" href="{href}" data-source="{attr_id(source_id)}" data-search-exclude>{name}</a>'

    @cached_property
    def card_codes(self) -> dict[str, str]:
        """Item id -> the code printed on its card, for the competency in focus."""
        return item_codes(self.guide) if self.guide.focus_id else {}

    def item_line(self, item: Item, title: str) -> str:
        """An item's text with its source, and its card's code when it is printed as a
        card (so a printed card can be looked up); indexed for search under ``title``."""
        self.index(item.id, title, item.get(self.lang))
        code = self.card_codes.get(item.id)
        card = (f' <span class="guide-card-code" data-search-exclude>{self.label("card_code")}&#160;{escape(code)}</span>'
                if code else "")
        return f"{self.t(item)} {self.cite(item.source)}{card}"


# -- Markdown building blocks shared by the page renderers -------------------------

def heading(title: str, anchor: str, depth: int = 2) -> str:
    """A Markdown heading with a stable anchor.

    No-break spaces travel as character references: the toc extension collapses
    white space (no-break spaces included) when it writes the table of contents,
    so "Rotation 1 : …" lost the no-break space the heading keeps; references it leaves alone.
    """
    kept = title.replace(NBSP, "&#160;").replace(NNBSP, "&#8239;")
    return f"{'#' * depth} {kept} {{ #{anchor} }}"


def subheading(title: str) -> str:
    """A heading inside an item (a level's behaviours, a block's questions), kept out of the contents."""
    return f'<h4 class="guide-subheading">{title}</h4>'


def section(anchor: str, title: str, body: str, depth: int = 2) -> str:
    """A heading with a stable anchor, then its body."""
    return f"{heading(title, anchor, depth)}\n\n{body}"


def stacked_table(headers: list[str], rows: list[list[str]]) -> str:
    """An HTML table whose rows stack on a phone, each cell naming its column.

    ``headers`` and cells are HTML already escaped by the caller. The first
    column heads its row; the others carry ``data-label`` (see guide.css).
    """
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "\n".join(
        f'<tr><th scope="row">{cells[0]}</th>'
        + "".join(f'<td data-label="{h}">{c}</td>' for h, c in zip(headers[1:], cells[1:], strict=True))
        + "</tr>"
        for cells in rows)
    return (f'<div class="md-typeset__table guide-stack"><table>\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody></table></div>")


def admonition(kind: str, title: str, body: str) -> str:
    """One of Material's admonitions (an empty title hides the title bar)."""
    return f'!!! {kind} "{title}"\n\n    {body}'


def items_list(ctx: Context, items: Sequence[Item], title: str, numbered: bool = False) -> str:
    """Items as a list whose entries carry their ids, indexed for search under ``title``."""
    tag = "ol" if numbered else "ul"
    lines = [f'<{tag} class="guide-items" markdown>']
    for item in items:
        lines.append(f'<li id="{attr_id(item.id)}" markdown="span">{ctx.item_line(item, title)}</li>')
    lines.append(f"</{tag}>")
    return "\n".join(lines)
