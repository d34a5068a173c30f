"""The guide as MkDocs builds it: one object whose methods are MkDocs' events.

``hooks/guide_hooks.py`` only binds the events to one ``GuideSite``. What the
events share lives in three typed objects:

* ``LoadedContent``: the content, loaded again only when a content file changed
  (mkdocs-static-i18n runs every event once per language);
* ``OneBuild``: what one build makes, a new one per build;
* ``PreviewState``: only under ``mkdocs serve``, what the preview remembers
  between saves (and its patches of other packages, ``guide.preview.patches``).

The order of events in one build: ``on_config`` (before i18n's, at -100: it
writes the competencies' stub pages and the navigation that i18n then sees as
hand-written), ``on_pre_build``, ``on_files`` (after i18n's), ``on_nav``,
``on_env``, then per page ``on_page_markdown`` (fill the stubs' blocks),
``on_page_content`` (its ids checked, what search skips marked),
``on_post_page`` (the passes over the finished page, ``guide.site.finished_html``); last
``on_post_build`` (after i18n's, which built the other languages inside its
own: split the search index per language, sitemaps, open data, offline zip,
PDFs).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from pathlib import Path
from typing import Any, Callable, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data as get_markdown_and_meta

from guide.content.errors import ContentInvalid
from guide.content.markup import attr_id
from guide.content.model import Guide
from guide.content.typography import for_language
from guide.exports.files import open_data_files
from guide.history.build_date import pin_build_date
from guide.history.page_source import edit_url, page_source
from guide.history.releases import ReleaseNotes
from guide.preview.asset_cache import install as keep_fingerprinted
from guide.preview.incremental import (BuiltPages, Fingerprints, output_digest, quiet_preview_notices, shows_status,
                                       theme_files_state, theme_templates_to_skip)
from guide.preview.state import PreviewState
from guide.publish.downloads import PUBLISH_ENV, is_public, plan
from guide.publish.offline_bundle import OFFLINE_COPY_ENV, ZIP_NAME, BundleFailed, make_bundle, wanted
from guide.publish.pdf_cache import cache_folder
from guide.publish.print_pdfs import PrintFailed, print_pdfs, tab_count
from guide.publish.qr_cache import FILE_NAME as QR_FILE, load_qr_codes, save_qr_codes
from guide.render.base import RenderMemo, ui_text
from guide.render.cards import card_qr_keys
from guide.render.dispatch import UnknownBlock, fill_deferred, render_blocks
from guide.render.page_source import page_source_html
from guide.render.preview_errors import preview_banner
from guide.site.deck_files import DeckFiles
from guide.site.drafts import draft_items_notice, draft_notice, mark_draft_items, mark_unwritten
from guide.site.finished_html import NO_TERMS, PagePasses, finish_page
from guide.site.languages import current_language, default_language, languages, nested_language_build, page_language
from guide.site.loaded_content import LoadedContent
from guide.site.one_build import OneBuild, Rendered
from guide.site.page_ids import duplicate_id_errors
from guide.render.pages import competency_of, navigation, theme_text
from guide.site.search_index import LanguageIndexes, without_search_duplicates
from guide.site.stub_pages import StubPages, remove_gone_pages, watch_all_but_stubs
from guide.site.sitemap import language_sitemap
from guide.publish.whole_files import write_whole

log = logging.getLogger("mkdocs.hooks.guide")

# Material's offline plugin loads this Worker shim from unpkg.com; ours is vendored.
WORKER_SHIM = "javascripts/vendor/iframe-worker-shim.js"


class GuideSite:
    """The guide's MkDocs events, for one process (a build, or a preview's many builds)."""

    def __init__(self) -> None:
        self.command = "build"
        self.content: LoadedContent | None = None
        self.build = OneBuild()
        self.preview: PreviewState | None = None
        self.stubs = StubPages()  # docs/competencies/, as last written
        self.memo = RenderMemo()  # what a renderer reuses from one page or save to the next
        self.decks = DeckFiles()  # each competency's cards, for the cards pages

    # -- events ------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve":
            self.preview = PreviewState(dirty=dirty)
            self.preview.patches.install()
            if dirty:
                quiet_preview_notices()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        if self.preview is not None:
            self.preview.patches.on_serve(server, [self._root(config) / "content_data"])
            watch_all_but_stubs(server, Path(config.docs_dir))
            keep_fingerprinted(server)
            # The first build's leftovers, before the server answers rather than during
            # an editor's first save: its open data, then the longest collection (none
            # while writing, which would freeze the writer's garbage for good).
            self.preview.collector.build_starts()
            self.preview.open_data.write_now()
            self.preview.collector.collect_now()
        return server

    def on_shutdown(self) -> None:
        """The preview stops (Ctrl-C): the open-data writer ends its current file before
        MkDocs removes the site folder under it, which it would report as an error."""
        if self.preview is not None:
            self.preview.open_data.stop()

    def on_build_error(self, *, error: Exception) -> None:
        """A preview's build that failed half way: build every page at the next save, and
        write the open data its save stopped, from the last build that finished."""
        if self.preview is not None:
            self.preview.forget_built_pages()
            self.preview.open_data.resume_if_stopped()
            self.preview.collector.build_ends()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        first = not nested_language_build(config)
        if self.preview is not None:
            if first:
                self.preview.collector.build_starts()
            self.preview.open_data.stop()  # the last build's, before this one touches the site
            self.preview.patches.on_config(config, self.preview.dirty)
        if first:
            self.build = OneBuild()
        self._restore_theme_templates(config)  # before MkDocs lists the theme's static files
        if pin_build_date(self._root(config)) is None:
            log.info("Not a git checkout: pages carry today's date (set SOURCE_DATE_EPOCH to fix it).")
        offline = config.plugins.get("material/offline")  # the name MkDocs registers it under
        self.build.offline_copy = bool(offline is not None and offline.config.enabled)
        if self.build.offline_copy:
            polyfills = config.extra.get("polyfills", [])
            config.extra["polyfills"] = [WORKER_SHIM if "iframe-worker" in str(url) else url for url in polyfills]
        # A language built inside i18n's on_post_build comes moments after the first one,
        # which has just checked the content files and the stub pages: use what it found.
        guide = self._guide(config, check=first)
        self._catalogue_pages(config, guide, write_stubs=first)
        self.build.downloads = ()
        if self._publishing():
            if not is_public(config.site_url):
                raise PluginError(
                    f"A published build prints the card decks, whose QR codes point at the public "
                    f"guide, but SITE_URL is not set (the address is {config.site_url}). Set it to "
                    "the guide's public address: SITE_URL=https://example.org/guide/ make build. "
                    "For a local build without the PDFs, run .venv/bin/mkdocs build.")
            self.build.downloads = plan(guide)
            if first:  # the QR codes drawn by earlier publications, kept with their PDFs
                wanted = card_qr_keys(guide, config.site_url) - self.memo.qr_codes.keys()
                self.memo.qr_codes.update(load_qr_codes(cache_folder(self._root(config)), wanted))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._localise_theme(config, self._guide(config), current_language(config))

    @event_priority(-200)  # after mkdocs-static-i18n's (-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Under a dirty preview, rebuild only the pages whose content changed
        (``guide.preview.incremental``). Runs after i18n's, which gives each language its files."""
        pages = files.documentation_pages()
        self.build.next_language()
        # As Page.url says it: the home page's File.url is "./", its page's "".
        self.build.present.update("" if f.url in (".", "./") else f.url for f in pages)
        if self.preview is None or not self.preview.dirty:
            self._skip_theme_templates(config, theme_templates_to_skip(None))
            return files
        self._decide_rebuilds(self.preview, files, pages, config)
        return files

    @event_priority(-200)  # after mkdocs-static-i18n's (-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """A page a dirty preview skips still needs its title, for the others' navigation."""
        if self.preview is not None and self.preview.dirty:
            for page in nav.pages:
                # Every page, so that the first save finds them read: MkDocs reads the
                # ones it builds again, as it always does.
                self.preview.read_source_once(page, config)
                if not page.file.is_modified():
                    self._escape_title(page)
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # The theme overrides (footer, 404 page) print ui.yml's words, in the
        # language being built unless they ask for another one.
        guide, current = self._guide(config), current_language(config)
        env.globals["ui"] = lambda name, lang=None: ui_text(guide, name, lang or current)
        env.globals["ui_languages"] = [current] + [lang for lang in languages(config) if lang != current]
        env.globals["ui_languages_default"] = default_language(config)
        # The footer's version, linking to this language's "What changed" page.
        env.globals["guide_version"] = guide.catalogue.version
        changes = files.get_file_from_path("changes.md")
        env.globals["changes_url"] = lambda page: (changes.url_relative_to(page.file)
                                                   if changes is not None and page is not None else None)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        try:
            rendered, entries, self.build.deferred[page.url] = self._render_page(markdown, page, config, files)
        except UnknownBlock as exc:
            raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None
        self.build.search_entries[page.url] = entries
        self._escape_title(page)
        page.meta["guide_source"] = self._page_source(markdown, page, config, page_language(page.file, config))
        return rendered

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Check the page's ids; mark what search must not read (before the search plugin
        indexes the page). The passes over the finished page come in on_post_page.

        Under ``mkdocs serve``, while the content is invalid, a banner above every
        page says so (the build fails instead).
        """
        lang = page_language(page.file, config)
        guide = self._guide(config)
        errors = duplicate_id_errors(html, f"/{page.url}", guide.locations(competency_of(page.file.src_uri, guide)))
        if errors and self.command != "serve":
            raise PluginError(ContentInvalid(errors).report())
        if errors:
            log.error(ContentInvalid(errors).report())  # a failed rebuild would stall the preview
        entries = self.build.search_entries.get(page.url, [])
        html, on_page = without_search_duplicates(html, {entry.anchor for entry in entries})
        self.build.search_entries[page.url] = [entry for entry in entries if entry.anchor in on_page]
        competency = competency_of(page.file.src_uri, guide)
        folder = guide.folder(competency) if competency else None
        if folder is not None and folder.draft:  # only the preview has drafts
            html = draft_notice(guide.labels, lang, len(folder.unwritten)) + mark_unwritten(html, guide.labels, lang)
        elif folder is not None and folder.draft_items:  # and draft items
            drafted = {attr_id(item.id) for item in folder.draft_items}
            html = (draft_items_notice(guide.labels, lang, folder.draft_items)
                    + mark_draft_items(mark_unwritten(html, guide.labels, lang), drafted, guide.labels, lang))
        shown = tuple(self._content(config).errors) + tuple(errors)
        return preview_banner(shown, guide.labels, lang) + html if shown else html

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        """A 404 page per language, secured like the pages. Every language's build writes
        the root 404.html: each one's is kept here, and on_post_build writes them where they
        belong (the default language's at the root, the others' in their folders)."""
        if template_name != "404.html":
            return output
        secured = finish_page(output, PagePasses(NO_TERMS, csp=self._secured()))
        self.build.not_found_pages[current_language(config)] = secured
        return secured

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.preview is not None and self.preview.dirty:
            digest = self._rendered_digest_of(page.url, page.meta.get("guide_source", "")
                                              + self._drafts_shown(page.file.src_uri, config))
            fingerprint, frame = self.build.fingerprints[page.file.abs_dest_path]
            self.preview.built.record(page.file.abs_dest_path, fingerprint, frame, digest)
            self.build.rebuilt.add(page.url)
        passes = PagePasses(self._content(config).glossary(page_language(page.file, config)),
                            "../" * page.url.count("/"), csp=self._secured())
        return fill_deferred(finish_page(output, passes), self.build.deferred.pop(page.url, {}))

    @event_priority(-200)  # after mkdocs-static-i18n's (-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if nested_language_build(config):
            return  # the merged index is not ready yet
        build = self.build  # the offline copy, built below, makes its own
        site = Path(config.site_dir)
        guide = self._guide(config)
        self.decks.write(site, guide, config.site_url, self.memo)  # before the PDFs print the cards pages
        if self.preview is not None:
            default = default_language(config)
            for gone in remove_gone_pages(site, guide, [("" if lang == default else lang) for lang in languages(config)]):
                log.info(f"Preview: removed the pages of '{gone}', no longer in the catalogue.")
            self.preview.open_data.start(lambda going_on: self._write_open_data(site, guide, config, going_on),
                                         quiet=self.preview.dirty)
        else:
            self._write_open_data(site, guide, config)
        self._write_search_indexes(config, site, build)
        self._write_not_found_pages(config, site, build)
        if wanted(self.command, build.offline_copy):
            try:
                make_bundle(Path(config.config_file_path), site / "downloads" / ZIP_NAME)
            except BundleFailed as exc:
                raise PluginError(str(exc)) from None
            finally:
                self.build = build
        if build.downloads:
            cache = cache_folder(self._root(config))
            shown = card_qr_keys(guide, config.site_url)
            kept = save_qr_codes(cache, {key: self.memo.qr_codes[key] for key in shown if key in self.memo.qr_codes})
            log.info("QR codes: drew %d, %s %d in %s.", self.memo.qr_drawn, "kept" if kept else "could not keep",
                     len(shown), cache / QR_FILE)
            try:
                made = print_pdfs(site, build.downloads, config.site_url or "", cache=cache, tabs=tab_count())
            except PrintFailed as exc:
                raise PluginError(str(exc)) from None
            log.info("PDFs: printed %d, reused %d from %s (%d old removed; %d pages opened, %d PDFs shown).",
                     len(made.printed), len(made.reused), cache, made.pruned, made.pages_opened, made.shown)
        if self.preview is not None:
            self.preview.collector.build_ends()

    # -- the content -------------------------------------------------------------------

    def _content(self, config: MkDocsConfig) -> LoadedContent:
        root = self._root(config)
        if self.content is None or self.content.root != root:
            self.content = LoadedContent(root, drafts=self.command == "serve")
        return self.content

    def _guide(self, config: MkDocsConfig, check: bool = False) -> Guide:
        try:
            return self._content(config).current(check=check, keep_last_valid=self.command == "serve")
        except ContentInvalid as exc:
            raise PluginError(exc.report()) from None

    @staticmethod
    def _root(config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent

    # -- pages ----------------------------------------------------------------------------

    def _catalogue_pages(self, config: MkDocsConfig, guide: Guide, write_stubs: bool = True) -> None:
        """Every competency's pages as stub files, in the navigation and in each language.

        Runs before mkdocs-static-i18n's on_config (-100), so i18n sees the stubs,
        the navigation and the translated titles as if they were written by hand.
        """
        if write_stubs:
            self.stubs.write(Path(config.docs_dir), guide)  # stat only, when nothing changed
        config.nav = navigation(config.nav or [], guide, default_language(config))
        # Escaped, but plain strings: mkdocs-static-i18n only overrides options of type str.
        # Material prints them raw in attributes and <title>, so escaping is needed; where
        # it adds "| e" a rare &, <, > or " shows escaped twice, never as markup.
        default = default_language(config)
        config.site_name = str(theme_text(for_language(guide.catalogue.title.get(default), default)))
        config.site_description = str(theme_text(for_language(guide.catalogue.introduction.get(default), default)))
        i18n = config.plugins.get("i18n")
        for language in i18n.config.languages if i18n is not None else []:
            if language.locale != default:
                language.nav = navigation(config.nav, guide, language.locale)
                language.site_name = str(theme_text(for_language(guide.catalogue.title.get(language.locale),
                                                                 language.locale)))
                language.site_description = str(theme_text(for_language(
                    guide.catalogue.introduction.get(language.locale), language.locale)))

    def _render_page(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> Rendered:
        """The page's blocks rendered: its Markdown, search entries and deferred HTML.

        Once per page and build: a preview renders a page first to learn whether
        it changed (``is_modified``, set in on_files), then builds it from the same
        result.
        """
        remembered = self.build.rendered.get(page.url)
        if remembered is not None and remembered[0] == markdown:
            return remembered[1]
        content = self._content(config)
        stale, reviewed = content.translation_status()
        deferred: dict[str, str] = {}
        rendered, entries = render_blocks(
            markdown, self._guide(config), page_language(page.file, config),
            deferred=deferred,
            status=stale, reviewed=reviewed, site_url=config.site_url,
            downloads=self.build.downloads,
            site_root="../" * page.url.count("/"),
            link=self._linker(page, files),
            offline_bundle=ZIP_NAME if wanted(self.command, self.build.offline_copy) else None,
            releases=self._releases(content) if "guide: changes" in markdown else (),
            memo=self.memo,
        )
        self.build.rendered[page.url] = (markdown, (rendered, entries, deferred))
        self.build.rendered_digests.pop(page.url, None)
        return rendered, entries, deferred

    def _releases(self, content: LoadedContent) -> tuple[ReleaseNotes, ...]:
        if self.build.releases is None:
            self.build.releases = content.releases()
        return self.build.releases

    def _rendered_digest_of(self, url: str, source: str) -> str | None:
        """The digest of what the page's blocks rendered to in this build and of its
        ``source`` line, computed once: it is needed to decide whether to build the page,
        then to record it (a page's deferred HTML can be large)."""
        remembered = self.build.rendered.get(url)
        if remembered is None:
            return None
        if url not in self.build.rendered_digests:
            rendered, _, deferred = remembered[1]
            self.build.rendered_digests[url] = output_digest(rendered, deferred, source)
        return self.build.rendered_digests[url]

    def _page_source(self, markdown: str, page: Page, config: MkDocsConfig, lang: str) -> str:
        """'Last updated' and 'edit this page' for the file behind the page; only with a repo_url."""
        if not config.repo_url:
            return ""
        root = self._root(config)
        content = self._content(config)
        docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        source = page_source(markdown, f"{docs}/{page.file.src_uri}", root, self._guide(config).folder().id)
        url = edit_url(config.repo_url, config.edit_uri, docs, source)
        return page_source_html(self._guide(config).labels, lang, content.last_changed(source.path), url, source.path)

    @staticmethod
    def _linker(page: Page, files: Files) -> Callable[[str], str]:
        """Another page's address relative to ``page``, as MkDocs will write it.

        i18n gives each language build its own ``Files``, so ``sources.md`` is this
        language's sources page; directory URLs on or off (the offline copy) both work.
        """
        def link(src_uri: str) -> str:
            target = files.get_file_from_path(src_uri)
            if target is None:
                raise PluginError(f"docs/{page.file.src_uri}: links to {src_uri}, which does not exist")
            return target.url_relative_to(page.file)
        return link

    @staticmethod
    def _escape_title(page: Page) -> None:
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = theme_text(page.meta["title"])  # a competency's name may hold anything

    def _secured(self) -> bool:
        """Every published page carries its Content-Security-Policy (see ``guide.site.csp``).

        Not the offline copy: from file:// the offline plugin runs search in an
        iframe-based Worker shim, which a policy for a served site would block.
        Not the preview either: ``mkdocs serve`` adds an inline live-reload script
        to every page it serves (a new one per request, so it cannot be hashed),
        which the policy would block, and the browser would never reload.
        """
        return not (self.build.offline_copy or self.command == "serve")

    # -- the theme ------------------------------------------------------------------------

    @staticmethod
    def _localise_theme(config: MkDocsConfig, guide: Guide, lang: str) -> None:
        """Material's words that i18n leaves in one language, in the language being built.

        i18n rebuilds the site per language with the same Markdown settings and
        palette, so the heading permalinks' title and the colour-scheme toggle's
        name would stay English on French pages. Both come from ui.yml.
        """
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui_text(guide, "permalink", lang)
        for option in config.theme.get("palette") or []:
            if isinstance(option, dict) and option.get("toggle"):
                name = "light_mode" if option.get("scheme") == "slate" else "dark_mode"
                option["toggle"]["name"] = ui_text(guide, name, lang)

    @staticmethod
    def _skip_theme_templates(config: MkDocsConfig, skip: frozenset[str]) -> None:
        """Leave ``skip`` out of this build's theme pages. The next build's on_config (the
        next language's, or the next save's) puts them back before MkDocs reads the list
        again to keep templates out of the static files it copies."""
        statics = config.theme.static_templates
        config.theme.__dict__.setdefault("guide_static_templates", frozenset(statics))
        statics.difference_update(skip)

    @staticmethod
    def _restore_theme_templates(config: MkDocsConfig) -> None:
        config.theme.static_templates.update(config.theme.__dict__.get("guide_static_templates", ()))

    # -- the preview's choice of pages ------------------------------------------------------

    def _decide_rebuilds(self, preview: PreviewState, files: Files, pages: Sequence[File],
                         config: MkDocsConfig) -> None:
        """Give each page's ``is_modified`` the preview's answer: rebuild it when what it shows
        changed (its fingerprint, then its rendered blocks)."""
        guide = self._guide(config)
        content = self._content(config)
        lang, default = current_language(config), default_language(config)
        extra = (content.errors, self.build.downloads, theme_files_state(self._root(config)))
        status = content.translation_status()
        key = (content.key, extra, status)
        if preview.fingerprints is None or preview.fingerprints[0] != key:
            preview.fingerprints = (key, Fingerprints(guide, extra, status, preview.digests))
        fingerprints = preview.fingerprints[1]
        if lang == default:  # the first language built on each save: decide for all of them
            # What the 404 page and the sitemaps show: every language's frame, and the pages.
            frames = (tuple(fingerprints.frame(each) for each in languages(config)),
                      tuple(sorted(f.src_uri for f in pages)))
            self.build.frames_changed = frames != preview.frames
            preview.frames = frames
        self._skip_theme_templates(config, theme_templates_to_skip(self.build.frames_changed))
        built = preview.built
        for file in pages:
            page_lang = page_language(file, config)
            competency = competency_of(file.src_uri, guide)
            self.build.fingerprints[file.abs_dest_path] = (
                fingerprints.page(competency, page_lang, status=competency is None and shows_status(file.content_string)),
                fingerprints.frame(page_lang))
            # MkDocs asks the file itself; i18n keeps a language's File objects from one
            # rebuild to the next, so the answer replaces the instance's, never wraps it.
            file.is_modified = _answered_once(  # type: ignore[method-assign]
                functools.partial(self._needs_build, file, built, config, files))

    def _needs_build(self, file: File, built: BuiltPages, config: MkDocsConfig, files: Files) -> bool:
        """Its Markdown is newer than its page (MkDocs' own test, from the class), or what it
        shows changed (``BuiltPages``)."""
        fingerprint, frame = self.build.fingerprints[file.abs_dest_path]
        return type(file).is_modified(file) or built.needs_build(
            file.abs_dest_path, fingerprint, frame, lambda: self._rendered_digest(file, config, files))

    def _rendered_digest(self, file: File, config: MkDocsConfig, files: Files) -> str | None:
        """What a page's blocks render to now, with its source line (None: they cannot,
        and the page's build will say why)."""
        if file.page is None:
            return None
        try:
            markdown, _ = get_markdown_and_meta(file.content_string)
            # As on_page_markdown will receive it: mkdocs-static-i18n's own on_page_markdown
            # (before ours) joins the lines again, without the last newline. Any other text
            # would render the page a second time, and digest it again, in the same build.
            markdown = "\n".join(markdown.splitlines())
            self._render_page(markdown, file.page, config, files)
        except (UnknownBlock, PluginError):
            return None
        lang = page_language(file, config)
        return self._rendered_digest_of(file.page.url, self._page_source(markdown, file.page, config, lang)
                                        + self._drafts_shown(file.src_uri, config))

    def _drafts_shown(self, src_uri: str, config: MkDocsConfig) -> str:
        """What on_page_content adds to a competency's page for its drafts, as part of the page's
        digest: removing draft: true from a written item changes no rendered block, only that."""
        guide = self._guide(config)
        competency = competency_of(src_uri, guide)
        folder = guide.folder(competency) if competency else None
        if folder is None or not (folder.draft or folder.draft_items):
            return ""
        return repr((folder.draft, len(folder.unwritten), [(item.id, len(item.lacking)) for item in folder.draft_items]))

    # -- what the build writes after the pages ----------------------------------------------

    def _write_search_indexes(self, config: MkDocsConfig, site: Path, build: OneBuild) -> None:
        index_path = site / "search" / "search_index.json"
        if not index_path.is_file():
            return
        all_languages, default = languages(config), default_language(config)
        merged = json.loads(index_path.read_text(encoding="utf-8"))
        dirty = self.preview is not None and self.preview.dirty
        if dirty:
            shown = sorted(build.rebuilt)
            log.info(f"Preview: rebuilt {len(shown)} of {len(build.present)} pages: {' '.join(shown[:12])}"
                     + (" …" if len(shown) > 12 else ""))
        indexes = self.preview.indexes if self.preview is not None else LanguageIndexes()
        written = self.preview.indexes_written if self.preview is not None else {}
        extra = {url: entries for url, entries in build.search_entries.items() if url in build.present}
        indexes.update(merged["docs"], extra, build.present, all_languages, default, build.rebuilt if dirty else None)
        for lang in all_languages:
            root = site if lang == default else site / lang
            target = root / "search" / "search_index.json"
            # Material writes the default language's path on every build; the others' are
            # ours, and stay as they are when none of their entries changed.
            state = (indexes.version(lang), json.dumps(merged["config"], sort_keys=True), build.offline_copy)
            if lang == default or written.get(target) != state or not target.is_file():
                data = indexes.to_json(lang, merged["config"])
                write_whole(target, data)
                written[target] = state
                if build.offline_copy:
                    # From file:// Material reads the index from this script, per language root.
                    write_whole(root / "search" / "search_index.js", f"var __index = {data}")
            if lang != default and (site / "sitemap.xml").is_file() and build.frames_changed is not False:
                write_whole(root / "sitemap.xml",
                            language_sitemap((site / "sitemap.xml").read_text(encoding="utf-8"),
                                             config.site_url or "", lang))

    @staticmethod
    def _write_not_found_pages(config: MkDocsConfig, site: Path, build: OneBuild) -> None:
        """Each language's 404 page in its folder: a host that serves ``fr/404.html`` for a
        missing address under ``/fr/`` shows it all in French (see the README)."""
        default = default_language(config)
        for lang, page_html in sorted(build.not_found_pages.items()):
            write_whole(site / "404.html" if lang == default else site / lang / "404.html", page_html)

    def _write_open_data(self, site: Path, guide: Guide, config: MkDocsConfig,
                         going_on: Callable[[], bool] = lambda: True) -> bool:
        """The open-data files (``guide.exports.files``), at the same address for every
        language and version; each made only while ``going_on()`` (the preview's writer
        stops when a save comes). True when every file was written."""
        # A preview skips git: every date is then the release day, and each save reloads sooner.
        dates, head = ({}, None) if self.command == "serve" else self._content(config).text_dates()
        for file in open_data_files(guide, languages(config), config.site_url or "", dates,
                                    int(head) if head else None):
            if not going_on():
                return False
            write_whole(site / file.path, file.make(), file.newline)
        return True

    def _publishing(self) -> bool:
        """`make build` (GUIDE_PUBLISH=1) prints the PDFs; serve and the offline copy never do."""
        nested = bool(os.environ.get(OFFLINE_COPY_ENV)) or self.build.offline_copy
        return os.environ.get(PUBLISH_ENV) == "1" and self.command != "serve" and not nested


def _answered_once(question: Callable[[], bool]) -> Callable[[], bool]:
    """MkDocs and on_nav ask each page three times per build; the answer (file times,
    fingerprints) holds for the whole build."""
    answers: list[bool] = []

    def ask() -> bool:
        if not answers:
            answers.append(question())
        return answers[0]

    return ask

