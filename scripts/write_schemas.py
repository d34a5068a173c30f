#!/usr/bin/env python3
"""Write schemas/*.schema.json from the content model (``make schema``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from guide.exports.schema import all_schemas

ROOT = Path(__file__).resolve().parent.parent


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    folder = ROOT / "schemas"
    folder.mkdir(exist_ok=True)
    for name, schema in all_schemas().items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
