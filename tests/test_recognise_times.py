"""Tests for pipeline.recognise.times: transmission events (sent, received, transmitted …) after their labels."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.recognise.times import find_transmission_events

EVENT_TYPES = {"sent", "received", "transmitted", "arrived", "deciphered", "typed", "verified"}


def events(text: str, **defaults: object) -> list[tuple[str, str, str | None]]:
    matches = find_transmission_events(text, **defaults)  # type: ignore[arg-type]
    for match in matches:
        assert match.value.date.text == text[match.start:match.end]
    return [(match.value.type, match.value.date.text, match.value.date.when) for match in matches]


@pytest.mark.parametrize(
    ("text", "defaults", "expected"),
    [
        ("Поступила: 23.45 5.7.50г.", {}, [("received", "23.45 5.7.50г.", "1950-07-05T23:45:00")]),
        ("Поступила:\n23.45 5.7.50г.", {}, [("received", "23.45 5.7.50г.", "1950-07-05T23:45:00")]),
        ("Поступила в 14 ч. 20 м. 5.7.50", {}, [("received", "14 ч. 20 м. 5.7.50", "1950-07-05T14:20:00")]),
        ("Поступила в 14 ч. 20 м.", {"default_date": "1950-07-05"}, [("received", "14 ч. 20 м.", "1950-07-05T14:20:00")]),
        ("Поступила в 14 ч. 20 м.", {}, []),
        ("Отправлена: 03.15 13.7.50", {}, [("sent", "03.15 13.7.50", "1950-07-13T03:15:00")]),
        ("SOVIET AMBASSADOR Sent 03:15  \n13.7.50", {}, [("sent", "03:15  \n13.7.50", "1950-07-13T03:15:00")]),
        ("Sent on 5:30 am, 14 May 1950", {}, [("sent", "5:30 am, 14 May 1950", "1950-05-14T05:30:00")]),
        ("Received on 4:10 am, 14 May 1950", {}, [("received", "4:10 am, 14 May 1950", "1950-05-14T04:10:00")]),
        ("Sent by wire on 10/09/50 at 7:05 a.m.", {}, [("sent", "10/09/50 at 7:05 a.m.", "1950-10-09T07:05:00")]),
        ("Received in Moscow on 10/09/50 at 9:38 a.m.", {},
         [("received", "10/09/50 at 9:38 a.m.", "1950-10-09T09:38:00")]),
        ("Arrived at the 8D/GS on 10/09/50 at 9:45 a.m.", {},
         [("arrived", "10/09/50 at 9:45 a.m.", "1950-10-09T09:45:00")]),
        ("Deciphered by Morozov on 10/09/50 at 10:45 a.m.", {},
         [("deciphered", "10/09/50 at 10:45 a.m.", "1950-10-09T10:45:00")]),
        ("Typed by Kravchuk on 10/09/50 at 11:20 a.m.", {}, [("typed", "10/09/50 at 11:20 a.m.", "1950-10-09T11:20:00")]),
        ("Typed by Plyvkina\nat 0230 2 September\nNº 5369", {"default_year": 1949},
         [("typed", "0230 2 September", "1949-09-02T02:30:00")]),
        ("Verified by Shift Chief Sadov[in] 0350", {"default_date": "1949-09-02"},
         [("verified", "0350", "1949-09-02T03:50:00")]),
        ("Verified by Shift Chief Sadov[in] 0350", {}, []),
        ("received at 0020 2 September\nsent at 0215 2 September", {"default_year": 1949},
         [("received", "0020 2 September", "1949-09-02T00:20:00"), ("sent", "0215 2 September", "1949-09-02T02:15:00")]),
        ("Tenth Department Received 18:35 21.XI.1951\n\nSent 20:50 21.XI.1951", {},
         [("received", "18:35 21.XI.1951", "1951-11-21T18:35:00"), ("sent", "20:50 21.XI.1951", "1951-11-21T20:50:00")]),
        ("Sent 22:03 16.2.51\nTransmitted 22:55 16.2.51", {},
         [("sent", "22:03 16.2.51", "1951-02-16T22:03:00"), ("transmitted", "22:55 16.2.51", "1951-02-16T22:55:00")]),
        ("Received 19:55 13.June.1951", {}, [("received", "19:55 13.June.1951", "1951-06-13T19:55:00")]),
        ("From Beijing Received 19 hours 50 minutes 28.10.1950", {},
         [("received", "19 hours 50 minutes 28.10.1950", "1950-10-28T19:50:00")]),
        ("Transmitted to Bulganin\n\nOn 1.X.50 [1 October 1950]", {}, [("transmitted", "1.X.50", "1950-10-01")]),
        ("Передано т.Булганину [из Сочи]\n\n1.X..50 г.", {}, [("transmitted", "1.X..50 г.", "1950-10-01")]),
        ("Передано т. Булганину. 1.X.50г. в 3ч.00м.", {}, [("transmitted", "1.X.50г. в 3ч.00м.", "1950-10-01T03:00:00")]),
        ("Передано т. Булганину.\n1.X.50г. в 3ч.00м.", {}, [("transmitted", "1.X.50г. в 3ч.00м.", "1950-10-01T03:00:00")]),
        # the cipher office's form field "Передана:" is the sending ("Sent" in the translations) …
        ("Передана: 12.30 6.7.50", {}, [("sent", "12.30 6.7.50", "1950-07-06T12:30:00")]),
        # a range of minutes: the event is its start, the span the whole range
        ("Sent 22:03-22:10 16.2.51", {}, [("sent", "22:03-22:10 16.2.51", "1951-02-16T22:03:00")]),
        ("Передана: 02.40-02.55 14.8.50г.", {}, [("sent", "02.40-02.55 14.8.50г.", "1950-08-14T02:40:00")]),
        # hours and minutes in words, over a line break
        ("Received 20 hours\n05 minutes 12.11.1950", {}, [("received", "20 hours\n05 minutes 12.11.1950",
                                                            "1950-11-12T20:05:00")]),
        # … a text handed to a person is a transmission through him
        ("Передано т. Булганину.\n1.X.50г. в 3ч.00м.", {}, [("transmitted", "1.X.50г. в 3ч.00м.", "1950-10-01T03:00:00")]),
        ("Верно: начальник смены\n\nотп. Степанова\n\n00.55 6.7\n\n№ 5204", {"default_year": 1950},
         [("typed", "00.55 6.7", "1950-07-06T00:55:00")]),
        ("Расшифровала Морозова 10.45 9.10.50", {}, [("deciphered", "10.45 9.10.50", "1950-10-09T10:45:00")]),
        ("RECEIVED 19:55 13.6.51", {}, [("received", "19:55 13.6.51", "1951-06-13T19:55:00")]),
    ],
)
def test_events_after_labels(text: str, defaults: dict[str, object], expected: list[tuple[str, str, str | None]]) -> None:
    assert events(text, **defaults) == expected


@pytest.mark.parametrize(
    ("text", "defaults"),
    [
        ("Передана:", {}),
        ("Передана:\n\nНа Ваш № 1112-1126.", {}),
        ("Передана:\n\n5.7.50г.", {}),                                   # a blank line ends an empty field
        ("отп. три экз.\n\n1. Тов. Сталину", {"default_year": 1950}),
        ("Верно: начальник смены", {}),
        ("On March 24 I visited Kim Il Sung", {"default_year": 1950}),
        ("Late on May 13, at 23 hours 30 minutes the minister called on me", {"default_year": 1950}),
        ("14.7.51 at 21:00 local time the ambassador handed me a reply", {}),
        ("At 2212 I received the following telegram", {"default_date": "1950-10-12"}),
        ("I received your telegram of 13 June.", {"default_year": 1951}),
        ("Received your telegram of 13 June.", {"default_year": 1951}),
        ("Received in good order your telegram of 13 June.", {"default_year": 1951}),
        ("It was sent on 5 July 1950 to Peking.", {}),
        ("Three copies printed", {}),
        ("Sent: No. 3305", {}),
        ("Sent 5-6 divisions", {}),
        ("Received 2000 tons", {}),
        ("5 July 1950\n\nSent", {}),
    ],
)
def test_no_event_without_label_and_date(text: str, defaults: dict[str, object]) -> None:
    assert events(text, **defaults) == []


def test_whole_transmission_block() -> None:
    block = (
        "Ciphered Telegram # 600382/sh\n\n"
        "Sent by wire on 10/09/50 at 7:05 a.m.\n"
        "Received in Moscow on 10/09/50 at 9:38 a.m.\n"
        "Arrived at the 8D/GS on 10/09/50 at 9:45 a.m.\n"
        "Deciphered by Morozov on 10/09/50 at 10:45 a.m.\n"
        "Distribution list - 11 copies: Stalin - 2,\n"
    )
    assert [kind for kind, _, _ in events(block)] == ["sent", "received", "arrived", "deciphered"]
    for match in find_transmission_events(block):
        assert block[match.start - 3:match.start] == "on "       # the label stays outside the span


def test_malformed_default_date_is_reported() -> None:
    with pytest.raises(ValueError):
        find_transmission_events("Sent 22:00", default_date="13.7.50")


PIECES = [
    " ", " ", "\n", "\n\n", ":", ".", ",", "Sent", "sent", "Received", "received at", "Передана:", "Поступила:",
    "Передано т. Булганину.", "отп.", "Степанова", "Typed by", "Verified by", "Shift Chief", "on", "at", "в", "No.",
    "№", "[из Сочи]", "23.45", "5.7.50г.", "00.55", "6.7", "03:15", "13.7.50", "0230", "2 September", "4:10 am",
    "14 May 1950", "1.X..50 г.", "3ч.00м.", "19 hours 50 minutes", "1112-1126", "10/09/50", "a.m.",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.text(max_size=60),
)


@settings(max_examples=400, deadline=None)
@given(text=texts, default_year=st.none() | st.integers(1900, 1999), with_date=st.booleans())
def test_events_spans_are_exact_sorted_and_apart(text: str, default_year: int | None, with_date: bool) -> None:
    matches = find_transmission_events(text, default_year=default_year, default_date="1950-07-05" if with_date else None)
    previous_end = 0
    for match in matches:
        assert 0 <= previous_end <= match.start < match.end <= len(text)
        span = text[match.start:match.end]
        assert span == span.strip()
        assert match.value.type in EVENT_TYPES
        assert match.value.date.text == span
        when = match.value.date.when
        assert when is not None
        if len(when) >= 10:
            datetime.datetime.fromisoformat(when)
        previous_end = match.end
