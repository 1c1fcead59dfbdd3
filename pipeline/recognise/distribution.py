"""Find a telegram's copy distribution: the stated number of copies and who received them.

Reads the tail of a telegram ("отп. три экз." + "1. Тов. Сталину" lines,
"Copies: Stalin (2), Molotov", "Three copies printed / to Cde. Stalin",
"Distribution list - 11 copies: Stalin - 2, …") and returns spans:
``DistributionTotal`` for the total statement, ``DistributionItem`` for each
recipient entry as written.  A distribution starts only with a total statement
or a label ("Copies:", "Разослать:", "Distribution list -") at the start of a
line; prose that mentions copies gives nothing.  It never rewrites text and
never resolves names (``person`` stays ``None`` for a later pass).
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.model import DistributionItem, DistributionTotal, Match

# How many short non-item lines (e.g. a dateline) may stand between a total
# statement and its first numbered or titled item.
MAXIMUM_LINES_BEFORE_FIRST_ITEM = 2
# A skipped line before the first item must be short, like a dateline.
MAXIMUM_WORDS_OF_SKIPPED_LINE = 6
# Recipient names are short: "Сталину", "10th department", "File of 8th".
MAXIMUM_WORDS_OF_TITLED_NAME = 5
MAXIMUM_WORDS_OF_UNTITLED_NAME = 4
# Number, copy numbers, title, name and count together: longer is prose.
MAXIMUM_WORDS_OF_ENTRY = 14
# A copy range longer than this ("Nos. 1-200") is not a count of copies for one person.
MAXIMUM_COPIES_IN_RANGE = 50

DASH = "-–—−‒"
FORBIDDEN_NAME_CHARACTERS = set(':;!?"«»“”„=/\\{}<>|*+@')


# --------------------------------------------------------------------------
# Data and compiled patterns (built once per process)
# --------------------------------------------------------------------------
@cache
def load_vocabulary() -> dict:
    """The word lists of ``pipeline/data/distribution.toml``."""
    data_file = resources.files("pipeline").joinpath("data/distribution.toml")
    return tomllib.loads(data_file.read_text(encoding="utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, each ending at a word edge."""
    parts = []
    for word in sorted(set(words), key=lambda item: (-len(item), item)):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        if word[-1].isalnum():
            escaped += r"(?!\w)"
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Patterns:
    total: re.Pattern[str]
    label: re.Pattern[str]
    entry: re.Pattern[str]
    separator: re.Pattern[str]
    copy_number_only: re.Pattern[str]
    ordinal: re.Pattern[str]


@cache
def compiled_patterns() -> Patterns:
    """Compile the recogniser's regular expressions from the vocabulary."""
    vocabulary = load_vocabulary()
    number_words = alternation(vocabulary["number_words"])
    suffixes = alternation(vocabulary["digit_suffixes"])
    unreadable = "(?:" + "|".join(vocabulary["unreadable_numbers"]) + ")"
    number = (
        rf"(?:(?P<digits>\d{{1,3}}){suffixes}?(?!\d)"
        rf"|(?P<word>{number_words})"
        rf"|(?P<unreadable>{unreadable}))"
    )
    copy_words = alternation(vocabulary["copy_words"])
    before = alternation(vocabulary["total_words_before"])
    after = alternation(vocabulary["total_words_after"])
    total = re.compile(
        rf"(?P<total>(?:{before}:?\s+)?"
        rf"(?<!\w){number}(?:\s*\((?:\d{{1,3}}|{number_words})\))?"
        rf"\s*{copy_words}"
        rf"(?:\s+{after})?)",
        re.IGNORECASE,
    )
    label = re.compile(
        rf"(?P<label>{alternation(vocabulary['labels'])})\s*(?::|[{DASH}](?=\s))\s*",
        re.IGNORECASE,
    )
    signs = alternation(vocabulary["number_signs"])
    copy_number_words = alternation(vocabulary["copy_number_words"])
    number_list = rf"\d+(?:\s*[{DASH}]\s*\d+)?(?:\s*,\s*\d+(?:\s*[{DASH}]\s*\d+)?)*"
    # "copies NºNº 1-2 to …", "экз. № 3 – т. …", or a bare range before a dash: "1-2 – т. Сталину"
    copy_number = (
        rf"(?P<copy_number>(?:(?:{copy_number_words}\s*)?(?:{signs}\s*:?\s*)+(?P<copy_numbers>{number_list})"
        rf"|(?P<copy_range>\d{{1,2}}\s*[{DASH}]\s*\d{{1,2}})(?=\s*[{DASH}:]\s))"
        rf"\s*(?:[{DASH}:]\s*)?)"
    )
    titles = alternation(vocabulary["titles"])
    prepositions = alternation(vocabulary["prepositions"])
    count = (
        rf"(?P<count>\s*\(\s*(?P<count_in_brackets>\d{{1,2}})\s*(?:{copy_words})?\s*\)"
        rf"|\s+[{DASH}]\s*(?P<count_after_dash>\d{{1,2}})(?:\s*{copy_words})?)"
    )
    entry = re.compile(
        rf"(?:(?P<list_number>\d{{1,2}})\s*(?:[.)](?!\d)|\s[{DASH}](?=\s)|[{DASH}](?=\s))\s*)?"
        rf"(?P<body>{copy_number}?"
        rf"(?:(?P<preposition>{prepositions})\s+)?"
        rf"(?:(?P<title>{titles})(?:(?<=\.)\s*|\s+))?"
        rf"(?P<name>\S.*?){count}?)"
        rf"\s*[.,;]?\s*$",
        re.IGNORECASE,
    )
    separator = re.compile(
        rf"\s*[,;]\s*|\s+{alternation(vocabulary['conjunctions'])}\s+", re.IGNORECASE
    )
    copy_number_only = re.compile(rf"{copy_number}$", re.IGNORECASE)
    ordinal = re.compile(r"^\d{1,3}(?:-?(?:st|nd|rd|th|й|го|я|е|ой|му))$", re.IGNORECASE)
    return Patterns(total, label, entry, separator, copy_number_only, ordinal)


@cache
def number_word_values() -> dict[str, int]:
    return {word.casefold(): value for word, value in load_vocabulary()["number_words"].items()}


@cache
def file_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in load_vocabulary()["file_words"])


# --------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    start: int   # offset of the first non-blank character
    end: int     # offset after the last non-blank character

    @property
    def blank(self) -> bool:
        return self.start >= self.end


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` as its stripped extent."""
    lines = []
    offset = 0
    for raw_line in text.split("\n"):
        start, end = strip_extent(text, offset, offset + len(raw_line))
        lines.append(Line(start, end))
        offset += len(raw_line) + 1
    return lines


def strip_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed so that no whitespace stands at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def word_count(text: str) -> int:
    return len(text.split())


# --------------------------------------------------------------------------
# Totals: "отп. три экз.", "Three copies printed", "5 copies", "sent in one copy"
# --------------------------------------------------------------------------
def read_total_value(match: re.Match[str]) -> int | None:
    """The number of a total statement, or None when the source's number is unreadable."""
    if match.group("digits"):
        return int(match.group("digits"))
    if match.group("word"):
        return number_word_values().get(match.group("word").casefold())
    return None


def total_is_marked(match: re.Match[str]) -> bool:
    """A total with a word like "отп." or "printed" beside it cannot be prose about copies."""
    number_start = min(
        match.start(group) for group in ("digits", "word", "unreadable") if match.start(group) >= 0
    )
    has_word_before = number_start > match.start("total")
    has_word_after = not match.group("total").rstrip(".").casefold().endswith(
        tuple(word.rstrip(".").casefold() for word in load_vocabulary()["copy_words"])
    )
    return has_word_before or has_word_after


# --------------------------------------------------------------------------
# Entries: one recipient each
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    start: int
    end: int
    n: int | None
    copies: int
    strong: bool    # numbered, titled, copy-numbered, counted or a file copy: an item on its own


def copies_in_number_list(numbers: str) -> int:
    """How many copies "1-2", "3", "1, 3-4" stand for."""
    total = 0
    for part in numbers.split(","):
        bounds = [int(value) for value in re.findall(r"\d+", part)]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] < MAXIMUM_COPIES_IN_RANGE:
            total += bounds[1] - bounds[0] + 1
        else:
            total += 1
    return max(total, 1)


def is_initial(token: str) -> bool:
    """"V.", "И.В." — a token whose full stop belongs to it."""
    return bool(re.fullmatch(r"(?:\w{1,2}\.)*\w{1,2}\.?", token)) and not token.isdigit()


def is_recipient_name(name: str, titled: bool) -> bool:
    """Does ``name`` look like a recipient ("Сталину", "10th department", "file") and not prose?"""
    if name.casefold() in file_words():
        return True
    if any(character in FORBIDDEN_NAME_CHARACTERS for character in name):
        return False
    tokens = name.split()
    limit = MAXIMUM_WORDS_OF_TITLED_NAME if titled else MAXIMUM_WORDS_OF_UNTITLED_NAME
    if not tokens or len(tokens) > limit:
        return False
    if re.search(r"\d{3,}", name):
        return False
    for token in tokens[:-1]:
        # "Stalin. Typed by …" is two sentences, "И.В. Сталину" is not
        if token.endswith(".") and len(token) > 4 and not is_initial(token):
            return False
    first = tokens[0]
    if first[0].isdigit():
        return bool(compiled_patterns().ordinal.match(first))
    if titled:
        return first[0].isalpha() or first[0] in "[("
    return first[0].isupper() or first[0] == "["


def parse_entry(text: str, start: int, end: int) -> Entry | None:
    """Read ``text[start:end]`` as one recipient entry, or None if it is not one."""
    start, end = strip_extent(text, start, end)
    if start >= end or word_count(text[start:end]) > MAXIMUM_WORDS_OF_ENTRY:
        return None
    match = compiled_patterns().entry.match(text, start, end)
    if match is None:
        return None
    name = match.group("name")
    titled = match.group("title") is not None
    if not is_recipient_name(name, titled):
        return None
    span_end = match.end("count") if match.group("count") else match.end("name")
    span_end = include_final_stop_of_initial(text, match, span_end, end)
    if match.group("copy_number"):
        span_start = match.start("copy_number")
    elif titled:
        span_start = match.start("title")
    else:
        span_start = match.start("name")
    copies = entry_copies(match)
    strong = bool(
        match.group("list_number")
        or match.group("copy_number")
        or titled
        or match.group("count")
        or match.group("preposition")
        or name.casefold() in file_words()
    )
    list_number = int(match.group("list_number")) if match.group("list_number") else None
    return Entry(span_start, span_end, list_number, copies, strong)


def include_final_stop_of_initial(text: str, match: re.Match[str], span_end: int, end: int) -> int:
    """"Molotov V.M." keeps its last full stop; "Stalin." does not."""
    if match.group("count") or span_end >= end or text[span_end] != ".":
        return span_end
    last_token = match.group("name").split()[-1]
    if len(match.group("name").split()) > 1 and is_initial(last_token + "."):
        return span_end + 1
    return span_end


def entry_copies(match: re.Match[str]) -> int:
    """Copies for one recipient: "(2)", "- 2", "NºNº 1-2"; 1 when the entry does not say."""
    if match.group("count_in_brackets"):
        return max(int(match.group("count_in_brackets")), 1)
    if match.group("count_after_dash"):
        return max(int(match.group("count_after_dash")), 1)
    copy_numbers = match.group("copy_numbers") or match.group("copy_range")
    if copy_numbers:
        return copies_in_number_list(copy_numbers)
    return 1


def entry_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a stretch into entry pieces at "," ";" "and" — keeping "Nos. 1, 2 to file" whole."""
    patterns = compiled_patterns()
    pieces: list[tuple[int, int]] = []
    position = start
    for separator in patterns.separator.finditer(text, start, end):
        pieces.append((position, separator.start()))
        position = separator.end()
    pieces.append((position, end))
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and continues_copy_numbers(text, merged[-1], piece):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return [piece for piece in merged if strip_extent(text, *piece)[0] < strip_extent(text, *piece)[1]]


def continues_copy_numbers(text: str, previous: tuple[int, int], piece: tuple[int, int]) -> bool:
    """Is ``piece`` the rest of a copy-number list cut at a comma ("Nos. 1" + "2 to file")?"""
    previous_start, previous_end = strip_extent(text, *previous)
    piece_start, piece_end = strip_extent(text, *piece)
    if piece_start >= piece_end or not text[piece_start].isdigit():
        return False
    return compiled_patterns().copy_number_only.match(text, previous_start, previous_end) is not None


def parse_entries(text: str, start: int, end: int, require_strong_first: bool) -> list[Entry] | None:
    """All entries of a stretch, or None unless every piece is a recipient entry."""
    entries = []
    for piece_start, piece_end in entry_pieces(text, start, end):
        entry = parse_entry(text, piece_start, piece_end)
        if entry is None:
            return None
        entries.append(entry)
    if not entries:
        return None
    if require_strong_first and not entries[0].strong:
        return None
    return entries


# --------------------------------------------------------------------------
# Openers: a total statement or a label at the start of a line
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Opener:
    total: Match[DistributionTotal] | None
    entries: list[Entry]
    list_mode: bool         # after a label or "N copies:": untitled names count as items
    vertical: bool          # the opener line ends with its label: items follow on the next lines
    open_ended: bool        # the line ends with "," or ";": the list goes on


def parse_opener(text: str, line: Line) -> Opener | None:
    """Read a line that may open a distribution; None if it does not."""
    if line.blank:
        return None
    patterns = compiled_patterns()
    position = line.start
    label = patterns.label.match(text, position, line.end)
    if label:
        position = label.end()
    total_match = patterns.total.match(text, position, line.end)
    if label is None and total_match is None:
        return None
    total = None
    list_mode = label is not None
    if total_match:
        total = Match(total_match.start("total"), total_match.end("total"),
                      DistributionTotal(read_total_value(total_match)))
        position = total_match.end("total")
        after_total = re.match(rf"\s*(?::|[{DASH}](?=\s))", text[position:line.end])
        if after_total:
            list_mode = True
            position += after_total.end()
        else:
            position += len(re.match(r"[\s.,;]*", text[position:line.end]).group())
    rest_start, rest_end = strip_extent(text, position, line.end)
    entries: list[Entry] = []
    if rest_start < rest_end:
        parsed = parse_entries(text, rest_start, rest_end, require_strong_first=not list_mode)
        if parsed is None:
            if total is None or (not list_mode and not total_is_marked(total_match)):
                return None
            # a marked total with an unreadable tail ("sent in one copy from an original")
            return Opener(total, [], list_mode, vertical=False, open_ended=False)
        entries = parsed
    open_ended = text[line.start:line.end].endswith((",", ";"))
    vertical = rest_start >= rest_end and (list_mode or total is None)
    return Opener(total, entries, list_mode, vertical, open_ended)


# --------------------------------------------------------------------------
# The scan
# --------------------------------------------------------------------------
def find_distribution(text: str) -> list[Match]:
    """Find the copy total and recipient entries of the distributions in ``text``.

    Returns, in text order and without overlaps, ``Match`` spans whose value is
    ``DistributionTotal`` or ``DistributionItem``.
    """
    lines = split_lines(text)
    matches: list[Match] = []
    index = 0
    while index < len(lines):
        opener = parse_opener(text, lines[index])
        if opener is None:
            opener = inline_labelled_opener(text, lines[index])
        if opener is None:
            index += 1
            continue
        if opener.total is not None:
            matches.append(opener.total)
        matches.extend(item_match(entry) for entry in opener.entries)
        following, index = read_following_lines(text, lines, index + 1, opener)
        matches.extend(item_match(entry) for entry in following)
    return matches


def inline_labelled_opener(text: str, line: Line) -> Opener | None:
    """A labelled list that ends a run-together line ("… ROSHCHIN No. 1042 18.4.51 Copies: Stalin (2), Molotov").

    Exports that lost their line breaks put the label after a sentence end, a
    number or a date; the list must then run to the end of the line.
    """
    for label in compiled_patterns().label.finditer(text, line.start, line.end):
        before = text[line.start:label.start()].rstrip()
        if label.start() == line.start or not before or before[-1] not in '.!?"”»' + "0123456789":
            continue
        if not text[label.start() - 1].isspace() or not label.group("label")[0].isupper():
            continue
        opener = parse_opener(text, Line(label.start(), line.end))
        if opener is not None and opener.entries and not opener.vertical:
            return opener
    return None


def read_following_lines(
    text: str, lines: Sequence[Line], index: int, opener: Opener
) -> tuple[list[Entry], int]:
    """Entries on the lines after an opener; returns them and the index of the next unread line."""
    if opener.list_mode and not (opener.vertical or opener.open_ended):
        return [], index
    entries: list[Entry] = []
    found_item = bool(opener.entries)
    open_ended = opener.open_ended
    skipped = 0
    next_index = index
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.blank:
            continue
        if parse_opener(text, line) is not None:
            break
        # a list cut at a comma goes on leniently; otherwise a line must carry a strong item
        lenient = opener.list_mode or open_ended
        parsed = parse_entries(text, line.start, line.end, require_strong_first=not lenient)
        if parsed is None:
            may_skip = not found_item and (opener.total is not None or not opener.list_mode)
            if not may_skip or not may_skip_before_first_item(text, line, skipped):
                break
            skipped += 1
            continue
        entries.extend(parsed)
        found_item = True
        next_index = index
        open_ended = text[line.start:line.end].endswith((",", ";"))
        if opener.list_mode and not opener.vertical and not open_ended:
            break
    return entries, next_index


def may_skip_before_first_item(text: str, line: Line, skipped: int) -> bool:
    """A short line such as a dateline may stand between "5 copies" and "1. Comr. Stalin"."""
    return (
        skipped < MAXIMUM_LINES_BEFORE_FIRST_ITEM
        and word_count(text[line.start:line.end]) <= MAXIMUM_WORDS_OF_SKIPPED_LINE
    )


def item_match(entry: Entry) -> Match[DistributionItem]:
    return Match(entry.start, entry.end, DistributionItem(n=entry.n, copies=entry.copies, person=None))


def distribution_summary(matches: Sequence[Match]) -> tuple[int | None, int]:
    """(stated total, copies counted from the items) of ``find_distribution``'s result.

    The stated total is None when no total is stated or one of them is unreadable.
    """
    totals = [match.value.copies for match in matches if isinstance(match.value, DistributionTotal)]
    counted = sum(match.value.copies for match in matches if isinstance(match.value, DistributionItem))
    if not totals or any(total is None for total in totals):
        return None, counted
    return sum(totals), counted
