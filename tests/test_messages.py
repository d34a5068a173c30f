"""Messages in the editor's language: one catalogue, both languages, the banner and the terminal.

The mistakes an editor meets most (a missing language, an unknown source, a
text still to write, a YAML indentation slip) are reported in French on a
French page and in the terminal when ``GUIDE_LANG=fr``; English otherwise.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, make_check

COMPETENCY = "competencies/collaboration/competency.yml"
# Mistakes an editor meets, each with the English words that must not reach a French reader.
MISTAKES = {
    "missing French": ("    fr: Travailler à des objectifs partagés.\n", ""),
    "unknown source": ("  - id: adopt-understand-goals\n    source: competency-sheet\n",
                       "  - id: adopt-understand-goals\n    source: competency-shet\n"),
    "to write": ("    en: Keeping information to yourself.\n", "    en: \"TO WRITE (avoid)\"\n"),
}


def test_every_message_has_both_languages_with_the_same_places():
    from guide.content.messages import MESSAGES

    assert len(MESSAGES) >= 30
    for key, texts in MESSAGES.items():
        assert set(texts) == {"en", "fr"}, key
        assert texts["en"].strip() and texts["fr"].strip() and texts["en"] != texts["fr"], key
        places = [{name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name} for lang in ("en", "fr")]
        # The parser's own English words are left out of the French; every other value is in both.
        assert places[0] - {"parser"} == places[1], f"{key}: {places}"


# Mistakes in other files, for the banner: a value of the wrong type, and YAML that does not parse
# (PyYAML's own words, "did not find expected ',' or '}'", which the catalogue puts in French).
ELSEWHERE = {
    "wrong type": ("competencies/collaboration/workshop.yml", "    minutes: 5\n", "    minutes: 0x19\n"),
    "YAML syntax": ("glossary.yml", '    forms: {en: "partner, partners", fr: "partenaire, partenaires"}\n',
                    '    forms: {en: "partner, partners", fr: "partenaire, partenaires"\n'),
}


def _broken(tmp_path: Path, *names: str) -> Path:
    project = copy_project(tmp_path / "project")
    for name in names:
        file, old, new = ELSEWHERE[name] if name in ELSEWHERE else (COMPETENCY, *MISTAKES[name])
        path = project / "content_data" / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, name
        path.write_text(text.replace(old, new), encoding="utf-8")
    return project


def _errors(project: Path):
    from guide.content.errors import ContentInvalid
    from guide.content.loader import load_guide

    with pytest.raises(ContentInvalid) as caught:
        load_guide(project / "content_data")
    return caught.value.errors


def test_the_terminal_speaks_the_language_the_editor_chooses(tmp_path):
    project = _broken(tmp_path, *MISTAKES)
    said = {}
    for lang in ("en", "fr", ""):
        check = make_check(project, GUIDE_LANG=lang)
        assert check.returncode == 1 and "Traceback" not in check.stderr
        said[lang] = check.stderr
    assert said[""] == said["en"]  # English unless the editor says otherwise
    assert "the key 'fr' is missing" in said["en"] and "unknown source 'competency-shet'" in said["en"]
    assert "la clé « fr » manque" in said["fr"].replace("\u00a0", " ")
    assert "source introuvable : « competency-shet »" in said["fr"].replace("\u00a0", " ")
    assert "encore marqué à rédiger" in said["fr"]
    for english in ("is missing", "unknown source", "still marked", "hint:", "add a line", "did you mean"):
        assert english not in said["fr"], english


@pytest.mark.parametrize("mistake", [
    # A behaviour's French key one space short of its siblings.
    ("    fr: Travailler à des objectifs partagés.\n", "   fr: Travailler à des objectifs partagés.\n",
     4, "    fr: Travailler à des objectifs partagés."),
    # A list entry one space short of the entries above it.
    ("  - id: adopt-understand-goals\n", " - id: adopt-understand-goals\n", 2, "  - id: adopt-understand-goals"),
    # A key one space too far in, read as the text above it going on.
    ("    en: Working in silos.\n", "     en: Working in silos.\n", 4, "    en: Working in silos."),
])
def test_an_indentation_slip_is_shown_with_the_indentation_expected(tmp_path, mistake):
    old, new, spaces, fixed = mistake
    project = copy_project(tmp_path / "project")
    path = project / "content_data" / COMPETENCY
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    [error] = _errors(project)
    line = text[: text.index(old)].count("\n") + 1
    assert (error.file, error.line) == (f"content_data/{COMPETENCY}", line)
    assert error.message.startswith("YAML syntax error: ")
    assert error.hint == f"indent it by {spaces} spaces, like this: {fixed}"
    assert error.hint.fr.startswith(f"indentez-la de {spaces} espaces")


def test_the_banner_on_a_french_page_has_no_english_sentence(tmp_path, browser):
    """Read as a French editor reads it: the banner's innerText, in a real browser."""
    from guide.content.loader import load_guide
    from guide.content.messages import MESSAGES
    from guide.render.preview_errors import preview_banner

    errors = _errors(_broken(tmp_path, *MISTAKES, *ELSEWHERE))
    labels = load_guide(ROOT / "content_data").labels
    page = browser.new_page()
    page.set_content(f'<html lang="fr"><body>{preview_banner(errors, labels, "fr")}</body></html>')
    shown = page.locator(".guide-preview-errors").inner_text()
    page.close()
    assert len(errors) == 5 and shown.count("content_data/") == 5, shown
    english = [MESSAGES[key]["en"].split("{")[0].strip() for key in MESSAGES]
    english = [words for words in english if len(words.split()) >= 2]
    found = [words for words in english if words in shown]
    found += re.findall(r"\b(?:the|is|are|add|missing|unknown|still|known|replace|with|must|did|not|find|"
                        r"expected|written|digits|syntax|error|check)\b", shown)
    assert not found, f"English on a French page: {found}\n{shown}"
    assert "manque" in shown and "introuvable" in shown and "à rédiger" in shown
    assert "doit être un nombre entier écrit en chiffres" in shown  # the wrong type
    assert "erreur de syntaxe YAML" in shown and "accolade fermante" in shown  # PyYAML's words, in French
