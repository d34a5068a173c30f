"""Compile the theme's templates once per process, not once per build.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n
runs a build per language; `mkdocs serve` builds again on every save. Each
new environment compiled Material's templates from scratch (about 0.7 s on
this machine). Material's search plugin makes one more in its on_config, to
read its own translations, before the hooks' on_config or on_env can reach
it: a twentieth of a preview's rebuild at one competency. So the cache is
given to every environment the theme makes (``cache_every_environment``).

Jinja's bytecode cache is keyed by template name and checked against the
source's checksum, so sharing one in memory is safe: an edited template is
compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.theme import Theme


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


def cache_every_environment(cache: BytecodeCache) -> None:
    """Make ``Theme.get_env`` (MkDocs 1.6, pinned) return environments using ``cache``."""
    if hasattr(Theme.get_env, "guide_cache"):  # patched already (hooks loaded again): new cache
        Theme.get_env.guide_cache = cache  # type: ignore[attr-defined]
        return
    make_env = Theme.get_env

    def get_env(self: Theme) -> Environment:
        env = make_env(self)
        env.bytecode_cache = get_env.guide_cache  # type: ignore[attr-defined]
        return env

    get_env.guide_cache = cache  # type: ignore[attr-defined]
    Theme.get_env = get_env  # type: ignore[method-assign]
