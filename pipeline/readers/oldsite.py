"""Reader for captures of the archive's old site: ``Search in`` … ``• Citation`` … ``English HTML`` … body.

The old site prints no title line: the title is the quoted part of the citation.
"""
from __future__ import annotations

import re

from ..model import Block, Document
from .common import blocks_from_lines, split_lines
from .fields import FieldCollector, is_chrome_line, looks_like_contents
from .capture import _is_catalogue_date

NAME = "oldsite"
_QUOTED_TITLE = re.compile(r"^[\"“](.+?)[,.]?[\"”]")


def score(text: str) -> float:
    head = text[:3000]
    value = 0.0
    if re.match(r"\s*Search in\s*$", head, re.M):
        value += 0.4
    if re.search(r"^\s*•\s*Citation\s*$", head, re.M):
        value += 0.4
    if "get citation" in head:
        value += 0.1
    return min(value, 0.95)


def read(text: str, source: str) -> Document:
    lines = split_lines(text)
    collector = FieldCollector()
    date_text: str | None = None
    title: str | None = None
    body: list[Block] = []
    residue: list[Block] = []
    in_body = False
    for block in blocks_from_lines(lines):
        kept: list[str] = []
        for line in block.text.split("\n"):
            if is_chrome_line(line):
                collector.chrome.append(line)
            elif not in_body and date_text is None and _is_catalogue_date(line):
                date_text = line.strip()
            elif not in_body and _QUOTED_TITLE.match(line.strip()) and collector.first("citation") is None:
                collector.add("citation", line)
                title = _QUOTED_TITLE.match(line.strip()).group(1).strip()
            else:
                kept.append(line)
        if not kept:
            continue
        remainder = "\n".join(kept)
        if in_body:
            body.append(Block(text=remainder, line=block.line))
        elif looks_like_contents(remainder):
            collector.add("contents", remainder)
            in_body = True
        elif date_text is not None and collector.first("citation") is None and block.text.strip().startswith(kept[0]):
            # lines of the citation block before the quoted citation: the summary
            collector.add("summary", remainder)
        elif collector.first("citation") is not None and collector.first("summary") is None:
            collector.add("summary", remainder)
        elif date_text is None:
            residue.append(Block(text=remainder, line=block.line, role="stray"))
        else:
            body.append(Block(text=remainder, line=block.line))
            in_body = True
    return Document(
        source=source,
        layout=NAME,
        catalogue=collector.catalogue(date_text=date_text, title=title),
        blocks=tuple(body),
        residue=tuple(residue),
        chrome=tuple(collector.chrome),
    )

