"""Synthetic content for the benchmark: a catalogue of N competencies.

A real catalogue grows by competencies, not by longer pages: the seed
competency's folder is copied N - 1 times under new ids (its item ids are
scoped to the competency, so the copies are valid as they are). Pages, search
indexes, exports and validation grow N-fold; the shared files stay as they are.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT_PARTS = ("mkdocs.yml", "docs", "content_data", "hooks", "overrides")
KEEP_AS_IS = {"levels", "sources", "terms", "schedule"}


def copy_project(root: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "downloads"))
        else:
            shutil.copy2(src, dest / part)
    return dest


SEED = "collaboration"


def copy_numbers(root: Path, factor: int) -> list[int]:
    """The numbers of the seed's ``factor - 1`` copies: 2, 3, 4… skipping any whose card
    codes would collide with a code already taken. Codes are five characters of a hash
    (``guide.content.card_codes``); at 120 competencies two tips may meet, which the
    build refuses, as it would for an editor."""
    from guide.content.card_codes import card_code
    from guide.content.loader import load_guide

    seed = load_guide(root / "content_data").folder(SEED)
    taken = {card.code for card in seed.cards}
    numbers: list[int] = []
    n = 1
    while len(numbers) < factor - 1:
        n += 1
        codes = {card_code(f"{SEED}-{n}", card.item_id, card.kind, card.level) for card in seed.cards}
        if not codes & taken:
            taken |= codes
            numbers.append(n)
    return numbers


def scaled_project(root: Path, dest: Path, factor: int) -> Path:
    """A copy of the project whose catalogue holds ``factor`` competencies."""
    project = copy_project(root, dest)
    folder = project / "content_data" / "competencies"
    for n in copy_numbers(root, factor):
        copy = folder / f"{SEED}-{n}"
        shutil.copytree(folder / SEED, copy)
        competency = copy / "competency.yml"
        text = competency.read_text(encoding="utf-8")
        assert f"\nid: {SEED}\n" in text
        # Each competency has its own id and names (the loader refuses a name used twice).
        competency.write_text(text.replace(f"\nid: {SEED}\n", f"\nid: {SEED}-{n}\n", 1).replace(
            "\n  en: Collaboration with partners and stakeholders\n",
            f"\n  en: Collaboration with partners and stakeholders ({n})\n", 1).replace(
            "\n  fr: Collaboration avec les partenaires et intervenants\n",
            f"\n  fr: Collaboration avec les partenaires et intervenants ({n})\n", 1), encoding="utf-8")
    return project
