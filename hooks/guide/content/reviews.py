"""The translation reviews file, ``content_data/translation-reviews.json``, read and checked.

``make reviewed`` writes it; an editor may still edit or merge it by hand, so it
is content like any other: read the one bounded way (JSON is YAML's flow style),
checked by ``make check`` and the build alike, every mistake at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from guide.content.decode import INVALID, Day, Decoder
from guide.content.errors import ContentError
from guide.content.messages import Said, said
from guide.content.yaml_nodes import load_bytes, read_yaml

REVIEWS_FILE = "translation-reviews.json"
_RECORD = '{"<item>": {"reviewed": …, "text": …}, …}'
_REVIEW = '{"reviewed": "YYYY-MM-DD", "text": "…"}'


def _hint() -> Said:
    """Restoring the file is always a way out: ``make reviewed`` writes it."""
    return said("reviews_hint", command="make reviewed ID=<item>", restore=f"git checkout content_data/{REVIEWS_FILE}")


@dataclass(frozen=True)
class Review:
    """An editor checked that an item's two languages still say the same."""

    reviewed: Day
    text: str  # the fingerprint of both languages' lines when they were checked


def read_reviews_file(path: Path, shown: str) -> tuple[dict[str, Review], list[ContentError]]:
    """Every review, by item, or the errors that stop the file from being read."""
    text, errors = load_bytes(path, shown)
    if text is None:
        return {}, _with_hint(errors)
    node, errors = read_yaml(text, shown)
    if node is None:
        return {}, _with_hint(errors)
    if not isinstance(node, MappingNode):
        mark = node.start_mark
        return {}, [ContentError(shown, mark.line + 1, mark.column + 1, said("reviews_not_record", example=_RECORD),
                                 _hint())]
    reviews: dict[str, Review] = {}
    decoder = Decoder(shown)
    for key, value in node.value:
        mark = key.start_mark
        name = key.value if isinstance(key, ScalarNode) else ""
        if not name:
            errors.append(ContentError(shown, mark.line + 1, mark.column + 1, said("review_unnamed"), _hint()))
        elif name in reviews:
            errors.append(ContentError(shown, mark.line + 1, mark.column + 1, said("review_twice", name=name),
                                       said("keep_one_hint")))
        elif not isinstance(value, MappingNode):
            errors.append(ContentError(shown, value.start_mark.line + 1, value.start_mark.column + 1,
                                       said("review_not_record", name=name, example=_REVIEW), _hint()))
        else:
            review = decoder.decode(value, Review, name)  # errors name it as a path, e.g. adopt-x.reviewed
            if review is not INVALID:
                reviews[name] = review
    errors.extend(_with_hint(decoder.found.errors))
    return ({} if errors else reviews), errors


def _with_hint(errors: list[ContentError]) -> list[ContentError]:
    """The file's own hint after the error's: restoring it is always a way out."""
    return [ContentError(e.file, e.line, e.column, e.message, said("hint_or", hint=e.hint, other=_hint())
                         if e.hint else _hint())
            for e in errors]
