"""Readers: layout detection and catalogue fields, on the repository's own samples and small strings."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.readers.detect import detect
from pipeline.files import read_source
from pipeline.convert import read_document

from .conftest import SOURCES


@pytest.mark.parametrize("name, layout", [
    ("01_markdown-ru-en-rolling-stock.txt", "markdown"),
    ("02_markdown-en-ru-gao-gang-journey.txt", "markdown"),
    ("03_plain-citation-two-russian-versions.txt", "citation"),
    ("04_web-capture-cable-number-discrepancy.txt", "webpage"),
    ("06_current-site-labelled-interpreters.txt", "webpage"),
    ("07_mirror-capture-nbsp-mao-journey.txt", "webpage"),
    ("08_flat-capture-medical-supplies.txt", "flat"),
    ("10_old-site-kim-plane-weather.txt", "oldsite"),
    ("11_docslib-single-line-gao-gang.txt", "docslib"),
    ("12_truncated-web-capture-shtykov-grain.txt", "webpage"),
])
def test_layout_detection(name, layout):
    assert detect(read_source(SOURCES / name)).NAME == layout


@pytest.mark.parametrize("name, date, record, url_present", [
    ("01_markdown-ru-en-rolling-stock.txt", "1950-08-03", "900101", True),
    ("04_web-capture-cable-number-discrepancy.txt", "1951-03-22", None, False),
    ("06_current-site-labelled-interpreters.txt", "1951-02-19", "900106", False),
    ("11_docslib-single-line-gao-gang.txt", "1951-04-18", "900111", True),
    ("12_truncated-web-capture-shtykov-grain.txt", "1950-04-04", None, False),
])
def test_catalogue_fields(name, date, record, url_present):
    document = read_document(read_source(SOURCES / name), name)
    assert document.catalogue.date.when == date
    assert document.catalogue.record_id == record
    assert (document.catalogue.url is not None) == url_present
    assert document.catalogue.title


def test_stray_line_before_the_date_is_kept_as_residue():
    document = read_document(read_source(SOURCES / "08_flat-capture-medical-supplies.txt"), "08")
    assert len(document.residue) == 1
    assert document.catalogue.date.when == "1950-11-12"


def test_unknown_layout_is_read_with_a_warning():
    document = read_document("Some notes\n\nwithout any layout at all.\n", "notes.txt")
    assert any("unknown layout" in w for w in document.warnings)
    assert "".join(b.text for b in document.blocks + document.residue)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_without_crashing(text):
    document = read_document(text, "fuzz.txt")
    assert document.layout
