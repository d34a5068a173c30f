"""What changed between two releases: items added, removed and reworded.

Worked out from the YAML itself (the content files at each release), never
written by hand. The YAML is read as plain text trees, not through the content
model: an old release must still be comparable after the model has moved on
(a renamed key, a new required field). An *item* is any record with an ``id``
in a content file; its *wording* is every ``en``/``fr`` text it holds that does
not belong to a nested item. A draft (an item, or a whole competency, saying
``draft: true``) is no item: the release did not publish it. An item is keyed by its competency (its folder)
and its id, the same scoping the loader uses, so a folder copied under a new
id reads as that competency's items added.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guide.content.decode import MAX_MARKS_IN_A_ROW, MAX_TEXT_CHARACTERS, marks_in_a_row
from guide.content.errors import ContentError
from guide.content.messages import said
from guide.content.model import COMPETENCIES_FOLDER, Text
from guide.content.yaml_nodes import plain_values, read_yaml

CONTENT = "content_data"
SKIPPED = ("ui.yml",)  # labels around the content, not items of the guide


@dataclass(frozen=True)
class Wording:
    """An item as one release had it."""

    scope: str  # the competency's id, or "" for the shared files
    id: str
    label: Text  # what a reader recognises it by: its own text, else its first
    texts: tuple[tuple[str, str, str], ...]  # (where, en, fr) for every text of its own

    @property
    def key(self) -> tuple[str, str]:
        return self.scope, self.id


@dataclass(frozen=True)
class Changes:
    added: list[Wording] = field(default_factory=list)
    removed: list[Wording] = field(default_factory=list)
    reworded: list[tuple[Wording, Wording]] = field(default_factory=list)  # (before, after)
    names: Mapping[str, Text] = field(default_factory=dict)  # competency id → its name, newest known

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.reworded)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _scope(path: str) -> str | None:
    """The competency a content file belongs to ("" shared), None for files that hold no items."""
    parts = path.split("/")
    if not path.endswith((".yml", ".yaml")) or parts[-1] in SKIPPED:
        return None
    if len(parts) == 3 and parts[0] == COMPETENCIES_FOLDER:
        return parts[1]
    return "" if len(parts) == 1 else None


def read_tree(text: str, path: str = "") -> tuple[Any, list[ContentError]]:
    """A content file (``path`` under content_data/) as plain text values, read the
    one bounded way, or None with the errors that stop it: those of the YAML, and
    texts the content's own rules refuse (too long, or marks stacked on one letter,
    which would cost the comparison time out of proportion to their length)."""
    shown = f"{CONTENT}/{path}"
    node, errors = read_yaml(text, shown)
    if node is None:
        return None, errors
    problems = _text_problems(node, shown)
    return (None, problems) if problems else (plain_values(node), [])


def _text_problems(root: Node, shown: str) -> list[ContentError]:
    """Texts over the decoder's limits, the first in the file only: the release is left
    out whole. Walked in document order, last child pushed first."""
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, ScalarNode):
            value = node.value
            too_long = len(value) > MAX_TEXT_CHARACTERS
            if too_long or marks_in_a_row(value) > MAX_MARKS_IN_A_ROW:
                what = (said("release_text_too_long", length=len(value), limit=MAX_TEXT_CHARACTERS)
                        if too_long else said("release_marks_stacked", limit=MAX_MARKS_IN_A_ROW))
                return [ContentError(shown, node.start_mark.line + 1, node.start_mark.column + 1, what,
                                     said("release_left_out_hint"))]
        elif isinstance(node, SequenceNode):
            pending.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            pending.extend(reversed([child for pair in node.value for child in pair]))
    return []


def items_of(files: Mapping[str, str]) -> dict[tuple[str, str], Wording]:
    """Every item in ``files`` (path under content_data/ → YAML text), keyed by (competency, id).

    A file that does not parse holds no items for this purpose: a broken working
    copy is the build's to report, a broken release ``readable_items``'s.
    """
    return readable_items(files)[0]


def readable_items(files: Mapping[str, str]) -> tuple[dict[tuple[str, str], Wording], list[ContentError]]:
    """Every item in ``files``, with the errors of the files that could not be read."""
    found: dict[tuple[str, str], Wording] = {}
    errors: list[ContentError] = []
    trees = {}
    for path in sorted(files):
        scope = _scope(path)
        if scope is None:
            continue
        trees[path], problems = read_tree(files[path], path)
        errors.extend(problems)
    # A draft competency, like a draft item, was not published: not an item of that release.
    drafts = {_scope(path) for path, tree in trees.items() if path.endswith("/competency.yml") and _draft(tree)}
    for path, tree in trees.items():
        scope = _scope(path)
        if scope is not None and scope not in drafts:
            for item in _items(tree, scope):
                found.setdefault(item.key, item)
    return found, errors


def _draft(node: Any) -> bool:
    """A record that says ``draft: true`` (read as text here)."""
    return isinstance(node, dict) and node.get("draft") == "true"


def _items(node: Any, scope: str) -> Iterator[Wording]:
    if isinstance(node, list):
        for child in node:
            yield from _items(child, scope)
        return
    if not isinstance(node, dict) or _draft(node):
        return
    if isinstance(node.get("id"), str):
        texts = tuple(_texts(node, ""))
        if texts:
            own = next((t for t in texts if t[0] == ""), texts[0])
            yield Wording(scope, node["id"], Text(own[1], own[2]), texts)
    for key, child in node.items():
        if key not in ("en", "fr"):
            yield from _items(child, scope)


def _texts(node: Any, where: str) -> Iterator[tuple[str, str, str]]:
    """The (where, en, fr) texts of a record, not descending into nested items."""
    if isinstance(node, list):
        for i, child in enumerate(node):
            yield from _texts(child, f"{where}[{i}]")
        return
    if not isinstance(node, dict):
        return
    if where and isinstance(node.get("id"), str):
        return  # an item of its own
    if isinstance(node.get("en"), str) and isinstance(node.get("fr"), str):
        yield where, _fold(node["en"]), _fold(node["fr"])
    for key, child in node.items():
        if key not in ("en", "fr"):
            yield from _texts(child, f"{where}.{key}" if where else key)


def compare(before: Mapping[str, str], after: Mapping[str, str]) -> Changes:
    """The items added, removed and reworded from ``before`` to ``after`` (content files)."""
    return compare_items(items_of(before), items_of(after))


def compare_items(old: Mapping[tuple[str, str], Wording], new: Mapping[tuple[str, str], Wording]) -> Changes:
    """The items added, removed and reworded from ``old`` to ``new``."""
    names = {item.scope: Text(*next((t[1], t[2]) for t in item.texts if t[0] == "name"))
             for items in (old, new) for item in items.values()
             if item.scope and item.id == item.scope and any(t[0] == "name" for t in item.texts)}
    return Changes(
        added=[item for key, item in new.items() if key not in old],
        removed=[item for key, item in old.items() if key not in new],
        reworded=[(old[key], item) for key, item in new.items() if key in old and old[key].texts != item.texts],
        names=names,
    )
