"""Content errors as values: a location, what is wrong and how to fix it.

Validators collect them and the build reports them together, so an editor
fixes every mistake in one round instead of one per build.
"""

from __future__ import annotations

from dataclasses import dataclass


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on or hide written as an escape.

    File names and quoted texts reach the terminal through error messages: a
    colour code, a line break or a right-to-left override in a file's name could
    otherwise recolour the output or forge a line such as ``fake.yml:1:1: all good``.
    """
    if text.isprintable():  # the usual case, and a linear scan
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def summary(self) -> str:
        """``file:line:column: message`` on one line, safe to print."""
        return printable(f"{self.file}:{self.line}:{self.column}: {self.message}")

    def format(self) -> str:
        """The one place errors become text: every field goes through ``printable``."""
        text = self.summary()
        return f"{text}\n    hint: {printable(self.hint)}" if self.hint else text


class ContentInvalid(Exception):
    """Raised when the content cannot be published; carries every error found."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"The guide's content has {count} error{'s' if count != 1 else ''}:"
        return "\n".join([head, *(error.format() for error in self.errors)])


def draft_report(folder: str, unwritten: tuple[ContentError, ...] | list[ContentError]) -> str:
    """What a draft still lacks, for the terminal: warnings, since a draft is not published."""
    count = len(unwritten)
    head = (f"{printable(folder)}: draft, not published; {count} text{'s' if count != 1 else ''} "
            "or sources still to write:" if count else f"{printable(folder)}: draft, not published; "
            "nothing left to write: remove its line 'draft: true' to publish it")
    return "\n".join([head, *(error.format() for error in unwritten)])
