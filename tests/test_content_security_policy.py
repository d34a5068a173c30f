"""Every page carries a strict Content-Security-Policy and still works under it."""

from __future__ import annotations

import re

import pytest

from quality_checks import PageWatch, search_results, site_pages

from guide.site.csp import inline_script_hashes, with_csp

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


def _policy(html: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert found, "no Content-Security-Policy meta tag"
    return found.group(1)


def test_every_page_has_a_policy_with_no_unsafe_script_source(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if "offline" in path.parts:
            continue
        policy = _policy(html)
        script_src = re.search(r"script-src ([^;]+)", policy).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path
        assert not re.search(r"\son[a-z]+\s*=", re.sub(r"<script.*?</script>", "", html, flags=re.S)), \
            f"{path}: an inline event handler, which the policy blocks"


def test_a_script_the_page_did_not_ship_gets_no_hash():
    page = "<html><head><meta charset=\"utf-8\"><script>a()</script></head><body></body></html>"
    secured = with_csp(page)
    assert inline_script_hashes(page)[0] in secured
    injected = secured.replace("</body>", "<script>alert(1)</script></body>")
    assert inline_script_hashes(injected)[1] not in _policy(injected)
    # A script inside the page's content is never allowed, even when hashed with the page.
    content = page.replace("<body>", '<body><article class="md-content__inner md-typeset">'
                                     "<script>alert(2)</script></article>")
    assert inline_script_hashes(content) == inline_script_hashes(page)


def test_a_page_with_a_header_but_no_head_is_refused_not_protected_in_its_body():
    page = '<html lang="en"><body><header class="md-header"><meta charset="utf-8">x</header></body></html>'
    with pytest.raises(ValueError, match="without <head>"):
        with_csp(page)
    # The head is found whatever its case and attributes, never the header before it.
    secured = with_csp("<HTML><Header></Header><HEAD\tid=x>\n<META CHARSET=utf-8><title>t</title></HEAD></HTML>")
    assert secured.startswith("<HTML><Header></Header><HEAD\tid=x>\n<META CHARSET=utf-8>\n    <meta http-equiv=")


def test_every_page_loads_under_its_policy_without_violation_or_console_error(browser, server, site):
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    watch = PageWatch(page, server)
    problems = []
    for path in site_pages(site):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        problems += [f"{path}: {v}" for v in page.evaluate("window.__violations")]
    problems += watch.errors
    context.close()
    assert not problems, "\n".join(problems)


def test_search_deck_builder_self_assessment_and_print_work_under_the_policy(browser, server):
    context = browser.new_context()
    context.add_init_script(VIOLATIONS + "window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    watch = PageWatch(page, server)
    page.goto(server + "/fr/competencies/collaboration/")
    page.wait_for_load_state("networkidle")
    assert search_results(page, "equipe"), "search found nothing under the policy"
    assert "équipe" in page.locator(".md-search-result__list").inner_text().lower()
    page.goto(server + "/cards/?kinds=avoid")
    page.locator(".guide-sheet").first.wait_for()
    page.locator("[data-guide-print]").click()
    assert page.evaluate("window.__printed") == 1
    page.goto(server + "/competencies/collaboration/self-assessment/")
    page.locator(".md-content input[type=checkbox]").first.check()
    page.reload()
    assert page.locator(".md-content input[type=checkbox]").first.is_checked()
    page.locator('[data-sa-action="erase"]').wait_for()
    page.goto(server + "/competencies/collaboration/run-sheet/")
    page.locator("[data-guide-print]").click()
    assert page.evaluate("window.__printed") == 1
    problems = page.evaluate("window.__violations") + watch.errors
    context.close()
    assert not problems, "\n".join(problems)
