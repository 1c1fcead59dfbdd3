"""A per-user cache of objects that are slow to build and quick to unpickle.

Used for the compiled project schema (xmlschema: 0.2–0.5 s to load, 0.06 s
to unpickle) and the register with its generated name forms (0.2–0.5 s to
read and inflect, 0.03 s to unpickle), which every build process and every
worker would otherwise rebuild.

Each object is one file, ``edition-NAME-KEY.pickle``, in
``$EDITION_CACHE_DIR`` or ``~/.cache/telegram-edition/`` (``EDITION_CACHE_DIR=off``
turns the cache off).  KEY is a digest of everything the object is built
from (its files, the library and Python versions), so a changed input never
matches an old file.  Unpickling runs code: a file is read only when it and
its folder belong to the user and nobody else can write them; a cache file
that is absent, damaged or unsafe is ignored and the object is built again.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "EDITION_CACHE_DIR"      # where cached objects go; "off" for no cache
Value = TypeVar("Value")


def files_key(files: Iterable[Path], *versions: str) -> str:
    """sha256 of the files (names and contents), the given version strings, Python and pickle."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(" ".join((*versions, f"python {sys.version_info[0]}.{sys.version_info[1]}",
                            f"pickle {pickle.HIGHEST_PROTOCOL}")).encode())
    return digest.hexdigest()


def cache_path(name: str, key: Callable[[], str]) -> Path | None:
    """Where object ``name`` with this key is cached; None when the cache is off or the key unreadable."""
    configured = os.environ.get(CACHE_ENV)
    if configured == "off":
        return None
    base = Path(configured) if configured else \
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "telegram-edition"
    try:
        return base / f"edition-{name}-{key()}.pickle"
    except OSError:
        return None


def read_cached(path: Path) -> object | None:
    """The cached object, or None when the file is absent, unsafe (not ours, writable by others) or unusable."""
    try:
        status = path.stat()
        folder = path.parent.stat()
        others_can_write = (status.st_mode | folder.st_mode) & (stat.S_IWGRP | stat.S_IWOTH)
        if status.st_uid != os.getuid() or folder.st_uid != os.getuid() or others_can_write:
            return None  # unpickling runs code: never read a file someone else could have written
        key, value = pickle.loads(path.read_bytes())
        return value if key == path.stem else None
    except Exception:  # absent, truncated, written by another version …: build instead
        return None


def write_cached(path: Path, value: object) -> None:
    """Stores ``value`` for the next process (private to the user); never fails the caller."""
    from .files import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(path, pickle.dumps((path.stem, value), protocol=pickle.HIGHEST_PROTOCOL), private=True)
    except Exception:  # a read-only home or an unpicklable object: work without the cache
        return


def cached(name: str, key: Callable[[], str], build: Callable[[], Value]) -> Value:
    """The object from the cache when a valid one is there, else ``build()`` (then cached)."""
    path = cache_path(name, key)
    value = read_cached(path) if path is not None else None
    if value is None:
        value = build()
        if path is not None:
            write_cached(path, value)
    return value  # type: ignore[return-value]


__all__ = ["CACHE_ENV", "cache_path", "cached", "files_key", "read_cached", "write_cached"]
