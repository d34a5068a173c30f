"""A build fed hostile glossary and item texts runs no script when read or hovered."""

from __future__ import annotations

import pytest
from conftest import copy_project, run_build, serve
from quality_checks import PageWatch, site_pages

pytestmark = pytest.mark.build  # the module's site is built from hostile content

# Texts that pass validation (no raw tag) but would become markup if any
# destination decoded them once too often.
DEFINITION = "Harmless &lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt; &#60;script&#62;alert(2)&#60;/script&#62;"
ITEM = "Share &lt;svg onload=alert(3)&gt; knowledge \" onmouseover=\"alert(4)"
# A card's text, in a deck file (a script the cards pages load): what would end a JS
# string or template, or a script, if the file were written without encoding.
CARD = "Work \\ towards \" shared ${alert(5)} `x` --> </5 &lt;img src=x onerror=alert(6)&gt; objectives"

# The tooltip Material 9 shows for an element with a title (tooltip2): the element's
# aria-describedby names it while it is shown, md-tooltip2--active makes it visible.
OWN_TOOLTIP = """element => {
    const id = element.getAttribute('aria-describedby');
    const tooltip = id && document.getElementById(id);
    return tooltip && tooltip.classList.contains('md-tooltip2--active') ? {text: tooltip.innerText} : null;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    glossary = project / "content_data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace("en: A person or organisation you work with towards goals you share, each side contributing.",
                        f"en: '{DEFINITION}'")
    text = text.replace("fr: Une personne ou une organisation avec qui vous travaillez vers des buts communs, "
                        "chacun apportant sa part.", f"fr: '{DEFINITION} (fr)'")
    glossary.write_text(text, encoding="utf-8")
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    competency.write_text(competency.read_text(encoding="utf-8").replace(
        "    en: Share knowledge and information freely.\n", f"    en: '{ITEM}'\n").replace(
        "    en: Work towards shared objectives.\n", f"    en: '{CARD}'\n"), encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile-site")
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_hovering_every_tooltip_on_every_page_runs_nothing(browser, hostile_site):
    with serve(hostile_site) as origin:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        watch = PageWatch(page, origin)
        hovered, shown = 0, set()
        for path in site_pages(hostile_site):
            page.goto(origin + path)
            page.wait_for_load_state("networkidle")
            # Handles, not nth() locators: Material takes the title off an element
            # while its tooltip is shown, which would shift the list under them.
            for element in page.locator(".md-content [title]").element_handles():
                if not element.is_visible():
                    continue
                element.hover()
                hovered += 1
                # Material shows a tooltip after the hover, and keeps the last
                # element's a moment: read this element's own, once it is shown.
                shown.add(page.wait_for_function(OWN_TOOLTIP, arg=element).json_value()["text"])
            assert page.locator(".md-content img[src=x], .md-content svg[onload]").count() == 0, path
        context.close()
    assert hovered > 50, "too few tooltips hovered: the test would prove nothing"
    assert dialogs == [], f"a script ran: {dialogs}"
    assert watch.errors == [], watch.errors
    assert any("<img src=x onerror=alert(1)>" not in s and "&lt;img src=x onerror=alert(1)&gt;" in s
               for s in shown), f"the hostile definition was not shown as typed: {sorted(shown)[:3]}"


def test_the_hostile_item_text_reads_as_typed(browser, hostile_site):
    with serve(hostile_site) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.goto(origin + "/competencies/collaboration/")
        assert ITEM in page.locator(".md-content").inner_text()
        context.close()


@pytest.mark.parametrize("path", ["/cards/", "/fr/cards/?lang=en-fr"])
def test_a_hostile_card_text_reads_as_typed_on_the_cards_pages_and_runs_nothing(browser, hostile_site, path):
    """The cards come from deck files: the text is shown as typed (innerText), not as
    markup or script, and every deck file still runs (all the cards are there)."""
    with serve(hostile_site) as origin:
        context = browser.new_context()
        page = context.new_page()
        watch = PageWatch(page, origin)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(origin + path)
        card = page.locator('.guide-sheets .guide-card[lang="en"][data-item="adopt-shared-objectives"]')
        assert card.locator(".guide-card__text").inner_text() == CARD
        assert card.locator("img").count() == 0
        assert page.locator('.guide-sheets .guide-card[lang="en"]').count() == 36
        assert dialogs == [] and watch.errors == []
        context.close()
