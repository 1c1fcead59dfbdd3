"""Find editorial interventions in telegram texts: brackets, notes, glosses, page breaks, spaced letters.

Every match is a span of the source text that the TEI writer wraps as is;
the ``Editorial`` value says what it is (vocabulary in the ``[editorial.*]``
tables of ``pipeline/data/marks.toml``):

==============  ===============================================  ====================
type            examples                                         value
==============  ===============================================  ====================
gap             ``[...]``, ``[…]``, ``[. . .]``, ``<…>``           None
unclear         ``[illegible]``, ``[неразб.]``                   None
sic             ``[SIC]``, ``(sic)``, ``– SIC``,                  None, or the flagged
                ``[ponablyusti – SIC]``                          reading
noteref         ``[1]``, ``x/``                                   "1", "x"
pagebreak       a line ``- 2 -``, ``– 3 –``, ``-2-``; ``[page 2]``    "2"
note            ``[Translator’s note: …]``, ``[handwritten: …]``,  the kind: translator,
                ``[Stamp: …]`` (may span lines), ``[Ed. note: …]``, handwritten, stamp,
                ``[Stalin's handwritten draft is attached.]``    editor, signature …
identification  ``Filippov [Stalin]``, ``Filippov (Stalin)``,      the bracket's content
                ``F I L I P P O V [STALIN]``, ``Jemulpo [Incheon]``
gloss           ``disappeared [otpala]``, ``[molniruite]``         the bracket's content
supplied        ``Pass [the following] to``, ``[N.V.] Roshchin``,  the bracket's content
                ``the 1 [First]``, ``Sadov[in]``
spaced          ``F I L I P P O V``, ``П Е К И Н``                  the joined word
==============  ===============================================  ====================

How a square bracket is told apart, in this order: gap / unclear / sic /
footnote reference / page / note by its content alone; then an
*identification* when the bracket follows a name-like word (capitalised or
all capitals, not a function word like "The", not after punctuation), holds a
name-like content (capitalised words, connectors such as "of", "and"; not just
initials) and is not followed by another capitalised word (then it sits inside
a name: ``Comrade [Nikolai] Roshchin`` is supplied); then a *gloss* when the
content is lowercase Latin that scores as transliterated Russian (letter
groups ``kh``, ``zh``, ``shch``, ``ii``, ``iu``, ``yu``, the soft sign ``’``,
endings like ``-a``, ``-o``, ``-ogo``, ``-aite``, one-letter prepositions ``k``,
``v``) rather than English (function words, endings ``-ing``, ``-ed``,
``-tion`` …), or when it is Cyrillic after a Latin word; everything else is
*supplied*.  Round brackets count only for identifications, ``(sic)`` and
``(…)``.  An unbalanced bracket yields nothing; only notes opened by a label
("[Stamp: …") may run over line breaks.

Pure function: never rewrites text, knows nothing about TEI.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.model import Editorial, Match

_MULTI_LINE_NOTE_LIMIT = 12          # lines a labelled note may run over
_BRACKET_LENGTH_LIMIT = 3000          # characters: longer "brackets" are stray signs
_NAME_WORD_LIMIT = 6                  # words in an identifying name
_HORIZONTAL_SPACE = "[ \\t\\u00a0\\u2009\\u202f]"


@dataclass(frozen=True)
class _Vocabulary:
    gap_words: frozenset[str]
    unclear_words: frozenset[str]
    sic_words: frozenset[str]
    pagebreak: re.Pattern[str]
    note_label: re.Pattern[str]
    note_kinds: dict[str, str]
    connectors: frozenset[str]
    not_names: frozenset[str]
    russian_letter_patterns: tuple[re.Pattern[str], ...]
    russian_endings: tuple[str, ...]
    russian_one_letter_words: frozenset[str]
    english_endings: tuple[str, ...]
    english_words: frozenset[str]


@cache
def _vocabulary() -> _Vocabulary:
    text = resources.files("pipeline.data").joinpath("marks.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["editorial"]
    note_kinds = {_normalise_label(label): kind for label, kind in data["note_kinds"].items()}
    labels = sorted(data["note_kinds"], key=len, reverse=True)
    label_alternation = "|".join(r"\s+".join(re.escape(word) for word in label.split()) for label in labels)
    prefixes = sorted(data["pagebreak"]["prefixes"], key=len, reverse=True)
    gloss = data["gloss"]
    return _Vocabulary(
        gap_words=frozenset(word.lower() for word in data["gap"]["words"]),
        unclear_words=frozenset(word.lower() for word in data["unclear"]["words"]),
        sic_words=frozenset(word.lower() for word in data["sic"]["words"]),
        pagebreak=re.compile(
            rf"(?:{'|'.join(re.escape(prefix) for prefix in prefixes)})\s*(?P<page>\d{{1,4}})",
            re.IGNORECASE,
        ),
        # a label fills the bracket, or is followed by ":" or by "." and a space
        note_label=re.compile(
            rf"(?P<label>{label_alternation})(?:\s*:|\.?\s*$|(?<!\.)\.\s)",
            re.IGNORECASE,
        ),
        note_kinds=note_kinds,
        connectors=frozenset(data["names"]["connectors"]),
        not_names=frozenset(data["names"]["not_names"]),
        russian_letter_patterns=tuple(re.compile(pattern) for pattern in gloss["russian_letter_patterns"]),
        russian_endings=tuple(sorted(gloss["russian_endings"], key=len, reverse=True)),
        russian_one_letter_words=frozenset(gloss["russian_one_letter_words"]),
        english_endings=tuple(sorted(gloss["english_endings"], key=len, reverse=True)),
        english_words=frozenset(gloss["english_words"]),
    )


def _normalise_label(label: str) -> str:
    return " ".join(label.lower().replace("'", "’").split())


# --------------------------------------------------------------------------
# Public function
# --------------------------------------------------------------------------
def find_editorial(text: str) -> list[Match[Editorial]]:
    """Every editorial intervention in ``text``, in text order, spans never overlapping."""
    found: list[Match[Editorial]] = []
    found.extend(_page_break_lines(text))
    found.extend(_square_brackets(text))
    found.extend(_round_brackets(text))
    found.extend(_angle_gaps(text))
    found.extend(_dash_sics(text))
    found.extend(_footnote_crosses(text))
    found.extend(_spaced_words(text))
    return _without_overlaps(found)


# --------------------------------------------------------------------------
# Page breaks: a line "- 2 -"
# --------------------------------------------------------------------------
_PAGE_BREAK_LINE = re.compile(
    rf"^{_HORIZONTAL_SPACE}*(?P<mark>[-–—]+{_HORIZONTAL_SPACE}*(?P<page>\d{{1,3}}){_HORIZONTAL_SPACE}*[-–—]+){_HORIZONTAL_SPACE}*$",
    re.MULTILINE,
)


def _page_break_lines(text: str) -> list[Match[Editorial]]:
    return [
        Match(found.start("mark"), found.end("mark"), Editorial(type="pagebreak", value=found.group("page")))
        for found in _PAGE_BREAK_LINE.finditer(text)
    ]


# --------------------------------------------------------------------------
# Square brackets
# --------------------------------------------------------------------------
def _square_brackets(text: str) -> list[Match[Editorial]]:
    result: list[Match[Editorial]] = []
    for start, end in _bracket_pairs(text, "[", "]"):
        editorial = _classify_square(text, start, end)
        if editorial is not None:
            result.append(Match(start, end, editorial))
    return result


def _bracket_pairs(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Balanced bracket spans (start, end-exclusive), outermost only."""
    pairs: list[tuple[int, int]] = []
    index = 0
    while True:
        start = text.find(opening, index)
        if start == -1:
            return pairs
        end = _matching_close(text, start, opening, closing)
        if end is None:
            index = start + 1
            continue
        pairs.append((start, end))
        index = end


def _matching_close(text: str, start: int, opening: str, closing: str) -> int | None:
    """End (exclusive) of the bracket opened at ``start``; None when unbalanced.

    A bracket closes on its own line, except a labelled note ("[Stamp: …"),
    which may run over a few lines.
    """
    if text.find(closing, start) == -1:
        return None
    first_line_end = text.find("\n", start)
    first_line = text[start + 1 : len(text) if first_line_end == -1 else first_line_end]
    may_span_lines = opening == "[" and _note_kind(first_line.strip()) is not None
    depth = 0
    lines = 0
    for index in range(start, min(len(text), start + _BRACKET_LENGTH_LIMIT)):
        character = text[index]
        if character == opening:
            depth += 1
        elif character == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        elif character == "\n":
            lines += 1
            if not may_span_lines or lines > _MULTI_LINE_NOTE_LIMIT:
                return None
    return None


def _classify_square(text: str, start: int, end: int) -> Editorial | None:
    content = text[start + 1 : end - 1]
    stripped = content.strip()
    if not stripped:
        return None
    by_content = _classify_by_content(stripped)
    if by_content is not None:
        return by_content
    if _is_identification(text, start, end, stripped):
        return Editorial(type="identification", value=stripped)
    if _is_gloss(text, start, stripped):
        return Editorial(type="gloss", value=stripped)
    return Editorial(type="supplied", value=stripped)


def _classify_by_content(stripped: str) -> Editorial | None:
    """Brackets whose content alone says what they are: gap, sic, note, page …"""
    vocabulary = _vocabulary()
    lowered = stripped.lower()
    if _is_ellipsis(stripped) or lowered in vocabulary.gap_words:
        return Editorial(type="gap")
    if lowered in vocabulary.unclear_words:
        return Editorial(type="unclear")
    if lowered in vocabulary.sic_words:
        return Editorial(type="sic")
    flagged = re.fullmatch(r"(?P<reading>.+?)\s*[–—-]+\s*sic!?", stripped, re.IGNORECASE | re.DOTALL)
    if flagged:
        return Editorial(type="sic", value=flagged.group("reading"))
    if re.fullmatch(r"\d{1,3}", stripped):
        return Editorial(type="noteref", value=stripped)
    page = vocabulary.pagebreak.fullmatch(stripped)
    if page:
        return Editorial(type="pagebreak", value=page.group("page"))
    kind = _note_kind(stripped)
    if kind is not None:
        return Editorial(type="note", value=kind)
    if _is_sentence(stripped):
        return Editorial(type="note", value="editor")
    return None


def _is_ellipsis(stripped: str) -> bool:
    return re.fullmatch(r"(?:\.\s*){2,}|(?:…\s*)+|(?:\.\s*)*…(?:\s*\.)*", stripped) is not None


def _note_kind(stripped: str) -> str | None:
    """The kind of a labelled note ("Translator’s note: …" -> "translator")."""
    vocabulary = _vocabulary()
    found = vocabulary.note_label.match(stripped)
    if found is None:
        return None
    return vocabulary.note_kinds.get(_normalise_label(found.group("label")))


def _is_sentence(stripped: str) -> bool:
    """An editor's remark in full sentences: "[Stalin's handwritten draft is attached.]"."""
    words = stripped.split()
    return len(words) >= 3 and stripped[0].isupper() and stripped.endswith((".", "!", "?"))


# --------------------------------------------------------------------------
# Identification: Filippov [Stalin]
# --------------------------------------------------------------------------
def _is_identification(text: str, start: int, end: int, stripped: str) -> bool:
    before = _line_before(text, start)
    if not _follows_name(before):
        return False
    if not _is_name_like(stripped):
        return False
    return not _followed_by_name_word(text, end)


def _line_before(text: str, position: int) -> str:
    return text[text.rfind("\n", 0, position) + 1 : position]


def _follows_name(before: str) -> bool:
    """The bracket is set off by a space from a capitalised or all-capitals word."""
    if not before or not before[-1].isspace():
        return False
    words = before.split()
    if not words:
        return False
    word = words[-1].strip("*_")
    if not re.fullmatch(r"[^\W\d_][\w’'\-.]*", word) or word.endswith("."):
        return False
    if not word[0].isupper():
        return False
    return word.lower() not in _vocabulary().not_names


def _is_name_like(stripped: str) -> bool:
    """Capitalised words (and connectors), not only initials, no digits."""
    vocabulary = _vocabulary()
    words = stripped.rstrip(".").split()
    if not words or len(words) > _NAME_WORD_LIMIT or any(character.isdigit() for character in stripped):
        return False
    if not words[0][0].isupper():
        return False
    capitalised = 0
    initials = 0
    for word in words:
        if re.fullmatch(r"(?:[^\W\d_]\.)+", word) and word[0].isupper():
            initials += 1
        elif re.fullmatch(r"[^\W\d_][\w’'\-.]*", word) and word[0].isupper():
            capitalised += 1
        elif word.lower() not in vocabulary.connectors:
            return False
    if capitalised == 0:
        return False  # "[N.V.]" spells out a name: supplied
    return not all(word.lower() in vocabulary.not_names for word in words)


def _followed_by_name_word(text: str, end: int) -> bool:
    """"[Nikolai] Roshchin": the bracket sits inside a name, so it supplies part of it."""
    following = re.match(rf"{_HORIZONTAL_SPACE}+(?P<word>[^\W\d_][\w’'\-]*)", text[end:])
    if following is None:
        return False
    word = following.group("word")
    return word[0].isupper() and word.lower() not in _vocabulary().not_names


# --------------------------------------------------------------------------
# Gloss: disappeared [otpala]
# --------------------------------------------------------------------------
def _is_gloss(text: str, start: int, stripped: str) -> bool:
    if _is_cyrillic_after_latin(_line_before(text, start), stripped):
        return True
    if not re.fullmatch(r"[a-z’'ʹ\- ,]+", stripped):
        return False
    russian, english = _transliteration_scores(stripped)
    return russian > english and russian >= 1


def _is_cyrillic_after_latin(before: str, stripped: str) -> bool:
    """A Russian word quoted in an English translation: "… disappeared [отпала]"."""
    if not re.fullmatch(r"[а-яё’'\- ,]+", stripped):
        return False
    previous = re.search(r"([^\W\d_]+)[^\w]*$", before)
    return previous is not None and re.fullmatch(r"[A-Za-z]+", previous.group(1)) is not None


def _transliteration_scores(stripped: str) -> tuple[int, int]:
    """(Russian points, English points) for lowercase Latin words."""
    vocabulary = _vocabulary()
    russian = english = 0
    for word in re.split(r"[\s,\-]+", stripped):
        if not word:
            continue
        if word in vocabulary.english_words:
            english += 2
            continue
        if word in vocabulary.russian_one_letter_words:
            russian += 2
            continue
        if any(pattern.search(word) for pattern in vocabulary.russian_letter_patterns):
            russian += 2
        if _has_ending(word, vocabulary.russian_endings):
            russian += 1
        if _has_ending(word, vocabulary.english_endings):
            english += 1
    return russian, english


def _has_ending(word: str, endings: tuple[str, ...]) -> bool:
    return any(word.endswith(ending) and len(word) > len(ending) + 1 for ending in endings)


# --------------------------------------------------------------------------
# Round and angle brackets, dash sic, footnote crosses
# --------------------------------------------------------------------------
def _round_brackets(text: str) -> list[Match[Editorial]]:
    """"(Stalin)" after a name, "(sic)", "(...)"; other parentheses are the source's own."""
    result: list[Match[Editorial]] = []
    vocabulary = _vocabulary()
    for start, end in _bracket_pairs(text, "(", ")"):
        stripped = text[start + 1 : end - 1].strip()
        lowered = stripped.lower()
        if not stripped:
            continue
        if _is_ellipsis(stripped):
            result.append(Match(start, end, Editorial(type="gap")))
        elif lowered in vocabulary.sic_words:
            result.append(Match(start, end, Editorial(type="sic")))
        elif lowered in vocabulary.unclear_words:
            result.append(Match(start, end, Editorial(type="unclear")))
        elif _is_round_identification(text, start, end, stripped):
            result.append(Match(start, end, Editorial(type="identification", value=stripped)))
    return result


def _is_round_identification(text: str, start: int, end: int, stripped: str) -> bool:
    """Like square identifications, but an all-capitals single word ("Warsaw (AMSZ)")
    is an acronym unless the name before is in capitals too ("FILIPPOV (STALIN)")."""
    if len(stripped.split()) > 4 or not _is_identification(text, start, end, stripped):
        return False
    if " " not in stripped and stripped.isupper():
        previous = _line_before(text, start).split()[-1]
        return previous.isupper()
    return True


_ANGLE_GAP = re.compile(r"<\s*(?:\.\s*){2,}>|<\s*…\s*>")


def _angle_gaps(text: str) -> list[Match[Editorial]]:
    return [Match(found.start(), found.end(), Editorial(type="gap")) for found in _ANGLE_GAP.finditer(text)]


_DASH_SIC = re.compile(rf"(?<=[\w\]\)\"”’]{_HORIZONTAL_SPACE})[–—-]+{_HORIZONTAL_SPACE}*(?:SIC|sic|Sic)!?(?![\w])")


def _dash_sics(text: str) -> list[Match[Editorial]]:
    """"observe – SIC" outside brackets: the dash and the word are the editor's."""
    return [Match(found.start(), found.end(), Editorial(type="sic")) for found in _DASH_SIC.finditer(text)]


_FOOTNOTE_CROSS = re.compile(r"(?<![\w/])(?P<mark>[xх]{1,3})/(?![\w/])")


def _footnote_crosses(text: str) -> list[Match[Editorial]]:
    """Typescript footnote marks "x/", "xx/" (Latin or Cyrillic x)."""
    return [
        Match(found.start(), found.end(), Editorial(type="noteref", value=found.group("mark")))
        for found in _FOOTNOTE_CROSS.finditer(text)
    ]


# --------------------------------------------------------------------------
# Letter-spaced words: F I L I P P O V
# --------------------------------------------------------------------------
_SPACED_LETTERS = re.compile(r"(?<![\w])(?:[^\W\d_] ){2,}[^\W\d_](?![\w])")


def _spaced_words(text: str) -> list[Match[Editorial]]:
    result: list[Match[Editorial]] = []
    for found in _SPACED_LETTERS.finditer(text):
        letters = found.group().replace(" ", "")
        if _is_spaced_word(letters):
            result.append(Match(found.start(), found.end(), Editorial(type="spaced", value=letters)))
    return result


def _is_spaced_word(letters: str) -> bool:
    """Capitals (3+), or lowercase / capitalised (4+) letters of one word."""
    if letters.isupper():
        return True
    rest_lower = letters[1:].islower()
    return len(letters) >= 4 and rest_lower and set(letters.lower()) - {"a", "i"} != set()


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def _without_overlaps(matches: list[Match[Editorial]]) -> list[Match[Editorial]]:
    """Keep the first-found of overlapping matches (finders run in priority order)."""
    kept: list[Match[Editorial]] = []
    for match in matches:
        if all(match.end <= other.start or match.start >= other.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda match: (match.start, match.end))
