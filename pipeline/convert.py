"""One export to one TEI document: read (layout detected) → divide → enrich → write TEI → account for every word."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from .divide import divide
from .enrich import enrich
from .errors import EditionError
from .languages import words
from .model import Document
from .readers.detect import detect, reader_named
from .register import load_register
from .tei_writer import TEI_NS, document_id, serialise, write_tei


@dataclass(frozen=True)
class Conversion:
    document: Document
    tei: bytes
    document_id: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """What the build must know of a source before converting any: its id and its own cipher numbers."""

    document_id: str
    cipher_numbers: tuple[str, ...] = ()


def plan_text(text: str, source: str, layout: str | None = None) -> Plan:
    """The cheap pre-pass over one source (duplicate ids, links between telegrams of the corpus)."""
    return Plan(document_id(read_document(text, source, layout)))


def read_document(text: str, source: str, layout: str | None = None) -> Document:
    reader = reader_named(layout) if layout else detect(text)
    return reader.read(text, source)


def convert_text(text: str, source: str, layout: str | None = None, identifier: str | None = None,
                 corpus: Mapping[str, str] | None = None) -> Conversion:
    """``identifier`` replaces the derived document id (the build uses it to keep duplicate ids apart).

    ``corpus`` maps cipher numbers to the ids of the corpus documents that carry them (from
    ``plan_text``), so that references to earlier telegrams can link to them.
    """
    document = enrich(divide(read_document(text, source, layout)))
    identifier = identifier or document_id(document)
    root = write_tei(document, load_register(), identifier)
    missing = missing_words(text, document, root)
    if missing:
        shown = " ".join(sorted(missing)[:8])
        raise EditionError(f"{len(missing)} source word(s) would be lost in the TEI: {shown}", source)
    warnings = list(document.warnings)
    if document.residue:
        warnings.append(f"{len(document.residue)} stray passage(s) kept as notes (type residue)")
    return Conversion(document, serialise(root), identifier, tuple(warnings))


def tei_words(root: etree._Element) -> Counter:
    """Every word of the TEI's text content (page numbers of ``pb`` included)."""
    counter = Counter(words(" ".join(root.itertext())))
    for page_break in root.iter(f"{{{TEI_NS}}}pb"):
        counter.update(words(page_break.get("n", "")))
    return counter


def missing_words(source_text: str, document: Document, root: etree._Element) -> Counter:
    """Source words (less labels and page chrome) that the TEI does not contain."""
    expected = Counter(words(source_text))
    expected.subtract(Counter(words(" ".join(document.chrome))))
    available = tei_words(root)
    return Counter({word: count - available[word] for word, count in expected.items() if count - available[word] > 0})
