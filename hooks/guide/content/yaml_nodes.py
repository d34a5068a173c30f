"""Read a YAML file into a node tree that keeps line and column of every value.

We never build Python objects from YAML directly: composing nodes with the safe
loader keeps PyYAML's marks for error messages, refuses tags such as
``!!python/object`` and cannot be made to run code. Anchors and aliases are
refused too, which rules out "billion laughs" alias bombs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

import yaml
from yaml.events import AliasEvent
from yaml.nodes import Node

from guide.content.errors import ContentError
from guide.content.yaml_hints import explain, text_mistakes

MAX_FILE_BYTES = 512 * 1024

# Characters refused anywhere in a file, comments included: control characters
# (NUL, the vertical tab Word pastes as a soft line break, ESC…) and the line
# breaks that YAML counts as new lines but git, editors and ``git blame`` do not
# (a lone carriage return, NEL, U+2028, U+2029), which would shift every line
# number we report.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\r(?!\n)")
_NAMES = {"\x00": "a NUL character", "\x0b": "a vertical tab (a soft line break pasted from Word)",
          "\x1b": "an escape character", "\r": "a carriage return without a line feed (old Mac line ending)",
          "\x85": "a NEL line break", "\u2028": "a line separator (U+2028)",
          "\u2029": "a paragraph separator (U+2029)"}


# libyaml's parser (PyYAML's C binding) composes about twenty times faster. The
# base loader resolves no implicit types: every plain value stays text, and the
# decoder reads numbers, booleans and "no value" from the raw scalar itself,
# which also spares a regular-expression pass over every scalar.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _reject_anchors(text: str) -> None:
    """Refuse anchors and aliases before composing, so an alias bomb never expands.

    Neither can be written without '&' or '*', so most files skip the extra parse.
    """
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            # The C parser's marks have the fields of PyYAML's own (the type stubs tell them apart).
            mark = cast("yaml.error.Mark | None", event.start_mark)
            raise yaml.composer.ComposerError(None, None, "anchors and aliases (&name, *name) are not allowed", mark)


def load_nodes(path: Path, display_name: str) -> tuple[Node | None, list[ContentError]]:
    """Compose ``path`` into nodes, or return the errors that stop it."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        return None, [ContentError(display_name, 1, 1, f"the file cannot be read ({exc.strerror or exc})",
                                   "check that it is a normal file you are allowed to read "
                                   "(not a folder, a broken link or a locked file)")]
    if size > MAX_FILE_BYTES:
        return None, [
            ContentError(
                display_name, 1, 1,
                f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit",
                "split the content into several files; a guide file should stay small",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(display_name, line, 1, "the file is not valid UTF-8",
                         "save the file with UTF-8 encoding")
        ]
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark, as some Windows editors save: harmless
    forbidden = forbidden_character(display_name, text)
    if forbidden is not None:
        return None, [forbidden]
    try:
        _reject_anchors(text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display_name, exc, text)]
    except yaml.YAMLError as exc:  # e.g. a ReaderError: no mark, but never a traceback
        return None, [ContentError(display_name, 1, 1, f"YAML error: {exc}",
                                   "check the file's encoding (UTF-8) and its characters")]
    if node is None:
        return None, [ContentError(display_name, 1, 1, "the file is empty",
                                   "restore its content or delete the file")]
    mistakes = text_mistakes(node, text, display_name)
    return (None if mistakes else node), mistakes


def forbidden_character(name: str, text: str) -> ContentError | None:
    """The first character no content file may hold, at the line an editor sees."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    what = _NAMES.get(char, f"an invisible control character (U+{ord(char):04X})")
    hint = ("save the file with Unix (LF) line endings" if char == "\r" else
            "delete it and retype the text around it; it was probably pasted from another program")
    return ContentError(name, line, column, f"the file contains {what}", hint)


def _syntax_error(name: str, exc: yaml.MarkedYAMLError, text: str) -> ContentError:
    explained = explain(exc, text)
    if explained is not None:
        line, column, problem, hint = explained
        return ContentError(name, line, column, f"YAML syntax error: {problem}", hint)
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or exc.context or "invalid YAML"
    hint = "check indentation (spaces only, two per level) and that every quote is closed"
    if exc.context and "quoted scalar" in exc.context and exc.context_mark:
        line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        problem = "a quoted text is never closed"
        hint = "add the closing quote at the end of the text"
    elif "\\t" in problem or "tab" in problem:
        problem = "a tab character is used for indentation"
        hint = "replace tabs with spaces"
    elif "alias" in problem or "anchor" in problem:
        hint = "write the text out in full instead of reusing it with & and *"
    return ContentError(name, line, column, f"YAML syntax error: {problem}", hint)
