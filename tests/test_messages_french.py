"""No English reaches a French editor: every mistake of the bad-input corpus, read in French.

Each fixture under tests/fixtures/bad/ (and a few mistakes no fixture can write:
a file that is empty, not UTF-8, unreadable) is loaded the way ``make check``
loads it; every message and hint it gives must exist in French, differ from the
English and hold no common English word once the values quoted from the
editor's own files are set aside. And a guard: every ``ContentError`` in
hooks/guide is made from the catalogue, so no new message can be English only.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from bad_input import all_fixtures, broken_copy
from conftest import ROOT

from guide.content.errors import ContentError, ContentInvalid

# Words a French sentence never holds; values (file names, ids, quoted texts) are set aside first.
ENGLISH = re.compile(r"\b(?:the|is|are|must|not|with|this|that|cannot|can|should|which|found|expected|write|add|"
                     r"its|of|to|and|or|only|here|allowed|unknown|missing|empty|be|has|have|file|line|"
                     r"did|does|you|your|use|keep|remove|than|more|too|long|twice|already|named|"
                     r"characters?|please|check|text|number|whole)\b", re.IGNORECASE)
# What a message quotes from the editor's files or the parser, left as written: « … », '…', `…`, paths, ids.
_VALUES = re.compile(r"«[^»]*»|'[^']*'|\"[^\"]*\"|`[^`]*`|\S*[-/_.\[\]<>=]\S*|\bU\+[0-9A-F]+\b")


def english_in(french: str, english: str) -> list[str]:
    """The English a French message still holds (empty when it is French)."""
    if not english:
        return []
    if french == english:
        return [f"the English text itself: {english}"]
    return ENGLISH.findall(_VALUES.sub(" ", french))


def _errors_of(content: Path) -> list[ContentError]:
    """What ``make check`` reports for ``content``: the load, then the ids the pages use twice."""
    from guide.content.loader import load_guide
    from guide.site.page_ids import rendered_id_errors, site_markdown

    try:
        guide = load_guide(content, drafts=True)
    except ContentInvalid as exc:
        return exc.errors
    return rendered_id_errors(guide, ROOT / "docs", site_markdown(ROOT / "mkdocs.yml"))


def _assert_french(errors: list[ContentError]) -> None:
    assert errors
    found = []
    for error in errors:
        for part in (error.message, error.hint):
            french = getattr(part, "fr", None)
            if french is None:
                found.append(f"{error.file}:{error.line}: no French at all: {part}")
            elif english_in(french, str(part)):
                found.append(f"{error.file}:{error.line}: {english_in(french, str(part))} in {french!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("fixture", all_fixtures(), ids=lambda p: p.stem)
def test_every_mistake_of_the_corpus_is_told_in_french(fixture, tmp_path):
    content, _ = broken_copy(fixture, ROOT / "content_data", tmp_path / "content_data")
    _assert_french(_errors_of(content))


# Mistakes a fixture cannot write (bytes that are not UTF-8, nothing at all) or only a machine makes.
RAW = {
    "empty": b"",
    "comments only": b"# nothing yet\n",
    "not UTF-8": b"sources:\n  - id: caf\xe9\n",
    "too deep": b"a: " + b"[" * 70 + b"]" * 70 + b"\n",
    "two documents": b"sources: []\n---\nsources: []\n",
    "an alias": b"a: &x [1]\nb: *x\n",
    "not a record": b"- one\n- two\n",
    "a number": b"sources:\n  - id: 3\n",
    "PyYAML's own words": b"sources:\n  - id: x\n   url: y\n",
    "a key with no value in a list": b"sources:\n- id: x\n  - y\n",
    "a tab": b"sources:\n\t- id: x\n",
    "a stray quote": b"sources:\n  - id: x\n    title: {en: 'a, fr: b}\n",
    "a tag": b"sources: !!python/object:os.system []\n",
    "a line without a colon": b"sources:\n  - id: x\n    title: Work towards\nshared objectives.\n    url: y\n",
    "after a quoted text": b'sources:\n  - id: "x" y\n',
    "a directive": b"%\nsources: []\n",
    "an empty key": b"sources:\n  - id: x\n    publisher:\n      en: x\n      fr:\n",
}


def test_an_empty_key_says_nothing_is_written_after_the_colon_in_french():
    """YAML reads ``fr:`` with nothing after it as no value: the message says so in the editor's
    words, with no English word quoted as if it were what they wrote."""
    from guide.content.yaml_nodes import read_yaml
    from guide.content.decode import Decoder

    root, _ = read_yaml("fr:\n", "f.yml")
    decoder = Decoder("f.yml")
    decoder.decode(root.value[0][1], str, "x.fr")
    [error] = decoder.found.errors
    assert "nothing" not in error.message.fr and "nothing" not in error.hint.fr
    assert error.message.fr == "x.fr est vide\u00a0: rien n\u2019est écrit après le deux-points"
    assert error.hint.fr == "écrivez le texte après le deux-points"
    assert error.message == "x.fr is empty: nothing is written after the colon"


def test_a_line_with_no_colon_is_shown_itself_with_a_hint_in_both_languages():
    """PyYAML notices the line after ("could not find expected ':'"); the editor must see the line
    that lacks it, and how to fix it, in their language."""
    from guide.content.yaml_nodes import read_yaml

    _, [error] = read_yaml("a:\n  en: Work towards\nshared objectives.\n  fr: x\n", "f.yml")
    assert (error.line, error.column) == (3, 1)
    assert error.message == "YAML syntax error: could not find expected ':'"
    assert error.hint.startswith("write 'key: value' on this line")
    assert error.message.fr.startswith("erreur de syntaxe YAML") and error.hint.fr.startswith("écrivez «\u00a0clé")


@pytest.mark.parametrize("name", RAW)
def test_a_file_the_parser_refuses_is_told_in_french(name, tmp_path):
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    (content / "sources.yml").write_bytes(RAW[name])
    _assert_french(_errors_of(content))


def test_an_unreadable_file_is_told_in_french(tmp_path, monkeypatch):
    content = tmp_path / "content_data"
    shutil.copytree(ROOT / "content_data", content)
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "tips.yml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _assert_french(_errors_of(content))


def test_the_check_itself_finds_english():
    """The detector, on sentences of both kinds: it must not pass an English one."""
    assert english_in("the file is empty", "the file is empty")
    assert english_in("le fichier is empty", "the file is empty")
    assert english_in("YAML : did not find expected '-' indicator", "YAML error")
    assert not english_in("le fichier « the file » est vide", "the file is empty")
    assert not english_in("competency.adopt[1].en doit être un texte", "competency.adopt[1].en must be a text")


def _content_error_calls() -> list[tuple[str, int, str]]:
    """Every ``ContentError(...)`` and ``.error(...)`` call in hooks/guide whose message or hint is
    not a ``said(...)`` call or a name (a name holds one: mypy checks its type)."""
    found = []
    for path in sorted((ROOT / "hooks" / "guide").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name == "ContentError":
                parts = node.args[3:5] + [k.value for k in node.keywords if k.arg in ("message", "hint")]
            elif name == "error" and getattr(node.func, "value", None) is not None and \
                    ast.unparse(node.func.value) not in ("log", "logger", "logging"):  # a log line is not an error
                parts = node.args[:2] + [k.value for k in node.keywords if k.arg in ("message", "hint")]
            else:
                continue
            for part in parts:
                if not _told(part):
                    found.append((str(path.relative_to(ROOT)), node.lineno, ast.unparse(part)[:80]))
    return found


def _told(part: ast.expr) -> bool:
    """Not a text written in place: a ``said(...)`` call, a name or a call giving a ``Said`` (mypy and
    ``ContentError`` check which), or a choice between such; never a literal, an f-string, a sum
    of texts or a text's method (``.format``, ``.join``…), which would all be English only."""
    if isinstance(part, ast.IfExp):
        return _told(part.body) and _told(part.orelse)
    if isinstance(part, ast.Call):
        called = part.func.id if isinstance(part.func, ast.Name) else part.func.attr
        return called not in ("str", "format", "join", "replace", "strip", "removeprefix", "removesuffix")
    return isinstance(part, (ast.Name, ast.Attribute))


def test_every_content_error_is_made_from_the_catalogue():
    assert not _content_error_calls(), "\n".join(map(str, _content_error_calls()))


def test_a_content_error_refuses_a_message_not_from_the_catalogue():
    from guide.content.messages import said

    with pytest.raises(TypeError):
        ContentError("f.yml", 1, 1, "an English sentence", said("key_twice_hint"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ContentError("f.yml", 1, 1, said("key_twice_hint"), "an English hint")  # type: ignore[arg-type]


# What the editor's commands print when they refuse, run as make runs them.
COMMANDS = {
    "make competency, a bad id": ["scripts/new_competency.py", "Not An Id"],
    "make competency, a folder that exists": ["scripts/new_competency.py", "collaboration"],
    "make competency, no id": ["scripts/new_competency.py"],
    "make competency, a Windows device name": ["scripts/new_competency.py", "aux"],
    "make competency, an id too long": ["scripts/new_competency.py", "a" * 101],
    "make reviewed, an unknown item": ["scripts/mark_reviewed.py", "adopt-shared-objectivs"],
    "make release, a bad version": ["scripts/release.py", "one"],
    "make release, a bad date": ["scripts/release.py", "1.1", "--date", "30 November"],
}


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory) -> Path:
    """The commands run in a copy: one that failed to refuse would write into the project."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("commands") / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    return project


@pytest.mark.parametrize("command", COMMANDS)
def test_the_commands_speak_french_when_the_editor_chooses_it(command, project_copy):
    import subprocess
    import sys

    from conftest import script_env

    said = {}
    for lang in ("en", "fr"):
        run = subprocess.run([sys.executable, *COMMANDS[command]], cwd=project_copy,
                             env=script_env(project_copy, GUIDE_LANG=lang),
                             capture_output=True, text=True, timeout=120, check=False)
        assert run.returncode != 0 and "Traceback" not in run.stderr, run.stderr
        said[lang] = run.stderr.splitlines()
    assert len(said["en"]) == len(said["fr"]) > 0, said
    assert sorted(p.name for p in (project_copy / "content_data" / "competencies").iterdir()) == ["collaboration"]
    found = [f"{french!r}: {english_in(french, english)}" for english, french in zip(said["en"], said["fr"], strict=True)
             if english_in(french, english)]
    assert not found, "\n".join(found)


def test_a_report_agrees_in_number_and_puts_a_no_break_space_before_each_colon():
    """"1 erreur(s)" and "conseil:" read as a machine's French: one error, two errors, "conseil :"."""
    from guide.content.errors import draft_report
    from guide.content.messages import said

    one = ContentError("f.yml", 1, 1, said("key_twice", what="x", key="k"), said("key_twice_hint"))
    two = ContentError("f.yml", 2, 1, said("key_twice", what="y", key="k"), said("key_twice_hint"))
    french = ContentInvalid([one]).report("fr")
    assert french.startswith("Le contenu du guide comporte 1 erreur\u00a0:\n"), french
    assert "\n    conseil\u00a0: gardez" in french, french
    assert ContentInvalid([one, two]).report("fr").startswith("Le contenu du guide comporte 2 erreurs\u00a0:")
    assert ContentInvalid([one]).report("en").splitlines()[::2] == ["The guide's content has 1 error:",
                                                                   "    hint: keep one of the two lines"]
    assert ContentInvalid([one, two]).report("en").startswith("The guide's content has 2 errors:")
    assert "1 texte ou source encore à rédiger" in draft_report("d", [one], "fr")
    assert "2 textes ou sources encore à rédiger" in draft_report("d", [one, two], "fr")
    assert "1 text or source still to write" in draft_report("d", [one], "en")
    assert "2 texts or sources still to write" in draft_report("d", [one, two], "en")


def test_a_french_message_quotes_the_editors_text_with_guillemets():
    """repr() quoted values the English way ('À RÉDIGER'): the catalogue's templates quote them."""
    from yaml import Mark
    from yaml.nodes import ScalarNode

    from guide.content.decode import Decoder

    mark = Mark("f.yml", 0, 0, 0, None, None)
    decoder = Decoder("f.yml")
    decoder.decode(ScalarNode("tag:yaml.org,2002:str", "À RÉDIGER", mark, mark), str, "x.fr")
    decoder.decode(ScalarNode("tag:yaml.org,2002:str", "<b>gras</b>", mark, mark), str, "y.fr")
    decoder.decode(ScalarNode("!danger", "z", mark, mark), str, "z.fr")
    decoder.decode(ScalarNode("tag:yaml.org,2002:str", "~", mark, mark), str, "w.fr")
    told = [error.message for error in decoder.found.errors + decoder.found.unwritten]
    assert len(told) == 4, told
    for message in told:
        assert "'" not in message.fr and "\u00ab\u00a0" in message.fr and "\u00a0\u00bb" in message.fr, message.fr
        assert "'" in message and "«" not in message, message
