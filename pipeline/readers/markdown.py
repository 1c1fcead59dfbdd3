"""Reader for the Markdown-bold export: ``**July 5, 1950**``, ``**Citation:**`` … body."""
from __future__ import annotations

import re

from ..model import Document
from .labelled import read_labelled

NAME = "markdown"


def score(text: str) -> float:
    labels = re.findall(r"^\*\*(Citation|Summary|Original Language|Contents|Credits):\*\*\s*$", text, re.M)
    return min(1.0, 0.4 * len(set(labels)))


def read(text: str, source: str) -> Document:
    return read_labelled(text, source, NAME)
