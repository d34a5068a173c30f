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
    """Every page of the built site, as URL paths ("/", "/fr/competencies/collaboration/tips/")."""
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


# True once nothing has moved for a few frames in a row: no finite animation or
# transition running, the scroll position unchanged. Material fades parts of the
# page as it scrolls or takes focus (the header's title, the back-to-top button,
# tooltips); axe reads a half-faded text as too faint, so a busy machine, where
# the fade is still running when axe reads colours, failed a page that is fine.
SETTLED = """() => {
    const moving = document.getAnimations().some(a => a.playState === "running"
        && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
    const state = window.__guideSettle;
    state.quiet = moving || window.scrollY !== state.y ? 0 : state.quiet + 1;
    state.y = window.scrollY;
    return state.quiet >= 3;
}"""


def settle(page) -> None:
    """Wait (a condition, checked every frame) until the page stops moving."""
    page.evaluate("window.__guideSettle = {y: NaN, quiet: 0}")
    page.wait_for_function(SETTLED, polling="raf")


def accessibility_problems(page) -> list[str]:
    """What axe finds against WCAG 2.1 AA, once the page has stopped moving."""
    settle(page)
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
    """Every internal link and anchor of every page resolves, across languages, and
    stays within the site: served from a folder (a project's GitHub Pages), a link
    climbing above the site root leaves it, where at a domain's root it would not."""
    problems, parsed = [], {}
    base, root = "http://site.invalid", "/served/from/a/folder/"
    for page in sorted(site.rglob("*.html")):
        page_url = base + root + page.relative_to(site).as_posix()
        for href in _parse(page).links:
            if href.startswith("/") and not href.startswith("//"):
                href_from_root = root + href[1:]  # the 404 pages' (site_url's path is the root)
            else:
                href_from_root = href
            target = urlsplit(urljoin(page_url, href_from_root))
            if f"{target.scheme}://{target.netloc}" != base:
                continue  # external links are checked by the privacy rule, not here
            if not target.path.startswith(root):
                problems.append(f"{page.relative_to(site)}: link above the site root {href}")
                continue
            path = site / unquote(target.path).removeprefix(root)
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


def site_documents(site: Path) -> list[str]:
    """Every HTML document a reader can land on: the pages and the 404 pages."""
    return site_pages(site) + sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("404.html"))


# -- what a person reads -----------------------------------------------------------

# Markdown, attribute-list and admonition syntax, and character references that
# should have been turned into formatting or characters before a reader saw them.
LEFTOVERS = ("](", "{ .", "{: ", "{:.", "**", "!!!", "*[", "&amp;", "&#", "&lt;", "&gt;", "&nbsp;")
_TAG_TEXT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")


def leftover_markup_problems(page) -> list[str]:
    """The rendered text (innerText, as shown) holds no markup a reader should not see."""
    shown = page.evaluate("document.body.innerText")
    problems = []
    for line in shown.splitlines():
        found = [mark for mark in LEFTOVERS if mark in line] + _TAG_TEXT.findall(line)
        if found:
            problems.append(f"visible {', '.join(repr(f) for f in found)} in {line.strip()[:90]!r}")
    return problems


def duplicate_id_problems(page) -> list[str]:
    """An id names one element: anchors, labels and aria references rely on it."""
    twice = page.evaluate(
        """() => { const seen = {}; document.querySelectorAll('[id]').forEach(el => {
             seen[el.id] = (seen[el.id] || 0) + 1 });
           return Object.entries(seen).filter(([, n]) => n > 1) }""")
    return [f"id {name!r} used {count} times" for name, count in twice]


def phone_layout_problems(page) -> list[str]:
    """Nothing wider than the viewport, and no table cell cut off by its table's box.

    Measure with a plain viewport of the phone's width: mobile emulation lets the
    layout viewport grow to fit wide content, so it cannot see the overflow.
    """
    problems = horizontal_scroll_problems(page)
    cut = page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth, out = [];
          for (const cell of document.querySelectorAll('.md-content td, .md-content th')) {
            if (!cell.checkVisibility()) continue;
            const box = cell.getBoundingClientRect();
            let right = width, left = 0;
            for (let el = cell.parentElement; el && el !== document.body; el = el.parentElement) {
              if (getComputedStyle(el).overflowX !== 'visible') {
                const r = el.getBoundingClientRect();
                right = Math.min(right, r.left + el.clientWidth); left = Math.max(left, r.left);
              }
            }
            if (box.right > right + 1 || box.left < left - 1)
              out.push([cell.innerText.trim().slice(0, 40), Math.round(box.left), Math.round(box.right),
                        Math.round(left), Math.round(right)]);
          }
          return out }""")
    problems += [f"table cell {text!r} spans {a}-{b}px but only {c}-{d}px shows" for text, a, b, c, d in cut]
    return problems


# -- the page's language ------------------------------------------------------------

# Strings Material writes outside its translation files (its templates and the
# toc extension's default), in the language they are written in.
_UNTRANSLATED = {"en": ["Made with", "Permanent link", "Switch to dark mode", "Switch to light mode"]}
_NOT_WORDS = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def _material_strings(lang: str) -> list[str]:
    import material

    path = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html"
    pairs = re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"), re.M)
    return [value.replace("#", "").strip() for key, value in pairs if key not in _NOT_WORDS]


def ui_strings(lang: str, labels: dict[str, dict[str, str]]) -> set[str]:
    """Every UI string the site and Material can print in ``lang``."""
    strings = set(_material_strings(lang)) | set(_UNTRANSLATED.get(lang, []))
    strings |= {texts[lang] for texts in labels.values()}
    return {s for s in strings if len(s) > 1}


def foreign_strings(lang: str, labels: dict[str, dict[str, str]], languages=("en", "fr")) -> list[str]:
    """UI strings of the other languages that this language never uses."""
    own = ui_strings(lang, labels)
    others = set().union(*(ui_strings(other, labels) for other in languages if other != lang))
    return sorted(others - own)


def _pattern(string: str) -> str:
    parts = [re.escape(part) for part in re.split(r"\{\w+\}", string)]
    return r"(?<!\w)" + r".+?".join(parts) + r"(?!\w)"


def foreign_language_problems(page, lang: str, foreign: list[str], quoted: tuple[str, ...] = ()) -> list[str]:
    """Text in the page's language holds none of another language's UI strings.

    Read where a person meets them: visible text, and the ``title``,
    ``aria-label``, ``alt`` and ``placeholder`` attributes, of every element
    whose nearest ``lang`` is the page's (a quote marked ``lang="fr"`` may be French).
    ``quoted``: titles that stand in their own language wherever they are named
    (a source's title): in text they are marked with their ``lang``; an attribute
    cannot mark them, so there they are read as quotations and left out.
    """
    found = page.evaluate(
        """lang => {
          const out = [], inLang = el => (el.closest('[lang]')?.getAttribute('lang') || '').split('-')[0] === lang;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!el || !node.textContent.trim() || el.closest('script, style, template')) continue;
            if (el.checkVisibility() && inLang(el)) out.push(['text', node.textContent]);
          }
          for (const el of document.querySelectorAll('[title], [aria-label], [alt], [placeholder]')) {
            if (!inLang(el) || el.closest('template')) continue;
            for (const name of ['title', 'aria-label', 'alt', 'placeholder'])
              if (el.hasAttribute(name)) out.push([name, el.getAttribute(name)]);
          }
          out.push(['title', document.title]);
          return out }""", lang)
    patterns = [(s, re.compile(_pattern(s))) for s in foreign]
    problems = []
    for where, value in found:
        if where != "text":
            for title in quoted:
                value = value.replace(title, "")
        for string, pattern in patterns:
            if pattern.search(value):
                problems.append(f"{where} {value.strip()[:70]!r} has {string!r}")
    return sorted(set(problems))


def french_typography_problems(page) -> list[str]:
    """French text, menus and table of contents included, uses French typography.

    A straight apostrophe, or an ordinary space before ``: ; ! ?``, in any text
    whose nearest ``lang`` is French (code excepted: it is typed, not typeset).
    """
    texts = page.evaluate(
        """() => { const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!el || el.closest('script, style, template, code, pre, kbd')) continue;
            if ((el.closest('[lang]')?.getAttribute('lang') || '').startsWith('fr')) out.push(node.textContent);
          }
          return out }""")
    problems = []
    for value in texts:
        for pattern, what in ((r"'", "straight apostrophe"), (r"\S[ \t\n]+[:;!?](?:\s|$)", "ordinary space before : ; ! ?")):
            if re.search(pattern, value):
                problems.append(f"{what} in {' '.join(value.split())[:70]!r}")
    return sorted(set(problems))


# -- search as displayed ------------------------------------------------------------

def search_results(page, query: str) -> list[dict]:
    """Enter ``query`` in the search box as a reader does; return the results as shown.

    Material searches for what the box holds each time a key is released, and
    rewrites the count's text for every answer of its search worker, then the first
    ten results in the same task (more as the list's end scrolls into view). So
    the count's text as it stands is marked, the query comes whole with one key
    released (no answer to a part of it can arrive after), and the results are
    read once the count is new, not a placeholder, and as many results as it says,
    up to ten, are shown. No digit in the count: no result.
    """
    box = page.locator("input.md-search__input")
    box.click()
    page.evaluate("""() => {
        const meta = document.querySelector('.md-search-result__meta');
        if (meta.firstChild) meta.firstChild.guideEarlier = true;
    }""")
    box.fill(query)
    box.press("End")  # Material reads the box on each key released: this query, whole, once
    page.wait_for_function(
        """q => {
            const meta = document.querySelector('.md-search-result__meta');
            const text = meta.textContent.trim();
            if (document.querySelector('input.md-search__input').value !== q || !meta.firstChild ||
                meta.firstChild.guideEarlier || text === '' || /Initializ|Initialis|Type to|Taper/.test(text)) return false;
            const digits = text.match(/[0-9]+/);
            const count = digits ? Number(digits[0]) : 0;
            return document.querySelectorAll('.md-search-result__item').length >= Math.min(count, 10);
        }""",
        arg=query,
    )
    return page.eval_on_selector_all(
        ".md-search-result__link",
        # The place a result leads to, without Material's ?h= highlight query.
        """links => links.map(a => ({href: a.pathname + a.hash,
              title: (a.querySelector('h1, h2') || a).innerText,
              shown: a.innerText}))""")


def search_problems(results: list[dict], query: str, lang: str, default: str = "en") -> list[str]:
    """Results exist, are in the page's language, once per location, highlighted cleanly."""
    if not results:
        return [f"{query!r}: no result"]
    problems = []
    hrefs = [r["href"] for r in results]
    for href in sorted({h for h in hrefs if hrefs.count(h) > 1}):
        problems.append(f"{query!r}: {href} listed {hrefs.count(href)} times")
    for result in results:
        path = result["href"]
        if (lang == default) == path.startswith(tuple(f"/{code}/" for code in ("fr", "en") if code != default)):
            problems.append(f"{query!r}: result in another language: {result['href']}")
        for field in ("title", "shown"):
            leftovers = re.findall(r"[<>]|\b(?:ark|mark)>|&[a-z#0-9]+;", result[field])
            if leftovers:
                problems.append(f"{query!r}: result {field} shows {leftovers} in {result[field][:80]!r}")
    return problems


# -- the W3C Nu HTML Checker ---------------------------------------------------------

# The current checker, from the pinned vnu-jar npm package (tests/vnu/package-lock.json),
# installed by `make vnu` (a step of `make test`); run with the system Java.
VNU_JAR = Path(__file__).parent / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_messages(files: list[Path]) -> list[dict]:
    """Errors and warnings of the W3C Nu HTML Checker (vnu.jar)."""
    import json
    import shutil
    import subprocess

    java = shutil.which("java")
    if java is None:
        raise RuntimeError("Java is missing: run `make test` (it installs it) or "
                           "`sudo apt-get install default-jre-headless`.")
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing: run `make vnu` (npm ci in tests/vnu).")
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--also-check-svg",
                             *map(str, files)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]


def vnu_problems(site: Path, accepted: dict[str, str], files: list[Path] | None = None,
                 used: set[str] | None = None) -> list[str]:
    """vnu's messages that ``accepted`` (a pattern -> why) does not explain. A pattern is
    matched against the message, a line break, and the markup vnu quotes (its extract);
    ``used`` collects the patterns that explained a message, so stale ones can be dropped."""
    files = files or sorted(site.rglob("*.html"))
    problems = []
    for message in vnu_messages(files):
        said = f"{message['message']}\n{message.get('extract', '')}"
        explained = [pattern for pattern in accepted if re.search(pattern, said)]
        if explained:
            if used is not None:
                used.update(explained)
            continue
        where = unquote(urlsplit(message.get("url", "")).path)
        where = where.split(str(site), 1)[-1] if str(site) in where else where
        problems.append(f"{where}:{message.get('lastLine', '?')}: {message.get('subType', message['type'])}: "
                        f"{message['message']}")
    return problems
