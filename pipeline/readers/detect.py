"""Layout detection: score every registered reader on the text and pick the best."""
from __future__ import annotations

from types import ModuleType

from . import citation, docslib, flat, markdown, oldsite, plain, webpage

# The registry: a new layout is one module here plus its tests.
READERS: tuple[ModuleType, ...] = (markdown, citation, webpage, flat, oldsite, docslib, plain)


def detect(text: str) -> ModuleType:
    """The reader whose ``score`` is highest (ties go to the earlier one)."""
    best = max(READERS, key=lambda reader: reader.score(text))
    return best if best.score(text) > plain.score(text) else plain


def reader_named(name: str) -> ModuleType:
    for reader in READERS:
        if reader.NAME == name:
            return reader
    raise KeyError(name)
