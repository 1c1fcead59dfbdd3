"""Reading sources and writing outputs safely: atomic writes, clear errors for unreadable input."""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import EditionError
from .text_input import SourceText, max_bytes, source_text

SOURCE_SUFFIXES = (".txt",)


def discover(paths: list[str]) -> list[Path]:
    """Source files named or found (recursively, sorted) in the folders named.

    Inside folders every ``.txt`` entry but a folder is kept — a broken link,
    a link loop, a pipe — so that reading it reports the problem instead of
    skipping it silently.
    """
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES and not p.is_dir())
        else:
            found.append(path)
    return found


def read_source(path: Path) -> SourceText:
    """The cleaned text of a source export (see ``pipeline.text_input``), with its reading warnings in ``.notes``.

    Refused with an EditionError naming the file: anything but a regular file,
    a file above the size limit, binary data, text whose encoding cannot be
    told, and files with no text.
    """
    return source_text(read_bytes_bounded(Path(path)), str(path))


def read_bytes_bounded(path: Path) -> bytes:
    """The bytes of a regular file no larger than the limit in pipeline/data/input.toml."""
    limit = max_bytes()
    try:
        status = path.stat()
    except OSError as error:
        raise EditionError(_os_problem(error), str(path)) from None
    if stat.S_ISDIR(status.st_mode):
        raise EditionError("is a directory, not a text export", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise EditionError("not a regular file (a pipe, socket or device): refused", str(path))
    if status.st_size > limit:
        raise EditionError(f"too large: {status.st_size:,} bytes, the limit is {limit:,} bytes per export "
                           "(pipeline/data/input.toml)", str(path))
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise EditionError(_os_problem(error), str(path)) from None
    if len(data) > limit:  # grew while we looked
        raise EditionError(f"too large: more than {limit:,} bytes per export", str(path))
    return data


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "cannot read: symbolic link loop"
    if error.errno == errno.ENOENT:
        return "cannot read: no such file (or a broken link)"
    return f"cannot read: {error.strerror or error}"


def current_umask() -> int:
    """The process's umask (read by setting it and restoring it at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half of one.

    The file is made as ``open()`` would make it (0666 less the umask: an edition is for reading),
    or owner-only (0600) if ``private``."""
    with _atomic_file(path, "wb", private) as stream:
        stream.write(data)


def atomic_stream(path: Path) -> contextlib.AbstractContextManager[IO[str]]:
    """A UTF-8 text stream to ``path`` that replaces it only when complete (like ``atomic_write``)."""
    return _atomic_file(path, "w", False, encoding="utf-8", newline="")


@contextlib.contextmanager
def _atomic_file(path: Path, mode: str, private: bool, **options) -> Iterator[IO]:
    """A temporary file beside ``path``, renamed over it when the block ends without an error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if not private:   # mkstemp made it 0600
            os.fchmod(handle, 0o666 & ~current_umask())
        with os.fdopen(handle, mode, **options) as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
