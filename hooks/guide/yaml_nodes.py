"""Read a YAML file into a node tree that keeps line and column of every value.

We never build Python objects from YAML directly: composing nodes with the safe
loader keeps PyYAML's marks for error messages, refuses tags such as
``!!python/object`` and cannot be made to run code. Anchors and aliases are
refused too, which rules out "billion laughs" alias bombs.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import Node

from .errors import ContentError
from .yaml_hints import explain, text_mistakes

MAX_FILE_BYTES = 512 * 1024


# libyaml's parser (PyYAML's C binding) composes about twenty times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _reject_anchors(text: str) -> None:
    """Refuse anchors and aliases before composing, so an alias bomb never expands."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed", event.start_mark)


def load_nodes(path: Path, display_name: str) -> tuple[Node | None, list[ContentError]]:
    """Compose ``path`` into nodes, or return the errors that stop it."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            ContentError(
                display_name, 1, 1,
                f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit",
                "split the content into several files; a guide file should stay small",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(display_name, line, 1, "the file is not valid UTF-8",
                         "save the file with UTF-8 encoding")
        ]
    try:
        _reject_anchors(text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display_name, exc, text)]
    if node is None:
        return None, [ContentError(display_name, 1, 1, "the file is empty",
                                   "restore its content or delete the file")]
    mistakes = text_mistakes(node, text, display_name)
    return (None if mistakes else node), mistakes


def _syntax_error(name: str, exc: yaml.MarkedYAMLError, text: str) -> ContentError:
    explained = explain(exc, text)
    if explained is not None:
        line, column, problem, hint = explained
        return ContentError(name, line, column, f"YAML syntax error: {problem}", hint)
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or exc.context or "invalid YAML"
    hint: str = "check indentation (spaces only, two per level) and that every quote is closed"
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
