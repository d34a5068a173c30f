"""French typography for texts written by editors.

Editors type ordinary spaces and straight apostrophes; French readers expect a
narrow no-break space before ; ! ?, a no-break space before : and inside « »,
and the typographic apostrophe. Doing it here means no editor has to type
invisible characters, and no line ever breaks before a colon.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

_BEFORE_TIGHT = re.compile(r"(?<=[^\s;!?])[ \u00a0\u202f]*([;!?]+)")
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]*»")


# "&lt" or "&#233" just before a ";": the editor typed a character reference as text.
_REFERENCE_BEFORE = re.compile(r"&#?[A-Za-z0-9]+$")


def _tight(match: re.Match[str]) -> str:
    if match.group(0).startswith(";") and _REFERENCE_BEFORE.search(match.string, 0, match.start()):
        return match.group(0)  # "&lt;" shows as typed, not as "&lt ;"
    return NNBSP + match.group(1)


def french(text: str) -> str:
    text = text.replace("'", "\u2019")
    text = _BEFORE_TIGHT.sub(_tight, text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _OPEN_QUOTE.sub("«" + NBSP, text)
    return _CLOSE_QUOTE.sub(NBSP + "»", text)


def for_language(text: str, lang: str) -> str:
    return french(text) if lang == "fr" else text


def semicolon(lang: str) -> str:
    """The separator between items of a run-in list, in the language's typography."""
    return f"{NNBSP}; " if lang == "fr" else "; "
