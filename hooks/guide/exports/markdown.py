"""The guide as a plain Markdown project: every page of every language, the static
files they use, and an ``mkdocs.yml`` without the guide's hooks.

The exit from MkDocs 1.x: the output builds with MkDocs, Material and
mkdocs-static-i18n as they ship (``make markdown``), and with any generator that
reads Markdown in the suffix structure (``x.md`` / ``x.fr.md``). The benchmark's
floor is this project built without hooks. No MkDocs import: the pages come from
the content model and the renderers, the competencies' pages from their stubs.

Links inside raw HTML are written for one generator. MkDocs leaves them as they
are, so the browser resolves them from the page's address (``tips/`` is a folder
deeper than ``tips.md``); Zensical rewrites them as if they were relative to the
source file, like Markdown links. ``generator`` says which.

What Zensical makes of it (zensical 0.0.73 with zensical-i18n 0.3.0, which needs
zensical<0.1; ``GENERATOR=zensical make markdown``, then ``zensical-i18n build
--strict`` in the folder, no issues reported):
- works: every page in both languages (the same HTML pages as the guide's build,
  plus fr/404.html), each page's article text the same as the guide's build but
  for the offline zip's section and the 404 page; every link and anchor resolves
  within the site; the navigation and its French titles, each language's site
  name, the colour toggles' names, the contextual language switcher; one search
  index per language (a French page finds French pages only; "equipe" finds
  "équipe"); the open data.
- missing: the offline zip and PDFs, Material's overrides (the guide's 404
  page, footer); Zensical's search box says "Search" / "Search results" on
  French pages. Heading permalinks have no title under either generator: one
  title would serve both languages. The same export's links written for MkDocs leave 185 links dead
  or above the site root under Zensical.

The hooks' passes over finished HTML (policy, head, glossary tooltips, page scripts,
duplicate ids) run after the build: ``python -m guide.site.finished_html SITE``; on
the Zensical build above, it gives every page the policy, tooltips and page scripts of
the guide's build.
"""

from __future__ import annotations

import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml

from guide.content.loader import load_guide
from guide.content.messages import Said, parser_problem, said
from guide.content.model import LANGUAGES, Guide
from guide.content.typography import for_language
from guide.exports.files import open_data_files
from guide.history.build_date import last_commit_epoch
from guide.history.line_dates import text_dates
from guide.history.releases import recorded_releases, release_notes
from guide.history.translation_status import translation_status
from guide.render.base import Context, ui_text
from guide.render.cards import deck_files
from guide.render.dispatch import UnknownBlock, render_blocks
from guide.render.pages import FOLDER as STUB_FOLDER, navigation, stub_pages, theme_text

GENERATORS = ("mkdocs", "zensical")
# Written into every export: a folder holding it may be replaced by the next export.
MARKER = ".guide-markdown-export"
CONFIG_LIMIT = 1_000_000  # bytes of mkdocs.yml read at most: a config, not a data set
# mkdocs.yml keys only the hooks use. The theme's custom_dir goes too: the
# overrides call the hooks' ``ui(...)`` and filters, so the export uses Material as it ships.
HOOK_ONLY_KEYS = ("hooks", "watch")


class ExportError(Exception):
    """What stopped the export, as ``file: what, how to fix``, from the catalogue: its
    text is the English, ``told`` carries the French too."""

    def __init__(self, told: Said) -> None:
        super().__init__(told)
        self.told = told


@dataclass(frozen=True)
class Source:
    """One page: its path under docs/ in one language, and the language-neutral path
    that other pages link to (``sources.md`` is the French sources page on a French page)."""

    path: str  # e.g. competencies/collaboration/tips.fr.md
    neutral: str  # e.g. competencies/collaboration/tips.md
    lang: str


def source_of(path: str, default: str = LANGUAGES[0]) -> Source:
    for lang in LANGUAGES:
        if lang != default and path.endswith(f".{lang}.md"):
            return Source(path, path.removesuffix(f".{lang}.md") + ".md", lang)
    return Source(path, path, default)


def page_url(neutral: str, lang: str, default: str = LANGUAGES[0], directory_urls: bool = True) -> str:
    """The page's address from the site root, as MkDocs and i18n write it
    (``fr/competencies/collaboration/tips/``; ``""`` for the home page)."""
    stem = neutral.removesuffix(".md")
    prefix = "" if lang == default else f"{lang}/"
    if not directory_urls:
        return f"{prefix}{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return prefix + stem.removesuffix("index")
    return f"{prefix}{stem}/"


def relative(target: str, base: str) -> str:
    """``target`` (from the site root) as a link from the folder ``base`` (ends with / or is "")."""
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target == "" or target.endswith("/"):
        return "./" if rel == "." else rel + "/"
    return rel


def link_base(source: Source, generator: str, directory_urls: bool = True) -> str:
    """The folder relative links in the page's raw HTML are resolved from.

    MkDocs: the page's address (a folder for ``tips/``). Zensical: the source
    file's folder, which it rewrites from; zensical-i18n builds each language in
    its own tree, so a French page's folder has no ``fr/``.
    """
    if generator == "mkdocs":
        url = page_url(source.neutral, source.lang, directory_urls=directory_urls)
        return url if directory_urls else url[:url.rfind("/") + 1]
    folder = posixpath.dirname(source.neutral)
    return f"{folder}/" if folder else ""


def linker(source: Source, generator: str, pages: set[str], directory_urls: bool = True) -> Callable[[str], str]:
    """Another page's address (by its language-neutral source) relative to ``source``."""
    base = link_base(source, generator, directory_urls)

    def link(neutral: str) -> str:
        path = neutral if source.lang == LANGUAGES[0] else neutral.removesuffix(".md") + f".{source.lang}.md"
        if path not in pages:
            raise ExportError(said("export_link_no_page", page=f"docs/{source.path}", target=neutral,
                                   lang=source.lang))
        if generator == "mkdocs":
            return relative(page_url(neutral, source.lang, directory_urls=directory_urls), base)
        # Zensical: the page's URL within its language's tree, from the source's folder.
        return relative(page_url(neutral, LANGUAGES[0], directory_urls=directory_urls), base)
    return link


def site_root(source: Source, generator: str, directory_urls: bool = True) -> str:
    """The relative path from the page to the files every language shares (data/, javascripts/)."""
    if generator == "mkdocs":
        return "../" * page_url(source.neutral, source.lang, directory_urls=directory_urls).count("/")
    return "../" * source.neutral.count("/")


# -- mkdocs.yml, its tags (!ENV, !!python/name) kept as written ----------------------

@dataclass(frozen=True)
class _Tagged:
    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    """Safe loading that keeps the tags MkDocs reads (``!ENV``, ``!!python/name``) as data."""


def _tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return _Tagged(node.tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _ConfigDumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    """Text of several lines as a block (``not_in_nav: |``), as it was written."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


_ConfigDumper.add_representer(_Tagged, _represent_tagged)
_ConfigDumper.add_representer(str, _represent_str)


def read_config(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            raw = stream.read(CONFIG_LIMIT + 1)
    except OSError as exc:
        raise ExportError(said("export_config_unreadable", path=str(path), reason=exc.strerror)) from None
    if len(raw) > CONFIG_LIMIT:
        raise ExportError(said("export_config_too_large", path=str(path), limit=CONFIG_LIMIT))
    try:
        config = yaml.load(raw.decode("utf-8"), Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader
    except UnicodeDecodeError:
        raise ExportError(said("export_config_not_utf8", path=str(path))) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ExportError(said("export_config_not_yaml", where=where,
                               problem=parser_problem(str(getattr(exc, "problem", None) or exc)))) from None
    if not isinstance(config, dict) or not isinstance(config.get("nav"), list):
        raise ExportError(said("export_config_no_nav", path=str(path)))
    return config


def _resolved(value: Any, environ: Mapping[str, str]) -> str:
    """A text setting as MkDocs reads it: ``!ENV [NAME, …, default]`` is the first
    variable set, else the default (for the CASE packages' addresses)."""
    if isinstance(value, _Tagged) and value.tag == "!ENV":
        names = value.value if isinstance(value.value, list) else [value.value]
        for name in names[:-1] if len(names) > 1 else names:
            if isinstance(name, str) and environ.get(name):
                return environ[name]
        return str(names[-1]) if len(names) > 1 and names[-1] is not None else ""
    return value if isinstance(value, str) else ""


def _plain(value: Any) -> Any:
    """Markup and other str subclasses as str, for the safe dumper."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


def _localised_palette(palette: Any, guide: Guide, lang: str) -> Any:
    """The colour-scheme toggles' names in ``lang`` (ui.yml), as the hooks set them."""
    if not isinstance(palette, list):
        return palette
    out = []
    for option in palette:
        if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
            name = "light_mode" if option.get("scheme") == "slate" else "dark_mode"
            option = {**option, "toggle": {**option["toggle"], "name": ui_text(guide, name, lang)}}
        out.append(option)
    return out


def _without_permalink_title(extension: Any) -> Any:
    """The heading permalinks with no title: one title serves every language (the
    hooks set it per language), and no English may show on a French page."""
    if isinstance(extension, dict) and isinstance(extension.get("toc"), dict) and extension["toc"].get("permalink"):
        return {"toc": {**extension["toc"], "permalink_title": ""}}
    return extension


def hook_free_config(config: dict[str, Any], guide: Guide) -> dict[str, Any]:
    """``config`` without the hooks, with what they set written out: the navigation
    of every competency's pages, the titles and nav labels of each language."""
    out = {key: value for key, value in config.items() if key not in HOOK_ONLY_KEYS}
    default = LANGUAGES[0]

    def title(lang: str) -> str:
        return str(theme_text(for_language(guide.catalogue.title.get(lang), lang)))

    def description(lang: str) -> str:
        return str(theme_text(for_language(guide.catalogue.introduction.get(lang), lang)))

    out["site_name"], out["site_description"] = title(default), description(default)
    theme = dict(out.get("theme") or {})
    theme.pop("custom_dir", None)
    if "palette" in theme:
        theme["palette"] = _localised_palette(theme["palette"], guide, default)
    out["theme"] = theme
    out["nav"] = navigation(config["nav"], guide, default)
    out["markdown_extensions"] = [_without_permalink_title(extension)
                                  for extension in out.get("markdown_extensions") or []]
    plugins = []
    for plugin in out.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            i18n = dict(plugin["i18n"])
            languages = []
            for language in i18n.get("languages") or []:
                locale = language.get("locale") if isinstance(language, dict) else None
                if locale in LANGUAGES and locale != default:
                    language = {**language, "site_name": title(locale), "site_description": description(locale),
                                "nav": navigation(config["nav"], guide, locale)}
                    if "palette" in theme:
                        language["theme"] = {"palette": _localised_palette(theme["palette"], guide, locale)}
                languages.append(language)
            plugin = {"i18n": {**i18n, "languages": languages}}
        plugins.append(plugin)
    if plugins:
        out["plugins"] = plugins
    return _plain(out)


CONFIG_HEAD = ("# Written by `make markdown` (hooks/guide/exports/markdown.py): the guide as plain\n"
               "# Markdown, built with MkDocs, Material and mkdocs-static-i18n as they ship, no hooks.\n"
               "# Edit content_data/ in the project and export again, not these files.\n")


# -- the export ------------------------------------------------------------------

@dataclass(frozen=True)
class Export:
    pages: tuple[str, ...]  # written pages, paths under docs/
    folder: Path


def _prepare(out: Path, project: Path) -> None:
    """An empty folder for the export: a new one, an empty one, or an earlier export
    (replaced whole). Anything else is left untouched and named."""
    out, project = out.resolve(), project.resolve()
    if any(out.is_relative_to(project / part) for part in ("docs", "content_data", "hooks")):
        raise ExportError(said("export_out_in_sources", out=str(out)))
    if out.is_file():
        raise ExportError(said("export_out_a_file", out=str(out)))
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ExportError(said("export_out_not_empty", out=str(out)))
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("A Markdown export of the guide; `make markdown` replaces this folder.\n",
                              encoding="utf-8")


def _hand_written(docs: Path) -> dict[str, str]:
    """docs/'s own pages, not the stubs a build leaves in docs/competencies/."""
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel.split("/", 1)[0] != STUB_FOLDER:
            pages[rel] = path.read_text(encoding="utf-8")
    return pages


def _copy_static(docs: Path, dest: Path) -> None:
    """Every file of docs/ that is not a page (scripts, styles), stubs' folder aside."""
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs)
        if path.is_file() and path.suffix != ".md" and rel.parts[0] != STUB_FOLDER:
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest / rel)


def _write_open_data(docs: Path, guide: Guide, site_url: str, project: Path | None) -> None:
    """The open-data files (``guide.exports.files``), as the build writes them, under
    ``docs``: the generator copies them to the same addresses. The CASE packages date
    each text from ``project``'s git history; without (None), the release day."""
    head = last_commit_epoch(project) if project is not None else None
    dates = text_dates(project, guide.bilingual) if project is not None else None
    for file in open_data_files(guide, list(LANGUAGES), site_url, dates, int(head) if head else None):
        target = docs / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline=file.newline) as stream:
            stream.write(file.make())


def export_markdown(project: Path, out: Path, generator: str = "mkdocs", history: bool = True,
                    environ: Mapping[str, str] | None = None) -> Export:
    """Write the guide of ``project`` as a plain Markdown project into ``out``.

    ``history``: the translation status and release notes from git, as the build
    shows them (without git, or False: what a build without history shows).
    ``environ``: where mkdocs.yml's ``!ENV`` settings are read (os.environ by default).
    """
    environ = os.environ if environ is None else environ
    if generator not in GENERATORS:
        first, second = GENERATORS  # two: "use mkdocs or zensical"
        raise ExportError(said("export_generator_unknown", generator=generator, first=first, second=second))
    config = read_config(project / "mkdocs.yml")
    guide = load_guide(project / "content_data")
    directory_urls = config.get("use_directory_urls", True) is not False
    docs = project / "docs"
    sources = _hand_written(docs) | stub_pages(guide, escaped=True)
    status = translation_status(project, guide.bilingual) if history else None
    releases = tuple(release_notes(recorded_releases(project))) if history else ()
    _prepare(out, project)
    dest = out / "docs"
    dest.mkdir()
    _copy_static(docs, dest)
    site_url = _resolved(config.get("site_url"), environ)
    _write_open_data(dest, guide, site_url, project if history else None)
    for path, script in deck_files(Context(guide, LANGUAGES[0])).items():  # the cards pages load them
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(script, encoding="utf-8")
    for path, markdown in sorted(sources.items()):
        source = source_of(path)
        root = site_root(source, generator, directory_urls)
        try:
            rendered, _ = render_blocks(
                markdown, guide, source.lang,
                status=status and status.stale, reviewed=tuple(status.reviewed) if status else (),
                site_root=root, link=linker(source, generator, set(sources), directory_urls),
                releases=releases if "guide: changes" in markdown else ())
        except UnknownBlock as exc:
            raise ExportError(said("export_block_unknown", page=f"docs/{path}", problem=str(exc))) from None
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(rendered, encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        CONFIG_HEAD + yaml.dump(hook_free_config(config, guide), Dumper=_ConfigDumper,
                                allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8")
    return Export(tuple(sorted(sources)), out)
