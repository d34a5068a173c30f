"""Serve a built site the way a static host does: gzip-compressed text, on a free port.

Lighthouse weighs what goes over the wire; Python's http.server sends every
file as it is on disk, which no real host does for HTML, CSS, JS or JSON.
"""

from __future__ import annotations

import contextlib
import gzip
import io
from pathlib import Path

from guide.publish.local_server import QuietHandler, serve

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(QuietHandler):
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


def serve_gzip(directory: Path) -> contextlib.AbstractContextManager[str]:
    return serve(directory, _GzipHandler)
