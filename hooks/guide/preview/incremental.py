"""Which pages a preview rebuilds after an edit (``mkdocs serve --dirty``).

MkDocs' dirty reload rebuilds a page only when its Markdown file is newer than
its HTML; our pages are stubs filled from ``content_data/``, so their Markdown
never changes when the YAML does. Instead, each page gets a fingerprint of the
content it shows, in its own language, and is rebuilt when that changed:

* a competency's page: that competency's texts in the page's language, the
  shared files (labels, glossary, sources, catalogue) in that language, and
  what the navigation lists (every competency's name and pages);
* any other page (home, glossary, cards, …): the whole catalogue in its
  language (the cards themselves are in deck files, ``guide.site.deck_files``);
* the translation-status pages, also the status itself. It is not in the
  others' fingerprints: in a git checkout every edit changes it (uncommitted
  lines count as the newest), which would rebuild every page on every save.

Everything every page shows (preview errors, the theme's files, mkdocs.yml)
goes into every fingerprint. A full build ignores all this: MkDocs asks
``is_modified`` only when building dirty.

A fingerprint is coarse: most edits change the catalogue without changing what
the home or glossary page shows, and a behaviour's text is not on the
competency's tips page. When a page's fingerprint changed, its blocks are
rendered (cheap: Markdown is the costly part) and the page is rebuilt only if
that output differs from the last one built (``BuiltPages``).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Callable

from guide.content.model import LANGUAGES, Guide
from guide.render.pages import page_kinds


def _walk(node: object, lang: str | None, out: list[str]) -> None:
    """Everything ``node`` holds, as text, with only ``lang``'s side of each bilingual text."""
    if isinstance(node, (list, tuple)):
        out.append("[")
        for child in node:
            _walk(child, lang, out)
        out.append("]")
    elif isinstance(node, dict):
        out.append("{")
        for key, child in node.items():
            out.append(str(key))
            _walk(child, lang, out)
        out.append("}")
    elif is_dataclass(node):
        out.append(type(node).__name__)
        bilingual = isinstance(getattr(node, "en", None), str) and isinstance(getattr(node, "fr", None), str)
        for f in fields(node):
            if f.name == "loc" or (bilingual and lang is not None and f.name in LANGUAGES and f.name != lang):
                continue
            out.append(f.name)
            _walk(getattr(node, f.name), lang, out)
    else:
        out.append(repr(node))


def _digest(*parts: object, lang: str | None = None) -> str:
    out: list[str] = []
    for part in parts:
        _walk(part, lang, out)
    return hashlib.sha1("\x1f".join(out).encode("utf-8")).hexdigest()


class FileDigests:
    """Each content file's digest per language, kept between saves.

    The loader hands back the same object for a file that did not change, so a
    save digests the file saved, not the whole catalogue again.
    """

    def __init__(self) -> None:
        # (id of a content file's decoded value, language) -> (the value, its digest)
        self._known: dict[tuple[int, str | None], tuple[object, str]] = {}

    def of(self, value: object, lang: str | None, used: set[tuple[int, str | None]]) -> str:
        key = (id(value), lang)
        used.add(key)
        remembered = self._known.get(key)
        if remembered is None or remembered[0] is not value:
            remembered = self._known[key] = (value, _digest(value, lang=lang))
        return remembered[1]

    def forget_all_but(self, used: set[tuple[int, str | None]]) -> None:
        for key in [key for key in self._known if key not in used]:
            del self._known[key]


class Fingerprints:
    """The fingerprint of every page of one guide, computed once per content change."""

    def __init__(self, guide: Guide, extra: object, status: object = None,
                 digests: FileDigests | None = None) -> None:
        digests = digests if digests is not None else FileDigests()
        self._status = _digest(status)
        used: set[tuple[int, str | None]] = set()
        shared = (guide.sources, guide.licence, guide.labels, guide.catalogue, guide.glossary)
        listed = [(f.id, f.competency.name, [k.name for k in page_kinds(f)]) for f in guide.competencies]
        self._common = {lang: _digest(extra, [digests.of(part, lang, used) for part in shared], listed,
                                      lang=lang) for lang in LANGUAGES}
        self._folders = {(f.id, lang): _digest(f.id, f.folder, [digests.of(getattr(f, part.name), lang, used)
                                                              for part in fields(f) if part.name not in ("id", "folder")])
                         for f in guide.competencies for lang in LANGUAGES}
        digests.forget_all_but(used)
        self._whole = {lang: _digest(self._common[lang], [self._folders[(f.id, lang)] for f in guide.competencies])
                       for lang in LANGUAGES}

    def frame(self, lang: str) -> str:
        """What every page in ``lang`` shows around its own blocks."""
        return self._common[lang]

    def page(self, competency_id: str | None, lang: str, status: bool = False) -> str:
        """A page shows one competency, or the whole catalogue in its language, and perhaps
        the translation status."""
        if competency_id is not None:
            return self._common[lang] + self._folders[(competency_id, lang)]
        whole = self._whole[lang]
        return whole + self._status if status else whole


def output_digest(markdown: str, deferred: dict[str, str], *around: str) -> str:
    """What a page's blocks rendered to, deferred HTML included, and what else the page
    shows from the content (``around``: its source file's line and date)."""
    digest = hashlib.sha1()
    for part in (markdown, *deferred.values(), *around):  # not joined first: a page can be large
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


class BuiltPages:
    """What each page of the preview was last built from: its fingerprint, its frame
    and the digest of its rendered blocks."""

    def __init__(self) -> None:
        self._built: dict[str, tuple[str, str | None, str]] = {}

    def needs_build(self, dest: str, fingerprint: str, frame: str,
                    rendered: Callable[[], str | None]) -> bool:
        """Not built yet, or its fingerprint changed, and with it either ``frame``
        (what the page shows around its blocks: navigation, footer, theme) or, when
        ``rendered`` can tell, its rendered blocks."""
        last = self._built.get(dest)
        if last is None:
            return True
        if last[0] == fingerprint:
            return False
        if last[2] != frame:
            return True
        digest = rendered()
        if digest is not None and digest == last[1]:
            self._built[dest] = (fingerprint, digest, frame)  # the same page: no need to render it again
            return False
        return True

    def record(self, dest: str, fingerprint: str, frame: str, digest: str | None) -> None:
        self._built[dest] = (fingerprint, digest, frame)


# The theme's own pages, which show only what surrounds every page (navigation,
# footer, labels): each language's 404 page and the sitemap.
FRAME_ONLY_TEMPLATES = frozenset({"404.html", "sitemap.xml"})


def theme_templates_to_skip(frames_changed: bool | None) -> frozenset[str]:
    """The theme pages a language's build need not render: every language renders its
    own 404 page (``GuideSite.on_post_template`` keeps each). Under the preview
    (``frames_changed`` not None), neither is rendered again until the frame of some
    language, or the list of pages, changed."""
    return FRAME_ONLY_TEMPLATES if frames_changed is False else frozenset()


def theme_files_state(root: Path) -> tuple:
    """mkdocs.yml and the theme's overrides: a change there changes every page."""
    paths = [root / "mkdocs.yml", *sorted((root / "overrides").rglob("*"))]
    return tuple((p.as_posix(), p.stat().st_mtime_ns) for p in paths if p.is_file())


def shows_status(markdown: str) -> bool:
    """The translation-status pages: the only ones that show the status from git."""
    return "<!-- guide: translation-status" in markdown


class _PreviewNotices(logging.Filter):
    """What MkDocs says on every dirty build that is not true of the preview, or not the
    editor's to act on; editors should not learn to ignore a warning.

    * "A 'dirty' build is being performed": navigation and links may be wrong. Here
      they are not (skipped pages keep their titles, changed pages are all rebuilt).
    * "The directory contains stale files": at every start (the French build goes into
      the English one's folder); the preview removes what is stale itself
      (``guide.site.stub_pages.remove_gone_pages``).
    """

    SAID = ("A 'dirty' build is being performed", "The directory contains stale files")

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(self.SAID)


def quiet_preview_notices() -> None:
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _PreviewNotices) for f in build_log.filters):
        build_log.addFilter(_PreviewNotices())
