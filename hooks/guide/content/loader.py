"""Load and validate all of ``content_data/`` into one ``Guide``.

The catalogue's shared files sit at the top of ``content_data/``; each
competency is a folder of its own under ``competencies/``, so copying a folder
adds a competency. Every file is read once, every error of every file is
collected, and the cross-file rules (ids unique within a competency, existing
sources and references, levels 1 to N, a folder named after its competency)
are checked before anything is rendered: the build publishes all or nothing.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from guide.content.cards import card_errors, code_collisions, deck
from guide.content.decode import INVALID, Declaration, Decoded, Decoder, Location, Reference, compared_name
from guide.content.draft_items import without_draft_items
from guide.content.errors import ContentError, ContentInvalid
from guide.content.messages import Said, kind_name, said
from guide.content.model import (COMPETENCIES_FOLDER, COMPETENCY_FILES, REQUIRED_COMPETENCY_FILES, SHARED_FILES,
                    Catalogue, Competency, CompetencyFolder, DraftItem, Guide, SourcesFile, UiFile)
from guide.content.reviews import REVIEWS_FILE, read_reviews_file
from guide.content.scaffold import SOURCE_TO_CHOOSE
from guide.content.yaml_nodes import MAX_FILE_BYTES, load_nodes

YAML_SUFFIXES = (".yml", ".yaml")


def content_state(content_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Each file under ``content_dir`` (its path from there, time, size), in order: when
    this changes, the content must be loaded again. One look at each file, and none
    inside a linked folder (the loader refuses links)."""
    found: list[tuple[str, int, int]] = []
    folders = [(content_dir, "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            listing = list(os.scandir(folder))
        except OSError:
            continue
        for entry in listing:
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((Path(entry.path), f"{prefix}{entry.name}/"))
                elif entry.is_file():
                    stat = entry.stat()
                    found.append((f"{prefix}{entry.name}", stat.st_mtime_ns, stat.st_size))
            except OSError:
                continue  # gone meanwhile: the next look sees it
    return tuple(sorted(found))


@dataclass
class _Scope:
    """What the files of one scope (the shared files, or one competency) hold."""

    roots: dict[str, Any] = field(default_factory=dict)
    found: Decoded = field(default_factory=Decoded)
    unreadable: bool = False  # a file could not be read: references to its items say nothing new
    reads: list[_ReadFile] = field(default_factory=list)  # what its files decoded to, in order


@dataclass(frozen=True)
class _FolderChecks:
    """What the rules of one competency's folder found, before and after its names are
    compared with the other competencies' (``_name_errors``, which needs them all)."""

    errors: list[ContentError]
    later: list[ContentError]
    unwritten: list[ContentError] | None  # a draft competency's texts still to write; None if not a draft
    draft_items: tuple[DraftItem, ...]
    declared: dict[str, Location]  # every id the folder declares, and where


def load_guide(content_dir: Path, parsed: ParsedFiles | None = None, drafts: bool = False) -> Guide:
    """Return the validated guide, or raise ``ContentInvalid`` with every error.

    ``parsed``: what earlier loads of the same folder parsed (a preview's saves).
    ``drafts``: keep the competencies marked ``draft: true`` (the preview, ``make check``);
    otherwise they are left out, as if their folders were not there. Either way, a text
    still to write or a source still to choose is an error only outside a draft.
    """
    parsed = parsed if parsed is not None else ParsedFiles()
    base = content_dir.parent
    errors: list[ContentError] = _link_errors(content_dir, base)
    shared = _load_scope(parsed, content_dir, SHARED_FILES, SHARED_FILES, base, errors)
    folders: dict[str, _Scope] = {}
    competencies_dir = content_dir / COMPETENCIES_FOLDER
    listed = competencies_dir.is_dir() and not competencies_dir.is_symlink()
    for entry in sorted(competencies_dir.iterdir()) if listed else []:
        if entry.is_symlink():
            folders[entry.name] = _Scope(unreadable=True)  # refused by _link_errors
            continue
        if not entry.is_dir():
            if entry.suffix.lower() in YAML_SUFFIXES:
                errors.append(ContentError(
                    _display(entry, base), 1, 1, said("file_for_folder", name=entry.name),
                    said("file_for_folder_hint", path=f"{COMPETENCIES_FOLDER}/<id>/competency.yml")))
            continue
        folders[entry.name] = _load_scope(parsed, entry, COMPETENCY_FILES, REQUIRED_COMPETENCY_FILES, base, errors)
    if not folders:
        errors.append(ContentError(_display(competencies_dir, base), 1, 1, said("no_competency"),
                                   said("no_competency_hint", folder=f"{COMPETENCIES_FOLDER}/<id>/",
                                        command="make competency ID=<id>")))

    competency_ids = [d for scope in folders.values() for d in scope.found.ids if d.kind == "competency"]
    for name, scope in folders.items():
        if scope.unreadable and not any(d.kind == "competency" for d in scope.found.ids):
            # Its competency.yml could not be read (its own error says why): the
            # catalogue naming the folder is not a second mistake.
            where = _display(competencies_dir / name / "competency.yml", base)
            competency_ids.append(Declaration(name, "competency", Location(where, 1, 1)))
    named: dict[str, Competency] = {}  # a name in either language → the competency using it first
    reviews = content_dir / REVIEWS_FILE
    if reviews.is_file() and not reviews.is_symlink():
        errors.extend(read_reviews_file(reviews, _display(reviews, base))[1])
    errors.extend(shared.found.unwritten)  # the shared files are never drafts
    errors.extend(_id_errors(shared.found.ids))
    errors.extend(_catalogue_errors(shared))
    errors.extend(_reference_errors(shared.found.references, shared.found.ids + competency_ids,
                                    shared.unreadable))
    unwritten: dict[str, list[ContentError]] = {}
    draft_items: dict[str, tuple[DraftItem, ...]] = {}
    checked: dict[str, _FolderChecks] = {}
    for name, scope in folders.items():
        checks = checked[name] = parsed.checks(name, scope, shared, competency_ids)
        errors.extend(checks.errors)
        if checks.unwritten is not None:
            unwritten[name] = checks.unwritten
        else:
            draft_items[name] = checks.draft_items
        competency = scope.roots.get("competency.yml")
        if isinstance(competency, Competency):
            errors.extend(_name_errors(competency, named))
        errors.extend(checks.later)
    parsed.forget_checks_but(set(folders))
    for name, items in draft_items.items():
        if items:  # the published build's files, checked in the preview and `make check` too
            published = {file: without_draft_items(root, items, file.removesuffix(".yml"))
                         for file, root in folders[name].roots.items()}
            errors.extend(e for _, found in published.values() for e in found)
            if not drafts:
                folders[name].roots = {file: root for file, (root, _) in published.items()}
    if errors:
        raise ContentInvalid(errors)

    if not drafts:
        folders = {name: scope for name, scope in folders.items() if name not in unwritten}
    catalogue: Catalogue = _without(shared.roots["catalogue.yml"], set(unwritten) - set(folders))
    sources: SourcesFile = shared.roots["sources.yml"]
    ui: UiFile = shared.roots["ui.yml"]
    if not folders:
        raise ContentInvalid([ContentError(_display(competencies_dir, base), 1, 1, said("all_drafts"),
                                           said("all_drafts_hint", line="draft: true"))])
    kept_items = draft_items if drafts else {}  # a build publishes none, nor where their languages are
    left_out = {name: {(i.kind, i.id) for i in items} for name, items in draft_items.items() if not drafts}
    guide = Guide(
        bilingual=tuple(shared.found.bilingual) + tuple(b for s in folders.values() for b in s.found.bilingual)
        + tuple(b for name in kept_items for d in folders[name].found.draft_items for b in d.bilingual),
        sources={s.id: s for s in sources.sources}, licence=shared.roots["licence.yml"], labels=ui.labels,
        catalogue=catalogue, glossary=shared.roots["glossary.yml"],
        competencies=tuple(parsed.folder(_folder(name, folders[name], content_dir / COMPETENCIES_FOLDER / name, base,
                                                 unwritten.get(name), kept_items.get(name) or ()))
                           for name in catalogue_order(catalogue, list(folders))),
        declared={"": {d.id: d.loc for d in shared.found.ids},
                  **{name: {d.id: d.loc for d in scope.found.ids if (d.kind, d.id) not in left_out[name]}
                     if left_out.get(name) else checked[name].declared for name, scope in folders.items()}},
    )
    cards = deck(guide)  # remembered for the pages that print it
    errors = card_errors(cards) + code_collisions(cards)
    if errors:
        raise ContentInvalid(errors)
    return guide


def _folder_checks(name: str, scope: _Scope, shared: _Scope, competency_ids: list[Declaration]) -> _FolderChecks:
    """The rules of one competency's folder, given the shared files and every competency's id."""
    errors: list[ContentError] = []
    declared = shared.found.ids + scope.found.ids
    errors.extend(_id_errors(declared, only=scope.found.ids))
    references = scope.found.references + [r for d in scope.found.draft_items for r in d.references
                                           if scope.found.draft or r.kind != "source"]
    chosen = [r for r in references if not _to_choose(r)]
    errors.extend(_reference_errors(chosen, declared + competency_ids, shared.unreadable or scope.unreadable))
    left = scope.found.unwritten + _reference_errors([r for r in references if _to_choose(r)], declared)
    unwritten: list[ContentError] | None = None
    draft_items: tuple[DraftItem, ...] = ()
    if scope.found.draft:  # the competency is a draft as a whole: its draft items are of it
        unwritten = left + [e for d in scope.found.draft_items for e in d.unwritten]
    else:
        errors.extend(left)
        # An item's own draft: what it lacks (texts to write, any source not yet right) is
        # listed, never an error; a published build leaves the item out.
        draft_items = tuple(DraftItem(d.id, d.kind, d.loc, tuple(sorted(d.unwritten + _reference_errors(
            [r for r in d.references if r.kind == "source"], declared))))
            for d in sorted(scope.found.draft_items, key=lambda d: d.loc))  # in the order of the files
    later: list[ContentError] = []
    competency = scope.roots.get("competency.yml")
    if isinstance(competency, Competency):
        errors.extend(_folder_errors(name, scope))
        later.extend(_level_errors(competency))
    return _FolderChecks(errors, later, unwritten, draft_items, {d.id: d.loc for d in scope.found.ids})


def catalogue_order(catalogue: Catalogue, names: list[str]) -> list[str]:
    """The catalogue's ``order`` first, then every other competency alphabetically."""
    listed = [name for name in catalogue.order if name in names]
    return listed + sorted(name for name in names if name not in listed)


def _load_scope(parsed: ParsedFiles, folder: Path, files: dict[str, type], required: Any, base: Path,
                errors: list[ContentError]) -> _Scope:
    scope = _Scope()
    # One listing of the folder (its entries know whether they are links or files: no
    # second look at each file's path), in the order of the names.
    with os.scandir(folder) as listing:
        entries = {entry.name: entry for entry in sorted(listing, key=lambda entry: entry.name)}
    shown_folder = _display(folder, base)
    for entry in entries.values():
        if (entry.is_file() and not entry.is_symlink() and entry.name not in files
                and Path(entry.name).suffix.lower() in YAML_SUFFIXES):
            listed = ", ".join(files)
            errors.append(ContentError(
                f"{shown_folder}/{entry.name}", 1, 1, said("unknown_content_file", name=entry.name),
                said("unknown_shared_file_hint", files=listed, folder=COMPETENCIES_FOLDER) if files is SHARED_FILES
                else said("unknown_content_file_hint", files=listed)))
    for name, root_type in files.items():
        path = folder / name
        shown = f"{shown_folder}/{name}"
        found = entries.get(name)
        if found is not None and found.is_symlink():
            scope.unreadable = True  # refused by _link_errors
            continue
        if found is None or not found.is_file():
            if name in required:
                hint = (said("file_missing_shared_hint") if files is SHARED_FILES
                        else said("file_missing_competency_hint", name=name, command="make competency ID=<id>"))
                errors.append(ContentError(shown, 1, 1, said("file_missing", name=name), hint))
            continue
        read = parsed.read(path, shown, root_type, name)
        scope.reads.append(read)
        errors.extend(read.errors)
        if read.unreadable:
            scope.unreadable = True
            continue
        scope.found.ids.extend(read.found.ids)
        scope.found.references.extend(read.found.references)
        scope.found.bilingual.extend(read.found.bilingual)
        scope.found.unwritten.extend(read.found.unwritten)
        scope.found.draft |= read.found.draft and name == "competency.yml"
        scope.found.draft_items.extend(read.found.draft_items)
        if read.value is not INVALID:
            scope.roots[name] = read.value
    return scope


@dataclass(frozen=True)
class _ReadFile:
    """One file parsed and decoded: its errors, and what it declares and holds."""

    errors: list[ContentError]
    unreadable: bool
    found: Decoded
    value: Any


class ParsedFiles:
    """What one load hands to the next: each file as last parsed, each competency's folder.

    The preview loads the whole catalogue on every save; only the file saved is
    parsed again (at 30 competencies, parsing everything was a third of each
    rebuild). Files are recognised by their bytes, not their time stamp, which two
    quick saves of the same size can share. A competency whose files all decoded to
    the same objects gets the same ``CompetencyFolder`` back, and with it the cards
    it already made.
    """

    def __init__(self) -> None:
        # (file as shown, its type) -> (its bytes, what they decoded to)
        self._files: dict[tuple[str, type], tuple[bytes, _ReadFile]] = {}
        self._bytes: dict[str, bytes] = {}  # file as shown -> its bytes as last read
        self._folders: dict[str, CompetencyFolder] = {}
        # folder name -> (what its checks were made from, what they found)
        self._checks: dict[str, tuple[tuple[Any, ...], _FolderChecks]] = {}

    def read(self, path: Path, shown: str, root_type: type, name: str) -> _ReadFile:
        try:
            raw: bytes | None = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None
        except OSError:
            raw = None  # load_nodes says why
        if raw is not None:
            self._bytes[shown] = raw
        remembered = self._files.get((shown, root_type))
        if raw is not None and remembered is not None and remembered[0] == raw:
            return remembered[1]
        node, file_errors = load_nodes(path, shown)
        if node is None:
            read = _ReadFile(list(file_errors), True, Decoded(), INVALID)
        else:
            decoder = Decoder(shown)
            value = decoder.decode(node, root_type, name.removesuffix(".yml"))
            read = _ReadFile(list(file_errors) + list(decoder.found.errors), False, decoder.found, value)
        if raw is not None:
            self._files[(shown, root_type)] = (raw, read)
        return read

    def checks(self, name: str, scope: _Scope, shared: _Scope, competency_ids: list[Declaration]) -> _FolderChecks:
        """``_folder_checks``, made again only when the folder's files, the shared files or
        the competencies' ids changed: a save changes one file, and checking every folder
        again grew with the catalogue."""
        made_from = (scope.reads, scope.unreadable, shared.reads, shared.unreadable,
                     [(d.id, d.kind) for d in competency_ids])
        known = self._checks.get(name)
        if known is not None and _same_inputs(known[0], made_from):
            return known[1]
        checks = _folder_checks(name, scope, shared, competency_ids)
        self._checks[name] = (made_from, checks)
        return checks

    def bytes_of(self, shown: str) -> bytes | None:
        """A content file's bytes as the last load read them (``shown``: from the project's root)."""
        return self._bytes.get(shown)

    def forget_checks_but(self, names: set[str]) -> None:
        for gone in set(self._checks) - names:
            del self._checks[gone]

    def folder(self, made: CompetencyFolder) -> CompetencyFolder:
        """``made``, or the folder of the last load when every part of it is the same object."""
        known = self._folders.get(made.id)
        if known is not None and all(_same(getattr(known, f.name), getattr(made, f.name)) for f in fields(made)):
            return known
        self._folders[made.id] = made
        return made


def _same_inputs(kept: tuple[Any, ...], made: tuple[Any, ...]) -> bool:
    """The same files decoded to the same objects, and the same flags and ids."""
    kept_reads, kept_unreadable, kept_shared, kept_shared_unreadable, kept_ids = kept
    reads, unreadable, shared, shared_unreadable, ids = made
    return (len(kept_reads) == len(reads) and all(a is b for a, b in zip(kept_reads, reads, strict=True))
            and len(kept_shared) == len(shared) and all(a is b for a, b in zip(kept_shared, shared, strict=True))
            and (kept_unreadable, kept_shared_unreadable, kept_ids) == (unreadable, shared_unreadable, ids))


def _same(kept: object, made: object) -> bool:
    """The same decoded object (an unchanged file), or the same name."""
    return kept is made or (isinstance(made, str) and kept == made)


def _link_errors(content_dir: Path, base: Path) -> list[ContentError]:
    """Every symbolic link in ``content_dir``, refused: none is followed.

    A link can reach outside the repository (publishing a file nobody reviewed,
    or one that differs from machine to machine) or give one file two places;
    git keeps the link, not what it points to. No content needs one.
    """
    links = [content_dir] if content_dir.is_symlink() else []
    for folder, folders, files in os.walk(content_dir):  # never descends into a linked folder
        links.extend(Path(folder, name) for name in sorted(folders + files) if Path(folder, name).is_symlink())
    return [ContentError(
        _display(link, base), 1, 1, said("symbolic_link", name=link.name),
        said("symbolic_link_folder_hint") if link.is_dir() else said("symbolic_link_file_hint"))
        for link in links]


def _folder(name: str, scope: _Scope, path: Path, base: Path,
            unwritten: list[ContentError] | None, draft_items: tuple[DraftItem, ...]) -> CompetencyFolder:
    roots = scope.roots
    return CompetencyFolder(id=name, folder=_display(path, base), competency=roots["competency.yml"],
                            why=roots.get("why.yml"), tips=roots.get("tips.yml"),
                            workshop=roots.get("workshop.yml"), draft=unwritten is not None,
                            unwritten=tuple(sorted(unwritten or ())), draft_items=draft_items)


def _to_choose(reference: Reference) -> bool:
    """A source the scaffold left for the editor to choose: unwritten, like a marked text."""
    return reference.kind == "source" and reference.value == SOURCE_TO_CHOOSE


def _without(catalogue: Catalogue, left_out: set[str]) -> Catalogue:
    """The catalogue without the drafts a published build leaves out (and no group left empty)."""
    if not left_out:
        return catalogue
    groups = [replace(g, competencies=[c for c in g.competencies if c not in left_out]) for g in catalogue.groups]
    return replace(catalogue, order=[c for c in catalogue.order if c not in left_out],
                   groups=[g for g in groups if g.competencies])


def _id_errors(declared: list[Declaration], only: list[Declaration] | None = None) -> list[ContentError]:
    """Ids used twice in one scope; with ``only``, just those that ``only`` declares again."""
    errors = []
    first: dict[str, Declaration] = {}
    checked = {id(d) for d in only} if only is not None else None
    for declaration in declared:
        other = first.get(declaration.id)
        if other is None:
            first[declaration.id] = declaration
        elif checked is None or id(declaration) in checked:
            errors.append(declaration.loc.error(
                said("id_twice", id=declaration.id, place=f"{other.loc.file}:{other.loc.line}"),
                said("id_twice_hint"),
            ))
    return errors


def _reference_errors(references: list[Reference], declared: list[Declaration],
                      unreadable: bool = False) -> list[ContentError]:
    errors = []
    by_kind: dict[str, set[str]] = {}
    for declaration in declared:
        by_kind.setdefault(declaration.kind, set()).add(declaration.id)
    for reference in references:
        if reference.value in by_kind.get(reference.kind, ()):
            continue
        known = sorted(by_kind.get(reference.kind, ()))  # sorted for the message only: each reference, not each id
        if unreadable and not known:
            continue  # its items are in a file that could not be read: that file's error says why
        close = difflib.get_close_matches(reference.value, known, n=1)
        listed = {"kinds": kind_name(reference.kind, plural=True), "known": ", ".join(known) or "-"}
        errors.append(reference.loc.error(
            said("reference_unknown", kind=kind_name(reference.kind), value=reference.value),
            said("reference_unknown_hint_close", close=close[0], **listed) if close
            else said("reference_unknown_hint", **listed),
        ))
    return errors


def _catalogue_errors(shared: _Scope) -> list[ContentError]:
    """A competency named twice in the catalogue's order, or twice among its groups
    (in one group or in two), would be shown twice on the home page and the grid."""
    catalogue = shared.roots.get("catalogue.yml")
    if not isinstance(catalogue, Catalogue):
        return []
    errors = []
    order: set[str] = set()
    grouped: dict[str, Reference] = {}
    for reference in shared.found.references:
        if reference.what.startswith("catalogue.order["):
            if reference.value in order:
                errors.append(reference.loc.error(said("order_names_twice", id=reference.value),
                                                  said("order_names_twice_hint")))
            order.add(reference.value)
        elif reference.what.startswith("catalogue.groups[") and reference.kind == "competency":
            first = grouped.setdefault(reference.value, reference)
            if first is not reference:
                errors.append(reference.loc.error(
                    said("group_names_twice", id=reference.value, line=first.loc.line, what=first.what),
                    said("group_names_twice_hint")))
    return errors


def _name_errors(competency: Competency, named: dict[str, Competency]) -> list[ContentError]:
    """Two competencies with one name would share a heading, a menu entry and its translation;
    so would two whose names only differ by case, width or an invisible character."""
    errors = []
    for lang in ("en", "fr"):
        name = competency.name.get(lang)
        other = named.setdefault(f"{lang}:{compared_name(name)}", competency)
        if other is not competency and competency.name.loc is not None:
            same = "name_taken" if name == other.name.get(lang) else "name_reads_as"
            errors.append(competency.name.loc.error(
                said(same, name=name, other=other.id, other_name=other.name.get(lang)),
                said("name_taken_hint")))
    return errors


# A competency's id names files of the site longer than its folder (cards/decks/<id>.js,
# written through a temporary ".<name>.<random>.partial"; its PDFs): a name the folder could
# hold but such a file could not stopped the build with a traceback.
MAX_COMPETENCY_ID = 100
# Names Windows keeps for devices, whatever their extension: a folder or file so named
# cannot be checked out, nor unzipped from the offline copy, on Windows.
WINDOWS_DEVICES, WINDOWS_NUMBERED_DEVICES = ("con", "prn", "aux", "nul"), ("com", "lpt")  # com0 to com9…
WINDOWS_DEVICE_NAMES = frozenset({*WINDOWS_DEVICES, *(f"{name}{n}" for name in WINDOWS_NUMBERED_DEVICES for n in range(10))})


def competency_id_trouble(competency_id: str) -> tuple[Said, Said] | None:
    """Why a well-formed id cannot name a competency's folder and files, with a hint;
    None when it can. Shared by the content check and ``make competency``."""
    if len(competency_id) > MAX_COMPETENCY_ID:
        return (said("competency_id_too_long", length=len(competency_id), limit=MAX_COMPETENCY_ID),
                said("competency_id_too_long_hint"))
    if competency_id in WINDOWS_DEVICE_NAMES:
        names = ", ".join([*WINDOWS_DEVICES, *(f"{name}0…{name}9" for name in WINDOWS_NUMBERED_DEVICES)])
        return said("competency_id_device", id=competency_id), said("competency_id_device_hint", names=names)
    return None


def _folder_errors(name: str, scope: _Scope) -> list[ContentError]:
    """A competency's id is its folder's name: the address of its pages and data."""
    declared = next(d for d in scope.found.ids if d.kind == "competency")
    trouble = competency_id_trouble(declared.id)
    if trouble is not None:
        message, hint = trouble
        return [declared.loc.error(message, hint)]
    if declared.id == name:
        return []
    return [declared.loc.error(
        said("folder_id", id=declared.id, folder=name),
        said("folder_id_hint", line=f"id: {name}", id=declared.id))]


def _level_errors(competency: Competency) -> list[ContentError]:
    errors = []
    dimensions = [dim.id for dim in competency.scale]
    for position, level in enumerate(competency.levels, start=1):
        if level.number != position and level.loc is not None:
            errors.append(level.loc.error(
                said("level_number", number=level.number, count=len(competency.levels)),
                said("level_number_hint", position=position, line=f"number: {position}"),
            ))
        written = [on.dimension for on in level.scale]
        if written != dimensions and level.loc is not None:
            # Each level says where it stands on every dimension of the scale, in the scale's
            # order: the tables, the diagram and the levels compared line them up.
            errors.append(level.loc.error(
                said("level_scale", number=level.number, written=", ".join(written), dimensions=", ".join(dimensions)),
                said("level_scale_hint", key="scale:", entry="- dimension: <id>", dimensions=", ".join(dimensions))))
    return errors


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
