"""The build: incremental rebuilds, hand-edited TEI kept, interrupted builds recover, deterministic, safe paths."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.build import (SAFE_ID, Assignment, assign_ids, build, corpus_map, is_current, path_inside,
                            safe_document_id)
from pipeline.errors import EditionError
from pipeline.state import STATE_FOLDER, DocumentEntry, SourceEntry

from .conftest import ROOT, SOURCES, sample_files

SAMPLE = SOURCES / "01_markdown-ru-en-rolling-stock.txt"      # record id 900101


@pytest.fixture(autouse=True)
def quick_outputs(monkeypatch):
    """The PDF volume and the search index are slow and have their own tests."""
    monkeypatch.setenv("EDITION_NO_PDF", "1")
    monkeypatch.setenv("EDITION_NO_SEARCH", "1")
    # Colleagues edit the code while these tests run: pin the code's fingerprint.
    monkeypatch.setenv("EDITION_CODE_FINGERPRINT", "tests")


def copy_samples(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in sample_files():
        shutil.copy(path, folder / path.name)
    return folder


def run(sources: Path, root: Path, **options):
    return build([str(sources)], tei_dir=str(root / "tei"), out_dir=str(root / "out"), **options)


def last_build(root: Path) -> dict:
    return json.loads((root / "out" / STATE_FOLDER / "last-build.json").read_text(encoding="utf-8"))


def report(root: Path) -> dict:
    return json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))


def tree_bytes(folder: Path, skip: tuple[str, ...] = (STATE_FOLDER,)) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(part in skip for part in p.relative_to(folder).parts)}


def modification_times(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")
            if p.is_file() and STATE_FOLDER not in p.parts}


# --------------------------------------------------------------------------- incremental
@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    sources = copy_samples(root / "sources")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EDITION_NO_PDF", "1")
        patch.setenv("EDITION_NO_SEARCH", "1")
        patch.setenv("EDITION_CODE_FINGERPRINT", "tests")
        outcomes = run(sources, root)
    return root, sources, outcomes


def test_first_build_builds_everything(built_once):
    root, _, outcomes = built_once
    assert len(outcomes) == len(sample_files())
    assert not any(o.reused for o in outcomes)
    summary = last_build(root)
    assert summary["rebuilt"] == len(outcomes) and summary["collected"] is True
    assert {"read", "convert", "validate", "render html", "render text", "write"} <= set(summary["document_steps_cpu"])


def test_no_op_rebuild_touches_nothing(built_once):
    root, sources, _ = built_once
    before = modification_times(root)
    outcomes = run(sources, root)
    assert all(o.reused for o in outcomes)
    summary = last_build(root)
    assert summary["rebuilt"] == 0 and summary["collected"] is False
    assert modification_times(root) == before


def test_touched_but_unchanged_source_is_not_rebuilt(built_once):
    root, sources, _ = built_once
    target = sorted(sources.glob("*.txt"))[3]
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 10**9))
    outcomes = run(sources, root)
    assert all(o.reused for o in outcomes)


def test_changed_source_rebuilds_that_document_and_the_index_when_its_entry_changes(built_once):
    root, sources, _ = built_once
    target = sources / SAMPLE.name
    target.write_bytes(target.read_bytes() + b"\n")               # same document: the index stays
    outcomes = run(sources, root)
    assert [Path(o.source).name for o in outcomes if not o.reused] == [target.name]
    assert last_build(root)["collected"] is False
    target.write_bytes(target.read_bytes().replace(b"Rolling Stock", b"Railway Stock"))
    outcomes = run(sources, root)
    assert [Path(o.source).name for o in outcomes if not o.reused] == [target.name]
    assert last_build(root)["collected"] is True
    assert "Railway Stock" in (root / "out" / "html" / "index.html").read_text(encoding="utf-8")


def test_deleted_output_is_made_again(built_once):
    root, sources, outcomes = built_once
    victim = Path(next(o for o in outcomes if o.outputs).outputs[0])
    victim.unlink()
    again = run(sources, root)
    assert victim.is_file()
    assert sum(1 for o in again if not o.reused) == 1


@pytest.mark.parametrize("change", ["setting", "force"])
def test_settings_and_force_rebuild_everything(built_once, monkeypatch, change):
    root, sources, _ = built_once
    if change == "setting":
        monkeypatch.setenv("EDITION_BUILD_TEST_SETTING", "1")     # EDITION_* settings are part of the key
        outcomes = run(sources, root)
    else:
        outcomes = run(sources, root, force=True)
    assert not any(o.reused for o in outcomes)


def test_is_current_follows_the_corpus_map():
    outcome = {"tei": None, "outputs": []}
    stored = DocumentEntry("key", {"3172": "wca-1"}, None, None, outcome)
    cases = [
        (stored, "key", {"3172": "wca-1"}, True),
        (stored, "key", {"3172": "wca-2"}, False),      # the cited telegram is now another document
        (stored, "key", {}, False),                     # … or gone from the corpus
        (stored, "other", {"3172": "wca-1"}, False),    # source, code or id changed
        (None, "key", {"3172": "wca-1"}, False),
        (DocumentEntry("key", {"99": None}, None, None, outcome), "key", {}, True),
        (DocumentEntry("key", {"99": None}, None, None, outcome), "key", {"99": "wca-9"}, False),
    ]
    for entry, key, corpus, expected in cases:
        assert is_current(entry, key, corpus) is expected, (entry, key, corpus)


def test_citing_document_is_rebuilt_when_the_cited_one_comes_or_goes(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    citing = sources / "a.txt"          # sample 01 answers telegram 2041; here it answers 5120, sample 02
    citing.write_bytes(SAMPLE.read_bytes().replace("Ваш № 2041".encode(), "Ваш № 5120".encode()))
    cited = sources / "b.txt"
    shutil.copy(SOURCES / "02_markdown-en-ru-gao-gang-journey.txt", cited)
    first = run(sources, tmp_path)
    assert first[0].links == {"5120": "wca-900102"}
    assert b"wca-900102" in Path(first[0].tei).read_bytes()
    assert all(o.reused for o in run(sources, tmp_path))
    cited.unlink()
    gone = run(sources, tmp_path)
    assert not gone[0].reused and gone[0].links == {"5120": None}
    shutil.copy(SOURCES / "02_markdown-en-ru-gao-gang-journey.txt", cited)
    back = run(sources, tmp_path)
    assert [o.reused for o in back] == [False, False] and back[0].links == {"5120": "wca-900102"}


# --------------------------------------------------------------------------- hand-edited TEI
def test_hand_edited_tei_is_kept_reported_and_forced(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SAMPLE, sources / "a.txt")
    first = run(sources, tmp_path)[0]
    tei = Path(first.tei)
    edited = tei.read_bytes().replace(b"</TEI>", b"<!-- checked by hand -->\n</TEI>")
    tei.write_bytes(edited)

    second = run(sources, tmp_path)[0]
    assert second.kept and tei.read_bytes() == edited
    assert any("edited by hand" in message for message in second.messages)
    assert report(tmp_path)["hand_edited_kept"] == [str(tei)]

    third = run(sources, tmp_path)[0]                  # still kept, still reported, nothing redone
    assert third.kept and third.reused and tei.read_bytes() == edited

    forced = run(sources, tmp_path, force=True)[0]
    assert not forced.kept and b"checked by hand" not in tei.read_bytes()
    assert report(tmp_path)["hand_edited_kept"] == []


def test_invalid_hand_edit_is_kept_and_fails_the_document(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SAMPLE, sources / "a.txt")
    tei = Path(run(sources, tmp_path)[0].tei)
    tei.write_bytes(tei.read_bytes().replace(b"</TEI>", b"<bogus/></TEI>"))
    outcome = run(sources, tmp_path)[0]
    assert outcome.status == "error" and "not valid" in outcome.messages[-1]
    assert b"<bogus/>" in tei.read_bytes()


def test_deleted_tei_is_generated_again(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SAMPLE, sources / "a.txt")
    tei = Path(run(sources, tmp_path)[0].tei)
    tei.unlink()
    outcome = run(sources, tmp_path)[0]
    assert tei.is_file() and not outcome.kept and not outcome.reused


# --------------------------------------------------------------------------- duplicates and ids
def test_two_sources_with_one_record_id_are_kept_apart_and_reported(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SAMPLE, sources / name)
    outcomes = run(sources, tmp_path)
    assert [o.document_id for o in outcomes] == ["wca-900101", "wca-900101-2", "wca-900101-3"]
    assert all(Path(o.tei).is_file() for o in outcomes)
    assert outcomes[0].status == "ok"
    assert outcomes[1].status == "warning" and "built as 'wca-900101-2'" in outcomes[1].messages[0]
    duplicates = report(tmp_path)["duplicate_ids"]
    assert duplicates == [{"document_id": "wca-900101",
                           "sources": [str(sources / n) for n in ("a.txt", "b.txt", "c.txt")],
                           "built_as": ["wca-900101", "wca-900101-2", "wca-900101-3"]}]


def plans(*identifiers: str) -> dict[str, SourceEntry]:
    return {f"s{number}.txt": SourceEntry(1, 1, str(number), {"document_id": identifier, "cipher_numbers": [str(number)]})
            for number, identifier in enumerate(identifiers)}


@pytest.mark.parametrize("identifiers, expected", [
    (("wca-1", "wca-2"), ["wca-1", "wca-2"]),
    (("wca-1", "wca-1", "wca-1"), ["wca-1", "wca-1-2", "wca-1-3"]),
    (("wca-1", "wca-1-2", "wca-1"), ["wca-1", "wca-1-2", "wca-1-3"]),      # a suffix never takes a real id
    (("src-Abc", "src-abc"), ["src-Abc", "src-abc-2"]),                      # case-blind file systems
    (("wca-../../etc/passwd",), ["wca-etc-passwd"]),
    (("",), ["document"]),
])
def test_assign_ids(identifiers, expected):
    entries = plans(*identifiers)
    assignment = assign_ids(list(entries), entries)
    assert [assignment.ids[path] for path in entries] == expected


def test_assign_ids_skips_unplanned_sources_and_corpus_map_takes_the_first():
    entries = plans("wca-1", "wca-1")
    entries["bad.txt"] = SourceEntry(0, 0, "unreadable", {"error": "empty"})
    entries["s1.txt"] = SourceEntry(1, 1, "x", {"document_id": "wca-1", "cipher_numbers": ["0"]})
    files = list(entries)
    assignment = assign_ids(files, entries)
    assert "bad.txt" not in assignment.ids
    assert corpus_map(files, entries, assignment) == {"0": "wca-1"}
    assert corpus_map(files, entries, Assignment()) == {}


@pytest.mark.parametrize("identifier, expected", [
    ("wca-114902", "wca-114902"),
    ("src-01_markdown-ru", "src-01_markdown-ru"),
    ("wca-../../x", "wca-x"),
    ("../evil", "evil"),
    ("/etc/passwd", "etc-passwd"),
    ("wca-1/../2", "wca-1-2"),
    ("src-a..b", "src-a-b"),
    ("wca 12 34", "wca-12-34"),
    ("документ", "document"),
    ("123", "doc-123"),
    (".hidden", "hidden"),
    ("a" * 300, "a" * 120),
])
def test_safe_document_id(identifier, expected):
    assert safe_document_id(identifier) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_safe_document_id_is_always_a_safe_file_name_and_xml_name(identifier):
    safe = safe_document_id(identifier)
    assert SAFE_ID.fullmatch(safe) and len(safe) <= 120
    assert "/" not in safe and "\\" not in safe and ".." not in safe
    path_inside(Path("/tmp/out"), f"{safe}.xml")
    assert safe_document_id(safe) == safe


@pytest.mark.parametrize("name", ["../x.html", "a/../../x", "/etc/passwd", "..", "a/../.."])
def test_path_inside_refuses_escapes(name):
    with pytest.raises(EditionError):
        path_inside(Path("/tmp/out"), name)


# --------------------------------------------------------------------------- determinism
def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("EDITION_NO_PDF")
    monkeypatch.delenv("EDITION_NO_SEARCH")
    sources = copy_samples(tmp_path / "sources")
    trees = []
    for run_name, jobs in (("one", 1), ("two", 2)):
        folder = tmp_path / run_name
        folder.mkdir()
        monkeypatch.chdir(folder)
        build([str(sources)], tei_dir="tei", out_dir="out", jobs=jobs)
        # Pagefind names its bundle files by hashes that differ from run to run (reported to its owner).
        trees.append(tree_bytes(folder, (STATE_FOLDER, "pagefind")))
    assert sorted(set(trees[0]) ^ set(trees[1])) == []
    different = [name for name in trees[0] if trees[0][name] != trees[1][name]]
    assert different == []


# --------------------------------------------------------------------------- interruption
def test_damaged_state_means_a_full_build(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SAMPLE, sources / "a.txt")
    run(sources, tmp_path)
    (tmp_path / "out" / STATE_FOLDER / "state.sqlite").write_bytes(b"not a database at all" * 100)
    outcome = run(sources, tmp_path)[0]
    assert outcome.status == "ok" and not outcome.reused


def committed_documents(out: Path) -> int:
    """How many documents an running build has committed to its state so far."""
    try:
        with sqlite3.connect(f"file:{out / STATE_FOLDER / 'state.sqlite'}?mode=ro", uri=True, timeout=0.1) as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killed_build_leaves_whole_files_and_the_next_build_recovers(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for copy in range(6):
        for path in sample_files():
            shutil.copy(path, sources / f"{copy}-{path.name}")
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "EDITION_NO_PDF": "1", "EDITION_NO_SEARCH": "1"}
    command = [sys.executable, "-m", "pipeline.cli", "build", str(sources), "--tei-dir", str(tmp_path / "tei"),
               "--out", str(tmp_path / "out")]
    worker = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and committed_documents(tmp_path / "out") < 3:
        time.sleep(0.05)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    written = list((tmp_path / "tei").glob("*.xml"))
    assert 3 <= len(written) < 6 * len(sample_files()), "the build was not stopped half-way"
    for tei in written:
        etree.parse(str(tei))                                      # never a truncated file
    for page in (tmp_path / "out").rglob("*.html"):
        assert page.read_bytes().rstrip().endswith(b"</html>"), page
    stale = tmp_path / "tei" / ".wca-1.xml.a1b2c3.tmp"              # as a write cut off by the kill leaves
    stale.write_bytes(b"<TEI")
    with sqlite3.connect(tmp_path / "out" / STATE_FOLDER / "state.sqlite") as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'running'").fetchone() == ("1",)

    outcomes = run(sources, tmp_path)
    assert all(o.status != "error" for o in outcomes)
    assert 0 < sum(1 for o in outcomes if o.reused) < len(outcomes)     # what was finished is not redone
    assert not list(tmp_path.rglob("*.tmp"))
    assert last_build(tmp_path)["temporary_files_removed"] >= 1
    fresh = tmp_path / "fresh"
    run(sources, fresh)
    # The same files as a clean build (not compared byte for byte: in a checkout being edited the
    # killed build may have run older code; determinism has its own test).
    assert tree_bytes(tmp_path / "tei").keys() == tree_bytes(fresh / "tei").keys()
    assert tree_bytes(tmp_path / "out").keys() == tree_bytes(fresh / "out").keys()
    for tei in (tmp_path / "tei").glob("*.xml"):
        etree.parse(str(tei))


def test_interrupt_commits_what_was_finished(tmp_path):
    sources = copy_samples(tmp_path / "sources")
    finished = []

    def interrupting_progress(done, total, outcome):
        finished.append(outcome.source)
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(sources, tmp_path, progress=interrupting_progress)
    outcomes = run(sources, tmp_path)
    assert {o.source for o in outcomes if o.reused} == set(finished)


def test_terminated_build_commits_what_was_finished(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for copy in range(6):
        for path in sample_files():
            shutil.copy(path, sources / f"{copy}-{path.name}")
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "EDITION_NO_PDF": "1", "EDITION_NO_SEARCH": "1"}
    command = [sys.executable, "-m", "pipeline.cli", "build", str(sources), "--tei-dir", str(tmp_path / "tei"),
               "--out", str(tmp_path / "out")]
    worker = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((tmp_path / "tei").glob("*.xml"))) < 3:
        time.sleep(0.05)
    worker.terminate()
    _, errors = worker.communicate(timeout=60)
    assert worker.returncode == 130 and b"interrupted" in errors
    written = len(list((tmp_path / "tei").glob("*.xml")))
    assert committed_documents(tmp_path / "out") >= written - 1      # all finished but the one cut off


def test_workers_are_replaced_in_batches_and_every_result_comes_back_in_order(monkeypatch):
    """Fresh worker processes every WORKER_DOCUMENTS documents (Saxon's heap only grows)."""
    from pipeline import build as build_module

    monkeypatch.setattr(build_module, "WORKER_DOCUMENTS", 3)
    items = list(range(20))
    with build_module.Workers(2) as workers:
        results = list(workers.map(_pid_and_item, items, chunk_items=1))
    assert [item for _, item in results] == items
    batches = [{pid for pid, item in results if start <= item < start + 6} for start in range(0, 20, 6)]
    assert all(batches) and all(not (a & b) for a, b in zip(batches, batches[1:]))


def _pid_and_item(item: int) -> tuple[int, int]:
    return os.getpid(), item
