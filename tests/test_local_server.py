"""The loopback server that prints the PDFs and serves the browser tests
(guide.publish.local_server): quiet when a browser cuts a download short."""

from __future__ import annotations

import pytest

from guide.publish.local_server import QuietServer, QuietHandler


@pytest.mark.parametrize("cut", [BrokenPipeError, ConnectionResetError])
def test_a_download_cut_short_by_the_browser_prints_nothing(capsys, cut):
    server = QuietServer(("127.0.0.1", 0), QuietHandler)
    try:
        try:
            raise cut()
        except ConnectionError:
            server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]  # as socketserver calls it
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a fault of the server's own")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]
        assert "ValueError: a fault of the server's own" in capsys.readouterr().err
    finally:
        server.server_close()
