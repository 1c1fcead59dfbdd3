"""Tests for pipeline.recognise.dates: reading one date (parse_date) and finding dates in text (find_dates)."""
from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import DateValue
from pipeline.recognise import dates
from pipeline.recognise.dates import find_date_at, find_dates, parse_date

ISO_SHAPE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?)?)?$")


# --------------------------------------------------------------------------
# parse_date
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "default_year", "when"),
    [
        ("July 5, 1950", None, "1950-07-05"),
        ("October 01, 1950", None, "1950-10-01"),
        ("Sept. 5, 1950", None, "1950-09-05"),
        ("July 5th, 1950", None, "1950-07-05"),
        ("5 July 1950", None, "1950-07-05"),
        ("1 October 1950", None, "1950-10-01"),
        ("10 March 1952", None, "1952-03-10"),
        ("4 May 1950", None, "1950-05-04"),
        ("5th of July, 1950", None, "1950-07-05"),
        ("12 October 1950.", None, "1950-10-12"),
        ("5.7.50г.", None, "1950-07-05"),
        ("5.7.50 г", None, "1950-07-05"),
        ("13.6.51", None, "1951-06-13"),
        ("28.10.1950", None, "1950-10-28"),
        ("1.X.50г.", None, "1950-10-01"),
        ("1.X..50 г.", None, "1950-10-01"),
        ("1.Х.50г.", None, "1950-10-01"),          # Cyrillic Х for the Roman numeral
        ("16.XII.1947", None, "1947-12-16"),
        ("24.III.50", None, "1950-03-24"),
        ("21.XI.51", None, "1951-11-21"),
        ("5-VII-50 г.", None, "1950-07-05"),
        ("13/5-50", None, "1950-05-13"),
        ("6/III 1950 г.", None, "1950-03-06"),
        ("10/09/50", None, "1950-10-09"),          # month/day in English exports
        ("13/05/50", None, "1950-05-13"),          # no 13th month: day/month
        ("13.June.1951", None, "1951-06-13"),
        ("1 октября 1950 г.", None, "1950-10-01"),
        ("10 марта 1952 г.", None, "1952-03-10"),
        ("1 октября 1950г.", None, "1950-10-01"),
        ("1 ОКТЯБРЯ 1950 Г.", None, "1950-10-01"),
        ("1-го октября 1950 года", None, "1950-10-01"),
        ("2011-11-20", None, "2011-11-20"),
        ("1950-07-05T23:45:00", None, "1950-07-05T23:45:00"),
        ("1950-07", None, "1950-07"),
        ("July 1950", None, "1950-07"),
        ("октябрь 1950 г.", None, "1950-10"),
        ("1950", None, "1950"),
        ("1950 г.", None, "1950"),
        ("  1950 год ", None, "1950"),
        ("3 May", 1950, "1950-05-03"),
        ("May 13", 1950, "1950-05-13"),
        ("7 марта", 1952, "1952-03-07"),
        ("28.10", 1950, "1950-10-28"),
        ("6.7", 1950, "1950-07-06"),
        ("23.45 5.7.50г.", None, "1950-07-05T23:45:00"),
        ("03:15 13.7.50", None, "1950-07-13T03:15:00"),
        ("4:10 am, 14 May 1950", None, "1950-05-14T04:10:00"),
        ("10/09/50 at 7:05 a.m.", None, "1950-10-09T07:05:00"),
        ("10/09/50 at 7:05 p.m.", None, "1950-10-09T19:05:00"),
        ("1.X.50г. в 3ч.00м.", None, "1950-10-01T03:00:00"),
        ("19 hours 50 minutes 28.10.1950", None, "1950-10-28T19:50:00"),
        ("18:35 21.XI.1951", None, "1951-11-21T18:35:00"),
        ("19:55 13.June.1951", None, "1951-06-13T19:55:00"),
        ("0020 2 September", 1949, "1949-09-02T00:20:00"),
        ("13.6.51 at 22:00", None, "1951-06-13T22:00:00"),
        ("8 October 1950   11.20", None, "1950-10-08T11:20:00"),
        ("00.55 6.7", 1950, "1950-07-06T00:55:00"),
        ("5 июля 1950 года в 23 часа 45 минут", None, "1950-07-05T23:45:00"),
    ],
)
def test_parse_date_reads_written_forms(text: str, default_year: int | None, when: str) -> None:
    assert parse_date(text, default_year=default_year) == DateValue(text=text, when=when)


@pytest.mark.parametrize(
    ("text", "default_year"),
    [
        ("3 May", None),                 # no year written, none given
        ("00.55 6.7", None),
        ("31.02.50", None),              # no 31 February
        ("29.02.50", None),              # 1950 is no leap year
        ("5.13.50", None),               # no month 13
        ("32 July 1950", None),
        ("26, 1949", None),              # unparseable
        ("", None),
        ("   ", None),
        ("No. 3305", None),
        ("38 parallel", None),
        ("1112-1126", None),
        ("5-6", None),
        ("MIG-15s", None),
        ("20.миллионов", None),
        ("July 5, 1950 and more", None),  # not only a date
        ("23:45", 1950),                 # a time is no date
        ("25:10 5.7.50", None),          # no hour 25
        ("1.XIII.50", None),
    ],
)
def test_parse_date_refuses_what_is_no_date(text: str, default_year: int | None) -> None:
    assert parse_date(text, default_year=default_year) is None


def test_parse_date_keeps_text_as_given() -> None:
    assert parse_date("  5 July 1950. ") == DateValue(text="  5 July 1950. ", when="1950-07-05")


def test_two_digit_years_are_nineteen_hundreds() -> None:
    assert parse_date("1.1.05") == DateValue(text="1.1.05", when="1905-01-01")


# --------------------------------------------------------------------------
# find_dates
# --------------------------------------------------------------------------
def found(text: str, **defaults: object) -> list[tuple[str, str | None]]:
    matches = find_dates(text, **defaults)  # type: ignore[arg-type]
    for match in matches:
        assert match.value.text == text[match.start:match.end]
    return [(match.value.text, match.value.when) for match in matches]


@pytest.mark.parametrize(
    ("text", "defaults", "expected"),
    [
        ("Поступила: 23.45 5.7.50г.", {}, [("23.45 5.7.50г.", "1950-07-05T23:45:00")]),
        ("00.55 6.7", {"default_year": 1950}, [("00.55 6.7", "1950-07-06T00:55:00")]),
        ("00.55 6.7", {}, []),
        ("Sent 03:15 13.7.50", {}, [("03:15 13.7.50", "1950-07-13T03:15:00")]),
        ("SOVIET AMBASSADOR Sent 03:15  \n13.7.50", {}, [("03:15  \n13.7.50", "1950-07-13T03:15:00")]),
        ("Received on 4:10 am, 14 May 1950", {}, [("4:10 am, 14 May 1950", "1950-05-14T04:10:00")]),
        ("Sent by wire on 10/09/50 at 7:05 a.m.", {}, [("10/09/50 at 7:05 a.m.", "1950-10-09T07:05:00")]),
        ("Передано т. Булганину.\n1.X.50г. в 3ч.00м.", {}, [("1.X.50г. в 3ч.00м.", "1950-10-01T03:00:00")]),
        ("From Beijing Received 19 hours 50 minutes 28.10.1950", {},
         [("19 hours 50 minutes 28.10.1950", "1950-10-28T19:50:00")]),
        ("Tenth Department Received 18:35 21.XI.1951", {}, [("18:35 21.XI.1951", "1951-11-21T18:35:00")]),
        ("Received 19:55 13.June.1951", {}, [("19:55 13.June.1951", "1951-06-13T19:55:00")]),
        ("received at 0020 2 September", {"default_year": 1949}, [("0020 2 September", "1949-09-02T00:20:00")]),
        ("14.7.51 at 21:00 local time the ambassador handed me a reply", {},
         [("14.7.51 at 21:00", "1951-07-14T21:00:00")]),
        ("No. 1443\n\n8 October 1950   11.20\n", {}, [("8 October 1950   11.20", "1950-10-08T11:20:00")]),
        ("Late on May 13, at 23 hours 30 minutes the minister called on me", {"default_year": 1950},
         [("May 13, at 23 hours 30 minutes", "1950-05-13T23:30:00")]),
        ("at 23 hours 30 minutes", {"default_date": "1950-05-13"}, [("23 hours 30 minutes", "1950-05-13T23:30:00")]),
        ("at 23 hours 30 minutes", {}, []),
        ("20 hours 05\nminutes", {"default_date": "1950-10-28"}, [("20 hours 05\nminutes", "1950-10-28T20:05:00")]),
        ("22:00", {}, []),
        ("22:00", {"default_date": "1950-01-02"}, [("22:00", "1950-01-02T22:00:00")]),
        ("At 2212 I received", {"default_date": "1950-10-12"}, [("2212", "1950-10-12T22:12:00")]),
        ("On 1.X.50 [1 October 1950]", {}, [("1.X.50", "1950-10-01"), ("1 October 1950", "1950-10-01")]),
        ("Вх. № 222/ш от 6/III 1950 г.", {}, [("6/III 1950 г.", "1950-03-06")]),
        ("13/5-50. Roshchin", {}, [("13/5-50", "1950-05-13")]),
        ("24.III.50 Shtykov", {}, [("24.III.50", "1950-03-24")]),
        ("Nº 2395\n\n12 October 1950.\n\nTwo copies printed. Nº 2 to file.", {}, [("12 October 1950", "1950-10-12")]),
        ("by Mokrov Nº 1644\n4 May 1950]", {}, [("4 May 1950", "1950-05-04")]),
        ("Incoming Nº 2924/shs 2 September 1949]", {}, [("2 September 1949", "1949-09-02")]),
        ("On March 24 I visited Kim Il Sung", {"default_year": 1950}, [("March 24", "1950-03-24")]),
        ("On March 24 I visited Kim Il Sung", {}, []),
        ("в заявке от 7 марта сего года", {"default_year": 1952}, [("7 марта", "1952-03-07")]),
        ("his visit to Moscow in 1948, convey", {}, [("1948", "1948")]),
        ("в 1950 году и в октябре 1950 года", {}, [("1950 году", "1950"), ("октябре 1950 года", "1950-10")]),
        ("Vol. 5, Book 1, 1946-February 1950 (Moscow, 2005)", {}, [("February 1950", "1950-02")]),
        ("Original Uploaded Date\n\n2011-11-20\n", {}, [("2011-11-20", "2011-11-20")]),
        ("No. 2623\n28.10\n", {"default_year": 1950}, [("28.10", "1950-10-28")]),
        ("MAO ZEDONG 27 October 1950.\"", {}, [("27 October 1950", "1950-10-27")]),
        ("в 3 часа дня 5 июля 1950 г.", {}, [("3 часа дня 5 июля 1950 г.", "1950-07-05T15:00:00")]),
    ],
)
def test_find_dates_in_text(text: str, defaults: dict[str, object], expected: list[tuple[str, str | None]]) -> None:
    assert found(text, **defaults) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the enemy crosses the 38 parallel",
        "the 38th parallel",
        "124 pieces of equipment",
        "CIPHERED TELEGRAM No. 3305",
        "Ciphered Telegram # 600382/sh",
        "На Ваш № 1112-1126.",
        "move 5-6 divisions",
        "the training of 200-300 pilots",
        "MIG-15s and MIG-9s",
        "тетравакцина - 20.миллионов доз",
        "increased by 6.7 percent to 12.30 units",
        "the rates were 5.5 10.20 and 7.3",
        "1,000 tankists, 2,000 pilots, 20% of POWs",
        "in the course of 2-3 months",
        "через 2 дня",
        "Special no. 550",
        "Stalin - 2, Molotov - 1",
        "VKP(b) CC Special Section 1419",
        "ll. 0134-0135; f. 558, op. 11",
        "1.000.000 рублей",
        "the 1 [First] and 2 [Second] Army Groups",
        "Total Page:16 Size:1020Kb",
    ],
)
def test_find_dates_leaves_numbers_alone(text: str) -> None:
    assert found(text, default_year=1950, default_date="1950-07-05") == []


def test_find_date_at_reads_only_from_the_position() -> None:
    text = "Verified by Shift Chief Sadov[in] 0350"
    position = text.index("0350")
    assert find_date_at(text, position, default_date="1949-09-02") is None      # a bare number in prose
    match = find_date_at(text, position, default_date="1949-09-02", after_label=True)
    assert match is not None and match.value == DateValue("0350", "1949-09-02T03:50:00")
    assert find_date_at(text, 0) is None
    assert find_date_at(text, len(text)) is None


def test_malformed_default_date_is_reported() -> None:
    with pytest.raises(ValueError):
        find_dates("22:00", default_date="yesterday")


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
PIECES = [
    " ", " ", "\n", ".", "..", ",", ":", "/", "-", "г.", "г", " at ", " в ", "No. ", "№ ", "Sent ", "Received ",
    "July", "May", "октября", "марта", "X", "XI", "III", "Х", "am", "a.m.", "p.m.", "hours", "minutes", "ч.", "м.",
    "1", "5", "7", "13", "23", "31", "45", "50", "00", "0020", "1950", "1112", "2011", "13.6.51", "5.7.50г.",
    "23.45", "03:15", "1.X..50", "10/09/50", "13/5-50", "2011-11-20",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
)


def assert_iso(when: str | None) -> None:
    assert when is not None
    assert ISO_SHAPE.match(when), when
    if len(when) >= 10:
        datetime.datetime.fromisoformat(when)


@settings(max_examples=400, deadline=None)
@given(text=texts, default_year=st.none() | st.integers(1900, 1999), with_date=st.booleans())
def test_find_dates_spans_are_exact_sorted_and_apart(text: str, default_year: int | None, with_date: bool) -> None:
    matches = find_dates(text, default_year=default_year, default_date="1950-07-05" if with_date else None)
    previous_end = 0
    for match in matches:
        assert 0 <= previous_end <= match.start < match.end <= len(text)
        span = text[match.start:match.end]
        assert span == span.strip()
        assert match.value.text == span
        assert_iso(match.value.when)
        previous_end = match.end


@settings(max_examples=400, deadline=None)
@given(text=texts, default_year=st.none() | st.integers(1900, 1999), with_date=st.booleans())
def test_find_dates_tries_every_word_start_that_could_begin_a_date(text: str, default_year: int | None,
                                                                   with_date: bool) -> None:
    """find_dates looks only where a date or time form matches; reading at every word start finds the same."""
    context = dates.make_context(dates.FIND, default_year, "1950-07-05" if with_date else None)
    expected, covered_until = [], 0
    for token in dates.token_start_pattern().finditer(text):
        if token.start() < covered_until:
            continue
        best = dates.longest_reading(text, token.start(), context)
        if best is not None:
            expected.append((token.start(), best[0], best[1]))
            covered_until = best[0]
    found = find_dates(text, default_year=default_year, default_date="1950-07-05" if with_date else None)
    assert [(match.start, match.end, match.value.when) for match in found] == expected


@settings(max_examples=400, deadline=None)
@given(text=texts, default_year=st.none() | st.integers(1900, 1999))
def test_parse_date_never_crashes_and_reads_iso(text: str, default_year: int | None) -> None:
    value = parse_date(text, default_year=default_year)
    if value is not None:
        assert value.text == text
        assert_iso(value.when)


ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def written_forms(day: datetime.date) -> list[str]:
    month_name = ENGLISH_MONTHS[day.month - 1]
    return [
        f"{month_name} {day.day}, {day.year}",
        f"{day.day} {month_name} {day.year}",
        f"{day.day}.{day.month}.{day.year % 100:02d}г.",
        f"{day.day}.{ROMAN[day.month - 1]}.{day.year}",
        f"{day.day}/{day.month}-{day.year % 100:02d}",
        day.isoformat(),
    ]


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(1999, 12, 31)))
def test_every_written_form_reads_back(day: datetime.date) -> None:
    for written in written_forms(day):
        assert parse_date(written) == DateValue(written, day.isoformat()), written
        sentence = f"It was sent on {written} to Moscow."
        assert found(sentence) == [(written, day.isoformat())], written
