"""Transmission times: the moments of a telegram's own life (sent, received, transmitted …) found after their labels.

Only a date or time that follows a transmission label becomes an event:
"Поступила: 21.10 3.8.50г.", "Sent by wire on 10/12/50 at 6:40 a.m.",
"Deciphered by Lavrov on …", "Typed by Fedotova\\nat 0150 4 October",
"Передано т. Булганину.\\n1.X.50г. в 3ч.00м.", "Verified by Shift Chief
Lavrov 0410".  Dates and times in prose ("On March 24 I visited",
"14.7.51 at 21:00 local time the ambassador handed me …") are never events.  The span is
the date/time expression only; the label and any "by …"/"to …" phrase stay
outside it.  An empty label ("Передана:") gives no event.  Labels and their
phrase words are data (``pipeline/data/dates.toml``, section ``transmission``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from pipeline.model import DateValue, Match, TransmissionEvent
from pipeline.recognise.dates import alternation, find_date_at, read_default_date, vocabulary


@functools.cache
def transmission_vocabulary() -> dict[str, Any]:
    return vocabulary()["transmission"]


@functools.cache
def event_types_by_label() -> dict[str, str]:
    """Every label head (lower case) → its event type."""
    return {
        head.lower(): event_type
        for event_type, heads in transmission_vocabulary()["labels"].items()
        for head in heads
    }


@functools.cache
def label_pattern() -> re.Pattern[str]:
    heads = alternation(sorted(event_types_by_label()))
    return re.compile(r"(?<!\w)(?P<head>(?i:" + heads + r"))(?:(?<=\.)|(?!\w))")


@functools.cache
def date_opener_pattern() -> re.Pattern[str]:
    """ "on", "at", "в", ":" right before the date: "Sent on 10/09/50", "received at 0020"."""
    openers = transmission_vocabulary()["date_openers"]
    words = alternation([opener for opener in openers if opener[0].isalpha()])
    marks = alternation([opener for opener in openers if not opener[0].isalpha()])
    return re.compile(r"(?:(?i:" + words + r")(?!\w)|" + marks + r")[ \t]*(?:\r?\n[ \t]*)?")


@functools.cache
def phrase_openers() -> frozenset[str]:
    return frozenset(word.lower() for word in transmission_vocabulary()["phrase_openers"])


@functools.cache
def phrase_words() -> frozenset[str]:
    return frozenset(word.lower() for word in transmission_vocabulary()["phrase_words"])


@functools.cache
def number_signs() -> tuple[str, ...]:
    return tuple(vocabulary()["connectors"]["number_signs"])


WHITESPACE = re.compile(r"\s*")
WORD = re.compile(r"\S+")
COLON = re.compile(r"[ \t]*:")
OPENING_MARKS = "[(\"'«“„"


@dataclass(frozen=True)
class Defaults:
    default_year: int | None
    default_date: str | None


# --------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------
def is_label(text: str, head: re.Match[str]) -> bool:
    """A label is capitalised ("Tenth Department Received") or opens its line ("received at 0020").

    "I received your telegram" in prose is no label.
    """
    if head.group("head")[0].isupper():
        return True
    line_start = text.rfind("\n", 0, head.start()) + 1
    return text[line_start:head.start()].strip(" \t>*-–—[(") == ""


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= character <= "\u04ff" for character in word)


def first_letter(word: str) -> str:
    return next((character for character in word if character.isalpha()), "")


# --------------------------------------------------------------------------
# The phrase between label and date: "by Morozov", "in Moscow", "т. Булганину."
# --------------------------------------------------------------------------
def may_open_phrase(word: str, head: str) -> bool:
    lowered = word.lower()
    if lowered in phrase_openers():
        return True
    if any(lowered.startswith(opener) for opener in phrase_openers() if opener.endswith(".")):
        return True          # "т.Булганину"
    name_follows = "cyrillic" in transmission_vocabulary()["name_follows_in_scripts"] and is_cyrillic(head)
    return name_follows and first_letter(word).isupper() and word[0].isalpha()


def may_continue_phrase(word: str) -> bool:
    if word.lower().strip(".,;:") in event_types_by_label():
        return False
    if word[0] in OPENING_MARKS:
        return True          # "[из Сочи]"
    letter = first_letter(word)
    if not letter:
        return False         # numbers and marks end the phrase
    return letter.isupper() or word.lower().strip(".,;:") in phrase_words()


def is_number_sign(word: str) -> bool:
    return any(word.startswith(sign) for sign in number_signs())


def closes_phrase(word: str) -> bool:
    """ "Булганину." ends the phrase: after it only the date may come. "Cde." does not."""
    return word.endswith(".") and len(word.rstrip(".")) > 3 or word.endswith(":")


# --------------------------------------------------------------------------
# The date after a label
# --------------------------------------------------------------------------
TIME_RANGE = re.compile(r"(?P<first>\d{1,2}[:.]\d{2})[ \t]*[-–][ \t]*\d{1,2}[:.]\d{2}(?=[ \t,;]|\.?$|\.\s)")


def time_range_here(text: str, position: int, defaults: Defaults) -> Match[DateValue] | None:
    """ "22:03-22:10 16.2.51": a transmission that took some minutes; the event is its start."""
    time_range = TIME_RANGE.match(text, position)
    if time_range is None:
        return None
    first = time_range.group("first")
    shortened = text[:position] + first + text[time_range.end():]
    found = find_date_at(shortened, position, default_year=defaults.default_year,
                         default_date=defaults.default_date, after_label=True)
    if found is None or found.end <= position + len(first):
        return None
    end = found.end + time_range.end() - (position + len(first))
    return Match(position, end, DateValue(text[position:end], found.value.when))


def date_here(text: str, position: int, defaults: Defaults) -> Match[DateValue] | None:
    """A date at ``position``, with or without an opening "on"/"at"/"в" before it."""
    ranged = time_range_here(text, position, defaults)
    if ranged is not None:
        return ranged
    found = find_date_at(text, position, default_year=defaults.default_year, default_date=defaults.default_date, after_label=True)
    if found is not None:
        return found
    opener = date_opener_pattern().match(text, position)
    if opener is None or opener.end() == position:
        return None
    return find_date_at(text, opener.end(), default_year=defaults.default_year, default_date=defaults.default_date, after_label=True)


def date_after_label(text: str, head: re.Match[str], defaults: Defaults) -> Match[DateValue] | None:
    """The date or time that a label introduces, or None for an empty label."""
    settings = transmission_vocabulary()
    position = head.end()
    colon = COLON.match(text, position)
    phrase_allowed = colon is None          # "Передана:" is a form field: the date follows at once
    most_line_breaks = settings["most_line_breaks"]
    if colon is not None:
        position = colon.end()
        most_line_breaks = settings["most_line_breaks_after_colon"]
    line_breaks = 0
    phrase_length = 0
    phrase_closed = False
    while True:
        gap = WHITESPACE.match(text, position)
        assert gap is not None
        line_breaks += gap.group().count("\n")
        position = gap.end()
        if line_breaks > most_line_breaks or position >= len(text):
            return None
        found = date_here(text, position, defaults)
        if found is not None:
            return found
        if not phrase_allowed or phrase_closed or phrase_length >= settings["longest_phrase"]:
            return None
        word = WORD.match(text, position)
        assert word is not None
        written = word.group()
        if is_number_sign(written):
            return None
        acceptable = may_open_phrase(written, head.group("head")) if phrase_length == 0 else may_continue_phrase(written)
        if not acceptable:
            return None
        phrase_length += 1
        phrase_closed = closes_phrase(written)
        position = word.end()


# --------------------------------------------------------------------------
# Public function
# --------------------------------------------------------------------------
def find_transmission_events(
    text: str, *, default_year: int | None = None, default_date: str | None = None
) -> list[Match[TransmissionEvent]]:
    """Transmission events after their labels, in text order, not overlapping.

    A date without a year ("at 0230 2 September") needs ``default_year``; a
    time alone ("Verified by … 0350") needs ``default_date`` (ISO
    ``YYYY-MM-DD``), whose year also serves as ``default_year``.
    """
    read_default_date(default_date)         # a malformed default is the caller's error: say so now
    defaults = Defaults(default_year, default_date)
    events: list[Match[TransmissionEvent]] = []
    covered_until = 0
    for head in label_pattern().finditer(text):
        if head.start() < covered_until or not is_label(text, head):
            continue
        found = date_after_label(text, head, defaults)
        if found is None:
            continue
        event_type = event_types_by_label()[head.group("head").lower()]
        events.append(Match(found.start, found.end, TransmissionEvent(type=event_type, date=found.value)))
        covered_until = found.end
    return events
