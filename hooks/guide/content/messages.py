"""The messages an editor reads about the content, in English and in French, from one catalogue.

Editors of a bilingual guide may be francophone: the preview's banner on a
French page speaks French, and the terminal speaks the language the editor
chooses (``GUIDE_LANG=fr``; English by default). A message is a ``Said``: its
English text *is* the string, so code and tests that read messages as text
keep working, and its French travels with it. Values (file names, ids, quoted
YAML) are filled in unchanged; only a template gets French typography.
Messages not yet in this catalogue stay English, and the banner marks them so.
"""

from __future__ import annotations

import os
from typing import Self

from guide.content.typography import for_language

LANGUAGE_ENV = "GUIDE_LANG"
LANGUAGES = ("en", "fr")

# key -> English and French templates; {name} places are filled by ``said``.
MESSAGES: dict[str, dict[str, str]] = {
    "content_has_errors": {
        "en": "The guide's content has {count} error(s):",
        "fr": "Le contenu du guide comporte {count} erreur(s) :",
    },
    "key_missing": {
        "en": "{what}: the key '{name}' is missing",
        "fr": "{what} : la clé « {name} » manque",
    },
    "key_missing_hint": {
        "en": "add a line '{line}' to {what}",
        "fr": "ajoutez une ligne « {line} » à {what}",
    },
    "key_unknown": {
        "en": "{what}: unknown key '{key}'",
        "fr": "{what} : clé inconnue « {key} »",
    },
    "key_unknown_hint": {
        "en": "allowed keys here: {allowed}",
        "fr": "clés permises ici : {allowed}",
    },
    "key_unknown_hint_close": {
        "en": "did you mean '{close}'? allowed keys here: {allowed}",
        "fr": "vouliez-vous dire « {close} » ? Clés permises ici : {allowed}",
    },
    "key_twice": {
        "en": "{what}: the key '{key}' is written twice",
        "fr": "{what} : la clé « {key} » est écrite deux fois",
    },
    "key_twice_hint": {
        "en": "keep one of the two lines",
        "fr": "gardez une seule des deux lignes",
    },
    "to_write": {
        "en": "{what} is still marked as to be written: {text}",
        "fr": "{what} est encore marqué à rédiger : {text}",
    },
    "to_write_hint": {
        "en": "replace it with the text, in your own words, in this language",
        "fr": "remplacez-le par le texte, dans vos propres mots, dans cette langue",
    },
    "reference_unknown": {
        "en": "unknown {kind} '{value}'",
        "fr": "{kind} inconnu(e) : « {value} »",
    },
    "reference_unknown_hint": {
        "en": "known {kinds}: {known}",
        "fr": "{kinds} connu(e)s : {known}",
    },
    "reference_unknown_hint_close": {
        "en": "did you mean '{close}'? known {kinds}: {known}",
        "fr": "vouliez-vous dire « {close} » ? {kinds} connu(e)s : {known}",
    },
    "empty_list": {
        "en": "{what} is an empty list",
        "fr": "{what} est une liste vide",
    },
    "empty_list_hint": {
        "en": "add at least one entry, each on its own line starting with '- '",
        "fr": "ajoutez au moins une entrée, chacune sur sa ligne, commençant par « - »",
    },
    "not_text": {
        "en": "{what} must be a text, not a list or a set of keys",
        "fr": "{what} doit être un texte, pas une liste ni un ensemble de clés",
    },
    "not_text_hint": {
        "en": "write the text on the same line, after the colon",
        "fr": "écrivez le texte sur la même ligne, après le deux-points",
    },
    "empty_text": {
        "en": "{what} is empty (YAML reads {found} as no value)",
        "fr": "{what} est vide (YAML lit {found} comme une absence de valeur)",
    },
    "empty_text_hint": {
        "en": "write the text; to publish the word itself, put it in quotes",
        "fr": "écrivez le texte ; pour publier le mot lui-même, mettez-le entre guillemets",
    },
    "same_text": {
        "en": "{what}: the English and the French are the same text",
        "fr": "{what} : l'anglais et le français sont le même texte",
    },
    "same_text_hint": {
        "en": "translate one of the two",
        "fr": "traduisez l'un des deux",
    },
    "level_scale": {
        "en": "level {number}: its scale names {written}; the competency's scale has {dimensions}",
        "fr": "niveau {number} : son échelle nomme {written} ; l'échelle de la compétence a {dimensions}",
    },
    "level_scale_hint": {
        "en": "under {key}, write one '{entry}' entry for each of {dimensions}, in that order",
        "fr": "sous {key}, écrivez une entrée « {entry} » pour chacune de {dimensions}, dans cet ordre",
    },
    "yaml_syntax": {
        "en": "YAML syntax error: {problem}",
        "fr": "erreur de syntaxe YAML : {problem}",
    },
    "yaml_generic_hint": {
        "en": "check indentation (spaces only, two per level) and that every quote is closed",
        "fr": "vérifiez l'indentation (des espaces seulement, deux par niveau) et que chaque guillemet est fermé",
    },
    "yaml_unclosed_quote": {
        "en": "a quoted text is never closed",
        "fr": "un texte entre guillemets n'est jamais fermé",
    },
    "yaml_unclosed_quote_hint": {
        "en": "add the closing quote at the end of the text",
        "fr": "ajoutez le guillemet fermant à la fin du texte",
    },
    "yaml_tab": {
        "en": "a tab character is used for indentation",
        "fr": "une tabulation sert à l'indentation",
    },
    "yaml_tab_hint": {
        "en": "replace tabs with spaces",
        "fr": "remplacez les tabulations par des espaces",
    },
    "yaml_colon_in_text": {
        "en": "the text contains '{colon}', which YAML reads as the start of a new key",
        "fr": "le texte contient « {colon} », que YAML lit comme le début d'une nouvelle clé",
    },
    "yaml_quote_hint": {
        "en": "put this text in quotes: {line}",
        "fr": "mettez ce texte entre guillemets : {line}",
    },
    "yaml_continued": {
        "en": "a line reads as part of the text above it",
        "fr": "une ligne se lit comme la suite du texte au-dessus",
    },
    "yaml_continued_hint": {
        "en": "indent this line exactly like the key above it (spaces only, two per level)",
        "fr": "indentez cette ligne exactement comme la clé au-dessus (des espaces seulement, deux par niveau)",
    },
    "yaml_indentation": {
        "en": "the indentation of this line does not match the lines around it ({parser})",
        "fr": "l'indentation de cette ligne ne correspond pas aux lignes voisines",
    },
    "yaml_indentation_hint": {
        "en": "indent it by {spaces} spaces, like this: {line}",
        "fr": "indentez-la de {spaces} espaces, ainsi : {line}",
    },
    "draft_left": {
        "en": "{folder}: draft, not published; {count} text(s) or source(s) still to write:",
        "fr": "{folder} : brouillon, non publié ; {count} texte(s) ou source(s) encore à rédiger :",
    },
    "draft_done": {
        "en": "{folder}: draft, not published; nothing left to write: remove its line '{line}' to publish it",
        "fr": "{folder} : brouillon, non publié ; plus rien à rédiger : retirez sa ligne « {line} » pour le publier",
    },
    "draft_item_left": {
        "en": "{where}: the draft item '{id}', not published; {count} text(s) or source(s) still to write:",
        "fr": "{where} : l'élément en brouillon « {id} », non publié ; {count} texte(s) ou source(s) encore à rédiger :",
    },
    "draft_item_done": {
        "en": "{where}: the draft item '{id}', not published; nothing left to write: "
              "remove its line '{line}' to publish it",
        "fr": "{where} : l'élément en brouillon « {id} », non publié ; plus rien à rédiger : "
              "retirez sa ligne « {line} » pour le publier",
    },
    "draft_not_here_hint": {
        "en": "only an item of a competency's list (a behaviour, a tip, a question…) or a whole competency "
              "(at the top of its competency.yml) can be a draft: remove this line",
        "fr": "seul un élément d'une liste d'une compétence (un comportement, une astuce, une question…) ou une "
              "compétence entière (en tête de son competency.yml) peut être un brouillon : retirez cette ligne",
    },
    "draft_list_empty": {
        "en": "{what}: every item of this list is a draft, so the published site would have none",
        "fr": "{what} : chaque élément de cette liste est un brouillon, le site publié n'en aurait donc aucun",
    },
    "draft_list_empty_hint": {
        "en": "finish one of them and remove its line '{line}', or mark the whole competency '{line}'",
        "fr": "terminez-en un et retirez sa ligne « {line} », ou marquez toute la compétence « {line} »",
    },
    "file_missing": {
        "en": "the file {name} is missing",
        "fr": "le fichier {name} manque",
    },
    "file_missing_shared_hint": {
        "en": "restore it from the repository (git checkout)",
        "fr": "rétablissez-le depuis le dépôt (git checkout)",
    },
    "file_missing_competency_hint": {
        "en": "every competency's folder needs one: copy {name} from another competency's folder and change "
              "its id and texts (or run {command})",
        "fr": "le dossier de chaque compétence en a un : copiez {name} du dossier d'une autre compétence et "
              "changez son id et ses textes (ou lancez {command})",
    },
    "id_twice": {
        "en": "the id '{id}' is already used at {place}",
        "fr": "l'id « {id} » sert déjà en {place}",
    },
    "id_twice_hint": {
        "en": "ids must be unique within a competency and the shared files; give this item another id",
        "fr": "un id ne sert qu'une fois dans une compétence et les fichiers communs ; donnez un autre id à cet élément",
    },
    "folder_id": {
        "en": "the competency's id '{id}' differs from its folder's name '{folder}'",
        "fr": "l'id de la compétence, « {id} », diffère du nom de son dossier, « {folder} »",
    },
    "folder_id_hint": {
        "en": "write {line}, or rename the folder to {id}",
        "fr": "écrivez {line}, ou renommez le dossier en {id}",
    },
    "all_drafts": {
        "en": "every competency of the catalogue is a draft: there is nothing to publish",
        "fr": "toutes les compétences du catalogue sont des brouillons : il n'y a rien à publier",
    },
    "all_drafts_hint": {
        "en": "finish one and remove its line '{line}'",
        "fr": "terminez-en une et retirez sa ligne « {line} »",
    },
    "hint_word": {"en": "hint", "fr": "conseil"},
}


class Said(str):
    """A message: the English text as the string itself, the French beside it."""

    fr: str

    def __new__(cls, en: str, fr: str) -> Self:
        made = super().__new__(cls, en)
        made.fr = fr
        return made

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else str(self)


def said(message: str, /, **values: object) -> Said:
    """The message named ``message`` with its values, in both languages."""
    templates = MESSAGES[message]
    french = {name: value.fr if isinstance(value, Said) else value for name, value in values.items()}
    return Said(templates["en"].format(**values), for_language(templates["fr"], "fr").format(**french))


def in_language(message: str, lang: str) -> tuple[str, str]:
    """A message in ``lang`` when the catalogue has it, and the language it is really in."""
    if isinstance(message, Said):
        return message.get(lang), lang
    return message, "en"


def editor_language() -> str:
    """The language the terminal speaks to the editor: ``GUIDE_LANG``, English by default."""
    wanted = os.environ.get(LANGUAGE_ENV, "en").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else "en"
