"""The guide as a CASE 1.1 package, one per language: model + language → dict.

Learning and HR systems exchange competency frameworks as 1EdTech's CASE
(Competencies and Academic Standards Exchange): a ``CFPackage`` holding one
``CFDocument``, its ``CFItems``, the ``CFAssociations`` between them and
``CFRubrics``. This module only builds the data; the hook writes it to
``data/case/<lang>.json``, and ``schemas/vendor/`` holds the official schema
the tests validate it against.

What becomes what:

* the catalogue → the ``CFDocument`` (its licence → a ``CFLicense``);
* a competency → a ``CFItem`` (its definition as the statement, its name as
  the abbreviated one), child of the document;
* a level → a ``CFItem`` child of its competency, and a level of the
  competency's ``CFRubric`` (one criterion, one ``CFRubricCriterionLevel`` per
  level);
* a level behaviour → a ``CFItem`` child of its level; behaviours to adopt and
  to avoid, and tips, → ``CFItems`` of their own types, children of the
  competency; a behaviour ``isRelatedTo`` each tip that helps practise it;
* in the French package, an ``isTranslationOf`` association from each
  English item to its French one, and from the English document to the French
  document. CASE 1.1 defines this type the other way round from how its name
  reads (Information Model, CFAssociationTypeEnum: "The target/destination node
  is a translation of the source node"), so the origin is the English original
  and the destination the French translation.

Every record's ``uri`` resolves to that record on the published site: an
item's to its place on its page; every other record's to its own response of
the CASE 1.1 REST binding, published as a static file under
``ims/case/v1p1/`` (``rest_responses``), never to a fragment of a package.

Identifiers are UUID version 5 of a fixed namespace and the item's stable ids
(``<lang>/<competency>/<item>``): the same on every build, and adding an item
changes no other. Dates come from the caller (git, see ``line_dates``), so the
same commit gives the same bytes.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Mapping, Optional

from guide.content.card_codes import card_code
from guide.content.model import LANGUAGES, Guide, Text

NAMESPACE = uuid.UUID("6f1c2f0e-9a7b-4d55-8c1e-2b7f4e3a9d10")  # never change: every identifier derives from it
CASE_VERSION = "1.1"
FOLDER = "case"  # under the open-data folder: data/case/en.json, data/case/fr.json
REST_ROOT = "ims/case/v1p1"  # the REST binding's base path, from the site root
SOURCE_LANGUAGE = LANGUAGES[0]  # the language the others are translations of
ITEM_TYPES = ("competency", "level", "level-behaviour", "adopt", "avoid", "tip")

# (file, name, language) → seconds since 1970 of the last change; names as in
# decode.BilingualLines (an item's id, or the path of a text without one).
Dates = Mapping[tuple[str, str, str], int]


def package_name(lang: str) -> str:
    return f"{lang}.json"


@functools.lru_cache(maxsize=1 << 16)  # an item's is asked for by each association naming it
def identifier(lang: str, key: str) -> str:
    """The item's UUID: version 5, so its variant digit is 8, 9, a or b as CASE requires."""
    return str(uuid.uuid5(NAMESPACE, f"{lang}/{key}"))


@dataclass(frozen=True)
class Entry:
    """One item of the framework, the same in every language."""

    key: str  # from ids only, e.g. collaboration/adopt-shared-objectives
    kind: str  # one of ITEM_TYPES
    text: Text  # the statement
    parent: Optional[str]  # the parent's key; None: the document itself
    sequence: int  # its place among its parent's children, from 1
    file: str  # where it is written, for its date
    names: tuple[str, ...]  # the texts that date it (see Dates)
    page: str  # its page, from the site root of its language, e.g. competencies/collaboration/
    anchor: str = ""
    code: str = ""  # humanCodingScheme: the card code, or the competency's id and level
    short: Optional[Text] = None  # abbreviatedStatement
    related: tuple[str, ...] = field(default=())  # keys of the tips that help with it


def entries(guide: Guide) -> list[Entry]:
    """Every item the package holds, in catalogue and page order."""
    found: list[Entry] = []
    for folder in guide.competencies:
        c = folder.competency
        cid = folder.id
        home = f"competencies/{cid}/"
        file = c.loc.file if c.loc else folder.folder
        children = 0

        def child() -> int:
            nonlocal children
            children += 1
            return children

        found.append(Entry(cid, "competency", Text(c.definition.en, c.definition.fr), None,
                           len([e for e in found if e.parent is None]) + 1, file,
                           ("competency.name", c.definition.id), home, code=cid.upper(),
                           short=Text(c.name.en, c.name.fr)))
        for position, level in enumerate(c.levels):
            level_key = f"{cid}/{level.id}"
            label = guide.labels.case_type_level
            found.append(Entry(level_key, "level", Text(level.concept.en, level.concept.fr), cid, child(), file,
                               (f"competency.levels[{position + 1}].concept",), home, level.id,
                               f"{cid.upper()}.L{level.number}",
                               Text(f"{label.en} {level.number}", f"{label.fr} {level.number}")))
            for n, behaviour in enumerate(level.behaviours, start=1):
                found.append(Entry(f"{cid}/{behaviour.id}", "level-behaviour", _text(behaviour), level_key, n,
                                   file, (behaviour.id,), home, behaviour.id,
                                   card_code(cid, behaviour.id, "level", level.number),
                                   related=tuple(f"{cid}/{tip}" for tip in behaviour.tips)))
        for kind, items in (("adopt", c.adopt), ("avoid", c.avoid)):
            for item in items:
                found.append(Entry(f"{cid}/{item.id}", kind, _text(item), cid, child(), file, (item.id,),
                                   home, item.id, card_code(cid, item.id, kind)))
        if folder.tips is not None:
            for tip in folder.tips.tips:
                tip_file = tip.loc.file if tip.loc else file
                found.append(Entry(f"{cid}/{tip.id}", "tip", _text(tip), cid, child(), tip_file, (tip.id,),
                                   f"{home}tips/", tip.id, card_code(cid, tip.id, "tip")))
    return found


def case_package(guide: Guide, lang: str, *, site_url: str, dates: Dates | None = None,
                 default_time: int | None = None) -> dict[str, Any]:
    """The CFPackage of ``lang``. ``dates`` says when each text last changed; a text
    it does not know (no git history, or not yet committed) gets ``default_time``,
    or the release day when that is None too."""
    return _Package(guide, lang, site_url, dates or {}, default_time).build()


# Records the binding gives no read path of their own: each still gets its own
# file, so that its ``uri`` resolves to it (the binding forbids no other paths).
RUBRIC_CRITERIA = "CFRubricCriteria"
RUBRIC_LEVELS = "CFRubricCriterionLevels"


def rest_uri(site: str, kind: str, record: str) -> str:
    """The address of a record's REST response: ``kind`` is the binding's path (``CFItems``)."""
    return f"{site.rstrip('/')}/{REST_ROOT}/{kind}/{record}"


def rest_responses(packages: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """What a CASE 1.1 provider answers to each read path, from the packages of every
    language: path under ``REST_ROOT`` (``CFItems/<id>``) → the response's JSON.

    The shapes are the binding's ``200`` responses: ``CFDocuments`` lists the documents,
    each with its ``CFPackageURI``; an item or an association names its document
    (``CFDocumentURI``); ``CFItemTypes/<id>`` is a set of one type.
    """
    found: dict[str, Any] = {"CFDocuments": {"CFDocuments": []}}
    for package in packages.values():
        document = package["CFDocument"]
        named = {"title": document["title"], "identifier": document["identifier"], "uri": document["uri"]}
        found["CFDocuments"]["CFDocuments"].append(document | {"CFPackageURI": dict(named)})
        found[f"CFPackages/{document['identifier']}"] = package
        for item in package.get("CFItems", []):
            found[f"CFItems/{item['identifier']}"] = item | {"CFDocumentURI": dict(named)}
        for association in package.get("CFAssociations", []):
            found[f"CFAssociations/{association['identifier']}"] = association | {"CFDocumentURI": dict(named)}
        definitions = package.get("CFDefinitions", {})
        for item_type in definitions.get("CFItemTypes", []):
            found[f"CFItemTypes/{item_type['identifier']}"] = {"CFItemTypes": [item_type]}
        for licence in definitions.get("CFLicenses", []):
            found[f"CFLicenses/{licence['identifier']}"] = licence
        for rubric in package.get("CFRubrics", []):
            found[f"CFRubrics/{rubric['identifier']}"] = rubric
            for criterion in rubric.get("CFRubricCriteria", []):
                found[f"{RUBRIC_CRITERIA}/{criterion['identifier']}"] = criterion
                for level in criterion.get("CFRubricCriterionLevels", []):
                    found[f"{RUBRIC_LEVELS}/{level['identifier']}"] = level
    return found


def _text(item: Any) -> Text:
    return Text(item.en, item.fr)


def _stamp(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Package:
    def __init__(self, guide: Guide, lang: str, site_url: str, dates: Dates, default_time: int | None) -> None:
        self.guide, self.lang, self.dates = guide, lang, dates
        self.site = site_url.rstrip("/") + "/"
        released = date.fromisoformat(guide.catalogue.released)
        self.default = default_time if default_time is not None else int(
            datetime(released.year, released.month, released.day, tzinfo=timezone.utc).timestamp())
        self.entries = entries(guide)
        self.by_key = {e.key: e for e in self.entries}

    # -- addresses and names ---------------------------------------------------

    def document_uri(self, lang: str | None = None) -> str:
        """The document's own REST response would be ``CFDocuments/{id}``, but a static
        site cannot have that folder beside the ``CFDocuments`` list file; the
        package's response, whose root is the document, stands for it."""
        return rest_uri(self.site, "CFPackages", identifier(lang or self.lang, "document"))

    def page_uri(self, entry: Entry, lang: str) -> str:
        prefix = "" if lang == SOURCE_LANGUAGE else f"{lang}/"
        return f"{self.site}{prefix}{entry.page}" + (f"#{entry.anchor}" if entry.anchor else "")

    def own(self, kind: str, key: str) -> str:
        """The address of a record that has no page: its REST response (``kind`` is its path)."""
        return rest_uri(self.site, kind, identifier(self.lang, key))

    def label(self, name: str) -> str:
        return getattr(self.guide.labels, name).get(self.lang)

    def when(self, file: str, names: tuple[str, ...], lang: str | None = None) -> int:
        return max(self.dates.get((file, name, lang or self.lang), self.default) for name in names)

    def link(self, entry: Entry, lang: str | None = None) -> dict[str, str]:
        lang = lang or self.lang
        return {"title": (entry.short or entry.text).get(lang), "identifier": identifier(lang, entry.key),
                "uri": self.page_uri(entry, lang)}

    def document_link(self) -> dict[str, str]:
        return {"title": self.guide.catalogue.title.get(self.lang), "identifier": identifier(self.lang, "document"),
                "uri": self.document_uri()}

    # -- the package -----------------------------------------------------------

    def document_time(self) -> str:
        """The newest change of anything the document holds."""
        return _stamp(max([self.when(e.file, e.names) for e in self.entries] + [self.licence_time()]))

    def build(self) -> dict[str, Any]:
        items = [self.item(e) for e in self.entries]
        newest = self.document_time()
        return {
            "CFDocument": self.document(newest),
            "CFItems": items,
            "CFAssociations": self.associations(),
            "CFDefinitions": {"CFItemTypes": [self.item_type(kind, newest) for kind in ITEM_TYPES],
                              "CFLicenses": [self.licence()]},
            "CFRubrics": [self.rubric(e) for e in self.entries if e.kind == "competency"],
        }

    def document(self, changed: str) -> dict[str, Any]:
        catalogue = self.guide.catalogue
        prefix = "" if self.lang == SOURCE_LANGUAGE else f"{self.lang}/"
        return {
            "identifier": identifier(self.lang, "document"),
            "uri": self.document_uri(),
            "caseVersion": CASE_VERSION,
            "creator": catalogue.publisher.get(self.lang),
            "title": catalogue.title.get(self.lang),
            "lastChangeDateTime": changed,
            "officialSourceURL": f"{self.site}{prefix}",
            "publisher": catalogue.publisher.get(self.lang),
            "description": catalogue.introduction.get(self.lang),
            "language": self.lang,
            "version": catalogue.version,
            "adoptionStatus": "Published",
            "statusStartDate": catalogue.released,
            "licenseURI": self.licence_link(),
        }

    def item(self, entry: Entry) -> dict[str, Any]:
        record: dict[str, Any] = {
            "identifier": identifier(self.lang, entry.key),
            "fullStatement": entry.text.get(self.lang),
            "CFItemType": self.label(f"case_type_{entry.kind.replace('-', '_')}"),
            "uri": self.page_uri(entry, self.lang),
            "humanCodingScheme": entry.code,
        }
        if entry.short is not None:
            record["abbreviatedStatement"] = entry.short.get(self.lang)
        record |= {
            "language": self.lang,
            "CFItemTypeURI": self.item_type_link(entry.kind),
            "licenseURI": self.licence_link(),
            "lastChangeDateTime": _stamp(self.when(entry.file, entry.names)),
        }
        return record

    def associations(self) -> list[dict[str, Any]]:
        found = []
        for entry in self.entries:
            parent = self.by_key[entry.parent] if entry.parent else None
            found.append(self.association("isChildOf", entry, parent, entry.sequence))
        for entry in self.entries:
            for tip in entry.related:
                found.append(self.association("isRelatedTo", entry, self.by_key[tip]))
        if self.lang != SOURCE_LANGUAGE:
            found.append(self.document_translation())
            for entry in self.entries:
                found.append(self.association("isTranslationOf", entry, entry, translation=True))
        return found

    def document_translation(self) -> dict[str, Any]:
        """This language's document is a translation of the source language's: the
        original is the origin, the translation the destination (CASE 1.1)."""
        key = f"isTranslationOf/document/{SOURCE_LANGUAGE}/document"  # kept: the identifier never changes
        original = {"title": self.guide.catalogue.title.get(SOURCE_LANGUAGE),
                    "identifier": identifier(SOURCE_LANGUAGE, "document"), "uri": self.document_uri(SOURCE_LANGUAGE)}
        return {"identifier": identifier(self.lang, key), "associationType": "isTranslationOf",
                "uri": self.own("CFAssociations", key), "originNodeURI": original,
                "destinationNodeURI": self.document_link(), "lastChangeDateTime": self.document_time()}

    def association(self, kind: str, origin: Entry, destination: Optional[Entry], sequence: int | None = None,
                    translation: bool = False) -> dict[str, Any]:
        """``origin kind destination``, read as CASE defines each type: a level isChildOf
        its competency (origin: the child). With ``translation`` (``origin`` and
        ``destination`` are then the same entry) the origin is the entry in the
        source language and the destination this language's translation of it."""
        target_lang = SOURCE_LANGUAGE if translation else self.lang
        end = self.document_link() if destination is None else self.link(destination, target_lang)
        end_key = "document" if destination is None else f"{target_lang}/{destination.key}"
        # The key, hence the identifier, is the one the association had when it pointed
        # the wrong way: a tool that imported that one updates it instead of keeping both.
        key = f"{kind}/{origin.key}/{end_key}"
        times = [self.when(origin.file, origin.names)]
        if destination is not None:
            times.append(self.when(destination.file, destination.names, target_lang))
        start = self.link(origin)
        if translation:
            start, end = end, start
        record: dict[str, Any] = {"identifier": identifier(self.lang, key), "associationType": kind}
        if sequence is not None:
            record["sequenceNumber"] = sequence
        record |= {"uri": self.own("CFAssociations", key), "originNodeURI": start, "destinationNodeURI": end,
                   "lastChangeDateTime": _stamp(max(times))}
        return record

    def rubric(self, competency: Entry) -> dict[str, Any]:
        levels = [e for e in self.entries if e.kind == "level" and e.parent == competency.key]
        changed = _stamp(max(self.when(e.file, e.names) for e in levels))
        rubric_id = identifier(self.lang, f"{competency.key}/rubric")
        criterion_id = identifier(self.lang, f"{competency.key}/rubric/criterion")
        name = (competency.short or competency.text).get(self.lang)
        return {
            "identifier": rubric_id,
            "uri": self.own("CFRubrics", f"{competency.key}/rubric"),
            "title": name,
            "description": self.guide.folder(competency.key).competency.scale_intro.get(self.lang),
            "lastChangeDateTime": changed,
            "CFRubricCriteria": [{
                "identifier": criterion_id,
                "uri": self.own(RUBRIC_CRITERIA, f"{competency.key}/rubric/criterion"),
                "category": name,
                "description": competency.text.get(self.lang),
                "CFItemURI": self.link(competency),
                "position": 1,
                "rubricId": rubric_id,
                "lastChangeDateTime": changed,
                "CFRubricCriterionLevels": [{
                    "identifier": identifier(self.lang, f"{level.key}/rubric-level"),
                    "uri": self.own(RUBRIC_LEVELS, f"{level.key}/rubric-level"),
                    "description": level.text.get(self.lang),
                    "quality": (level.short or level.text).get(self.lang),
                    "score": position,
                    "position": position,
                    "rubricCriterionId": criterion_id,
                    "lastChangeDateTime": _stamp(self.when(level.file, level.names)),
                } for position, level in enumerate(levels, start=1)],
            }],
        }

    def item_type(self, kind: str, changed: str) -> dict[str, Any]:
        name = kind.replace("-", "_")
        return {"identifier": identifier(self.lang, f"type/{kind}"), "uri": self.own("CFItemTypes", f"type/{kind}"),
                "title": self.label(f"case_type_{name}"), "description": self.label(f"case_type_{name}_about"),
                "hierarchyCode": kind, "typeCode": kind, "lastChangeDateTime": changed}

    def item_type_link(self, kind: str) -> dict[str, str]:
        return {"title": self.label(f"case_type_{kind.replace('-', '_')}"),
                "identifier": identifier(self.lang, f"type/{kind}"), "uri": self.own("CFItemTypes", f"type/{kind}")}

    def licence_time(self) -> int:
        licence = self.guide.licence
        return self.when(licence.loc.file if licence.loc else "", ("licence.name", "licence.scope"))

    def licence(self) -> dict[str, Any]:
        licence = self.guide.licence
        return {"identifier": identifier(self.lang, "licence"), "uri": self.own("CFLicenses", "licence"),
                "title": licence.name.get(self.lang), "description": f"{licence.spdx}: {licence.url}",
                "licenseText": licence.scope.get(self.lang), "lastChangeDateTime": _stamp(self.licence_time())}

    def licence_link(self) -> dict[str, str]:
        licence = self.guide.licence
        return {"title": licence.name.get(self.lang), "identifier": identifier(self.lang, "licence"),
                "uri": self.own("CFLicenses", "licence")}
