"""Reader for flat web captures: one line per paragraph, no blank lines, ``###`` before the summary."""
from __future__ import annotations

import re

from ..model import Document
from .capture import has_blank_paragraphs, read_capture

NAME = "flat"


def score(text: str) -> float:
    if has_blank_paragraphs(text):
        return 0.0
    value = 0.0
    if re.search(r"^(Document Information|Author\(s\):|###|Associated Places)\s*$", text, re.M):
        value += 0.5
    if re.search(r"^[A-Z][a-z]+ \d{1,2}, \d{4}\s*$", text[:3000], re.M):
        value += 0.4
    return min(value, 0.9)


def read(text: str, source: str) -> Document:
    return read_capture(text, source, NAME, flat=True)
