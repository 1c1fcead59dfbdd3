"""The one document model between readers and the TEI writer.

Readers fill it from a text export; recognisers (``pipeline.recognise``)
enrich it; ``pipeline.tei_writer`` turns it into TEI.  Nothing here knows
about layouts or about TEI.  ``None`` always means "the source does not say",
never a guessed value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


# --------------------------------------------------------------------------
# Spans: what recognisers return.  The writer wraps exactly text[start:end].
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Match(Generic[T]):
    """A recognised stretch ``text[start:end]`` and what it means."""

    start: int
    end: int
    value: T


# --------------------------------------------------------------------------
# Values that recognisers produce
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class DateValue:
    """A date or date-time as written, with its ISO 8601 reading.

    ``when`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
    ``YYYY-MM-DDThh:mm:ss``; ``None`` when the text cannot be read as a date.
    """

    text: str
    when: str | None


@dataclass(frozen=True)
class ArchivalRef:
    """One archival copy: repository and the shelf-mark parts, as written."""

    text: str                         # the reference as written in the source
    repository: str | None            # normalised: APRF, AVPRF, RGASPI, TsAMO …
    repository_text: str | None       # as written: "AP RF", "AVP RF" …
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    papka: str | None = None
    folio_from: str | None = None     # "0085" kept as written
    folio_to: str | None = None
    folio_text: str | None = None     # "ll. 134-135", "List 85", "pp. 97-98"
    note: str | None = None           # e.g. "Fond and Opis not given"


@dataclass(frozen=True)
class DocumentNumber:
    """A cipher, registration or copy number, ``value`` as written."""

    type: str        # cipher | outgoing | incoming | registration | special | copy | reply
    value: str


@dataclass(frozen=True)
class TransmissionEvent:
    """A moment in the telegram's own life: sent, received, transmitted …"""

    type: str                # sent | received | transmitted | arrived | deciphered | typed | verified
    date: DateValue          # the date/time expression as written and read


@dataclass(frozen=True)
class Mark:
    """A classification or handling mark (СОВЕРШЕННО СЕКРЕТНО, Top Secret …)."""

    type: str                # classification | handling | priority | copy-control
    normalised: str          # a stable key, e.g. "top-secret"


@dataclass(frozen=True)
class NameRef:
    """A person, place or organisation named in the text, resolved in the register."""

    kind: str                # person | place | org
    key: str                 # register id, e.g. "per-stalin"
    role: str | None = None  # e.g. "pseudonym"


@dataclass(frozen=True)
class DistributionItem:
    n: int | None            # the item number as written (1., 2. …) or None
    copies: int              # copies for this recipient (default 1)
    person: str | None       # register id of the recipient, if known


@dataclass(frozen=True)
class DistributionTotal:
    copies: int | None       # "отп. три экз." -> 3; None when unreadable


@dataclass(frozen=True)
class Editorial:
    """An editor's intervention: gap, supplied, identification, spaced word, page break."""

    type: str                # gap | supplied | identification | spaced | pagebreak | sic | unclear
    value: str | None = None  # e.g. page number for a page break, reading for spaced letters


# --------------------------------------------------------------------------
# Text structure
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Block:
    """A paragraph-like unit of the source: one or more lines.

    ``role`` is given by the structure pass (``p``, ``head``, ``fw``,
    ``address``, ``dateline``, ``salute``, ``signed``, ``number``,
    ``transmission``, ``distribution``, ``postscript`` …).  ``spans`` are
    recognised stretches of ``text``.
    """

    text: str
    line: int                        # 1-based line of the source where it starts
    role: str = "p"
    spans: tuple[Match, ...] = ()


@dataclass(frozen=True)
class Division:
    """One text of the document: a translation or an original."""

    type: str                        # translation | original | transcription
    lang: str                        # BCP 47
    blocks: tuple[Block, ...]
    n: int | None = None             # several originals: 1, 2 …


@dataclass(frozen=True)
class Correspondents:
    senders: tuple[NameRef, ...] = ()
    recipients: tuple[NameRef, ...] = ()
    intermediaries: tuple[NameRef, ...] = ()
    sender_text: str | None = None
    recipient_text: str | None = None


@dataclass(frozen=True)
class Catalogue:
    """What the archive's catalogue says about the document."""

    title: str | None = None
    date: DateValue | None = None
    citation: str | None = None
    url: str | None = None
    record_id: str | None = None
    summary: str | None = None
    credits: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    original_languages: tuple[str, ...] = ()   # as written: "Russian"
    contents: tuple[str, ...] = ()             # "Translation - English" …
    source_note: str | None = None             # archive line of "Document Information"
    translators: tuple[str, ...] = ()
    uploaded: str | None = None
    doc_type: str | None = None
    authors: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()             # "Associated Places" … values


@dataclass(frozen=True)
class Document:
    """One archival document, as read from one export."""

    source: str                                   # the source path as given
    layout: str                                   # reader name
    catalogue: Catalogue
    blocks: tuple[Block, ...] = ()                # body text in source order
    divisions: tuple[Division, ...] = ()          # filled by the division pass
    residue: tuple[Block, ...] = ()               # text the reader could not place
    chrome: tuple[str, ...] = ()                  # labels / page chrome turned into structure
    warnings: tuple[str, ...] = ()
    # facts found by the recognisers
    witnesses: tuple[ArchivalRef, ...] = ()
    numbers: tuple[DocumentNumber, ...] = ()
    events: tuple[TransmissionEvent, ...] = ()
    correspondents: Correspondents = field(default_factory=Correspondents)
    names: tuple[str, ...] = ()                   # register ids used anywhere
    unknown_names: tuple[str, ...] = ()
    discrepancies: tuple[str, ...] = ()
