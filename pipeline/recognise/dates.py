"""Dates and date-times as the telegrams write them: read one (``parse_date``) or find them in text (``find_dates``).

Covers English and Russian forms: "July 5, 1950", "5 July 1950", "1 октября
1950 г.", "5.7.50г.", "1.X..50 г." (Roman months), "13/5-50", "10/09/50"
(US order in English exports), "13.June.1951", "2011-11-20", and date-times
with the time before or after the date: "23.45 5.7.50г.", "Sent 03:15\\n13.7.50",
"3:20 am, 9 June 1950", "1.X.50г. в 3ч.00м.", "19 hours 50 minutes 28.10.1950",
"13.6.51 at 22:00", "0020 2 September".

Readings are ISO 8601 (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
``YYYY-MM-DDThh:mm:ss``, no time zone).  A date without a year is read only
when the caller gives ``default_year``; a time without a date only when it
gives ``default_date``.  Two-digit years are 19yy.  This module never rewrites
text: it returns spans and readings; a number that is only possibly a date
("38 parallel", "No. 3305", "5-6 divisions", "20.5") stays a number.
"""
from __future__ import annotations

import datetime
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from pipeline.model import DateValue, Match

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "dates.toml"

# Modes of reading: running text, a whole string, the text after a transmission label.
FIND = "find"
WHOLE = "whole"
LABEL = "label"


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------
@functools.cache
def vocabulary() -> dict[str, Any]:
    """The word lists of ``pipeline/data/dates.toml``, read once."""
    with DATA_FILE.open("rb") as handle:
        return tomllib.load(handle)


@functools.cache
def month_numbers() -> dict[str, int]:
    """Every month word (lower case, without a final dot) → month number."""
    table: dict[str, int] = {}
    for language in vocabulary()["months"].values():
        for kind in ("names", "abbreviations"):
            for number, words in language.get(kind, {}).items():
                for word in words:
                    table[normalise_month_word(word)] = int(number)
    return table


def normalise_month_word(word: str) -> str:
    return word.strip().rstrip(".").lower()


@functools.cache
def roman_numbers() -> dict[str, int]:
    return {numeral: int(value) for numeral, value in vocabulary()["roman_months"].items()}


def normalise_roman(written: str) -> str:
    lookalikes = vocabulary()["roman_lookalikes"]
    return "".join(lookalikes.get(character, character) for character in written)


def alternation(words: list[str]) -> str:
    """A regex alternation, longest words first so that "Sept" wins over "Sep"."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------
# Regular expressions, compiled once
# --------------------------------------------------------------------------
NOT_LETTER_AFTER = r"(?![^\W\d_])"
NO_WORD_AFTER = r"(?!\w)"
SPACES = r"[ \t]"
ONE_LINE_BREAK = r"[ \t]*(?:\r?\n[ \t]*)?"


@functools.cache
def month_name_pattern() -> str:
    """Month names: English capitalised or in capitals, Russian in any case."""
    english = vocabulary()["months"]["english"]
    russian = vocabulary()["months"]["russian"]
    english_words: list[str] = []
    for kind, dotted in (("names", False), ("abbreviations", True)):
        for words in english.get(kind, {}).values():
            for word in words:
                for variant in (word.capitalize(), word.upper()):
                    english_words.append(variant + "." if dotted else variant)
                    if dotted:
                        english_words.append(variant)
    russian_words = [word for kind in ("names", "abbreviations") for words in russian.get(kind, {}).values() for word in words]
    return (
        r"(?P<name>(?:" + alternation(english_words) + r"|(?i:" + alternation(russian_words) + r"))"
        r"(?:(?<=\.)|" + NOT_LETTER_AFTER + r"))"
    )


@functools.cache
def roman_pattern() -> str:
    lookalikes = vocabulary()["roman_lookalikes"]
    letters: dict[str, str] = {}
    for latin in "IVX":
        variants = [latin] + [cyrillic for cyrillic, target in lookalikes.items() if target == latin]
        letters[latin] = "[" + "".join(variants) + "]"
    numerals = sorted(roman_numbers(), key=lambda numeral: -len(numeral))
    spelled = ["".join(letters[letter] for letter in numeral) for numeral in numerals]
    return r"(?P<roman>" + "|".join(spelled) + r")" + NOT_LETTER_AFTER


@functools.cache
def ordinal_pattern() -> str:
    return r"(?:" + alternation(vocabulary()["ordinals"]["suffixes"]) + r")?"


@functools.cache
def year_suffix_pattern() -> str:
    """ "г.", " года" … after a year; part of the date as written."""
    words = alternation(vocabulary()["years"]["after"])
    return r"(?:" + SPACES + r"?(?i:" + words + r")(?:(?<=\.)|" + NO_WORD_AFTER + r"))?"


@functools.cache
def time_word_pattern(kind: str) -> str:
    return r"(?i:" + alternation(vocabulary()["time_words"][kind]) + r")\.?" + NOT_LETTER_AFTER


def meridiem_words(with_day_parts: bool) -> list[str]:
    words = vocabulary()["time_words"]
    kinds = ["before_noon", "after_noon"] + (["before_noon_words", "after_noon_words"] if with_day_parts else [])
    return [word for kind in kinds for word in words[kind]]


@functools.cache
def meridiem_pattern(*, with_day_parts: bool = True, required: bool = False) -> str:
    """ "a.m.", "pm" and, after a written time or hour word, "утра", "вечера"."""
    words = alternation(meridiem_words(with_day_parts))
    found = SPACES + r"?(?P<meridiem>(?i:" + words + r"))(?:(?<=\.)|" + NO_WORD_AFTER + r")"
    return found if required else r"(?:" + found + r")?"


DAY = r"(?P<day>[0-3]?[0-9])(?![0-9])"
YEAR_FOUR = r"(?P<year>[0-9]{4})(?![0-9])"
YEAR_TWO_OR_FOUR = r"(?P<year>[0-9]{4}|[0-9]{2})(?![0-9])"


@dataclass(frozen=True)
class Form:
    """One written shape of a date or of a time, named for the rules that depend on it."""

    name: str
    pattern: re.Pattern[str]


@functools.cache
def date_forms() -> tuple[Form, ...]:
    name = month_name_pattern()
    roman = roman_pattern()
    ordinal = ordinal_pattern()
    suffix = year_suffix_pattern()
    # After a month name a two-digit year needs "г" to be a year ("13 июня 51 г.").
    named_year = r"(?P<year>[0-9]{4}(?![0-9])|[0-9]{2}(?=" + SPACES + r"?[гГ](?:\.|" + NO_WORD_AFTER + r")))"
    after_name = r"(?:(?<=\.)" + SPACES + r"*|" + SPACES + r"+)"
    shapes = {
        # July 5, 1950 · October 01, 1950 · Sept. 5 1950
        "name-day-year": name + after_name + DAY + ordinal + r"(?:," + SPACES + r"*|" + SPACES + r"+)" + YEAR_FOUR + suffix,
        # 5 July 1950 · 1 октября 1950 г. · 13.June.1951 · 5th of July, 1950
        "day-name-year": DAY + ordinal + r"(?:" + SPACES + r"+of)?(?:" + SPACES + r"+|\.)" + name
        + r"(?:," + SPACES + r"*|" + SPACES + r"+|(?<=\.)|\.)" + named_year + suffix,
        # July 1950 · октября 1950 г. · в октябре 1950 года
        "name-year": name + r",?" + SPACES + r"+" + YEAR_FOUR + suffix,
        # May 13 · March 24 (year from the caller)
        "name-day": name + after_name + DAY + ordinal + NOT_LETTER_AFTER,
        # 3 May · 7 марта · 13.June (year from the caller)
        "day-name": DAY + ordinal + r"(?:" + SPACES + r"+of)?(?:" + SPACES + r"+|\.)" + name,
        # 5.7.50 · 13.6.51 · 28.10.1950 · 13/5-50 · 10/09/50
        "day-month-year": DAY + r"(?P<first>[./])(?P<month>[01]?[0-9])(?![0-9])(?P<second>\.\.?|/|-)" + YEAR_TWO_OR_FOUR + suffix,
        # 1.X.50 · 1.X..50 г. · 16.XII.1947 · 6/III 1950 г. · 21.XI.51 · 5-VII-50
        "day-roman-year": DAY + r"[./-]" + roman + r"(?:\.\.?" + SPACES + r"?|" + SPACES + r"*[/-]" + SPACES + r"*|" + SPACES + r"+)"
        + YEAR_TWO_OR_FOUR + suffix,
        # 2011-11-20 · 1950-07-05T23:45:00
        "iso": r"(?P<year>[0-9]{4})-(?P<month>[0-9][0-9])-(?P<day>[0-9][0-9])(?:T(?P<hour>[0-9][0-9]):(?P<minute>[0-9][0-9])(?::(?P<second>[0-9][0-9]))?)?(?![0-9-])",
        # 1950-07 (only as a whole string: in text it is too often a range)
        "iso-month": r"(?P<year>[0-9]{4})-(?P<month>[0-9][0-9])(?![0-9-])",
        # 6.7 · 28.10 (year from the caller; in text only beside a time or alone on a line)
        "day-month": DAY + r"\.(?P<month>[01]?[0-9])(?![0-9])(?!\.[0-9])",
        # 6/III · 1.X (year from the caller)
        "day-roman": DAY + r"[./]" + roman,
        # 1950 · 1950 г. (in text only as "in 1950", "в 1950 году", "1950 г.")
        "year": YEAR_FOUR + suffix,
    }
    return tuple(Form(key, re.compile(value)) for key, value in shapes.items())


@functools.cache
def time_forms() -> tuple[Form, ...]:
    hour_word = time_word_pattern("hour")
    minute_word = time_word_pattern("minute")
    second_word = time_word_pattern("second")
    meridiem = meridiem_pattern()
    hour = r"(?P<hour>[012]?[0-9])"
    optional_hour_word = r"(?:" + SPACES + r"?(?P<hourword>" + hour_word + r"))?"
    shapes = {
        # 03:15 · 4:10 am · 7:05 a.m. · 22:00:30
        "colon": hour + r":(?P<minute>[0-5][0-9])(?::(?P<second>[0-5][0-9]))?(?![0-9])" + optional_hour_word + meridiem,
        # 23.45 · 00.55 · 11.20
        "dot": hour + r"\.(?P<minute>[0-5][0-9])(?![0-9])(?!\.[0-9])" + optional_hour_word + meridiem,
        # 0020 · 2212 · 0230 hours
        "military": r"(?P<hour>[01][0-9]|2[0-3])(?P<minute>[0-5][0-9])(?![0-9])" + optional_hour_word,
        # 19 hours 50 minutes · 3ч.00м. · 20 hours 05\nminutes · 12 ч. 30 мин. 10 сек.
        "words": hour + SPACES + r"*" + hour_word + ONE_LINE_BREAK + r"(?P<minute>[0-5]?[0-9])(?![0-9])" + ONE_LINE_BREAK + minute_word
        + r"(?:" + ONE_LINE_BREAK + r"(?P<second>[0-5]?[0-9])" + SPACES + r"*" + second_word + r")?" + meridiem,
        # в 3ч. · at 19 hours
        "hour-word": hour + SPACES + r"*(?P<hourword>" + hour_word + r")" + meridiem,
        # 7 a.m. · 11 pm
        "meridiem": hour + meridiem_pattern(with_day_parts=False, required=True),
    }
    return tuple(Form(key, re.compile(value)) for key, value in shapes.items())


@functools.cache
def separator_patterns() -> dict[str, re.Pattern[str]]:
    connectors = vocabulary()["connectors"]
    date_then_time = alternation(connectors["date_then_time"])
    time_then_date = alternation(connectors["time_then_date"])
    return {
        # "13.6.51 at 22:00", "8 October 1950   11.20", "May 13, at 23 hours", "13.7.50\n03:15"
        "date-time": re.compile(
            r"[ \t]*,?[ \t]*(?P<break>\r?\n[ \t]*)?(?:(?P<connector>(?i:" + date_then_time + r"))" + NO_WORD_AFTER + r"[ \t]+)?"
        ),
        # "3:20 am, 9 June 1950", "Sent 03:15\n13.7.50", "at 7:05 on 10 October"
        "time-date": re.compile(
            r"[ \t]*,?[ \t]*(?P<break>\r?\n[ \t]*)?(?:(?P<connector>(?i:" + time_then_date + r"))" + NO_WORD_AFTER + r"[ \t]+)?"
        ),
    }


@functools.cache
def token_start_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)\w")


@functools.cache
def number_sign_pattern() -> re.Pattern[str]:
    signs = alternation(vocabulary()["connectors"]["number_signs"])
    return re.compile(r"(?:^|(?<=[\s(\[]))(?:" + signs + r")[ \t]*$")


@functools.cache
def lone_time_opener_pattern() -> re.Pattern[str]:
    words = alternation(vocabulary()["connectors"]["lone_military_time"])
    return re.compile(r"(?:^|(?<=\W))(?i:" + words + r")[ \t]+$")


@functools.cache
def year_opener_words() -> frozenset[str]:
    return frozenset(word.lower() for word in vocabulary()["years"]["before"])


# --------------------------------------------------------------------------
# Readings of the parts
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class DateParts:
    year: int | None
    month: int | None = None
    day: int | None = None
    needs_year: bool = False     # no year written: it came from the caller


@dataclass(frozen=True)
class TimeParts:
    hour: int
    minute: int
    second: int
    strong: bool                 # a shape that cannot be an ordinary number ("03:15", "3ч.00м.")


@dataclass(frozen=True)
class Reading:
    """A date or time form found at a position: where it ends and what it says."""

    form: str
    end: int
    date: DateParts | None = None
    time: TimeParts | None = None


@dataclass(frozen=True)
class Context:
    mode: str
    default_year: int | None
    default_date: datetime.date | None


def make_context(mode: str, default_year: int | None, default_date: str | None) -> Context:
    known_date = read_default_date(default_date)
    if default_year is None and known_date is not None:
        default_year = known_date.year
    return Context(mode, default_year, known_date)


def read_default_date(default_date: str | None) -> datetime.date | None:
    if default_date is None:
        return None
    try:
        return datetime.date.fromisoformat(default_date[:10])
    except ValueError as error:
        raise ValueError(f"default_date must be an ISO date (YYYY-MM-DD), not {default_date!r}") from error


def read_year(written: str | None) -> int | None:
    if written is None:
        return None
    if len(written) == 2:
        return vocabulary()["years"]["two_digit_century"] + int(written)
    year = int(written)
    limits = vocabulary()["years"]
    if limits["earliest"] <= year <= limits["latest"]:
        return year
    return None


def read_month_name(written: str) -> int | None:
    return month_numbers().get(normalise_month_word(written))


def date_from_form(form: str, found: re.Match[str]) -> DateParts | None:
    """The date parts a date form says, or None when they are no valid date."""
    groups = found.groupdict()
    day = int(groups["day"]) if groups.get("day") else None
    month: int | None
    if groups.get("name"):
        month = read_month_name(groups["name"])
    elif groups.get("roman"):
        month = roman_numbers().get(normalise_roman(groups["roman"]))
    elif groups.get("month"):
        month = int(groups["month"])
    else:
        month = None
    if form == "day-month-year":
        if not separators_agree(found):
            return None
        day, month = order_day_and_month(found, day, month)
    year = read_year(groups.get("year"))
    if groups.get("year") and year is None:
        return None
    parts = DateParts(year=year, month=month, day=day, needs_year=groups.get("year") is None)
    return parts if is_valid_date(parts) else None


def separators_agree(found: re.Match[str]) -> bool:
    """ "5.7.50", "1.X..50", "13/5-50", "10/09/50" — but not "5.7/50" or "13/5.50"."""
    if found.group("first") == ".":
        return found.group("second").startswith(".")
    return found.group("second") in ("/", "-")


def order_day_and_month(found: re.Match[str], day: int | None, month: int | None) -> tuple[int | None, int | None]:
    """ "10/09/50" is month/day (English exports); "13/5-50" and "5.7.50" are day/month.

    When the month/day reading is impossible ("13/5/50") the day/month one is used.
    """
    if found.group("first") == "/" and found.group("second") == "/" and day is not None and month is not None:
        if 1 <= day <= 12:
            return month, day
    return day, month


def is_valid_date(parts: DateParts) -> bool:
    if parts.month is not None and not 1 <= parts.month <= 12:
        return False
    if parts.day is None:
        return True
    if parts.month is None:
        return False
    try:
        datetime.date(parts.year or 2000, parts.month, parts.day)   # 2000: a leap year, for "29.II"
    except ValueError:
        return False
    return True


def time_from_form(form: str, found: re.Match[str]) -> TimeParts | None:
    groups = found.groupdict()
    hour = int(groups["hour"])
    minute = int(groups.get("minute") or 0)
    second = int(groups.get("second") or 0)
    meridiem = groups.get("meridiem")
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = twenty_four_hour(hour, meridiem)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    # "23.45" or "2212" may be plain numbers; "23.45 hours", "03:15", "3ч.00м.", "7 a.m." may not.
    strong = form in ("colon", "words", "meridiem") or bool(meridiem) or (bool(groups.get("hourword")) and form != "hour-word")
    return TimeParts(hour, minute, second, strong)


def twenty_four_hour(hour: int, meridiem: str) -> int:
    words = vocabulary()["time_words"]
    said = re.sub(r"\s+", " ", meridiem.lower())
    if said in (word.lower() for word in words["after_noon"] + words["after_noon_words"]):
        return hour if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


# --------------------------------------------------------------------------
# Where a reading may start and end
# --------------------------------------------------------------------------
def may_start_here(text: str, start: int) -> bool:
    """No date inside a bigger number or a name: "1112-1126", "MIG-15s", "No. 3305", "1.000"."""
    if start > 0 and text[start - 1].isalnum():
        return False
    if text[start].isdigit() and start >= 2:
        previous, before_previous = text[start - 1], text[start - 2]
        if previous in ".,:/-" and before_previous.isdigit():
            return False
        if previous in "-/" and before_previous.isalnum():
            return False
        line_start = text.rfind("\n", 0, start) + 1
        if number_sign_pattern().search(text[max(line_start, start - 200):start]):
            return False
    return True


def may_end_here(text: str, end: int) -> bool:
    """A reading ends at a word edge, not in the middle of "5.7.50.3" or "1950s"."""
    if end >= len(text):
        return True
    following = text[end]
    if following.isalnum() or following == "_":
        return text[end - 1] == "."   # "a.m.", "г." end with a dot: the next word may touch it
    if following in ".:/-," and end + 1 < len(text) and text[end + 1].isdigit():
        return False
    return True


def stands_alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    after = text[end:line_end]
    return before.strip(" \t\"'“„«([") == "" and after.strip(" \t\r.,;:\"'”»)]") == ""


def follows_word(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(text[max(0, start - 16):start]))


def word_before(text: str, start: int) -> str:
    found = re.search(r"(\w+)[ \t]+$", text[max(0, start - 24):start])
    return found.group(1).lower() if found else ""


# --------------------------------------------------------------------------
# Readings at one position
# --------------------------------------------------------------------------
def date_readings(text: str, start: int) -> Iterator[Reading]:
    for form in date_forms():
        found = form.pattern.match(text, start)
        if found is None:
            continue
        parts = date_from_form(form.name, found)
        if parts is None:
            continue
        if form.name == "iso" and found.group("hour") is not None:
            time = iso_time(found)
            if time is None:
                continue
            yield Reading(form.name, found.end(), date=parts, time=time)
        else:
            yield Reading(form.name, found.end(), date=parts)


def iso_time(found: re.Match[str]) -> TimeParts | None:
    """The time of an ISO date-time ("1950-07-05T23:45:00")."""
    hour, minute = int(found.group("hour")), int(found.group("minute"))
    second = int(found.group("second") or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return TimeParts(hour, minute, second, strong=True)


def time_readings(text: str, start: int) -> Iterator[Reading]:
    for form in time_forms():
        found = form.pattern.match(text, start)
        if found is None:
            continue
        parts = time_from_form(form.name, found)
        if parts is not None:
            yield Reading(form.name, found.end(), time=parts)


def is_usable_alone(text: str, start: int, reading: Reading, context: Context) -> bool:
    """May this date, with no time beside it, stand as a date in this mode?"""
    form = reading.form
    if context.mode == WHOLE:
        return True
    if form == "iso-month":
        return False
    if form == "day-month":
        return context.mode == LABEL or stands_alone_on_line(text, start, reading.end)
    if form == "year":
        return context.mode == FIND and (text[start + 4:reading.end].strip() != "" or word_before(text, start) in year_opener_words())
    return True


def times_after_date(text: str, date_end: int) -> Iterator[Reading]:
    """Times written after a date: "13.6.51 at 22:00", "8 October 1950   11.20"."""
    separator = separator_patterns()["date-time"].match(text, date_end)
    if separator is None or separator.end() == date_end:
        return
    for reading in time_readings(text, separator.end()):
        if not may_end_here(text, reading.end):
            continue
        assert reading.time is not None
        if separator.group("break") and not reading.time.strong:
            continue
        if reading.form in ("military", "hour-word") and not separator.group("connector") and not reading.time.strong:
            continue
        yield reading


def dates_after_time(text: str, time_reading: Reading) -> Iterator[Reading]:
    """Dates written after a time: "23.45 5.7.50г.", "03:15\\n13.7.50", "0020 2 September"."""
    assert time_reading.time is not None
    separator = separator_patterns()["time-date"].match(text, time_reading.end)
    if separator is None or separator.end() == time_reading.end:
        return
    if separator.group("break") and not time_reading.time.strong:
        return
    for reading in date_readings(text, separator.end()):
        if reading.date is not None and reading.date.day is not None and may_end_here(text, reading.end):
            yield reading


def combined_readings(text: str, start: int, context: Context) -> Iterator[tuple[int, DateParts, TimeParts | None]]:
    """Every (end, date, time) that may start at ``start`` in this mode."""
    for reading in date_readings(text, start):
        assert reading.date is not None
        if reading.form == "iso-month" and context.mode != WHOLE:
            continue
        if may_end_here(text, reading.end) and is_usable_alone(text, start, reading, context):
            yield reading.end, reading.date, reading.time
        if reading.date.day is not None and reading.time is None:
            for time_reading in times_after_date(text, reading.end):
                if is_believable_pair(text, start, time_reading.end, reading, time_reading, context):
                    yield time_reading.end, reading.date, time_reading.time
    for time_reading in time_readings(text, start):
        for date_reading in dates_after_time(text, time_reading):
            assert date_reading.date is not None
            if is_believable_pair(text, start, date_reading.end, date_reading, time_reading, context):
                yield date_reading.end, date_reading.date, time_reading.time
        if context.default_date is not None and may_end_here(text, time_reading.end) and is_lone_time(text, start, time_reading, context):
            known = context.default_date
            yield time_reading.end, DateParts(known.year, known.month, known.day), time_reading.time


def is_lone_time(text: str, start: int, reading: Reading, context: Context) -> bool:
    """A time with no date beside it: "22:00", "at 23 hours 30 minutes", "At 2212"."""
    assert reading.time is not None
    if context.mode == LABEL:
        return True
    if context.mode != FIND:
        return False
    if reading.time.strong:
        return True
    return reading.form in ("military", "dot") and follows_word(text, start, lone_time_opener_pattern())


def is_believable_pair(text: str, start: int, end: int, date: Reading, time: Reading, context: Context) -> bool:
    """ "00.55 6.7" is a date-time on a line of its own or after a label; in prose two such numbers stay numbers."""
    assert time.time is not None
    if date.form != "day-month" or time.time.strong or context.mode != FIND:
        return True
    return stands_alone_on_line(text, start, end)


def iso_of(date: DateParts, time: TimeParts | None, context: Context) -> str | None:
    """The ISO 8601 reading, or None when the year (or the date for a time) is unknown."""
    year = date.year
    if year is None:
        if not date.needs_year or context.default_year is None:
            return None
        year = context.default_year
    if date.month is None:
        return None if time else f"{year:04d}"
    try:
        if date.day is None:
            return None if time else f"{year:04d}-{date.month:02d}"
        day = datetime.date(year, date.month, date.day)
    except ValueError:
        return None
    if time is None:
        return day.isoformat()
    return f"{day.isoformat()}T{time.hour:02d}:{time.minute:02d}:{time.second:02d}"


def longest_reading(text: str, start: int, context: Context) -> tuple[int, str] | None:
    """The longest readable date or date-time starting at ``start``: (end, ISO)."""
    if not may_start_here(text, start):
        return None
    best: tuple[int, str] | None = None
    for end, date, time in combined_readings(text, start, context):
        if best is not None and end <= best[0]:
            continue
        when = iso_of(date, time, context)
        if when is not None:
            best = (end, when)
    return best


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------
def parse_date(text: str, *, default_year: int | None = None) -> DateValue | None:
    """Read a whole string as a date or date-time: "July 5, 1950" → 1950-07-05.

    Surrounding spaces and a trailing ".", ",", "г." or "г" are ignored.
    Returns ``DateValue(text, when)`` with ``text`` as given, or None when the
    string is not (only) a date, is no valid date, or lacks a year and no
    ``default_year`` is given.
    """
    context = make_context(WHOLE, default_year, None)
    stripped = text.strip()
    if not stripped:
        return None
    best: tuple[int, str] | None = None
    for end, date, time in combined_readings(stripped, 0, context):
        if stripped[end:].strip(" \t\r\n.,") != "" or not may_end_here(stripped, end):
            continue
        when = iso_of(date, time, context)
        if when is not None and (best is None or end > best[0]):
            best = (end, when)
    if best is None:
        return None
    return DateValue(text=text, when=best[1])


def find_dates(text: str, *, default_year: int | None = None, default_date: str | None = None) -> list[Match[DateValue]]:
    """Dates and date-times in running text, longest first, not overlapping, in text order.

    A date without a year ("3 May", "00.55 6.7") needs ``default_year``; a
    time alone ("22:00", "at 23 hours 30 minutes") needs ``default_date``
    (ISO ``YYYY-MM-DD``), whose year also serves as ``default_year``.
    """
    context = make_context(FIND, default_year, default_date)
    return list(scan_for_dates(text, context))


def find_date_at(
    text: str, start: int, *, default_year: int | None = None, default_date: str | None = None, after_label: bool = False
) -> Match[DateValue] | None:
    """The longest date or date-time starting exactly at ``start``, or None.

    With ``after_label`` the position follows a transmission label
    ("Verified by … 0350", "Поступила: 23.45"), where a bare four-digit or
    dotted time is a time too.
    """
    context = make_context(LABEL if after_label else FIND, default_year, default_date)
    if not 0 <= start < len(text) or not text[start].isalnum():
        return None
    best = longest_reading(text, start, context)
    if best is None:
        return None
    end, when = best
    return Match(start, end, DateValue(text=text[start:end], when=when))


def scan_for_dates(text: str, context: Context) -> Iterator[Match[DateValue]]:
    position = 0
    while (candidate := candidate_start_pattern().search(text, position)) is not None:
        start = candidate.start()
        best = longest_reading(text, start, context)
        if best is None:
            position = start + 1
            continue
        end, when = best
        position = end
        yield Match(start, end, DateValue(text=text[start:end], when=when))


@functools.cache
def candidate_start_pattern() -> re.Pattern[str]:
    """Where a date or time may start: a word start (``token_start_pattern``) where one of the
    date or time forms matches.  Every reading starts with one, so ``scan_for_dates`` tries only
    these positions: one search of the text instead of every form at every word."""
    forms = (*date_forms(), *time_forms())
    unnamed = (re.sub(r"\(\?P<\w+>", "(?:", form.pattern.pattern) for form in forms)
    return re.compile(r"(?<!\w)(?=\w)(?:" + "|".join(f"(?:{pattern})" for pattern in unnamed) + ")")
