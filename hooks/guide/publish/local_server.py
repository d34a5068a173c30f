"""A folder served on a free loopback port, as a static host serves it.

One place for the three things that need it: printing the published PDFs
(``print_pdfs``), the browser tests, and the benchmark (with gzip).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import posixpath
import threading
from pathlib import Path
from typing import Iterator

from guide.exports.case_package import REST_ROOT


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request, and the CASE REST binding's read
    paths (files without an extension under ``/ims/case/v1p1/``) as JSON, as the
    published site's host must (see docs/data.md)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        where = os.fspath(path).replace(os.sep, "/")
        if f"/{REST_ROOT}/" in where and not posixpath.splitext(posixpath.basename(where))[1]:
            return "application/json"
        return super().guess_type(path)


@contextlib.contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Yields the origin (``http://127.0.0.1:PORT``) while ``directory`` is served."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
