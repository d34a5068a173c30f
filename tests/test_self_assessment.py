"""The private self-assessment, in a real browser: what an employee does and sees."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pdfplumber
import pytest
from conftest import BROWSER_TIMEOUT_MS
from playwright.sync_api import expect

from guide.render.self_assessment import LEGACY_KEYS
from guide.render.self_assessment import STORAGE_KEY as KEY_PATTERN

STORAGE_KEY = KEY_PATTERN.format(competency="collaboration")
LEGACY_KEY = LEGACY_KEYS["collaboration"]
PAGE = "competencies/collaboration/self-assessment/"


def _levels(guide):
    return {level.number: [b.id for b in level.behaviours] for level in guide.competency.levels}


def _open(page, server, lang="en"):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(f"{server}/{prefix}{PAGE}")
    return requests


def _stored(page):
    return page.evaluate(f"window.localStorage.getItem({STORAGE_KEY!r})")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_ticking_levels_1_and_2_suggests_level_2_survives_a_reload_and_erases(page, server, guide, lang):
    levels = _levels(guide)
    requests = _open(page, server, lang)
    for number in (1, 2):
        for behaviour in levels[number]:
            page.get_by_role("checkbox", name=_label(guide, behaviour, lang)).check()
    page.locator(f"#sa-note--{levels[2][0]}").fill("Met the regional accountants’ association <b>twice</b>.")
    page.reload()

    for number in (1, 2):
        for behaviour in levels[number]:
            assert page.locator(f"#sa--{behaviour}").is_checked()
    assert page.locator(f"#sa-note--{levels[2][0]}").input_value().startswith("Met the regional")
    suggested = page.locator("[data-sa-level]").inner_text()
    assert ("Level consistently shown: 2" if lang == "en" else "Niveau démontré de façon constante\u00a0: 2") in suggested
    next_steps = page.locator("[data-sa-next] > li")
    assert next_steps.evaluate_all("els => els.map(e => e.dataset.behaviour)") == levels[3]
    # Each next step links to the tips that help, on the tips page of the same language.
    tip_links = page.locator("[data-sa-next] a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    expected = [t for b in guide.competency.levels[2].behaviours for t in b.tips]
    assert [href.rsplit("#", 1)[1] for href in tip_links] == expected
    assert all(href.startswith("../tips/") for href in tip_links)
    # The note is shown as text, never as markup.
    summary = page.locator("[data-sa-shown]")
    assert "<b>twice</b>" in summary.inner_text() and summary.locator("b").count() == 0

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my answers" if lang == "en" else "Effacer mes réponses").click()
    assert _stored(page) is None
    # Nothing of the answers is left anywhere in storage (Material keeps only its colour scheme).
    storage = page.evaluate("JSON.stringify(Object.entries(window.localStorage))")
    assert "regional" not in storage and not any(b in storage for bs in levels.values() for b in bs)
    assert set(page.evaluate("Object.keys(window.localStorage)")) <= {"/.__palette"}
    assert not page.locator(f"#sa--{levels[1][0]}").is_checked()
    assert page.locator(f"#sa-note--{levels[2][0]}").input_value() == ""
    page.reload()
    assert not page.locator(f"#sa--{levels[1][0]}").is_checked()

    origin = urlsplit(server).netloc
    assert [url for url in requests if urlsplit(url).netloc != origin] == []


def test_a_level_counts_only_when_every_level_below_is_shown(page, server, guide):
    levels = _levels(guide)
    _open(page, server)
    for behaviour in levels[2] + levels[3]:
        page.locator(f"#sa--{behaviour}").check()
    page.locator(f"#sa--{levels[1][0]}").check()
    assert "No level is consistently shown yet" in page.locator("[data-sa-level]").inner_text()
    assert page.locator("[data-sa-next] > li").evaluate_all(
        "els => els.map(e => e.dataset.behaviour)") == levels[1][1:]
    for behaviour in levels[1][1:] + levels[4]:
        page.locator(f"#sa--{behaviour}").check()
    assert "Level consistently shown: 4" in page.locator("[data-sa-level]").inner_text()
    assert "highest level" in page.locator("[data-sa-next]").inner_text()


def test_answers_download_and_import_as_a_small_json_file(page, server, guide, tmp_path):
    levels = _levels(guide)
    _open(page, server, "fr")
    page.locator(f"#sa--{levels[1][0]}").check()
    page.locator(f"#sa-note--{levels[1][0]}").fill("Appel mensuel avec le service voisin")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger mes réponses").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "collaboration-guide-self-assessment" and data["version"] == 1
    assert data["competency"] == "collaboration"
    assert data["answers"] == {levels[1][0]: {"shown": True, "note": "Appel mensuel avec le service voisin"}}

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Effacer mes réponses").click()
    assert not page.locator(f"#sa--{levels[1][0]}").is_checked()
    page.get_by_label("Importer des réponses depuis un fichier").set_input_files(str(saved))
    expect(page.locator(f"#sa--{levels[1][0]}")).to_be_checked()
    assert page.locator(f"#sa-note--{levels[1][0]}").input_value() == "Appel mensuel avec le service voisin"
    assert "importées" in page.locator("[data-sa-message]").inner_text()
    assert json.loads(_stored(page))["answers"] == data["answers"]

    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "something-else", "answers": {}}', encoding="utf-8")
    page.get_by_label("Importer des réponses depuis un fichier").set_input_files(str(wrong))
    expect(page.locator("[data-sa-message]")).to_contain_text("rien")
    assert page.locator(f"#sa--{levels[1][0]}").is_checked()  # nothing lost


def test_the_filled_in_page_still_passes_axe(page, server, guide):
    from quality_checks import accessibility_problems

    levels = _levels(guide)
    _open(page, server, "fr")
    for behaviour in levels[1] + levels[2]:
        page.locator(f"#sa--{behaviour}").check()
        page.locator(f"#sa-note--{behaviour}").fill("Un exemple récent")
    page.locator("details.guide-sa-tips").first.locator("summary").click()
    assert accessibility_problems(page) == []


def test_the_form_works_with_the_keyboard_alone(page, server, guide):
    levels = _levels(guide)
    _open(page, server)
    page.locator(f"#sa--{levels[1][0]}").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"sa-note--{levels[1][0]}"
    page.keyboard.type("Weekly call")
    page.reload()
    assert page.locator(f"#sa--{levels[1][0]}").is_checked()
    assert page.locator(f"#sa-note--{levels[1][0]}").input_value() == "Weekly call"
    # Every control has an accessible name; results are announced politely.
    unnamed = page.evaluate("""() => [...document.querySelectorAll('#guide-sa input, #guide-sa textarea, #sa-import')]
        .filter(el => !el.labels || el.labels.length === 0).map(el => el.id)""")
    assert unnamed == []
    assert page.locator("[data-sa-level]").get_attribute("role") == "status"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printed_summary_fits_one_page_even_with_every_note_filled(page, server, guide, tmp_path, paper):
    levels = _levels(guide)
    _open(page, server)
    for behaviours in levels.values():
        for behaviour in behaviours:
            page.locator(f"#sa--{behaviour}").check()
            page.locator(f"#sa-note--{behaviour}").fill("An example in a few words. " * 20)
    pdf = tmp_path / "summary.pdf"
    page.pdf(path=str(pdf), format=paper)
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == 1
        shown = document.pages[0].extract_text()
    assert "Self-assessment summary" in shown and "Level consistently shown: 4" in shown
    assert "Erase my answers" not in shown and "Tick each behaviour" not in shown


def _label(guide, behaviour_id, lang):
    for level in guide.competency.levels:
        for behaviour in level.behaviours:
            if behaviour.id == behaviour_id:
                from guide.content.typography import for_language

                return for_language(behaviour.get(lang), lang)
    raise KeyError(behaviour_id)


def _import(page, tmp_path, answers, name="import.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"format": "collaboration-guide-self-assessment", "version": 1,
                                "answers": answers}), encoding="utf-8")
    page.locator("#sa-import").set_input_files(str(path))


@pytest.mark.parametrize("choice", ["accept", "dismiss"])
def test_an_import_merges_and_asks_before_replacing_an_answer(page, server, guide, tmp_path, choice):
    levels = _levels(guide)
    first, second, third = levels[1][0], levels[1][1], levels[2][0]
    _open(page, server)
    page.locator(f"#sa--{first}").check()
    page.locator(f"#sa-note--{first}").fill("Mine")
    page.locator(f"#sa--{second}").check()
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), getattr(dialog, choice)()))
    _import(page, tmp_path, {first: {"shown": True, "note": "From the file"},
                             third: {"shown": True, "note": "New"}})
    expect(page.locator(f"#sa--{third}")).to_be_checked()
    assert asked and "1" in asked[0], "replacing an answer must be asked first"
    stored = json.loads(_stored(page))["answers"]
    assert stored[second] == {"shown": True, "note": ""}, "an answer the file does not name was lost"
    assert stored[third] == {"shown": True, "note": "New"}
    assert stored[first]["note"] == ("From the file" if choice == "accept" else "Mine")
    # Cancel keeps the reader's answer, and says so: the file's answer is not dropped silently.
    said = guide.labels.sa_imported.en if choice == "accept" else guide.labels.sa_import_kept.en.replace("{count}", "1")
    expect(page.locator("[data-sa-message]")).to_have_text(said)


def test_an_import_with_wrong_typed_values_changes_nothing(page, server, guide, tmp_path):
    levels = _levels(guide)
    _open(page, server)
    page.locator(f"#sa--{levels[1][0]}").check()
    before = _stored(page)
    for name, answers in {"strings": {levels[1][0]: "yes"}, "list": [levels[1][0]],
                          "numbers": {levels[1][1]: {"shown": 1, "note": 7}}}.items():
        _import(page, tmp_path, answers, f"{name}.json")
        expect(page.locator("[data-sa-message]")).to_contain_text("nothing was changed")
        page.evaluate("() => { document.querySelector('[data-sa-message]').textContent = ''; }")
        assert _stored(page) == before, name
    assert page.locator(f"#sa--{levels[1][0]}").is_checked()


@pytest.mark.parametrize("broken", ["blocked", "full"])
def test_blocked_or_full_storage_says_so_and_the_page_keeps_working(browser, server, guide, broken):
    context = browser.new_context()
    if broken == "blocked":
        context.add_init_script("Object.defineProperty(window, 'localStorage', "
                                "{get() { throw new DOMException('denied', 'SecurityError'); }});")
    else:
        context.add_init_script("Storage.prototype.setItem = function () { "
                                "throw new DOMException('full', 'QuotaExceededError'); };")
    page = context.new_page()
    errors: list[str] = []
    # Material's own inline storage helpers throw when storage is blocked; ours must not.
    page.on("pageerror", lambda exc: errors.append(exc.stack or str(exc))
            if "self-assessment.js" in (exc.stack or "") else None)
    levels = _levels(guide)
    page.goto(f"{server}/{PAGE}")
    for behaviour in levels[1]:
        page.locator(f"#sa--{behaviour}").check()
    assert "does not let the page save" in page.locator("[data-sa-message]").inner_text()
    assert page.locator("[data-sa-level]").inner_text() == guide.labels.sa_level_is.en.replace("{level}", "1")
    context.close()
    assert errors == []


def test_answers_saved_before_the_catalogue_are_still_there(page, server, guide):
    """They were under one key for the one competency; they move to collaboration's key."""
    levels = _levels(guide)
    page.goto(f"{server}/")
    old = {"format": "collaboration-guide-self-assessment", "version": 1,
           "answers": {levels[1][0]: {"shown": True, "note": "Saved last year"}}}
    page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [LEGACY_KEY, json.dumps(old)])
    page.goto(f"{server}/{PAGE}")
    assert page.locator(f"#sa--{levels[1][0]}").is_checked()
    assert page.locator(f"#sa-note--{levels[1][0]}").input_value() == "Saved last year"
    assert json.loads(_stored(page))["answers"] == old["answers"]
    assert page.evaluate("key => window.localStorage.getItem(key)", LEGACY_KEY) is None


def test_the_shared_page_leads_to_each_competency_s_form(page, server, guide):
    for prefix in ("", "fr/"):
        page.goto(f"{server}/{prefix}self-assessment/")
        links = page.locator(".guide-sa-choice a")
        assert links.count() == len(guide.competencies)
        links.first.click()
        page.wait_for_url(f"{server}/{prefix}{PAGE}")
        assert page.locator("#guide-sa").count() == 1


def test_another_competency_s_file_is_refused_and_damaged_storage_is_no_storage_failure(page, server, guide, tmp_path):
    levels = _levels(guide)
    _open(page, server)
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "collaboration-guide-self-assessment", "version": 1,
                                "competency": "teamwork", "answers": {levels[1][0]: {"shown": True}}}),
                    encoding="utf-8")
    page.locator("#sa-import").set_input_files(str(path))
    expect(page.locator("[data-sa-message]")).to_contain_text("nothing was changed")
    assert not page.locator(f"#sa--{levels[1][0]}").is_checked()
    page.evaluate("key => window.localStorage.setItem(key, '{not json')", STORAGE_KEY)
    page.reload()
    page.locator(f"#sa--{levels[1][0]}").check()
    expect(page.locator("[data-sa-message]")).to_contain_text("Saved in this browser only")
    assert json.loads(_stored(page))["answers"][levels[1][0]]["shown"] is True


def _shown_label(guide, name, lang):
    from guide.content.typography import for_language

    return for_language(getattr(guide.labels, name).get(lang), lang)


def test_two_tabs_keep_each_other_s_answers_and_an_erase_stays_erased(browser, server, guide):
    """Each tab changes only the answers it was given and follows the other's changes:
    nothing one tab wrote is lost or brought back by the other."""
    levels = _levels(guide)
    first, second, third = levels[1][0], levels[1][1], levels[2][0]
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    for tab in (a, b):
        tab.set_default_timeout(BROWSER_TIMEOUT_MS)
        tab.goto(f"{server}/{PAGE}")
    a.locator(f"#sa--{first}").check()
    a.locator(f"#sa-note--{first}").fill("From the first tab")
    b.locator(f"#sa--{second}").check()
    b.locator(f"#sa-note--{second}").fill("From the second tab")
    a.reload()
    assert a.locator(f"#sa--{first}").is_checked(), "the first tab's answer was lost"
    assert a.locator(f"#sa-note--{first}").input_value() == "From the first tab"
    assert a.locator(f"#sa--{second}").is_checked()
    # The other tab follows without a reload.
    expect(b.locator(f"#sa--{first}")).to_be_checked()
    expect(b.locator(f"#sa-note--{first}")).to_have_value("From the first tab")
    expect(b.locator("[data-sa-shown]")).to_contain_text("From the first tab")

    a.once("dialog", lambda dialog: dialog.accept())
    a.get_by_role("button", name="Erase my answers").click()
    expect(b.locator(f"#sa--{first}")).not_to_be_checked()
    expect(b.locator(f"#sa-note--{second}")).to_have_value("")
    b.locator(f"#sa--{third}").check()
    a.reload()
    assert not a.locator(f"#sa--{first}").is_checked(), "an erased answer came back from the other tab"
    assert not a.locator(f"#sa--{second}").is_checked()
    assert a.locator(f"#sa-note--{first}").input_value() == ""
    assert a.locator(f"#sa--{third}").is_checked()
    assert set(json.loads(_stored(a))["answers"]) == {third}
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_answers_for_items_no_longer_in_the_guide_are_kept_shown_and_cleared_on_request(page, server, guide, lang):
    """A behaviour renamed or removed: its answer stays stored (and exported), listed
    apart with its note, until the reader clears it."""
    levels = _levels(guide)
    gone = {"level-1-renamed-away": {"shown": True, "note": "A year-old example"},
            "__proto__": {"shown": False, "note": "Odd id"},
            "hasOwnProperty": {"shown": True, "note": ""}}
    _open(page, server, lang)
    page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [STORAGE_KEY, json.dumps(
        {"format": "collaboration-guide-self-assessment", "version": 1, "competency": "collaboration",
         "answers": {levels[1][0]: {"shown": True, "note": ""}, **gone}})])
    page.reload()
    page.locator(f"#sa--{levels[1][1]}").check()
    stored = json.loads(_stored(page))["answers"]
    assert {item_id: stored.get(item_id) for item_id in gone} == gone, "a tick dropped answers kept for old items"
    assert stored[levels[1][1]] == {"shown": True, "note": ""}

    page.reload()
    kept = page.locator("[data-sa-kept]")
    expect(kept).to_be_visible()
    assert _shown_label(guide, "sa_kept_heading", lang) in kept.inner_text()
    for item_id, answer in gone.items():
        assert item_id in kept.inner_text()
        if answer["note"]:
            assert answer["note"] in kept.inner_text()

    from quality_checks import (accessibility_problems, foreign_language_problems, foreign_strings,
                                french_typography_problems)
    from test_browser_what_a_person_sees import _labels

    assert accessibility_problems(page) == []
    assert foreign_language_problems(page, lang, foreign_strings(lang, _labels(guide))) == []
    assert french_typography_problems(page) == []
    with page.expect_download() as download:
        page.locator('[data-sa-action="download"]').click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())["answers"]
    assert {item_id: exported.get(item_id) for item_id in gone} == gone, "the download left out kept answers"

    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    kept.get_by_role("button", name=_shown_label(guide, "sa_kept_clear", lang)).click()
    expect(kept).to_be_hidden()
    assert asked, "clearing must be confirmed"
    stored = json.loads(_stored(page))["answers"]
    assert set(stored) == {levels[1][0], levels[1][1]}
    assert page.locator(f"#sa--{levels[1][0]}").is_checked()
    page.reload()
    expect(page.locator(f"#sa--{levels[1][1]}")).to_be_checked()
    assert kept.is_hidden()

    # The file downloaded before clearing brings the kept answers back: a download,
    # an erase and an import lose nothing.
    page.locator("#sa-import").set_input_files(download.value.path())
    expect(kept).to_be_visible()
    stored = json.loads(_stored(page))["answers"]
    assert {item_id: stored.get(item_id) for item_id in gone} == gone, "an import dropped answers to old items"


def _with_behaviour_renamed(page, server, old: str, new: str) -> None:
    """Serve the self-assessment page as a guide whose behaviour ``old`` is named ``new``
    would build it (an id is only ever written as itself in the page)."""
    url = f"{server}/{PAGE}"

    def rename(route):  # type: ignore[no-untyped-def]
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(old, new))

    page.route(url, rename)
    page.goto(url)


@pytest.mark.parametrize("choice", ["accept", "dismiss"])
def test_a_behaviour_named_like_an_object_property_imports_like_any_other(page, server, guide, tmp_path, choice):
    """`constructor` is a valid id: nothing stored for it means nothing to replace."""
    levels = _levels(guide)
    _with_behaviour_renamed(page, server, levels[1][0], "constructor")
    assert page.locator("#sa--constructor").count() == 1
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), getattr(dialog, choice)()))
    _import(page, tmp_path, {"constructor": {"shown": True, "note": "From the file"}})
    expect(page.locator("#sa--constructor")).to_be_checked()
    assert asked == [], f"asked to replace an answer that does not exist: {asked}"
    assert page.locator("#sa-note--constructor").input_value() == "From the file"
    assert json.loads(_stored(page))["answers"] == {"constructor": {"shown": True, "note": "From the file"}}
    expect(page.locator("[data-sa-message]")).to_have_text(guide.labels.sa_imported.en)


def test_an_erase_also_empties_the_legacy_key_so_nothing_comes_back(page, server, guide):
    """Old answers with a damaged entry stay under the legacy key after the move (not
    all had a home): erasing must remove them there too, or the next visit moves them back."""
    levels = _levels(guide)
    page.goto(f"{server}/")
    old = {"format": "collaboration-guide-self-assessment", "version": 1,
           "answers": {levels[1][0]: {"shown": True, "note": "Saved last year"}, levels[1][1]: "damaged"}}
    page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [LEGACY_KEY, json.dumps(old)])
    page.goto(f"{server}/{PAGE}")
    assert page.locator(f"#sa--{levels[1][0]}").is_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my answers").click()
    page.reload()
    assert not page.locator(f"#sa--{levels[1][0]}").is_checked(), "erased answers came back from the legacy key"
    assert set(page.evaluate("Object.keys(window.localStorage)")) <= {"/.__palette"}
