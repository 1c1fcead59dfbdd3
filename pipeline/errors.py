"""The one error type of the pipeline: it carries the file and line a person must look at."""
from __future__ import annotations


class EditionError(Exception):
    """A problem a user can act on, reported as ``path:line: message`` — always on one line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        # Messages quoting parsers (Saxon, libxml2) may span lines; a report line must not.
        return f"{one_line(where)}: {one_line(self.message)}"


def one_line(text: str) -> str:
    """``text`` with every line break (and run of white space around it) made one space."""
    return " ".join(text.split()) if any(c in text for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") else text
