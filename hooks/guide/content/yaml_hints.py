"""Hints that name the real cause of a YAML mistake, with the corrected line.

PyYAML reports what its parser saw ("mapping values are not allowed here"),
not what the editor did (a colon in a French sentence). Most such mistakes are
plain text that YAML reads as syntax: a ``: `` or `` #`` inside it, or a first
character YAML reserves (a quote, ``@``, a backtick, ``%``, ``*``, ``&``,
``!``). Quoting the text fixes all of them, so the hint shows the line quoted.
Kept apart from ``yaml_nodes`` so the parser wiring stays small.
"""

from __future__ import annotations

import re
from typing import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guide.content.errors import ContentError
from guide.content.messages import Said, said

# "key: value" on one line, optionally as a list entry ("- key: value").
# The value keeps its trailing blanks (``_key_value`` strips them): a lazy ``.*?`` before
# ``[ \t]*$`` tried every blank of a long run again from each one, quadratic.
_KEY_VALUE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*:[ \t]+)(?P<value>\S.*)$")
_SHOWN = 300  # characters of a line a hint shows in full; a longer one is cut (see _shown)
_REAL_ANCHOR = re.compile(r"^&[\w-]+(?:[ \t]+[\[{].*)?$")  # &name [..] / &name {..} / &name
_REAL_ALIAS = re.compile(r"^\*[\w-]+$")
_RESERVED = frozenset("@`%*&![{|>")  # a text's first characters YAML keeps for its own syntax

Located = tuple[int, int, Said, Said]  # line, column, problem, hint


def explain(exc: yaml.MarkedYAMLError, text: str) -> Located | None:
    """A problem and hint for a syntax error, when its real cause is recognisable."""
    lines = text.splitlines()
    problem = exc.problem or ""
    if "unknown escape" in problem and exc.problem_mark is not None:
        mark = exc.problem_mark
        return mark.line + 1, mark.column + 1, said("yaml_backslash"), _backslash_hint(_line(lines, mark.line))
    if exc.context and "scanning a quoted scalar" in exc.context:
        return None  # a quote never closed: yaml_nodes already says so
    for at in (exc.problem_mark, exc.context_mark):
        if at is None:
            continue
        line = _line(lines, at.line)
        reason = _unquoted_text_problem(line)
        if reason is not None:
            return at.line + 1, _value_column(line), reason, quote_hint(line)
    if exc.problem_mark is not None and any(
            words in problem for words in ("mapping values", "expected <block end>", "expected '-' indicator",
                                            "expected key")):
        indented = _indentation_hint(lines, exc.problem_mark.line)
        if indented is not None:
            # "mapping values": YAML read the line as the text above it going on.
            what = said("yaml_continued") if "mapping values" in problem else said("yaml_indentation", parser=problem)
            return exc.problem_mark.line + 1, 1, what, indented
    if "mapping values" in problem and exc.problem_mark is not None:
        return (exc.problem_mark.line + 1, exc.problem_mark.column + 1,
                said("yaml_continued"), said("yaml_continued_hint"))
    if "expected key" in problem or "expected <block end>" in problem:
        return None  # indentation: the generic hint is the right one
    return None


def _indentation_hint(lines: list[str], index: int) -> Said | None:
    """The line at ``index`` indented like its nearest sibling above, when that tells.

    A sibling is an earlier line of the same kind (a list entry ``- `` or a
    ``key:``) indented by a few spaces more or less: the editor meant that one.
    """
    line = _line(lines, index)
    stripped = line.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return None
    indent, entry = len(line) - len(stripped), stripped.startswith("- ")
    for above in range(index - 1, max(-1, index - 200), -1):  # bounded: a few screens up
        other = _line(lines, above)
        other_stripped = other.lstrip(" ")
        if not other_stripped or other_stripped.startswith("#"):
            continue
        other_indent = len(other) - len(other_stripped)
        if other_stripped.startswith("- ") == entry and other_indent != indent and abs(other_indent - indent) <= 3:
            return said("yaml_indentation_hint", spaces=other_indent, line=_shown(" " * other_indent + stripped.rstrip()))
        if other_indent < min(indent, 2):
            return None  # back at the top: no sibling to follow
    return None


def text_mistakes(root: Node, text: str, file: str) -> list[ContentError]:
    """Text that YAML read without error but not as the editor meant it.

    A `` #`` in unquoted text cuts it short (the rest becomes a comment), and a
    text starting with ``!`` becomes a tag; both parse, so the parser never
    complains. Only ``en``/``fr`` texts are checked for comments: a comment
    after an id or a number is legitimate.
    """
    lines = text.splitlines()
    errors = []
    for key, node in _scalars(root):
        line = _line(lines, node.start_mark.line)
        if not node.tag.startswith("tag:yaml.org,2002:"):
            errors.append(ContentError(
                file, node.start_mark.line + 1, node.start_mark.column + 1,
                said("yaml_tag_start", char=line[node.start_mark.column:][:1]), quote_hint(line)))
        elif key in ("en", "fr") and not _is_quoted(line, node):
            tail = _line(lines, node.end_mark.line)[node.end_mark.column:]
            if tail.strip().startswith("#"):
                errors.append(ContentError(
                    file, node.end_mark.line + 1, node.end_mark.column + 1 + tail.index("#"),
                    said("yaml_comment_kept", kept=node.value) if node.value else said("yaml_comment_empty"),
                    quote_hint(_line(lines, node.end_mark.line))))
    return errors


def quote_hint(line: str) -> Said:
    """'put this text in quotes', with the line as it should be written."""
    fixed = quoted_line(line)
    if fixed is None:
        return said("yaml_quote_any_hint", example='"..."')
    return said("yaml_quote_hint", line=_shown(fixed.strip()))


def quoted_line(line: str) -> str | None:
    """The same ``key: value`` line with the value quoted, or None if not one."""
    found = _key_value(line)
    if found is None:
        return None
    lead, value, _ = found
    if value.startswith("{"):
        fixed = line
        for text, _ in _flow_problems(value):
            fixed = fixed.replace(f": {text}", f": {_quoted(text)}", 1)
        return None if fixed == line else fixed
    return lead + _quoted(value)


def _quoted(value: str) -> str:
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]  # it was quoted; the mistake was inside
    if '"' in value and "'" not in value:
        return f"'{value}'"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


# -- helpers -------------------------------------------------------------------

def _key_value(line: str) -> tuple[str, str, int] | None:
    """The lead (``key: ``), the value without its trailing blanks and the value's column, or None."""
    match = _KEY_VALUE.match(line)
    if match is None:
        return None
    return match["lead"], match["value"].rstrip(" \t"), match.start("value") + 1


def _shown(line: str) -> str:
    """A line as a hint shows it: whole, unless so long it would bury the message."""
    return line if len(line) <= _SHOWN else line[:80] + "…"


def _unquoted_text_problem(line: str) -> Said | None:
    found = _key_value(line)
    if found is None:
        return None
    value = found[1]
    if value.startswith("{"):
        if not value.endswith("}"):
            return None  # a record never closed: not text, the parser's own words fit
        return next((reason for _, reason in _flow_problems(value)), None)
    return _value_problem(value)


def _flow_problems(value: str) -> list[tuple[str, Said]]:
    """The texts of a one-line ``{en: ..., fr: ...}`` that need quotes, with why."""
    found = []
    for entry in value.strip("{} ").split(", "):
        key, sep, text = entry.partition(": ")
        reason = _value_problem(text.strip()) if sep and text.strip() else None
        if reason is not None and re.fullmatch(r"[\w-]+", key.strip()):
            found.append((text.strip(), reason))
    return found


def _value_problem(value: str) -> Said | None:
    first = value[0]
    if first == "[" and "]" not in value:
        return None  # a list never closed: not text, the generic hint fits
    if first in "'\"" and not _parses(value):
        return said("yaml_quote_start")
    if first == "&" and _REAL_ANCHOR.match(value) or first == "*" and _REAL_ALIAS.match(value):
        return None  # a real anchor or alias: yaml_nodes refuses those with its own hint
    if first in _RESERVED:
        return said("yaml_reserved_start", char=said("backtick") if first == "`" else first)
    if ": " in value or value.endswith(":"):
        return said("yaml_colon_in_text", colon=": ")
    return None


def _parses(value: str) -> bool:
    """Whether ``key: value`` reads as YAML, read the one bounded way."""
    from guide.content.yaml_nodes import well_formed  # which imports this module

    return well_formed(f"k: {value}")


def _backslash_hint(line: str) -> Said:
    found = _key_value(line)
    if found is None or not (found[1].startswith('"') and found[1].endswith('"')):
        return said("yaml_backslash_hint", example="'...'")
    lead, inner = found[0].strip(), found[1][1:-1]
    if "'" not in inner:
        return said("yaml_backslash_single_hint", line=_shown(f"{lead} '{inner}'"))
    return said("yaml_backslash_double_hint", line=_shown(f"{lead} \"{inner.replace(chr(92), chr(92) * 2)}\""))


def _value_column(line: str) -> int:
    found = _key_value(line)
    return found[2] if found else 1


def _is_quoted(line: str, node: ScalarNode) -> bool:
    return line[node.start_mark.column:][:1] in ("'", '"')


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _scalars(node: Node, key: str = "") -> Iterator[tuple[str, ScalarNode]]:
    """Every scalar value with the key it belongs to ("" in a list)."""
    if isinstance(node, ScalarNode):
        yield key, node
    elif isinstance(node, MappingNode):
        for key_node, value in node.value:
            yield from _scalars(value, key_node.value if isinstance(key_node, ScalarNode) else "")
    elif isinstance(node, SequenceNode):
        for child in node.value:
            yield from _scalars(child)
