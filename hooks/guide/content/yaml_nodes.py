"""Read a YAML file into a node tree that keeps line and column of every value.

We never build Python objects from YAML directly: nodes keep PyYAML's marks for
error messages, leave tags such as ``!!python/object`` for the decoder to refuse
and cannot be made to run code. ``read_yaml`` is the only way any YAML is read
(content files, the files of old releases, the translation reviews): anchors and
aliases are refused, which rules out "billion laughs" alias bombs, nesting is
bounded and the tree is built without recursion.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                         SequenceEndEvent, SequenceStartEvent)
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guide.content.errors import ContentError
from guide.content.messages import parser_problem, said
from guide.content.yaml_hints import explain, text_mistakes

MAX_FILE_BYTES = 512 * 1024

# Characters refused anywhere in a file, comments included: control characters
# (NUL, the vertical tab Word pastes as a soft line break, ESC…) and the line
# breaks that YAML counts as new lines but git, editors and ``git blame`` do not
# (a lone carriage return, NEL, U+2028, U+2029), which would shift every line
# number we report.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]|\r(?!\n)")
# Each such character's name in the catalogue of messages.
_NAMES = {"\x00": "char_nul", "\x0b": "char_vertical_tab", "\x1b": "char_escape", "\r": "char_carriage_return",
          "\x85": "char_nel", "\u2028": "char_line_separator", "\u2029": "char_paragraph_separator"}


# libyaml's parser (PyYAML's C binding) reads about twenty times faster. The
# base loader resolves no implicit types: every plain value stays text, and the
# decoder reads numbers, booleans and "no value" from the raw scalar itself,
# which also spares a regular-expression pass over every scalar.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

# Far deeper than any guide file (a competency nests five levels), far below
# what the passes over the tree (hints, decoder, "what changed") can recurse.
MAX_DEPTH = 64
_STANDARD = "tag:yaml.org,2002:"
_DEFAULT_TAGS = {ScalarEvent: f"{_STANDARD}str", SequenceStartEvent: f"{_STANDARD}seq",
                 MappingStartEvent: f"{_STANDARD}map"}


def load_nodes(path: Path, display_name: str) -> tuple[Node | None, list[ContentError]]:
    """Compose the content file ``path`` into nodes, or return the errors that stop it."""
    text, errors = load_bytes(path, display_name)
    if text is None:
        return None, errors
    node, errors = read_yaml(text, display_name)
    if node is None:
        return None, errors
    mistakes = text_mistakes(node, text.removeprefix("\ufeff"), display_name)
    return (None if mistakes else node), mistakes


def load_bytes(path: Path, display_name: str) -> tuple[str | None, list[ContentError]]:
    """The text of a content file, read only if it is small and UTF-8."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        return None, [ContentError(display_name, 1, 1, said("cannot_read", reason=exc.strerror or exc),
                                   said("cannot_read_hint"))]
    if size > MAX_FILE_BYTES:
        return None, [_too_big(display_name, size)]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [ContentError(display_name, line, 1, said("not_utf8"), said("not_utf8_hint"))]


def read_yaml(text: str, display_name: str) -> tuple[Node | None, list[ContentError]]:
    """The one way YAML is read, for content, old releases and reviews alike.

    Bounded: the size, the characters, no anchors or aliases (an alias bomb never
    expands), at most ``MAX_DEPTH`` levels; and built from the parser's events in
    one loop, without recursion, so no text can exhaust the stack. Every refusal
    is a ``file:line`` error.
    """
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_FILE_BYTES:
        return None, [_too_big(display_name, size)]
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors save: harmless
    forbidden = forbidden_character(display_name, text)
    if forbidden is not None:
        return None, [forbidden]
    try:
        node = _compose(text, display_name)
    except _TooDeep as exc:
        return None, [exc.error]
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or "") and exc.problem_mark is not None:
            # libyaml's own bound (1,000 levels), met while it reads ahead of us
            return None, [_too_deep(display_name, exc.problem_mark)]
        return None, [_syntax_error(display_name, exc, text)]
    except yaml.YAMLError as exc:  # e.g. a ReaderError: no mark, but never a traceback
        return None, [ContentError(display_name, 1, 1, said("yaml_error", problem=exc), said("yaml_error_hint"))]
    if node is None:
        return None, [ContentError(display_name, 1, 1, said("file_empty"), said("file_empty_hint"))]
    return node, []


def well_formed(text: str) -> bool:
    """Whether ``text`` reads within the bounds; for hints, which must not explain in turn."""
    try:
        _compose(text, "")
    except (yaml.YAMLError, _TooDeep):
        return False
    return True


class _TooDeep(Exception):
    def __init__(self, error: ContentError) -> None:
        super().__init__(error.message)
        self.error = error


def _compose(text: str, name: str) -> Node | None:
    """The document's node tree, built from the parser's events with a stack."""
    root: Node | None = None
    documents = 0
    stack: list[Node] = []  # the open lists and records, innermost last
    for event in yaml.parse(text, Loader=_Loader):
        # libyaml's marks have the fields of PyYAML's own (the type stubs tell them apart).
        start, end = cast(Mark, event.start_mark), cast(Mark, event.end_mark)
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream", None,
                    "but found another document", start)
            continue
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed", start)
        if isinstance(event, (SequenceEndEvent, MappingEndEvent)):
            closed = stack.pop()
            closed.end_mark = end
            continue
        node: Node
        if isinstance(event, ScalarEvent):
            node = ScalarNode(_tag(event), event.value, start, end, style=event.style)
        elif isinstance(event, SequenceStartEvent):
            node = SequenceNode(_tag(event), [], start, None, flow_style=event.flow_style)
        elif isinstance(event, MappingStartEvent):
            node = MappingNode(_tag(event), [], start, None, flow_style=event.flow_style)
        else:
            continue  # the stream's and documents' ends
        if not stack:
            root = node
        else:
            parent = stack[-1]
            if isinstance(parent, SequenceNode):
                parent.value.append(node)
            elif parent.value and parent.value[-1][1] is None:
                parent.value[-1] = (parent.value[-1][0], node)
            else:
                parent.value.append((node, None))
        if not isinstance(node, ScalarNode):
            if len(stack) >= MAX_DEPTH:
                raise _TooDeep(_too_deep(name, start))
            stack.append(node)
    return root


def _tag(event: ScalarEvent | SequenceStartEvent | MappingStartEvent) -> str:
    """The node's tag, as the base loader resolves it: written, else the kind's standard one."""
    return event.tag if event.tag not in (None, "!") else _DEFAULT_TAGS[type(event)]


def _too_deep(name: str, mark: yaml.Mark) -> ContentError:
    return ContentError(name, mark.line + 1, mark.column + 1, said("too_deep", limit=MAX_DEPTH),
                        said("too_deep_hint"))


def _too_big(name: str, size: int) -> ContentError:
    return ContentError(name, 1, 1, said("file_too_big", size=size, limit=MAX_FILE_BYTES), said("file_too_big_hint"))


def forbidden_character(name: str, text: str) -> ContentError | None:
    """The first character no content file may hold, at the line an editor sees."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    what = said(_NAMES[char]) if char in _NAMES else said("char_control", code=f"{ord(char):04X}")
    hint = said("line_endings_hint") if char == "\r" else said("pasted_hint")
    return ContentError(name, line, column, said("file_contains", what=what), hint)


def _syntax_error(name: str, exc: yaml.MarkedYAMLError, text: str) -> ContentError:
    explained = explain(exc, text)
    if explained is not None:
        line, column, cause, fix = explained
        return ContentError(name, line, column, said("yaml_syntax", problem=cause), fix)
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = parser_problem(exc.problem or exc.context or "invalid YAML")
    hint = said("yaml_generic_hint")
    if exc.context and "quoted scalar" in exc.context and exc.context_mark:
        line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        problem = said("yaml_unclosed_quote")
        hint = said("yaml_unclosed_quote_hint")
    elif "\\t" in problem or "tab" in problem:
        problem = said("yaml_tab")
        hint = said("yaml_tab_hint")
    elif "alias" in problem or "anchor" in problem:
        hint = said("yaml_alias_hint")
    elif exc.context and "simple key" in exc.context and exc.context_mark:
        # A line that is neither "key: value" nor a list entry: the parser notices a line later.
        line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        hint = said("yaml_no_colon_hint")
    elif exc.context_mark and exc.context and "while parsing a flow" in exc.context and problem[-2:] in ("]'", "}'"):
        hint = said("yaml_close_hint", open="[" if problem.endswith("]'") else "{", close=problem[-2],
                    line=exc.context_mark.line + 1)
    return ContentError(name, line, column, said("yaml_syntax", problem=problem), hint)


def plain_values(root: Node) -> Any:
    """The tree as plain lists, dicts and texts, built without recursion.

    For readers that compare texts rather than decode the content model (old
    releases): a mapping's non-text keys are left out, a key written twice keeps
    its last value.
    """
    def empty(node: Node) -> Any:
        return node.value if isinstance(node, ScalarNode) else [] if isinstance(node, SequenceNode) else {}

    top = empty(root)
    pending = [(root, top)]
    while pending:
        node, value = pending.pop()
        if isinstance(node, SequenceNode):
            for child in node.value:
                value.append(empty(child))
                pending.append((child, value[-1]))
        elif isinstance(node, MappingNode):
            for key, child in node.value:
                if isinstance(key, ScalarNode):
                    value[key.value] = empty(child)
                    pending.append((child, value[key.value]))
    return top
