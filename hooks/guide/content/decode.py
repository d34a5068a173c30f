"""Decode YAML nodes into the content model's dataclasses, collecting errors.

The dataclasses *are* the schema: field names are the allowed keys, type hints
say what each value must be, and ``Annotated`` markers say which strings are
ids or references. One walk checks structure, types, unknown and missing keys
and text quality, and remembers where every id and reference was written so
that cross-file checks can point at the right line.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Annotated, Any, Union

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guide.content.errors import ContentError
from guide.content.messages import Said, said


class Location(typing.NamedTuple):
    """Where a value was written. A named tuple: one is made for every YAML node."""

    file: str
    line: int
    column: int

    @classmethod
    def of(cls, file: str, node: Node) -> "Location":
        mark = node.start_mark
        return cls(file, mark.line + 1, mark.column + 1)

    def error(self, message: Said, hint: Said) -> ContentError:
        return ContentError(self.file, self.line, self.column, message, hint)


@dataclass(frozen=True)
class Marker:
    """Marks a string field: an id, or a reference to another kind of item."""

    kind: str  # "id", "url", "lang", "time", "choice", or the kind a reference points to
    choices: tuple[str, ...] = ()


ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Id = Annotated[str, Marker("id")]
Url = Annotated[str, Marker("url")]
LanguageCode = Annotated[str, Marker("lang")]
# A language tag as other systems want it (BCP 47 language and region, e.g. en-CA).
LanguageTag = Annotated[str, Marker("tag")]
LANGUAGE_TAG_PATTERN = re.compile(r"^[a-z]{2,3}(?:-(?:[A-Z]{2}|[0-9]{3}))?$")


Time = Annotated[str, Marker("time")]
Version = Annotated[str, Marker("version")]  # a release's number, e.g. 1.2 or 2026.1
Day = Annotated[str, Marker("date")]  # a calendar day, written YYYY-MM-DD
# A web address as RFC 3986 allows it (what CASE's ``format: uri`` checks): only the
# characters a URI may hold, "%" followed by two hex digits, one "#". Refused rather
# than percent-encoded: the address is published as written (links, open data, CASE),
# and a '"', "{", "|", "^" or backtick in it is a paste mistake to see, not to hide.
# Each part stops where the next begins ("@", ":", "/", "?", "#") and is one character
# class, so the pattern never retries a stretch (linear time); a "%" not followed by
# two hex digits is the one rule a class cannot say: BAD_PERCENT.
_HOST = "[A-Za-z0-9._~!$&'()*+,;=%-]"
_PATH = "[A-Za-z0-9._~!$&'()*+,;=:@/%-]"
_QUERY = "[A-Za-z0-9._~!$&'()*+,;=:@/?%-]"
URL_PATTERN = re.compile(rf"^https://(?:[A-Za-z0-9._~!$&'()*+,;=:%-]*@)?{_HOST}+(?::[0-9]*)?"
                         rf"(?:/{_PATH}*)?(?:\?{_QUERY}*)?(?:#{_QUERY}*)?$")
BAD_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
VERSION_PATTERN = re.compile(r"^[0-9]{1,4}(?:\.[0-9]{1,4}){1,2}$")
DAY_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def one_of(*choices: str) -> Any:
    """A string that must be one of a few fixed words."""
    return Annotated[str, Marker("choice", choices)]


def ref(kind: str) -> Any:
    """A string that must name an existing item of ``kind`` (e.g. a source id)."""
    return Annotated[str, Marker(kind)]


LOCATION_FIELD = "loc"
# How `make competency` marks each text still to write; such a text is never published.
TO_WRITE = {"en": "TO WRITE", "fr": "À RÉDIGER"}
NULL_WORDS = {"", "~", "null", "Null", "NULL"}  # YAML's "no value", when not in quotes
STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:float", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}
# Unicode categories a published text may not hold: control and format
# characters (zero-width spaces, word joiners, byte-order marks, bidirectional
# overrides), separators that break lines, private-use and unpaired surrogates.
# They are invisible, so a reader could not see what the editor published.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs"}
_ALLOWED_INVISIBLE = {"\t", "\n", "\r", "\u200d"}  # whitespace we fold; the emoji joiner
# Letters that print as nothing (Hangul fillers): a name made of one looks empty, and
# one inside a word looks like a space or like nothing.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# What a reader sees: letters, digits, punctuation and symbols (not marks alone,
# spaces, format or control characters, nor the blank letters above).
_VISIBLE_CATEGORIES = ("L", "N", "P", "S")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!]|javascript:", re.IGNORECASE)


@dataclass(frozen=True)
class Range:
    """Marks a whole number with the smallest and largest values that make sense."""

    low: int
    high: int


# The longest text a page holds, in characters (the longest written is under 700).
# Python-Markdown's inline pass over a text costs more than its length when the text
# is full of characters it must leave alone (each escaped as a reference): a French
# summary of 120,000 "&x;" held the build for more than 15 minutes. Bounding each
# text bounds that cost, so a build costs time in proportion to its content.
MAX_TEXT_CHARACTERS = 2000

# Unicode's "stream-safe" limit (UAX #15): no real text stacks more marks on one
# letter. NFC puts each run of marks in order by insertion, quadratic in its length.
MAX_MARKS_IN_A_ROW = 30


def marks_in_a_row(text: str) -> int:
    """The longest run of combining marks (accents and the like) in ``text``."""
    if text.isascii():
        return 0
    longest = run = 0
    for char in text:
        run = run + 1 if unicodedata.combining(char) else 0
        longest = max(longest, run)
    return longest


def invisible_character(text: str) -> str | None:
    """The first character of ``text`` a reader could not see, if any.

    A noncharacter (U+FFFE, U+FDD0…) counts: YAML refuses one typed raw, but not
    written as an escape ("\\uFFFE").
    """
    if text.isprintable() and _BLANK_LETTERS.isdisjoint(text):  # the usual case
        return None
    for char in text:
        if char in _BLANK_LETTERS or _noncharacter(char) or (
                char not in _ALLOWED_INVISIBLE and unicodedata.category(char) in _INVISIBLE_CATEGORIES):
            return char
    return None


def _noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def has_visible_character(text: str) -> bool:
    """Whether a reader sees anything of ``text`` (a lone joiner or accent shows nothing)."""
    return any(unicodedata.category(char).startswith(_VISIBLE_CATEGORIES) and char not in _BLANK_LETTERS
               for char in text)


def compared_name(text: str) -> str:
    """A name as told apart from others: without invisible characters, NFKC, case
    folded. "Collaboration", "COLLABORATION", "Ｃollaboration" and "Collab" +
    zero-width joiner + "oration" read as one name."""
    shown = "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE_CATEGORIES
                    and c not in _BLANK_LETTERS)
    return " ".join(unicodedata.normalize("NFKC", shown).casefold().split())


def real_day(text: str) -> bool:
    """2026-02-30 has the right shape but is no day of any calendar."""
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def kind_of(cls: type) -> str:
    """The kind of item a record declares: its class name, or the ``KIND`` it sets itself
    (not one it inherits: a tip is a tip, though every list item may be a draft)."""
    return vars(cls).get("KIND", cls.__name__.lower())


@dataclass(frozen=True)
class Declaration:
    id: str
    kind: str
    loc: Location


@dataclass
class Reference:
    kind: str
    value: str
    loc: Location
    what: str = ""  # where it is written, e.g. catalogue.order[2]


@dataclass(frozen=True)
class BilingualLines:
    """Where an item's English and French are written, for translation status."""

    name: str
    file: str
    en: tuple[int, int]
    fr: tuple[int, int]


@dataclass
class DraftFound:
    """An item marked ``draft: true``, and what it holds that the build must not count:
    its texts still to write, its references, where its languages are written."""

    id: str
    kind: str
    loc: Location
    unwritten: list[ContentError] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    bilingual: list[BilingualLines] = field(default_factory=list)


@dataclass
class Decoded:
    """What one file's walk found: ids with their places, references to check."""

    ids: list[Declaration] = field(default_factory=list)
    bilingual: list[BilingualLines] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    # Texts still marked to write: errors, unless their competency is a draft (the loader decides).
    unwritten: list[ContentError] = field(default_factory=list)
    draft: bool = False  # the competency's record of this file said draft: true
    draft_items: list[DraftFound] = field(default_factory=list)  # items that said it of themselves


@functools.cache
def _shape(cls: type) -> tuple[dict[str, bool], dict[str, Any], bool]:
    """A record class's keys (each with whether it is required), type hints, and
    whether it keeps its location: worked out once per class, not once per record."""
    fields = {
        f.name: f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        for f in dataclasses.fields(cls) if f.name != LOCATION_FIELD
    }
    located = any(f.name == LOCATION_FIELD for f in dataclasses.fields(cls))
    return fields, typing.get_type_hints(cls, include_extras=True), located


def _lines(node: Node) -> tuple[int, int]:
    end = node.end_mark.line + (1 if node.end_mark.column else 0)
    return node.start_mark.line + 1, max(end, node.start_mark.line + 1)


class _Invalid:
    """Stands for a value that failed; its error is already recorded."""


INVALID = _Invalid()


class Decoder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.found = Decoded()

    def decode(self, node: Node, hint: Any, what: str, required: bool = True) -> Any:
        loc = Location.of(self.file, node)
        if node.tag not in STANDARD_TAGS:
            return self._fail(loc, said("tag_refused", what=what, tag=node.tag), said("tag_refused_hint"))
        marker = None
        if typing.get_origin(hint) is Annotated:
            hint, marker = hint.__origin__, hint.__metadata__[0]
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            return self.decode(node, options[0], what)
        if origin is list:
            return self._decode_list(node, typing.get_args(hint)[0], what, loc, required)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self._decode_record(node, hint, what, loc)
        if hint is int:
            return self._decode_int(node, what, loc, marker)
        if hint is bool:
            return self._decode_bool(node, what, loc)
        if hint is str:
            return self._decode_text(node, what, loc, marker)
        raise TypeError(f"the content model uses an unsupported type: {hint!r}")

    # -- kinds of values -------------------------------------------------

    def _decode_record(self, node: Node, cls: type, what: str, loc: Location) -> Any:
        if not isinstance(node, MappingNode):
            return self._fail(loc, said("not_record", what=what), said("not_record_hint", what=what))
        fields, hints, located = _shape(cls)
        # Where this record's texts, references and languages begin: a draft item takes them.
        held = (len(self.found.unwritten), len(self.found.references), len(self.found.bilingual))
        values: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        failed = False
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else "?"
            key_loc = Location.of(self.file, key_node)
            if key in seen:
                self._fail(key_loc, said("key_twice", what=what, key=key), said("key_twice_hint"))
                failed = True
                continue
            seen[key] = value_node
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1)
                allowed = ", ".join(fields)
                hint = (said("draft_not_here_hint") if key == "draft"
                        else said("key_unknown_hint_close", close=close[0], allowed=allowed) if close
                        else said("key_unknown_hint", allowed=allowed))
                self._fail(key_loc, said("key_unknown", what=what, key=key), hint)
                failed = True
                continue
            value = self.decode(value_node, hints[key], f"{what}.{key}", fields[key])
            failed |= value is INVALID
            values[key] = value
        for name, required in fields.items():
            if required and name not in seen:
                self._fail(loc, said("key_missing", what=what, name=name),
                           said("key_missing_hint", line=f"{name}: ...", what=what))
                failed = True
        item_draft = getattr(cls, "ITEM_DRAFT", False)
        if values.get("draft") is True and not item_draft:
            self.found.draft = True
        if isinstance(values.get("id"), str):
            # Declared even when another key of the record is wrong: that key's error
            # says what to fix, and what refers to this id is not wrong too.
            self.found.ids.append(Declaration(values["id"], kind_of(cls), Location.of(self.file, seen["id"])))
        if failed:
            return INVALID
        if isinstance(values.get("en"), str) and values.get("en") == values.get("fr") \
                and len(values["en"].split()) > 2:
            return self._fail(loc, said("same_text", what=what), said("same_text_hint"))
        if "en" in seen and "fr" in seen:
            name = values["id"] if "id" in values else what
            self.found.bilingual.append(BilingualLines(
                name, self.file, _lines(seen["en"]), _lines(seen["fr"])))
        if item_draft and values.get("draft") is True:
            self._draft_item(values["id"], kind_of(cls), loc, held)
        if located:
            values[LOCATION_FIELD] = loc
        return cls(**values)

    def _draft_item(self, item_id: str, kind: str, loc: Location, held: tuple[int, int, int]) -> None:
        """Keep a draft item's texts still to write, references and languages apart (all
        recorded since ``held``: its own), so the loader can leave them out of a published build."""
        found = self.found
        found.draft_items.append(DraftFound(item_id, kind, loc, found.unwritten[held[0]:],
                                            found.references[held[1]:], found.bilingual[held[2]:]))
        del found.unwritten[held[0]:], found.references[held[1]:], found.bilingual[held[2]:]

    def _decode_list(self, node: Node, item: Any, what: str, loc: Location, required: bool) -> Any:
        if not isinstance(node, SequenceNode):
            return self._fail(loc, said("not_list", what=what), said("not_list_hint"))
        # A list of fixed words (the papers to print on) means nothing empty, and a word twice is a slip.
        words = getattr(item, "__metadata__", (None,))[0]
        choices = words.choices if isinstance(words, Marker) and words.kind == "choice" else ()
        if not node.value and (required or choices):
            return self._fail(loc, said("empty_list", what=what),
                              said("empty_choices_hint", choices=", ".join(choices)) if choices
                              else said("empty_list_hint"))
        values = [self.decode(child, item, f"{what}[{i + 1}]") for i, child in enumerate(node.value)]
        if any(value is INVALID for value in values):
            return INVALID
        for number, (child, value) in enumerate(zip(node.value, values, strict=True)):
            if choices and value in values[:number]:
                return self._fail(Location.of(self.file, child), said("named_twice", what=what, value=value),
                                  said("keep_one_hint"))
        return values

    def _decode_int(self, node: Node, what: str, loc: Location, marker: Any) -> Any:
        # YAML 1.1 also reads 0x1, 0o7, 1_000 and 1:30 (sexagesimal) as numbers,
        # and an explicit !!int tag can sit on any text: accept plain digits only.
        if not isinstance(node, ScalarNode) or not re.fullmatch(r"[0-9]{1,9}", node.value):
            return self._fail(loc, said("not_whole_number_found", what=what, found=node.value)
                              if isinstance(node, ScalarNode) else said("not_whole_number", what=what),
                              said("not_whole_number_hint"))
        value = int(node.value)
        if isinstance(marker, Range) and not marker.low <= value <= marker.high:
            return self._fail(loc, said("out_of_range", what=what, value=value, low=marker.low, high=marker.high),
                              said("out_of_range_hint", low=marker.low, high=marker.high))
        return value

    def _decode_bool(self, node: Node, what: str, loc: Location) -> Any:
        words = {"true": True, "false": False}
        if not isinstance(node, ScalarNode) or node.value not in words:
            return self._fail(loc, said("not_true_or_false", what=what), said("not_true_or_false_hint"))
        return words[node.value]

    def _decode_text(self, node: Node, what: str, loc: Location, marker: Marker | None) -> Any:
        if not isinstance(node, ScalarNode):
            return self._fail(loc, said("not_text", what=what), said("not_text_hint"))
        if not node.style and node.value in NULL_WORDS:
            # ~, null or nothing after the colon: YAML's "no value", never the text "null".
            if not node.value:
                return self._fail(loc, said("empty_value", what=what), said("empty_value_hint"))
            return self._fail(loc, said("empty_text", what=what, found=node.value), said("empty_text_hint"))
        if len(node.value) > MAX_TEXT_CHARACTERS and len(" ".join(node.value.split())) > MAX_TEXT_CHARACTERS:
            return self._fail(loc, said("text_too_long", what=what, length=len(" ".join(node.value.split())),
                                        limit=MAX_TEXT_CHARACTERS), said("text_too_long_hint"))
        if marks_in_a_row(node.value) > MAX_MARKS_IN_A_ROW:
            return self._fail(loc, said("marks_stacked", what=what, count=marks_in_a_row(node.value)),
                              said("marks_stacked_hint", limit=MAX_MARKS_IN_A_ROW))
        # The raw scalar: "Non" or "2024" stay text, as the editor wrote them.
        # NFC: the same word typed composed or decomposed is one word (glossary, search).
        text = unicodedata.normalize("NFC", " ".join(node.value.split()))
        if not text:
            return self._fail(loc, said("blank_text", what=what), said("blank_text_hint"))
        bad = invisible_character(node.value)
        if bad:
            name = unicodedata.name(bad, "no name")
            return self._fail(loc, said("invisible_character", what=what, code=f"{ord(bad):04X}", name=name.lower()),
                              said("pasted_hint"))
        if not has_visible_character(text):
            shown = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(text[:200]))
            return self._fail(loc, said("no_visible_character", what=what, shown=shown),
                              said("no_visible_character_hint"))
        if text.startswith(tuple(TO_WRITE.values())):
            self.found.unwritten.append(loc.error(said("to_write", what=what, text=text[:60]),
                                                  said("to_write_hint")))
        if _HTML.search(text):
            return self._fail(loc, said("html_in_text", what=what, text=text[:60]), said("html_in_text_hint"))
        if marker is not None:
            return self._check_marked(text, marker, what, loc)
        return text

    def _check_marked(self, text: str, marker: Marker, what: str, loc: Location) -> Any:
        if marker.kind == "id":
            if not ID_PATTERN.fullmatch(text):
                return self._fail(loc, said("bad_id", what=what, value=text),
                                  said("bad_id_hint", example="adopt-share-knowledge"))
        elif marker.kind == "url":
            if not text.startswith("https://"):
                return self._fail(loc, said("not_web_address", what=what, value=text), said("not_web_address_hint"))
            if not URL_PATTERN.fullmatch(text) or BAD_PERCENT.search(text):
                return self._fail(loc, said("web_address_characters", what=what, value=text),
                                  said("web_address_characters_hint", codes="%20, %22, %7B, %7C, %5E, %60, %C3%A9"))
        elif marker.kind == "time":
            if not re.match(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", text):
                return self._fail(loc, said("not_time", what=what, value=text), said("not_time_hint", example="14:35"))
        elif marker.kind == "version":
            if not VERSION_PATTERN.fullmatch(text):
                return self._fail(loc, said("not_version", what=what, value=text), said("not_version_hint"))
        elif marker.kind == "date":
            if not DAY_PATTERN.fullmatch(text) or not real_day(text):
                return self._fail(loc, said("not_date", what=what, value=text), said("not_date_hint"))
        elif marker.kind == "choice":
            if text not in marker.choices:
                choices = ", ".join(marker.choices)
                return self._fail(loc, said("not_a_choice", what=what, value=text, choices=choices),
                                  said("not_a_choice_hint", choices=choices))
        elif marker.kind == "lang":
            if text not in ("en", "fr"):
                return self._fail(loc, said("unknown_language", what=what, value=text), said("unknown_language_hint"))
        elif marker.kind == "tag":
            if not LANGUAGE_TAG_PATTERN.match(text):
                return self._fail(loc, said("not_language_tag", what=what, value=text),
                                  said("not_language_tag_hint"))
        else:
            self.found.references.append(Reference(marker.kind, text, loc, what))
        return text

    def _fail(self, loc: Location, message: Said, hint: Said) -> _Invalid:
        self.found.errors.append(loc.error(message, hint))
        return INVALID
