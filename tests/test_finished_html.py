"""The passes over finished HTML (``guide.site.finished_html``): one function per page
for the guide's build, and one step over a site built without hooks that gives it
what the build gives its pages: policy, head, page scripts, glossary tooltips."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, script_env
from stage_imports import generator_imports
from test_markdown_export import build_export, html_pages

from guide.content.loader import load_guide
from guide.exports.markdown import export_markdown
from guide.site.finished_html import PagePasses, finish_page, finish_site, main
from guide.site.glossary_terms import term_index
from guide.site.page_scripts import PAGE_SCRIPTS

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <link rel="alternate" href="/fr/team/" hreflang="fr">
    <title>A team</title>
  </head>
  <body>
    <nav>A team of partners</nav>
    <article class="md-content__inner md-typeset">
      <p>Work with partners.</p>
      <div id="guide-sa"></div>
      <div class="guide-sheets" data-guide-finished><div><p>partners</p></div><p>partners</p></div>
    </article>
    <script>var x = 1</script>
    <script src="../assets/javascripts/bundle.js"></script>

  </body>
</html>"""


def test_a_page_gets_its_policy_its_tooltips_and_scripts_and_loses_its_head_alternates(guide):
    out = finish_page(PAGE, PagePasses(term_index(guide, "en"), "../"))
    head, body = out.split("</head>")
    assert re.search(r'<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="[^"]*'
                     r"script-src 'self' 'sha256-", head)
    assert "hreflang" not in head
    # Terms explained in the article only, and not in what the renderer finished.
    assert "<nav>A team of partners</nav>" in body
    assert re.search(r'<p>Work with <abbr title="[^"]+">partners</abbr>\.</p>', body)
    assert '<div class="guide-sheets" data-guide-finished><div><p>partners</p></div><p>partners</p></div>' in body
    # The page's own script at the end of its body, relative to the page.
    assert body.endswith('bundle.js"></script>\n  <script src="../javascripts/self-assessment.js"></script>\n\n'
                         "  </body>\n</html>")
    assert finish_page(out, PagePasses(term_index(guide, "en"), "../")) == out  # once is enough


def test_without_a_policy_and_without_terms_a_page_only_loses_its_alternates():
    out = finish_page(PAGE.replace('<div id="guide-sa"></div>', ""), PagePasses(csp=False))
    assert out == PAGE.replace('<div id="guide-sa"></div>', "").replace(
        '\n    <link rel="alternate" href="/fr/team/" hreflang="fr">', "")


def test_the_step_names_a_page_whose_article_holds_an_id_twice_and_a_folder_that_is_not_one(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text(PAGE.replace('id="guide-sa"', 'id="a"></div><p id="a"'),
                                               encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "the id 'a' is used twice on the page /x/" in capsys.readouterr().err
    assert main([str(tmp_path / "missing")]) == 1
    assert "missing: not a folder" in capsys.readouterr().err


def test_the_passes_import_no_generator():
    assert generator_imports(ROOT / "hooks", ("site/finished_html.py",)) == []


def _facts(page: Path) -> dict[str, object]:
    """What the passes put in a page: its policy, head alternates, glossary tooltips
    (term and text, in its article) and the guide's page scripts."""
    html = page.read_text(encoding="utf-8")
    head = html[:html.index("</head>")]
    article = re.search(r'<article class="md-content__inner.*</article>', html, re.S)
    scripts = [src for src in re.findall(r'<script src="([^"]*)"', html)
               if any(src.endswith(script) for script in PAGE_SCRIPTS.values())]
    return {"policy": bool(re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]*sha256-', head)),
            "head alternates": len(re.findall(r"<link[^>]*hreflang", head)),
            "tooltips": re.findall(r'<abbr title="[^"]*">[^<]*</abbr>', article.group(0) if article else ""),
            "page scripts": scripts}


@pytest.mark.build
def test_a_build_without_hooks_then_the_step_gives_every_page_what_the_guides_build_gives_it(site, tmp_path):
    export = export_markdown(ROOT, tmp_path / "export")
    built = build_export(export.folder, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    plain = {page: _facts(tmp_path / "site" / page) for page in html_pages(tmp_path / "site")}
    assert not any(facts["policy"] or facts["tooltips"] or facts["page scripts"] for facts in plain.values())
    step = subprocess.run([sys.executable, "-m", "guide.site.finished_html", str(tmp_path / "site")],
                          env=script_env(), capture_output=True, text=True, timeout=300)
    assert step.returncode == 0, step.stdout + step.stderr
    finished = {page: _facts(tmp_path / "site" / page) for page in html_pages(tmp_path / "site")}
    ours = {page: _facts(site / page) for page in finished}
    assert finished == ours
    # The passes had something to do on these pages: the comparison is not of empty lists.
    assert ours["cards/index.html"]["page scripts"] == ["../javascripts/cards.js"]
    assert ours["fr/competencies/collaboration/self-assessment/index.html"]["page scripts"] == [
        "../../../../javascripts/self-assessment.js"]
    assert ours["competencies/collaboration/index.html"]["tooltips"]
    assert ours["fr/competencies/collaboration/index.html"]["tooltips"]
    assert all(facts["policy"] and not facts["head alternates"] for facts in finished.values())
    again = finish_site(tmp_path / "site", load_guide(ROOT / "content_data"))
    assert again.errors == () and {page: _facts(tmp_path / "site" / page) for page in finished} == finished


def test_the_step_speaks_the_editors_language_and_heads_page_problems_as_such(tmp_path, capsys, monkeypatch):
    """Its problems are the built pages', not the content's: their own heading, in both languages."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text(PAGE.replace('id="guide-sa"', 'id="a"></div><p id="a"'),
                                               encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("The built site has 1 page problem:\n") and "content has" not in err, err
    monkeypatch.setenv("GUIDE_LANG", "fr")
    assert main([str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("Le site construit comporte 1 problème de page\u00a0:\n")
    assert main([str(tmp_path / "missing")]) == 1
    assert "missing\u00a0: ce n\u2019est pas un dossier" in capsys.readouterr().err
    (tmp_path / "x" / "index.html").write_text(PAGE, encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("1 page terminée dans ")
