"""The one error type of the pipeline: it carries the file and line a person must look at."""
from __future__ import annotations


class EditionError(Exception):
    """A problem a user can act on, reported as ``path:line: message``."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"
