"""The output stages of the build: what is made from each TEI document and from the edition as a whole.

A stage is one output family (the web site, the print editions, the
exchange formats …).  It may have two parts:

* ``document(context)`` runs in a worker process for every document that
  was converted and validated.  It writes that document's own files (an
  HTML page, a text file …) and may return a small *fragment* (text: an
  XML snippet, a JSON line …) that its ``collect`` needs later — e.g. the
  row of an index — or several named ones (a mapping part → text), which
  ``collect`` reads separately (``context.fragments(stage, part)``): a
  collection step that needs a small part never reads a large one.
  Fragments are kept by the build, never the TEI.
* ``collect(context)`` runs once in the main process after all documents,
  with the fragments of every document, and writes the edition-wide files
  (index pages, volumes, corpus files).  It must stream: read TEI files one
  at a time from ``record.tei_path`` if it needs more than its fragments.

A new output family is one module with a ``STAGE`` plus its name in
``STAGE_MODULES``; build.py does not change.  Stages never read the source
text exports: the TEI is the edition.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

# Stages run in this order.  Their per-document parts are independent; a collect part may
# read what an earlier stage wrote (search indexes the site's pages).
STAGE_MODULES: tuple[str, ...] = (
    "pipeline.site",
    "pipeline.print_edition",
    "pipeline.exports",       # CMIF, corpus file, tables, static DTS API
    "pipeline.search",        # after pipeline.site: indexes the pages the site stage wrote
)


@dataclass(frozen=True)
class DocumentContext:
    """One converted, valid document in a worker process."""

    document_id: str
    tei: bytes                 # the TEI file's bytes, as written
    tei_path: Path
    out_dir: Path
    renderer: Any              # the worker's pipeline.render.Renderer (stylesheets compiled once)
    written: list[Path] = field(default_factory=list)

    def write(self, data: bytes | str, *parts: str) -> Path:
        """Writes ``data`` atomically to ``out_dir/parts…`` and records it for the report."""
        from .files import atomic_write

        path = self.out_dir.joinpath(*parts)
        atomic_write(path, data.encode("utf-8") if isinstance(data, str) else data)
        self.written.append(path)
        return path


@dataclass(frozen=True)
class Record:
    """What the build keeps of one built document for the collection stages."""

    document_id: str
    tei_path: Path
    source: str
    fragments: Mapping[str, str] = field(default_factory=dict)   # fragment name (see fragment_name) → text


@dataclass(frozen=True)
class CollectionContext:
    """All built documents (in build order: sorted sources), after the per-document work."""

    records: Sequence[Record]
    out_dir: Path
    tei_dir: Path

    def fragments(self, stage: str, part: str | None = None) -> Iterator[tuple[Record, str]]:
        """(record, fragment) for every document whose stage returned a fragment (or that part of one)."""
        name = fragment_name(stage, part)
        for record in self.records:
            fragment = record.fragments.get(name)
            if fragment is not None:
                yield record, fragment


@dataclass(frozen=True)
class Stage:
    name: str
    description: str
    document: Callable[[DocumentContext], str | Mapping[str, str] | None] | None = None
    collect: Callable[[CollectionContext], list[Path]] | None = None


def fragment_name(stage: str, part: str | None = None) -> str:
    """The name a fragment is kept under: the stage's, or "stage:part" for a part of several."""
    return stage if part is None else f"{stage}:{part}"


def named_fragments(stage: str, fragment: str | Mapping[str, str] | None) -> dict[str, str]:
    """What a stage's ``document`` returned, by fragment name."""
    if fragment is None:
        return {}
    if isinstance(fragment, str):
        return {stage: fragment}
    return {fragment_name(stage, part): text for part, text in fragment.items()}


@cache
def stages() -> tuple[Stage, ...]:
    """The registered stages, imported once per process."""
    return tuple(importlib.import_module(name).STAGE for name in STAGE_MODULES)


__all__ = ["Stage", "DocumentContext", "CollectionContext", "Record", "stages", "STAGE_MODULES", "fragment_name",
           "named_fragments"]
