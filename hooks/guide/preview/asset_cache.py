"""The preview's server lets the browser keep the theme's fingerprinted files.

MkDocs' server sends no caching headers, so every live reload fetched the
theme's script bundle and style sheets again (about 270 KB, answered one by one
by the same process that has just built the page) before the page could be
painted. Their names carry a hash of their content (``bundle.a5f9d56c.min.js``),
so a changed file has a new name: the browser may keep them for good. The
guide's own scripts and style sheets, and every page, are fetched as before, so
a developer's edit to them still shows at the next reload.

Wrapped around the server's WSGI application (``set_app``, the standard
library's own server interface), not patched into MkDocs.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

# Material's build names its files ``<name>.<8 hex digits>.min.(js|css)``, under these folders.
FINGERPRINTED = re.compile(r"/[A-Za-z0-9_-]+\.[0-9a-f]{8}\.min\.(?:js|css)")
THEME_FOLDERS = ("/assets/javascripts/", "/assets/stylesheets/")
KEEP = ("Cache-Control", "public, max-age=31536000, immutable")

Application = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes] | None]


class KeepFingerprinted:
    """A WSGI application: ``application``, answering fingerprinted files with a header
    that keeps them."""

    def __init__(self, application: Application) -> None:
        self.application = application

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        path = environ.get("PATH_INFO", "")
        if not (any(folder in path for folder in THEME_FOLDERS) and FINGERPRINTED.fullmatch(path[path.rfind("/"):])):
            return self.application(environ, start_response)

        def start(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            if status.startswith("200"):
                headers = [*headers, KEEP]
            return start_response(status, headers, *rest)

        return self.application(environ, start)


def install(server: Any) -> None:
    """Wrap the server's application, once."""
    application = server.get_app()
    if not isinstance(application, KeepFingerprinted):
        server.set_app(KeepFingerprinted(application))
