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

# Every pattern is tried at each position of the text, so each must look at a
# bounded stretch there or start only where a run starts (a lookbehind that the run's
# own characters fail): otherwise a long run costs its length at each of its positions.
# First alternative: "&lt;" or "&#233;", a character reference typed as text, shows as
# typed, not as "&lt ;"; it is matched whole where it starts, never searched for backwards.
_BEFORE_TIGHT = re.compile(r"(?P<reference>&#?[A-Za-z0-9]+;)|(?<=[^\s;!?])[ \u00a0\u202f]*(?P<marks>[;!?]+)")
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*»")


def _tight(match: re.Match[str]) -> str:
    if match.group("reference"):
        return match.group(0)
    return NNBSP + match.group("marks")


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
