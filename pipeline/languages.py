"""Languages: archive language names to BCP 47, and the script-based language of a stretch of text."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources


@cache
def _data() -> dict:
    with resources.files("pipeline.data").joinpath("languages.toml").open("rb") as handle:
        return tomllib.load(handle)


def code_of(name: str) -> str | None:
    """``Russian`` → ``ru``; None for names we do not know."""
    return _data()["names"].get(name.strip().lower())


def label_of(code: str) -> str:
    return _data()["labels"].get(code, code)


_SCRIPT_LANGUAGE = (("CYRILLIC", "ru"), ("CJK", "zh"), ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"))


@cache
def character_language(character: str) -> str | None:
    """The language a letter's script suggests (see ``script_language``), None for other scripts."""
    name = unicodedata.name(character, "")
    return next((code for script, code in _SCRIPT_LANGUAGE if script in name), "en" if "LATIN" in name else None)


def script_language(text: str) -> str | None:
    """The language a text's letters suggest: Cyrillic → ru, Han → zh, Hangul → ko, Latin → en.

    None when the text has no letters at all (numbers, punctuation), so the
    caller can let it inherit its neighbours' language.
    """
    counts = Counter(map(character_language, filter(str.isalpha, text)))
    counts.pop(None, None)
    if not counts:
        return None
    language, count = max(sorted(counts.items()), key=lambda item: item[1])
    # A lone Cyrillic abbreviation in Latin text ("г.") does not make it Russian, and vice versa.
    total = sum(counts.values())
    if count / total < 0.5:
        return None
    return language


def words(text: str) -> list[str]:
    """Word tokens (letters and digits), the unit of text accounting."""
    return re.findall(r"\w+", text)
