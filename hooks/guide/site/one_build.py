"""What one build makes, from its ``on_config`` to its ``on_post_build``.

One build covers every language (mkdocs-static-i18n builds the others inside
the first one's ``on_post_build``). The offline copy is a build of its own,
made in the same process inside the published one: it gets its own
``OneBuild``, so it cannot overwrite what the published build is making.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guide.history.releases import ReleaseNotes
from guide.publish.downloads import Download
from guide.render.base import SearchEntry

# A page's blocks rendered: its Markdown, its search entries and its deferred HTML.
Rendered = tuple[str, list[SearchEntry], dict[str, str]]


@dataclass
class OneBuild:
    offline_copy: bool = False  # the offline zip's copy of the site (material/offline enabled)
    downloads: tuple[Download, ...] = ()  # the PDFs a published build prints
    # Per page URL, every language: the items' own search entries.
    search_entries: dict[str, list[SearchEntry]] = field(default_factory=dict)
    # Per page URL: finished HTML that skips Markdown and the other passes (Context.defer).
    deferred: dict[str, dict[str, str]] = field(default_factory=dict)
    # Per page of the language being built: the Markdown it was rendered from, and the result.
    rendered: dict[str, tuple[str, Rendered]] = field(default_factory=dict)
    rendered_digests: dict[str, str] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)  # every page URL of every language
    rebuilt: set[str] = field(default_factory=set)  # the pages a preview's save built
    # Language -> its 404 page, as its build rendered it; each build writes the one root
    # 404.html, so the last language's on_post_build puts every one in its place.
    not_found_pages: dict[str, str] = field(default_factory=dict)
    # A preview's save: each page's (fingerprint, frame) by its output path (guide.preview.incremental).
    fingerprints: dict[str, tuple[str, str]] = field(default_factory=dict)
    # A preview's save: whether the 404 page and the sitemaps show anything new (None: a full build).
    frames_changed: bool | None = None
    # The recorded releases' notes, asked of git once per build (each language's changes page needs them).
    releases: tuple[ReleaseNotes, ...] | None = None

    def next_language(self) -> None:
        """Rendered pages are per language: i18n gives each language its own page objects."""
        self.rendered.clear()
        self.rendered_digests.clear()
