"""Reading sources and writing outputs safely: atomic writes, clear errors for unreadable input."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import EditionError

SOURCE_SUFFIXES = (".txt",)


def discover(paths: list[str]) -> list[Path]:
    """Source files named or found (recursively, sorted) in the folders named."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        else:
            found.append(path)
    return found


def read_source(path: Path) -> str:
    """The text of a source export (UTF-8, with or without BOM); line ends normalised to ``\\n``."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise EditionError("is a directory, not a text export", str(path)) from None
    except OSError as error:
        raise EditionError(f"cannot read: {error.strerror or error}", str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise EditionError("not valid UTF-8 text", str(path), line) from None
    if not text.strip():
        raise EditionError("empty file: no text to convert", str(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
