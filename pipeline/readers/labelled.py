"""The labelled exports (Markdown-bold and plain): date, title, ``Citation:`` … ``Contents:``, body.

Shared by ``markdown`` and ``citation``: the two layouts differ only in how a
label is printed (``**Summary:**`` or ``Summary:``).
"""
from __future__ import annotations

from ..model import Block, Document
from .common import Line, blocks_from_lines, is_blank, split_lines, unwrap_markdown_url
from .fields import FieldCollector, date_and_title, field_of_label, is_chrome_line, is_funding_line, looks_like_contents

# Fields whose value is a single block when they are the last label before the body.
_SINGLE_BLOCK_FIELDS = {"contents", "original_languages", "language", "credits", "summary", "doc_type", "record_id"}


def read_labelled(text: str, source: str, layout: str) -> Document:
    lines = split_lines(text)
    collector = FieldCollector()
    label_indices = [i for i, line in enumerate(lines) if not is_blank(line) and field_of_label(line.text)]
    first_label = label_indices[0] if label_indices else len(lines)

    header = [line.text for line in lines[:first_label] if not is_blank(line)]
    residue: list[Block] = []
    credits_in_header = [h for h in header if is_funding_line(h.replace("**", ""))]
    for line in credits_in_header:
        collector.add("credits", line.replace("**", ""))
    header = [h for h in header if h not in credits_in_header]
    date_text, title, stray = date_and_title(header)
    residue += [Block(text=s, line=_line_of(lines, s)) for s in stray]

    body: list[Block] = []
    for position, start in enumerate(label_indices):
        name = field_of_label(lines[start].text)
        collector.chrome.append(lines[start].text)
        end = label_indices[position + 1] if position + 1 < len(label_indices) else len(lines)
        blocks = blocks_from_lines(lines[start + 1:end])
        is_last = position + 1 == len(label_indices)
        if is_last and name in _SINGLE_BLOCK_FIELDS:
            value, rest = blocks[:1], blocks[1:]
            if name == "contents" and value and not looks_like_contents(value[0].text):
                value, rest = [], blocks
            body = rest
        else:
            value = blocks
        for block in value:
            collector.add(name, unwrap_markdown_url(block.text) if name == "citation" else block.text)

    body_blocks = [b for b in body if not is_chrome_line(b.text)]
    chrome = collector.chrome + [b.text for b in body if is_chrome_line(b.text)]
    catalogue = collector.catalogue(date_text=date_text, title=title)
    return Document(
        source=source,
        layout=layout,
        catalogue=catalogue,
        blocks=tuple(_strip_markdown(b) for b in body_blocks),
        residue=tuple(residue),
        chrome=tuple(chrome),
    )


def _strip_markdown(block: Block) -> Block:
    """Markdown headings (``## ``) are layout; the heading text stays."""
    text = block.text
    if text.startswith("#") and text.lstrip("#").startswith(" "):
        return Block(text=text.lstrip("#").strip(), line=block.line, role="head")
    return block


def _line_of(lines: list[Line], text: str) -> int:
    for line in lines:
        if text in line.text.replace("**", ""):
            return line.number
    return 1
