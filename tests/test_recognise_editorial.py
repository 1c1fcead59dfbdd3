"""Tests for pipeline.recognise.editorial: gaps, identifications, supplied words, glosses, notes, page breaks."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Editorial, Match
from pipeline.recognise.editorial import find_editorial


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(span as written, type, value) for every intervention found."""
    return [(text[match.start : match.end], match.value.type, match.value.value) for match in find_editorial(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gaps
        ("[...]", [("[...]", "gap", None)]),
        ("[…]", [("[…]", "gap", None)]),
        ("cover of these units. [. . .] FILIPPOV", [("[. . .]", "gap", None)]),
        ("по вопросу <…> приема", [("<…>", "gap", None)]),
        ("[illegible]", [("[illegible]", "unclear", None)]),
        # identifications
        ("Telegram from Filippov [Stalin] to Mao Zedong", [("[Stalin]", "identification", "Stalin")]),
        ("Ciphered telegram, Filippov (Stalin) to Zhou Enlai", [("(Stalin)", "identification", "Stalin")]),
        ("FILIPPOV [Stalin].", [("[Stalin]", "identification", "Stalin")]),
        (
            "F I L I P P O V [STALIN]",
            [("F I L I P P O V", "spaced", "FILIPPOV"), ("[STALIN]", "identification", "STALIN")],
        ),
        ("the landing at Jemulpo [Incheon] had great significance", [("[Incheon]", "identification", "Incheon")]),
        ("Pak Heon-yeong [Pak Hon Yong] was present", [("[Pak Hon Yong]", "identification", "Pak Hon Yong")]),
        ("from Manchuria and Korea [Gao Gang and Kim Il Sung].", [("[Gao Gang and Kim Il Sung]", "identification", "Gao Gang and Kim Il Sung")]),
        ("MID [Ministry of Foreign Affairs] is sending", [("[Ministry of Foreign Affairs]", "identification", "Ministry of Foreign Affairs")]),
        ("Cable, Stalin [Kuznetsov] to Mao Zedong", [("[Kuznetsov]", "identification", "Kuznetsov")]),
        ("ФИЛИППОВ [Сталин]", [("[Сталин]", "identification", "Сталин")]),
        # supplied
        ("Pass [the following] to Mao Zedong", [("[the following]", "supplied", "the following")]),
        ("the 1 [First] and 2 [Second] Army Groups", [("[First]", "supplied", "First"), ("[Second]", "supplied", "Second")]),
        ("him and [Foreign Minister] Pak Heon-yeong", [("[Foreign Minister]", "supplied", "Foreign Minister")]),
        ("military operations of the [warring] sides", [("[warring]", "supplied", "warring")]),
        ("must also go [to Moscow].", [("[to Moscow]", "supplied", "to Moscow")]),
        ("by the [Soviet] Ambassador", [("[Soviet]", "supplied", "Soviet")]),
        ("comrade [N.V.] Roshchin", [("[N.V.]", "supplied", "N.V.")]),
        ("Comrade [Nikolai] Roshchin", [("[Nikolai]", "supplied", "Nikolai")]),
        ("They [the Soviets] were thinking", [("[the Soviets]", "supplied", "the Soviets")]),
        ("Verified by Shift Chief Sadov[in] 0350", [("[in]", "supplied", "in")]),
        ("From Vladivostok to Moscow [Kim and Pak can travel] by train", [("[Kim and Pak can travel]", "supplied", "Kim and Pak can travel")]),
        ("Передано т.Булганину [из Сочи]", [("[из Сочи]", "supplied", "из Сочи")]),
        ("Mao Zedong [via Terebin]", [("[via Terebin]", "supplied", "via Terebin")]),
        # glosses
        ("move toward reunification [pristupit k obiednineniiu].", [("[pristupit k obiednineniiu]", "gloss", "pristupit k obiednineniiu")]),
        ("since the need for them had disappeared [otpala].", [("[otpala]", "gloss", "otpala")]),
        ("Send by flash cable [molniruite] the receipt", [("[molniruite]", "gloss", "molniruite")]),
        ("Telegraph the fulfillment [ispolneniie telegraf’te].", [("[ispolneniie telegraf’te]", "gloss", "ispolneniie telegraf’te")]),
        ("the terms were agreed [uslovija soglasovany], and", [("[uslovija soglasovany]", "gloss", "uslovija soglasovany")]),
        ("the need had disappeared [отпала].", [("[отпала]", "gloss", "отпала")]),
        # sic
        ("BEIPING [SIC]", [("[SIC]", "sic", None)]),
        ("Peking [sic]", [("[sic]", "sic", None)]),
        ("necessary only to observe [ponablyusti – SIC] that", [("[ponablyusti – SIC]", "sic", "ponablyusti")]),
        ("to observe ponablyusti – SIC that", [("– SIC", "sic", None)]),
        ("a plan (sic) of action", [("(sic)", "sic", None)]),
        # notes
        (
            "[Translator’s note: the following paragraph was highlighted in the left margin] 3. There",
            [("[Translator’s note: the following paragraph was highlighted in the left margin]", "note", "translator")],
        ),
        ("[handwritten: to Cde. Poskrebyshev]", [("[handwritten: to Cde. Poskrebyshev]", "note", "handwritten")]),
        ("[stamp: Incoming Nº 1397/shs\n4 May 1950]", [("[stamp: Incoming Nº 1397/shs\n4 May 1950]", "note", "stamp")]),
        (
            "[Stamp: Subject to return to the\nVKP(b) CC Special Section 1419\nIncoming Nº 2924/shs 2 September 1949]",
            [("[Stamp: Subject to return to the\nVKP(b) CC Special Section 1419\nIncoming Nº 2924/shs 2 September 1949]", "note", "stamp")],
        ),
        ("[Stamp: “Declassified 14 December 1993”]", [("[Stamp: “Declassified 14 December 1993”]", "note", "stamp")]),
        ("[Ed. note: In the photocopy provided.]", [("[Ed. note: In the photocopy provided.]", "note", "editor")]),
        ("[Stalin's handwritten draft is attached.]", [("[Stalin's handwritten draft is attached.]", "note", "editor")]),
        ("[Резолюция: Согласен. И.Ст.]", [("[Резолюция: Согласен. И.Ст.]", "note", "resolution")]),
        ("[signature]", [("[signature]", "note", "signature")]),
        # footnote references
        ("and Wang Li:[1] My report follows below. [2] Kindly", [("[1]", "noteref", "1"), ("[2]", "noteref", "2")]),
        ("comrade Filippov [Stalin].x/", [("[Stalin]", "identification", "Stalin"), ("x/", "noteref", "x")]),
        # page breaks
        ("организовать резервы.\n\n- 2 -\n\nЯ ничего не сообщал", [("- 2 -", "pagebreak", "2")]),
        ("– 3 –", [("– 3 –", "pagebreak", "3")]),
        ("text\n-2-\ntext", [("-2-", "pagebreak", "2")]),
        ("[page 4]", [("[page 4]", "pagebreak", "4")]),
        ("a range 2-3 months - 5 - and more", []),
        # letter-spaced words
        ("П Е К И Н, -СОВПОСОЛ", [("П Е К И Н", "spaced", "ПЕКИН")]),
        ("р а з р я д к а", [("р а з р я д к а", "spaced", "разрядка")]),
        ("I V Stalin", []),
        # unbalanced and empty brackets yield nothing
        ("unbalanced [bracket here\nand ] there", []),
        ("an opening [ only", []),
        ("a closing ] only", []),
        ("empty [] brackets", []),
        # round brackets that are the source's own
        ("Copies: Stalin (2), Molotov", []),
        ("Zhou Enlai or Mao Zedong (via Roshchin)", []),
        ("Archive of the Ministry of Foreign Affairs, Warsaw (AMSZ) z-Depesze", []),
        ("в IV часть ООП ВКП(б)", []),
    ],
)
def test_find_editorial(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text) == expected


def test_editorial_value() -> None:
    [match] = find_editorial("Filippov [Stalin]")
    assert match == Match(9, 17, Editorial(type="identification", value="Stalin"))


def test_a_title_with_several_identifications() -> None:
    title = "Cable, Zhou Enlai to the Chairman [Mao Zedong] and Comrades Liu [Shaoqi], Zhu [De], [Li] Fuchun"
    assert found(title) == [
        ("[Mao Zedong]", "identification", "Mao Zedong"),
        ("[Shaoqi]", "identification", "Shaoqi"),
        ("[De]", "identification", "De"),
        ("[Li]", "supplied", "Li"),
    ]


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
_PIECES = st.sampled_from(
    [
        "[", "]", "(", ")", "<", ">", "...", "…", "Filippov", "Stalin", "stamp:", "Stamp: ", "\n", " ", "otpala",
        "the", "SIC", "–", "-", "2", "x/", "F I L", "N.V.", "Translator’s note:", "[1]", "Sadov", "in", ".",
    ]
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=400)
@given(_TEXTS)
def test_find_editorial_never_crashes_and_spans_are_sound(text: str) -> None:
    previous_end = 0
    for match in find_editorial(text):
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end, "spans overlap or are out of order"
        previous_end = match.end
        span = text[match.start : match.end]
        assert span == span.strip()
        assert match.value.type in {
            "gap", "unclear", "sic", "noteref", "pagebreak", "note", "identification", "gloss", "supplied", "spaced",
        }


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["[", "]", "x", " ", "\n"]), max_size=60).map("".join))
def test_brackets_found_are_balanced(text: str) -> None:
    for match in find_editorial(text):
        span = text[match.start : match.end]
        if span.startswith("["):
            assert span.endswith("]")
            assert span.count("[") == span.count("]")
