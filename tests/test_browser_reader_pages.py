"""The small things a new reader meets that look unfinished (issue 33), read the way
the reader sees them: innerText and layout boxes in Chromium, at 360 and 1280 px."""

from __future__ import annotations

import re

import pytest
from quality_checks import site_documents

WIDTHS = (360, 1280)


def _open(browser, server, path: str, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("path", ["/changes/", "/fr/changes/"])
def test_what_changed_does_not_contradict_itself_without_a_recorded_release(browser, server, path):
    """The test build has no release tags: the page must not say a version was released
    and, in the next sentence, that there is no recorded release."""
    context, page = _open(browser, server, path)
    text = page.locator("article").inner_text()
    context.close()
    assert not re.search(r"recorded release|version enregistrée|copy of the guide|copie du guide", text), text
    assert not re.search(r"What each release|Ce que chaque version", text), text


def test_previous_and_next_never_have_the_same_title(browser, server, site):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    for path in site_documents(site):
        if path.endswith("404.html"):
            continue
        page.goto(server + path)
        titles = page.eval_on_selector_all(".md-footer__link .md-ellipsis", "els => els.map(e => e.innerText.trim())")
        if len(titles) == 2 and titles[0] == titles[1]:
            problems.append(f"{path}: previous and next are both {titles[0]!r}")
    context.close()
    assert not problems, "\n".join(problems)


DIAGRAM_TEXTS_JS = """() => [...document.querySelectorAll('figure.guide-diagram svg')].map(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return {id: svg.parentElement.id, texts: [...svg.querySelectorAll('text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                box: [r.left, r.top, r.right, r.bottom]};
    })};
})"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["/competencies/collaboration/", "/fr/competencies/collaboration/",
                                  "/competencies/collaboration/workshop/", "/fr/competencies/collaboration/workshop/"])
def test_diagram_words_are_readable_and_apart(browser, server, path, width):
    context, page = _open(browser, server, path, width)
    figures = page.evaluate(DIAGRAM_TEXTS_JS)
    context.close()
    assert figures, "no diagram"
    problems = []
    for figure in figures:
        texts = figure["texts"]
        problems += [f"{figure['id']}: {t['text']!r} drawn {t['px']:.1f} px tall" for t in texts if t["px"] < 11.5]
        problems += [f"{figure['id']}: {a['text']!r} overlaps {b['text']!r}"
                     for i, a in enumerate(texts) for b in texts[i + 1:] if _overlap(a["box"], b["box"])]
    assert not problems, "\n".join(problems)


HEADINGS_WITH_LINK_TALLER_JS = """() => [...document.querySelectorAll('article :is(h1, h2, h3, h4)')]
    .filter(h => h.querySelector('.headerlink') && h.offsetParent)
    .map(h => { const link = h.querySelector('.headerlink'); const withLink = h.getBoundingClientRect().height;
                link.style.display = 'none'; const without = h.getBoundingClientRect().height; link.style.display = '';
                return [h.innerText.replace('\\u00b6', '').trim(), withLink, without]; })
    .filter(([, withLink, without]) => withLink > without + 1)"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_hidden_permalink_never_adds_a_line_under_a_title(browser, server, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = []
    for path in site_documents(site):
        page.goto(server + path)
        problems += [f"{path}: {title!r} is {a:.0f} px tall with its ¶, {b:.0f} without"
                     for title, a, b in page.evaluate(HEADINGS_WITH_LINK_TALLER_JS)]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["/", "/fr/"])
def test_the_home_page_speaks_to_readers_and_its_workshop_card_leads_to_the_kits(browser, server, path):
    context, page = _open(browser, server, path)
    text = page.locator("article").inner_text()
    card = page.locator(".grid.cards li").filter(has_text=re.compile("Run a workshop|Animer un atelier"))
    targets = card.locator("a").evaluate_all("links => links.map(a => a.pathname)")
    card_text = card.inner_text()
    context.close()
    assert not re.search("Edit the content|Modifier le contenu", card_text), "the next card ran into this one"
    assert "YAML" not in text
    prefix = "/fr/" if path == "/fr/" else "/"
    for target in ("competencies/collaboration/workshop/", "competencies/collaboration/run-sheet/", "cards/"):
        assert prefix + target in targets, targets


@pytest.mark.parametrize("path", ["/fr/competencies/collaboration/workshop/", "/fr/competencies/collaboration/run-sheet/",
                                  "/fr/competencies/collaboration/run-sheet/?start=09:30"])
def test_french_pages_write_times_the_french_way(browser, server, path):
    context, page = _open(browser, server, path)
    text = page.locator("article").inner_text()
    labels = page.eval_on_selector_all("svg text, svg desc", "els => els.map(e => e.textContent)")
    context.close()
    shown = text + "\n".join(labels)
    assert not re.findall(r"\d{1,2}:\d\d", shown), re.findall(r".{20}\d{1,2}:\d\d.{10}", shown)[:5]
    assert re.search(r"\b\d{1,2}\u00a0h(\u00a0\d\d)?\b", shown)
    if "start=09:30" in path:
        assert "9\u00a0h\u00a030\u00a0– 9\u00a0h\u00a050" in text or "9\u00a0h\u00a030" in text


@pytest.mark.parametrize("path", ["/competencies/collaboration/workshop/", "/competencies/collaboration/run-sheet/"])
def test_english_pages_keep_the_24_hour_clock(browser, server, path):
    context, page = _open(browser, server, path)
    text = page.locator("article").inner_text()
    context.close()
    assert re.search(r"\b\d\d:\d\d–\d\d:\d\d\b", text)


@pytest.mark.parametrize("path", ["/competencies/collaboration/why/", "/fr/competencies/collaboration/why/"])
def test_why_it_matters_names_the_tips_it_links_to(browser, server, path):
    context, page = _open(browser, server, path)
    links = page.eval_on_selector_all(".guide-related a", "links => links.map(a => a.innerText.trim())")
    context.close()
    assert links
    bare = [link for link in links if re.fullmatch(r"(Tip|Conseil)\s+\d+", link)]
    assert not bare, bare


@pytest.mark.parametrize("path", ["/cards/", "/fr/cards/"])
def test_the_level_boxes_say_and_show_they_apply_to_level_behaviours_only(browser, server, path):
    context, page = _open(browser, server, path)
    title = page.locator("article h1").inner_text().replace("¶", "").strip()
    kinds = page.eval_on_selector_all('input[name="kind"]', "els => els.map(e => e.parentElement.innerText.trim())")
    clash = [kind for kind in kinds if kind.lower() in title.lower()]
    levels = page.locator('input[name="level"]')
    assert levels.first.is_enabled()
    page.locator('input[name="kind"][value="level"]').uncheck()
    page.wait_for_function("() => document.querySelector('input[name=\"level\"]').matches(':disabled')")
    legend = page.locator('fieldset:has(input[name="level"]) legend').inner_text()
    context.close()
    assert not clash, f"the kinds {clash} read as the title {title!r}"
    assert re.search(r"level behaviour|comportements de niveau", legend, re.IGNORECASE), legend


@pytest.mark.parametrize("width", WIDTHS)
def test_on_screen_the_cards_sit_three_to_a_row_nine_to_a_named_sheet(browser, server, width):
    context, page = _open(browser, server, "/cards/", width)
    sheets = page.evaluate("""() => [...document.querySelectorAll('.guide-sheets .guide-sheet')].map(s => ({
        label: [...s.children].filter(c => !c.matches('.guide-card')).map(c => c.innerText).join(' '),
        rows: Object.values([...s.querySelectorAll('.guide-card')].reduce((rows, c) => {
            const top = Math.round(c.getBoundingClientRect().top); rows[top] = (rows[top] || 0) + 1; return rows; }, {}))
    }))""")
    context.close()
    assert len(sheets) > 1
    for number, sheet in enumerate(sheets, start=1):
        assert f"Sheet {number}" in sheet["label"], sheet
        assert max(sheet["rows"]) <= 3, sheet
        if number < len(sheets):
            assert sheet["rows"][-1] == max(sheet["rows"]), f"a full sheet ends on a short row: {sheet}"


@pytest.mark.parametrize("path, lang", [("/competencies/collaboration/", "en"), ("/fr/competencies/collaboration/", "fr"),
                                        ("/competencies/collaboration/why/", "en")])
def test_citations_are_small_markers_named_in_full_on_hover_focus_and_print(browser, server, guide, path, lang):
    context, page = _open(browser, server, path)
    shorts = [s.short.get(lang).replace("'", "’") for s in guide.sources.values()]
    markers = page.locator("article a.guide-cite")
    texts = markers.evaluate_all("ms => ms.map(m => m.innerText)")
    body = page.locator("article").inner_text()
    assert texts and all(re.fullmatch(r"\[?\d+\]?", t) for t in texts), texts[:5]
    cited = sorted({t.strip("[]") for t in texts}, key=int)
    listed = page.locator("article .guide-page-sources li")
    assert listed.count() == len(cited)
    first = markers.first
    target = first.get_attribute("href")
    source = guide.sources[target.split("page-sources-", 1)[1]]
    for reach in ("hover", "focus"):
        page.mouse.move(0, 0)
        getattr(first, reach)()
        page.wait_for_function("t => [...document.querySelectorAll('.md-tooltip2--active')].some(e => e.innerText.includes(t))",
                               arg=source.title)
    assert source.title in first.get_attribute("aria-label")
    entry = page.locator(target)
    assert source.title in entry.inner_text() and entry.locator("a").get_attribute("href").endswith(f"sources/#{source.id}")
    page.emulate_media(media="print")
    printed = page.locator("article .guide-page-sources").inner_text()
    context.close()
    assert source.title in printed
    repeated = [s for s in shorts if body.count(s) > 1]
    assert not repeated, f"the short names {repeated} still follow the sentences"


@pytest.mark.parametrize("path", ["/competencies/collaboration/compare/", "/fr/competencies/collaboration/compare/"])
def test_the_compare_page_leaves_no_blank_under_the_levels_on_a_phone(browser, server, path):
    context, page = _open(browser, server, path, 360)
    blank = page.evaluate("""() => {
        const box = document.querySelector('.guide-compare-side .guide-compare-columns').getBoundingClientRect();
        const seen = [...document.querySelectorAll('.guide-compare-side .guide-compare-column')]
            .map(c => c.getBoundingClientRect()).filter(r => r.left < innerWidth && r.right > 0);
        return box.bottom - Math.max(...seen.map(r => r.bottom)); }""")
    context.close()
    assert blank < 40, f"{blank:.0f} px blank under the levels a reader sees"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_printed_summary_and_the_downloaded_file_name_the_competency_and_the_day(browser, server, guide, lang):
    prefix = "/fr/" if lang == "fr" else "/"
    context, page = _open(browser, server, prefix + "competencies/collaboration/self-assessment/")
    name = guide.folder("collaboration").competency.name.get(lang)
    day = page.evaluate("new Intl.DateTimeFormat(document.documentElement.lang, {dateStyle: 'long'}).format(new Date())")
    iso = page.evaluate("(d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + "
                        "String(d.getDate()).padStart(2, '0'))(new Date())")
    page.emulate_media(media="print")
    printed = page.locator(".guide-sa-result").inner_text()
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.locator('[data-sa-action="download"]').click()
    context.close()
    assert name.replace("'", "’")[:30] in printed.replace("'", "’"), printed[:200]
    assert day in printed, printed[:200]
    assert download.value.suggested_filename == f"self-assessment-collaboration-{iso}.json"
