"""The floor: the same pages as plain Markdown, built with no hooks at all.

Renders every stub page of a project with the guide's renderers, writes the
result over the stubs and removes the hooks from mkdocs.yml. Building that
costs what MkDocs, Material and i18n cost for these pages; the difference with
the real build is what the guide's hooks add.
"""

from __future__ import annotations

from pathlib import Path


def floor_project(project: Path) -> Path:
    import json

    import yaml

    from guide.content.loader import load_guide
    from guide.site.pages import navigation, write_stub_pages
    from guide.render.dispatch import render_blocks

    guide = load_guide(project / "content_data")
    docs = project / "docs"
    write_stub_pages(docs, guide)  # the competencies' pages, as the hooks would write them
    for page in sorted(docs.rglob("*.md")):
        lang = "fr" if page.name.endswith(".fr.md") else "en"
        rel = page.relative_to(docs).as_posix().removesuffix(".fr.md").removesuffix(".md")
        url = ("fr/" if lang == "fr" else "") + ("" if rel == "index" else f"{rel.removesuffix('/index')}/")
        markdown, _ = render_blocks(page.read_text(encoding="utf-8"), guide, lang,
                                    status=[], site_root="../" * url.count("/"))
        page.write_text(markdown, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("hooks:\n  - hooks/guide_hooks.py\n", "")
    # The theme's overrides read the hooks' words (ui(...)): the floor uses Material as it ships.
    text = text.replace("  custom_dir: overrides\n", "")
    nav_start = text.index("\nnav:\n")
    nav_end = text.index("\n\n", nav_start + 1)
    nav = yaml.safe_load(text[nav_start:nav_end])["nav"]
    nav_yaml = yaml.safe_dump({"nav": json.loads(json.dumps(navigation(nav, guide)))}, allow_unicode=True)
    text = text[:nav_start] + "\n" + nav_yaml + text[nav_end:]
    config.write_text(text, encoding="utf-8")
    return project
