"""Web-page captures of a document page: date, title, body, summary, ``Document Information`` tail.

Shared by ``webpage`` (paragraphs separated by blank lines or lines of a lone
no-break space) and ``flat`` (one line per paragraph, no blank lines).
Text before the date line (a stray line from another record) is kept as
residue, never dropped.
"""
from __future__ import annotations

from ..model import Block, Document
from ..recognise.dates import parse_date
from .common import blocks_from_lines, is_blank, split_lines
from .fields import FieldCollector, date_and_title, is_chrome_line, is_funding_line, parse_tail, tail_start

# How far down the date line may stand (stray lines from another record precede it).
_HEADER_SEARCH_LINES = 8


def read_capture(text: str, source: str, layout: str, *, flat: bool) -> Document:
    lines = split_lines(text)
    collector = FieldCollector()
    warnings: list[str] = []

    content = [i for i, line in enumerate(lines) if not is_blank(line)]
    head_chrome = []
    while content and is_chrome_line(lines[content[0]].text):
        head_chrome.append(lines[content[0]].text)
        content.pop(0)
    collector.chrome.extend(head_chrome)

    date_index = next(
        (i for i in content[:_HEADER_SEARCH_LINES] if _is_catalogue_date(lines[i].text)),
        None,
    )
    residue: list[Block] = []
    if date_index is None:
        warnings.append("no document date line found at the top of the capture")
        title_index = content[0] if content else None
        date_text = None
    else:
        for i in content:
            if i >= date_index:
                break
            if not is_chrome_line(lines[i].text):
                residue.append(Block(text=lines[i].text.strip(), line=lines[i].number, role="stray"))
        later = [i for i in content if i > date_index]
        title_index = later[0] if later else None
        date_text = lines[date_index].text.strip()
    _, title, _ = date_and_title([date_text or "", lines[title_index].text] if title_index is not None else [])
    if date_text is None and title_index is not None:
        title = lines[title_index].text.strip()

    body_start = (title_index + 1) if title_index is not None else len(lines)
    tail = tail_start(lines, body_start)
    body_lines = lines[body_start:tail if tail is not None else len(lines)]
    blocks = blocks_from_lines(body_lines, one_line_per_block=flat)

    body: list[Block] = []
    summary_blocks: list[Block] = []
    in_summary = False
    for position, block in enumerate(blocks):
        if block.text.strip() == "###":
            collector.chrome.append(block.text)
            in_summary = True
        elif is_chrome_line(block.text):
            collector.chrome.append(block.text)
        elif position < 3 and is_funding_line(block.text):
            collector.add("credits", block.text)
        elif in_summary:
            summary_blocks.append(block)
        else:
            body.append(block)
    if not summary_blocks and tail is not None and body:
        summary_blocks = [body.pop()]
    for block in summary_blocks:
        collector.add("summary", block.text)

    if tail is not None:
        residue += [Block(text=b.text, line=b.line, role="stray") for b in parse_tail(lines[tail:], collector)]

    return Document(
        source=source,
        layout=layout,
        catalogue=collector.catalogue(date_text=date_text, title=title),
        blocks=tuple(body),
        residue=tuple(residue),
        chrome=tuple(collector.chrome),
        warnings=tuple(warnings),
    )


def _is_catalogue_date(text: str) -> bool:
    """The catalogue's date line: a full date and nothing else ("October 12, 1950")."""
    value = parse_date(text.replace("**", "").strip())
    return value is not None and value.when is not None


def has_blank_paragraphs(text: str) -> bool:
    lines = split_lines(text)
    blanks = sum(1 for line in lines[1:-1] if is_blank(line))
    return blanks >= max(3, len(lines) // 10)

