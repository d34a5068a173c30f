"""MkDocs wiring for the guide. Thin on purpose: find, delegate, report.

How the pieces fit (see README, "Architecture"):

* ``on_pre_build`` loads and validates ``content_data/`` through a cache keyed by
  the files' size and modification time, so the YAML is read once per build even
  though mkdocs-static-i18n re-runs the build (and every event) per language.
* ``on_page_markdown`` fills the thin stub pages in ``docs/`` (``<!-- guide: x -->``)
  in the page's own language (``page.file.locale``, set by i18n).
* ``on_post_build`` (after i18n's, which runs at -100) splits the merged search
  index into one index per language, writes each language's sitemap and the
  open-data files, zips an offline copy of the site (``offline_bundle``), and in
  a published build (``GUIDE_PUBLISH=1``, ``make build``) prints the PDFs
  listed by ``downloads.plan`` (``print_pdfs``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data as get_markdown_and_meta

from guide.history.build_date import last_commit_epoch, pin_build_date
from guide.exports.case_package import FOLDER as CASE_FOLDER, case_package, package_name
from guide.history.line_dates import text_dates
from guide.history.releases import recorded_releases, release_notes, release_tags
from guide.site.csp import with_csp
from guide.content.errors import ContentInvalid
from guide.site.page_ids import duplicate_id_errors
from guide.site.page_scripts import scripts_for
from guide.preview.preview_memory import collect_between_builds, collect_soon
from guide.site.pages import competency_of, nav_titles, navigation, theme_text, write_stub_pages
from guide.content.typography import for_language
from guide.site.html_head import without_hreflang_links
from guide.preview.incremental import (BuiltPages, Fingerprints, is_bilingual, output_digest, quiet_dirty_warning,
                               shows_status, theme_files_state, theme_templates_to_skip)
from guide.preview.i18n_files import remember_i18n_files
from guide.preview.template_cache import MemoryBytecodeCache, cache_every_environment
from guide.content.loader import content_files, load_guide
from guide.content.model import Guide
from guide.publish.offline_bundle import OFFLINE_COPY_ENV, ZIP_NAME, BundleFailed, make_bundle, wanted
from guide.publish.downloads import PUBLISH_ENV, is_public, plan
from guide.publish.print_pdfs import PrintFailed, print_pdfs
from guide.history.page_source import edit_url, last_changed, page_source
from guide.exports.open_data import (CSV_NAME, FOLDER, JSON_NAME, SCHEMA_NAME, csv_export,
                             exported_data, json_export)
from guide.exports.schema import open_data_schema
from guide.render.base import SearchEntry, ui_text
from guide.render.dispatch import UnknownBlock, fill_deferred, render_blocks
from guide.render.page_source import page_source_html
from guide.render.preview_errors import preview_banner
from guide.site.glossary_terms import TermIndex, explain_terms, term_index
from guide.site.search_index import LanguageIndexes
from guide.preview.serve_watch import keep_watching, poll_often
from guide.history.translation_status import translation_status
from guide.site.sitemap import language_sitemap
from guide.preview.theme_listing import list_installed_themes_once

log = logging.getLogger("mkdocs.hooks.guide")

_cache: dict[str, object] = {"key": None, "guide": None, "glossary": {}, "errors": ()}
_command: dict[str, str] = {"name": "build"}
_templates = MemoryBytecodeCache()
cache_every_environment(_templates)
remember_i18n_files()
_build: dict[str, object] = {"downloads": (), "offline_copy": False}
# Material's offline plugin loads this Worker shim from unpkg.com; ours is vendored.
_WORKER_SHIM = "javascripts/vendor/iframe-worker-shim.js"
_search_entries: dict[str, list[SearchEntry]] = {}
_indexes_written: dict[Path, tuple] = {}  # a language's index file -> what it was written from
_sources: dict[str, tuple] = {}  # a page's file -> (its time and size, its Markdown, its meta)
_indexes = LanguageIndexes()  # each language's search index, page by page
# Per page: finished HTML that skips Markdown and the other passes (Context.defer).
_deferred: dict[str, dict[str, str]] = {}
# Per page of the current build: its Markdown, and what its blocks rendered to.
_rendered: dict[str, tuple[str, tuple[str, list[SearchEntry], dict[str, str]]]] = {}
_rendered_digests: dict[str, str] = {}  # per page of _rendered: the digest of what it rendered
# Under `mkdocs serve --dirty` (make serve): what each page was last built from,
# and what the pages skipped keep in the search index (see guide.incremental).
_preview: dict[str, object] = {"dirty": False, "built": BuiltPages(), "fingerprints": None,
                               "rebuilt": set(), "present": set(), "frames": None, "frames_changed": None}


# -- hooks ---------------------------------------------------------------------

def on_startup(*, command: str, dirty: bool) -> None:
    _command["name"] = command
    _preview["dirty"] = dirty and command == "serve"
    if _preview["dirty"]:
        quiet_dirty_warning()


def on_serve(server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
    if not getattr(server, "_guide_keeps_watching", False):
        server._guide_keeps_watching = True
        poll_often(server)
        keep_watching(server, [Path(config.config_file_path).parent / "content_data"])
        collect_between_builds()  # MkDocs calls on_serve after the first build
    return server


def on_build_error(*, error: Exception) -> None:
    """A preview build that failed half way wrote some pages and not the rest, nor the
    search index or the theme's pages: forget what was built, so the next save builds
    every page again. Open data it stopped before its own build could write it is
    written after all, from the last build that finished."""
    if _preview["dirty"]:
        _preview.update(built=BuiltPages(), frames=None, rebuilt=set(), present=set())
    stopped = _open_data_writer["done"]
    if _command["name"] == "serve" and stopped is not None and not stopped.is_set():  # type: ignore[attr-defined]
        _write_open_data_after_reload(*_open_data_writer["args"])  # type: ignore[misc]
    if _command["name"] == "serve":
        collect_soon()  # what the failed build made is garbage too


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _restore_theme_templates(config)  # before MkDocs lists the theme's static files
    _open_data_written()  # the last preview build's, before this one touches the site
    list_installed_themes_once(config.theme, Path(config.config_file_path).parent)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if _preview["dirty"] and search is not None:
        # Material merges a dirty build's index with the last one by dropping the
        # entries under the first page rebuilt, which holds only when a single
        # page is; every other rebuilt page's entries were doubled on each save.
        # guide.search_index.LanguageIndexes keeps each page's entries (pinned 9.x).
        search.is_dirty = False
    if pin_build_date(Path(config.config_file_path).parent) is None:
        log.info("Not a git checkout: pages carry today's date (set SOURCE_DATE_EPOCH to fix it).")
    offline = config.plugins.get("material/offline")  # the name MkDocs registers it under
    _build["offline_copy"] = bool(offline is not None and offline.config.enabled)
    if _build["offline_copy"]:
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [_WORKER_SHIM if "iframe-worker" in str(url) else url
                                     for url in polyfills]
    # A language built inside i18n's on_post_build comes moments after the first one,
    # which has just checked the content files and the stub pages: use what it found.
    first = not _nested_language_build(config)
    _catalogue_pages(config, _guide(config, check=first), write_stubs=first)
    _build["downloads"] = ()
    if _publishing():
        if not is_public(config.site_url):
            raise PluginError(
                f"A published build prints the card decks, whose QR codes point at the public "
                f"guide, but SITE_URL is not set (the address is {config.site_url}). Set it to "
                "the guide's public address: SITE_URL=https://example.org/guide/ make build. "
                "For a local build without the PDFs, run .venv/bin/mkdocs build.")
        _build["downloads"] = plan(_guide(config))
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    _localise_theme(config, _guide(config), _current_language(config))


@event_priority(-200)  # after i18n's, which gives each language its own files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Under a dirty preview, rebuild only the pages whose content changed (guide.incremental)."""
    pages = files.documentation_pages()
    _rendered.clear()  # a new build (or the next language's): render afresh
    _rendered_digests.clear()
    # As Page.url says it: the home page's File.url is "./", its page's "".
    _preview["present"].update("" if f.url in (".", "./") else f.url for f in pages)  # type: ignore[attr-defined]
    lang, default = _current_language(config), _default_language(config)
    if not _preview["dirty"]:
        _skip_theme_templates(config, theme_templates_to_skip(lang, default, None))
        return files
    guide = _guide(config)
    built: BuiltPages = _preview["built"]  # type: ignore[assignment]
    extra = (_cache["errors"], _build["downloads"], theme_files_state(Path(config.config_file_path).parent))
    status = (_status(config), _cache.get("reviewed"))
    if _preview["fingerprints"] is None or _preview["fingerprints"][0] != (_cache["key"], extra, status):  # type: ignore[index]
        _preview["fingerprints"] = ((_cache["key"], extra, status), Fingerprints(guide, extra, status))
    fingerprints: Fingerprints = _preview["fingerprints"][1]  # type: ignore[index]
    if lang == default:  # the first language built on each save: decide for all of them
        # What the 404 page and the sitemaps show: every language's frame, and the pages.
        frames = (tuple(fingerprints.frame(each) for each in _languages(config)),
                  tuple(sorted(f.src_uri for f in pages)))
        _preview["frames_changed"] = frames != _preview["frames"]
        _preview["frames"] = frames
    _skip_theme_templates(config, theme_templates_to_skip(lang, default, _preview["frames_changed"]))  # type: ignore[arg-type]
    for file in pages:
        lang = getattr(file, "locale", None) or _default_language(config)
        competency = competency_of(file.src_uri, guide)
        bilingual = competency is None and is_bilingual(file.content_string)
        file.guide_fingerprint = fingerprints.page(  # type: ignore[attr-defined]
            competency, lang, bilingual, status=competency is None and shows_status(file.content_string))
        rendered = lambda f=file: _rendered_digest(f, config, files)  # noqa: E731
        # i18n keeps a language's File objects from one rebuild to the next: wrap
        # MkDocs' own test once, not once more per save.
        markdown_newer = file.__dict__.setdefault("guide_markdown_newer", file.is_modified)
        file.guide_frame = fingerprints.frame(lang)  # type: ignore[attr-defined]
        file.is_modified = _answered_once(  # type: ignore[method-assign]
            lambda f=file, newer=markdown_newer, r=rendered:
            newer() or built.needs_build(f.abs_dest_path, f.guide_fingerprint, f.guide_frame, r))
    return files


def _answered_once(question: Callable[[], bool]) -> Callable[[], bool]:
    """MkDocs and on_nav ask each page three times per build; the answer (file times,
    fingerprints) holds for the whole build."""
    answers: list[bool] = []

    def ask() -> bool:
        if not answers:
            answers.append(question())
        return answers[0]

    return ask


def _skip_theme_templates(config: MkDocsConfig, skip: frozenset[str]) -> None:
    """Leave ``skip`` out of this build's theme pages. The next build's on_config (the
    next language's, or the next save's) puts them back before MkDocs reads the list
    again to keep templates out of the static files it copies."""
    statics = config.theme.static_templates
    config.theme.__dict__.setdefault("guide_static_templates", frozenset(statics))
    statics.difference_update(skip)


def _restore_theme_templates(config: MkDocsConfig) -> None:
    config.theme.static_templates.update(config.theme.__dict__.get("guide_static_templates", ()))


def _rendered_digest(file: File, config: MkDocsConfig, files: Files) -> str | None:
    """What a page's blocks render to now, with its source line (None: they cannot,
    and the page's build will say why)."""
    if file.page is None:
        return None
    try:
        markdown, _ = get_markdown_and_meta(file.content_string)
        _render_page(markdown, file.page, config, files)
    except (UnknownBlock, PluginError):
        return None
    lang = getattr(file, "locale", None) or _default_language(config)
    return _rendered_digest_of(file.page.url, _page_source(markdown, file.page, config, lang))


@event_priority(-200)
def on_nav(nav, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
    """A page a dirty preview skips still needs its title, for the others' navigation."""
    if _preview["dirty"]:
        for page in nav.pages:
            # Every page, so that the first save finds them read: MkDocs reads the
            # ones it builds again, as it always does.
            _read_source_once(page, config)
            if not page.file.is_modified():
                _escape_title(page)
    return nav


def _read_source_once(page: Page, config: MkDocsConfig) -> None:
    """``page.read_source``, read and parsed again only when the file's time or size
    changed: every save asks it of every page it skips (no plugin reads sources
    for MkDocs' ``on_page_read_source``)."""
    path = page.file.abs_src_path
    if path is None:  # a page made in memory: nothing to remember it by
        page.read_source(config)
        return
    try:
        stat = os.stat(path)
    except OSError:
        page.read_source(config)  # says the page is missing, as MkDocs does
        return
    state = (stat.st_mtime_ns, stat.st_size)
    known = _sources.get(path)  # type: ignore[arg-type]
    if known is None or known[0] != state:
        page.read_source(config)
        known = _sources[path] = (state, page.markdown, dict(page.meta))  # type: ignore[index]
    page.markdown, page.meta = known[1], dict(known[2])  # the page's own copy: titles are escaped in place


def on_env(env, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
    env.filters["without_hreflang_links"] = without_hreflang_links
    # The theme overrides (footer, 404 page) print ui.yml's words, in the
    # language being built unless they ask for another one.
    guide, current = _guide(config), _current_language(config)
    env.globals["ui"] = lambda name, lang=None: ui_text(guide, name, lang or current)
    env.globals["ui_languages"] = [current] + [lang for lang in _languages(config) if lang != current]
    env.globals["ui_languages_default"] = _default_language(config)
    # The footer's version, linking to this language's "What changed" page.
    env.globals["guide_version"] = guide.catalogue.version
    changes = files.get_file_from_path("changes.md")
    env.globals["changes_url"] = lambda page: (changes.url_relative_to(page.file)
                                               if changes is not None and page is not None else None)
    return env


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        rendered, entries, _deferred[page.url] = _render_page(markdown, page, config, files)
    except UnknownBlock as exc:
        raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None
    _search_entries[page.url] = entries
    _escape_title(page)
    lang = getattr(page.file, "locale", None) or _default_language(config)
    page.meta["guide_source"] = _page_source(markdown, page, config, lang)
    return rendered


def _render_page(markdown: str, page: Page, config: MkDocsConfig,
                 files: Files) -> tuple[str, list[SearchEntry], dict[str, str]]:
    """The page's blocks rendered: its Markdown, search entries and deferred HTML.

    Once per page and build: a preview renders a page first to learn whether
    it changed (``is_modified``, set in on_files), then builds it from the same
    result.
    """
    remembered = _rendered.get(page.url)
    if remembered is not None and remembered[0] == markdown:
        return remembered[1]
    deferred: dict[str, str] = {}
    rendered, entries = render_blocks(
        markdown, _guide(config), getattr(page.file, "locale", None) or _default_language(config),
        deferred=deferred,
        status=_status(config), reviewed=_cache.get("reviewed", ()), site_url=config.site_url,
        downloads=_build["downloads"],
        site_root="../" * page.url.count("/"),
        link=_linker(page, files),
        offline_bundle=ZIP_NAME if _bundling() else None,
        releases=_releases(config) if "guide: changes" in markdown else (),
    )
    _rendered[page.url] = (markdown, (rendered, entries, deferred))
    _rendered_digests.pop(page.url, None)
    return rendered, entries, deferred


def _rendered_digest_of(url: str, source: str) -> str | None:
    """The digest of what the page's blocks rendered to in this build and of its
    ``source`` line (guide_source), computed once: it is needed to decide whether
    to build the page, then to record it (the cards page's deferred HTML is
    megabytes at 30 competencies)."""
    remembered = _rendered.get(url)
    if remembered is None:
        return None
    if url not in _rendered_digests:
        rendered, _, deferred = remembered[1]
        _rendered_digests[url] = output_digest(rendered, deferred, source)
    return _rendered_digests[url]


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Explain glossary terms where they appear, in the page's language; check its ids.

    Under ``mkdocs serve``, while the content is invalid, a banner above every
    page says so (the build fails instead).
    """
    lang = getattr(page.file, "locale", None) or _default_language(config)
    guide = _guide(config)
    errors = duplicate_id_errors(html, f"/{page.url}", guide.locations(competency_of(page.file.src_uri, guide)))
    if errors and _command["name"] != "serve":
        raise PluginError(ContentInvalid(errors).report())
    if errors:
        log.error(ContentInvalid(errors).report())  # a failed rebuild would stall the preview
    html = explain_terms(html, _glossary(config, lang))
    page.meta["guide_scripts"] = scripts_for(html)
    shown = tuple(_cache["errors"]) + tuple(errors)  # type: ignore[arg-type]
    return preview_banner(shown, guide.labels, lang) + html if shown else html


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The site-wide 404.html, secured like the pages. Only the default language's
    build renders it (theme_templates_to_skip): every language's would write the
    same root file, and overrides/404.html says it in every language, French part
    marked lang="fr"."""
    return _secured(output) if template_name == "404.html" else output


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _preview["dirty"]:
        digest = _rendered_digest_of(page.url, page.meta.get("guide_source", ""))
        _preview["built"].record(page.file.abs_dest_path, page.file.guide_fingerprint,  # type: ignore[attr-defined]
                                 page.file.guide_frame, digest)  # type: ignore[attr-defined]
        _preview["rebuilt"].add(page.url)  # type: ignore[attr-defined]
    return fill_deferred(_secured(output), _deferred.pop(page.url, {}))


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if _nested_language_build(config):
        return  # the merged index is not ready yet
    site = Path(config.site_dir)
    if _command["name"] == "serve":
        _write_open_data_after_reload(site / FOLDER, _guide(config), config)
        collect_soon()
    else:
        _write_open_data(site / FOLDER, _guide(config), config)
    _write_search_indexes(config, site)
    downloads = _build["downloads"]
    if _bundling():
        # The offline copy is built in this process, and its on_config resets this
        # build's state (no PDFs, offline mode): put it back for what follows.
        published = dict(_build)
        try:
            make_bundle(Path(config.config_file_path), site / "downloads" / ZIP_NAME)
        except BundleFailed as exc:
            raise PluginError(str(exc)) from None
        finally:
            _build.update(published)
    if downloads:
        try:
            print_pdfs(site, downloads, config.site_url or "")  # type: ignore[arg-type]
        except PrintFailed as exc:
            raise PluginError(str(exc)) from None


def _write_search_indexes(config: MkDocsConfig, site: Path) -> None:
    index_path = site / "search" / "search_index.json"
    if not index_path.is_file():
        return
    languages = _languages(config)
    default = _default_language(config)
    merged = json.loads(index_path.read_text(encoding="utf-8"))
    present: set[str] = _preview["present"]  # type: ignore[assignment]
    rebuilt: set[str] | None = _preview["rebuilt"] if _preview["dirty"] else None  # type: ignore[assignment]
    if rebuilt is not None:
        shown = sorted(rebuilt)
        log.info(f"Preview: rebuilt {len(shown)} of {len(present)} pages: {' '.join(shown[:12])}"
                 + (" …" if len(shown) > 12 else ""))
    extra = {url: entries for url, entries in _search_entries.items() if url in present}
    _indexes.update(merged["docs"], extra, present, languages, default, rebuilt)
    _preview["rebuilt"], _preview["present"] = set(), set()
    for lang in languages:
        root = site if lang == default else site / lang
        target = root / "search" / "search_index.json"
        # Material writes the default language's path on every build; the others' are
        # ours, and stay as they are when none of their entries changed.
        written = (_indexes.version(lang), json.dumps(merged["config"], sort_keys=True), _build["offline_copy"])
        if lang == default or _indexes_written.get(target) != written or not target.is_file():
            data = _indexes.to_json(lang, merged["config"])
            _write(target, data)
            _indexes_written[target] = written
            if _build["offline_copy"]:
                # From file:// Material reads the index from this script, per language root.
                _write(root / "search" / "search_index.js", f"var __index = {data}")
        if lang != default and (site / "sitemap.xml").is_file() and _preview["frames_changed"] is not False:
            _write(root / "sitemap.xml",
                   language_sitemap((site / "sitemap.xml").read_text(encoding="utf-8"),
                                    config.site_url or "", lang))


# -- helpers -------------------------------------------------------------------

def _catalogue_pages(config: MkDocsConfig, guide: Guide, write_stubs: bool = True) -> None:
    """Every competency's pages as stub files, in the navigation and in each language.

    Runs before mkdocs-static-i18n's on_config (-100), so i18n sees the stubs,
    the navigation and the translated titles as if they were written by hand.
    """
    if write_stubs:
        write_stub_pages(Path(config.docs_dir), guide)  # stat only, when nothing changed
    config.nav = navigation(config.nav or [], guide)
    # Escaped, but plain strings: mkdocs-static-i18n only overrides options of type str.
    # Material prints them raw in attributes and <title>, so escaping is needed; where
    # it adds "| e" a rare &, <, > or " shows escaped twice, never as markup.
    default = _default_language(config)
    config.site_name = str(theme_text(for_language(guide.catalogue.title.get(default), default)))
    config.site_description = str(theme_text(for_language(guide.catalogue.introduction.get(default), default)))
    i18n = config.plugins.get("i18n")
    for language in i18n.config.languages if i18n is not None else []:
        if language.locale != _default_language(config):
            language.nav_translations = {**(language.nav_translations or {}),
                                         **nav_titles(guide, language.locale)}
            language.site_name = str(theme_text(for_language(guide.catalogue.title.get(language.locale),
                                                             language.locale)))
            language.site_description = str(theme_text(for_language(
                guide.catalogue.introduction.get(language.locale), language.locale)))


def _escape_title(page: Page) -> None:
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = theme_text(page.meta["title"])  # a competency's name may hold anything


def _secured(page_html: str) -> str:
    """Every published page carries its Content-Security-Policy (see ``guide.csp``).

    Not the offline copy: from file:// the offline plugin runs search in an
    iframe-based Worker shim, which a policy for a served site would block.
    Not the preview either: ``mkdocs serve`` adds an inline live-reload script
    to every page it serves (a new one per request, so it cannot be hashed),
    which the policy would block, and the browser would never reload.
    """
    return page_html if _build["offline_copy"] or _command["name"] == "serve" else with_csp(page_html)


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


def _linker(page: Page, files: Files):  # type: ignore[no-untyped-def]
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


def _publishing() -> bool:
    """`make build` (GUIDE_PUBLISH=1) prints the PDFs; serve and the offline copy never do."""
    nested = bool(os.environ.get(OFFLINE_COPY_ENV)) or bool(_build["offline_copy"])
    return os.environ.get(PUBLISH_ENV) == "1" and _command["name"] != "serve" and not nested


def _bundling() -> bool:
    return wanted(_command["name"], bool(_build["offline_copy"]))


# The preview's open-data writer, in a thread after the build: at 30 competencies the
# files (JSON, CSV, CASE) cost about a second of CPU, for downloads seldom opened
# while editing.
# "done" is set once its files are all written: a writer stopped before (by a save
# whose build then failed) is started again by on_build_error, with its "args".
_open_data_writer: dict[str, object] = {"thread": None, "dropped": None, "done": None, "args": None}
# How long the preview waits after a build, with no other save, before it writes the
# open data: long enough for the browser to have reloaded the page, and for an
# editor's quick second save (an undo, a typo fixed) to come first.
OPEN_DATA_QUIET_SECONDS = 3.0


def _write_open_data_after_reload(folder: Path, guide: Guide, config: MkDocsConfig) -> None:
    """Under ``mkdocs serve``: write the open data once the browser has reloaded.

    At 30 competencies the files take about a second of CPU to make; written
    while the browser reloads, they slowed the server answering it. So they
    wait for a quiet moment (``OPEN_DATA_QUIET_SECONDS``), and a save within it,
    or during the writing, stops them: its own build writes them again, or, if
    it fails, ``on_build_error`` starts them again. One
    writer at a time, and the next build waits for it to stop, after the file
    it is making (``_open_data_written``); each file is replaced whole, so a
    download is the old file or the new one.
    """
    _open_data_written()
    dropped, done = threading.Event(), threading.Event()
    # Without --dirty, MkDocs empties the site at each build: nothing to wait for.
    quiet = OPEN_DATA_QUIET_SECONDS if _preview["dirty"] else 0.0

    def write() -> None:
        if dropped.wait(quiet):
            return
        try:
            if _write_open_data(folder, guide, config, going_on=lambda: not dropped.is_set()):
                done.set()
        except Exception as exc:  # noqa: BLE001 - a thread's error would be lost; the preview says it
            done.set()  # written again by the next build, not by a failed one
            log.error(f"The open-data files could not be written: {exc}")

    thread = threading.Thread(target=write, name="guide-open-data", daemon=True)
    _open_data_writer.update(thread=thread, dropped=dropped, done=done, args=(folder, guide, config))
    thread.start()


def _open_data_written() -> None:
    """Stop the open-data writer and wait for it: one still waiting for its quiet moment
    writes nothing, one writing stops after its current file."""
    thread = _open_data_writer["thread"]
    if thread is not None:
        _open_data_writer["dropped"].set()  # type: ignore[attr-defined]
        thread.join()  # type: ignore[attr-defined]
        _open_data_writer["thread"] = None


def _write_open_data(folder: Path, guide: Guide, config: MkDocsConfig,
                     going_on: Callable[[], bool] = lambda: True) -> bool:
    """The open-data files, at the same address for every language and version; each
    made only while ``going_on()`` (the preview's writer stops when a save comes).
    True when every file was written."""
    data = exported_data(guide)
    dates, head = _text_dates(Path(config.config_file_path).parent, guide)
    files: list[tuple[Path, Callable[[], str], str | None]] = [
        (folder / JSON_NAME, lambda: json_export(data), None),
        (folder / SCHEMA_NAME, lambda: json.dumps(open_data_schema(), ensure_ascii=False, indent=2) + "\n", None),
        (folder / CSV_NAME, lambda: csv_export(data), ""),
    ] + [(folder / CASE_FOLDER / package_name(lang),
          lambda lang=lang: json_export(case_package(guide, lang, site_url=config.site_url or "", dates=dates,
                                                     default_time=int(head) if head else None)), None)
         for lang in _languages(config)]
    for path, make, newline in files:
        if not going_on():
            return False
        _write(path, make(), newline)
    return True


def _text_dates(root: Path, guide: Guide) -> tuple[dict, str | None]:
    """When each text last changed (git blame), and HEAD's time for texts not yet committed;
    once per content change. A preview (``mkdocs serve``) skips git: every date is then
    the release day, and each save reloads sooner."""
    if _command["name"] == "serve":
        return {}, None
    if _cache.get("dates_key") != _cache["key"]:
        _cache.update(dates_key=_cache["key"], text_dates=(text_dates(root, guide.bilingual),
                                                           last_commit_epoch(root)))
    return _cache["text_dates"]  # type: ignore[return-value]


def _guide(config: MkDocsConfig, check: bool = False) -> Guide:
    """The validated content, loaded again only when a content file changed.

    Whether one did is checked once per build (``on_config``, with ``check``), not
    on every call: pages ask many times, and listing the files each time made a
    build's cost grow with pages × files.
    """
    if not check and _cache["guide"] is not None:
        return _cache["guide"]  # type: ignore[return-value]
    content_dir = Path(config.config_file_path).parent / "content_data"
    # The path within content_data/, not the name: renaming a competency's folder is a change.
    key = tuple((p.relative_to(content_dir).as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                for p in content_files(content_dir))
    if _cache["key"] != key:
        try:
            guide = load_guide(content_dir)
        except ContentInvalid as exc:
            if _command["name"] != "serve" or _cache["guide"] is None:
                raise PluginError(exc.report()) from None
            # While previewing, a mistake must not take the pages away: say
            # where it is and keep rendering the last valid content.
            log.error(f"{exc.report()}\nThe preview keeps showing the last valid content "
                      "until the file is fixed.")
            _cache.update(key=key, errors=tuple(exc.errors))
            return _cache["guide"]  # type: ignore[return-value]
        _cache.update(key=key, guide=guide, glossary={}, errors=(), dates={})
    return _cache["guide"]  # type: ignore[return-value]


def _page_source(markdown: str, page: Page, config: MkDocsConfig, lang: str) -> str:
    """'Last updated' and 'edit this page' for the file behind the page; only with a repo_url."""
    if not config.repo_url:
        return ""
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    source = page_source(markdown, f"{docs}/{page.file.src_uri}", root, _guide(config).folder().id)
    dates: dict = _cache.setdefault("dates", {})  # type: ignore[assignment]
    if source.path not in dates:
        dates[source.path] = last_changed(root, source.path)
    url = edit_url(config.repo_url, config.edit_uri, docs, source)
    return page_source_html(_guide(config).labels, lang, dates[source.path], url, source.path)


def _glossary(config: MkDocsConfig, lang: str) -> TermIndex:
    """The glossary's terms for a language, indexed once per content change."""
    guide = _guide(config)
    per_language: dict[str, TermIndex] = _cache["glossary"]  # type: ignore[assignment]
    if lang not in per_language:
        per_language[lang] = term_index(guide, lang)
    return per_language[lang]


def _releases(config: MkDocsConfig) -> tuple:
    """The recorded releases' notes, from git tags, once per content or tag change."""
    root = Path(config.config_file_path).parent
    key = (_cache["key"], tuple(release_tags(root)))
    if _cache.get("releases_key") != key:
        _cache.update(releases_key=key, releases=tuple(release_notes(recorded_releases(root))))
    return _cache["releases"]  # type: ignore[return-value]


def _status(config: MkDocsConfig) -> list | None:
    """Translation status, computed from git once per content change."""
    if _cache.get("status_key") != _cache["key"]:
        root = Path(config.config_file_path).parent
        status = translation_status(root, _guide(config).bilingual)
        _cache.update(status_key=_cache["key"], status=status and status.stale,
                      reviewed=tuple(status.reviewed) if status else ())
    return _cache["status"]  # type: ignore[return-value]


def _nested_language_build(config: MkDocsConfig) -> bool:
    """A language mkdocs-static-i18n builds inside the first one's on_post_build."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def _languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [_default_language(config)]
    return [lang.locale for lang in i18n.config.languages]


def _current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n is not None else _default_language(config)


def _default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        return i18n.default_language
    return config.theme.get("language", "en")


def _write(path: Path, text: str, newline: str | None = None) -> None:
    """Replace the file whole: a server never sends half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline=newline) as out:
        out.write(text)
    os.replace(partial, path)
