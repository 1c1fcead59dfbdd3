"""The enrichment pass: run every recogniser over the document and record spans and facts.

Each block gets the spans of the recognisers; the document gets its
archival copies, numbers, transmission events, correspondents, the register
entries it names, and notes on discrepancies.  Text is never changed.
"""
from __future__ import annotations

from dataclasses import replace

from .model import (ArchivalRef, Block, Correspondents, DistributionItem, DistributionTotal, Division, Document,
                    DocumentNumber, Match, NameRef, TransmissionEvent)
from .recognise.addressing import Addressing, find_addressing
from .recognise.archives import find_archival_refs, find_repository_mentions
from .recognise.correspondents import parse_title
from .recognise.dates import find_dates
from .recognise.distribution import distribution_summary, find_distribution
from .recognise.editorial import find_editorial
from .recognise.marks import find_marks
from .recognise.names import find_names, find_unknown_names
from .recognise.numbers import find_numbers, find_title_numbers
from .recognise.times import find_transmission_events
from .structure import assign_roles

_BLOCK_SEPARATOR = "\n\n"


def enrich(document: Document) -> Document:
    catalogue = document.catalogue
    year = int(catalogue.date.when[:4]) if catalogue.date and catalogue.date.when else None
    day = catalogue.date.when[:10] if catalogue.date and catalogue.date.when and len(catalogue.date.when) >= 10 else None
    divisions = tuple(_enrich_division(d, year, day) for d in document.divisions)
    divisions = tuple(replace(d, blocks=assign_roles(d.blocks)) for d in divisions)

    title_numbers = [m.value for m in find_title_numbers(catalogue.title or "")]
    divisions = _title_ciphers_in_text(divisions, {n.value for n in title_numbers if n.type == "cipher"})
    spans = [m for d in divisions for b in d.blocks for m in b.spans]
    witnesses = _witnesses(catalogue.citation, catalogue.source_note)
    # a shelf mark with no archive named is not a witness we can identify (no guessing the
    # archive from the fond); it stays, as written, in the citation
    unnamed = [w for w in witnesses if not (w.repository or w.repository_text)]
    witnesses = tuple(w for w in witnesses if w.repository or w.repository_text)
    warnings = document.warnings + tuple(
        f"archival reference without an archive name kept in the citation only: {w.text}"
        for w in unnamed)
    text_numbers = [m.value for m in spans if isinstance(m.value, DocumentNumber)]
    events = _unique([m.value for m in spans if isinstance(m.value, TransmissionEvent) and m.value.date.when])
    correspondents = parse_title(catalogue.title) if catalogue.title else Correspondents()
    # "to Cde. Molotov" in a distribution list is a copy's recipient, not an address
    addressed = (b.text for d in divisions for b in d.blocks
                 if not any(isinstance(m.value, (DistributionItem, DistributionTotal)) for m in b.spans))
    correspondents = _with_addressing(correspondents, find_addressing(addressed))
    names = {m.value.key for m in spans if isinstance(m.value, NameRef)}
    names |= {n.key for group in (correspondents.senders, correspondents.recipients, correspondents.intermediaries)
              for n in group}
    return replace(
        document,
        divisions=divisions,
        witnesses=witnesses,
        warnings=warnings,
        numbers=tuple(_unique(title_numbers + text_numbers)),
        events=tuple(events),
        correspondents=correspondents,
        names=tuple(sorted(names)),
        unknown_names=_unknown_names(divisions),
        discrepancies=tuple(_number_discrepancies(title_numbers, text_numbers) + _distribution_discrepancies(divisions)),
    )


def _enrich_division(division: Division, year: int | None, day: str | None) -> Division:
    blocks = [replace(b, spans=tuple(_block_spans(b.text, year, day))) for b in division.blocks]
    blocks = _add_distribution(blocks)
    return replace(division, blocks=tuple(blocks))


def _block_spans(text: str, year: int | None, day: str | None) -> list[Match]:
    spans: list[Match] = []
    spans += find_editorial(text)
    spans += find_marks(text)
    spans += find_numbers(text)
    events = find_transmission_events(text, default_year=year, default_date=day)
    spans += events
    event_ranges = [(m.start, m.end) for m in events]
    spans += [m for m in find_dates(text, default_year=year) if m.value.when
              and not any(s < m.end and m.start < e for s, e in event_ranges)]
    spans += find_names(text)
    return spans


def _add_distribution(blocks: list[Block]) -> list[Block]:
    """Distribution lists run over several blocks: search the joined text, give each block its spans."""
    offsets = []
    position = 0
    for block in blocks:
        offsets.append(position)
        position += len(block.text) + len(_BLOCK_SEPARATOR)
    joined = _BLOCK_SEPARATOR.join(block.text for block in blocks)
    found = find_distribution(joined)
    result = []
    for block, offset in zip(blocks, offsets):
        end = offset + len(block.text)
        inside = [Match(m.start - offset, m.end - offset, m.value) for m in found if offset <= m.start and m.end <= end]
        if inside:
            block = replace(block, spans=block.spans + tuple(inside), role="distribution")
        result.append(block)
    return result


def _witnesses(*texts: str | None) -> tuple[ArchivalRef, ...]:
    """Archival copies named in the citation and the source line, each once."""
    found: list[ArchivalRef] = []
    keys: set[tuple] = set()
    for text in texts:
        for match in find_archival_refs(text or ""):
            reference = match.value
            key = (reference.repository, reference.fond, reference.opis, reference.delo, reference.papka,
                   _strip_zeros(reference.folio_from), _strip_zeros(reference.folio_to))
            loose = key[:5]
            if key in keys or (reference.folio_from is None and any(k[:5] == loose for k in keys)):
                continue
            keys.add(key)
            found.append(reference)
    named = {reference.repository for reference in found}
    for text in texts:
        for match in find_repository_mentions(text or ""):
            if match.value.repository not in named:
                named.add(match.value.repository)
                found.append(match.value)
    return tuple(found)


def _title_ciphers_in_text(divisions: tuple[Division, ...], ciphers: set[str]) -> tuple[Division, ...]:
    """A plain signed number ("No. 26044") that repeats the title's cipher number is that cipher number."""
    if not ciphers:
        return divisions

    def retyped(match: Match) -> Match:
        value = match.value
        if isinstance(value, DocumentNumber) and value.type == "registration" and value.value in ciphers:
            return Match(match.start, match.end, DocumentNumber(type="cipher", value=value.value))
        return match

    return tuple(replace(d, blocks=tuple(replace(b, spans=tuple(retyped(m) for m in b.spans)) for b in d.blocks))
                 for d in divisions)


def _with_addressing(correspondents: Correspondents, addressing: Addressing) -> Correspondents:
    """Complete the title's correspondents with what the telegram's own address lines say.

    Where the title names no person as recipient ("to the Soviet Ambassador in
    Peking", "from Moscow to Warsaw"), the persons the text asks to pass the
    message to are the recipients; where it asks nobody to pass it on, the
    persons it is addressed to ("To Comrade Trepczynski") are.  A person the
    telegram is addressed to, or was transmitted through, who is neither
    sender nor recipient carried it: an intermediary.  Where the title names
    no person as sender, a line "Comrade X sends …" names the sender.
    """
    senders = list(correspondents.senders)
    if not any(s.kind != "place" for s in senders):
        senders += [s for s in addressing.sent_by if s.key not in {x.key for x in senders}]
    recipients = list(correspondents.recipients)
    title_names_recipient = any(r.kind != "place" for r in recipients)
    if not title_names_recipient:
        addressed = addressing.passed_to or tuple(r for r in addressing.addressees if r.kind == "person")
        recipients += [r for r in addressed if r.key not in {x.key for x in recipients}]
    candidates = list(addressing.transmitted_to)
    if title_names_recipient or addressing.passed_to:
        candidates += addressing.addressees
    taken = {r.key for r in recipients} | {s.key for s in senders}
    intermediaries = list(correspondents.intermediaries)
    for candidate in candidates:
        if candidate.kind == "person" and candidate.key not in taken | {i.key for i in intermediaries}:
            intermediaries.append(candidate)
    return replace(correspondents, senders=tuple(senders), recipients=tuple(recipients),
                   intermediaries=tuple(intermediaries))


def _unknown_names(divisions: tuple[Division, ...]) -> tuple[str, ...]:
    """Personal-looking names of the texts that the register does not know, sorted, each once."""
    return tuple(sorted({name for division in divisions for block in division.blocks
                         for name in find_unknown_names(block.text)}))


def _strip_zeros(value: str | None) -> str | None:
    return value.lstrip("0") or "0" if value else value


def _unique(values: list) -> list:
    seen = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _number_discrepancies(title_numbers: list[DocumentNumber], text_numbers: list[DocumentNumber]) -> list[str]:
    notes = []
    text_ciphers = [n.value for n in text_numbers if n.type == "cipher"]
    for number in title_numbers:
        if number.type == "cipher" and text_ciphers and number.value not in text_ciphers:
            notes.append(f"The catalogue title gives No. {number.value}; the telegram itself gives "
                         f"No. {', '.join(text_ciphers)}. Both are kept as written.")
    return notes


def _distribution_discrepancies(divisions: tuple[Division, ...]) -> list[str]:
    notes = []
    for division in divisions:
        matches = [m for b in division.blocks for m in b.spans
                   if isinstance(m.value, (DistributionTotal, DistributionItem))]
        if not matches:
            continue
        stated, counted = distribution_summary(matches)
        if stated is not None and counted and stated != counted:
            notes.append(f"The distribution states {stated} copies but lists {counted} "
                         f"({division.lang} text). Both are kept as written.")
    return notes

