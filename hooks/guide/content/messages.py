"""The messages an editor reads about the content, in English and in French, from one catalogue.

Editors of a bilingual guide may be francophone: the preview's banner on a
French page speaks French, and the terminal speaks the language the editor
chooses (``GUIDE_LANG=fr``; English by default). A message is a ``Said``: its
English text *is* the string, so code and tests that read messages as text
keep working, and its French travels with it. Values (file names, ids, quoted
YAML) are filled in unchanged; only a template gets French typography. Every
``ContentError`` takes its message and hint from here (it refuses any other
text), so no mistake is ever told in English only; PyYAML's own problems are
looked up here too (``parser_problem``), quoted as written when unknown.
"""

from __future__ import annotations

import os
from typing import Self

from guide.content.typography import for_language

LANGUAGE_ENV = "GUIDE_LANG"
LANGUAGES = ("en", "fr")

# key -> English and French templates; {name} places are filled by ``said``.
MESSAGES: dict[str, dict[str, str]] = {
    "content_has_errors_one": {
        "en": "The guide's content has {count} error:",
        "fr": "Le contenu du guide comporte {count} erreur :",
    },
    "content_has_errors": {
        "en": "The guide's content has {count} errors:",
        "fr": "Le contenu du guide comporte {count} erreurs :",
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
        "en": "{what} is still marked as to be written: '{text}'",
        "fr": "{what} est encore marqué à rédiger : « {text} »",
    },
    "to_write_hint": {
        "en": "replace it with the text, in your own words, in this language",
        "fr": "remplacez-le par le texte, dans vos propres mots, dans cette langue",
    },
    "reference_unknown": {
        "en": "unknown {kind} '{value}'",
        "fr": "{kind} introuvable : « {value} »",
    },
    "reference_unknown_hint": {
        "en": "known {kinds}: {known}",
        "fr": "{kinds} possibles : {known}",
    },
    "reference_unknown_hint_close": {
        "en": "did you mean '{close}'? known {kinds}: {known}",
        "fr": "vouliez-vous dire « {close} » ? Les {kinds} possibles : {known}",
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
        "en": "{what} is empty (YAML reads '{found}' as no value)",
        "fr": "{what} est vide (YAML lit « {found} » comme une absence de valeur)",
    },
    "empty_value": {
        "en": "{what} is empty: nothing is written after the colon",
        "fr": "{what} est vide : rien n'est écrit après le deux-points",
    },
    "empty_value_hint": {
        "en": "write the text after the colon",
        "fr": "écrivez le texte après le deux-points",
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
    "draft_left_one": {
        "en": "{folder}: draft, not published; {count} text or source still to write:",
        "fr": "{folder} : brouillon, non publié ; {count} texte ou source encore à rédiger :",
    },
    "draft_left": {
        "en": "{folder}: draft, not published; {count} texts or sources still to write:",
        "fr": "{folder} : brouillon, non publié ; {count} textes ou sources encore à rédiger :",
    },
    "draft_done": {
        "en": "{folder}: draft, not published; nothing left to write: remove its line '{line}' to publish it",
        "fr": "{folder} : brouillon, non publié ; plus rien à rédiger : retirez sa ligne « {line} » pour le publier",
    },
    "draft_item_left_one": {
        "en": "{where}: the draft item '{id}', not published; {count} text or source still to write:",
        "fr": "{where} : l'élément en brouillon « {id} », non publié ; {count} texte ou source encore à rédiger :",
    },
    "draft_item_left": {
        "en": "{where}: the draft item '{id}', not published; {count} texts or sources still to write:",
        "fr": "{where} : l'élément en brouillon « {id} », non publié ; {count} textes ou sources encore à rédiger :",
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
    "draft_reference_left": {
        "en": "{owner} would have no {kind} left: {drafts} is a draft",
        "fr": "{owner} se retrouverait sans {kind} : {drafts} est un brouillon",
    },
    "draft_reference_left_hint": {
        "en": "name another {kind}, or finish the draft and remove its line '{line}'",
        "fr": "nommez un autre {kind}, ou terminez le brouillon et retirez sa ligne « {line} »",
    },
    "draft_references_left": {
        "en": "{owner} would have no {kind} left: {drafts} are drafts",
        "fr": "{owner} se retrouverait sans {kind} : {drafts} sont des brouillons",
    },
    "draft_references_left_hint": {
        "en": "name another {kind}, or finish one of the drafts and remove its line '{line}'",
        "fr": "nommez un autre {kind}, ou terminez l'un des brouillons et retirez sa ligne « {line} »",
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
    "competency_id_too_long": {
        "en": "the competency's id is {length} characters long, at most {limit}",
        "fr": "l'id de la compétence compte {length} caractères, au plus {limit}",
    },
    "competency_id_too_long_hint": {
        "en": "it names the competency's folder, the addresses of its pages and its files: "
              "write a shorter id, and rename the folder to it",
        "fr": "il nomme le dossier de la compétence, l'adresse de ses pages et ses fichiers : "
              "écrivez un id plus court, et renommez le dossier ainsi",
    },
    "competency_id_device": {
        "en": "the competency's id '{id}' is a name Windows keeps for a device",
        "fr": "l'id de la compétence, « {id} », est un nom que Windows réserve à un périphérique",
    },
    "competency_id_device_hint": {
        "en": "no folder or file can have that name on Windows ({names}): "
              "choose another id, of two words for instance; the competency's folder takes the same name",
        "fr": "aucun dossier ni fichier ne peut porter ce nom sous Windows ({names}) : "
              "choisissez un autre id, de deux mots par exemple ; le dossier de la compétence porte le même nom",
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
    # -- decoding: the type and form of a value --------------------------------------------------
    "tag_refused": {
        "en": "{what}: the tag '{tag}' is not allowed",
        "fr": "{what} : l'étiquette « {tag} » n'est pas permise",
    },
    "tag_refused_hint": {
        "en": "remove the '!!' tag; write plain text",
        "fr": "retirez l'étiquette « !! » ; écrivez du texte simple",
    },
    "not_record": {
        "en": "{what} must be a set of 'key: value' lines",
        "fr": "{what} doit être un ensemble de lignes « clé : valeur »",
    },
    "not_record_hint": {
        "en": "write the keys of {what} on their own indented lines",
        "fr": "écrivez les clés de {what} chacune sur sa ligne, en retrait",
    },
    "not_list": {
        "en": "{what} must be a list",
        "fr": "{what} doit être une liste",
    },
    "not_list_hint": {
        "en": "start each entry on its own line with '- '",
        "fr": "commencez chaque entrée sur sa ligne par « - »",
    },
    "empty_choices_hint": {
        "en": "add at least one entry, each on its own line starting with '- ' ({choices})",
        "fr": "ajoutez au moins une entrée, chacune sur sa ligne, commençant par « - » ({choices})",
    },
    "named_twice": {
        "en": "{what}: '{value}' is named twice",
        "fr": "{what} : « {value} » est nommé deux fois",
    },
    "keep_one_hint": {
        "en": "keep one of the two",
        "fr": "n'en gardez qu'un exemplaire",
    },
    "not_whole_number": {
        "en": "{what} must be a whole number written with digits",
        "fr": "{what} doit être un nombre entier écrit en chiffres",
    },
    "not_whole_number_found": {
        "en": "{what} must be a whole number written with digits (found '{found}')",
        "fr": "{what} doit être un nombre entier écrit en chiffres (trouvé : « {found} »)",
    },
    "not_whole_number_hint": {
        "en": "write digits only, e.g. 3 (no sign, no decimal point, no colon)",
        "fr": "écrivez seulement des chiffres, par exemple 3 (sans signe, sans virgule ni point, sans deux-points)",
    },
    "out_of_range": {
        "en": "{what} is {value}, outside {low} to {high}",
        "fr": "{what} vaut {value}, hors de l'intervalle de {low} à {high}",
    },
    "out_of_range_hint": {
        "en": "write a number from {low} to {high}",
        "fr": "écrivez un nombre de {low} à {high}",
    },
    "not_true_or_false": {
        "en": "{what} must be true or false",
        "fr": "{what} doit valoir true (vrai) ou false (faux)",
    },
    "not_true_or_false_hint": {
        "en": "write true or false",
        "fr": "écrivez true ou false",
    },
    "text_too_long": {
        "en": "{what} is {length:,} characters long, more than the {limit:,} a text of the guide may have",
        "fr": "{what} compte {length} caractères, plus que les {limit} permis pour un texte du guide",
    },
    "text_too_long_hint": {
        "en": "shorten it, or split it into several items",
        "fr": "raccourcissez-le, ou répartissez-le en plusieurs éléments",
    },
    "marks_stacked": {
        "en": "{what} stacks {count} accents or marks on one letter",
        "fr": "{what} empile {count} accents ou signes sur une seule lettre",
    },
    "marks_stacked_hint": {
        "en": "keep at most {limit} on a letter (Unicode's limit for text); delete the others, they were probably pasted",
        "fr": "gardez-en au plus {limit} par lettre (la limite d'Unicode pour un texte) ; supprimez les autres, "
              "ils ont sans doute été collés",
    },
    "blank_text": {
        "en": "{what} is empty",
        "fr": "{what} est vide",
    },
    "blank_text_hint": {
        "en": "write the text, or remove the key",
        "fr": "écrivez le texte, ou retirez la clé",
    },
    "invisible_character": {
        "en": "{what} contains an invisible character (U+{code}, {name})",
        "fr": "{what} contient un caractère invisible (U+{code}, « {name} »)",
    },
    "pasted_hint": {
        "en": "delete it and retype the text around it; it was probably pasted from another program",
        "fr": "supprimez-le et retapez le texte autour ; il a sans doute été collé depuis un autre programme",
    },
    "no_visible_character": {
        "en": "{what} has no visible character (only {shown})",
        "fr": "{what} n'a aucun caractère visible (seulement {shown})",
    },
    "no_visible_character_hint": {
        "en": "write the text with letters or digits; invisible characters alone show as nothing",
        "fr": "écrivez le texte avec des lettres ou des chiffres ; des caractères invisibles seuls ne s'affichent pas",
    },
    "html_in_text": {
        "en": "{what} contains HTML or a script: '{text}'",
        "fr": "{what} contient du HTML ou un script : « {text} »",
    },
    "html_in_text_hint": {
        "en": "write plain text; the guide does the formatting",
        "fr": "écrivez du texte simple ; le guide s'occupe de la mise en forme",
    },
    "bad_id": {
        "en": "{what}: '{value}' is not a valid id",
        "fr": "{what} : « {value} » n'est pas un id valide",
    },
    "bad_id_hint": {
        "en": "use lowercase letters, digits and single hyphens, e.g. {example}",
        "fr": "utilisez des lettres minuscules, des chiffres et des traits d'union simples, par exemple {example}",
    },
    "not_web_address": {
        "en": "{what}: '{value}' is not a web address",
        "fr": "{what} : « {value} » n'est pas une adresse web",
    },
    "not_web_address_hint": {
        "en": "give the full address starting with https://",
        "fr": "donnez l'adresse complète, qui commence par https://",
    },
    "web_address_characters": {
        "en": "{what}: '{value}' holds characters a web address cannot hold",
        "fr": "{what} : « {value} » contient des caractères qu'une adresse web ne peut pas contenir",
    },
    "web_address_characters_hint": {
        "en": "copy the address again from the browser's address bar; write a space, quote, brace, bar, caret, "
              "backtick or accent percent-encoded ({codes}), and '#' only once",
        "fr": "copiez de nouveau l'adresse depuis la barre d'adresse du navigateur ; écrivez une espace, un "
              "guillemet, une accolade, une barre verticale, un accent circonflexe, un accent grave ou une lettre "
              "accentuée sous leur forme encodée ({codes}), et « # » une seule fois",
    },
    "not_time": {
        "en": "{what}: '{value}' is not a time of day",
        "fr": "{what} : « {value} » n'est pas une heure",
    },
    "not_time_hint": {
        "en": "write hours and minutes on 24 hours, e.g. {example}",
        "fr": "écrivez les heures et les minutes sur 24 heures, par exemple {example}",
    },
    "not_version": {
        "en": "{what}: '{value}' is not a version number",
        "fr": "{what} : « {value} » n'est pas un numéro de version",
    },
    "not_version_hint": {
        "en": "write two or three whole numbers separated by dots, e.g. 1.0 or 2.1.3",
        "fr": "écrivez deux ou trois nombres entiers séparés par des points, par exemple 1.0 ou 2.1.3",
    },
    "not_date": {
        "en": "{what}: '{value}' is not a date",
        "fr": "{what} : « {value} » n'est pas une date",
    },
    "not_date_hint": {
        "en": "write the day as year-month-day, e.g. 2026-11-30",
        "fr": "écrivez le jour sous la forme année-mois-jour, par exemple 2026-11-30",
    },
    "not_a_choice": {
        "en": "{what}: '{value}' is not one of: {choices}",
        "fr": "{what} : « {value} » n'est pas l'un de ces mots : {choices}",
    },
    "not_a_choice_hint": {
        "en": "write one of: {choices}",
        "fr": "écrivez l'un de ces mots : {choices}",
    },
    "unknown_language": {
        "en": "{what}: unknown language '{value}'",
        "fr": "{what} : langue inconnue « {value} »",
    },
    "unknown_language_hint": {
        "en": "write en or fr",
        "fr": "écrivez en (anglais) ou fr (français)",
    },
    "not_language_tag": {
        "en": "{what}: '{value}' is not a language tag",
        "fr": "{what} : « {value} » n'est pas une étiquette de langue",
    },
    "not_language_tag_hint": {
        "en": "write the language in lowercase and, if wanted, the region in capitals, e.g. fr-CA",
        "fr": "écrivez la langue en minuscules et, si vous le souhaitez, la région en majuscules, par exemple fr-CA",
    },
    # -- the catalogue's folders and files -------------------------------------------------------
    "file_for_folder": {
        "en": "'{name}' is a file, where a competency's folder belongs",
        "fr": "« {name} » est un fichier, là où doit se trouver le dossier d'une compétence",
    },
    "file_for_folder_hint": {
        "en": "put it in a folder of its own: {path}",
        "fr": "mettez-le dans un dossier à lui : {path}",
    },
    "no_competency": {
        "en": "the catalogue has no competency",
        "fr": "le catalogue ne contient aucune compétence",
    },
    "no_competency_hint": {
        "en": "add a folder {folder} with a competency.yml ({command} writes one)",
        "fr": "ajoutez un dossier {folder} avec un fichier competency.yml ({command} en écrit un)",
    },
    "unknown_content_file": {
        "en": "unknown content file '{name}'",
        "fr": "fichier de contenu inconnu : « {name} »",
    },
    "unknown_content_file_hint": {
        "en": "files here are: {files} (lower case, ending in .yml); rename it or move it out of content_data/",
        "fr": "les fichiers de ce dossier sont : {files} (en minuscules, terminés par .yml) ; renommez-le "
              "ou sortez-le de content_data/",
    },
    "unknown_shared_file_hint": {
        "en": "files here are: {files} (lower case, ending in .yml); each competency is a folder under {folder}/; "
              "rename it or move it out of content_data/",
        "fr": "les fichiers de ce dossier sont : {files} (en minuscules, terminés par .yml) ; chaque compétence "
              "est un dossier sous {folder}/ ; renommez-le ou sortez-le de content_data/",
    },
    "symbolic_link": {
        "en": "'{name}' is a symbolic link; the guide reads only the files and folders in content_data/ itself",
        "fr": "« {name} » est un lien symbolique ; le guide ne lit que les fichiers et dossiers qui se trouvent "
              "dans content_data/ même",
    },
    "symbolic_link_folder_hint": {
        "en": "put the folder itself here, not a link to it "
              "(a link can point outside the repository, and git keeps the link, not what it points to)",
        "fr": "mettez ici le dossier lui-même, pas un lien vers lui "
              "(un lien peut mener hors du dépôt, et git garde le lien, pas ce vers quoi il mène)",
    },
    "symbolic_link_file_hint": {
        "en": "put the file itself here, not a link to it "
              "(a link can point outside the repository, and git keeps the link, not what it points to)",
        "fr": "mettez ici le fichier lui-même, pas un lien vers lui "
              "(un lien peut mener hors du dépôt, et git garde le lien, pas ce vers quoi il mène)",
    },
    "order_names_twice": {
        "en": "the competency '{id}' is named twice in order",
        "fr": "la compétence « {id} » est nommée deux fois dans order",
    },
    "order_names_twice_hint": {
        "en": "keep one of the two; the order lists each competency once",
        "fr": "n'en gardez qu'une ; order nomme chaque compétence une seule fois",
    },
    "group_names_twice": {
        "en": "the competency '{id}' is already in a group, at line {line} ({what})",
        "fr": "la compétence « {id} » est déjà dans un groupe, à la ligne {line} ({what})",
    },
    "group_names_twice_hint": {
        "en": "keep it in one group only, once; each group lists its own competencies",
        "fr": "gardez-la dans un seul groupe, une seule fois ; chaque groupe nomme ses propres compétences",
    },
    "name_taken": {
        "en": "the name '{name}' is already the name of the competency '{other}' ('{other_name}')",
        "fr": "le nom « {name} » est déjà celui de la compétence « {other} » (« {other_name} »)",
    },
    "name_reads_as": {
        "en": "the name '{name}' reads as the name of the competency '{other}' ('{other_name}')",
        "fr": "le nom « {name} » se lit comme celui de la compétence « {other} » (« {other_name} »)",
    },
    "name_taken_hint": {
        "en": "give each competency its own name, in English and in French, that reads differently "
              "(not only by case, by the width of its letters or by an invisible character)",
        "fr": "donnez à chaque compétence son propre nom, en anglais et en français, qui se lise autrement "
              "(pas seulement par les majuscules, la largeur des lettres ou un caractère invisible)",
    },
    "level_number": {
        "en": "unknown level {number}: levels are numbered 1 to {count}, in order",
        "fr": "niveau {number} inconnu : les niveaux sont numérotés de 1 à {count}, dans l'ordre",
    },
    "level_number_hint": {
        "en": "this is level {position} in the list; write {line}",
        "fr": "c'est le niveau {position} de la liste ; écrivez « {line} »",
    },
    # -- printed cards ---------------------------------------------------------------------------
    "card_code_taken": {
        "en": "'{id}' gets the card code {code}, already the code of '{other}'{where}",
        "fr": "« {id} » reçoit le code de carte {code}, qui est déjà celui de « {other} »{where}",
    },
    "card_code_taken_hint": {
        "en": "give one of the two items another id (codes are derived from ids)",
        "fr": "donnez un autre id à l'un des deux éléments (les codes sont tirés des id)",
    },
    "card_too_long": {
        "en": "'{id}': the {lang} text is {length} characters, too long for a printed card (at most {limit})",
        "fr": "« {id} » : le texte {lang} compte {length} caractères, trop pour une carte imprimée (au plus {limit})",
    },
    "card_too_long_hint": {
        "en": "add a shorter wording for cards under the item: {example}",
        "fr": "ajoutez sous l'élément une formulation plus courte pour les cartes : {example}",
    },
    "in_en": {"en": "en", "fr": "en anglais"},
    "in_fr": {"en": "fr", "fr": "en français"},
    # -- the ids a page uses ---------------------------------------------------------------------
    "id_twice_on_page": {
        "en": "the id '{id}' is used twice on the page {page}",
        "fr": "l'id « {id} » sert deux fois sur la page {page}",
    },
    "id_twice_on_page_section": {
        "en": "the id '{id}' is used twice on the page {page} (the page also uses it for one of its own sections)",
        "fr": "l'id « {id} » sert deux fois sur la page {page} (la page s'en sert aussi pour l'une de ses sections)",
    },
    "id_twice_on_page_section_hint": {
        "en": "give this item another id, e.g. with a word about what it is",
        "fr": "donnez un autre id à cet élément, par exemple avec un mot qui dit ce qu'il est",
    },
    "id_twice_on_page_hint": {
        "en": "a template or renderer writes this id twice; report it as a bug",
        "fr": "un gabarit ou un moteur de rendu écrit cet id deux fois ; signalez-le comme un bogue",
    },
    # -- translation reviews and releases --------------------------------------------------------
    "reviews_not_record": {
        "en": "the file must hold one record {example}",
        "fr": "le fichier doit contenir un seul objet {example}",
    },
    "review_unnamed": {
        "en": "a review must be named by its item's id, in quotes",
        "fr": "une relecture doit porter l'id de son élément, entre guillemets",
    },
    "review_twice": {
        "en": "the review of '{name}' is written twice",
        "fr": "la relecture de « {name} » est écrite deux fois",
    },
    "review_not_record": {
        "en": "the review of '{name}' must be a record {example}",
        "fr": "la relecture de « {name} » doit être un objet {example}",
    },
    "reviews_hint": {
        "en": "this file is written by {command}: restore it with {restore}, then record the review again",
        "fr": "ce fichier est écrit par {command} : rétablissez-le avec {restore}, puis enregistrez de nouveau "
              "la relecture",
    },
    "hint_or": {
        "en": "{hint}; or {other}",
        "fr": "{hint} ; ou bien {other}",
    },
    "release_text_too_long": {
        "en": "a text of {length:,} characters, over the {limit:,} a text may have",
        "fr": "un texte de {length} caractères, au-delà des {limit} permis pour un texte",
    },
    "release_marks_stacked": {
        "en": "more than {limit} marks stacked on one letter",
        "fr": "plus de {limit} signes empilés sur une seule lettre",
    },
    "release_left_out_hint": {
        "en": "a release is read as the content is; this one is left out",
        "fr": "une version publiée se lit comme le contenu ; celle-ci est laissée de côté",
    },
    # -- reading a file --------------------------------------------------------------------------
    "cannot_read": {
        "en": "the file cannot be read ({reason})",
        "fr": "le fichier ne peut pas être lu (« {reason} »)",
    },
    "cannot_read_hint": {
        "en": "check that it is a normal file you are allowed to read (not a folder, a broken link or a locked file)",
        "fr": "vérifiez que c'est un fichier ordinaire que vous avez le droit de lire "
              "(pas un dossier, un lien cassé ni un fichier verrouillé)",
    },
    "page_not_utf8": {
        "en": "the built page is not UTF-8 text",
        "fr": "la page construite n'est pas du texte en UTF-8",
    },
    "page_without_head": {
        "en": "the built page has no <head>, where its Content-Security-Policy belongs",
        "fr": "la page construite n'a pas de <head>, où sa politique de sécurité du contenu doit figurer",
    },
    "build_site_again": {
        "en": "build the site again, then run this step on it",
        "fr": "construisez le site à nouveau, puis relancez cette étape",
    },
    "not_utf8": {
        "en": "the file is not valid UTF-8",
        "fr": "le fichier n'est pas en UTF-8 valide",
    },
    "not_utf8_hint": {
        "en": "save the file with UTF-8 encoding",
        "fr": "enregistrez le fichier avec l'encodage UTF-8",
    },
    "yaml_error": {
        "en": "YAML error: {problem}",
        "fr": "erreur YAML : « {problem} »",
    },
    "yaml_error_hint": {
        "en": "check the file's encoding (UTF-8) and its characters",
        "fr": "vérifiez l'encodage du fichier (UTF-8) et ses caractères",
    },
    "file_empty": {
        "en": "the file is empty",
        "fr": "le fichier est vide",
    },
    "file_empty_hint": {
        "en": "restore its content or delete the file",
        "fr": "rétablissez son contenu ou supprimez le fichier",
    },
    "too_deep": {
        "en": "the lists and records here are nested more than {limit} levels deep",
        "fr": "les listes et les ensembles de clés sont ici imbriqués sur plus de {limit} niveaux",
    },
    "too_deep_hint": {
        "en": "a guide file needs a few levels only: look for '[' or '{{' that are repeated "
              "or never closed, or lines indented too far",
        "fr": "un fichier du guide n'a besoin que de quelques niveaux : cherchez des « [ » ou des « {{ » répétés "
              "ou jamais fermés, ou des lignes trop en retrait",
    },
    "file_too_big": {
        "en": "file is {size} bytes, over the {limit}-byte limit",
        "fr": "le fichier fait {size} octets, au-delà de la limite de {limit} octets",
    },
    "file_too_big_hint": {
        "en": "split the content into several files; a guide file should stay small",
        "fr": "répartissez le contenu en plusieurs fichiers ; un fichier du guide doit rester petit",
    },
    "file_contains": {
        "en": "the file contains {what}",
        "fr": "le fichier contient {what}",
    },
    "char_nul": {"en": "a NUL character", "fr": "un caractère NUL"},
    "char_vertical_tab": {
        "en": "a vertical tab (a soft line break pasted from Word)",
        "fr": "une tabulation verticale (un saut de ligne manuel collé depuis Word)",
    },
    "char_escape": {"en": "an escape character", "fr": "un caractère d'échappement"},
    "char_carriage_return": {
        "en": "a carriage return without a line feed (old Mac line ending)",
        "fr": "un retour chariot sans saut de ligne (fin de ligne des anciens Mac)",
    },
    "char_nel": {"en": "a NEL line break", "fr": "un saut de ligne NEL"},
    "char_line_separator": {"en": "a line separator (U+2028)", "fr": "un séparateur de ligne (U+2028)"},
    "char_paragraph_separator": {"en": "a paragraph separator (U+2029)", "fr": "un séparateur de paragraphe (U+2029)"},
    "char_control": {
        "en": "an invisible control character (U+{code})",
        "fr": "un caractère de contrôle invisible (U+{code})",
    },
    "line_endings_hint": {
        "en": "save the file with Unix (LF) line endings",
        "fr": "enregistrez le fichier avec des fins de ligne Unix (LF)",
    },
    # -- YAML syntax: what the editor did, and the parser's own words in French -----------------
    "yaml_alias_hint": {
        "en": "write the text out in full instead of reusing it with & and *",
        "fr": "écrivez le texte en entier au lieu de le réutiliser avec & et *",
    },
    "yaml_no_colon_hint": {
        "en": "write 'key: value' on this line; if it goes on from the text above, join it to that line "
              "or put the whole text in quotes",
        "fr": "écrivez « clé : valeur » sur cette ligne ; si elle prolonge le texte au-dessus, rattachez-la "
              "à cette ligne ou mettez tout le texte entre guillemets",
    },
    "yaml_close_hint": {
        "en": "close the '{open}' of line {line} with '{close}' (or put a text holding it in quotes)",
        "fr": "fermez par « {close} » le « {open} » de la ligne {line} (ou mettez entre guillemets le texte qui le contient)",
    },
    "yaml_backslash": {
        "en": "a backslash (\\) inside double quotes starts an escape such as \\n",
        "fr": "une barre oblique inversée (\\) entre guillemets doubles commence un échappement comme \\n",
    },
    "yaml_backslash_hint": {
        "en": "write \\\\ for a backslash, or put the text in single quotes ({example})",
        "fr": "écrivez \\\\ pour une barre oblique inversée, ou mettez le texte entre apostrophes ({example})",
    },
    "yaml_backslash_single_hint": {
        "en": "put the text in single quotes, where a backslash is just a backslash: {line}",
        "fr": "mettez le texte entre apostrophes, où une barre oblique inversée reste telle quelle : {line}",
    },
    "yaml_backslash_double_hint": {
        "en": "write \\\\ for each backslash: {line}",
        "fr": "écrivez \\\\ pour chaque barre oblique inversée : {line}",
    },
    "yaml_tag_start": {
        "en": "the text starts with '{char}', which YAML reads as a tag",
        "fr": "le texte commence par « {char} », que YAML lit comme une étiquette",
    },
    "yaml_comment_kept": {
        "en": "the text stops at '#': YAML reads the rest of the line as a comment, so only '{kept}' is kept",
        "fr": "le texte s'arrête à « # » : YAML lit la suite de la ligne comme un commentaire, "
              "et seul « {kept} » est gardé",
    },
    "yaml_comment_empty": {
        "en": "the text stops at '#': YAML reads the rest of the line as a comment, so the text is empty",
        "fr": "le texte s'arrête à « # » : YAML lit la suite de la ligne comme un commentaire, "
              "et le texte est vide",
    },
    "yaml_quote_any_hint": {
        "en": "put this text in quotes ({example})",
        "fr": "mettez ce texte entre guillemets ({example})",
    },
    "yaml_quote_start": {
        "en": "the text starts with a quote, so YAML expects it to end at the closing quote",
        "fr": "le texte commence par un guillemet : YAML s'attend donc à ce qu'il finisse au guillemet fermant",
    },
    "yaml_reserved_start": {
        "en": "the text starts with {char}, which YAML reserves for its own syntax",
        "fr": "le texte commence par {char}, que YAML réserve à sa propre syntaxe",
    },
    "backtick": {"en": "a backtick (`)", "fr": "un accent grave (`)"},
    "yaml_parser_words": {"en": "{problem}", "fr": "« {problem} »"},
    # PyYAML's (libyaml's) own problems, word for word in English: ``parser_problem`` looks them up.
    "parser_dash": {
        "en": "did not find expected '-' indicator",
        "fr": "un tiret « - » d'entrée de liste était attendu ici",
    },
    "parser_key": {
        "en": "did not find expected key",
        "fr": "une clé était attendue ici",
    },
    "parser_colon": {
        "en": "could not find expected ':'",
        "fr": "le deux-points « : » qui suit une clé manque",
    },
    "parser_mapping_values": {
        "en": "mapping values are not allowed in this context",
        "fr": "un deux-points « : » ne peut pas se trouver ici",
    },
    "parser_mapping_values_here": {
        "en": "mapping values are not allowed here",
        "fr": "un deux-points « : » ne peut pas se trouver ici",
    },
    "parser_entries": {
        "en": "block sequence entries are not allowed in this context",
        "fr": "une entrée de liste « - » ne peut pas commencer ici",
    },
    "parser_token": {
        "en": "found character that cannot start any token",
        "fr": "un caractère ne peut commencer aucun élément YAML ici",
    },
    "parser_node": {
        "en": "did not find expected node content",
        "fr": "une valeur était attendue ici",
    },
    "parser_end": {
        "en": "found unexpected end of stream",
        "fr": "le fichier se termine trop tôt",
    },
    "parser_bracket": {
        "en": "did not find expected ',' or ']'",
        "fr": "une virgule « , » ou un crochet fermant « ] » était attendu",
    },
    "parser_brace": {
        "en": "did not find expected ',' or '}}'",
        "fr": "une virgule « , » ou une accolade fermante « }} » était attendue",
    },
    "parser_document_start": {
        "en": "did not find expected <document start>",
        "fr": "une ligne « --- » de début de document était attendue",
    },
    "parser_colon_unexpected": {
        "en": "found unexpected ':'",
        "fr": "un deux-points « : » inattendu",
    },
    "parser_tag_handle": {
        "en": "found undefined tag handle",
        "fr": "une étiquette « ! » inconnue",
    },
    "parser_comment_or_break": {
        "en": "did not find expected comment or line break",
        "fr": "seuls un commentaire ou une fin de ligne peuvent suivre ici",
    },
    "parser_whitespace_or_break": {
        "en": "did not find expected whitespace or line break",
        "fr": "une espace ou une fin de ligne était attendue ici",
    },
    "parser_alphanumeric": {
        "en": "did not find expected alphabetic or numeric character",
        "fr": "une lettre ou un chiffre était attendu ici (après « & », « * » ou « ! »)",
    },
    "parser_non_alphabetical": {
        "en": "found unexpected non-alphabetical character",
        "fr": "un caractère inattendu, ni lettre ni chiffre, se trouve ici",
    },
    "parser_directive": {
        "en": "could not find expected directive name",
        "fr": "un nom de directive était attendu après « % »",
    },
    "parser_another_document": {
        "en": "but found another document",
        "fr": "le fichier contient un second document (après une ligne « --- »)",
    },
    "parser_anchors": {
        "en": "anchors and aliases (&name, *name) are not allowed",
        "fr": "les ancres et les alias (&nom, *nom) ne sont pas permis",
    },
    # -- the terminal: make check, make competency, make reviewed, make release, the preview ------
    "content_valid": {
        "en": "content_data is valid: {count} texts in English and French.",
        "fr": "content_data est valide : {count} textes en anglais et en français.",
    },
    "preview_keeps_last": {
        "en": "The preview keeps showing the last valid content until the file is fixed.",
        "fr": "L'aperçu continue de montrer le dernier contenu valide jusqu'à ce que le fichier soit corrigé.",
    },
    "open_data_failed": {
        "en": "The open-data files could not be written: {error}",
        "fr": "Les fichiers de données ouvertes n'ont pas pu être écrits : {error}",
    },
    "competency_usage": {
        "en": "usage: {command}   (lowercase letters, digits and hyphens, e.g. {example})",
        "fr": "utilisation : {command}   (lettres minuscules, chiffres et traits d'union, par exemple {example})",
    },
    "competency_bad_id": {
        "en": "{id} is not an id: nothing was written.",
        "fr": "{id} n'est pas un id : rien n'a été écrit.",
    },
    "competency_id_refused": {
        "en": "{what}: nothing was written.",
        "fr": "{what} : rien n'a été écrit.",
    },
    "competency_exists": {
        "en": "{folder} already exists: choose another id",
        "fr": "{folder} existe déjà : choisissez un autre id",
    },
    "competency_not_written": {
        "en": "{folder} could not be written ({error}): nothing was written.",
        "fr": "{folder} n'a pas pu être écrit ({error}) : rien n'a été écrit.",
    },
    "competency_not_written_hint": {
        "en": "check that you may write in the project's folder, and that no folder of that name has appeared",
        "fr": "vérifiez que vous pouvez écrire dans le dossier du projet, et qu'aucun dossier de ce nom n'est apparu",
    },
    "competency_written": {
        "en": "wrote {file}: replace every {marks} text, then run {check} (add {files} by copying them "
              "from another competency if it has them)",
        "fr": "{file} est écrit : remplacez chaque texte {marks}, puis lancez {check} (ajoutez {files} en les "
              "copiant depuis une autre compétence qui en a)",
    },
    "reviewed_usage": {
        "en": "usage: {command}   (several: {several})",
        "fr": "utilisation : {command}   (plusieurs : {several})",
    },
    "reviewed_fix_first": {
        "en": "Fix the content first, then record the review.",
        "fr": "Corrigez d'abord le contenu, puis enregistrez la relecture.",
    },
    "reviewed_unknown": {
        "en": "unknown item {name}",
        "fr": "élément inconnu : {name}",
    },
    "reviewed_unknown_close": {
        "en": "unknown item {name}; did you mean '{close}'?",
        "fr": "élément inconnu : {name} ; vouliez-vous dire « {close} » ?",
    },
    "reviewed_nothing": {
        "en": "Nothing was recorded.",
        "fr": "Rien n'a été enregistré.",
    },
    "reviewed_recorded": {
        "en": "recorded: '{name}' reviewed on {day}",
        "fr": "enregistré : « {name} » relu le {day}",
    },
    "reviewed_recorded_unflagged": {
        "en": "recorded: '{name}' reviewed on {day} (it was not flagged; recorded anyway)",
        "fr": "enregistré : « {name} » relu le {day} (il n'était pas signalé ; enregistré quand même)",
    },
    "reviewed_commit": {
        "en": "Commit {file} with your change.",
        "fr": "Validez (commit) {file} avec votre modification.",
    },
    "release_usage": {
        "en": "usage: {command}   (optionally {date})",
        "fr": "utilisation : {command}   (et, si vous le souhaitez, {date})",
    },
    "release_bad_version": {
        "en": "{version} is not a version number: write two or three numbers separated by dots, e.g. {example}",
        "fr": "{version} n'est pas un numéro de version : écrivez deux ou trois nombres séparés par des points, "
              "par exemple {example}",
    },
    "release_bad_date": {
        "en": "{day} is not a date: write {form}, e.g. {example}",
        "fr": "{day} n'est pas une date : écrivez {form}, par exemple {example}",
    },
    "release_uncommitted": {
        "en": "There are uncommitted changes: commit them (or stash them) first, so that the release "
              "is exactly what the tag records.",
        "fr": "Des modifications ne sont pas validées : validez-les (commit) ou mettez-les de côté (stash) d'abord, "
              "pour que la version publiée soit exactement ce que l'étiquette enregistre.",
    },
    "release_not_after": {
        "en": "Version {version} is not after the latest release ({previous}): choose a higher number.",
        "fr": "La version {version} ne suit pas la dernière version publiée ({previous}) : choisissez un numéro "
              "plus grand.",
    },
    "release_git_failed": {
        "en": "git {command} failed: {reason}",
        "fr": "git {command} a échoué : {reason}",
    },
    "release_nothing": {
        "en": "Nothing was released.",
        "fr": "Rien n'a été publié.",
    },
    "release_fix_first": {
        "en": "Nothing was released: fix the content first.",
        "fr": "Rien n'a été publié : corrigez d'abord le contenu.",
    },
    "release_no_line": {
        "en": "{file}: no '{key}:' line to update; add one (see the comment at the top)",
        "fr": "{file} : aucune ligne « {key}: » à mettre à jour ; ajoutez-en une (voir le commentaire en tête du fichier)",
    },
    "release_done": {
        "en": "Released {version} ({day}): tagged {tag}. Publish it with: {command}",
        "fr": "Version {version} publiée ({day}) : étiquette {tag}. Publiez-la avec : {command}",
    },
    "release_left_out": {
        "en": "What changed leaves out release {tag}: {error}",
        "fr": "« Ce qui a changé » laisse de côté la version {tag} : {error}",
    },
    # Values, so written with their typography: "l’anglais" (elided), "le français".
    "the_english": {"en": "the English", "fr": "l’anglais"},
    "the_french": {"en": "the French", "fr": "le français"},
    "translation_stale": {
        "en": "{where}: '{item}': {newer} changed on {newer_date}, after {older} ({older_date}); "
              "check that {older} still says the same",
        "fr": "{where} : « {item} » : {newer} a changé le {newer_date}, après {older} ({older_date}) ; "
              "vérifiez que {older} dit toujours la même chose",
    },
    "translation_stale_uncommitted": {
        "en": "{where}: '{item}': {newer} changed and is not yet committed, after {older} ({older_date}); "
              "check that {older} still says the same",
        "fr": "{where} : « {item} » : {newer} a changé et n'est pas encore validé, après {older} ({older_date}) ; "
              "vérifiez que {older} dit toujours la même chose",
    },
    "translation_warning": {"en": "WARNING translation: {stale}", "fr": "AVERTISSEMENT traduction : {stale}"},
    "translation_unknown": {
        "en": "translation status unknown: no git history here",
        "fr": "état des traductions inconnu : pas d'historique git ici",
    },
    "translation_in_step": {
        "en": "translations: every item's English and French were last changed together",
        "fr": "traductions : l'anglais et le français de chaque élément ont été modifiés ensemble la dernière fois",
    },
    "pages_have_problems_one": {
        "en": "The built site has {count} page problem:",
        "fr": "Le site construit comporte {count} problème de page :",
    },
    "pages_have_problems": {
        "en": "The built site has {count} page problems:",
        "fr": "Le site construit comporte {count} problèmes de pages :",
    },
    "pages_finished_one": {"en": "{count} page finished in {site}", "fr": "{count} page terminée dans {site}"},
    "pages_finished": {"en": "{count} pages finished in {site}", "fr": "{count} pages terminées dans {site}"},
    "site_not_a_folder": {
        "en": "{site}: not a folder; give the built site's folder, e.g. {example}",
        "fr": "{site} : ce n'est pas un dossier ; donnez le dossier du site construit, par exemple {example}",
    },
    "site_unreadable": {
        "en": "{path}: {reason}; check the folder's permissions",
        "fr": "{path} : {reason} ; vérifiez les droits du dossier",
    },
    # The commands are values: typography never touches them.
    "markdown_written": {
        "en": "{count} pages and a hook-free mkdocs.yml written to {folder}; build them with: {build}; "
              "then give the built pages the hooks' passes (policy, tooltips, page scripts): {finish}",
        "fr": "{count} pages et un mkdocs.yml sans hooks écrits dans {folder} ; construisez-les avec : {build} ; "
              "puis donnez aux pages construites les passes des hooks (politique de sécurité, infobulles, "
              "scripts des pages) : {finish}",
    },
    "markdown_out_unwritable": {
        "en": "OUT={out}: cannot be written ({reason}: {file}); choose another folder",
        "fr": "OUT={out} : impossible d'y écrire ({reason} : {file}) ; choisissez un autre dossier",
    },
    # What stops `make markdown` (guide.exports.markdown.ExportError).
    "export_link_no_page": {
        "en": "{page}: links to {target}, which has no page in {lang}",
        "fr": "{page} : renvoie à {target}, qui n'a pas de page en {lang}",
    },
    "export_config_unreadable": {
        "en": "{path}: cannot be read ({reason}); run from the project's folder",
        "fr": "{path} : illisible ({reason}) ; lancez la commande depuis le dossier du projet",
    },
    "export_config_too_large": {
        "en": "{path}: larger than {limit} bytes; is it the project's mkdocs.yml?",
        "fr": "{path} : plus de {limit} octets ; est-ce bien le mkdocs.yml du projet ?",
    },
    "export_config_not_utf8": {
        "en": "{path}: not UTF-8 text; save it as UTF-8",
        "fr": "{path} : ce n'est pas du texte UTF-8 ; enregistrez-le en UTF-8",
    },
    "export_config_not_yaml": {
        "en": "{where}: not valid YAML ({problem}); fix the line",
        "fr": "{where} : YAML non valide ({problem}) ; corrigez la ligne",
    },
    "export_config_no_nav": {
        "en": "{path}: needs a mapping with a nav: list, as the project's mkdocs.yml has",
        "fr": "{path} : il faut un dictionnaire avec une liste nav:, comme dans le mkdocs.yml du projet",
    },
    "export_out_in_sources": {
        "en": "OUT={out}: inside the project's sources; choose a folder outside docs/, content_data/ and hooks/, "
              "e.g. OUT=markdown-export",
        "fr": "OUT={out} : dans les sources du projet ; choisissez un dossier hors de docs/, content_data/ et "
              "hooks/, par exemple OUT=markdown-export",
    },
    "export_out_a_file": {
        "en": "OUT={out}: is a file, not a folder; choose another OUT",
        "fr": "OUT={out} : c'est un fichier, pas un dossier ; choisissez un autre OUT",
    },
    "export_out_not_empty": {
        "en": "OUT={out}: a folder that holds other files and no earlier export; choose a new or empty folder",
        "fr": "OUT={out} : un dossier qui contient d'autres fichiers et aucun export précédent ; "
              "choisissez un dossier nouveau ou vide",
    },
    "export_generator_unknown": {
        "en": "GENERATOR={generator}: unknown; use {first} or {second}",
        "fr": "GENERATOR={generator} : inconnu ; utilisez {first} ou {second}",
    },
    "export_block_unknown": {
        "en": "{page}: {problem}",
        "fr": "{page} : {problem}",
    },
    "quiet_seconds_ignored": {
        "en": "{name}={value} is not a number of seconds from 0 to 3600: the preview waits {default} s",
        "fr": "{name}={value} n'est pas un nombre de secondes de 0 à 3600 : l'aperçu attend {default} s",
    },
    "hint_line": {"en": "hint: {hint}", "fr": "conseil : {hint}"},
}


class Said(str):
    """A message: the English text as the string itself, the French beside it."""

    fr: str

    def __new__(cls, en: str, fr: str) -> Self:
        made = super().__new__(cls, en)
        made.fr = fr
        return made

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return str(self), self.fr  # a copy or a pickle keeps the French

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else str(self)


NO_HINT = Said("", "")


def said(message: str, /, **values: object) -> Said:
    """The message named ``message`` with its values, in both languages."""
    templates = MESSAGES[message]
    french = {name: value.fr if isinstance(value, Said) else value for name, value in values.items()}
    return Said(templates["en"].format(**values), for_language(templates["fr"], "fr").format(**french))


# The kinds of items a reference names (``Marker`` kinds), singular and plural, in both languages.
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "source": {"en": ("source", "sources"), "fr": ("source", "sources")},
    "tip": {"en": ("tip", "tips"), "fr": ("conseil", "conseils")},
    "obstacle": {"en": ("obstacle", "obstacles"), "fr": ("obstacle", "obstacles")},
    "competency": {"en": ("competency", "competencies"), "fr": ("compétence", "compétences")},
    "scale dimension": {"en": ("scale dimension", "scale dimensions"),
                        "fr": ("dimension de l'échelle", "dimensions de l'échelle")},
}


def kind_name(kind: str, plural: bool = False) -> Said:
    """A kind of item as a reader names it; an unlisted kind keeps its name (and an English plural)."""
    names = KINDS.get(kind, {"en": (kind, f"{kind}s"), "fr": (kind, f"{kind}s")})
    return Said(names["en"][plural], names["fr"][plural])


def parser_problem(problem: str) -> Said:
    """PyYAML's own words for a syntax error, in French when the catalogue knows them, else quoted."""
    for key, texts in MESSAGES.items():
        if key.startswith("parser_") and problem == texts["en"].replace("{{", "{").replace("}}", "}"):
            return said(key)
    return said("yaml_parser_words", problem=problem)


def in_language(message: str, lang: str) -> tuple[str, str]:
    """A message in ``lang`` when the catalogue has it, and the language it is really in."""
    if isinstance(message, Said):
        return message.get(lang), lang
    return message, "en"


def counted(message: str, /, count: int, **values: object) -> Said:
    """``said`` for a number of things: the message's ``_one`` form for one (no "error(s)")."""
    return said(f"{message}_one" if count == 1 else message, count=count, **values)


def say(message: str, /, **values: object) -> str:
    """The message named ``message`` in the language the editor chose, for the terminal."""
    return said(message, **values).get(editor_language())


def editor_language() -> str:
    """The language the terminal speaks to the editor: ``GUIDE_LANG``, English by default."""
    wanted = os.environ.get(LANGUAGE_ENV, "en").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else "en"
