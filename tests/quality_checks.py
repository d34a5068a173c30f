"""Quality checks a page must pass, each returning the problems it found.

They take a Playwright page (or the built site) and report in words, so a
failing test says which page broke which rule. ``test_quality_checks_fail``
shows each one failing on a deliberately broken page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
_axe = Axe()


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as URL paths ("/", "/fr/tips/")."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


class PageWatch:
    """Collects what a page does while it loads: requests and console errors."""

    def __init__(self, page, origin: str) -> None:
        self.origin = origin
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _request(self, request) -> None:
        url = request.url
        if not (url.startswith(self.origin + "/") or url.startswith("data:") or url.startswith("blob:")):
            self.foreign.append(url)


def accessibility_problems(page) -> list[str]:
    results = _axe.run(page, options=WCAG_21_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


def horizontal_scroll_problems(page) -> list[str]:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return [f"scrolls horizontally: content {widths[0]}px wide in a {widths[1]}px viewport"] \
        if widths[0] > widths[1] else []


def small_text_problems(page, minimum: float = 16) -> list[str]:
    small = page.evaluate(
        """min => [...document.querySelectorAll(
              '.md-content p, .md-content li, .md-content td, .md-content th, .md-content dd')]
            .filter(el => el.offsetParent !== null && el.textContent.trim())
            .map(el => [el.tagName, parseFloat(getComputedStyle(el).fontSize), el.textContent.trim().slice(0, 40)])
            .filter(([, size]) => size < min)""",
        minimum,
    )
    return [f"{tag} text at {size}px: {text!r}" for tag, size, text in small[:5]]


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("link", "script", "img") and (attributes.get("href") or attributes.get("src")):
            if tag != "link" or attributes.get("rel") in ("stylesheet", "icon"):
                self.links.append(attributes.get("href") or attributes.get("src"))


def _parse(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_link_problems(site: Path) -> list[str]:
    """Every internal link and anchor of every page resolves, across languages."""
    problems, parsed = [], {}
    base = "http://site.invalid"
    for page in sorted(site.rglob("*.html")):
        page_url = base + "/" + page.relative_to(site).as_posix()
        for href in _parse(page).links:
            target = urlsplit(urljoin(page_url, href))
            if f"{target.scheme}://{target.netloc}" != base:
                continue  # external links are checked by the privacy rule, not here
            path = site / unquote(target.path).lstrip("/")
            if path.is_dir() or target.path.endswith("/"):
                path = path / "index.html"
            if not path.is_file():
                problems.append(f"{page.relative_to(site)}: dead link {href}")
                continue
            if target.fragment and path.suffix == ".html":
                anchors = parsed.setdefault(path, _parse(path))
                if unquote(target.fragment) not in anchors.ids:
                    problems.append(f"{page.relative_to(site)}: missing anchor {href}")
    return problems


def sitemap_problems(site: Path, site_url: str, languages: tuple[str, ...] = ("en", "fr")) -> list[str]:
    """The sitemap lists every page of every language, each with its hreflang alternates."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    listed = {re.search(r"<loc>(.*?)</loc>", u).group(1): set(re.findall(r'hreflang="([a-z]+)"', u)) for u in urls}
    problems = []
    for page in site_pages(site):
        loc = site_url.rstrip("/") + page
        if loc not in listed:
            problems.append(f"sitemap lacks {loc}")
        elif listed[loc] != set(languages):
            problems.append(f"sitemap entry {loc} has alternates {sorted(listed[loc])}")
    return problems
