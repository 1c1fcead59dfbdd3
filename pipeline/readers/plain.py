"""Fallback reader for an unknown layout: best effort, with a warning.

A date line near the top is taken as the document date, the next line as
the title; everything else is body text.  Nothing is dropped.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Document
from .capture import read_capture

NAME = "plain"


def score(text: str) -> float:
    return 0.05


def read(text: str, source: str) -> Document:
    document = read_capture(text, source, NAME, flat=False)
    return replace(document, warnings=document.warnings + ("unknown layout: read as plain text (best effort)",))
