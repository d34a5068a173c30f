"""Renderers alone: text is escaped and typeset whatever reaches them."""

from __future__ import annotations

import dataclasses
import html

import markdown

from guide.content.markup import text
from guide.render.base import Context
from guide.render.competency import render_competency
from guide.content.typography import NBSP, NNBSP, french


def test_french_typography_uses_no_break_spaces():
    assert french("Pourquoi ? Voici : un « exemple » ; fin !") == (
        f"Pourquoi{NNBSP}? Voici{NBSP}: un «{NBSP}exemple{NBSP}»{NNBSP}; fin{NNBSP}!"
    )


def test_french_typography_leaves_times_and_urls_alone():
    assert french("de 14:35 à 15:20") == "de 14:35 à 15:20"


def test_french_typography_leaves_a_typed_character_reference_as_typed():
    assert french("&lt;b&gt; et &#233; ok ; fin") == f"&lt;b&gt; et &#233; ok{NNBSP}; fin"
    assert french("&lt ;b") == f"&lt{NNBSP};b"  # typed with a space: the space is French


def test_french_apostrophes_become_typographic():
    assert french("l'organisation") == "l’organisation"


def test_markup_in_text_is_shown_not_interpreted():
    html = markdown.Markdown().convert(text("<script>alert(1)</script> *x* [a](javascript:b)", "en"))
    assert "<script>" not in html and "&lt;script&gt;" in html or "&#60;script&#62;" in html
    assert "<em>" not in html and "<a " not in html


def test_a_script_that_slipped_past_validation_is_still_escaped(guide):
    hostile = "<script>alert('x')</script>"
    adopt = [dataclasses.replace(guide.competency.adopt[0], en=hostile)]
    competency = dataclasses.replace(guide.competency, adopt=adopt)
    rendered = render_competency(Context(guide.with_folder(dataclasses.replace(guide.folder(), competency=competency)), "en"))
    html = markdown.Markdown(extensions=["md_in_html", "attr_list", "admonition", "tables"]).convert(
        rendered.markdown)
    assert "<script>" not in html
    assert "&#60;script&#62;alert" in html and "&#60;/script&#62;" in html


def test_a_template_compiled_once_is_not_compiled_again_by_a_new_environment():
    import jinja2

    from guide.preview.patches import MemoryBytecodeCache

    cache = MemoryBytecodeCache()
    loader = jinja2.DictLoader({"page.html": "Hello {{ name }}"})
    assert jinja2.Environment(loader=loader, bytecode_cache=cache).get_template("page.html").render(name="a") == "Hello a"

    second = jinja2.Environment(loader=loader, bytecode_cache=cache)

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    second.compile = refuse  # type: ignore[method-assign]
    assert second.get_template("page.html").render(name="b") == "Hello b"

    edited = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "Bye {{ name }}"}), bytecode_cache=cache)
    assert edited.get_template("page.html").render(name="c") == "Bye c"  # a changed source is compiled


def test_counts_in_headings_come_from_the_data(guide):
    from guide.render.tips import render_tips

    tips = guide.tips.tips
    twelve = guide.with_folder(dataclasses.replace(guide.folder(), tips=dataclasses.replace(
        guide.tips, tips=tips + [dataclasses.replace(tips[0], id="one-more-tip")])))
    for lang, heading in (("en", f"{len(tips) + 1} practical tips"), ("fr", f"{len(tips) + 1} conseils pratiques")):
        rendered = render_tips(Context(twelve, lang)).markdown
        # A text's first character may be a character reference (a leading digit could start a list).
        assert f"## {heading} {{ #tips }}" in html.unescape(rendered), rendered[:200]
    levels = guide.competency.levels
    three = guide.with_folder(dataclasses.replace(guide.folder(), competency=dataclasses.replace(
        guide.competency, levels=levels[:3])))
    assert "## The 3 levels { #levels }" in html.unescape(render_competency(Context(three, "en")).markdown)


def test_a_why_page_without_tips_says_no_tip_yet(fixture_guide):
    """why.yml is optional and so is tips.yml: a folder with the first only was a traceback."""
    from guide.render.why import render_why

    why = fixture_guide.folder("collaboration").why
    folder = dataclasses.replace(fixture_guide.folder("fixture-teamwork"), why=why, tips=None)
    guide = fixture_guide.with_folder(folder).focus("fixture-teamwork")
    for lang in ("en", "fr"):
        rendered = render_why(Context(guide, lang)).markdown
        assert rendered.count(guide.labels.no_tip_yet.get(lang)) == len(why.obstacles)
