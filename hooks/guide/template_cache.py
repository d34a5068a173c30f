"""Compile the theme's templates once per process, not once per build.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n
runs a build per language; `mkdocs serve` builds again on every save. Each
new environment compiled Material's templates from scratch (about 0.7 s on
this machine). Jinja's bytecode cache is keyed by template name and checked
against the source's checksum, so sharing one in memory is safe: an edited
template is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()
