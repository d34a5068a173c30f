"""What every renderer shares: the output type and small building blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..markup import attr_id, text
from ..model import Guide, Item, Source
from ..typography import for_language


@dataclass(frozen=True)
class SearchEntry:
    """One item that search should find on its own, linking to its anchor."""

    anchor: str
    title: str
    text: str


@dataclass
class Rendered:
    markdown: str
    entries: list[SearchEntry] = field(default_factory=list)


@dataclass
class Context:
    """A renderer's inputs: the guide, the page's language, and the output so far."""

    guide: Guide
    lang: str
    out: Rendered = field(default_factory=lambda: Rendered(""))
    status: list | None = None  # translation status (translation_status.Stale), None if unknown
    reviewed: tuple = ()  # standing translation reviews (translation_status.Reviewed)
    site_url: str | None = None  # the public address, for QR codes on cards
    downloads: tuple[str, ...] = ()  # ready-made PDF decks present in docs/downloads/
    site_root: str = ""  # relative path from the page to the site root, e.g. "../../"
    offline_bundle: str | None = None  # the zip of the whole site, when this build publishes one

    def label(self, name: str, lang: str | None = None) -> str:
        """A label, escaped and typeset, in the page's language or in ``lang``."""
        lang = lang or self.lang
        return text(getattr(self.guide.labels, name).get(lang), lang)

    def plain_label(self, name: str) -> str:
        return for_language(getattr(self.guide.labels, name).get(self.lang), self.lang)

    def t(self, bilingual: object) -> str:
        """The escaped, typeset text of anything with ``en`` and ``fr``."""
        return text(bilingual.get(self.lang), self.lang)  # type: ignore[attr-defined]

    def index(self, anchor: str, title: str, body: str) -> None:
        self.out.entries.append(SearchEntry(anchor, title, for_language(body, self.lang)))

    def cite(self, source_id: str) -> str:
        """A short link to the item's source on the sources page."""
        source: Source = self.guide.sources[source_id]
        name = text(source.short.get(self.lang), self.lang)
        return f"[{name}](sources.md#{attr_id(source_id)}){{ .guide-cite }}"

    def item_line(self, item: Item, title: str) -> str:
        """An item's text with its source; indexed for search under ``title``."""
        self.index(item.id, title, item.get(self.lang))
        return f"{self.t(item)} {self.cite(item.source)}"


# -- Markdown building blocks shared by the page renderers -------------------------

def section(anchor: str, title: str, body: str, depth: int = 2) -> str:
    """A heading with a stable anchor, then its body."""
    return f"{'#' * depth} {title} {{ #{anchor} }}\n\n{body}"


def admonition(kind: str, title: str, body: str) -> str:
    """One of Material's admonitions (an empty title hides the title bar)."""
    return f'!!! {kind} "{title}"\n\n    {body}'


def items_list(ctx: Context, items: list[Item], title: str, numbered: bool = False) -> str:
    """Items as a list whose entries carry their ids, indexed for search under ``title``."""
    tag = "ol" if numbered else "ul"
    lines = [f'<{tag} class="guide-items" markdown>']
    for item in items:
        lines.append(f'<li id="{attr_id(item.id)}" markdown="span">{ctx.item_line(item, title)}</li>')
    lines.append(f"</{tag}>")
    return "\n".join(lines)
