"""Golden TEI for the repository's own sample exports (sources/).

A change in the converter that changes a golden file must be deliberate:
regenerate with ``UPDATE_GOLDEN=1 ./test.sh tests/test_golden.py`` and review
the diff before committing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.convert import convert_text
from pipeline.files import read_source

from .conftest import sample_files

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("source", sample_files(), ids=lambda p: p.name)
def test_sample_matches_golden_tei(source: Path):
    tei = convert_text(read_source(source), f"sources/{source.name}").tei
    golden = GOLDEN / f"{source.stem}.xml"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(tei)
    assert golden.exists(), f"no golden file for {source.name}: run with UPDATE_GOLDEN=1 and review it"
    assert tei.decode("utf-8") == golden.read_text(encoding="utf-8")


def test_every_sample_has_a_golden_file_and_no_orphans():
    samples = {p.stem for p in sample_files()}
    goldens = {p.stem for p in GOLDEN.glob("*.xml")}
    assert samples and samples == goldens
