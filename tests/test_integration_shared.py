"""Integration over ../shared: every seed and corpus-dev export converts, validates, loses no word, renders."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from pipeline.convert import convert_text
from pipeline.files import read_source
from pipeline.validate import validate_tei_all, validate_tei_bytes

from .conftest import require_shared, shared_files

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
SHARED = shared_files("seeds") + shared_files("corpus-dev")


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, tuple[bytes, Path]]:
    require_shared("seeds")
    folder = tmp_path_factory.mktemp("tei")
    result = {}
    for path in SHARED:
        conversion = convert_text(read_source(path), str(path))
        target = folder / f"{path.parent.name}-{path.stem}.xml"
        target.write_bytes(conversion.tei)
        result[_id(path)] = (conversion.tei, target)
    return result


def test_shared_corpora_are_present():
    require_shared("seeds")
    assert len(shared_files("seeds")) == 5
    assert len(shared_files("corpus-dev")) >= 20


@pytest.mark.parametrize("path", SHARED, ids=_id)
def test_converts_and_is_valid_against_project_schema(converted, path):
    tei, _ = converted[_id(path)]
    assert validate_tei_bytes(tei, str(path)) == []


def test_all_valid_against_official_tei_all(converted):
    problems = validate_tei_all([str(target) for _, target in converted.values()])
    assert problems == []


@pytest.mark.parametrize("path", SHARED, ids=_id)
def test_renders_html_and_text(converted, path):
    from pipeline.render import get_renderer

    tei, _ = converted[_id(path)]
    renderer = get_renderer()
    html = renderer.to_html(tei)
    assert "<html" in html and "</html>" in html
    text = renderer.to_text(tei)
    root = etree.fromstring(tei)
    title = " ".join(root.xpath("string(//tei:titleStmt/tei:title[@type='main'])", namespaces=NS).split())
    assert title.split()[0] in text


def test_output_is_deterministic():
    require_shared("seeds")
    for path in SHARED[:6]:
        text = read_source(path)
        assert convert_text(text, str(path)).tei == convert_text(text, str(path)).tei
