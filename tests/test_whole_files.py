"""Files of the built site are replaced whole, never written through a link (guide.publish.whole_files)."""

from __future__ import annotations

import stat

from guide.publish.whole_files import write_whole


def test_a_link_left_beside_or_in_place_of_a_page_is_never_written_through(tmp_path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside"
    site.mkdir()
    outside.mkdir()
    precious = outside / "precious.txt"
    precious.write_text("precious data", encoding="utf-8")
    (site / "index.html.partial").symlink_to(precious)  # the name a partial file once had
    (site / "other.html").symlink_to(precious)
    write_whole(site / "index.html", "<p>page</p>")
    write_whole(site / "other.html", "<p>other</p>")
    assert precious.read_text(encoding="utf-8") == "precious data"
    for name, text in (("index.html", "<p>page</p>"), ("other.html", "<p>other</p>")):
        page = site / name
        assert not page.is_symlink() and page.read_text(encoding="utf-8") == text
        assert stat.S_IMODE(page.stat().st_mode) == 0o644  # readable by a web server, as MkDocs writes pages
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "index.html.partial", "other.html"]


def test_bytes_replace_a_hard_link_and_leave_its_other_name_alone(tmp_path) -> None:
    """A PDF placed from the cache is a hard link to its entry: printing it again must not change the entry."""
    entry, placed = tmp_path / "entry.pdf", tmp_path / "site.pdf"
    entry.write_bytes(b"%PDF kept")
    placed.hardlink_to(entry)
    write_whole(placed, b"%PDF printed again")
    assert entry.read_bytes() == b"%PDF kept" and placed.read_bytes() == b"%PDF printed again"
    assert stat.S_IMODE(placed.stat().st_mode) == 0o644
