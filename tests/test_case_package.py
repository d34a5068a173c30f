"""The CASE 1.1 packages, as a CASE tool would import them from the built site."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import subprocess
from collections import Counter

import jsonschema
import pytest
from conftest import ROOT
from test_open_data import _yaml_content

from guide.content.cards import deck
from guide.exports.case_package import case_package, identifier
from guide.history.line_dates import text_dates
from guide.content.loader import load_guide

VENDORED = ROOT / "schemas/vendor/case-v1p1-cfpackage-schema.json"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
SITE = "https://guide.example.org/"
TYPES = {"competency": ("Competency", "Compétence"), "level": ("Level", "Niveau"),
         "level-behaviour": ("Level behaviour", "Comportement de niveau"),
         "adopt": ("Behaviour to adopt", "Comportement à adopter"),
         "avoid": ("Behaviour to avoid", "Comportement à éviter"), "tip": ("Tip", "Conseil")}


# RFC 3986's ABNF for an absolute URI with a host name, written out here on its own.
# jsonschema checks ``format: uri`` only with rfc3987 or rfc3986-validator installed,
# and requirements/test.lock has neither: 43 errors per package went unseen. This is
# the check in their place, the same in every environment.
_UNRESERVED, _PCT, _SUB = r"[A-Za-z0-9\-._~]", r"%[0-9A-Fa-f]{2}", r"[!$&'()*+,;=]"
_PCHAR = rf"(?:{_UNRESERVED}|{_PCT}|{_SUB}|[:@])"
RFC3986_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+\-.]*://(?:(?:{_UNRESERVED}|{_PCT}|{_SUB}|:)*@)?(?:{_UNRESERVED}|{_PCT}|{_SUB})*"
    rf"(?::[0-9]*)?(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?")


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()  # every format jsonschema knows, on an instance of its own
    checker.checks("uri")(lambda value: not isinstance(value, str) or bool(RFC3986_URI.fullmatch(value)))
    return checker


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(VENDORED.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=_format_checker())


@pytest.fixture(scope="module")
def packages(site):
    return {lang: json.loads((site / f"data/case/{lang}.json").read_text(encoding="utf-8")) for lang in ("en", "fr")}


def _yaml_items(lang: str) -> Counter:
    """(type code, text) of every item the package must hold, read with PyYAML alone."""
    found: Counter = Counter()
    for competency in _yaml_content()["competencies"]:
        c = competency["competency"]
        found[("competency", c["definition"][lang])] += 1
        for level in c["levels"]:
            found[("level", level["concept"][lang])] += 1
            found.update(("level-behaviour", b[lang]) for b in level["behaviours"])
        found.update(("adopt", i[lang]) for i in c["adopt"])
        found.update(("avoid", i[lang]) for i in c["avoid"])
        found.update(("tip", t[lang]) for t in (competency.get("tips") or {}).get("tips", []))
    return found


def _type_code(package: dict, item: dict) -> str:
    types = {t["identifier"]: t["typeCode"] for t in package["CFDefinitions"]["CFItemTypes"]}
    return types[item["CFItemTypeURI"]["identifier"]]


# -- the official schema -----------------------------------------------------------

def test_the_vendored_schema_is_1edtechs_case_1_1_binding_unchanged():
    text = VENDORED.read_text(encoding="utf-8")
    notice = (ROOT / "schemas/vendor/README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() in notice, "the notice records the file's hash"
    schema = json.loads(text)
    assert "CASE) Service Version 1.1 1EdTech Final Release" in schema["title"]
    assert schema["$defs"]["CFPckgDocumentDType"]["properties"]["caseVersion"]["enum"] == ["1.1"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_package_validates_against_the_official_schema(packages, lang):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(packages[lang])]
    assert errors == []


@pytest.mark.parametrize("breakage", [
    "identifier-variant", "missing-statement", "case-version", "unknown-association", "unknown-key",
    "bad-date", "licence-uri-with-a-quote", "item-uri-with-a-brace",
])
def test_a_broken_package_fails_the_official_schema(packages, breakage):
    broken = copy.deepcopy(packages["fr"])
    item, association = broken["CFItems"][3], broken["CFAssociations"][0]
    if breakage == "identifier-variant":  # a UUID whose variant digit is not 8, 9, a or b
        item["identifier"] = item["identifier"][:19] + "c" + item["identifier"][20:]
    elif breakage == "missing-statement":
        del item["fullStatement"]
    elif breakage == "case-version":
        broken["CFDocument"]["caseVersion"] = "1.0"
    elif breakage == "unknown-association":
        association["associationType"] = "isTranslatedFrom"
    elif breakage == "unknown-key":
        item["adopt"] = True
    elif breakage == "bad-date":
        broken["CFDocument"]["statusStartDate"] = "30/11/2026"
    elif breakage == "licence-uri-with-a-quote":
        broken["CFDocument"]["licenseURI"]["uri"] = 'https://creativecommons.org/licenses/by/4.0/"'
    elif breakage == "item-uri-with-a-brace":
        item["uri"] = "https://guide.example.org/{x}"
    assert list(_validator().iter_errors(broken)), breakage


# -- what the packages hold ----------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_item_of_the_yaml_is_in_the_package_once_with_its_text(packages, lang):
    package = packages[lang]
    held = Counter((_type_code(package, i), i["fullStatement"]) for i in package["CFItems"])
    assert held == _yaml_items(lang)
    assert all(count == 1 for count in held.values())
    titles = {code: names[("en", "fr").index(lang)] for code, names in TYPES.items()}
    assert all(i["CFItemType"] == titles[_type_code(package, i)] for i in package["CFItems"])
    assert all(i["language"] == lang for i in package["CFItems"])
    document = package["CFDocument"]
    assert document["language"] == lang and document["caseVersion"] == "1.1"
    assert document["version"] == _yaml_content()["catalogue"]["version"]
    assert document["title"] == _yaml_content()["catalogue"]["title"][lang]


def test_card_codes_are_the_human_coding_scheme(packages, guide):
    codes = {card.code for card in deck(guide)}
    for package in packages.values():
        carded = {i["humanCodingScheme"] for i in package["CFItems"]
                  if _type_code(package, i) in ("level-behaviour", "adopt", "avoid", "tip")}
        assert carded == codes


def test_identifiers_are_uuid5_unique_and_distinct_between_languages(packages):
    seen = []
    for package in packages.values():
        seen.append(package["CFDocument"]["identifier"])
        seen += [i["identifier"] for i in package["CFItems"]]
        seen += [a["identifier"] for a in package["CFAssociations"]]
        for rubric in package["CFRubrics"]:
            seen.append(rubric["identifier"])
            for criterion in rubric["CFRubricCriteria"]:
                seen.append(criterion["identifier"])
                seen += [level["identifier"] for level in criterion["CFRubricCriterionLevels"]]
        seen += [d["identifier"] for d in package["CFDefinitions"]["CFItemTypes"]]
    assert all(UUID.match(value) for value in seen)
    assert len(seen) == len(set(seen))


def test_every_associations_ends_exist(packages):
    everything = {p["CFDocument"]["identifier"]: p["CFDocument"]["uri"] for p in packages.values()}
    everything |= {i["identifier"]: i["uri"] for p in packages.values() for i in p["CFItems"]}
    for package in packages.values():
        for association in package["CFAssociations"]:
            for end in ("originNodeURI", "destinationNodeURI"):
                node = association[end]
                assert everything.get(node["identifier"]) == node["uri"], (association["associationType"], node)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_hierarchy_is_in_page_order(packages, lang):
    package = packages[lang]
    items = {i["identifier"]: i for i in package["CFItems"]}
    children: dict[str, list] = {}
    for association in package["CFAssociations"]:
        if association["associationType"] == "isChildOf":
            children.setdefault(association["destinationNodeURI"]["identifier"], []).append(association)
    assert sum(len(c) for c in children.values()) == len(items), "every item has one parent"
    for siblings in children.values():
        assert [a["sequenceNumber"] for a in siblings] == list(range(1, len(siblings) + 1))
    competency = _yaml_content()["competencies"][0]["competency"]
    level_1 = next(i for i in items.values() if i["humanCodingScheme"].endswith(".L1"))
    under = [items[a["originNodeURI"]["identifier"]]["fullStatement"] for a in children[level_1["identifier"]]]
    assert under == [b[lang] for b in competency["levels"][0]["behaviours"]]


def test_every_french_item_is_a_translation_of_its_english_one(packages):
    """CASE 1.1 (CFAssociationTypeEnum): "the target/destination node is a translation
    of the source node": the English original is the origin, the French the destination."""
    english = {i["identifier"]: i for i in packages["en"]["CFItems"]}
    translations = [a for a in packages["fr"]["CFAssociations"] if a["associationType"] == "isTranslationOf"
                    and a["destinationNodeURI"]["identifier"] != packages["fr"]["CFDocument"]["identifier"]]
    by_destination = Counter(a["destinationNodeURI"]["identifier"] for a in translations)
    assert set(by_destination) == {i["identifier"] for i in packages["fr"]["CFItems"]}
    assert set(by_destination.values()) == {1}
    french = {i["identifier"]: i for i in packages["fr"]["CFItems"]}
    for association in translations:
        original = english[association["originNodeURI"]["identifier"]]
        translated = french[association["destinationNodeURI"]["identifier"]]
        assert original["humanCodingScheme"] == translated["humanCodingScheme"]
        assert original["uri"].replace("/fr/", "/", 1) == translated["uri"].replace("/fr/", "/", 1)
        assert "/fr/" in translated["uri"] and "/fr/" not in original["uri"]
    assert not [a for a in packages["en"]["CFAssociations"] if a["associationType"] == "isTranslationOf"]
    (document,) = [a for a in packages["fr"]["CFAssociations"] if a["associationType"] == "isTranslationOf"
                   and a["destinationNodeURI"]["identifier"] == packages["fr"]["CFDocument"]["identifier"]]
    assert document["originNodeURI"]["identifier"] == packages["en"]["CFDocument"]["identifier"]


def test_a_rubric_per_competency_with_a_level_per_level(packages):
    for lang, package in packages.items():
        competencies = _yaml_content()["competencies"]
        assert len(package["CFRubrics"]) == len(competencies)
        for rubric, competency in zip(package["CFRubrics"], competencies, strict=True):
            (criterion,) = rubric["CFRubricCriteria"]
            levels = criterion["CFRubricCriterionLevels"]
            assert [level["description"] for level in levels] == \
                [level["concept"][lang] for level in competency["competency"]["levels"]]
            assert [level["position"] for level in levels] == list(range(1, len(levels) + 1))
            assert {level["rubricCriterionId"] for level in levels} == {criterion["identifier"]}
            assert criterion["rubricId"] == rubric["identifier"]
            assert rubric["description"] == competency["competency"]["scale_intro"][lang]


def test_the_open_data_page_links_both_packages(site):
    for prefix in ("", "fr/"):
        html = (site / prefix / "data/index.html").read_text(encoding="utf-8")
        root = "../" * (prefix.count("/") + 1)
        assert f'href="{root}data/case/en.json"' in html and f'href="{root}data/case/fr.json"' in html


# -- stable identifiers and dates -------------------------------------------------------

def _all_identifiers(package: dict) -> set[str]:
    return set(re.findall(r'"identifier": "([0-9a-f-]{36})"', json.dumps(package)))


def test_two_builds_give_the_same_bytes(guide):
    for lang in ("en", "fr"):
        first = json.dumps(case_package(guide, lang, site_url=SITE), ensure_ascii=False)
        assert json.dumps(case_package(guide, lang, site_url=SITE), ensure_ascii=False) == first


def test_adding_an_item_adds_identifiers_and_changes_none(tmp_path, guide):
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    path = content / "competencies/collaboration/competency.yml"
    text = path.read_text(encoding="utf-8")
    first_adopt = text.index("\nadopt:\n") + len("\nadopt:\n")
    path.write_text(text[:first_adopt] + (
        "  - id: adopt-a-new-habit\n    source: competency-sheet\n"
        "    en: Ask partners what they need from you.\n    fr: Demander aux partenaires ce qu'ils attendent de vous.\n"
    ) + text[first_adopt:], encoding="utf-8")
    grown = load_guide(content)
    for lang in ("en", "fr"):
        before = _all_identifiers(case_package(guide, lang, site_url=SITE))
        after = _all_identifiers(case_package(grown, lang, site_url=SITE))
        assert before <= after
        new_item = identifier(lang, "collaboration/adopt-a-new-habit")
        assert new_item in after - before
        # The item and its place under the competency; in French also its translation
        # link and, at that link's far end, the English item's identifier.
        assert len(after - before) == (2 if lang == "en" else 4)
        if lang == "fr":
            assert identifier("en", "collaboration/adopt-a-new-habit") in after - before


def _git(repo, *args, date="2026-01-01T10:00:00"):
    env = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.invalid",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.invalid",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def test_each_item_is_dated_by_the_commit_that_last_changed_its_language(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content_data", repo / "content_data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "content", date="2026-01-01T10:00:00+00:00")
    path = repo / "content_data/competencies/collaboration/competency.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "en: Work towards shared objectives.", "en: Work towards common objectives."), encoding="utf-8")
    _git(repo, "commit", "-qam", "reword", date="2026-03-05T09:30:00+00:00")
    guide = load_guide(repo / "content_data")
    dated = {}
    for lang in ("en", "fr"):
        package = case_package(guide, lang, site_url=SITE, dates=text_dates(repo, guide.bilingual))
        item = next(i for i in package["CFItems"] if i["uri"].endswith("#adopt-shared-objectives"))
        others = {i["lastChangeDateTime"] for i in package["CFItems"] if i is not item}
        dated[lang] = (item["lastChangeDateTime"], others, package["CFDocument"]["lastChangeDateTime"])
    assert dated["en"] == ("2026-03-05T09:30:00Z", {"2026-01-01T10:00:00Z"}, "2026-03-05T09:30:00Z")
    assert dated["fr"] == ("2026-01-01T10:00:00Z", {"2026-01-01T10:00:00Z"}, "2026-01-01T10:00:00Z")
    again = case_package(guide, "en", site_url=SITE, dates=text_dates(repo, guide.bilingual))
    assert again["CFItems"] == case_package(guide, "en", site_url=SITE,
                                            dates=text_dates(repo, guide.bilingual))["CFItems"]


def test_without_git_every_date_is_the_release_day(guide):
    package = case_package(guide, "en", site_url=SITE)
    released = guide.catalogue.released
    assert {i["lastChangeDateTime"] for i in package["CFItems"]} == {f"{released}T00:00:00Z"}
