"""Read from a telegram's own text who it was addressed to, who was to pass it on, and who it went through.

Ciphered telegrams to a foreign leader were addressed to a Soviet
representative who passed them on: "BEIJING, TO ROSHCHIN … To Comrade MAO
ZEDONG", "To Comrade Kotov … Visit Zhou Enlai and transmit to him", "to
TEREBIN … Pass the following to Cde. MAO ZEDONG", "Transmitted to Bulganin".
This module finds three groups of register names:

* ``addressees``: names that open an address line ("To Comrade X", "PLACE, TO X",
  "for Cde. X:", "Товарищу X"); lines in quotation marks or brackets are a quoted
  letter or an editor's note and do not count;
* ``passed_to``: names after a request to pass the message on ("Pass [the
  following] to X", "Передайте X", "For immediate transmission to X");
* ``transmitted_to``: names after a transmission note ("Transmitted to X",
  "Передано т. X");
* ``sent_by``: a name that opens a line and is followed by a sending verb
  ("(Comrade Nowak sends the dispatch …)").

Deciding who is sender, recipient or intermediary is left to the caller
(``pipeline.enrich``), which knows the catalogue title.  Vocabulary is in
``pipeline/data/addressing.toml``.  Pure functions; text is never changed.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.model import Match, NameRef
from pipeline.recognise.names import find_names
from pipeline.register import load_register

QUOTES_AND_BRACKETS = "\"“”„«»'‘’[("
SEPARATORS = " \t\u00a0,;:-–—"


@dataclass(frozen=True)
class Addressing:
    addressees: tuple[NameRef, ...] = ()
    passed_to: tuple[NameRef, ...] = ()
    transmitted_to: tuple[NameRef, ...] = ()
    sent_by: tuple[NameRef, ...] = ()


@dataclass(frozen=True)
class _Patterns:
    address_word: re.Pattern[str]
    pass_phrase: re.Pattern[str]
    transmitted_phrase: re.Pattern[str]
    sender_phrase: re.Pattern[str]
    joiner: re.Pattern[str]
    title: re.Pattern[str]


@cache
def vocabulary() -> dict:
    text = resources.files("pipeline.data").joinpath("addressing.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def alternation(phrases: Iterable[str], bracket_inside: bool = False) -> str:
    """Literal phrases, longest first; an editor's bracket may stand between words ("Pass [the following] to")."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    joint = r"\s+(?:\[[^\]\n]*\]\s+)?" if bracket_inside else r"\s+"
    return "|".join(joint.join(re.escape(word) for word in phrase.split()) for phrase in ordered)


@cache
def patterns() -> _Patterns:
    data = vocabulary()
    titles = load_register().language.comrade_titles
    return _Patterns(
        address_word=re.compile(rf"(?:{alternation(data['address_words'])})(?:(?<=\.)|\s+)", re.IGNORECASE),
        pass_phrase=re.compile(rf"(?<!\w)(?:{alternation(data['pass_phrases'], bracket_inside=True)})(?:\s*\[[^\]\n]*\])?\s+",
                               re.IGNORECASE),
        transmitted_phrase=re.compile(rf"(?:{alternation(data['transmitted_phrases'])})(?:(?<=\.)|\s+)",
                                      re.IGNORECASE),
        sender_phrase=re.compile(rf"\s+(?:{alternation(data['sender_phrases'])})\b", re.IGNORECASE),
        joiner=re.compile(rf"\s*(?:{alternation(data['name_joiners'])})\s*", re.IGNORECASE),
        title=re.compile(rf"(?:{alternation(titles)})(?:(?<=\.)\s*|\s+)", re.IGNORECASE),
    )


def title_for_words() -> tuple[str, ...]:
    return tuple(vocabulary()["title_for_words"])


# --------------------------------------------------------------------------
def names_after(text: str, position: int, names: list[Match[NameRef]]) -> list[NameRef]:
    """The persons and organisations named from ``position`` on, joined by "and", "or", commas."""
    found: list[NameRef] = []
    compiled = patterns()
    while True:
        while position < len(text) and text[position] in " \t\u00a0":
            position += 1
        title = compiled.title.match(text, position)
        if title:
            position = title.end()
        name = next((m for m in names if m.start == position and m.value.kind != "place"), None)
        if name is None:
            return found
        found.append(name.value)
        position = name.end
        bracket = re.match(r"\s*\[[^\]\n]*\]", text[position:])
        if bracket:
            position += bracket.end()
        joiner = compiled.joiner.match(text, position)
        if joiner is None or joiner.end() == position:
            return found
        position = joiner.end()


def name_before_sender_phrase(text: str, start: int, end: int, names: list[Match[NameRef]]) -> NameRef | None:
    """The person opening ``text[start:end]`` ("(Comrade Nowak sends …") when a sending verb follows the name."""
    compiled = patterns()
    position = start + 1 if text[start] == "(" else start
    title = compiled.title.match(text, position, end)
    if title:
        position = title.end()
    name = next((m for m in names if m.start == position and m.value.kind == "person"), None)
    if name is None or not compiled.sender_phrase.match(text, name.end, end):
        return None
    return name.value


def line_extents(text: str) -> list[tuple[int, int]]:
    extents = []
    offset = 0
    for line in text.split("\n"):
        start = offset + len(line) - len(line.lstrip())
        extents.append((start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return extents


def after_leading_places(text: str, start: int, end: int, names: list[Match[NameRef]]) -> int:
    """Skip "BEIJING, " or "PEKING - " before an address word."""
    position = start
    while True:
        place = next((m for m in names if m.start == position and m.value.kind == "place"), None)
        if place is None:
            return position
        position = place.end
        while position < end and text[position] in SEPARATORS:
            position += 1


def find_addressing(texts: Iterable[str]) -> Addressing:
    """The addressees, pass-on targets and transmission intermediaries named in the blocks ``texts``."""
    compiled = patterns()
    addressees: list[NameRef] = []
    passed_to: list[NameRef] = []
    transmitted_to: list[NameRef] = []
    sent_by: list[NameRef] = []
    for text in texts:
        names = find_names(text)
        for start, end in line_extents(text):
            if start >= end:
                continue
            sender = name_before_sender_phrase(text, start, end, names)
            if sender is not None:
                sent_by.append(sender)
            if text[start] in QUOTES_AND_BRACKETS:
                continue
            transmitted = compiled.transmitted_phrase.match(text, start, end)
            if transmitted:
                transmitted_to += names_after(text, transmitted.end(), names)
                continue
            position = after_leading_places(text, start, end, names)
            address = compiled.address_word.match(text, position, end)
            if address:
                addressees += names_after(text, address.end(), names)
        for phrase in compiled.pass_phrase.finditer(text):
            passed_to += names_after(text, phrase.end(), names)
    return Addressing(unique(addressees), unique(passed_to), unique(transmitted_to), unique(sent_by))


def unique(references: Iterable[NameRef]) -> tuple[NameRef, ...]:
    seen: dict[str, NameRef] = {}
    for reference in references:
        seen.setdefault(reference.key, reference)
    return tuple(seen.values())


__all__ = ["Addressing", "find_addressing", "title_for_words"]
