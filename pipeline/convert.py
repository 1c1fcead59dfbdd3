"""One export to one TEI document: read (layout detected) → divide → enrich → write TEI → account for every word."""
from __future__ import annotations

import re
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
from .recognise.numbers import find_numbers, find_title_numbers
from .register import load_register
from .tei_writer import TEI_NS, document_id, serialise, write_tei
from .text_input import clean_text


@dataclass(frozen=True)
class Conversion:
    document: Document
    tei: bytes
    document_id: str
    warnings: tuple[str, ...]
    unknown_names: tuple[str, ...] = ()    # capitalised names the register does not know (not guessed into it)
    references: tuple[str, ...] = ()       # cipher numbers of other telegrams this one refers to


@dataclass(frozen=True)
class Plan:
    """What the build must know of a source before converting any: its id and its own cipher numbers."""

    document_id: str
    cipher_numbers: tuple[str, ...] = ()


def plan_text(text: str, source: str, layout: str | None = None) -> Plan:
    """The cheap pre-pass over one source (duplicate ids, links between telegrams of the corpus).

    The cipher numbers are this telegram's own: those of the catalogue title
    and those the text gives as cipher numbers (``ШИФРТЕЛЕГРАММА № 3172``);
    numbers of other telegrams (replies) are not among them.
    """
    document = read_document(text, source, layout)
    return Plan(document_id(document), own_cipher_numbers(document))


def own_cipher_numbers(document: Document) -> tuple[str, ...]:
    """The cipher numbers of the title and of the text, each once, in source order."""
    numbers = [m.value.value for m in find_title_numbers(document.catalogue.title or "")]
    for block in document.blocks:
        numbers += [m.value.value for m in find_numbers(block.text) if m.value.type == "cipher"]
    return tuple(dict.fromkeys(numbers))


def read_document(text: str, source: str, layout: str | None = None) -> Document:
    reader = reader_named(layout) if layout else detect(text)
    return reader.read(text, source)


def convert_text(text: str, source: str, layout: str | None = None, identifier: str | None = None,
                 corpus: Mapping[str, str] | None = None) -> Conversion:
    """``identifier`` replaces the derived document id (the build uses it to keep duplicate ids apart).

    ``corpus`` maps cipher numbers to the ids of the corpus documents that carry them (from
    ``plan_text``), so that references to earlier telegrams can link to them.
    """
    # Characters XML forbids never reach the writer; what reading and cleaning changed is reported.
    cleaned = clean_text(text)
    reading_notes = tuple(getattr(text, "notes", ())) + cleaned.warnings
    text = cleaned.text
    document = enrich(divide(read_document(text, source, layout)))
    identifier = identifier or document_id(document)
    references = referenced_numbers(document)
    links = corpus_links(document, corpus or {}, identifier)
    root = write_tei(document, load_register(), identifier, links)
    missing = missing_words(text, document, root)
    if missing:
        shown = " ".join(sorted(missing)[:8])
        raise EditionError(f"{len(missing)} source word(s) would be lost in the TEI: {shown}", source)
    warnings = [*reading_notes, *document.warnings]
    if document.residue:
        warnings.append(f"{len(document.residue)} stray passage(s) kept as notes (type residue)")
    return Conversion(document, serialise(root), identifier, tuple(warnings),
                      unknown_names=document.unknown_names, references=references)


def referenced_numbers(document: Document) -> tuple[str, ...]:
    """The cipher numbers of other telegrams named in replies, ranges expanded, in source order."""
    found: list[str] = []
    for number in document.numbers:
        if number.type == "reply":
            found += expand_number(number.value)
    return tuple(dict.fromkeys(found))


def expand_number(value: str) -> list[str]:
    """``"3153"`` → ``["3153"]``; a range ``"1112-1126"`` → every number of it (its two ends if it is long).

    A number with a department suffix (``373/ш``) is a registration number, not a cipher number.
    """
    match = re.fullmatch(r"(\d+)(?:\s*[-–]\s*(\d+))?", value.strip())
    if match is None:
        return []
    first, last = match.group(1), match.group(2)
    if last is None:
        return [first]
    if len(last) < len(first):                # "3153-55" abbreviates "3153-3155"
        last = first[: len(first) - len(last)] + last
    low, high = int(first), int(last)
    if high <= low or high - low > _LONGEST_RANGE:
        return [first, last]
    width = len(first) if first.startswith("0") else 0
    return [str(n).zfill(width) for n in range(low, high + 1)]


_LONGEST_RANGE = 50


def corpus_links(document: Document, corpus: Mapping[str, str], identifier: str) -> dict[str, tuple[str, ...]]:
    """Reply number as written → ids of the corpus documents with those cipher numbers (never this one)."""
    links: dict[str, tuple[str, ...]] = {}
    for number in document.numbers:
        if number.type != "reply":
            continue
        targets = [corpus[n] for n in expand_number(number.value) if n in corpus and corpus[n] != identifier]
        if targets:
            links[number.value] = tuple(dict.fromkeys(targets))
    return links


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
