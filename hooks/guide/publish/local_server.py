"""A folder served on a free loopback port, as a static host serves it.

One place for the three things that need it: printing the published PDFs
(``print_pdfs``), the browser tests, and the benchmark (with gzip).

A missing address gets the nearest ``404.html`` up its path, with status 404:
``/fr/nowhere`` the French one (``fr/404.html``), anything else the site's. That
is the rule the README asks of a host (Netlify: ``/fr/*  /fr/404.html  404``).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import posixpath
import socket
import sys
import threading
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

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

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        """The ``404.html`` nearest to the requested path, up to the served folder's."""
        root = Path(self.directory).resolve()
        folder = posixpath.dirname(posixpath.normpath(unquote(urlsplit(self.path).path)))
        parts = [part for part in folder.split("/") if part and part not in (".", "..")]
        for depth in range(len(parts), -1, -1):
            candidate = root.joinpath(*parts[:depth], "404.html")
            if candidate.is_file() and candidate.resolve().is_relative_to(root):
                return candidate
        return None


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that leaves a page cuts its downloads short: that is no error to print
    (a traceback in the middle of ``make build``'s output); any other still is."""

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # a broken pipe, a reset
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Yields the origin (``http://127.0.0.1:PORT``) while ``directory`` is served."""
    httpd = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
