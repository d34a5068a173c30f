"""The content as the site sees it: loaded again only when a content file changed.

mkdocs-static-i18n runs every event once per language, and pages ask for the
content many times per build: the YAML is read and validated once per change,
and what is derived from it (glossary indexes, git facts) once per change too.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guide.content.errors import ContentError, ContentInvalid, draft_item_report, draft_report
from guide.content.loader import ParsedFiles, content_state, load_guide
from guide.content.messages import say
from guide.content.model import Guide
from guide.history.blame_cache import BlameCache
from guide.history.build_date import last_commit_epoch
from guide.history.line_dates import text_dates
from guide.history.page_source import last_changed
from guide.history.releases import ReleaseNotes, recorded_releases, release_notes, release_tags
from guide.history.translation_status import LineDate, Reviewed, Stale, translation_status
from guide.site.glossary_terms import TermIndex, term_index

log = logging.getLogger("mkdocs.hooks.guide")

FilesKey = tuple[tuple[str, int, int], ...]


class ContentUnusable(Exception):
    """The content is invalid and there is no earlier valid content to show instead."""


@dataclass
class _Derived:
    """What is worked out from one version of the content, at most once each."""

    glossary: dict[str, TermIndex] = field(default_factory=dict)
    page_dates: dict[str, date | None] = field(default_factory=dict)
    text_dates: tuple[dict, str | None] | None = None
    status: tuple[list[Stale] | None, tuple[Reviewed, ...]] | None = None
    releases: tuple[tuple[str, ...], tuple[ReleaseNotes, ...]] | None = None


@dataclass
class LoadedContent:
    """``content_data/`` of one project, as last loaded.

    ``errors`` holds the mistakes of the files as they are now while the
    preview keeps showing ``guide``, the last valid content.
    """

    root: Path
    key: FilesKey | None = None
    guide: Guide | None = None
    errors: tuple[ContentError, ...] = ()
    derived: _Derived = field(default_factory=_Derived)
    parsed: ParsedFiles = field(default_factory=ParsedFiles)  # only the file saved is parsed again
    blames: BlameCache = field(default_factory=BlameCache)  # only the file saved is blamed again
    drafts: bool = False  # the preview shows the competencies marked draft: true; a build leaves them out

    @property
    def content_dir(self) -> Path:
        return self.root / "content_data"

    def current(self, *, check: bool, keep_last_valid: bool) -> Guide:
        """The validated content; the files are listed again only with ``check`` (once per
        build: pages ask many times, and listing each time grew with pages × files).

        With ``keep_last_valid`` (the preview), a mistake keeps the last valid content
        on screen and is kept in ``errors``; otherwise it raises ``ContentInvalid``.
        """
        if not check and self.guide is not None:
            return self.guide
        key = content_state(self.content_dir)  # the path within content_data/: renaming a folder is a change
        if self.key != key:
            try:
                guide = load_guide(self.content_dir, self.parsed, drafts=self.drafts)
            except ContentInvalid as exc:
                if not keep_last_valid or self.guide is None:
                    raise
                # While previewing, a mistake must not take the pages away: say
                # where it is and keep rendering the last valid content.
                log.error(f"{exc.report()}\n{say('preview_keeps_last')}")
                self.key, self.errors = key, tuple(exc.errors)
                # What git says depends on the files as they are; the indexes on the content shown.
                self.derived = _Derived(glossary=self.derived.glossary, page_dates=self.derived.page_dates)
                return self.guide
            self.key, self.guide, self.errors, self.derived = key, guide, (), _Derived()
            for folder in guide.competencies:
                if folder.draft:  # what is left to write: warnings, never the page's banner
                    log.warning(draft_report(folder.folder, folder.unwritten))
                for item in folder.draft_items:
                    log.warning(draft_item_report(item))
        assert self.guide is not None
        return self.guide

    def glossary(self, lang: str) -> TermIndex:
        """The glossary's terms for a language, indexed once per content change."""
        if lang not in self.derived.glossary:
            self.derived.glossary[lang] = term_index(self._guide(), lang)
        return self.derived.glossary[lang]

    def last_changed(self, path: str) -> date | None:
        """When a content file last changed in git, once per content change."""
        if path not in self.derived.page_dates:
            self.derived.page_dates[path] = last_changed(self.root, path)
        return self.derived.page_dates[path]

    def text_dates(self) -> tuple[dict, str | None]:
        """When each text last changed (git blame), and HEAD's time for texts not yet committed."""
        if self.derived.text_dates is None:
            self.blames.refresh(self.root)
            self.derived.text_dates = (text_dates(self.root, self._guide().bilingual, self._blame),
                                       last_commit_epoch(self.root))
        return self.derived.text_dates

    def translation_status(self) -> tuple[list[Stale] | None, tuple[Reviewed, ...]]:
        """Items whose languages were changed apart (None: not a git checkout), and the
        standing reviews, from git."""
        if self.derived.status is None:
            self.blames.refresh(self.root)
            status = translation_status(self.root, self._guide().bilingual, self._blame, self.blames.items)
            self.derived.status = (status.stale, tuple(status.reviewed)) if status else (None, ())
        return self.derived.status

    def releases(self) -> tuple[ReleaseNotes, ...]:
        """The recorded releases' notes, from git tags, once per content or tag change."""
        tags = tuple(release_tags(self.root))
        if self.derived.releases is None or self.derived.releases[0] != tags:
            self.derived.releases = (tags, tuple(release_notes(recorded_releases(self.root))))
        return self.derived.releases[1]

    def _blame(self, repo: Path, file: Path) -> list[LineDate] | None:
        """A content file's blame, kept between saves; from the bytes the load just read."""
        path, root = str(file), os.path.join(str(self.root), "")  # string work: asked once per file and save
        shown = path[len(root):].replace(os.sep, "/") if path.startswith(root) else ""
        return self.blames.lines(repo, file, self.parsed.bytes_of(shown))

    def _guide(self) -> Guide:
        if self.guide is None:
            raise ContentUnusable("the content has not been loaded")
        return self.guide
