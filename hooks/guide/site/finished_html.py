"""The passes over a finished page's HTML, for any generator: one function per page,
and one step over a whole built site.

A page as the generator wrote it gets, in this order: the glossary's terms
explained in its article (``glossary_terms``), the head's hreflang links dropped
(``html_head``), the guide's scripts it needs at the end of its body
(``page_scripts``), and its Content-Security-Policy (``csp``), last, since it
hashes the page's inline scripts. Nothing here imports MkDocs, Material or
mkdocs-static-i18n: the guide's MkDocs build calls ``finish_page`` as it writes
each page (``GuideSite.on_post_page``, so a dirty preview passes only over the
pages it rebuilt), and a site built without hooks (``make markdown`` built by
MkDocs or Zensical) gets the same passes from ``python -m
guide.site.finished_html SITE``, which reads each page once and writes it whole.

What stays an MkDocs event, and why: marking what search must not read
(``search_index.without_search_duplicates``) needs the entries MkDocs' search
plugin is about to index, before it indexes the page; the duplicate-id check
fails the build with the item's ``file:line`` before the page is written (the
step here runs it too, over each article); the draft notice and the error
banner exist only in the preview.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from guide.content.errors import ContentError, ContentInvalid, printable
from guide.content.loader import load_guide
from guide.content.messages import counted, editor_language, said, say
from guide.content.model import LANGUAGES, Guide
from guide.render.pages import competency_of
from guide.site.csp import with_csp
from guide.site.glossary_terms import TermIndex, explain_terms, term_index
from guide.site.html_head import without_hreflang_links
from guide.site.page_ids import duplicate_id_errors
from guide.site.page_scripts import scripts_for
from guide.publish.whole_files import write_whole

NO_TERMS = TermIndex({})
_ARTICLE = '<article class="md-content__inner'
_CSP_META = '<meta http-equiv="Content-Security-Policy" content="'
_HTML_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"', re.I)


@dataclass(frozen=True)
class PagePasses:
    """What the passes need to know about one page."""

    glossary: TermIndex = NO_TERMS  # the terms of the page's language (none: a 404 page)
    site_root: str = ""  # from the page to the site's root, e.g. "../../" for fr/cards/
    csp: bool = True  # not under `mkdocs serve` nor in the offline copy (see GuideSite._secured)


def article_span(page_html: str) -> tuple[int, int]:
    """Where the page's content is: Material's (and Zensical's) ``md-content__inner``
    article, or the whole page when it has none."""
    start = page_html.find(_ARTICLE)
    end = page_html.rfind("</article>")
    return (start, end) if 0 <= start < end else (0, len(page_html))


def finish_page(page_html: str, passes: PagePasses) -> str:
    """``page_html`` with every pass done. Doing it again changes nothing."""
    start, end = article_span(page_html)
    article = explain_terms(page_html[start:end], passes.glossary)
    page_html = page_html[:start] + article + page_html[end:]
    page_html = _in_head(page_html, without_hreflang_links)
    page_html = with_scripts(page_html, [passes.site_root + script for script in scripts_for(article)])
    if not passes.csp:
        return page_html
    return with_csp(_in_head(page_html, _without_csp))


def _without_csp(head_html: str) -> str:
    """The head without a policy an earlier pass gave it, nor the white space before it."""
    at = head_html.find(_CSP_META)
    end = head_html.find(">", at)
    return head_html if at < 0 or end < 0 else head_html[:at].rstrip() + head_html[end + 1:]


def _in_head(page_html: str, change: Callable[[str], str]) -> str:
    end = page_html.find("</head>")
    end = len(page_html) if end < 0 else end
    return change(page_html[:end]) + page_html[end:]


def with_scripts(page_html: str, sources: list[str]) -> str:
    """``<script>`` elements for ``sources`` at the end of the body, above its closing line
    and the blank line before it (where the guide's theme wrote them); one already there
    is not added again."""
    tags = "".join(f'\n  <script src="{src}"></script>' for src in sources if f'<script src="{src}">' not in page_html)
    if not tags:
        return page_html
    at = page_html.rfind("</body>")
    if at < 0:
        return page_html + tags
    line = page_html.rfind("\n", 0, at)
    if line >= 0 and not page_html[line:at].strip():
        at = line - 1 if line > 0 and page_html[line - 1] == "\n" else line
    return page_html[:at] + tags + page_html[at:]


# -- the step over a whole built site ----------------------------------------------------

@dataclass(frozen=True)
class SiteReport:
    pages: int
    errors: tuple[ContentError, ...]


def page_facts(rel: str, page_html: str, guide: Guide, indexes: dict[str, TermIndex],
               csp: bool) -> tuple[PagePasses, str, str | None]:
    """The passes for the page at ``rel`` (from the site root), its address and its
    competency: its language from ``<html lang>``, its depth from its path."""
    lang_match = _HTML_LANG.search(page_html[:4096])
    lang = lang_match.group(1).split("-")[0].lower() if lang_match else LANGUAGES[0]
    parts = rel.split("/")
    not_found = parts[-1] == "404.html"
    glossary = NO_TERMS if not_found or lang not in indexes else indexes[lang]
    inside = parts[1:] if parts[0] in LANGUAGES and parts[0] != LANGUAGES[0] else parts
    url = "/" + rel.removesuffix("index.html")
    return PagePasses(glossary, "../" * (len(parts) - 1), csp), url, competency_of("/".join(inside), guide)


def finish_site(site: Path, guide: Guide, csp: bool = True) -> SiteReport:
    """Every HTML page of ``site`` finished, each read once and written whole; the ids
    its article holds twice, as errors (the pages are finished all the same)."""
    indexes = {lang: term_index(guide, lang) for lang in LANGUAGES}
    errors: list[ContentError] = []
    count = 0
    for path in sorted(site.rglob("*.html")):
        if path.is_symlink() or not path.is_file():
            continue  # a link could lead outside the site: never written through
        rel = path.relative_to(site).as_posix()
        try:
            page_html = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append(ContentError(str(path), 1, 1, said("page_not_utf8"), said("build_site_again")))
            continue
        passes, url, competency = page_facts(rel, page_html, guide, indexes, csp)
        start, end = article_span(page_html)
        errors.extend(duplicate_id_errors(page_html[start:end], url, guide.locations(competency)))
        try:
            finished = finish_page(page_html, passes)
        except ValueError:  # no <head> for the policy
            errors.append(ContentError(str(path), 1, 1, said("page_without_head"), said("build_site_again")))
            continue
        write_whole(path, finished)
        count += 1
    return SiteReport(count, tuple(errors))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guide.site.finished_html",
        description="The guide's passes over finished HTML (CSP, head, page scripts, glossary, ids), "
                    "for a site built without the hooks, e.g. from `make markdown`.")
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("--content", type=Path, default=Path(__file__).resolve().parents[3] / "content_data",
                        help="the content the site was built from (default: this project's content_data/)")
    parser.add_argument("--no-csp", action="store_true",
                        help="no Content-Security-Policy (a copy opened from file://)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(printable(say("site_not_a_folder", site=str(args.site), example="markdown-export/site")), file=sys.stderr)
        return 1
    try:
        report = finish_site(args.site, load_guide(args.content), csp=not args.no_csp)
    except ContentInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except OSError as exc:
        print(printable(say("site_unreadable", path=str(exc.filename or args.site), reason=exc.strerror)),
              file=sys.stderr)
        return 1
    if report.errors:
        print(ContentInvalid(list(report.errors)).report(heading="pages_have_problems"), file=sys.stderr)
        return 1
    print(printable(counted("pages_finished", report.pages, site=str(args.site)).get(editor_language())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
