"""The converter scored against hand-checked facts (tests/facts/): F1 ≥ 0.95 per field family."""
from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest
from lxml import etree

from .conftest import ROOT, require_shared, shared_dir

THRESHOLD = 0.95
FACTS = ROOT / "tests" / "facts"


def score_module():
    spec = importlib.util.spec_from_file_location("score", ROOT / "scripts" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score", module)
    spec.loader.exec_module(module)
    return module


SCORE = score_module()


def failing_families(tallies) -> dict[str, str]:
    return {family: f"F1 {tally.f1:.3f}: " + "; ".join(tally.errors[:4])
            for family, tally in tallies.items() if tally.f1 < THRESHOLD}


def test_own_samples_score() -> None:
    assert not failing_families(SCORE.score(["sources"]))


@pytest.mark.parametrize("folder", ["seeds", "corpus-dev"])
def test_shared_corpus_scores(folder: str) -> None:
    require_shared(folder)
    assert not failing_families(SCORE.score([folder]))


@pytest.mark.parametrize("folder", ["seeds", "corpus-dev"])
def test_every_shared_source_has_facts(folder: str) -> None:
    path = require_shared(folder)
    sources = {p.stem for p in path.glob("*.txt")}
    facts = {p.stem for p in (FACTS / folder).glob("*.toml")}
    assert sources <= facts, f"sources without facts: {sorted(sources - facts)}"


def test_every_own_sample_has_facts() -> None:
    sources = {p.stem for p in (ROOT / "sources").glob("*.txt")}
    assert sources == {p.stem for p in (FACTS / "sources").glob("*.toml")}


@pytest.mark.parametrize("path", sorted(FACTS.glob("*/*.toml")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_facts_files_are_well_formed(path: Path) -> None:
    facts = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(facts) - {key for keys in SCORE.FAMILIES.values() for key in keys}
    assert not unknown, f"unknown keys {sorted(unknown)}"
    for event in facts.get("events", []):
        assert event["type"] in ("sent", "received", "transmitted")
        assert len(event["when"]) in (4, 7, 10, 19)


# --------------------------------------------------------------------------
# The scorer itself must be able to fail
# --------------------------------------------------------------------------
TEI = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="wca-1"><teiHeader><fileDesc><sourceDesc>
<bibl><idno type="record">1</idno></bibl></sourceDesc></fileDesc><profileDesc>
<correspDesc><correspAction type="sent"><persName ref="#per-stalin">S</persName>
<date when="1950-07-13T03:15:00">x</date></correspAction></correspDesc></profileDesc></teiHeader>
<text><body><div type="translation" xml:lang="en"><head>No. <idno type="cipher">3305</idno></head>
<p><persName ref="#per-mao">Mao</persName></p></div></body></text></TEI>"""


@pytest.mark.parametrize(
    "facts, family, expected",
    [
        ({"cipher_numbers": ["3305"]}, "cipher", (1, 0, 0)),
        ({"cipher_numbers": ["3306"]}, "cipher", (0, 1, 1)),
        ({"cipher_numbers": []}, "cipher", (0, 1, 0)),
        ({"senders": ["per-stalin"], "recipients": ["per-mao"]}, "correspondents", (1, 0, 1)),
        ({"events": [{"type": "sent", "when": "1950-07-13T03:15:00"}]}, "events", (1, 0, 0)),
        ({"events": [{"type": "received", "when": "1950-07-13T03:15:00"}]}, "events", (0, 1, 1)),
        ({"persons": ["per-mao"]}, "persons", (1, 0, 0)),
        ({"document_id": "wca-1", "record": "1"}, "record", (2, 0, 0)),
        # times are compared as ISO values, not as strings
        ({"events": [{"type": "sent", "when": "1950-07-13T03:15"}]}, "events", (1, 0, 0)),
        ({"events": [{"type": "sent", "when": "1950-07-13T03:16:00"}]}, "events", (0, 1, 1)),
        ({"events": [{"type": "sent", "when": "1950-07-13"}]}, "events", (0, 1, 1)),
        # name variants are compared through register ids
        ({"persons": ["Mao"]}, "persons", (0, 1, 1)),
    ],
)
def test_tally(facts: dict, family: str, expected: tuple[int, int, int]) -> None:
    tally = SCORE.Tally()
    tally.add(SCORE.tei_facts(etree.fromstring(TEI))[family], SCORE.expected_facts(facts)[family], "doc")
    assert (tally.true_positive, tally.false_positive, tally.false_negative) == expected


@pytest.mark.parametrize("value, expected", [
    ("1950-07-05T23:45", "1950-07-05T23:45:00"), ("1950-07-05T23:45:00", "1950-07-05T23:45:00"),
    ("1950-07-05", "1950-07-05"), ("1950-07", "1950-07"), ("1950", "1950"), ("5.7.50", "5.7.50"),
])
def test_iso_value(value: str, expected: str) -> None:
    assert SCORE.iso_value(value) == expected


def test_tallies_are_micro_averaged_and_kept_per_document() -> None:
    tally = SCORE.Tally()
    tally.add(["a", "b"], ["a", "b"], "one")
    tally.add(["c"], ["d", "e", "f", "g"], "two")
    assert (tally.true_positive, tally.false_positive, tally.false_negative) == (2, 1, 4)
    assert tally.documents == {"one": (2, 0, 0), "two": (0, 1, 4)}
    assert tally.precision == pytest.approx(2 / 3) and tally.recall == pytest.approx(2 / 6)
    assert "two: persons 0/1/4" in SCORE.document_table({"persons": tally})


REFERENCE_KEYS = ("senders", "recipients", "intermediaries", "persons", "places", "organisations")


@pytest.mark.parametrize("path", sorted(FACTS.glob("*/*.toml")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_facts_name_only_register_entries(path: Path) -> None:
    """A misspelt id in a facts file would be a silent miss: every id must be in the register."""
    from pipeline.register import load_register

    register = load_register()
    facts = tomllib.loads(path.read_text(encoding="utf-8"))
    ids = [value for key in REFERENCE_KEYS for value in facts.get(key, [])]
    ids += [item["person"] for item in facts.get("distribution", []) if "person" in item]
    assert not [value for value in ids if value not in register], "ids not in the register"


@pytest.mark.parametrize("path", sorted(FACTS.glob("*/*.toml")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_facts_state_every_family(path: Path) -> None:
    """A family left out of a facts file is not scored at all: every file states all of them."""
    facts = tomllib.loads(path.read_text(encoding="utf-8"))
    optional = {"record"}                     # absent where the export gives no record id
    missing = {key for keys in SCORE.FAMILIES.values() for key in keys} - optional - set(facts)
    assert not missing, f"families not stated: {sorted(missing)}"


def test_shared_dir_is_the_tests_one() -> None:
    assert SCORE.shared_dir() == shared_dir()
