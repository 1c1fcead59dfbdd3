"""Reader for web captures with blank-line paragraphs: ``Skip to content`` … ``Document Information`` … ``Record ID``."""
from __future__ import annotations

import re

from ..model import Document
from .capture import has_blank_paragraphs, read_capture

NAME = "webpage"


def score(text: str) -> float:
    value = 0.0
    if re.match(r"\s*Skip to content\s*$", text[:200], re.M):
        value += 0.5
    if re.search(r"^Document Information\s*$", text, re.M):
        value += 0.3
    if re.search(r"^(Record ID|Original Uploaded Date|Author\(s\):)\s*$", text, re.M):
        value += 0.1
    if value and not has_blank_paragraphs(text):
        value -= 0.3
    return max(0.0, min(value, 0.95))


def read(text: str, source: str) -> Document:
    return read_capture(text, source, NAME, flat=False)
