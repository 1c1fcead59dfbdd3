"""The build state: what the last build made from what, so that the next build redoes only what changed.

Kept in one SQLite database, ``OUT/.state/state.sqlite`` (every update is a
transaction: an interrupted build leaves the state as of its last commit,
and whatever it wrote after that is simply redone).  It records

* per source file: size, modification time and content digest (a file whose
  size and time are unchanged is not read again), and the converter's cheap
  pre-pass result (``Plan``: document id, own cipher numbers), valid for
  that digest;
* per document: the key it was built with (code fingerprint, source digest,
  assigned id, TEI folder), the corpus-map entries its references used,
  the digest of the TEI the converter generated (to recognise hand edits),
  the size and time of the TEI file as left, and the outcome (outputs,
  messages, the stage fragments that the collection stages need);
* per build: the fingerprint and the collection key (when neither the
  documents nor the code changed, the edition-wide pages are not redone).

The state is a cache: deleting ``OUT/.state/`` only makes the next build a
full one.  It never holds TEI or source text.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

STATE_FOLDER = ".state"
STATE_FILE = "state.sqlite"
FORMAT = "3"                                  # bump when the tables change meaning
ROOT = Path(__file__).resolve().parent.parent
# Everything a build result depends on besides the sources: code, data, register, stylesheets, schemas.
FINGERPRINT_FOLDERS = ("pipeline", "xslt", "schemas")
FINGERPRINT_SUFFIXES = (".py", ".toml", ".json", ".xml", ".xsl", ".xsd", ".rng", ".sch", ".css", ".js")
FINGERPRINT_PACKAGES = ("lxml", "saxonche")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                                  digest TEXT NOT NULL, plan TEXT);
CREATE TABLE IF NOT EXISTS documents (source TEXT PRIMARY KEY, key TEXT NOT NULL, links TEXT NOT NULL,
                                      generated TEXT, tei_stat TEXT, outcome TEXT NOT NULL,
                                      digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fragments (source TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
                                      PRIMARY KEY (source, name)) WITHOUT ROWID;
"""
TABLES = ("meta", "files", "documents", "fragments")


def digest_bytes(data: bytes) -> str:
    """A content digest (BLAKE2b, 128 bits, hex)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def digest_text(*parts: str) -> str:
    """The digest of several strings, kept apart (``("ab", "c")`` ≠ ``("a", "bc")``)."""
    return digest_bytes(json.dumps(parts, ensure_ascii=False).encode("utf-8"))


FINGERPRINT_OVERRIDE = "EDITION_CODE_FINGERPRINT"   # tests and benchmarks pin it while the code is being edited


def code_fingerprint() -> str:
    """Digest of the pipeline's code, data, register, stylesheets, schemas and library versions.

    ``$EDITION_CODE_FINGERPRINT``, when set, is taken instead: only for tests and
    benchmarks run in a checkout that others are editing at the same time.
    """
    return os.environ.get(FINGERPRINT_OVERRIDE) or hashed_code()


@cache
def hashed_code() -> str:
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(FORMAT.encode())
    for folder in FINGERPRINT_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in FINGERPRINT_SUFFIXES and "__pycache__" not in path.parts:
                hasher.update(path.relative_to(ROOT).as_posix().encode("utf-8") + b"\0")
                hasher.update(path.read_bytes() + b"\0")
    for package in FINGERPRINT_PACKAGES:
        try:
            hasher.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            hasher.update(f"{package}=?\0".encode())
    return hasher.hexdigest()


def file_stat(path: Path) -> tuple[int, int] | None:
    """(size, modification time in ns), or None when the file is absent."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


@dataclass(frozen=True)
class SourceEntry:
    """What the state knows of one source file."""

    size: int
    mtime_ns: int
    digest: str
    plan: dict | None          # {"document_id": …, "cipher_numbers": […]} or {"error": …}


@dataclass(frozen=True)
class DocumentEntry:
    """What the last build made of one source (its stage fragments are stored beside it, read on demand)."""

    key: str
    links: dict[str, str | None]
    generated: str | None          # digest of the TEI the converter generated
    tei_stat: tuple[int, int] | None
    outcome: dict
    digest: str = ""               # digest of the outcome and its fragments (what reports and collections use)


class BuildState:
    """The state database of one output folder (opened by the build, closed when it ends)."""

    def __init__(self, out_dir: Path):
        self.folder = Path(out_dir) / STATE_FOLDER
        self.folder.mkdir(parents=True, exist_ok=True)
        self.connection = self._open(self.folder / STATE_FILE)

    @classmethod
    def _open(cls, path: Path) -> sqlite3.Connection:
        try:
            return cls._connect(path)
        except sqlite3.DatabaseError:
            # A damaged cache is discarded: the build starts afresh rather than failing.
            for leftover in (path, *(path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
            return cls._connect(path)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        connection = sqlite3.connect(path)
        # WAL: a commit is an append without fsync (fast while documents finish), yet the
        # database stays consistent whatever interrupts the build.
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.executescript(SCHEMA)
        stored = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if stored != (FORMAT,):                 # another layout of the tables: start afresh
            for table in TABLES:
                connection.execute(f"DROP TABLE IF EXISTS {table}")
            connection.executescript(SCHEMA)
            connection.execute("INSERT INTO meta (key, value) VALUES ('format', ?)", (FORMAT,))
            connection.commit()
        return connection

    # -- meta ----------------------------------------------------------------
    def get(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def adopt_fingerprint(self, fingerprint: str) -> bool:
        """Records the code fingerprint; True when it changed (cached plans are then dropped)."""
        if self.get("fingerprint") == fingerprint:
            return False
        self.connection.execute("UPDATE files SET plan = NULL")
        self.put("fingerprint", fingerprint)
        return True

    # -- sources -------------------------------------------------------------
    def sources(self) -> dict[str, SourceEntry]:
        return {path: SourceEntry(size, mtime_ns, digest, json.loads(plan) if plan else None)
                for path, size, mtime_ns, digest, plan
                in self.connection.execute("SELECT path, size, mtime_ns, digest, plan FROM files")}

    def put_source(self, path: str, entry: SourceEntry) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns, digest, plan) VALUES (?, ?, ?, ?, ?)",
            (path, entry.size, entry.mtime_ns, entry.digest,
             json.dumps(entry.plan, sort_keys=True) if entry.plan is not None else None))

    # -- documents -----------------------------------------------------------
    def documents(self) -> dict[str, DocumentEntry]:
        entries = {}
        for source, key, links, generated, tei_stat, outcome, digest in self.connection.execute(
                "SELECT source, key, links, generated, tei_stat, outcome, digest FROM documents"):
            stat = json.loads(tei_stat) if tei_stat else None
            entries[source] = DocumentEntry(key, json.loads(links), generated,
                                            tuple(stat) if stat else None, json.loads(outcome), digest)
        return entries

    def put_document(self, source: str, entry: DocumentEntry, fragments: Mapping[str, str]) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO documents (source, key, links, generated, tei_stat, outcome, digest) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source, entry.key, json.dumps(entry.links, sort_keys=True), entry.generated,
             json.dumps(entry.tei_stat) if entry.tei_stat else None,
             json.dumps(entry.outcome, ensure_ascii=False, sort_keys=True), entry.digest))
        self.connection.execute("DELETE FROM fragments WHERE source = ?", (source,))
        self.connection.executemany("INSERT INTO fragments (source, name, text) VALUES (?, ?, ?)",
                                    ((source, name, text) for name, text in sorted(fragments.items())))

    def fragment(self, source: str, name: str) -> str | None:
        """One stage fragment of one document (each is its own row: a collection stage reads only
        the fragments it needs, one document at a time, and the corpus never sits in memory)."""
        row = self.connection.execute("SELECT text FROM fragments WHERE source = ? AND name = ?",
                                      (source, name)).fetchone()
        return row[0] if row else None

    def fragment_names(self, source: str) -> list[str]:
        return [row[0] for row in self.connection.execute(
            "SELECT name FROM fragments WHERE source = ? ORDER BY name", (source,))]

    def forget(self, table: str, keep: Iterable[str]) -> None:
        """Drops the rows of sources that are no longer part of the build (with their fragments)."""
        column = {"files": "path", "documents": "source"}[table]
        keep = set(keep)
        stale = [row[0] for row in self.connection.execute(f"SELECT {column} FROM {table}") if row[0] not in keep]
        self.connection.executemany(f"DELETE FROM {table} WHERE {column} = ?", ((name,) for name in stale))
        if table == "documents":
            self.connection.executemany("DELETE FROM fragments WHERE source = ?", ((name,) for name in stale))

    # -- transactions --------------------------------------------------------
    def commit(self) -> None:
        self.connection.commit()

    def close(self) -> None:
        self.connection.commit()
        self.connection.close()


def stale_temporary_files(folders: Iterable[Path]) -> Iterator[Path]:
    """Temporary files an interrupted ``atomic_write`` left behind (``.NAME.XXXX.tmp``)."""
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for directory, _, names in os.walk(folder):
            for name in names:
                if name.startswith(".") and name.endswith(".tmp"):
                    yield Path(directory) / name


__all__ = ["BuildState", "SourceEntry", "DocumentEntry", "code_fingerprint", "digest_bytes", "digest_text",
           "file_stat", "stale_temporary_files", "STATE_FOLDER"]
