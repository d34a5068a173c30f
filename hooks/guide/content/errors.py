"""Content errors as values: a location, what is wrong and how to fix it.

Validators collect them and the build reports them together, so an editor
fixes every mistake in one round instead of one per build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide.content.messages import NO_HINT, Said, counted, editor_language, in_language, said

if TYPE_CHECKING:
    from guide.content.model import DraftItem


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on or hide written as an escape.

    File names and quoted texts reach the terminal through error messages: a
    colour code, a line break or a right-to-left override in a file's name could
    otherwise recolour the output or forge a line such as ``fake.yml:1:1: all good``.
    """
    if text.isprintable():  # the usual case, and a linear scan
        return text
    # French messages keep their no-break spaces (before a colon, inside « »): spaces, not codes.
    return "".join(char if char.isprintable() or char in _SPACES else repr(char)[1:-1] for char in text)


_SPACES = "\u00a0\u202f"


@dataclass(frozen=True, order=True)
class ContentError:
    """One mistake. Its message and hint come from the catalogue (``said``), in both languages:
    anything else is refused here, so no mistake can reach a French editor in English only."""

    file: str
    line: int
    column: int
    message: Said
    hint: Said = NO_HINT

    def __post_init__(self) -> None:
        for part in (self.message, self.hint):
            if not isinstance(part, Said):
                raise TypeError(f"a content error's message and hint come from said(...), not {part!r}")

    def summary(self, lang: str | None = None) -> str:
        """``file:line:column: message`` on one line, safe to print, in the editor's language."""
        message = in_language(self.message, lang or editor_language())[0]
        return printable(f"{self.file}:{self.line}:{self.column}: {message}")

    def format(self, lang: str | None = None) -> str:
        """The one place errors become text: every field goes through ``printable``."""
        lang = lang or editor_language()
        text = self.summary(lang)
        if not self.hint:
            return text
        # The word and its colon from the catalogue: French puts a no-break space before it.
        return f"{text}\n    {said('hint_line', hint=printable(in_language(self.hint, lang)[0])).get(lang)}"


class ContentInvalid(Exception):
    """Raised when the content cannot be published; carries every error found."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self, lang: str | None = None, heading: str = "content_has_errors") -> str:
        """Every error under ``heading`` (a catalogue message with a ``_one`` form), counted."""
        lang = lang or editor_language()
        head = counted(heading, len(self.errors)).get(lang)
        return "\n".join([head, *(error.format(lang) for error in self.errors)])


def draft_report(folder: str, unwritten: tuple[ContentError, ...] | list[ContentError],
                 lang: str | None = None) -> str:
    """What a draft still lacks, for the terminal: warnings, since a draft is not published."""
    lang = lang or editor_language()
    head = (counted("draft_left", len(unwritten), folder=printable(folder)) if unwritten
            else said("draft_done", folder=printable(folder), line="draft: true"))
    return "\n".join([head.get(lang), *(error.format(lang) for error in unwritten)])


def draft_item_report(item: "DraftItem", lang: str | None = None) -> str:
    """What one draft item of a finished competency still lacks, for the terminal (warnings:
    the published site leaves it out)."""
    lang = lang or editor_language()
    where = printable(f"{item.loc.file}:{item.loc.line}")
    head = (counted("draft_item_left", len(item.lacking), where=where, id=printable(item.id)) if item.lacking
            else said("draft_item_done", where=where, id=printable(item.id), line="draft: true"))
    return "\n".join([head.get(lang), *(error.format(lang) for error in item.lacking)])
