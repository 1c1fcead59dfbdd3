"""Catalogue fields of the exports: label recognition and the Document Information tail.

Shared by the readers: a label line (``Citation:``, ``**Summary:**``,
``Record ID``) becomes a catalogue field; the values stay as written.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..model import Block, Catalogue
from ..recognise.dates import parse_date
from .common import Line, blocks_from_lines, find_url, is_blank, record_id_from_url


@cache
def label_data() -> dict:
    with resources.files("pipeline.data").joinpath("labels.toml").open("rb") as handle:
        return tomllib.load(handle)


def _label_key(text: str) -> str:
    key = text.strip().replace("**", "").strip()
    key = key[:-1] if key.endswith(":") else key
    return re.sub(r"\s+", " ", key.replace("\u00a0", " ")).strip().lower()


def field_of_label(text: str) -> str | None:
    """The catalogue field a whole line labels, or None if it is not a label."""
    if len(text) > 60:
        return None
    return label_data()["fields"].get(_label_key(text))


def is_chrome_line(text: str) -> bool:
    key = _label_key(text) if text.strip() not in ("###",) else "###"
    chrome = label_data()["chrome"]
    return key in chrome["lines"] or any(key.startswith(prefix) for prefix in chrome["prefixes"])


def is_funding_line(text: str) -> bool:
    return any(_label_key(text).startswith(prefix) for prefix in label_data()["funding"]["prefixes"])


def looks_like_contents(text: str) -> bool:
    """A block listing the tabs of the archive's page (``Translation - English``)."""
    words = label_data()["contents"]["words"]
    entries = [entry.strip().lstrip("-•* ").strip() for entry in text.split("\n") if entry.strip()]
    return bool(entries) and all(
        len(entry.split()) <= 5 and any(word in entry.lower() for word in words) for entry in entries
    )


def contents_entries(text: str) -> tuple[str, ...]:
    return tuple(entry.strip().lstrip("-•* ").strip() for entry in text.split("\n") if entry.strip())


@dataclass
class FieldCollector:
    """Collects label values into a Catalogue; unknown values are never dropped."""

    values: dict[str, list[str]] = field(default_factory=dict)
    chrome: list[str] = field(default_factory=list)

    def add(self, name: str, value: str) -> None:
        value = value.strip()
        if value:
            self.values.setdefault(name, []).append(value)

    def first(self, name: str) -> str | None:
        values = self.values.get(name)
        return values[0] if values else None

    def all(self, name: str) -> tuple[str, ...]:
        return tuple(self.values.get(name, ()))

    def catalogue(self, *, date_text: str | None, title: str | None) -> Catalogue:
        citation = " ".join(self.all("citation")) or None
        url = find_url(citation or "") or find_url(" ".join(self.all("url")))
        record = self.first("record_id")
        record = record if record and re.fullmatch(r"\d+", record) else None
        languages = self.all("original_languages") or self.all("language")
        source_note = " ".join(self.all("source_note")) or None
        return Catalogue(
            title=title,
            date=parse_date(date_text) if date_text else None,
            citation=citation,
            url=url,
            record_id=record or record_id_from_url(url),
            summary="\n\n".join(self.all("summary")) or None,
            credits=self.all("credits"),
            rights=self.all("rights"),
            original_languages=tuple(
                part.strip() for value in languages for part in re.split(r",|\band\b|\n", value) if part.strip()
            ),
            contents=tuple(entry for value in self.all("contents") for entry in contents_entries(value)),
            source_note=source_note,
            translators=translators_of(citation, source_note),
            uploaded=self.first("uploaded"),
            doc_type=self.first("doc_type"),
            authors=self.all("authors"),
            related=self.all("related"),
            keywords=self.all("associated"),
        )


_TRANSLATED_BY = re.compile(
    r"Translated(?:\s+(?:for\s+[\w .]+?|from\s+\w+))*\s+by\s+"
    r"((?:[A-Z][\w'’.-]*\.?\s?)+?(?:\s(?:and|&)\s(?:[A-Z][\w'’.-]*\.?\s?)+)?)(?=[.,;]|\s*$|\s+<|\s+http)"
)


def translators_of(*texts: str | None) -> tuple[str, ...]:
    """Names after "Translated by" in the citation or source note."""
    names: list[str] = []
    for text in texts:
        for match in _TRANSLATED_BY.finditer(text or ""):
            for name in re.split(r"\s+(?:and|&)\s+", match.group(1).strip()):
                name = name.strip().rstrip(".")
                if name and name not in names:
                    names.append(name)
    return tuple(names)


def date_and_title(header: list[str]) -> tuple[str | None, str | None, list[str]]:
    """The first full date line is the document date, the next lines the title.

    Returns (date text, title, lines before the date).  Markdown bold is
    layout and removed from both.
    """
    cleaned = [line.replace("**", "").strip() for line in header]
    for index, line in enumerate(cleaned):
        value = parse_date(line)
        if value is not None and value.when:
            title_lines = [l for l in cleaned[index + 1:] if l]
            return line, (" ".join(title_lines) or None), [l for l in cleaned[:index] if l]
    return None, (" ".join(l for l in cleaned if l) or None), []


def parse_tail(lines: list[Line], collector: FieldCollector) -> list[Block]:
    """The page tail from ``Document Information`` on: labelled or not.

    Returns the blocks that fitted no field (kept by the caller as residue).
    """
    leftovers: list[Block] = []
    current: str | None = None
    unlabelled_seen = False
    pending: list[Line] = []

    def flush() -> None:
        nonlocal unlabelled_seen
        if not pending:
            return
        for block in blocks_from_lines(pending):
            text = block.text
            if current in ("source_note", "rights", "uploaded", "doc_type", "language", "record_id", "authors",
                           "original_archive", "related", "credits"):
                collector.add(current if current != "original_archive" else "source_note", text)
            elif current == "associated":
                collector.add("associated", text)
            elif current == "document_information":
                # Unlabelled tail: the first block is the source line, the rest rights.
                if not unlabelled_seen:
                    collector.add("source_note", text)
                    unlabelled_seen = True
                elif is_funding_line(text):
                    collector.add("credits", text)
                else:
                    collector.add("rights", text)
            elif is_funding_line(text) or (current == "record_id_done"):
                collector.add("credits", text)
            else:
                leftovers.append(block)
        pending.clear()

    for line in lines:
        name = field_of_label(line.text) if not is_blank(line) else None
        if name:
            flush()
            collector.chrome.append(line.text)
            current = name
            continue
        if current == "record_id" and not is_blank(line) and not re.fullmatch(r"\d+", line.text.strip()):
            # After the record id only sidebar credits ("Leon Levy Foundation") follow.
            flush()
            current = "record_id_done"
        if current == "uploaded" and not is_blank(line) and not re.match(r"\d{4}-\d{2}-\d{2}", line.text.strip()):
            flush()
            current = "document_information" if unlabelled_seen else "rights"
        pending.append(line)
    flush()
    return leftovers


def tail_start(lines: list[Line], start: int) -> int | None:
    """Index of the first tail label (Author(s), Associated …, Document Information)."""
    for index in range(start, len(lines)):
        name = field_of_label(lines[index].text) if not is_blank(lines[index]) else None
        if name in ("authors", "associated", "related", "document_information"):
            return index
    return None

