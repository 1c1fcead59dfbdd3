"""Spans to a tree: nest recognised spans of one text, resolving overlaps by priority.

Used by the TEI writer to wrap exactly ``text[start:end]`` of every kept
span; a span that crosses the boundary of a higher-priority span is dropped
(its words stay as text).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Match


@dataclass
class SpanNode:
    start: int
    end: int
    match: Match | None                      # None for the root
    children: list["SpanNode"] = field(default_factory=list)


def nest(text_length: int, spans: list[Match], priority) -> SpanNode:
    """A tree of non-crossing spans; ``priority(match)`` (lower first) decides who wins an overlap."""
    root = SpanNode(0, text_length, None)
    chosen: list[Match] = []
    for match in sorted(spans, key=lambda m: (priority(m), m.start, -m.end)):
        if not (0 <= match.start < match.end <= text_length):
            continue
        if any(_crosses(match, other) or (match.start == other.start and match.end == other.end) for other in chosen):
            continue
        chosen.append(match)
    for match in sorted(chosen, key=lambda m: (m.start, -(m.end - m.start), priority(m))):
        _insert(root, SpanNode(match.start, match.end, match))
    return root


def _crosses(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end and not (
        (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    )


def _insert(parent: SpanNode, node: SpanNode) -> None:
    for child in parent.children:
        if child.start <= node.start and node.end <= child.end:
            _insert(child, node)
            return
    parent.children.append(node)
