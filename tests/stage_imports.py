"""Which generator-bound packages a part of the guide's package imports, read with ast.

The stages before the site (content, history, render, exports) must serve any
generator: nothing they import, directly or through another module of the
package, may come from MkDocs, Material or mkdocs-static-i18n.
"""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR_PACKAGES = frozenset({"mkdocs", "material", "mkdocs_static_i18n"})
PORTABLE_STAGES = ("content", "history", "render", "exports")


def _module_file(hooks: Path, name: str) -> Path | None:
    base = hooks.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _module_name(hooks: Path, path: Path) -> str:
    parts = path.relative_to(hooks).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(hooks: Path, path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it (functions, TYPE_CHECKING blocks too)."""
    name = _module_name(hooks, path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(parent + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # ``from guide.content import model`` imports a module, not a name
            found.update(f"{module}.{alias.name}" for alias in node.names
                         if _module_file(hooks, f"{module}.{alias.name}") is not None)
    return found


def generator_imports(hooks: Path, stages: tuple[str, ...] = PORTABLE_STAGES,
                      package: str = "guide") -> list[str]:
    """Each import of a generator's package reachable from ``stages``, as the chain of
    modules that leads to it (``guide.render.x -> guide.site.y -> mkdocs.config``)."""
    problems = []
    start = sorted(path for stage in stages  # a folder, or one module ("site/finished_html.py")
                   for path in ([hooks / package / stage] if stage.endswith(".py")
                                else (hooks / package / stage).rglob("*.py")))
    seen: set[str] = set()
    todo = [(_module_name(hooks, path), (_module_name(hooks, path),)) for path in start]
    while todo:
        name, chain = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(hooks, name)
        if path is None:
            continue
        # importing a.b.c runs a/__init__.py and a/b/__init__.py first
        parents = {".".join(name.split(".")[:n]) for n in range(1, name.count(".") + 1)}
        for imported in sorted(_imports(hooks, path) | parents):
            if imported.split(".")[0] in GENERATOR_PACKAGES:
                problems.append(" -> ".join((*chain, imported)))
            elif imported.split(".")[0] == package and imported not in seen:
                todo.append((imported, (*chain, imported)))
    return problems
