"""The content model: what the YAML in ``content_data/`` means.

Every translatable text keeps its English and French side by side (``en`` and
``fr`` keys), so a missing or stale translation shows in one file and one diff.
Every item has a stable ``id`` (anchors, links, cards) and a ``source``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, ClassVar, Optional

from guide.content.decode import (Day, Id, LanguageCode, LanguageTag, Location, Marker, Range, Time, Url, Version,
                                  one_of, ref)

if TYPE_CHECKING:
    from guide.content.cards import Card

LANGUAGES = ("en", "fr")
# Strings that must name an existing item of a kind (decode.ref, written out for type checkers).
SourceRef = Annotated[str, Marker("source")]


@dataclass(frozen=True)
class Text:
    """A text in both languages, with no identity of its own (a heading, a label)."""

    en: str
    fr: str
    loc: Optional[Location] = field(default=None, compare=False, repr=False)

    def get(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True, kw_only=True)
class Sourced:
    """Anything with a stable id (anchors, links, cards) and the source it comes from."""

    id: Id
    source: SourceRef
    loc: Optional[Location] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, kw_only=True)
class Item(Sourced):
    """A sourced statement with a stable id: a behaviour, a covered point, an example.

    Kinds of items with more to say extend it (keyword-only fields, so a
    subclass may add required ones); the kind of an id is its class's name.
    """

    en: str
    fr: str
    card: Optional[Text] = None  # a shorter wording for printed cards, when needed

    def get(self, lang: str) -> str:
        return getattr(self, lang)


# What ``draft: true`` means, for the schema that editors' tools show beside the key.
DRAFT_ITEM_DOC = ("true while this item is being written: `make serve` shows it, texts still to write marked; "
                  "the published site leaves it out (page, card, search, open data, CASE, PDFs). "
                  "Remove the line when it is written.")


@dataclass(frozen=True, kw_only=True)
class ListItem(Item):
    """An item of a list an editor adds to (a behaviour, a tip, a question…): it may be a draft.

    ``draft: true`` on one item of a finished competency previews it and keeps it out of
    the published site; the other items, and their card codes, are untouched. Single
    texts (a summary, a level's example) and the parts others refer to by position (levels,
    scale dimensions, the workshop's timetable) cannot: a competency missing them is a
    draft as a whole.
    """

    KIND: ClassVar[str] = "item"  # the kind of its id, as when it was a plain Item
    ITEM_DRAFT: ClassVar[bool] = True  # the decoder keeps what a draft item holds apart
    draft: bool = field(default=False, metadata={"doc": DRAFT_ITEM_DOC})


@dataclass(frozen=True)
class Source:
    id: Id
    title: str
    short: Text
    language: LanguageCode
    publisher: Text
    kind: Text
    used_for: Text
    url: Optional[Url] = None
    licence: Optional[Text] = None
    loc: Optional[Location] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, kw_only=True)
class Exclusion(ListItem):
    why: Text
    # The id of the competency that covers it instead: a link when the catalogue
    # has that competency, nothing more when it does not (a partial framework).
    see: Optional[Id] = None


@dataclass(frozen=True, kw_only=True)
class IsIsNotRow(Sourced):
    """One row of the "is / is not" table: a contrast drawn from the definition."""

    it_is: Text
    it_is_not: Text


@dataclass(frozen=True)
class AxisEnds:
    """The words at the two ends of a dimension's arrow in the scale diagram."""

    lower: Text
    higher: Text


@dataclass(frozen=True, kw_only=True)
class ScaleDimension(Sourced):
    """One axis of the scale: what changes from the lower to the higher levels.

    Each competency's scale has its own dimensions, so it names them itself: in
    the scale's table (``name``), under each level (``label``) and on the
    diagram (``axis``; ``ends`` when its arrow has words at each end).
    """

    KIND: ClassVar[str] = "scale dimension"
    name: Text
    label: Text
    axis: Text
    lower: Text
    higher: Text
    ends: Optional[AxisEnds] = None


@dataclass(frozen=True, kw_only=True)
class OnScale:
    """Where a level stands on one dimension of its competency's scale."""

    dimension: ref("scale dimension")  # type: ignore[valid-type]
    en: str
    fr: str
    loc: Optional[Location] = field(default=None, compare=False, repr=False)

    def get(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True, kw_only=True)
class Note(Item):
    """A box with a title of its own, beside the definition (who counts as a partner, say)."""

    title: Text


@dataclass(frozen=True, kw_only=True)
class Behaviour(ListItem):
    """What someone does at a level; ``tips`` help to practise it (self-assessment)."""

    tips: list[Annotated[str, Marker("tip")]] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Level(Sourced):
    number: Annotated[int, Range(1, 10)]
    concept: Text
    behaviours: list[Behaviour]
    scale: list[OnScale]  # one per dimension of the competency's scale, in its order
    example: Item
    note: Optional[Text] = None
    # Questions an assessor can ask to draw out an example at this level (the rating
    # guide); optional: without them the guide derives its questions from the data.
    questions: list[ListItem] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Competency(Sourced):
    name: Text
    # Still being written: previewed with its unwritten texts marked, never published.
    draft: bool = field(default=False, metadata={"doc": (
        "true while this competency is being written: `make serve` shows it, texts still to write "
        "marked; the published site leaves it out entirely. Remove the line when every text is written.")})
    summary: Item
    definition: Item
    motivation: Item
    covers: list[ListItem]
    excludes: list[Exclusion]
    is_is_not: list[IsIsNotRow]
    purpose: Item
    example: Item
    scale_intro: Item
    scale: list[ScaleDimension]
    levels: list[Level]
    adopt: list[ListItem]
    avoid: list[ListItem]
    who_counts: Optional[Note] = None  # shown beside the definition, under its own title
    # What the self-assessment says to someone showing every behaviour of the highest
    # level, when this competency has its own words for it (ui.yml's otherwise).
    highest_level_advice: Optional[Text] = None


@dataclass(frozen=True, kw_only=True)
class Obstacle(ListItem):
    """What gets in the way when people do not collaborate; tips point at these."""


@dataclass(frozen=True, kw_only=True)
class Tip(ListItem):
    obstacles: list[Annotated[str, Marker("obstacle")]]


@dataclass(frozen=True, kw_only=True)
class Quote(ListItem):
    """A practitioner's words: ``fr`` is the original excerpt, ``en`` its translation."""

    original: LanguageCode
    attribution: Text
    context: Optional[Text] = None


@dataclass(frozen=True)
class WhyFile:
    reasons: list[ListItem]
    avenues: list[ListItem]
    obstacles: list[Obstacle]
    benefits: list[ListItem]
    benefits_title: Optional[Text] = None  # this competency's own heading for its benefits


@dataclass(frozen=True)
class TipsFile:
    tips: list[Tip]
    quotes: list[Quote]


@dataclass(frozen=True, kw_only=True)
class Role(Sourced):
    name: Text
    task: Text
    when: Text


@dataclass(frozen=True, kw_only=True)
class Slot(Sourced):
    """One block of the workshop's timetable."""

    kind: one_of("rotation", "break", "plenary")  # type: ignore[valid-type]
    minutes: Annotated[int, Range(1, 240)]  # one block of a half-day workshop at most
    name: Text
    questions: list[Text] = field(default_factory=list)
    activity: Optional[Text] = None  # what to do: printed on the run sheet
    # What happened when the block was run before (ideas, anecdotes): on the workshop
    # page only, so the run sheet keeps instructions and questions apart from it.
    past: Optional[Text] = None


@dataclass(frozen=True, kw_only=True)
class HarvestGroup(Sourced):
    name: Text
    ideas: list[ListItem]


@dataclass(frozen=True, kw_only=True)
class Workshop(Sourced):
    purpose: Item
    question: Item
    facilitation: Item
    start: Time
    roles: list[Role]
    icebreaker: Item
    schedule: list[Slot]
    harvest: list[HarvestGroup]
    checklist: list[ListItem]


@dataclass(frozen=True, kw_only=True)
class Term(Sourced):
    """A glossary entry; every form is explained where it appears on a page."""

    term: Text
    forms: Text
    definition: Text


@dataclass(frozen=True)
class GlossaryFile:
    terms: list[Term]


@dataclass(frozen=True)
class SourcesFile:
    sources: list[Source]


@dataclass(frozen=True)
class Licence:
    """The licence of the guide's own wording: shown on the site, shipped with the open data."""

    spdx: str  # the SPDX identifier, e.g. CC-BY-4.0, so tools can read it
    name: Text
    url: Url
    scope: Text
    loc: Optional[Location] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Labels:
    """Every word the renderers print around the content, in both languages."""

    definition: Text
    motivation: Text
    covers: Text
    excludes: Text
    why_excluded: Text
    is_is_not: Text
    it_is: Text
    it_is_not: Text
    purpose: Text
    example: Text
    scale: Text
    lower_levels: Text
    higher_levels: Text
    levels: Text
    level: Text
    concept: Text
    behaviours: Text
    adopt: Text
    avoid: Text
    adopt_heading: Text
    avoid_heading: Text
    source: Text
    sources: Text
    publisher: Text
    language: Text
    language_en: Text
    language_fr: Text
    what_it_is: Text
    used_for: Text
    licence: Text
    online: Text
    not_online: Text
    reasons_heading: Text
    avenues_heading: Text
    obstacles_heading: Text
    benefits_heading: Text
    helped_by: Text
    no_tip_yet: Text
    tips_heading: Text
    overcomes: Text
    voices_heading: Text
    translation: Text
    workshop_purpose: Text
    workshop_question: Text
    roles: Text
    role: Text
    role_task: Text
    role_when: Text
    icebreaker: Text
    timetable: Text
    timeline_title: Text
    time: Text
    duration: Text
    minutes: Text
    guiding_questions: Text
    harvest: Text
    checklist: Text
    run_sheet: Text
    run_sheet_link: Text
    print: Text
    scale_diagram_title: Text
    glossary: Text
    term: Text
    definition_column: Text
    tip: Text
    tip_link: Text  # "Tip {number}: {title}", a tip named where another page links to it
    status_unknown: Text
    status_all_in_step: Text
    status_intro: Text
    status_where: Text
    status_changed: Text
    status_other: Text
    status_not_committed: Text
    status_reviewed: Text
    status_reviewed_intro: Text
    status_reviewed_on: Text
    card_adopt: Text
    card_avoid: Text
    card_tip: Text
    card_level: Text
    card_qr: Text
    card_competencies: Text
    card_sheet: Text
    card_bilingual: Text
    card_pdfs: Text
    card_builder: Text
    card_kinds: Text
    card_levels: Text
    card_kind_level: Text  # the deck builder's box for level behaviour cards
    card_count: Text
    card_noscript: Text
    card_bilingual_fr: Text
    card_code: Text
    cite_full: Text  # a source named in full where a page cites it: "{title} (publisher: {publisher})"
    cite_marker: Text  # a citation marker's name for screen readers: "Source {number}: {name}"
    cite_list: Text  # the heading of a page's list of sources, at its end
    cite_entry: Text  # the link from that list to the source's entry on the Sources page
    pdf_deck_en: Text
    pdf_deck_fr: Text
    pdf_deck_en_fr: Text
    pdf_deck_fr_en: Text
    pdf_paper_a4: Text
    pdf_paper_letter: Text
    pdf_sheets: Text
    pdf_sheet_one: Text
    pdf_print_across: Text
    pdf_run_sheets: Text
    pdf_packs: Text
    pdf_run_sheet: Text
    pdf_pack: Text
    rs_details: Text
    rs_date: Text
    rs_start: Text
    rs_place: Text
    rs_facilitator: Text
    rs_questions: Text
    rs_what: Text
    past_sessions: Text
    data_file: Text
    data_format: Text
    data_contents: Text
    data_json: Text
    data_csv: Text
    data_schema: Text
    data_bank: Text
    data_package: Text
    guide_licence: Text
    offline_heading: Text
    offline_link: Text
    offline_how: Text
    sa_shown: Text
    sa_note: Text
    sa_example: Text
    sa_tips: Text
    sa_result: Text
    sa_level_none: Text
    sa_level_is: Text
    sa_rule: Text
    sa_next: Text
    sa_next_none: Text
    sa_shown_heading: Text
    sa_nothing_shown: Text
    sa_print: Text
    sa_download: Text
    sa_import: Text
    sa_erase: Text
    sa_erase_confirm: Text
    sa_erased: Text
    sa_saved: Text
    sa_imported: Text
    sa_import_failed: Text
    sa_import_confirm: Text
    sa_import_kept: Text
    sa_kept_heading: Text
    sa_kept_intro: Text
    sa_kept_shown: Text
    sa_kept_clear: Text
    sa_kept_clear_confirm: Text
    sa_kept_cleared: Text
    sa_storage_failed: Text
    sa_privacy: Text
    sa_summary_title: Text
    sa_summary_of: Text  # the printed summary's title, naming the competency
    sa_summary_date: Text  # "Printed on {date}", under it
    permalink: Text
    dark_mode: Text
    light_mode: Text
    made_with: Text
    not_found_title: Text
    not_found_text: Text
    not_found_home: Text
    nav_competencies: Text  # the navigation's section that lists every competency
    page_overview: Text
    page_why: Text
    page_tips: Text
    page_workshop: Text
    page_run_sheet: Text
    cards_link: Text  # the home page's link to the cards page
    page_self_assessment: Text
    sa_intro: Text
    sa_choose: Text
    catalogue_heading: Text
    catalogue_one: Text
    catalogue_levels: Text
    catalogue_other_group: Text
    page_compare: Text
    compare_intro: Text
    compare_levels_shown: Text
    compare_view: Text
    compare_side_by_side: Text
    compare_cumulative: Text
    compare_cumulative_intro: Text
    compare_link: Text
    next_level: Text
    next_level_compare: Text
    grid_title: Text
    grid_intro: Text
    grid_filter: Text
    grid_all_groups: Text
    grid_competency: Text
    grid_link: Text
    preview_errors_title: Text
    preview_errors_intro: Text
    preview_errors_fix: Text
    preview_errors_more: Text
    draft_notice: Text
    draft_items_notice: Text  # a finished competency's pages in the preview, while items of it are drafts
    draft_item: Text  # the word beside each of those items
    to_write: Text
    to_choose: Text
    last_updated: Text
    edit_page: Text
    case_type_competency: Text
    case_type_competency_about: Text
    case_type_level: Text
    case_type_level_about: Text
    case_type_level_behaviour: Text
    case_type_level_behaviour_about: Text
    case_type_adopt: Text
    case_type_adopt_about: Text
    case_type_avoid: Text
    case_type_avoid_about: Text
    case_type_tip: Text
    case_type_tip_about: Text
    data_case: Text
    data_case_language_en: Text
    data_case_language_fr: Text
    footer_version: Text
    changes_intro: Text
    changes_current: Text
    changes_release: Text
    changes_released_on: Text
    changes_first: Text
    changes_none: Text
    changes_added: Text
    changes_removed: Text
    changes_reworded: Text
    changes_nothing: Text
    changes_shared: Text
    changes_before: Text
    page_example_builder: Text
    eb_intro: Text
    eb_level: Text
    eb_level_none: Text
    eb_situation: Text
    eb_action: Text
    eb_whom: Text
    eb_level_concept: Text
    eb_show: Text
    eb_differs: Text
    eb_first: Text
    eb_scale_prompt: Text
    eb_scale_heading: Text
    eb_date: Text
    eb_print: Text
    eb_download: Text
    eb_import: Text
    eb_erase: Text
    eb_erase_confirm: Text
    eb_erased: Text
    eb_saved: Text
    eb_imported: Text
    eb_import_failed: Text
    eb_import_confirm: Text
    eb_import_kept: Text
    eb_storage_failed: Text
    eb_privacy: Text
    page_rating_guide: Text
    rg_intro: Text
    rg_look_for: Text
    rg_questions: Text
    rg_differences: Text
    rg_below: Text
    rg_above: Text
    rg_no_below: Text
    rg_no_above: Text
    rg_grid: Text
    rg_grid_what: Text
    rg_grid_evidence: Text
    rg_grid_seen: Text
    rg_q_behaviour: Text
    rg_q_dimension: Text


@dataclass(frozen=True)
class UiFile:
    labels: Labels


@dataclass(frozen=True, kw_only=True)
class Group:
    """Competencies shown together on the home page (e.g. core, leadership)."""

    id: Id
    name: Text
    competencies: list[Annotated[str, Marker("competency")]]
    loc: Optional[Location] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class LanguageTags:
    """The language tag each language's exports carry for HR and learning systems,
    which expect a region with the language (the flat competency bank's column)."""

    en: LanguageTag = "en-CA"
    fr: LanguageTag = "fr-CA"

    def get(self, lang: str) -> str:
        return str(getattr(self, lang))


@dataclass(frozen=True)
class Catalogue:
    """The guide as a whole: its title and introduction, who publishes it, which release
    this is, and the order of its competencies."""

    title: Text
    introduction: Text
    publisher: Text  # who publishes the guide (the CASE package's creator and publisher)
    version: Version  # the release's number, shown in the footer and carried by every export
    released: Day  # the day of that release (make release sets both)
    order: list[Annotated[str, Marker("competency")]] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    language_tags: LanguageTags = field(default_factory=LanguageTags)  # optional: en-CA and fr-CA
    # The papers the published PDFs are printed on: a publisher that prints only on
    # Letter halves the printing (each PDF is made once per paper).
    papers: list[one_of("a4", "letter")] = field(default_factory=lambda: ["a4", "letter"])  # type: ignore[valid-type]
    loc: Optional[Location] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class DraftItem:
    """An item marked ``draft: true`` in a competency that is not a draft: only the preview
    and ``make check`` see it; ``lacking`` says what is left (ContentErrors)."""

    id: str
    kind: str
    loc: Location
    lacking: tuple = ()


@dataclass(frozen=True)
class CompetencyFolder:
    """Everything one competency has: its folder under content_data/competencies/.

    Only ``competency.yml`` is required; a competency without tips or a workshop
    simply has no page for them.
    """

    id: str
    folder: str  # as shown in messages, e.g. content_data/competencies/collaboration
    competency: Competency
    why: Optional[WhyFile] = None
    tips: Optional[TipsFile] = None
    workshop: Optional[Workshop] = None
    draft: bool = False  # shown only by the preview (``draft: true`` in competency.yml)
    unwritten: tuple = ()  # a draft's texts still to write and sources to choose (ContentErrors)
    draft_items: tuple[DraftItem, ...] = ()  # the preview's items marked draft: true (never a build's)

    @cached_property
    def cards(self) -> tuple["Card", ...]:
        """This competency's cards (``guide.content.cards``), made once per folder object: the
        loader hands back the same folder while its files are unchanged."""
        from guide.content.cards import folder_cards

        return tuple(folder_cards(self))


@dataclass(frozen=True)
class Guide:
    """Everything the site shows, validated; built once per build.

    A guide is a catalogue of competencies. Renderers of one competency's pages
    read ``competency``, ``why``, ``tips`` and ``workshop``: those of the
    competency in focus (the first one unless ``focus`` chose another).
    """

    bilingual: tuple  # where each item's en and fr are written (decode.BilingualLines)
    sources: dict[str, Source]
    licence: Licence
    labels: Labels
    catalogue: Catalogue
    glossary: GlossaryFile
    competencies: tuple[CompetencyFolder, ...]
    declared: dict[str, dict[str, Location]] = field(default_factory=dict)  # scope ("" shared) → id → place
    focus_id: str = ""

    @cached_property
    def folders_by_id(self) -> dict[str, CompetencyFolder]:
        """Each competency by its id: pages ask for theirs, and a scan each time grew with
        pages x competencies."""
        return {folder.id: folder for folder in self.competencies}

    def folder(self, competency_id: str | None = None) -> CompetencyFolder:
        wanted = competency_id or self.focus_id or self.competencies[0].id
        if wanted not in self.folders_by_id:
            raise KeyError(f"no competency '{wanted}' in the catalogue")
        return self.folders_by_id[wanted]

    def focus(self, competency_id: str) -> "Guide":
        """The same guide, with ``competency_id`` as the competency its renderers show."""
        self.folder(competency_id)  # fails early on an unknown id
        return replace(self, focus_id=competency_id)

    def with_folder(self, folder: CompetencyFolder) -> "Guide":
        """The guide with one competency's folder replaced (tests, previews)."""
        return replace(self, competencies=tuple(folder if f.id == folder.id else f for f in self.competencies))

    def locations(self, competency_id: str | None = None) -> dict[str, Location]:
        """Where each id the pages of a competency can show was written."""
        return {**self.declared.get("", {}), **self.declared.get(competency_id or self.folder().id, {})}

    @property
    def competency(self) -> Competency:
        return self.folder().competency

    @property
    def why(self) -> Optional[WhyFile]:
        return self.folder().why

    @property
    def tips(self) -> Optional[TipsFile]:
        return self.folder().tips

    @property
    def workshop(self) -> Optional[Workshop]:
        return self.folder().workshop


# content_data/: the files shared by the whole catalogue, each with the dataclass
# its top level must match; then the files of one competency's folder.
SHARED_FILES: dict[str, type] = {
    "catalogue.yml": Catalogue,
    "sources.yml": SourcesFile,
    "licence.yml": Licence,
    "ui.yml": UiFile,
    "glossary.yml": GlossaryFile,
}
COMPETENCIES_FOLDER = "competencies"
COMPETENCY_FILES: dict[str, type] = {
    "competency.yml": Competency,
    "why.yml": WhyFile,
    "tips.yml": TipsFile,
    "workshop.yml": Workshop,
}
REQUIRED_COMPETENCY_FILES = ("competency.yml",)
FILES: dict[str, type] = {**SHARED_FILES, **COMPETENCY_FILES}  # every kind of file, for schemas


def bilingual_texts(value: object) -> list[tuple[str, str]]:
    """Every (en, fr) pair inside ``value``, in document order."""
    found: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            for child in node.values():
                walk(child)
        elif hasattr(node, "__dataclass_fields__"):
            en, fr = getattr(node, "en", None), getattr(node, "fr", None)
            if isinstance(en, str) and isinstance(fr, str):
                found.append((en, fr))
            for name in node.__dataclass_fields__:
                if name not in ("en", "fr", "loc"):
                    walk(getattr(node, name))

    walk(value)
    return found
