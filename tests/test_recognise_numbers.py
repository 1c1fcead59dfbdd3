"""Tests for pipeline.recognise.numbers: cipher, outgoing, incoming, registration, copy and reply numbers."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import DocumentNumber, Match
from pipeline.recognise.numbers import find_numbers, find_title_numbers

NBSP = "\u00a0"


def found(text: str) -> list[tuple[str, str]]:
    """(span as written, type) for every number found."""
    return [(text[match.start : match.end], match.value.type) for match in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cipher numbers
        ("ШИФРТЕЛЕГРАММА № 3172", [("3172", "cipher")]),
        ("## ШИФРТЕЛЕГРАММА № 3172", [("3172", "cipher")]),
        ("CIPHERED TELEGRAM No. 3305  \nBEIJING", [("3305", "cipher")]),
        ("Ciphered Telegram # 600382/sh\nTo Comrade STALIN I.V.", [("600382/sh", "cipher")]),
        ("Cable Nº 4784", [("4784", "cipher")]),
        ("CABLE Nº 2220", [("2220", "cipher")]),
        (f"CABLE N{NBSP}: 3582", [("3582", "cipher")]),
        ("Issuing No. 8600", [("8600", "cipher")]),
        ("Ciphered Telegram No. 25553, Roshchin to Filippov", [("25553", "cipher")]),
        ("Шифртелеграмма N 1234", [("1234", "cipher")]),
        # outgoing numbers: department suffix, no incoming label
        ("ФИЛИПОВ.\n\n№ 373/ш.", [("373/ш", "outgoing")]),
        ("FILIPPOV\n\nNo. 302/sh", [("302/sh", "outgoing")]),
        ("No. 1447/sh\n9 October 1950", [("1447/sh", "outgoing")]),
        ("Исх. № 45/сс", [("45/сс", "outgoing")]),
        # incoming numbers
        ("Вх. № 222/ш от 6/III 1950 г.", [("222/ш", "incoming")]),
        ("[stamp: Incoming Nº 1397/shs\n4 May 1950]", [("1397/shs", "incoming")]),
        (f"Incoming N{NBSP}: 2924/shs 2 September 1949", [("2924/shs", "incoming")]),
        ("Вх. 222/ш", [("222/ш", "incoming")]),
        # registration numbers
        ("00.55 6.7\n\n№ 5204", [("5204", "registration")]),
        ("Nº 2395\n\n12 October 1950.", [("2395", "registration")]),
        ("ROSHCHIN\nNo. 2974\n13.6.51", [("2974", "registration")]),
        ("No. 635037\n16 February 1951.", [("635037", "registration")]),
        (f"at 0230 2 September\nN{NBSP}: 5369", [("5369", "registration")]),
        ("No. 1443", [("1443", "registration")]),
        ("sent in one copy from an original\nby Mokrov Nº 1644", [("1644", "registration")]),
        ("600742/III", [("600742/III", "registration")]),
        ("Nо. 55", [("55", "registration")]),
        # special and copy numbers
        ("Special no. 550", [("550", "special")]),
        ("Экз. № 2", [("2", "copy")]),
        ("Copy Nº 1", [("1", "copy")]),
        (f"copies N{NBSP}:N{NBSP}: 1-2 to Cde. Poskrebyshev", [("1-2", "copy")]),
        ("copies NºNº 1-2 to Cde. Poskrebyshev", [("1-2", "copy")]),
        ("copy Nº 3 – to Cde. Molotov", [("3", "copy")]),
        ("Two copies printed. Nº 2 to file.", [("2", "copy")]),
        ("Экз. 2", [("2", "copy")]),
        # references to other telegrams
        ("На Ваш № 1112-1126.", [("1112-1126", "reply")]),
        ("To No. 1726.", [("1726", "reply")]),
        ("In addition to my Nº 2390.", [("2390", "reply")]),
        ("I received your telegram No. 3153.", [("3153", "reply")]),
        # the bracketed number names the same earlier telegram (its incoming number)
        ("To my [telegram] No. 2967 (vkh. No. 20757).", [("2967", "reply"), ("20757", "reply")]),
        ("На Ваш № 1112 (вх. № 222/ш).", [("1112", "reply"), ("222/ш", "reply")]),
        ("На Ваш № 1112. Вх. № 222/ш", [("1112", "reply"), ("222/ш", "incoming")]),
        ("в ответ на Ваш № 45", [("45", "reply")]),
        ("Ваша телеграмма № 7821 получена.", [("7821", "reply")]),
        ("На № 512 сообщаю", [("512", "reply")]),
        ("Отвечаю на № 5", [("5", "reply")]),
        ("In reply to No. 44", [("44", "reply")]),
        ("issued to No. 5 Army", [("5", "registration")]),
        ("Наш № 118", [("118", "registration")]),
        ("№ 59а", [("59а", "registration")]),
        # plural signs give every number of the list
        ("№№ 1, 2 и 3", [("1", "registration"), ("2", "registration"), ("3", "registration")]),
        ("Nos. 5 and 6", [("5", "registration"), ("6", "registration")]),
        # not numbers: no sign, compass letters, Markdown, words
        ("before the 38 parallel with 124 pieces", []),
        ("9 китайских дивизий", []),
        ("two or three aviation divisions of MIG-15s", []),
        ("at 38 N 125 E", []),
        ("## 1950", []),
        ("November 5, Nov. 6", []),
        ("There is no 5-ton lorry", []),
        ("Вх. № 222/ш от 6/III 1950 г.", [("222/ш", "incoming")]),
        ("Thank you. No, 5 is not enough", []),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_value_is_the_span_as_written() -> None:
    text = "Вх. № 222/ш от 6/III 1950 г."
    [match] = find_numbers(text)
    assert match.value == DocumentNumber(type="incoming", value="222/ш")
    assert text[match.start : match.end] == match.value.value


def test_number_in_a_seed_like_heading_block() -> None:
    text = "КОПИЯ ИСХ. ТЕЛЕГРАММЫ\n\nСОВЕРШЕННО СЕКРЕТНО\n\nЭкз. № 2\n\n## ШИФРТЕЛЕГРАММА № 3172\n"
    assert found(text) == [("2", "copy"), ("3172", "cipher")]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Cable No. 4785, Filippov [Stalin] and Zhou Enlai to the Soviet Ambassador in Peking", [("4785", "cipher")]),
        ("Ciphered Telegram No. 17318 from Beijing, Zhou Enlai to Filippov [Stalin]", [("17318", "cipher")]),
        ("Secret Telegram from Moscow to Warsaw, No. 848", [("848", "cipher")]),
        ("Cable No. 3582 from Flilippov [Stalin] to Cde. Mao Zedong", [("3582", "cipher")]),
        ("Ciphered telegram, Filippov [Stalin] to Mao Zedong", []),
        ("Telegram from Mao Zedong to I.V. Stalin, via Roshchin", []),
        # spaces lost in the export: the sign glued to the word before it
        ("Ciphered TelegramNo. 27418, Roshchin to Filippov [Stalin]", [("27418", "cipher")]),
        ("Шифртелеграмма№ 4417 Филиппова", [("4417", "cipher")]),
        ("Ciphered Telegram No. 44-17, Filippov to Roshchin", [("44-17", "cipher")]),
    ],
)
def test_find_title_numbers(title: str, expected: list[tuple[str, str]]) -> None:
    assert [(title[match.start : match.end], match.value.type) for match in find_title_numbers(title)] == expected


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
_PIECES = st.sampled_from(
    [
        "№", "Nº", "No.", "No", "N", f"N{NBSP}:", "#", "##", " ", "\n", "373/ш", "1112-1126", "5204",
        "Вх.", "Incoming", "copies", "Cable", "To", "my", "your", "[telegram]", "6/III", "600742/III",
        "Ваш", "На", "1-2", ".", ",", "и", "and", "/", "-", "x",
    ]
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join))


def _assert_well_formed(text: str, matches: list[Match[DocumentNumber]]) -> None:
    previous_end = 0
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end, "spans overlap or are out of order"
        previous_end = match.end
        span = text[match.start : match.end]
        assert span == span.strip()
        assert span == match.value.value
        assert match.value.type in {"cipher", "outgoing", "incoming", "registration", "special", "copy", "reply"}


@settings(max_examples=300)
@given(_TEXTS)
def test_find_numbers_never_crashes_and_spans_are_sound(text: str) -> None:
    _assert_well_formed(text, find_numbers(text))


@settings(max_examples=200)
@given(_TEXTS)
def test_find_title_numbers_never_crashes_and_spans_are_sound(text: str) -> None:
    _assert_well_formed(text, find_title_numbers(text))
