"""The ``edition`` command line: build, convert, validate, render; exit codes and the report."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

from .conftest import SOURCES, sample_files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    sources = root / "sources"
    shutil.copytree(SOURCES, sources, ignore=shutil.ignore_patterns("*.md"))
    (sources / "zz_empty.txt").write_text("   \n", encoding="utf-8")
    code = main(["build", str(sources), "--tei-dir", str(root / "tei"), "--out", str(root / "out")])
    return root, code


def test_build_exits_1_when_a_document_fails_and_builds_the_others(built):
    root, code = built
    assert code == 1
    report = json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))
    statuses = {Path(d["source"]).name: d["status"] for d in report["documents"]}
    assert statuses["zz_empty.txt"] == "error"
    assert all(statuses[p.name] in ("ok", "warning") for p in sample_files())
    failed = next(d for d in report["documents"] if d["status"] == "error")
    assert "empty" in failed["messages"][0] and failed["tei"] is None


def test_build_writes_tei_html_text_and_index(built):
    root, _ = built
    report = json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))
    good = [d for d in report["documents"] if d["status"] != "error"]
    assert len(good) == len(sample_files())
    for document in good:
        assert Path(document["tei"]).is_file()
        assert Path(document["tei"]).name == f"{document['document_id']}.xml"
        for output in document["outputs"]:
            assert Path(output).is_file() and Path(output).stat().st_size > 0
    index = (root / "out" / "html" / "index.html").read_text(encoding="utf-8")
    assert all(f'{d["document_id"]}.html' in index for d in good)
    assert (root / "out" / "html" / "assets" / "edition.css").is_file()
    leftovers = [p for p in root.rglob("*.tmp")]
    assert leftovers == []


def test_build_is_deterministic(built, tmp_path):
    root, _ = built
    sources = root / "sources"
    main(["build", str(sources), "--tei-dir", str(tmp_path / "tei"), "--out", str(tmp_path / "out")])
    for first in sorted((root / "tei").glob("*.xml")):
        assert first.read_bytes() == (tmp_path / "tei" / first.name).read_bytes()
    for first in sorted((root / "out" / "html").glob("*.html")):
        assert first.read_bytes() == (tmp_path / "out" / "html" / first.name).read_bytes(), first.name


def test_convert_to_stdout(capsysbinary):
    assert main(["convert", str(sample_files()[0])]) == 0
    assert capsysbinary.readouterr().out.startswith(b"<?xml")


def test_convert_missing_file_is_one_line_error(capsys):
    assert main(["convert", "no/such/export.txt"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("edition: no/such/export.txt: ") and "\n" not in error


def test_validate_and_render(built, tmp_path, capsys):
    root, _ = built
    tei = sorted((root / "tei").glob("*.xml"))[0]
    assert main(["validate", "--no-tei-all", str(tei)]) == 0
    assert main(["render", str(tei), "--to", "text", "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").strip()


def test_validate_reports_broken_file_with_line(tmp_path, capsys):
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>\n')
    assert main(["validate", "--no-tei-all", str(broken)]) == 1
    assert f"{broken}:4:" in capsys.readouterr().out


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--jobs", "0"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["render"])
    assert exit_info.value.code == 2


def test_two_sources_with_one_record_id_are_both_built(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    sample = SOURCES / "01_markdown-ru-en-rolling-stock.txt"
    shutil.copy(sample, sources / "a.txt")
    shutil.copy(sample, sources / "b.txt")
    assert main(["build", str(sources), "--tei-dir", str(tmp_path / "tei"), "--out", str(tmp_path / "out")]) == 0
    second = tmp_path / "tei" / "wca-900101-2.xml"
    assert (tmp_path / "tei" / "wca-900101.xml").is_file() and second.is_file()
    assert b'xml:id="wca-900101-2"' in second.read_bytes()


def test_build_keeps_hand_edited_tei_until_forced(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EDITION_CODE_FINGERPRINT", "test_cli")      # the checkout may be edited meanwhile
    for variable in ("EDITION_NO_PDF", "EDITION_NO_SEARCH"):          # --no-pdf/--no-search set them: undo after
        monkeypatch.setenv(variable, "0")
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SOURCES / "01_markdown-ru-en-rolling-stock.txt", sources / "a.txt")
    command = ["build", str(sources), "--tei-dir", str(tmp_path / "tei"), "--out", str(tmp_path / "out"),
               "--no-pdf", "--no-search"]
    assert main(command) == 0
    assert "1 rebuilt, 0 unchanged" in capsys.readouterr().out
    tei = tmp_path / "tei" / "wca-900101.xml"
    tei.write_bytes(tei.read_bytes().replace(b"</TEI>", b"<!-- corrected by hand -->\n</TEI>"))
    assert main(command) == 0
    captured = capsys.readouterr()
    assert "1 hand-edited TEI file(s) kept" in captured.out and "edited by hand" in captured.err
    assert b"corrected by hand" in tei.read_bytes()
    assert main(command + ["--force"]) == 0
    assert "1 rebuilt" in capsys.readouterr().out and b"corrected by hand" not in tei.read_bytes()
