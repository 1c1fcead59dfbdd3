"""Tests for the links between telegrams: plan_text's own cipher numbers, reply numbers, corpus links."""
from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from lxml import etree

from pipeline.convert import Plan, convert_text, expand_number, plan_text
from pipeline.files import read_source
from pipeline.validate import validate_tei_bytes

from .conftest import SOURCES

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def sample(prefix: str):
    path = next(SOURCES.glob(f"{prefix}_*.txt"))
    return read_source(path), str(path)


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("01", Plan("wca-900101", ("4417",))),
        ("04", Plan("src-04_web-capture-cable-number-discrepancy", ("1796", "1769"))),   # title and text disagree
        ("03", Plan("wca-900103", ())),
        ("12", Plan("src-12_truncated-web-capture-shtykov-grain", ("7307",))),            # title only
    ],
)
def test_plan_text(prefix: str, expected: Plan) -> None:
    assert plan_text(*sample(prefix)) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("3153", ["3153"]),
        ("1112-1114", ["1112", "1113", "1114"]),
        ("3153-55", ["3153", "3154", "3155"]),
        ("1-900", ["1", "900"]),             # too long to be one telegram's numbers: its two ends
        ("373/ш", []),                       # a registration number, not a cipher number
        ("0085", ["0085"]),
    ],
)
def test_expand_number(value: str, expected: list[str]) -> None:
    assert expand_number(value) == expected


@given(st.integers(0, 99999), st.integers(0, 99999))
def test_expand_number_keeps_its_ends(low: int, high: int) -> None:
    assume(len(str(high)) >= len(str(low)))          # a shorter end abbreviates ("3153-55")
    numbers = expand_number(f"{low}-{high}")
    assert numbers[0] == str(low) and numbers[-1] == str(high)


def reply_refs(tei: bytes) -> list[tuple[str, str | None]]:
    root = etree.fromstring(tei)
    return [(ref.text, ref.get("target")) for ref in root.xpath("//tei:correspContext/tei:ref", namespaces=NS)]


def test_reply_links_to_the_corpus_document() -> None:
    text, source = sample("01")
    conversion = convert_text(text, source, corpus={"2041": "wca-900555", "4417": "wca-900101"})
    assert conversion.references == ("2041",)
    assert reply_refs(conversion.tei) == [("2041", "wca-900555.xml")]
    assert validate_tei_bytes(conversion.tei, source) == []


def test_reply_without_corpus_has_no_link() -> None:
    conversion = convert_text(*sample("01"))
    assert reply_refs(conversion.tei) == [("2041", None)]


def test_a_telegram_never_links_to_itself() -> None:
    text, source = sample("01")
    conversion = convert_text(text, source, corpus={"2041": "wca-900101"})
    assert reply_refs(conversion.tei) == [("2041", None)]


def test_unknown_names_are_reported_not_registered() -> None:
    conversion = convert_text(*sample("04"))
    assert "Sokolov" in " ".join(conversion.unknown_names)
    assert b"Sokolov" not in etree.tostring(etree.fromstring(conversion.tei).find(".//{*}standOff"))
