"""Tests for pipeline.recognise.marks: classification, priority and handling marks."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Mark, Match
from pipeline.recognise.marks import find_marks


def found(text: str) -> list[tuple[str, str, str]]:
    """(span as written, type, normalised key) for every mark found."""
    return [(text[match.start : match.end], match.value.type, match.value.normalised) for match in find_marks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # classification, any case, whole line
        ("СОВЕРШЕННО СЕКРЕТНО", [("СОВЕРШЕННО СЕКРЕТНО", "classification", "top-secret")]),
        ("Совершенно секретно", [("Совершенно секретно", "classification", "top-secret")]),
        ("Секретно", [("Секретно", "classification", "secret")]),
        ("Tenth Department\n\nTop Secret\n", [("Top Secret", "classification", "top-secret")]),
        ("**Top Secret**", [("Top Secret", "classification", "top-secret")]),
        ("Strictly secret.", [("Strictly secret", "classification", "strictly-secret")]),
        ("Ciphered Telegram\nStrictly Secret\n", [("Strictly Secret", "classification", "strictly-secret")]),
        ("Secret", [("Secret", "classification", "secret")]),
        ("[Stamp: “Declassified 14 December 1993”]", [("Declassified", "classification", "declassified")]),
        # column layout and capitals
        (
            "COPY OF AN OUTGOING TELEGRAM\u00a0\u00a0\u00a0 TOP SECRET",
            [
                ("COPY OF AN OUTGOING TELEGRAM", "handling", "copy-of-outgoing"),
                ("TOP SECRET", "classification", "top-secret"),
            ],
        ),
        # priority
        ("To NORTH KOREA To RAZUVAEV TOP PRIORITY", [("TOP PRIORITY", "priority", "top-priority")]),
        ("TOP PRIORITY T\nTO FILIPPOV [Stalin]", [("TOP PRIORITY", "priority", "top-priority")]),
        ("SPECIAL", [("SPECIAL", "priority", "special")]),
        ("Срочно", [("Срочно", "priority", "urgent")]),
        ("Вне очереди", [("Вне очереди", "priority", "out-of-turn")]),
        ("Особая папка", [("Особая папка", "priority", "special-file")]),
        ("Special file", [("Special file", "priority", "special-file")]),
        # handling
        ("ШИФРОМ ТОЛЬКО ПО ПРОВОДУ", [("ШИФРОМ ТОЛЬКО ПО ПРОВОДУ", "handling", "cipher-by-wire-only")]),
        ("ШИФРОМ  \nТОЛЬКО ПО ПРОВОДУ.", [("ШИФРОМ  \nТОЛЬКО ПО ПРОВОДУ", "handling", "cipher-by-wire-only")]),
        ("BEIJING Only by ciphered telegraph", [("Only by ciphered telegraph", "handling", "cipher-by-wire-only")]),
        ("BY CIPHER\nby telegraph", [("BY CIPHER", "handling", "by-cipher"), ("by telegraph", "handling", "by-telegraph")]),
        ("ПОДЛЕЖИТ ВОЗВРАТУ  \nв IV часть ООП ВКП(б)", [("ПОДЛЕЖИТ ВОЗВРАТУ", "handling", "return-required")]),
        (
            "[Stamp: Subject to return to the\nVKP(b) CC Special Section 1419]",
            [("Subject to return", "handling", "return-required")],
        ),
        ("Снятие копий воспрещается.", [("Снятие копий воспрещается", "handling", "no-copies")]),
        (
            "Снятие копий воспрещается. Подлежит возврату через 6 суток",
            [
                ("Снятие копий воспрещается", "handling", "no-copies"),
                ("Подлежит возврату", "handling", "return-required"),
            ],
        ),
        ("Making copies is prohibited", [("Making copies is prohibited", "handling", "no-copies")]),
        ("Making copies is forbidden", [("Making copies is forbidden", "handling", "no-copies")]),
        ("Copying prohibited", [("Copying prohibited", "handling", "no-copies")]),
        ("No copies to be made.", [("No copies to be made", "handling", "no-copies")]),
        ("КОПИЯ ИСХ. ТЕЛЕГРАММЫ", [("КОПИЯ ИСХ. ТЕЛЕГРАММЫ", "handling", "copy-of-outgoing")]),
        ("COPY OF AN OUTGOING TELEGRAM", [("COPY OF AN OUTGOING TELEGRAM", "handling", "copy-of-outgoing")]),
        # prose is not a mark
        ("They drew up a secret plan.", []),
        ("Secret Telegram from Moscow to Warsaw, No. 848", []),
        ("Special no. 550", []),
        ("Please inform us by telegraph.", []),
        ("Срочно сообщите о выполнении.", []),
        ("We must keep this top secret for now.", []),
        ("The Secretary of the CC", []),
        ("CC Special Section 1419", []),
        ("He said a copy of an outgoing telegram was lost.", []),
        # columns of one header line
        (
            "Tenth Department    Top Secret    Making copies is prohibited",
            [
                ("Top Secret", "classification", "top-secret"),
                ("Making copies is prohibited", "handling", "no-copies"),
            ],
        ),
    ],
)
def test_find_marks(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_mark_value() -> None:
    [match] = find_marks("Top Secret")
    assert match == Match(0, 10, Mark(type="classification", normalised="top-secret"))


def test_marks_in_a_russian_heading_block() -> None:
    text = "КОПИЯ ИСХ. ТЕЛЕГРАММЫ\n\nСОВЕРШЕННО СЕКРЕТНО\n\nЭкз. № 2\n\nШИФРОМ\nТОЛЬКО ПО ПРОВОДУ.\n"
    assert [key for _, _, key in found(text)] == ["copy-of-outgoing", "top-secret", "cipher-by-wire-only"]


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
_PIECES = st.sampled_from(
    [
        "Top Secret", "TOP SECRET", "secret", "Secret", "СЕКРЕТНО", "ШИФРОМ", "ТОЛЬКО ПО ПРОВОДУ", "\n", " ",
        "  ", "\u00a0", ".", "[Stamp: ", "“", "]", "Special", "by telegraph", "Подлежит возврату", "plan",
        "Снятие копий воспрещается", "TOP PRIORITY", "-", "a",
    ]
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=30).map("".join))


@settings(max_examples=300)
@given(_TEXTS)
def test_find_marks_never_crashes_and_spans_are_sound(text: str) -> None:
    previous_end = 0
    for match in find_marks(text):
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end, "spans overlap or are out of order"
        previous_end = match.end
        span = text[match.start : match.end]
        assert span == span.strip()
        assert match.value.type in {"classification", "priority", "handling", "copy-control"}
        assert match.value.normalised
