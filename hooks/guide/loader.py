"""Load and validate all of ``content_data/`` into one ``Guide``.

Every file is read once, every error of every file is collected, and the
cross-file rules (unique ids, existing sources, levels 1 to N) are checked
before anything is rendered: the build publishes all of it or none of it.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from .decode import INVALID, Declaration, Decoded, Decoder
from .cards import card_errors
from .errors import ContentError, ContentInvalid
from .model import FILES, Competency, Guide, SourcesFile, UiFile
from .yaml_nodes import load_nodes


def content_files(content_dir: Path) -> list[Path]:
    """The files whose change means the content must be loaded again."""
    return sorted(p for p in content_dir.glob("*") if p.is_file())


def load_guide(content_dir: Path) -> Guide:
    """Return the validated guide, or raise ``ContentInvalid`` with every error."""
    errors: list[ContentError] = []
    found = Decoded()
    roots: dict[str, Any] = {}
    unreadable = False
    base = content_dir.parent
    for path in content_files(content_dir):
        if path.name not in FILES and path.suffix in (".yml", ".yaml"):
            errors.append(ContentError(
                _display(path, base), 1, 1, f"unknown content file '{path.name}'",
                f"content files are: {', '.join(FILES)}; rename it or move it out of content_data/",
            ))
    for name, root_type in FILES.items():
        path = content_dir / name
        shown = _display(path, base)
        if not path.is_file():
            errors.append(ContentError(shown, 1, 1, f"the file {name} is missing",
                                       "restore it from the repository (git checkout)"))
            continue
        node, file_errors = load_nodes(path, shown)
        errors.extend(file_errors)
        if node is None:
            unreadable = True
            continue
        decoder = Decoder(shown)
        value = decoder.decode(node, root_type, name.removesuffix(".yml"))
        errors.extend(decoder.found.errors)
        found.ids.extend(decoder.found.ids)
        found.references.extend(decoder.found.references)
        found.bilingual.extend(decoder.found.bilingual)
        if value is not INVALID:
            roots[name] = value
    errors.extend(_cross_file_errors(found, unreadable))
    competency = roots.get("competency.yml")
    if isinstance(competency, Competency):
        errors.extend(_level_errors(competency))
    if errors:
        raise ContentInvalid(errors)
    sources: SourcesFile = roots["sources.yml"]
    ui: UiFile = roots["ui.yml"]
    guide = Guide(bilingual=tuple(found.bilingual),
                 sources={s.id: s for s in sources.sources}, licence=roots["licence.yml"],
                 labels=ui.labels,
                 competency=roots["competency.yml"], why=roots["why.yml"],
                 tips=roots["tips.yml"], workshop=roots["workshop.yml"],
                 glossary=roots["glossary.yml"])
    errors = card_errors(guide)
    if errors:
        raise ContentInvalid(errors)
    return guide


def _cross_file_errors(found: Decoded, unreadable: bool = False) -> list[ContentError]:
    errors = []
    first: dict[str, Declaration] = {}
    for declared in found.ids:
        other = first.get(declared.id)
        if other is not None:
            errors.append(declared.loc.error(
                f"the id '{declared.id}' is already used at {other.loc.file}:{other.loc.line}",
                "ids must be unique across the guide; give this item another id",
            ))
        else:
            first[declared.id] = declared
    for reference in found.references:
        target = first.get(reference.value)
        if target is None or target.kind != reference.kind:
            known = sorted(d.id for d in first.values() if d.kind == reference.kind)
            if unreadable and not known:
                continue  # its items are in a file that could not be read: that error says why
            close = difflib.get_close_matches(reference.value, known, n=1)
            guess = f"did you mean '{close[0]}'? " if close else ""
            errors.append(reference.loc.error(
                f"unknown {reference.kind} '{reference.value}'",
                f"{guess}known {reference.kind}s: {', '.join(known)}",
            ))
    return errors


def _level_errors(competency: Competency) -> list[ContentError]:
    errors = []
    for position, level in enumerate(competency.levels, start=1):
        if level.number != position and level.loc is not None:
            errors.append(level.loc.error(
                f"unknown level {level.number}: levels are numbered 1 to "
                f"{len(competency.levels)}, in order",
                f"this is level {position} in the list; write number: {position}",
            ))
    return errors


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
