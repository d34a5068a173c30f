"""Content errors as values: a location, what is wrong and how to fix it.

Validators collect them and the build reports them together, so an editor
fixes every mistake in one round instead of one per build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


class ContentInvalid(Exception):
    """Raised when the content cannot be published; carries every error found."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"The guide's content has {count} error{'s' if count != 1 else ''}:"
        return "\n".join([head, *(error.format() for error in self.errors)])
