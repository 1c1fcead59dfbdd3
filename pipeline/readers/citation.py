"""Reader for the plain export: date and title lines, then ``Citation:``, ``Summary:`` … body."""
from __future__ import annotations

import re

from ..model import Document
from .labelled import read_labelled

NAME = "citation"


def score(text: str) -> float:
    head = text[:6000]
    labels = re.findall(r"^(Citation|Summary|Original Language|Contents|Credits):\s*$", head, re.M)
    return min(1.0, 0.35 * len(set(labels)))


def read(text: str, source: str) -> Document:
    return read_labelled(text, source, NAME)
