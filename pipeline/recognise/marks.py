"""Find classification, priority and handling marks (СОВЕРШЕННО СЕКРЕТНО, Top Secret, ШИФРОМ ТОЛЬКО ПО ПРОВОДУ …).

A mark is a whole formulaic phrase from ``pipeline/data/marks.toml``, matched
ignoring case and with flexible whitespace (one line break may fall inside:
``ШИФРОМ\\nТОЛЬКО ПО ПРОВОДУ``).  Because the same words occur in running
prose ("a secret plan", "inform by telegraph"), a phrase counts as a mark
only where marks stand:

* the whole line, a column of it (set off by 2+ spaces), or a sentence of its
  own next to another mark;
* the start of a line, for phrases that may run on ("ПОДЛЕЖИТ ВОЗВРАТУ в IV
  часть …");
* after a stamp label ("[Stamp: “Declassified …”]");
* anywhere, for multi-word phrases written in capitals ("To RAZUVAEV TOP
  PRIORITY") and for phrases too formulaic for prose ("Only by ciphered
  telegraph").

The span is the phrase itself, without trailing punctuation.  Pure function:
never rewrites text, knows nothing about TEI.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.model import Mark, Match

_HORIZONTAL_SPACE = "[ \\t\\u00a0\\u2009\\u202f]"
_WORD_SEPARATOR = rf"(?:{_HORIZONTAL_SPACE}+\n?{_HORIZONTAL_SPACE}*|\n{_HORIZONTAL_SPACE}*)"
_LINE_PREFIX_CHARACTERS = " \t\u00a0\u2009\u202f*_#>-–—•·\"“”«„'‘’[("
_TRAILING_CHARACTERS = " \t\u00a0\u2009\u202f.,;:!?\"“”»’')]*_"
_BETWEEN_MARKS_CHARACTERS = " \t\u00a0\u2009\u202f.,;:!–—-/\"“”«»"


@dataclass(frozen=True)
class _MarkEntry:
    type: str
    normalised: str
    position: str            # anywhere | start | line
    caps: bool               # multi-word capitals count anywhere
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    entry: _MarkEntry


@cache
def _data() -> dict:
    text = resources.files("pipeline.data").joinpath("marks.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _phrase_pattern(phrase: str) -> str:
    """One phrase as a regex: words in order, any whitespace (≤ one line break) between."""
    parts: list[str] = []
    for index, word in enumerate(phrase.split()):
        if index:
            # "ИСХ. ТЕЛЕГРАММЫ" may lose its space after the abbreviation's period
            separator = rf"(?:{_WORD_SEPARATOR})?" if parts[-1].endswith(r"\.") else _WORD_SEPARATOR
            parts.append(separator)
        parts.append(re.escape(word))
    return "".join(parts)


@cache
def _entries() -> tuple[_MarkEntry, ...]:
    entries: list[_MarkEntry] = []
    for entry in _data()["mark"]:
        phrases = sorted(entry["phrases"], key=len, reverse=True)
        alternation = "|".join(_phrase_pattern(phrase) for phrase in phrases)
        entries.append(
            _MarkEntry(
                type=entry["type"],
                normalised=entry["normalised"],
                position=entry["position"],
                caps=bool(entry.get("caps", True)),
                pattern=re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE),
            )
        )
    return tuple(entries)


@cache
def _label_before() -> re.Pattern[str]:
    labels = sorted(_data()["mark_labels"]["phrases"], key=len, reverse=True)
    alternation = "|".join(_phrase_pattern(label) for label in labels)
    return re.compile(
        rf"(?<![\w])(?:{alternation}){_HORIZONTAL_SPACE}*:{_HORIZONTAL_SPACE}*[\"“«„']?{_HORIZONTAL_SPACE}*$",
        re.IGNORECASE,
    )


# --------------------------------------------------------------------------
# Public function
# --------------------------------------------------------------------------
def find_marks(text: str) -> list[Match[Mark]]:
    """Every classification / priority / handling mark in ``text``, in text order."""
    accepted: list[_Candidate] = []
    for candidate in _candidates(text):
        if any(candidate.start < other.end and other.start < candidate.end for other in accepted):
            continue
        if _is_mark_position(text, candidate, accepted):
            accepted.append(candidate)
    return [
        Match(candidate.start, candidate.end, Mark(type=candidate.entry.type, normalised=candidate.entry.normalised))
        for candidate in sorted(accepted, key=lambda candidate: candidate.start)
    ]


# --------------------------------------------------------------------------
# Candidates and their positions
# --------------------------------------------------------------------------
def _candidates(text: str) -> list[_Candidate]:
    """All phrase occurrences, earliest first and, at one start, longest first."""
    found: list[_Candidate] = []
    for entry in _entries():
        for match in entry.pattern.finditer(text):
            found.append(_Candidate(match.start(), match.end(), entry))
    found.sort(key=lambda candidate: (candidate.start, -(candidate.end - candidate.start)))
    return found


def _is_mark_position(text: str, candidate: _Candidate, accepted: list[_Candidate]) -> bool:
    entry = candidate.entry
    written = text[candidate.start : candidate.end]
    if entry.position == "anywhere":
        return True
    if entry.caps and _is_capitals(written) and len(written.split()) > 1:
        return True
    line_start = text.rfind("\n", 0, candidate.start) + 1
    before = text[line_start : candidate.start]
    if _label_before().search(before):
        return True
    if not _left_is_open(before, line_start, accepted):
        return False
    if entry.position == "start":
        return True
    line_end = text.find("\n", candidate.end)
    after = text[candidate.end : len(text) if line_end == -1 else line_end]
    return _right_is_open(after)


def _is_capitals(written: str) -> bool:
    letters = [character for character in written if character.isalpha()]
    return len(letters) >= 2 and all(character.isupper() for character in letters)


def _left_is_open(before: str, line_start: int, accepted: list[_Candidate]) -> bool:
    """Line start, a column gap, or right after another mark on the same line."""
    if before.strip(_LINE_PREFIX_CHARACTERS) == "":
        return True
    if re.search(rf"(?:{_HORIZONTAL_SPACE}{{2,}}|\t)$", before):
        return True
    trimmed_end = line_start + len(before.rstrip(_BETWEEN_MARKS_CHARACTERS))
    return any(other.end == trimmed_end for other in accepted)


def _right_is_open(after: str) -> bool:
    """Line end, a column gap, or the end of a sentence."""
    if after.strip(_TRAILING_CHARACTERS) == "":
        return True
    if re.match(rf"(?:{_HORIZONTAL_SPACE}{{2,}}|\t)", after):
        return True
    return re.match(rf"[.;!]{_HORIZONTAL_SPACE}+[^\W\d_]", after) is not None and _sentence_starts_capitalised(after)


def _sentence_starts_capitalised(after: str) -> bool:
    following = after.lstrip(".;! \t\u00a0")
    return following[:1].isupper()
