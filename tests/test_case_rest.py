"""The CASE 1.1 REST read paths the site publishes as files, read as a CASE tool reads them:
validated against 1EdTech's own schemas with formats checked, and harvested over HTTP."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import urllib.request
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from guide.exports.case_package import REST_ROOT, RUBRIC_CRITERIA, RUBRIC_LEVELS
from guide.publish.local_server import serve
from test_case_package import _yaml_items

VENDOR = ROOT / "schemas/vendor"
REST_SCHEMAS = VENDOR / "case-v1p1-rest"
# The binding's read path → the operation whose 200 response it is (and its schema).
OPERATIONS = {"CFDocuments": "getAllCFDocuments", "CFPackages": "getCFPackage", "CFItems": "getCFItem",
              "CFAssociations": "getCFAssociation", "CFRubrics": "getCFRubric", "CFItemTypes": "getCFItemType",
              "CFLicenses": "getCFLicense"}
# Records the binding has no read path for are their own files too; they follow the
# definition of their class in the getCFRubric response's schema.
DEFINITIONS = {RUBRIC_CRITERIA: "CFRubricCriterionDType", RUBRIC_LEVELS: "CFRubricCriterionLevelDType"}


def _checker() -> jsonschema.FormatChecker:
    """Format checking on, and refusing to run without the checkers: jsonschema
    silently skips a format whose checker is not installed."""
    checker = jsonschema.FormatChecker()
    assert {"uri", "date-time", "date"} <= set(checker.checkers), "pip install the format checkers of test.lock"
    bad_uri, bad_time = "not a uri", "2026-13-45T99:00:00Z"
    assert not checker.conforms(bad_uri, "uri") and not checker.conforms(bad_time, "date-time")
    return checker


def _schema(name: str) -> dict:
    return json.loads((REST_SCHEMAS / f"{name}-200.json").read_text(encoding="utf-8"))


def validator_for(path: str) -> jsonschema.protocols.Validator:
    """The validator of 1EdTech's schema for the response at ``path`` (``CFItems/<id>``)."""
    kind = path.split("/", 1)[0]
    if kind in DEFINITIONS:
        schema = _schema("getCFRubric")
        schema = {"$schema": schema["$schema"], "$ref": f"#/$defs/{DEFINITIONS[kind]}", "$defs": schema["$defs"]}
    else:
        schema = _schema(OPERATIONS[kind])
    # Their "$schema" (http://json-schema.org/draft/2020-12/schema) misspells the draft's
    # address; they are written for draft 2020-12, so that validator reads them.
    return jsonschema.Draft202012Validator(schema, format_checker=_checker())


def _errors(path: str, response: dict) -> list[str]:
    return [f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator_for(path).iter_errors(response)]


@pytest.fixture(scope="module")
def responses(site) -> dict[str, dict]:
    root = site / REST_ROOT
    return {p.relative_to(root).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_rest_schemas_are_1edtechs_unchanged():
    notice = (VENDOR / "README.md").read_text(encoding="utf-8")
    for path in sorted(REST_SCHEMAS.glob("*.json")) + [VENDOR / "case-v1p1-cfpackage-official.json"]:
        assert hashlib.sha256(path.read_bytes()).hexdigest() in notice, f"{path.name}: its hash is in the notice"
    assert {p.name for p in REST_SCHEMAS.glob("*.json")} == {f"{op}-200.json" for op in OPERATIONS.values()}
    for operation in OPERATIONS.values():
        assert f"({operation}-200-responsepayload-schema)" in _schema(operation)["title"]


def test_every_read_path_of_the_binding_is_published(responses):
    kinds = Counter(path.split("/", 1)[0] for path in responses)
    assert set(kinds) == set(OPERATIONS) | set(DEFINITIONS)
    assert kinds["CFDocuments"] == 1 and kinds["CFPackages"] == 2
    assert all(re.fullmatch(r"CFDocuments|\w+/[0-9a-f-]{36}", path) for path in responses), "named by the path only"


def test_every_response_validates_against_1edtechs_schema_with_formats_checked(responses):
    errors = [error for path, response in responses.items() for error in _errors(path, response)]
    assert errors == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_package_validates_against_1edtechs_official_package_schema(site, lang):
    schema = json.loads((VENDOR / "case-v1p1-cfpackage-official.json").read_text(encoding="utf-8"))
    package = json.loads((site / f"data/case/{lang}.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=_checker())
    assert [e.message for e in validator.iter_errors(package)] == []
    # This schema checks dates and identifiers, not addresses (the REST schemas do).
    broken = copy.deepcopy(package)
    broken["CFDocument"]["statusStartDate"] = "2026-02-30"
    broken["CFAssociations"][0]["lastChangeDateTime"] = "2026-11-31T25:00:00Z"
    assert len(list(validator.iter_errors(broken))) == 2


@pytest.mark.parametrize("breakage", ["uri", "date-time", "date", "document-uri", "item-type-set"])
def test_a_broken_response_fails(responses, breakage):
    """What the format checkers add: without them the first three pass unnoticed."""
    item_path = next(p for p in responses if p.startswith("CFItems/"))
    path, response = item_path, copy.deepcopy(responses[item_path])
    if breakage == "uri":
        response["uri"] = "http://exa mple.org/not a uri"
    elif breakage == "date-time":
        response["lastChangeDateTime"] = "30/11/2026 10:00"
    elif breakage == "date":
        path, response = "CFDocuments", copy.deepcopy(responses["CFDocuments"])
        response["CFDocuments"][0]["statusStartDate"] = "2026-02-30"
    elif breakage == "document-uri":
        del response["CFDocumentURI"]
    elif breakage == "item-type-set":
        path = next(p for p in responses if p.startswith("CFItemTypes/"))
        response = responses[path]["CFItemTypes"][0]  # the record alone, not the set the binding answers
    assert _errors(path, response), breakage


# -- as a harvester reads the site over HTTP ---------------------------------------------

def _get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.headers.get_content_type(), answer.read()


def _get_json(url: str) -> dict:
    kind, body = _get(url)
    assert kind == "application/json", (url, kind)
    return json.loads(body)


@pytest.fixture(scope="module")
def harvest(site):
    """What a CASE harvester (CaSS, a learning platform) collects: the documents list,
    then each document's package, then each item, association and rubric by its id."""
    found: dict[str, dict] = {}
    with serve(site) as origin:
        base = f"{origin}/{REST_ROOT}"
        documents = _get_json(f"{base}/CFDocuments")["CFDocuments"]
        for document in documents:
            package = _get_json(f"{base}/CFPackages/{document['identifier']}")
            assert package["CFDocument"]["identifier"] == document["identifier"]
            language = package["CFDocument"]["language"]
            found[language] = {
                "package": package,
                "items": [_get_json(f"{base}/CFItems/{i['identifier']}") for i in package["CFItems"]],
                "associations": [_get_json(f"{base}/CFAssociations/{a['identifier']}")
                                 for a in package["CFAssociations"]],
                "rubrics": [_get_json(f"{base}/CFRubrics/{r['identifier']}") for r in package["CFRubrics"]],
            }
    return found


def _code(package: dict, item: dict) -> str:
    types = {t["identifier"]: t["typeCode"] for t in package["CFDefinitions"]["CFItemTypes"]}
    return types[item["CFItemTypeURI"]["identifier"]]


def test_a_harvester_finds_every_item_association_and_rubric_in_both_languages(harvest, site):
    assert set(harvest) == {"en", "fr"}
    for lang, got in harvest.items():
        package = got["package"]
        items = Counter((_code(package, i), i["fullStatement"]) for i in got["items"])
        assert items == _yaml_items(lang)
        assert all(i["CFDocumentURI"]["identifier"] == package["CFDocument"]["identifier"] for i in got["items"])
        assert [a["identifier"] for a in got["associations"]] == [a["identifier"] for a in package["CFAssociations"]]
        assert {a["associationType"] for a in got["associations"]} == (
            {"isChildOf", "isRelatedTo"} | ({"isTranslationOf"} if lang == "fr" else set()))
        on_disk = json.loads((site / f"data/case/{lang}.json").read_text(encoding="utf-8"))
        assert got["rubrics"] == on_disk["CFRubrics"] and len(got["rubrics"]) == len(on_disk["CFRubrics"]) > 0
        assert package == on_disk, "the package file and the REST response hold the same"


def _records(package: dict):
    """Every record of a package that has a ``uri`` of its own, with its identifier."""
    yield "CFDocument", package["CFDocument"]
    yield from (("CFItem", i) for i in package["CFItems"])
    yield from (("CFAssociation", a) for a in package["CFAssociations"])
    for definition in package["CFDefinitions"].values():
        yield from (("definition", d) for d in definition)
    for rubric in package["CFRubrics"]:
        yield "CFRubric", rubric
        for criterion in rubric["CFRubricCriteria"]:
            yield "criterion", criterion
            yield from (("criterion level", level) for level in criterion["CFRubricCriterionLevels"])


def test_every_records_uri_resolves_to_that_record(harvest, site):
    """An item's to its anchor on its page; every other record's to its own REST
    response, never to a fragment of a whole package."""
    official = harvest["en"]["package"]["CFDocument"]["officialSourceURL"]  # the site's root
    with serve(site) as origin:
        for got in harvest.values():
            for kind, record in _records(got["package"]):
                uri = record["uri"]
                assert uri.startswith(official), (kind, uri)
                url = f"{origin}/{uri.removeprefix(official)}"
                if kind == "CFItem":
                    page, anchor = url.split("#", 1) if "#" in url else (url, "")
                    content_type, body = _get(page)
                    assert content_type == "text/html"
                    assert not anchor or f'id="{anchor}"' in body.decode("utf-8"), uri
                    continue
                assert "#" not in uri, (kind, uri)
                answer = _get_json(url)
                held = answer["CFItemTypes"][0] if "CFItemTypes" in answer else answer.get("CFDocument", answer)
                assert held["identifier"] == record["identifier"], (kind, uri)


def test_the_loopback_server_serves_the_read_paths_as_json(site, tmp_path):
    """The tests' server stands for the host: files without an extension elsewhere keep
    the server's usual type; under the binding's path they are JSON."""
    with serve(site) as origin:
        assert _get(f"{origin}/{REST_ROOT}/CFDocuments")[0] == "application/json"
    other = tmp_path / "plain"
    other.write_text("x", encoding="utf-8")
    with serve(tmp_path) as origin:
        assert _get(f"{origin}/plain")[0] == "application/octet-stream"


def test_the_translation_runs_from_the_english_original_to_the_french(harvest):
    english = {i["identifier"]: i for i in harvest["en"]["items"]}
    french = {i["identifier"]: i for i in harvest["fr"]["items"]}
    translations = [a for a in harvest["fr"]["associations"] if a["associationType"] == "isTranslationOf"]
    assert len(translations) == len(french) + 1  # every item, and the document
    for association in translations:
        origin, destination = association["originNodeURI"], association["destinationNodeURI"]
        if origin["identifier"] == harvest["en"]["package"]["CFDocument"]["identifier"]:
            assert destination["identifier"] == harvest["fr"]["package"]["CFDocument"]["identifier"]
            continue
        original, translation = english[origin["identifier"]], french[destination["identifier"]]
        assert original["humanCodingScheme"] == translation["humanCodingScheme"]
        assert "/fr/" in translation["uri"] and "/fr/" not in original["uri"]


def test_served_paths_are_not_guessed_from_other_files(site):
    """Nothing but the binding's responses sits under its path (a stray file would be
    served as JSON)."""
    root = site / REST_ROOT
    assert all(p.is_dir() or not Path(p.name).suffix for p in root.rglob("*"))
