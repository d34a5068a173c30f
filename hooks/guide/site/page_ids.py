"""Find ``id`` attributes a rendered page holds twice, and say which item to rename.

Item ids become anchors next to the page's own (section anchors such as
``levels``, form controls, figures). Two elements with one id break links, the
table of contents and labels, silently; the build names the YAML line instead.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import markdown
import yaml

from guide.content.decode import Location
from guide.content.errors import ContentError
from guide.content.messages import said
from guide.content.model import LANGUAGES, Guide
from guide.render.dispatch import render_blocks
from guide.render.pages import FOLDER, competency_of, stub_pages

_ID = re.compile(r'\sid="([^"]*)"')


def duplicate_ids(page_html: str) -> list[str]:
    counts = Counter(_ID.findall(page_html))
    return sorted(anchor for anchor, count in counts.items() if count > 1)


def duplicate_id_errors(page_html: str, page: str, declared: dict[str, Location]) -> list[ContentError]:
    """One error per id used twice on ``page``, at the item that declared it when there is one."""
    errors = []
    for anchor in duplicate_ids(page_html):
        loc = declared.get(anchor)
        if loc is not None:
            errors.append(loc.error(said("id_twice_on_page_section", id=anchor, page=page),
                                    said("id_twice_on_page_section_hint")))
        else:
            errors.append(ContentError(page, 1, 1, said("id_twice_on_page", id=anchor, page=page),
                                       said("id_twice_on_page_hint")))
    return errors


# -- the same check without building the site (make check) ------------------------

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def rendered_id_errors(guide: Guide, docs_dir: Path, convert: Callable[[str], str]) -> list[ContentError]:
    """``duplicate_id_errors`` for every page of the site, rendered the way the build
    renders it (its blocks filled, then its Markdown converted by ``convert``): ``make
    check`` then refuses exactly the ids the build refuses, from the renderers
    themselves, with no list of the pages' own anchors to keep up to date."""
    sources = {path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
               for path in sorted(docs_dir.glob("*.md"))}
    sources |= {path: content for path, content in stub_pages(guide).items() if path.startswith(f"{FOLDER}/")}
    pages = []
    for path, source in sources.items():
        stem, _, suffix = path.removesuffix(".md").rpartition(".")
        lang, stem = (suffix, stem) if stem and suffix in LANGUAGES else ("en", path.removesuffix(".md"))
        pages.append((lang != "en", f"{stem}.md", lang, source))  # English first, as the build
    errors: dict[tuple[str, int, int, str], ContentError] = {}
    for _, default_path, lang, source in sorted(pages):
        # As the build: finished HTML skips Markdown, and is put back after this check.
        rendered, _ = render_blocks(_FRONT_MATTER.sub("", source), guide, lang, deferred={})
        page_html = convert(rendered)
        found = duplicate_id_errors(page_html, _url(default_path, lang),
                                    guide.locations(competency_of(default_path, guide)))
        for anchor, error in zip(duplicate_ids(page_html), found, strict=False):  # one error per anchor, in its order
            # The same item on both languages' pages: said once, for the first page.
            errors.setdefault((error.file, error.line, error.column, anchor), error)
    return list(errors.values())


def _url(default_path: str, lang: str) -> str:
    """A page's address as the build names it, e.g. /fr/competencies/collaboration/."""
    folder = default_path.removesuffix(".md").removesuffix("index").rstrip("/")
    return "/" + (f"{lang}/" if lang != "en" else "") + (f"{folder}/" if folder else "")


def site_markdown(mkdocs_yml: Path) -> Callable[[str], str]:
    """Markdown to HTML with mkdocs.yml's extensions, without loading MkDocs and its
    plugins (seconds): its ``markdown_extensions`` read with their ``!!python/name`` values."""
    class _Loader(yaml.SafeLoader):
        """mkdocs.yml's tags: ``!!python/name:`` imports the object; ``!ENV`` is not needed here."""

    def python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        module, _, name = suffix.rpartition(".")
        return getattr(importlib.import_module(module), name)

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", python_name)
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - our own file
    extensions, configs = ["toc", "tables", "fenced_code"], {}  # MkDocs adds these three itself
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        if options:
            configs[name] = options
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def convert(source: str) -> str:
        return converter.reset().convert(source)
    return convert
