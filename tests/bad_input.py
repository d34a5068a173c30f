"""Apply a bad-input fixture (tests/fixtures/bad/*.yml) to a copy of the content.

A fixture says which file to break and how (``find``/``replace``, ``content``,
``pad_bytes``, ``delete``, or ``link_outside``: moved out of content_data/ and
replaced with a symbolic link to where it went), the message the editor must see (``error``) and
where: ``line``, or ``at``, a text whose line in the broken file is the answer;
and, optionally, text its ``hint`` must contain.
``structural: true`` marks the mistakes the JSON Schema must also reject.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures" / "bad"


@dataclass(frozen=True)
class BadInput:
    name: str
    file: str
    error: str
    line: int
    structural: bool = False
    build_only: bool = False  # found in the rendered page (e.g. an id the page also uses)
    hint: str = ""

    def expected_prefix(self) -> str:
        return f"content_data/{self.file}:{self.line}:"


def broken_copy(fixture: Path, content_data: Path, dest: Path) -> tuple[Path, BadInput]:
    """A copy of ``content_data`` at ``dest`` with the fixture's mistake applied."""
    import shutil

    shutil.copytree(content_data, dest)
    return dest, apply_fixture(fixture, dest)


def all_fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.yml"))


def apply_fixture(path: Path, content_dir: Path) -> BadInput:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = content_dir / spec["file"]
    if spec.get("link_outside"):
        outside = content_dir.parent / "outside" / target.name
        outside.parent.mkdir(parents=True, exist_ok=True)
        target.rename(outside)
        target.symlink_to(outside, target_is_directory=outside.is_dir())
        return BadInput(path.stem, spec["file"], spec["error"], spec["line"], hint=spec.get("hint", ""))
    if spec.get("delete"):
        target.unlink()
        broken = ""
    elif "content" in spec:
        broken = spec["content"]
    elif "pad_bytes" in spec:
        broken = target.read_text(encoding="utf-8") + "#" * spec["pad_bytes"] + "\n"
    else:
        original = target.read_text(encoding="utf-8")
        assert original.count(spec["find"]) == 1, f"{path.name}: 'find' must match exactly once"
        broken = original.replace(spec["find"], spec["replace"])
    if not spec.get("delete"):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(broken, encoding="utf-8")
    if "line" in spec:
        line = spec["line"]
    else:
        assert broken.count(spec["at"]) == 1, f"{path.name}: 'at' must match exactly once"
        # An ``at`` starting with a newline anchors to the start of a line.
        start = broken.index(spec["at"]) + spec["at"].startswith("\n")
        line = broken[:start].count("\n") + 1
    # ``error_file``: where the message points when it is not the file broken (a missing file).
    return BadInput(path.stem, spec.get("error_file", spec["file"]), spec["error"], line, bool(spec.get("structural")),
                    bool(spec.get("build_only")), spec.get("hint", ""))


def is_build_only(path: Path) -> bool:
    return bool(yaml.safe_load(path.read_text(encoding="utf-8")).get("build_only"))
