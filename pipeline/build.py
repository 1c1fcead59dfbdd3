"""The build: discover sources → plan → convert → validate → write TEI → output stages → collection → report.

Parallel and incremental:

* work per source runs in worker processes (``--jobs``; spawned, since
  Saxon cannot be forked); each worker compiles schemas and stylesheets once;
* ``pipeline.state`` remembers what each output was made from (source
  digest, code fingerprint, assigned id, the corpus-map entries its
  references used), so a build redoes only the documents whose inputs
  changed, and the edition-wide pages only when some document changed;
* the cheap pre-pass (``plan_text``: document id, own cipher numbers) is
  cached per source digest; from it come the ids (duplicates get ``-2``,
  ``-3`` …, ids are made safe as file names) and the corpus map
  (cipher number → document id) the converter links references with;
* a TEI file edited by hand since the build generated it is kept, not
  overwritten, unless ``force``; its pages are rendered from the edited file;
* every file is written atomically and the state is committed as documents
  finish, so an interrupted build leaves old or new files and the next
  build picks up where it stopped.

A failing document is reported and the others are still built.  This
module never writes HTML or text itself (the stages do, through ``xslt/``).
"""
from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import EditionError
from .files import atomic_write, discover, read_source
from .state import (BuildState, DocumentEntry, SourceEntry, code_fingerprint, digest_bytes, digest_text,
                    file_stat, stale_temporary_files)
from .stages import CollectionContext, DocumentContext, Record, named_fragments, stages

try:
    from .files import read_bytes_bounded
except ImportError:          # older files.py: no size limit
    def read_bytes_bounded(path: Path) -> bytes:
        return Path(path).read_bytes()

REPORT = "report.json"
LAST_BUILD = "last-build.json"        # timings and counts of the last build (in OUT/.state/, not an output)
CORPUS_FILE = "corpus.json"           # the corpus map handed to the workers (in OUT/.state/)
PARALLEL_THRESHOLD = 8                # fewer items than this are done in the main process (no worker start-up)
PROCESS_CHUNK = 16                    # documents sent to a worker at a time
WORKER_DOCUMENTS = 1000               # documents a worker process handles before a fresh one takes over
COMMIT_INTERVAL = 0.5                 # seconds between commits of the state while documents finish
MAX_ID_LENGTH = 120
SAFE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")


# ---------------------------------------------------------------------------
# What one document came to
# ---------------------------------------------------------------------------
@dataclass
class Outcome:
    source: str
    document_id: str | None = None
    tei: str | None = None
    outputs: list[str] = field(default_factory=list)
    status: str = "ok"
    messages: list[str] = field(default_factory=list)
    fragments: dict[str, str] = field(default_factory=dict)
    unknown_names: list[str] = field(default_factory=list)
    links: dict[str, str | None] = field(default_factory=dict)   # referenced cipher number → corpus id used
    generated: str | None = None      # digest of the TEI the converter generated
    kept: bool = False                # a hand-edited TEI file was kept
    reused: bool = False              # nothing changed: taken from the build state
    timings: dict[str, float] = field(default_factory=dict)
    digest: str = ""                  # of the outcome with its fragments (set by the build)

    # The fragments are stored apart (pipeline.state) and read back one document at a time.
    STATE_FIELDS = ("source", "document_id", "tei", "outputs", "status", "messages",
                    "unknown_names", "links", "generated", "kept")

    def as_report(self) -> dict:
        return {"source": self.source, "document_id": self.document_id, "tei": self.tei,
                "outputs": self.outputs, "status": self.status, "messages": self.messages,
                "unknown_names": self.unknown_names, "hand_edited_kept": self.kept}

    def as_state(self) -> dict:
        return {name: getattr(self, name) for name in self.STATE_FIELDS}

    @classmethod
    def from_state(cls, data: Mapping[str, Any], digest: str) -> Outcome:
        return cls(**{name: data[name] for name in cls.STATE_FIELDS if name in data}, reused=True, digest=digest)

    def content_digest(self) -> str:
        """Changes whenever anything the report or the collection stages use changes."""
        return digest_text(json.dumps([self.as_state(), self.fragments], ensure_ascii=False, sort_keys=True))


class Timings(dict):
    """Seconds spent per step of one document (summed over documents by the build)."""

    @contextmanager
    def measure(self, step: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self[step] = self.get(step, 0.0) + time.perf_counter() - start


class TimedRenderer:
    """The worker's renderer, with the time of each call added to the document's timings."""

    STEPS = {"to_html": "render html", "to_text": "render text", "summary": "render summary"}

    def __init__(self, renderer: Any, timings: Timings):
        self._renderer = renderer
        self._timings = timings

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._renderer, name)
        if not callable(attribute):
            return attribute
        def timed(*arguments, **keywords):
            # render_node runs a named stylesheet on a parsed document: timed under that stylesheet's name
            step = f"render {arguments[0]}" if name == "render_node" and arguments else \
                self.STEPS.get(name, f"render {name}")
            with self._timings.measure(step):
                return attribute(*arguments, **keywords)
        return timed


@dataclass(frozen=True)
class TimedDocumentContext(DocumentContext):
    """A ``DocumentContext`` whose writes are timed."""

    timings: Timings = field(default_factory=Timings)

    def write(self, data: bytes | str, *parts: str) -> Path:
        path_inside(self.out_dir, "/".join(parts))      # no document id or name leads outside OUT
        with self.timings.measure("write"):
            return super().write(data, *parts)


# ---------------------------------------------------------------------------
# Paths and ids
# ---------------------------------------------------------------------------
def safe_document_id(identifier: str) -> str:
    """``identifier`` as an id that is also a safe file name (XML name characters, no ``..``, no ``/``)."""
    if SAFE_ID.fullmatch(identifier) and len(identifier) <= MAX_ID_LENGTH:
        return identifier
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", identifier).strip("-")
    if not slug:
        return "document"
    if not (slug[0].isalpha() or slug[0] == "_"):
        slug = f"doc-{slug}"
    return slug[:MAX_ID_LENGTH].rstrip("-")


def path_inside(folder: Path, name: str) -> Path:
    """``folder/name``, refused if it would lie outside ``folder``."""
    target = Path(folder) / name
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise EditionError(f"refused: output name {name!r} would leave {folder}")
    base = Path(os.path.abspath(folder))
    if not os.path.abspath(target).startswith(str(base) + os.sep):
        raise EditionError(f"refused: output name {name!r} would leave {folder}")
    return target


# ---------------------------------------------------------------------------
# Work done in the workers
# ---------------------------------------------------------------------------
def convert_source(path: Path, identifier: str | None = None,
                   corpus: Mapping[str, str] | None = None) -> tuple[bytes, str, tuple[str, ...]]:
    from .convert import convert_text

    conversion = convert_text(read_source(path), str(path), identifier=identifier, corpus=corpus)
    return conversion.tei, conversion.document_id, conversion.warnings


def plan_source(path: str, known_digest: str | None = None) -> tuple[str, SourceEntry]:
    """Size, time and digest of a source and, unless its digest is ``known_digest``, its plan."""
    stat = file_stat(Path(path)) or (0, 0)
    try:
        digest = digest_bytes(read_bytes_bounded(Path(path)))
    except (EditionError, OSError) as error:     # the conversion reports it; nothing to plan
        return path, SourceEntry(stat[0], stat[1], "unreadable", {"error": str(error)})
    if digest == known_digest:
        return path, SourceEntry(stat[0], stat[1], digest, None)
    try:
        from .convert import plan_text

        plan = plan_text(read_source(Path(path)), path)
        found = {"document_id": plan.document_id, "cipher_numbers": list(plan.cipher_numbers)}
    except Exception as error:   # the conversion reports it properly; the plan only notes it
        found = {"error": f"{type(error).__name__}: {error}"}
    return path, SourceEntry(stat[0], stat[1], digest, found)


def _plan_arguments(arguments: tuple[str, str | None]) -> tuple[str, SourceEntry]:
    return plan_source(*arguments)


_corpus_cache: dict[str, dict[str, str]] = {}


def worker_corpus(path: str, token: str) -> dict[str, str]:
    """The corpus map the main process wrote for this build, read once per worker."""
    if token not in _corpus_cache:
        _corpus_cache.clear()
        _corpus_cache[token] = json.loads(Path(path).read_text(encoding="utf-8"))
    return _corpus_cache[token]


@dataclass(frozen=True)
class Task:
    """One document to (re)build, as sent to a worker."""

    source: str
    tei_dir: str
    out_dir: str
    document_id: str | None
    generated: str | None = None        # digest of the TEI the last build generated (hand-edit check)
    force: bool = False
    corpus_file: str | None = None
    corpus_token: str = ""


def _process_task(task: Task) -> Outcome:
    corpus = worker_corpus(task.corpus_file, task.corpus_token) if task.corpus_file else None
    return process(task.source, task.tei_dir, task.out_dir, task.document_id, generated=task.generated,
                   force=task.force, corpus=corpus)


def process(source: str, tei_dir: str, out_dir: str, document_id: str | None = None, *,
            generated: str | None = None, force: bool = False,
            corpus: Mapping[str, str] | None = None) -> Outcome:
    """Everything for one source, in a worker process: convert, validate, write TEI, run the stages."""
    from .convert import convert_text
    from .render import get_renderer
    from .validate import validate_tei_bytes

    outcome = Outcome(source=source)
    timings = Timings()
    try:
        with timings.measure("read"):
            text = read_source(Path(source))
        with timings.measure("convert"):
            conversion = convert_text(text, source, identifier=document_id, corpus=corpus)
        outcome.document_id = conversion.document_id
        outcome.messages += list(conversion.warnings)
        outcome.unknown_names = sorted(set(getattr(conversion, "unknown_names", ())))
        outcome.links = {number: (corpus or {}).get(number) for number in getattr(conversion, "references", ())}
        with timings.measure("validate"):
            problems = validate_tei_bytes(conversion.tei, source)
        if problems:
            raise EditionError("; ".join(problems[:3]), source)
        tei_path = path_inside(Path(tei_dir), f"{outcome.document_id}.xml")
        outcome.generated = digest_bytes(conversion.tei)
        with timings.measure("write"):
            tei, outcome.kept = settle_tei(tei_path, conversion.tei, generated, force)
        outcome.tei = str(tei_path)
        if outcome.kept:
            with timings.measure("validate"):
                problems = validate_tei_bytes(tei, str(tei_path))
            if problems:
                raise EditionError("hand-edited TEI kept (--force replaces it) but it is not valid: "
                                   + "; ".join(problems[:3]), str(tei_path))
            outcome.messages.append(f"{tei_path}: edited by hand since it was generated: kept, not overwritten "
                                    "(--force replaces it); its pages are made from the edited file")
        run_document_stages(outcome, tei, tei_path, Path(out_dir), get_renderer(), timings)
        if outcome.messages:
            outcome.status = "warning"
    except EditionError as error:
        outcome.status = "error"
        outcome.messages.append(str(error))
    except Exception as error:  # a bug must not stop the other documents
        outcome.status = "error"
        outcome.messages.append(f"{source}: internal error: {type(error).__name__}: {error}")
    outcome.timings = dict(timings)
    return outcome


def settle_tei(tei_path: Path, tei: bytes, generated: str | None, force: bool) -> tuple[bytes, bool]:
    """Writes the generated TEI unless the file there was edited by hand; returns (the TEI in force, kept?).

    A file is taken as edited by hand when the state knows the digest of what
    the build generated last time and the file no longer has it.  Identical
    bytes are not rewritten.
    """
    try:
        existing = tei_path.read_bytes()
    except FileNotFoundError:
        existing = None
    if existing == tei:
        return tei, False
    if existing is not None and generated is not None and not force and digest_bytes(existing) != generated:
        return existing, True
    atomic_write(tei_path, tei)
    return tei, False


def run_document_stages(outcome: Outcome, tei: bytes, tei_path: Path, out_dir: Path, renderer: Any,
                        timings: Timings) -> None:
    context = TimedDocumentContext(outcome.document_id, tei, tei_path, out_dir, TimedRenderer(renderer, timings),
                                   timings=timings)
    for stage in stages():
        if stage.document is not None:
            outcome.fragments.update(named_fragments(stage.name, stage.document(context)))
    outcome.outputs = [str(path) for path in context.written]


# ---------------------------------------------------------------------------
# The workers
# ---------------------------------------------------------------------------
class Workers:
    """A pool of spawned worker processes, started only when there is enough work for it."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def map(self, function: Callable, items: list, chunk_items: int) -> Iterator:
        if self.jobs <= 1 or len(items) < PARALLEL_THRESHOLD:
            return map(function, items)
        return self._map_in_batches(function, items, chunk_items)

    def _map_in_batches(self, function: Callable, items: list, chunk_items: int) -> Iterator:
        # A worker's Saxon (GraalVM) heap grows with the documents it has rendered and is never
        # given back: fresh workers every WORKER_DOCUMENTS documents each keep memory bounded,
        # whatever the size of the corpus (no max_tasks_per_child: with Python 3.11 a pool
        # that replaces its workers can hang; a new pool per batch cannot).
        batch = WORKER_DOCUMENTS * self.jobs
        for start in range(0, len(items), batch):
            part = items[start:start + batch]
            if self.pool is None:
                # spawn, not fork: a forked copy of a live Saxon processor is not safe to use
                self.pool = ProcessPoolExecutor(max_workers=self.jobs,
                                                mp_context=multiprocessing.get_context("spawn"))
            chunksize = max(1, min(chunk_items, len(part) // (self.jobs * 4)))
            yield from self.pool.map(function, part, chunksize=chunksize)
            if start + batch < len(items):
                self.pool.shutdown(wait=True)
                self.pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, error_type, error, traceback) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=error_type is None, cancel_futures=True)


# ---------------------------------------------------------------------------
# The build
# ---------------------------------------------------------------------------
@dataclass
class Assignment:
    """The ids chosen for the sources, and what the build has to say about them."""

    ids: dict[str, str] = field(default_factory=dict)                 # source → document id
    notices: dict[str, list[str]] = field(default_factory=dict)       # source → messages
    duplicates: list[dict] = field(default_factory=list)


def build(sources: list[str], tei_dir: str = "tei", out_dir: str = "output", jobs: int = 1,
          progress=None, force: bool = False) -> list[Outcome]:
    """Builds what changed; returns one outcome per source, in source order (``reused`` when unchanged)."""
    with termination_as_interrupt():
        return build_changed(sources, tei_dir, out_dir, jobs, progress, force)


@contextmanager
def termination_as_interrupt() -> Iterator[None]:
    """``kill`` (SIGTERM) stops the build like Ctrl-C: what finished is committed, workers are stopped."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signal_number, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def build_changed(sources: list[str], tei_dir: str, out_dir: str, jobs: int, progress, force: bool) -> list[Outcome]:
    clock = Timings()
    started = time.perf_counter()
    out, tei = Path(out_dir), Path(tei_dir)
    state = BuildState(out)
    try:
        with clock.measure("scan"):
            removed = recover_interrupted(state, [tei, out])
            state.put("running", "1")
            state.commit()
            files = [str(path) for path in discover(sources)]
            fingerprint = build_fingerprint()
            state.adopt_fingerprint(fingerprint)
        with Workers(jobs) as workers:
            with clock.measure("plan"):
                entries = plan_sources(files, state, workers)
                assignment = assign_ids(files, entries)
                corpus = corpus_map(files, entries, assignment)
                corpus_file, corpus_token = write_corpus(state.folder, corpus)
            with clock.measure("documents"):
                outcomes = build_documents(files, entries, assignment, corpus, state, workers, fingerprint,
                                           tei_dir, out_dir, force, (str(corpus_file), corpus_token), progress)
        for outcome in outcomes:
            add_notices(outcome, assignment.notices.get(outcome.source, []))
        with clock.measure("collect"):
            collected = collect_if_changed(outcomes, tei, out, state, fingerprint)
        with clock.measure("report"):
            write_report_if_changed(outcomes, assignment, out / REPORT, state)
            state.forget("files", files)
            state.forget("documents", files)
            state.put("running", "0")
            state.commit()
        write_last_build(state.folder, outcomes, clock, time.perf_counter() - started, jobs, collected, removed)
    finally:
        state.close()
    return outcomes


def build_fingerprint() -> str:
    """The code fingerprint and the ``EDITION_*`` settings of the environment (they switch outputs on and off)."""
    settings = sorted(f"{name}={value}" for name, value in os.environ.items() if name.startswith("EDITION_"))
    return digest_text(code_fingerprint(), *settings)


def recover_interrupted(state: BuildState, folders: list[Path]) -> int:
    """After an interrupted build: removes the temporary files its writes left behind; returns how many."""
    if state.get("running") != "1":
        return 0
    removed = 0
    for leftover in stale_temporary_files(folders):
        leftover.unlink(missing_ok=True)
        removed += 1
    return removed


def plan_sources(files: list[str], state: BuildState, workers: Workers) -> dict[str, SourceEntry]:
    """The state's entry for every source: reused when size and time are unchanged, else read again."""
    known = state.sources()
    entries: dict[str, SourceEntry] = {}
    to_plan: list[tuple[str, str | None]] = []
    for path in files:
        stat = file_stat(Path(path))
        entry = known.get(path)
        if entry is not None and stat == (entry.size, entry.mtime_ns) and entry.plan is not None:
            entries[path] = entry
        else:
            to_plan.append((path, entry.digest if entry is not None and entry.plan is not None else None))
    for path, entry in workers.map(_plan_arguments, to_plan, chunk_items=64):
        if entry.plan is None:                      # same content as before: the cached plan holds
            entry = SourceEntry(entry.size, entry.mtime_ns, entry.digest, known[path].plan)
        entries[path] = entry
        state.put_source(path, entry)
    return entries


def assign_ids(files: list[str], entries: Mapping[str, SourceEntry]) -> Assignment:
    """Safe, unique document ids in source order; later sources with a taken id get ``-2``, ``-3`` …"""
    assignment = Assignment()
    taken: dict[str, str] = {}                      # casefolded id → source (case-blind file systems)
    groups: dict[str, list[str]] = {}
    for path in files:
        plan = entries[path].plan or {}
        if "document_id" not in plan:
            continue
        planned = plan["document_id"]
        base = safe_document_id(planned)
        if base != planned:
            assignment.notices.setdefault(path, []).append(
                f"document id {planned!r} is not safe as a file name: built as {base!r}")
        candidate, number = base, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{base}-{number}"
        if candidate != base:
            assignment.notices.setdefault(path, []).append(
                f"document id {base!r} is also that of {taken[base.casefold()]}: built as {candidate!r}")
        taken[candidate.casefold()] = path
        assignment.ids[path] = candidate
        groups.setdefault(base, []).append(path)
    assignment.duplicates = [{"document_id": base, "sources": paths, "built_as": [assignment.ids[p] for p in paths]}
                             for base, paths in sorted(groups.items()) if len(paths) > 1]
    return assignment


def corpus_map(files: list[str], entries: Mapping[str, SourceEntry], assignment: Assignment) -> dict[str, str]:
    """Cipher number → id of the first document (in source order) that carries it."""
    corpus: dict[str, str] = {}
    for path in files:
        if path in assignment.ids:
            for number in (entries[path].plan or {}).get("cipher_numbers", []):
                corpus.setdefault(number, assignment.ids[path])
    return corpus


def write_corpus(folder: Path, corpus: Mapping[str, str]) -> tuple[Path, str]:
    data = json.dumps(corpus, ensure_ascii=False, sort_keys=True).encode("utf-8")
    path = folder / CORPUS_FILE
    if not path.is_file() or path.read_bytes() != data:
        atomic_write(path, data)
    return path, digest_bytes(data)


def document_key(fingerprint: str, entry: SourceEntry, document_id: str | None, tei_dir: str) -> str:
    return digest_text(fingerprint, entry.digest, document_id or "", str(Path(tei_dir)))


def is_current(stored: DocumentEntry | None, key: str, corpus: Mapping[str, str]) -> bool:
    """True when the last build of this source still holds: same inputs, its files untouched."""
    if stored is None or stored.key != key:
        return False
    if any(corpus.get(number) != target for number, target in stored.links.items()):
        return False
    outcome = stored.outcome
    if outcome.get("tei") and file_stat(Path(outcome["tei"])) != stored.tei_stat:
        return False
    return all(os.path.exists(path) for path in outcome.get("outputs", []))


def build_documents(files: list[str], entries: Mapping[str, SourceEntry], assignment: Assignment,
                    corpus: Mapping[str, str], state: BuildState, workers: Workers, fingerprint: str,
                    tei_dir: str, out_dir: str, force: bool, corpus_reference: tuple[str, str],
                    progress) -> list[Outcome]:
    stored = state.documents()
    keys = {path: document_key(fingerprint, entries[path], assignment.ids.get(path), tei_dir) for path in files}
    outcomes: dict[str, Outcome] = {}
    tasks: list[Task] = []
    for path in files:
        previous = stored.get(path)
        if not force and is_current(previous, keys[path], corpus):
            outcomes[path] = Outcome.from_state(previous.outcome, previous.digest)
        else:
            tasks.append(Task(path, tei_dir, out_dir, assignment.ids.get(path),
                              previous.generated if previous is not None else None, force, *corpus_reference))
    last_commit = time.monotonic()
    try:
        for done, outcome in enumerate(workers.map(_process_task, tasks, chunk_items=PROCESS_CHUNK), start=1):
            outcomes[outcome.source] = outcome
            tei_stat = file_stat(Path(outcome.tei)) if outcome.tei else None
            outcome.digest = outcome.content_digest()
            state.put_document(outcome.source, DocumentEntry(keys[outcome.source], outcome.links, outcome.generated,
                                                             tei_stat, outcome.as_state(), outcome.digest),
                               outcome.fragments)
            outcome.fragments = {}          # kept in the state, not in memory
            if time.monotonic() - last_commit > COMMIT_INTERVAL:
                state.commit()
                last_commit = time.monotonic()
            if progress:
                progress(done, len(tasks), outcome)
    finally:
        state.commit()       # what finished is kept, even when interrupted
    return [outcomes[path] for path in files]


def add_notices(outcome: Outcome, notices: list[str]) -> None:
    """The build's own notices about a document (ids) join its messages."""
    if notices:
        outcome.messages = [*(f"{outcome.source}: {notice}" for notice in notices), *outcome.messages]
        if outcome.status == "ok":
            outcome.status = "warning"


class StoredRecords(Sequence):
    """The collection's records, each read from the build state when a stage asks for it.

    Only (id, TEI path, source) of every document sit in memory; the fragments
    (index rows, print texts …) are read one document at a time.
    """

    def __init__(self, outcomes: Iterable[Outcome], state: BuildState):
        self._documents = [(o.document_id, o.tei, o.source) for o in outcomes
                           if o.status != "error" and o.document_id and o.tei]
        self._state = state

    def __len__(self) -> int:
        return len(self._documents)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        document_id, tei, source = self._documents[index]
        return Record(document_id, Path(tei), source, StoredFragments(self._state, source))


class StoredFragments(Mapping):
    """The fragments of one document, each read from the build state when asked for."""

    def __init__(self, state: BuildState, source: str):
        self._state, self._source = state, source

    def __getitem__(self, name: str) -> str:
        text = self._state.fragment(self._source, name)
        if text is None:
            raise KeyError(name)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._state.fragment_names(self._source))

    def __len__(self) -> int:
        return len(self._state.fragment_names(self._source))


def collect(outcomes: list[Outcome], tei_dir: Path, out_dir: Path, state: BuildState | None = None) -> list[Path]:
    """The edition-wide outputs of every stage, from the documents that were built."""
    if state is not None:
        records: Sequence[Record] = StoredRecords(outcomes, state)
    else:
        records = [Record(o.document_id, Path(o.tei), o.source, o.fragments)
                   for o in outcomes if o.status != "error" and o.document_id and o.tei]
    context = CollectionContext(records, out_dir, tei_dir)
    written: list[Path] = []
    for stage in stages():
        if stage.collect is not None:
            written += stage.collect(context) or []
    return written


def collect_if_changed(outcomes: list[Outcome], tei_dir: Path, out_dir: Path, state: BuildState,
                       fingerprint: str) -> bool:
    """Runs the collection stages unless no document and no code changed since they last ran."""
    key = digest_text(fingerprint, str(tei_dir), *(o.digest for o in outcomes))
    previous = json.loads(state.get("collection_outputs") or "[]")
    if state.get("collection") == key and all(os.path.exists(path) for path in previous):
        return False
    written = collect(outcomes, tei_dir, out_dir, state)
    state.put("collection", key)
    state.put("collection_outputs", json.dumps(sorted(str(path) for path in written)))
    return True


def write_report_if_changed(outcomes: list[Outcome], assignment: Assignment, path: Path, state: BuildState) -> None:
    """Writes the report unless the documents, the ids and the report file are all as last time."""
    key = digest_text(*(o.digest for o in outcomes), json.dumps([assignment.duplicates, assignment.notices],
                                                                sort_keys=True))
    if state.get("report") == key and json.loads(state.get("report_stat") or "null") == list(file_stat(path) or ()):
        return
    write_report(outcomes, assignment, path)
    state.put("report", key)
    state.put("report_stat", json.dumps(list(file_stat(path) or ())))


def write_report(outcomes: list[Outcome], assignment: Assignment, path: Path) -> None:
    """``report.json``: every document, the counts, duplicates, kept TEI files and unknown names."""
    unknown: dict[str, set[str]] = {}
    for outcome in outcomes:
        for name in outcome.unknown_names:
            unknown.setdefault(name, set()).add(outcome.document_id or outcome.source)
    report = {"counts": {status: sum(1 for o in outcomes if o.status == status) for status in ("ok", "warning", "error")},
              "duplicate_ids": assignment.duplicates,
              "hand_edited_kept": [o.tei for o in outcomes if o.kept],
              "unknown_names": {name: sorted(ids) for name, ids in sorted(unknown.items())}}
    # one document per line (json's indenting encoder is pure Python: 0.4 s for 10,000 documents)
    documents = ",\n".join("    " + json.dumps(o.as_report(), ensure_ascii=False) for o in outcomes)
    head = json.dumps(report, ensure_ascii=False, indent=2)
    data = (head.removesuffix("\n}") + ',\n  "documents": [' + (f"\n{documents}\n  " if documents else "")
            + "]\n}").encode("utf-8")
    if not path.is_file() or path.read_bytes() != data:
        atomic_write(path, data)


def write_last_build(folder: Path, outcomes: list[Outcome], clock: Timings, seconds: float, jobs: int,
                     collected: bool, removed: int) -> None:
    """Counts and timings of this build, for people and the benchmark (not an output of the edition)."""
    steps: dict[str, float] = {}
    for outcome in outcomes:
        for step, spent in outcome.timings.items():
            steps[step] = steps.get(step, 0.0) + spent
    summary = {"seconds": round(seconds, 4), "jobs": jobs, "documents": len(outcomes),
               "rebuilt": sum(1 for o in outcomes if not o.reused),
               "reused": sum(1 for o in outcomes if o.reused),
               "collected": collected, "temporary_files_removed": removed,
               "phases": {name: round(value, 4) for name, value in sorted(clock.items())},
               "document_steps_cpu": {name: round(value, 4) for name, value in sorted(steps.items())}}
    atomic_write(folder / LAST_BUILD, json.dumps(summary, indent=2, sort_keys=True).encode("utf-8"))


def terminal_progress(done: int, total: int, outcome: Outcome) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    else:
        sys.stderr.write(f"{outcome.status}: {outcome.source}\n")


__all__ = ["build", "process", "Outcome", "terminal_progress", "safe_document_id", "path_inside", "convert_source"]
