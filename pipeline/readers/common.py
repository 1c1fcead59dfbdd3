"""Line and block handling shared by the readers: blank lines, paragraphs, labels, the page tail.

Readers know layouts; this module knows only how exports are cut into lines
and blocks.  It never drops text: whatever it does not classify comes back
to the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block

NBSP = "\u00a0"
# Markdown hard line breaks and no-break spaces are layout, not text.
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$")


@dataclass(frozen=True)
class Line:
    number: int          # 1-based
    text: str            # without trailing white space


def split_lines(text: str) -> list[Line]:
    """The source as numbered lines, trailing white space removed."""
    return [Line(index + 1, _TRAILING_SPACE.sub("", raw)) for index, raw in enumerate(text.split("\n"))]


def is_blank(line: Line | str) -> bool:
    """True for empty lines and lines holding only (no-break) spaces."""
    value = line.text if isinstance(line, Line) else line
    return not value.replace(NBSP, " ").strip()


def blocks_from_lines(lines: list[Line], *, one_line_per_block: bool = False) -> list[Block]:
    """Paragraphs: runs of non-blank lines (or single lines in flat captures)."""
    blocks: list[Block] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            blocks.append(Block(text="\n".join(clean_line(l.text) for l in current), line=current[0].number))
            current.clear()

    for line in lines:
        if is_blank(line):
            flush()
        elif one_line_per_block:
            flush()
            current.append(line)
            flush()
        else:
            current.append(line)
    flush()
    return blocks


def clean_line(text: str) -> str:
    """A line as text: indentation dropped, runs of layout spaces folded to one.

    Runs of (no-break) spaces are layout; a single no-break space (``N : 5``)
    is kept, it is how the source writes a number sign.
    """
    return re.sub(r"[ \t\u00a0]{2,}", " ", text.strip(" \t\u00a0"))


def first_index(lines: list[Line], predicate, start: int = 0) -> int | None:
    for index in range(start, len(lines)):
        if predicate(lines[index]):
            return index
    return None


def strip_bold(text: str) -> str:
    """``**July 5, 1950**`` → ``July 5, 1950`` (Markdown emphasis is layout)."""
    text = text.strip()
    if text.startswith("**") and text.endswith("**") and len(text) >= 4:
        return text[2:-2].strip()
    return text


_BRACKETED_URL = re.compile(r"<(https?://[^\s>]+)>")
_BARE_URL = re.compile(r"https?://[^\s<>\"”]+[^\s<>\"”.,;)]")


def find_url(text: str) -> str | None:
    match = _BRACKETED_URL.search(text) or _BARE_URL.search(text)
    return match.group(1) if match and match.re is _BRACKETED_URL else (match.group(0) if match else None)


def record_id_from_url(url: str | None) -> str | None:
    """The archive's record number is the last path segment of its document URL."""
    if not url:
        return None
    match = re.search(r"/document/(?:[^/\s]*-)?(\d+)/?$", url) or re.search(r"/document/(\d+)", url)
    return match.group(1) if match else None


def unwrap_markdown_url(text: str) -> str:
    """``<https://…>`` → ``https://…``: the angle brackets are Markdown syntax."""
    return _BRACKETED_URL.sub(lambda m: m.group(1), text)


def join_block_lines(text: str) -> str:
    """A wrapped title or label value as one line."""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())
