"""The build: discover sources → convert → validate → write TEI → output stages (per document, then collection) → report.

Work per document runs in worker processes (``--jobs``); each worker
compiles schemas and stylesheets once.  Every file is written atomically.
A failing document is reported and the others are still built.
"""
from __future__ import annotations

import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .convert import convert_text
from .errors import EditionError
from .files import atomic_write, discover, read_source
from .stages import CollectionContext, DocumentContext, Record, stages
from .validate import validate_tei_bytes

@dataclass
class Outcome:
    source: str
    document_id: str | None = None
    tei: str | None = None
    outputs: list[str] = field(default_factory=list)
    status: str = "ok"
    messages: list[str] = field(default_factory=list)
    fragments: dict[str, str] = field(default_factory=dict)

    def as_report(self) -> dict:
        return {"source": self.source, "document_id": self.document_id, "tei": self.tei,
                "outputs": self.outputs, "status": self.status, "messages": self.messages}


def convert_source(path: Path, identifier: str | None = None) -> tuple[bytes, str, tuple[str, ...]]:
    conversion = convert_text(read_source(path), str(path), identifier=identifier)
    return conversion.tei, conversion.document_id, conversion.warnings


def process(source: str, tei_dir: str, out_dir: str, document_id: str | None = None) -> Outcome:
    """Everything for one source, in a worker process: convert, validate, write TEI, run the stages."""
    from .render import get_renderer

    outcome = Outcome(source=source)
    try:
        tei, outcome.document_id, warnings = convert_source(Path(source), document_id)
        outcome.messages += list(warnings)
        problems = validate_tei_bytes(tei, source)
        if problems:
            raise EditionError("; ".join(problems[:3]), source)
        tei_path = Path(tei_dir) / f"{outcome.document_id}.xml"
        atomic_write(tei_path, tei)
        outcome.tei = str(tei_path)
        context = DocumentContext(outcome.document_id, tei, tei_path, Path(out_dir), get_renderer())
        for stage in stages():
            if stage.document is not None:
                fragment = stage.document(context)
                if fragment is not None:
                    outcome.fragments[stage.name] = fragment
        outcome.outputs = [str(path) for path in context.written]
        if outcome.messages:
            outcome.status = "warning"
    except EditionError as error:
        outcome.status = "error"
        outcome.messages.append(str(error))
    except Exception as error:  # a bug must not stop the other documents
        outcome.status = "error"
        outcome.messages.append(f"{source}: internal error: {type(error).__name__}: {error}")
    return outcome


def _process_args(args: tuple[str, str, str, str | None]) -> Outcome:
    return process(*args)


def build(sources: list[str], tei_dir: str = "tei", out_dir: str = "output", jobs: int = 1,
          progress=None) -> list[Outcome]:
    files = discover(sources)
    ids = _planned_ids(files)
    tasks = [(str(path), tei_dir, out_dir, ids.get(str(path))) for path in files]
    outcomes: list[Outcome] = []
    if jobs > 1 and len(tasks) > 1:
        # spawn, not fork: a forked copy of a live Saxon (GraalVM) processor is not safe to use
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            for outcome in pool.map(_process_args, tasks, chunksize=max(1, len(tasks) // (jobs * 8) or 1)):
                outcomes.append(outcome)
                if progress:
                    progress(len(outcomes), len(tasks), outcome)
    else:
        for task in tasks:
            outcomes.append(_process_args(task))
            if progress:
                progress(len(outcomes), len(tasks), outcomes[-1])
    collect(outcomes, Path(tei_dir), Path(out_dir))
    report = {"documents": [o.as_report() for o in outcomes],
              "counts": {status: sum(1 for o in outcomes if o.status == status) for status in ("ok", "warning", "error")}}
    atomic_write(Path(out_dir) / "report.json", json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"))
    return outcomes


def collect(outcomes: list[Outcome], tei_dir: Path, out_dir: Path) -> None:
    """The edition-wide outputs of every stage, from the documents that were built."""
    records = [Record(o.document_id, Path(o.tei), o.source, o.fragments)
               for o in outcomes if o.status != "error" and o.document_id and o.tei]
    context = CollectionContext(records, out_dir, tei_dir)
    for stage in stages():
        if stage.collect is not None:
            stage.collect(context)


def _planned_ids(files: list[Path]) -> dict[str, str]:
    """Two sources with the same record id both get built: later ones get a suffix."""
    from .convert import read_document
    from .tei_writer import document_id

    planned: dict[str, str] = {}
    used: dict[str, int] = {}
    for path in files:
        try:
            identifier = document_id(read_document(read_source(path), str(path)))
        except Exception:
            continue
        used[identifier] = used.get(identifier, 0) + 1
        if used[identifier] > 1:
            planned[str(path)] = f"{identifier}-{used[identifier]}"
    return planned


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


__all__ = ["build", "process", "Outcome", "terminal_progress"]
