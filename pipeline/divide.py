"""The division pass: cut a document's body into its texts (translation, original, versions).

Blocks are grouped into runs of one language (by script); a run that repeats
its own opening text holds several versions of the original (as when the
archive prints the draft and the sent telegram).  No block is dropped or
reordered.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .languages import code_of, script_language
from .model import Block, Division, Document

# Jaccard similarity of word sets above which two paragraphs are the same text.
_SAME_TEXT = 0.5
_LONG_BLOCK_WORDS = 8


def divide(document: Document) -> Document:
    runs = language_runs(document.blocks)
    originals = {code for name in document.catalogue.original_languages if (code := code_of(name))}
    divisions: list[Division] = []
    counts: dict[tuple[str, str], int] = {}
    for language, blocks in runs:
        for version in split_versions(blocks):
            kind = "translation" if language == "en" and "en" not in originals else "original"
            counts[(kind, language)] = counts.get((kind, language), 0) + 1
            divisions.append(Division(type=kind, lang=language, blocks=tuple(version)))
    numbered = []
    seen: dict[tuple[str, str], int] = {}
    for division in divisions:
        key = (division.type, division.lang)
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            division = replace(division, n=seen[key])
        numbered.append(division)
    return replace(document, divisions=tuple(numbered))


def language_runs(blocks: tuple[Block, ...] | list[Block]) -> list[tuple[str, list[Block]]]:
    """Consecutive blocks of one language; blocks without letters join the current run."""
    runs: list[tuple[str, list[Block]]] = []
    pending: list[Block] = []          # letterless blocks before the first run
    for block in blocks:
        language = script_language(block.text)
        if language is None:
            if runs:
                runs[-1][1].append(block)
            else:
                pending.append(block)
            continue
        if runs and runs[-1][0] == language:
            runs[-1][1].append(block)
        else:
            runs.append((language, pending + [block]))
            pending = []
    if pending:
        runs.append(("en", pending))
    return _merge_tiny_runs(runs)


def _merge_tiny_runs(runs: list[tuple[str, list[Block]]]) -> list[tuple[str, list[Block]]]:
    """A single short block of another script between two runs of one language belongs to them."""
    merged: list[tuple[str, list[Block]]] = []
    index = 0
    while index < len(runs):
        language, blocks = runs[index]
        is_tiny = len(blocks) == 1 and len(blocks[0].text.split()) <= 3
        if (is_tiny and merged and index + 1 < len(runs) and runs[index + 1][0] == merged[-1][0]):
            merged[-1][1].extend(blocks + runs[index + 1][1])
            index += 2
            continue
        merged.append((language, list(blocks)))
        index += 1
    return merged


def split_versions(blocks: list[Block]) -> list[list[Block]]:
    """Cut a run where its text starts over (a second version of the same telegram)."""
    versions: list[list[Block]] = []
    remaining = list(blocks)
    while True:
        start = _second_version_start(remaining)
        if start is None:
            versions.append(remaining)
            return versions
        versions.append(remaining[:start])
        remaining = remaining[start:]


def _word_set(block: Block) -> set[str]:
    return {word for word in re.findall(r"\w+", block.text.lower()) if len(word) >= 3 and not word.isdigit()}


def similarity(first: Block, second: Block) -> float:
    a, b = _word_set(first), _word_set(second)
    return len(a & b) / len(a | b) if a and b else 0.0


def _second_version_start(blocks: list[Block]) -> int | None:
    long_blocks = [i for i, block in enumerate(blocks) if len(block.text.split()) >= _LONG_BLOCK_WORDS]
    if len(long_blocks) < 2:
        return None
    first_long = long_blocks[0]
    twin = next((j for j in long_blocks[1:] if similarity(blocks[j], blocks[first_long]) >= _SAME_TEXT), None)
    if twin is None:
        return None
    # The repeated opening: the block in front of the twin most like the run's first block.
    earliest = max(1, twin - first_long - 2)
    candidates = range(earliest, twin + 1)
    best = max(candidates, key=lambda k: (similarity(blocks[k], blocks[0]), -k))
    if similarity(blocks[best], blocks[0]) < 0.3:
        best = max(1, twin - first_long)
    return best
