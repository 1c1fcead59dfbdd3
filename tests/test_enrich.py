"""The enrich pass: facts gathered for the whole document (witnesses, warnings)."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.convert import convert_text
from pipeline.validate import validate_tei_bytes

SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "01_markdown-ru-en-rolling-stock.txt"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def test_shelf_mark_without_archive_is_no_witness_but_stays_in_the_citation():
    text = SAMPLE.read_text(encoding="utf-8").replace("RGASPI F. 558", "F. 558", 1)
    conversion = convert_text(text, "sample.txt")
    root = etree.fromstring(conversion.tei)
    repositories = root.xpath("//tei:sourceDesc//tei:msDesc/tei:msIdentifier/tei:repository/text()", namespaces=TEI)
    assert repositories == ["APRF"]
    assert "F. 558. Op. 11, D. 334, p. 112" in " ".join(root.xpath("//tei:sourceDesc//tei:bibl//text()", namespaces=TEI))
    assert any("without an archive name" in warning for warning in conversion.warnings)
    assert validate_tei_bytes(conversion.tei, "sample.txt") == []
