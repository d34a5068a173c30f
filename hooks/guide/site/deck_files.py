"""Each competency's deck file (``guide.render.cards.deck_files``), written into the built site.

The cards pages load them; a card's text lives only there. A build writes them
all; a preview writes only the file of the competency a save changed, and
removes the files of competencies no longer in the catalogue.
"""

from __future__ import annotations

from pathlib import Path

from guide.content.model import LANGUAGES, Guide
from guide.publish.whole_files import write_whole
from guide.render.base import Context, RenderMemo
from guide.render.cards import DECKS_FOLDER, deck_files


class DeckFiles:
    """The deck files of one process's builds, as last written in each site folder."""

    def __init__(self) -> None:
        self._written: dict[Path, str] = {}  # file -> the text written there

    def write(self, site: Path, guide: Guide, site_url: str | None, memo: RenderMemo) -> int:
        """Write the files that changed; the number written."""
        wanted = {site / path: text for path, text in
                  deck_files(Context(guide, LANGUAGES[0], site_url=site_url, memo=memo)).items()}
        written = 0
        for path, text in wanted.items():
            if self._written.get(path) is text and path.is_file():
                continue  # the same text object: the folder did not change
            write_whole(path, text)
            self._written[path] = text
            written += 1
        folder = site / DECKS_FOLDER
        for path in sorted(folder.glob("*.js")) if folder.is_dir() else []:
            if path not in wanted:
                path.unlink()  # a competency gone from the catalogue (a preview builds into the same folder)
                self._written.pop(path, None)
        return written
