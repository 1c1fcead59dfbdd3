"""Find references to archival copies (repository, fond, opis, delo, papka, folios) in citations and source lines.

``find_archival_refs(text)`` returns one ``Match[ArchivalRef]`` per archival
copy, in text order.  A span runs from the repository name as written
("AP RF", "RGASPI", "Archive of the Ministry of Foreign Affairs, Warsaw
(AMSZ)") through the last shelf-mark part ("ll. 0134-0135", "p. 79", a note
such as "Fond and Opis not given"); the punctuation or "and" that joins it to
the next reference stays outside.  Every value is kept as written ("059a",
"0085"); only the repository gets a normalised key, looked up in
``pipeline/data/repositories.toml``.

A reference starts only at a known repository name or at a fond marker
("f. 558, op. 11 …"): page numbers of printed books ("Reprinted in …, p. 378"),
translator names and other prose never start one.  A full repository name in
prose ("a copy held in the Russian Presidential Archives was handed over …") counts only when
shelf-mark parts or a bracketed abbreviation follow it.  The module never
rewrites text and never guesses: a part the source does not give stays
``None``.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterable

from pipeline.model import ArchivalRef, Match

# Horizontal white space; a reference may wrap onto the next line, but a blank
# line ends it.
SPACE = r"[ \t\u00a0]"
LINE_BREAK = rf"(?:{SPACE}*\n{SPACE}*)"
DASHES = "-–—‑−‒"
LETTER = r"[^\W\d_]"
# How far back a bracketed abbreviation ("… Affairs, Warsaw (AMSZ)") may look
# for the start of the repository name written before it.
MAXIMUM_NAME_CHARACTERS = 200
# Small words that may stand inside a repository name ("Archive of the …").
NAME_CONNECTORS = frozenset(
    {"of", "the", "and", "for", "on", "at", "de", "des", "du", "di", "der", "die", "für", "und", "&"}
)
SHELF_MARK_KINDS = ("fond", "opis", "delo", "papka")


# --------------------------------------------------------------------------
# Data (loaded once per process)
# --------------------------------------------------------------------------
@cache
def load_repository_data() -> dict:
    """The contents of ``pipeline/data/repositories.toml``."""
    data_file = resources.files("pipeline").joinpath("data/repositories.toml")
    return tomllib.loads(data_file.read_text(encoding="utf-8"))


def collapse_spaces(text: str) -> str:
    """Runs of white space (including no-break spaces) as one space, ends trimmed."""
    return " ".join(text.replace("\u00a0", " ").split())


def compact_abbreviation(text: str) -> str:
    """An abbreviation without spaces, dots and case: "A.P. RF" -> "APRF"."""
    return re.sub(r"[\s.\u00a0]", "", text).upper()


@cache
def abbreviation_table() -> dict[str, str]:
    """Written abbreviation (spaces collapsed) -> repository key."""
    table: dict[str, str] = {}
    for key, entry in load_repository_data()["repository"].items():
        table[collapse_spaces(key)] = key
        for abbreviation in entry.get("abbreviations", []):
            table[collapse_spaces(abbreviation)] = key
    return table


@cache
def compact_abbreviation_table() -> dict[str, str]:
    """Compacted abbreviation ("APRF") -> repository key, for lenient look-ups."""
    return {compact_abbreviation(written): key for written, key in abbreviation_table().items()}


@cache
def name_table() -> dict[str, str]:
    """Full repository name (lower case, spaces collapsed) -> repository key."""
    table: dict[str, str] = {}
    for key, entry in load_repository_data()["repository"].items():
        table[collapse_spaces(entry["name"]).lower()] = key
        for name in entry.get("names", []):
            table[collapse_spaces(name).lower()] = key
    return table


@cache
def ambiguous_name_table() -> dict[str, dict[str, str]]:
    """Names that need a settlement to resolve (lower case) -> settlement -> key."""
    return {
        collapse_spaces(name).lower(): dict(by_settlement)
        for name, by_settlement in load_repository_data().get("ambiguous", {}).items()
    }


@cache
def settlement_table() -> dict[str, str]:
    """Settlement as written (lower case) -> English settlement name."""
    return {
        collapse_spaces(written).lower(): english
        for written, english in load_repository_data().get("settlements", {}).items()
    }


@cache
def marker_table() -> dict[str, str]:
    """Shelf-mark marker (lower case, spaces collapsed) -> part kind."""
    table: dict[str, str] = {}
    for kind, markers in load_repository_data()["markers"].items():
        for marker in markers:
            table[collapse_spaces(marker).lower()] = kind
    return table


# --------------------------------------------------------------------------
# Compiled patterns (built once per process)
# --------------------------------------------------------------------------
def literal(word: str) -> str:
    """A regex for a literal word; a space matches any run of horizontal space."""
    escaped = r"\ ".join(re.escape(piece) for piece in word.split(" "))
    escaped = escaped.replace(r"\ ", rf"{SPACE}+")
    # Names are typed with straight apostrophes; sources often use typographic ones.
    escaped = escaped.replace("'", "['’]").replace("’", "['’]")
    if word[-1].isalnum():
        escaped += r"(?!\w)"
    return escaped


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation of literal words, longest first."""
    unique = sorted(set(words), key=lambda item: (-len(item), item))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(literal(word) for word in unique) + ")"


@dataclass(frozen=True)
class Patterns:
    """The compiled regular expressions, built from repositories.toml."""

    start: re.Pattern[str]
    abbreviation: re.Pattern[str]
    settlement_after: re.Pattern[str]
    bracketed_abbreviation_after: re.Pattern[str]
    bracketed_gloss_after: re.Pattern[str]
    separator: re.Pattern[str]
    marker: re.Pattern[str]
    shelf_value: re.Pattern[str]
    folio_number: re.Pattern[str]
    folio_range_tail: re.Pattern[str]
    dangling_dash: re.Pattern[str]
    folio_list_item: re.Pattern[str]
    note: re.Pattern[str]
    clause_end: re.Pattern[str]
    designation: re.Pattern[str]


@cache
def patterns() -> Patterns:
    """All regular expressions of the recogniser, compiled from the data once."""
    data = load_repository_data()
    abbreviations = alternation(abbreviation_table())
    names = alternation(
        [name for entry in data["repository"].values() for name in [entry["name"], *entry.get("names", [])]]
        + list(data.get("ambiguous", {}))
    )
    settlements = alternation(data.get("settlements", {}))
    fond_markers = alternation(data["markers"]["fond"])
    all_markers = alternation(marker_table())
    verso = alternation(data["folio"]["verso"])
    folio_number = (
        rf"\d+(?:{LETTER}(?!\w))?(?:{SPACE}?(?i:{verso})(?:\.(?={SPACE}*[{DASHES},]))?)?"
    )
    return Patterns(
        start=re.compile(
            rf"(?<!\w)(?:(?P<name>(?i:{names}))|(?P<abbreviation>{abbreviations})"
            rf"|(?P<bracketed>\({SPACE}*(?P<inner>{abbreviations}){SPACE}*\))"
            rf"|(?P<fond>(?i:{fond_markers})))"
        ),
        abbreviation=re.compile(abbreviations),
        settlement_after=re.compile(rf"{SPACE}*,{SPACE}*(?P<settlement>(?i:{settlements}))"),
        bracketed_abbreviation_after=re.compile(
            rf"{SPACE}*\({SPACE}*(?P<inner>{abbreviations}){SPACE}*\)"
        ),
        bracketed_gloss_after=re.compile(rf"{SPACE}*\([^()\d\n]{{2,160}}\)"),
        separator=re.compile(rf"{SPACE}*[,.:]{SPACE}*{LINE_BREAK}?|{LINE_BREAK}|{SPACE}+"),
        marker=re.compile(
            rf"(?P<marker>(?i:{all_markers}))(?P<gap>{SPACE}*{LINE_BREAK}?)"
            rf"(?:(?i:No\.?|Nr\.?|№){SPACE}*)?"
        ),
        shelf_value=re.compile(rf"(?:[A-ZА-ЯЁ]{{1,2}}-?)?\d+(?:[-/]?{LETTER}(?!\w))?(?:/\d+)?(?!\w)"),
        folio_number=re.compile(folio_number),
        folio_range_tail=re.compile(rf"{SPACE}*[{DASHES}]{SPACE}*(?P<number>{folio_number})"),
        dangling_dash=re.compile(rf"{SPACE}*[{DASHES}]\s*$"),
        folio_list_item=re.compile(
            rf"(?:{SPACE}*,{SPACE}*|{SPACE}+(?i:and|и|&){SPACE}+)(?P<first>{folio_number})"
            rf"(?:{SPACE}*[{DASHES}]{SPACE}*(?P<last>{folio_number}))?"
        ),
        note=re.compile(note_pattern(data["notes"]), re.IGNORECASE),
        clause_end=re.compile(rf"{SPACE}*(?:[.;)\]]|$)"),
        designation=re.compile(
            rf"{SPACE}*,?{SPACE}*(?P<designation>[^\s.;,()\[\]][^.;\n()\[\]]{{0,"
            rf"{int(data['designation']['maximum_characters'])}}}?)(?=\.(?:\s|$)|;|\n|$)"
        ),
    )


def note_pattern(notes: dict) -> str:
    """A note that shelf-mark parts are missing: "Fond and Opis not given", "no delo given"."""
    part_name = alternation(notes["part_names"])
    word_joiners = [joiner for joiner in notes["joiners"] if joiner[-1].isalnum()]
    joiner = (
        rf"(?:{SPACE}*,{SPACE}*(?:{alternation(word_joiners)}{SPACE}+)?"
        rf"|{SPACE}+{alternation(word_joiners)}{SPACE}+|{SPACE}*&{SPACE}*)"
    )
    part_list = rf"{part_name}(?:{joiner}{part_name})*"
    missing = alternation(notes["missing"])
    absent = alternation(notes["absent_before"])
    given = alternation(notes["given_after"])
    verb = rf"(?:(?:is|are|was|were){SPACE}+)?"
    return rf"(?:{part_list}{SPACE}+{verb}{missing}|{absent}{SPACE}+{part_list}(?:{SPACE}+{given})?)"


# --------------------------------------------------------------------------
# Repository names
# --------------------------------------------------------------------------
def normalise_repository(name: str) -> str | None:
    """The repository key ("APRF", "AVPRF", "RGASPI" …) for a name as written, or None.

    Accepts abbreviations ("AP RF", "АВП РФ"), full names in English, Russian
    and transliteration, "Name (ABBR)" and "Name, Settlement" forms.
    """
    written = collapse_spaces(name).strip(" ,;:")
    if not written:
        return None
    bracketed = re.fullmatch(r"(?P<before>.*?)\s*\((?P<inner>[^()]+)\)", written)
    if bracketed:
        inner = normalise_repository(bracketed.group("inner"))
        if inner is not None:
            return inner
        written = bracketed.group("before").strip(" ,") or written
    key = abbreviation_table().get(written) or name_table().get(written.lower())
    if key:
        return key
    if compact_abbreviation(written) in compact_abbreviation_table() and len(written) <= 12:
        return compact_abbreviation_table()[compact_abbreviation(written)]
    return repository_from_name_and_settlement(written)


def repository_from_name_and_settlement(written: str, settlement: str | None = None) -> str | None:
    """Resolve "Name, Settlement" (or a name and a separately written settlement)."""
    if settlement is None and "," in written:
        written, _, settlement = written.rpartition(",")
    lowered = collapse_spaces(written).lower()
    if lowered in name_table():
        return name_table()[lowered]
    by_settlement = ambiguous_name_table().get(lowered)
    if by_settlement is None or settlement is None:
        return None
    english = settlement_table().get(collapse_spaces(settlement).lower())
    return by_settlement.get(english) if english else None


def repository_info(abbreviation: str) -> dict:
    """What the TEI writer needs about a repository: key, full names, settlement, country.

    Keys: ``abbreviation``, ``name`` (English), ``name_original`` (or None),
    ``settlement``, ``country``.  Any written variant is accepted; an unknown
    repository gives an empty dict.
    """
    key = normalise_repository(abbreviation)
    if key is None:
        return {}
    entry = load_repository_data()["repository"][key]
    return {
        "abbreviation": key,
        "name": entry["name"],
        "name_original": entry.get("name_original"),
        "settlement": entry.get("settlement"),
        "country": entry.get("country"),
    }


# --------------------------------------------------------------------------
# Shelf-mark parts
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Part:
    """One part of a shelf-mark: "Fond 45", "p. 11", "ll. 134-135", "Fond and Opis not given"."""

    kind: str                 # fond | opis | delo | papka | folio | page_or_papka | other | note
    start: int
    end: int
    first: str | None = None  # the value; for folios the first folio
    last: str | None = None   # for folios the last folio (None when cut off)
    single: bool = True       # a single number, no range or list


def compact_folio(number: str | None) -> str | None:
    """A folio number without inner spaces and final stop ("5 ob." -> "5ob"), as TEI locus values need."""
    return None if number is None else re.sub(r"\s+", "", number).rstrip(".")


def parse_folio_expression(text: str, position: int) -> tuple[int, str, str | None, bool] | None:
    """Folios at ``position``: "85", "134-135", "0134–0135", "5, 7", "99-103 and 105".

    Returns (end, first, last, single); ``last`` is None when the text ends in
    the middle of a range.
    """
    compiled = patterns()
    number = compiled.folio_number.match(text, position)
    if number is None:
        return None
    first = last = number.group()
    end = number.end()
    single = True
    range_tail = compiled.folio_range_tail.match(text, end)
    if range_tail:
        last, end, single = range_tail.group("number"), range_tail.end(), False
    else:
        dangling = compiled.dangling_dash.match(text, end)
        if dangling:
            # The text is cut off inside a range: keep the dash, the last folio is unknown.
            return end + len(dangling.group().rstrip()), first, None, False
    while True:
        item = compiled.folio_list_item.match(text, end)
        if item is None or continues_as_prose(text, item.end()) or looks_like_year_after(last, item):
            break
        last = item.group("last") or item.group("first")
        end, single = item.end(), False
    return end, first, last, single


def looks_like_year_after(previous: str | None, item: re.Match[str]) -> bool:
    """True for "Listy 59, 1950": a year after a shorter folio number is a date, not a folio."""
    if item.group("last") or not re.fullmatch(r"(?:19|20)\d\d", item.group("first")):
        return False
    digits = re.match(r"\d+", previous or "")
    return digits is None or len(digits.group()) < 4


def continues_as_prose(text: str, position: int) -> bool:
    """True when a number is followed by a word ("5, 12 July"): then it is no folio."""
    following = re.match(rf"{SPACE}+(?P<word>{LETTER}+)", text[position : position + 40])
    return bool(following) and following.group("word").lower() not in {"and", "и"}


def parse_part(text: str, position: int) -> Part | None:
    """The shelf-mark part that starts exactly at ``position``, if any."""
    compiled = patterns()
    note = compiled.note.match(text, position)
    if note:
        return Part("note", position, note.end())
    marker = compiled.marker.match(text, position)
    if marker is None:
        return None
    if marker.group("marker")[-1].isalpha() and not marker.group("gap"):
        return None  # "List85" is not "List 85"; word markers need a space
    kind = marker_table()[collapse_spaces(marker.group("marker")).lower()]
    if kind in ("folio", "page_or_papka"):
        folios = parse_folio_expression(text, marker.end())
        if folios is None:
            return None
        end, first, last, single = folios
        if not single:
            kind = "folio"  # "p. 97-98" is pages, never a papka
        return Part(kind, position, end, compact_folio(first), compact_folio(last), single)
    value = compiled.shelf_value.match(text, marker.end())
    if value is None:
        return None
    return Part(kind, position, value.end(), value.group())


def fits_after(part: Part, parts: list[Part]) -> bool:
    """Whether ``part`` can continue the shelf-mark made of ``parts``."""
    kinds = {existing.kind for existing in parts}
    if part.kind in kinds and part.kind != "other":
        return False  # a second fond or folio starts something else
    if "folio" in kinds and part.kind != "note":
        return False  # folios close a shelf-mark; only a note may follow them
    if part.kind == "folio" and "page_or_papka" in kinds and "papka" in kinds:
        return False  # "Papka 11, p. 5, ll. 6" has no reading
    return True


def parse_parts(text: str, position: int, *, first_without_separator: bool = False) -> list[Part]:
    """Consecutive shelf-mark parts from ``position``, joined by ",", ".", ":" or spaces."""
    compiled = patterns()
    parts: list[Part] = []
    cursor = position
    while True:
        if first_without_separator and not parts:
            part_start = cursor
        else:
            separator = compiled.separator.match(text, cursor)
            if separator is None or not separator.group():
                break
            part_start = separator.end()
        part = parse_part(text, part_start)
        if part is None or not fits_after(part, parts):
            break
        parts.append(part)
        cursor = part.end
    return resolve_page_or_papka(parts)


def resolve_page_or_papka(parts: list[Part]) -> list[Part]:
    """Read a lone "p. N": a papka when more parts follow it, else a page (a folio).

    "AVP RF, f. 059a, op. 5a, d. 5, p. 11, ll. 67-68": papka 11.
    "RGASPI F. 558. Op. 11, D. 334, p. 79": page 79.
    """
    resolved: list[Part] = []
    for index, part in enumerate(parts):
        if part.kind != "page_or_papka":
            resolved.append(part)
            continue
        later_kinds = {later.kind for later in parts[index + 1 :]} - {"note"}
        kinds = {other.kind for other in parts}
        if later_kinds and "papka" not in kinds:
            resolved.append(Part("papka", part.start, part.end, part.first))
        elif "folio" not in kinds:
            resolved.append(Part("folio", part.start, part.end, part.first, part.last, part.single))
        else:
            break  # no reading left: the reference ends before it
    return resolved


# --------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class RepositoryName:
    """A repository name as written, with what follows it before the shelf-mark."""

    start: int
    text_end: int              # end of repository_text ("… Warsaw (AMSZ)" included)
    end: int                   # end of name, settlement and bracketed gloss
    written: str               # repository_text
    key: str | None
    abbreviation: bool         # written as an abbreviation ("APRF")
    bracketed: bool            # a full name with its abbreviation in brackets


def read_repository_name(text: str, start: int, end: int, *, is_abbreviation: bool) -> RepositoryName:
    """The repository name at ``start:end`` and its settlement and brackets, if written.

    "Archive of the Ministry of Foreign Affairs, Warsaw (AMSZ)": the bracketed
    abbreviation decides the repository and belongs to repository_text;
    "RGASPI (former RTsKhIDNI), Moscow": gloss and settlement are skipped.
    """
    compiled = patterns()
    cursor = text_end = end
    settlement: str | None = None
    bracket_key: str | None = None
    first_settlement = compiled.settlement_after.match(text, cursor)
    if first_settlement:
        settlement = first_settlement.group("settlement")
        cursor = first_settlement.end()
    bracketed = compiled.bracketed_abbreviation_after.match(text, cursor)
    if bracketed:
        bracket_key = normalise_repository(bracketed.group("inner"))
        cursor = text_end = bracketed.end()
    else:
        gloss = compiled.bracketed_gloss_after.match(text, cursor)
        if gloss:
            cursor = gloss.end()
    later_settlement = compiled.settlement_after.match(text, cursor)
    if later_settlement:
        settlement = settlement or later_settlement.group("settlement")
        cursor = later_settlement.end()
    name = text[start:end]
    if bracket_key:
        key = bracket_key
    elif is_abbreviation:
        key = normalise_repository(name)
    else:
        key = repository_from_name_and_settlement(name, settlement)
    return RepositoryName(
        start=start,
        text_end=text_end,
        end=cursor,
        written=text[start:text_end],
        key=key,
        abbreviation=is_abbreviation,
        bracketed=bracketed is not None,
    )


def is_cut_off(text: str, position: int) -> bool:
    """True when the text ends within the first marker: "APRF, Fo", "APRF, Fond"."""
    rest = re.fullmatch(rf"[\s,.:]+(?P<word>{LETTER}+\.?)\s*", text[position:])
    if rest is None:
        return False
    word = rest.group("word").lower()
    return any(marker.startswith(word) for marker in marker_table())


@cache
def designation_prose_words() -> frozenset[str]:
    """Words that mark text after a repository name as prose ("by", "translated" …)."""
    return frozenset(load_repository_data()["designation"]["prose_words"])


def designation_after(text: str, position: int) -> re.Match[str] | None:
    """A collection designation after a bare repository name: "(AMSZ) z-Depesze, Moskwa 1972"."""
    found = patterns().designation.match(text, position)
    if found is None:
        return None
    designation = found.group("designation").rstrip()
    if not re.search(r"\d", designation):
        return None
    for token in designation.split():
        word = token.strip(",:'\"“”")
        if word.lower() in designation_prose_words():
            return None
        if word.isalpha() and word.islower() and len(word) > 1:
            return None  # running prose, not a designation
    return found


def followed_by_repository(text: str, position: int) -> bool:
    """True when another repository abbreviation follows: "APRF and AVPRF, Fond 059a …"."""
    joined = re.match(rf"(?:{SPACE}*[,;]{SPACE}*|{SPACE}+)(?:(?:and|и){SPACE}+)?", text[position:])
    if joined is None:
        return False
    return patterns().abbreviation.match(text, position + joined.end()) is not None


def build_reference(
    text: str, start: int, end: int, repository: RepositoryName | None, parts: list[Part], note: str | None = None
) -> Match[ArchivalRef]:
    """The ``Match`` for ``text[start:end]`` from its repository name and parts."""
    values: dict[str, str | None] = {}
    for part in parts:
        if part.kind in SHELF_MARK_KINDS:
            values[part.kind] = part.first
        elif part.kind == "folio":
            values["folio_from"] = part.first
            values["folio_to"] = part.last
            values["folio_text"] = text[part.start : part.end]
        elif part.kind == "note":
            note = text[part.start : part.end]
    reference = ArchivalRef(
        text=text[start:end],
        repository=repository.key if repository else None,
        repository_text=repository.written if repository else None,
        note=note,
        **values,
    )
    return Match(start, end, reference)


def reference_after_name(text: str, repository: RepositoryName) -> Match[ArchivalRef] | None:
    """The reference that starts with a repository name, or None for a mere mention."""
    parts = parse_parts(text, repository.end)
    if parts:
        return build_reference(text, repository.start, parts[-1].end, repository, parts)
    if repository.abbreviation or repository.bracketed:
        designation = designation_after(text, repository.end)
        if designation:
            # the punctuation that joins it to what follows stays outside ("AVP RF558, ")
            written = designation.group("designation").rstrip().rstrip(",;")
            end = designation.start("designation") + len(written)
            if not written:
                return build_reference(text, repository.start, repository.end, repository, [])
            return build_reference(text, repository.start, end, repository, [], note=written)
    # A bare name: a reference when it closes a clause ("…, APRF.") or
    # the text is cut off after it; a bracketed abbreviation always is one.
    closes_clause = repository.abbreviation and (
        patterns().clause_end.match(text, repository.end) is not None
        or followed_by_repository(text, repository.end)
    )
    if repository.bracketed or closes_clause or is_cut_off(text, repository.end):
        return build_reference(text, repository.start, repository.end, repository, [])
    return None


def name_start_before_bracket(text: str, bracket_start: int, floor: int) -> int | None:
    """Where a repository name written before "(ABBR)" starts, or None if there is none.

    Walks back over capitalised words and connectors ("Archive of the Ministry
    of Foreign Affairs, Warsaw"); a comma is crossed only before a settlement.
    """
    window_start = max(floor, bracket_start - MAXIMUM_NAME_CHARACTERS)
    segment = text[window_start:bracket_start]
    if segment and not segment[-1].isspace() and segment[-1] != ",":
        return None
    tokens = list(re.finditer(r"\S+", segment))
    taken: list[re.Match[str]] = []
    for token in reversed(tokens):
        if taken and "\n" in segment[token.end() : taken[-1].start()]:
            break  # a name does not run across lines
        word = token.group()
        core = word.rstrip(",")
        if word.endswith(","):
            after = collapse_spaces(" ".join(t.group() for t in reversed(taken))).lower()
            if after not in settlement_table():
                break
        if not core or core[-1] in ".;:!?\"“”»)]" or core[0] in "\"“”«([":
            break
        if not (core[0].isupper() or core.lower() in NAME_CONNECTORS):
            break
        taken.append(token)
    while taken and taken[-1].group().lower() in NAME_CONNECTORS:
        taken.pop()  # a name does not start with "of" or "the"
    if not any(token.group()[0].isupper() for token in taken):
        return None
    return window_start + taken[-1].start()


def reference_at_bracket(text: str, candidate: re.Match[str], floor: int) -> Match[ArchivalRef] | None:
    """A reference written as "Some Archive Name (ABBR) …"."""
    name_start = name_start_before_bracket(text, candidate.start(), floor)
    if name_start is None:
        inner_start, inner_end = candidate.span("inner")
        repository = read_repository_name(text, inner_start, inner_end, is_abbreviation=True)
        found = reference_after_name(text, repository)
        if found is None:
            found = build_reference(text, inner_start, inner_end, repository, [])
        return found
    name_end = name_start + len(text[name_start : candidate.start()].rstrip(" \t\u00a0"))
    repository = read_repository_name(text, name_start, name_end, is_abbreviation=False)
    return reference_after_name(text, repository)


def reference_at_fond(text: str, candidate: re.Match[str]) -> Match[ArchivalRef] | None:
    """A shelf-mark without a repository name: "f. 558, op. 11, d. 334, l. 79"."""
    parts = parse_parts(text, candidate.start(), first_without_separator=True)
    if len(parts) < 2 or parts[0].kind != "fond":
        return None
    return build_reference(text, parts[0].start, parts[-1].end, None, parts)


def reference_at(text: str, candidate: re.Match[str], floor: int) -> Match[ArchivalRef] | None:
    """The reference starting at a candidate start, or None."""
    if candidate.group("fond"):
        return reference_at_fond(text, candidate)
    if candidate.group("bracketed"):
        return reference_at_bracket(text, candidate, floor)
    is_abbreviation = candidate.group("abbreviation") is not None
    repository = read_repository_name(text, candidate.start(), candidate.end(), is_abbreviation=is_abbreviation)
    return reference_after_name(text, repository)


def find_archival_refs(text: str) -> list[Match[ArchivalRef]]:
    """Every archival copy referenced in ``text``, in order, one ``Match`` per copy."""
    references: list[Match[ArchivalRef]] = []
    start_pattern = patterns().start
    position = 0
    while True:
        candidate = start_pattern.search(text, position)
        if candidate is None:
            return references
        floor = references[-1].end if references else 0
        found = reference_at(text, candidate, floor)
        if found is None or found.start < floor:
            position = candidate.end() if candidate.end() > candidate.start() else candidate.start() + 1
            continue
        references.append(found)
        position = found.end


# --------------------------------------------------------------------------
# A repository named in prose, without a shelf mark
# --------------------------------------------------------------------------
@cache
def prose_mention_pattern() -> re.Pattern[str]:
    names = sorted(name_table(), key=len, reverse=True)
    words = "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in names)
    return re.compile(rf"(?<!\w)(?:from|in|of)\s+the\s+(?P<name>{words})(?!\w)", re.IGNORECASE)


def find_repository_mentions(text: str) -> list[Match[ArchivalRef]]:
    """Repositories a source line names in prose only ("The document, from the Russian Presidential Archives, …").

    Such a copy has no shelf mark: every part but the repository stays ``None``.
    Only full names after "from the", "in the" or "of the" count, so that an
    abbreviation or a word in a sentence is never taken for an archive.
    """
    found = []
    for match in prose_mention_pattern().finditer(text or ""):
        written = match.group("name")
        key = name_table().get(collapse_spaces(written).lower())
        if key is not None:
            found.append(Match(match.start("name"), match.end("name"),
                               ArchivalRef(text=written, repository=key, repository_text=written)))
    return found

