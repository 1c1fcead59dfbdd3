"""The exchange stage: CMIF, the TEI corpus file, the tables (CSV, JSON) and a static DTS API for other projects.

Per document (in a worker) the stylesheets of ``xslt/exports/`` compute the
document's CMIF ``correspDesc``, its table rows and its DTS Resource object
(kept as the stage's fragment), write the document's DTS files and its
corpus member (ids made unique) to ``OUT/.corpus/`` (kept, so that an
incremental build that reuses a document still finds it).  ``collect`` streams
every edition-wide file: a frame written by a stylesheet, split at its
placeholder, with the fragments (or member files) put in one at a time — the
corpus TEI is never held in memory.

This module never builds XML, CSV or JSON text itself: ``xslt/exports/``
writes every piece; Python only orders and concatenates them.  It never reads
the source text exports.
"""
from __future__ import annotations

import itertools
import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from .errors import EditionError
from .files import atomic_stream
from .stages import CollectionContext, DocumentContext, Stage

EDITION_CONFIG = Path(__file__).resolve().parent / "data" / "edition.toml"

STAGE_NAME = "exports"
CMIF_FILE = "cmif.xml"
CORPUS_FILE = "edition.xml"
CSV_FILE = "documents.csv"
JSON_FILE = "documents.json"
DTS = "dts"
DTS_ENTRY_POINT = "index.json"
DTS_COLLECTIONS = "collection"
DTS_DOCUMENTS = "document"
# Corpus members (ids made corpus-unique) between the workers and collect; a hidden
# folder, not part of the published site (``edition serve`` does not serve it).
CORPUS_MEMBERS = ".corpus"

# Placeholders the frame stylesheets write where the per-document pieces go.
CMIF_PLACEHOLDER = "<?edition-entries?>"
CORPUS_PLACEHOLDER = "<?edition-documents?>"
DTS_MEMBERS_PLACEHOLDER = '"@@edition-members@@"'

CSV_LINE_END = "\r\n"    # RFC 4180


# --------------------------------------------------------------------------
# The edition's publication facts
# --------------------------------------------------------------------------
@cache
def edition_config() -> dict[str, Any]:
    """``pipeline/data/edition.toml``, read once per process."""
    with EDITION_CONFIG.open("rb") as handle:
        return tomllib.load(handle)


def release_date(config: Mapping[str, Any]) -> str:
    """The edition's release date: $SOURCE_DATE_EPOCH if set (reproducible builds), else the config's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
    return str(config["release-date"])


@cache
def _stylesheet_parameters(date: str) -> tuple[tuple[str, str], ...]:
    config = edition_config()
    return (
        ("base-url", config["base-url"]),
        ("document-path", config["document-path"]),
        ("edition-title", config["title"]),
        ("publisher", config["publisher"]),
        ("editors", "\n".join(config["editors"])),
        ("release-date", date),
        ("licence", config["licence"]),
        ("licence-url", config["licence-url"]),
        ("description", config["description"]),
        ("bibl-id", config["cmif"]["bibl-id"]),
        ("collection-id", config["dts"]["collection-id"]),
        ("formula-prefixes", "".join(config["csv"]["formula-prefixes"])),
    )


def stylesheet_parameters() -> dict[str, str]:
    """The parameters every export stylesheet is given (see xslt/exports/exports.xsl)."""
    return dict(_stylesheet_parameters(release_date(edition_config())))


# --------------------------------------------------------------------------
# Per document, in a worker
# --------------------------------------------------------------------------
def write_document(context: DocumentContext) -> dict[str, str]:
    """The document's DTS files and corpus member; returns its CMIF entry, table rows and DTS member
    (each a fragment of its own, read by the collection step that needs it)."""
    document = ParsedDocument(context.renderer, context.tei, str(context.tei_path))
    identifier = context.document_id
    context.write(context.tei, DTS, DTS_DOCUMENTS, f"{identifier}.xml")
    context.write(document.render("dts-resource", standalone=True) + "\n",
                  DTS, DTS_COLLECTIONS, f"{identifier}.json")
    context.write(document.render("corpus-member"), CORPUS_MEMBERS, f"{identifier}.xml")
    return {
        "cmif": document.render("cmif-entry").strip(),
        "csv": document.render("csv-row"),
        "json": document.render("json-row"),
        "dts": document.render("dts-resource", standalone=False),
    }


class ParsedDocument:
    """One TEI document parsed once for the several export stylesheets (parsing costs more than each run)."""

    def __init__(self, renderer: Any, tei: bytes, path: str):
        self.renderer, self.path = renderer, path
        self.node = renderer.parse(tei, path)     # the renderer's node if it has just parsed this TEI

    def render(self, name: str, **parameters: str | int | bool) -> str:
        """Stylesheet ``name`` on this document, with the edition's parameters and ``parameters``."""
        return self.renderer.render_node(name, self.node, {**stylesheet_parameters(), **parameters}, self.path)


# --------------------------------------------------------------------------
# The edition as a whole, in the main process
# --------------------------------------------------------------------------
def write_collection(context: CollectionContext) -> list[Path]:
    out_dir = Path(context.out_dir)
    identifiers = [identifier for identifier, _ in fragment_values(context, "csv")]
    written = [
        write_cmif(out_dir / CMIF_FILE, (entry for _, entry in fragment_values(context, "cmif"))),
        write_corpus(out_dir / CORPUS_FILE, identifiers, out_dir / CORPUS_MEMBERS),
        write_csv(out_dir / CSV_FILE, (row for _, row in fragment_values(context, "csv"))),
        write_json(out_dir / JSON_FILE, (row for _, row in fragment_values(context, "json"))),
    ]
    written += write_dts(out_dir / DTS, fragment_values(context, "dts"), len(identifiers))
    return written


def fragment_values(context: CollectionContext, key: str) -> Iterator[tuple[str, str]]:
    """(document id, its fragment ``key``) for every document, read one at a time."""
    for record, fragment in context.fragments(STAGE_NAME, key):
        yield record.document_id, fragment


def write_cmif(path: Path, entries: Iterable[str]) -> Path:
    """OUT/cmif.xml: cmif.xsl's frame with every document's correspDesc in place."""
    head, tail = split_frame(call_frame("cmif", {}), CMIF_PLACEHOLDER, "cmif.xsl")
    with atomic_stream(path) as stream:
        stream.write(head)
        for entry in entries:
            stream.write("\n" + entry)
        stream.write("\n" + tail.lstrip(" "))
    return path


def write_corpus(path: Path, identifiers: list[str], members: Path) -> Path:
    """OUT/edition.xml: corpus.xsl's frame with every member file, read one at a time."""
    frame = call_frame("corpus", {"document-count": len(identifiers)})
    head, tail = split_frame(frame, CORPUS_PLACEHOLDER, "corpus.xsl")
    with atomic_stream(path) as stream:
        stream.write(head)
        for identifier in identifiers:
            member = members / f"{identifier}.xml"
            if not member.is_file():
                raise EditionError("the corpus member of this document is missing; build it again", str(member))
            stream.write("\n")
            stream.write(member.read_text(encoding="utf-8").strip())
        stream.write("\n" + tail.lstrip(" "))
    return path


def write_csv(path: Path, rows: Iterable[str]) -> Path:
    """OUT/documents.csv: header row, then one row per document, CRLF line ends."""
    with atomic_stream(path) as stream:
        stream.write(call_frame("csv-row", {}) + CSV_LINE_END)
        for row in rows:
            stream.write(row + CSV_LINE_END)
    return path


def write_json(path: Path, rows: Iterable[str]) -> Path:
    """OUT/documents.json: an array with one object per document, one per line."""
    with atomic_stream(path) as stream:
        stream.write("[")
        for number, row in enumerate(rows):
            stream.write(("," if number else "") + "\n" + row)
        stream.write("\n]\n")
    return path


def write_dts(folder: Path, members: Iterable[tuple[str, str]], total: int) -> list[Path]:
    """OUT/dts/: the entry point and the pages of the root collection (the Resources are written per document).

    ``members`` are (document id, Resource object as JSON) in collection order, ``total`` their number.
    """
    config = edition_config()
    collection_id = config["dts"]["collection-id"]
    page_size = max(1, int(config["dts"]["page-size"]))
    pages = max(1, -(-total // page_size))
    members = iter(members)
    entry_point = folder / DTS_ENTRY_POINT
    with atomic_stream(entry_point) as stream:
        stream.write(call_frame("dts-collection", {"entry-point": True}) + "\n")
    written = [entry_point]
    for page in range(1, pages + 1):
        page_members = []
        for identifier, member in itertools.islice(members, page_size):
            if identifier == collection_id:
                raise EditionError(f"a document has the id of the DTS collection ({collection_id!r}); "
                                   "change dts.collection-id in pipeline/data/edition.toml")
            page_members.append(member)
        frame = call_frame("dts-collection", {"total": total, "page": page, "pages": pages})
        head, tail = split_frame(frame, DTS_MEMBERS_PLACEHOLDER, "dts-collection.xsl")
        names = [f"{collection_id}.{page}.json"] + ([f"{collection_id}.json"] if page == 1 else [])
        for name in names:
            target = folder / DTS_COLLECTIONS / name
            with atomic_stream(target) as stream:
                stream.write(head)
                stream.write(",\n".join(page_members))
                stream.write(tail + "\n")
            written.append(target)
    return written


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def call_frame(name: str, parameters: Mapping[str, str | int | bool]) -> str:
    """Runs the initial template of stylesheet ``name`` (no input document) with the edition's parameters."""
    from .render import get_renderer

    renderer = get_renderer()
    return renderer.call_template(name, {**stylesheet_parameters(), **parameters},
                                  f"xslt/{renderer.stylesheets[name].stylesheet}")


def split_frame(frame: str, placeholder: str, stylesheet: str) -> tuple[str, str]:
    """The text before and after the frame's one placeholder."""
    if frame.count(placeholder) != 1:
        raise EditionError(f"{stylesheet} must write {placeholder} exactly once "
                           f"(found {frame.count(placeholder)})")
    head, tail = frame.split(placeholder)
    return head, tail


STAGE = Stage(STAGE_NAME, "CMIF, the TEI corpus file, documents.csv/json and the static DTS API under OUT/",
              write_document, write_collection)
