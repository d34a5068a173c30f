"""A competency is a folder: copying one, with a new id, adds a competency to the site."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from conftest import copy_project, run_build, script_env
from html_text import normalise, page_text

from guide.content.errors import ContentInvalid
from guide.content.loader import load_guide

NEW = "teamwork"
NAME = {"en": "Teamwork across services", "fr": "Travail d’équipe entre services"}


@pytest.fixture(scope="module")
def copied(tmp_path_factory):
    """The project with collaboration/ copied to teamwork/: only content_data/ changes."""
    project = copy_project(tmp_path_factory.mktemp("catalogue") / "project")
    folders = project / "content_data" / "competencies"
    shutil.copytree(folders / "collaboration", folders / NEW)
    competency = folders / NEW / "competency.yml"
    text = competency.read_text(encoding="utf-8")
    text = text.replace("\nid: collaboration\n", f"\nid: {NEW}\n", 1)
    text = text.replace("  en: Collaboration with partners and stakeholders\n", f"  en: {NAME['en']}\n", 1)
    text = text.replace("  fr: Collaboration avec les partenaires et intervenants\n", f"  fr: {NAME['fr']}\n", 1)
    competency.write_text(text, encoding="utf-8")
    site = tmp_path_factory.mktemp("catalogue-site")
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.mark.build
@pytest.mark.parametrize("lang, prefix", [("en", ""), ("fr", "fr/")])
def test_the_copy_has_every_page_in_both_languages_with_the_right_lang(copied, lang, prefix):
    for page in ("", "why/", "tips/", "workshop/", "run-sheet/"):
        html = (copied / prefix / "competencies" / NEW / page / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}"', html), page
    assert normalise(NAME[lang].replace("'", "’")) in page_text(copied, f"{prefix}competencies/{NEW}")


@pytest.mark.build
@pytest.mark.parametrize("lang, prefix", [("en", ""), ("fr", "fr/")])
def test_the_home_page_and_the_navigation_list_both_competencies(copied, lang, prefix):
    home = (copied / prefix / "index.html").read_text(encoding="utf-8")
    for folder in ("collaboration", NEW):
        assert f'href="competencies/{folder}/"' in home, folder
    assert normalise(NAME[lang]) in normalise(page_text(copied, prefix.rstrip("/") or "."))


@pytest.mark.build
def test_the_sitemap_and_the_language_switch_know_the_new_pages(copied):
    sitemap = (copied / "sitemap.xml").read_text(encoding="utf-8")
    assert f"competencies/{NEW}/tips/" in sitemap and f"fr/competencies/{NEW}/tips/" in sitemap
    english = (copied / "competencies" / NEW / "tips" / "index.html").read_text(encoding="utf-8")
    assert f'/fr/competencies/{NEW}/tips/' in english or f'fr/competencies/{NEW}/tips/' in english


@pytest.mark.build
def test_french_search_finds_the_new_competency_on_french_pages_only(copied):
    french = json.loads((copied / "fr/search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((copied / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith(f"competencies/{NEW}/") for doc in french["docs"])
    assert not any(doc["location"].startswith("fr/") for doc in english["docs"])


@pytest.mark.build
def test_the_open_data_holds_both_competencies(copied):
    data = json.loads((copied / "data/collaboration-guide.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["competencies"]] == ["collaboration", NEW]
    rows = (copied / "data/collaboration-guide.csv").read_text(encoding="utf-8-sig")
    assert f"competencies/{NEW}/tips.yml" in rows


def test_a_copy_whose_id_was_not_changed_is_named_with_its_line(tmp_path):
    from conftest import ROOT

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    shutil.copytree(content / "competencies" / "collaboration", content / "competencies" / NEW)
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    # Its id, and its names (the same as the original's), are named with their lines.
    [error] = [e for e in caught.value.errors if "differs from its folder's name" in e.message]
    assert {e.file for e in caught.value.errors} == {f"content_data/competencies/{NEW}/competency.yml"}
    assert error.file == f"content_data/competencies/{NEW}/competency.yml"
    assert "differs from its folder's name" in error.message and f"id: {NEW}" in error.hint


@pytest.mark.build
def test_optional_parts_give_no_page(tmp_path):
    project = copy_project(tmp_path / "project")
    folders = project / "content_data" / "competencies"
    for name in ("why.yml", "workshop.yml"):
        (folders / "collaboration" / name).unlink()
    # Tips cite obstacles from why.yml: without it, the tips go too.
    (folders / "collaboration" / "tips.yml").unlink()
    competency = folders / "collaboration" / "competency.yml"
    competency.write_text(re.sub(r"\n        tips: \[[^\]]*\]", "", competency.read_text(encoding="utf-8")),
                          encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "competencies/collaboration/index.html").is_file()
    for page in ("why", "tips", "workshop", "run-sheet"):
        assert not (site / "competencies/collaboration" / page).exists(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "competencies/collaboration/why/" not in home


def test_a_folder_that_cannot_be_written_is_said_in_the_editors_language_and_leaves_nothing(tmp_path):
    """make competency where the competencies folder cannot take it (here a file has its
    name): the reason and a hint, no traceback, and no staging folder left in the project."""
    import subprocess
    import sys

    from conftest import ROOT

    project = copy_project(tmp_path / "project")
    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "new_competency.py", project / "scripts")
    shutil.rmtree(project / "content_data" / "competencies")
    (project / "content_data" / "competencies").write_text("not a folder\n", encoding="utf-8")
    for lang, said in (("en", "could not be written"), ("fr", "n’a pas pu être écrit")):
        made = subprocess.run([sys.executable, "scripts/new_competency.py", NEW], cwd=project,
                              env=script_env(project, GUIDE_LANG=lang), capture_output=True, text=True, timeout=60)
        assert made.returncode == 1 and "Traceback" not in made.stderr, made.stderr
        assert f"content_data/competencies/{NEW}" in made.stderr and said in made.stderr, made.stderr
    assert not list(project.glob(".new-competency-*")), "a staging folder left in the project"


def test_the_scaffold_is_refused_text_by_text_until_written(tmp_path):
    """make competency writes every required key; once it is no longer a draft, make check
    refuses each text still to write."""
    import subprocess
    import sys

    import jsonschema
    import yaml
    from conftest import ROOT

    project = copy_project(tmp_path / "project")
    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "new_competency.py", project / "scripts")
    shutil.copy2(ROOT / "scripts" / "check_content.py", project / "scripts")
    made = subprocess.run([sys.executable, "scripts/new_competency.py", NEW], cwd=project, env=script_env(project),
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    again = subprocess.run([sys.executable, "scripts/new_competency.py", NEW], cwd=project, env=script_env(project),
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 1 and "already exists" in again.stderr
    written = project / "content_data" / "competencies" / NEW / "competency.yml"
    # Made beside the project's folders, then moved in whole: nothing is left behind.
    assert sorted(p.name for p in written.parent.iterdir()) == ["competency.yml"]
    assert not list(project.glob(".new-competency-*")), "a staging folder left in the project"
    umask = os.umask(0)
    os.umask(umask)
    assert written.parent.stat().st_mode & 0o777 == 0o777 & ~umask, "not as mkdir makes a folder"
    schema = json.loads((ROOT / "schemas" / "competency.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(written.read_text(encoding="utf-8")), schema)  # every key is there
    # A draft until the editor says otherwise (tests/test_drafts.py); finished, every mark is refused.
    written.write_text(written.read_text(encoding="utf-8").replace("\ndraft: true\n", "\n"), encoding="utf-8")
    check = subprocess.run([sys.executable, "scripts/check_content.py"], cwd=project, env=script_env(project),
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    lines = written.read_text(encoding="utf-8").splitlines()
    marked = [n for n, line in enumerate(lines, 1)
              if ("TO WRITE" in line or "À RÉDIGER" in line) and not line.lstrip().startswith("#")]
    for n in marked:
        assert f"content_data/competencies/{NEW}/competency.yml:{n}:" in check.stderr, n
    assert check.stderr.count("still marked as to be written") == len(marked)
    assert "unknown source 'to-choose'" in check.stderr


@pytest.mark.build
def test_the_deck_builder_chooses_competencies_and_keeps_the_choice(copied, browser):
    from conftest import serve

    with serve(copied) as origin:
        page = browser.new_page()
        page.goto(origin + "/cards/")
        boxes = page.locator('.guide-deck-builder input[name="competency"]')
        assert boxes.count() == 2
        every = page.locator(".guide-sheets .guide-card").count()
        page.locator(f'.guide-deck-builder input[name="competency"][value="{NEW}"]').uncheck()
        assert "competencies=collaboration" in page.url
        kept = page.locator(".guide-sheets .guide-card")
        assert kept.count() * 2 == every
        assert {kept.nth(i).get_attribute("data-competency") for i in range(kept.count())} == {"collaboration"}
        page.goto(page.url)  # the address alone gives the same deck
        assert page.locator(".guide-sheets .guide-card").count() * 2 == every
        page.close()


def test_an_exclusion_links_to_its_competency_only_when_the_catalogue_has_it(guide):
    import dataclasses

    from guide.render.base import Context
    from guide.render.competency import render_competency

    alone = render_competency(Context(guide, "en", link=lambda uri: uri)).markdown
    assert "guide-see" not in alone and "service excellence" in alone
    other = dataclasses.replace(guide.folder(), id="service-excellence")
    catalogue = dataclasses.replace(guide, competencies=guide.competencies + (other,))
    shown = render_competency(Context(catalogue, "en", link=lambda uri: uri)).markdown
    assert 'class="guide-see" href="competencies/service-excellence/index.md"' in shown


def test_the_home_page_groups_competencies_when_the_catalogue_sets_groups(guide):
    import dataclasses

    from guide.content.model import Group, Text
    from guide.render.base import Context
    from guide.render.catalogue import render_catalogue

    other = dataclasses.replace(guide.folder(), id="service-excellence")
    group = Group(id="core", name=Text("Core", "Socle"), competencies=["collaboration"])
    catalogue = dataclasses.replace(guide, competencies=guide.competencies + (other,),
                                    catalogue=dataclasses.replace(guide.catalogue, groups=[group]))
    for lang, core, rest in (("en", "Core", "Other competencies"), ("fr", "Socle", "Autres compétences")):
        shown = render_catalogue(Context(catalogue, lang)).markdown
        assert f"## {core} {{ #core }}" in shown and f"## {rest} {{ #other-competencies }}" in shown
        assert shown.index("competencies/collaboration/index.md") < shown.index(f"## {rest}")
        assert shown.index(f"## {rest}") < shown.index("competencies/service-excellence/index.md")
    single = render_catalogue(Context(guide, "en")).markdown
    assert "## The competency { #competencies }" in single


@pytest.mark.build
def test_names_cannot_break_out_of_the_theme_s_attributes(tmp_path):
    """Material prints the site's name and page titles unescaped in attributes."""
    from html.parser import HTMLParser

    project = copy_project(tmp_path / "project")
    catalogue = project / "content_data" / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "  en: Competency guide\n", "  en: 'The \"Team\" guide x\" onmouseover=\"alert(1)'\n", 1), encoding="utf-8")
    competency = project / "content_data" / "competencies" / "collaboration" / "competency.yml"
    competency.write_text(competency.read_text(encoding="utf-8").replace(
        "  en: Collaboration with partners and stakeholders\n",
        "  en: 'Collaboration \" onfocus=\"alert(2) & co'\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    class Handlers(HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            self.found += [(tag, k) for k, _ in attrs if k.startswith("on")]

    for path in ("index.html", "competencies/collaboration/index.html", "fr/competencies/collaboration/tips/index.html"):
        parser = Handlers()
        parser.found = []
        parser.feed((site / path).read_text(encoding="utf-8"))
        assert parser.found == [], (path, parser.found)
    assert 'The "Team" guide' in normalise(page_text(site, "."))


def test_groups_and_order_together_and_names_used_twice(tmp_path):
    from conftest import ROOT

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    catalogue = content / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "groups:\n  - id: core\n"
                         "    name: {en: Core, fr: Socle}\n    competencies: [collaboration]\n", encoding="utf-8")
    load_guide(content)  # a competency in the order and in a group is fine
    shutil.copytree(content / "competencies" / "collaboration", content / "competencies" / NEW)
    copy = content / "competencies" / NEW / "competency.yml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("\nid: collaboration\n", f"\nid: {NEW}\n", 1),
                    encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    named = [e for e in caught.value.errors if "is already the name of the competency" in e.message]
    assert len(named) == 2 and all(e.file.endswith(f"{NEW}/competency.yml") for e in named)


@pytest.mark.parametrize("en, fr", [
    ("Collab\u200doration with partners and stakeholders", "Collaboration avec les partenaires et intervenants"),
    ("COLLABORATION WITH PARTNERS AND STAKEHOLDERS", "Ｃollaboration avec les partenaires et intervenants"),
])
def test_names_that_read_the_same_are_refused(tmp_path, en, fr):
    """Two competencies whose names differ only by an invisible character, case or the
    width of a letter: two headings, menu entries and cards a reader cannot tell apart."""
    from conftest import ROOT

    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    shutil.copytree(content / "competencies" / "collaboration", content / "competencies" / NEW)
    copy = content / "competencies" / NEW / "competency.yml"
    text = copy.read_text(encoding="utf-8").replace("\nid: collaboration\n", f"\nid: {NEW}\n", 1)
    text = text.replace("  en: Collaboration with partners and stakeholders\n", f'  en: "{en}"\n', 1)
    copy.write_text(text.replace("  fr: Collaboration avec les partenaires et intervenants\n", f'  fr: "{fr}"\n', 1),
                    encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_guide(content)
    named = [e for e in caught.value.errors if "the name of the competency 'collaboration'" in e.message]
    assert len(named) == 2 and all(e.file.endswith(f"{NEW}/competency.yml") and e.hint for e in named), \
        caught.value.report()


def test_the_scaffold_writes_only_what_every_competency_needs():
    """No competency's own words in a new one: no "who counts" note (collaboration's contacts),
    and each level's place on the scale names the scaffold's own dimension."""
    import yaml

    from guide.content.scaffold import scaffold

    written = yaml.safe_load(scaffold(NEW))
    assert not {"contacts", "who_counts", "highest_level_advice"} & set(written), sorted(written)
    dimensions = [dimension["id"] for dimension in written["scale"]]
    for level in written["levels"]:
        assert [on["dimension"] for on in level["scale"]] == dimensions
        assert not {"effort", "benefit"} & set(level)
