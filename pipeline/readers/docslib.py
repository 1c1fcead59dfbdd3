"""Reader for document-sharing-site dumps: ``DATE TITLE``, ``Total Page:``, then one line holding everything.

The long line repeats the site banner, date and title (page chrome), then
``Citation:`` … ``Summary:`` … ``Contents:`` and the body, all inline.
"""
from __future__ import annotations

import re

from ..model import Block, Document
from ..recognise.dates import find_dates
from .common import split_lines, is_blank
from .fields import FieldCollector, is_chrome_line

NAME = "docslib"

_INLINE_LABELS = re.compile(
    r"(?<!\S)(Citation|Summary|Credits|Original Language|Contents|Author\(s\)|Source|Record ID):\s"
)
_CONTENTS_ENTRY = re.compile(
    r"\s*(?:Original Scan|Scan of Original Document|Translation - [A-Z][a-z]+|Transcript - [A-Z][a-z]+"
    r"|[A-Z][a-z]+ (?:Translation|Transcription|Transcript|HTML|PDF))"
)


def score(text: str) -> float:
    head = text[:3000]
    value = 0.0
    if re.search(r"^Total Page:\s*\d+", head, re.M):
        value += 0.5
    if re.search(r"^File Type:\s*pdf", head, re.M | re.I):
        value += 0.3
    if re.search(r"Citation: [\"“]", head):
        value += 0.15
    return min(value, 0.95)


def read(text: str, source: str) -> Document:
    lines = split_lines(text)
    collector = FieldCollector()
    residue: list[Block] = []
    body: list[Block] = []
    date_text = title = None
    for line in lines:
        if is_blank(line):
            continue
        if is_chrome_line(line.text):
            collector.chrome.append(line.text)
            continue
        if date_text is None:
            date_text, title = _split_date_title(line.text)
            if date_text is None:
                residue.append(Block(text=line.text, line=line.number, role="stray"))
            continue
        pieces = _INLINE_LABELS.split(line.text)
        if len(pieces) == 1:
            body.append(Block(text=line.text.strip(), line=line.number))
            continue
        banner = pieces[0].strip()
        if banner:
            collector.chrome.append(banner)      # site banner + the repeated date and title
        for label, value in zip(pieces[1::2], pieces[2::2]):
            collector.chrome.append(label + ":")
            field_name = {"Original Language": "original_languages", "Author(s)": "authors",
                          "Source": "source_note", "Record ID": "record_id"}.get(label, label.lower())
            if field_name == "contents":
                entries, rest = _split_contents(value)
                collector.add("contents", "\n".join(entries))
                if rest.strip():
                    body.append(Block(text=rest.strip(), line=line.number))
            else:
                collector.add(field_name, value)
    return Document(
        source=source,
        layout=NAME,
        catalogue=collector.catalogue(date_text=date_text, title=title),
        blocks=tuple(body),
        residue=tuple(residue),
        chrome=tuple(collector.chrome),
    )


def _split_date_title(text: str) -> tuple[str | None, str | None]:
    matches = find_dates(text)
    if matches and matches[0].start == 0 and matches[0].value.when:
        return text[: matches[0].end].strip(), text[matches[0].end:].strip() or None
    return None, None


def _split_contents(value: str) -> tuple[list[str], str]:
    entries: list[str] = []
    position = 0
    while True:
        match = _CONTENTS_ENTRY.match(value, position)
        if not match:
            break
        entries.append(match.group().strip())
        position = match.end()
    return entries, value[position:]
