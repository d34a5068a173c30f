"""Serve a built site the way a static host does: gzip-compressed text, on a free port.

Lighthouse weighs what goes over the wire; Python's http.server sends every
file as it is on disk, which no real host does for HTML, CSS, JS or JSON.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path
from typing import Iterator

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        address = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not address.endswith("/"):
                return super().send_head()  # the usual redirect to the folder's address
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_gzip(directory: Path) -> Iterator[str]:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
