"""The floor: the same pages as plain Markdown, built with no hooks at all.

Renders every stub page of a project with the guide's renderers, writes the
result over the stubs and removes the hooks from mkdocs.yml. Building that
costs what MkDocs, Material and i18n cost for these pages; the difference with
the real build is what the guide's hooks add.
"""

from __future__ import annotations

import sys
from pathlib import Path


def floor_project(project: Path) -> Path:
    sys.path.insert(0, str(project / "hooks"))
    from guide.loader import load_guide
    from guide.render.dispatch import render_blocks

    guide = load_guide(project / "content_data")
    for page in sorted((project / "docs").glob("*.md")):
        lang = "fr" if page.name.endswith(".fr.md") else "en"
        stem = page.name.removesuffix(".fr.md").removesuffix(".md")
        url = ("fr/" if lang == "fr" else "") + ("" if stem == "index" else f"{stem}/")
        markdown, _ = render_blocks(page.read_text(encoding="utf-8"), guide, lang,
                                    status=[],
                                    site_root="../" * url.count("/"))
        page.write_text(markdown, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("hooks:\n  - hooks/guide_hooks.py\n", ""), encoding="utf-8")
    template = project / "overrides" / "main.html"  # its filter comes from the hooks
    template.write_text(template.read_text(encoding="utf-8").replace(" | without_hreflang_links", ""),
                        encoding="utf-8")
    return project
