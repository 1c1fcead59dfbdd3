"""Find the persons, places and organisations of the master register in running text.

``find_names`` returns a span for every occurrence of a register name — Latin,
Cyrillic, Chinese or Korean; in any Russian case; letter-spaced ("F I L I P P O
V"); completed by an editor ("Liu [Shaoqi]", "[Li] Fuchun", "Sadov[in]") —
longest match first, never overlapping.  Titles ("Cde.", "Тов.") stay outside
the span; initials ("I.V. Stalin", "STALIN I.V.") are inside it.  Precision
before recall: a name shared by two entries is not tagged, a bare "Kim" only
after a full mention of exactly one Kim, a bare "Mao" only when no other
capitalised word follows it.

``find_unknown_names`` lists what looks like a personal name but is not in the
register (after "Comrade"/"Тов.", in address and signature lines), for the
build report.  Nothing here ever adds to the register.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from pipeline.model import Match, NameRef
from pipeline.register import Form, Register, fold_character, letters_of, load_register

TERMINAL = ""                     # trie key that holds the forms ending at a node
SEPARATORS = frozenset(" \t\r\n\xa0\u2009\u202f-\u2010\u2011'\u2019\u02bc`[]()")
MAX_SEPARATOR_RUN = 3
TYPE_PRIORITY = {"name": 0, "pseudonym": 1, "surname": 2}
CAPITALISED_WORD_AFTER = re.compile(r"[ \t]+(?:[A-ZА-ЯЁ][a-zа-яё]|[A-ZА-ЯЁ]{2})")
INITIALS_BEFORE = re.compile(r"((?:[A-ZА-ЯЁ][a-zа-яё]?\. ?){1,3})$")
INITIALS_AFTER = re.compile(r" (?:[A-ZА-ЯЁ][a-zа-яё]?\. ?){1,2}[A-ZА-ЯЁ][a-zа-яё]?\.")


# --------------------------------------------------------------------------
# The compiled matcher (once per process)
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    """A possible name occurrence before the choice among overlapping ones."""

    start: int
    end: int
    entry_ids: tuple[str, ...]
    kind: str
    type: str                     # name | pseudonym | surname | short

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Matcher:
    trie: dict
    register: Register


@functools.cache
def compiled_matcher() -> Matcher:
    """A character trie over the keys of every register form."""
    register = load_register()
    trie: dict = {}
    for form in register.forms():
        if not form.key:
            continue
        node = trie
        for character in form.key:
            node = node.setdefault(character, {})
        node.setdefault(TERMINAL, []).append(form)
    return Matcher(trie=trie, register=register)


# --------------------------------------------------------------------------
# Character classes
# --------------------------------------------------------------------------
def is_ideographic(character: str) -> bool:
    """CJK ideographs, kana and Hangul: written without spaces between words."""
    code = ord(character)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
            or 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0xF900 <= code <= 0xFAFF)


def is_word_start(text: str, position: int) -> bool:
    character = text[position]
    if not character.isalnum():
        return False
    if is_ideographic(character) or position == 0:
        return True
    previous = text[position - 1]
    return not previous.isalnum() or is_ideographic(previous)


def is_word_end(text: str, position: int) -> bool:
    if position >= len(text) or is_ideographic(text[position - 1]):
        return True
    following = text[position]
    return not following.isalnum() or is_ideographic(following)


# --------------------------------------------------------------------------
# Walking the trie
# --------------------------------------------------------------------------
def walk(text: str, start: int, trie: dict) -> list[tuple[int, list[Form]]]:
    """Every (end, forms) whose key the text spells from ``start``.

    Between letters the text may have spaces (letter-spacing, a name broken
    across lines), hyphens, apostrophes, brackets, and full stops (initials,
    "U.S.A.", an abbreviated word "Главн.").
    """
    results: list[tuple[int, list[Form]]] = []
    node = trie
    position = start
    run = 0                        # letters since the last separator
    separators = ""
    while position < len(text):
        character = text[position]
        if character.isalnum():
            for folded in fold_character(character):
                node = node.get(folded)
                if node is None:
                    return results
            if separators:
                run, separators = 0, ""
            run += 1
            position += 1
            if TERMINAL in node and is_word_end(text, position):
                results.append((position, node[TERMINAL]))
        elif character in SEPARATORS or character == ".":
            # a full stop after one letter is an initial; after a longer word it is an
            # abbreviation point, kept only for forms listed with one (abbreviation_points_fit)
            separators += character
            if len(separators) > MAX_SEPARATOR_RUN or separators.count("\n") > 1:
                return results
            position += 1
        else:
            return results
    return results


def is_case_exact(form: Form) -> bool:
    """Short forms and acronyms must be written as listed or in capitals ("Mao", "MAO", "UN")."""
    letters = letters_of(form.text)
    return form.type == "short" or len(letters) <= 3 or (len(letters) >= 2 and letters.isupper())


def case_fits(form: Form, written: str) -> bool:
    """Whether ``written`` (the source's letters) may be ``form``: proper names are capitalised."""
    letters = letters_of(form.text)
    if is_case_exact(form):
        return written == letters or written == letters.upper()
    if letters[:1].isupper():
        return not written[:1].islower()
    return True


ABBREVIATION_POINT = re.compile(r"[^\W\d_]{2,}\.(?=[\s\[\]()'\u2019-]*[^\W\d_])")


def abbreviation_points_fit(form: Form, written: str) -> bool:
    """A word cut short with a full stop inside a name ("Второго Главн. Управления") must be listed so.

    Without this, a sentence end could join two names into one ("… to Moscow. Army …").
    """
    return not ABBREVIATION_POINT.search(written) or bool(ABBREVIATION_POINT.search(form.text))


def dots_fit(form: Form, written: str) -> bool:
    """An abbreviation listed with full stops ("U.S.") must be written with them: "US" may be the pronoun."""
    return not re.search(r"\w\.\w", form.text) or "." in written


def balanced_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen the span to take in a bracket it opens or closes ("Liu [Shaoqi]", "[Li] Fuchun")."""
    for opening, closing in (("[", "]"), ("(", ")")):
        segment = text[start:end]
        opened, closed = segment.count(opening), segment.count(closing)
        if closed > opened and start > 0 and text[start - 1] == opening:
            start -= 1
        elif opened > closed and end < len(text) and text[end] == closing:
            end += 1
        segment = text[start:end]
        if segment.count(opening) != segment.count(closing):
            return None
        if segment.find(closing) != -1 and segment.find(closing) < segment.find(opening) or (
                segment.find(opening) == -1 and segment.find(closing) != -1):
            return None
    return start, end


def candidates_at(text: str, start: int, trie: dict) -> list[Candidate]:
    """The full-name and short-name candidates that start at ``start``."""
    found: list[Candidate] = []
    for end, forms in walk(text, start, trie):
        written = letters_of(text[start:end])
        fitting = [form for form in forms if case_fits(form, written) and dots_fit(form, text[start:end])
                   and abbreviation_points_fit(form, text[start:end])]
        if after_clerk_label(text, start):
            fitting = [form for form in fitting if not looks_feminine_generated(form)]
        full = [form for form in fitting if form.type != "short"]
        short = [form for form in fitting if form.type == "short"]
        span = balanced_span(text, start, end)
        if span is None:
            continue
        span_start, span_end = span
        if ("." in text[span_start:span_end] and any(form.text.endswith(".") for form in fitting)
                and span_end < len(text) and text[span_end] == "."):
            span_end += 1
        full_ids = tuple(dict.fromkeys(form.entry_id for form in full))
        if len(full_ids) == 1:
            best = min(full, key=lambda form: (TYPE_PRIORITY[form.type], form.sic))
            found.append(Candidate(span_start, span_end, full_ids, best.kind, best.type))
        short_ids = tuple(dict.fromkeys(form.entry_id for form in short))
        if short_ids and not full:
            found.append(Candidate(span_start, span_end, short_ids, short[0].kind, "short"))
    return found


@functools.cache
def context_rules() -> dict:
    text = resources.files("pipeline.data").joinpath("names.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def clerk_label_pattern() -> re.Pattern[str]:
    labels = sorted(context_rules()["clerk_labels"], key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(label) for label in labels)})[ \t\u00a0]*$", re.IGNORECASE)


def after_clerk_label(text: str, start: int) -> bool:
    return clerk_label_pattern().search(text[max(0, start - 20):start]) is not None


def looks_feminine_generated(form: Form) -> bool:
    """A generated Russian case form that is also a woman's surname ("Кузнецова")."""
    return form.generated and form.text.lower().endswith(tuple(context_rules()["feminine_endings"]))


def stands_alone(text: str, candidate: Candidate) -> bool:
    """A bare surname counts only when no other capitalised word follows it ("Mao Anying")."""
    return CAPITALISED_WORD_AFTER.match(text, candidate.end) is None


# --------------------------------------------------------------------------
# Choosing among candidates
# --------------------------------------------------------------------------
def overlaps(candidate: Candidate, chosen: list[Candidate]) -> bool:
    return any(candidate.start < other.end and other.start < candidate.end for other in chosen)


def choose_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then leftmost; never overlapping."""
    chosen: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-c.length, c.start)):
        if not overlaps(candidate, chosen):
            chosen.append(candidate)
    return chosen


def resolve_short_names(short: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
    """A bare "Kim" is the one Kim fully named earlier in the same text, if exactly one was."""
    first_mention: dict[str, int] = {}
    for candidate in chosen:
        entry_id = candidate.entry_ids[0]
        first_mention[entry_id] = min(first_mention.get(entry_id, candidate.start), candidate.start)
    resolved: list[Candidate] = []
    for candidate in sorted(short, key=lambda c: c.start):
        known = [entry_id for entry_id in candidate.entry_ids
                 if entry_id in first_mention and first_mention[entry_id] < candidate.start]
        if len(known) == 1 and not overlaps(candidate, chosen + resolved):
            resolved.append(Candidate(candidate.start, candidate.end, (known[0],), candidate.kind, "short"))
    return resolved


def with_initials(text: str, candidate: Candidate, chosen: list[Candidate], titles: frozenset[str]) -> Candidate:
    """Take initials written before or after a person's name into its span."""
    if candidate.kind != "person":
        return candidate
    start, end = candidate.start, candidate.end
    before = INITIALS_BEFORE.search(text[max(0, start - 12):start])
    if before:
        initials = before.group(1)
        tokens = initials.split(".")
        if tokens[0].strip() + "." not in titles:
            new_start = start - len(initials)
            if new_start == 0 or not (text[new_start - 1].isalnum() or text[new_start - 1] == "."):
                start = new_start
    after = INITIALS_AFTER.match(text, end)
    if after:
        end = after.end()
    widened = Candidate(start, end, candidate.entry_ids, candidate.kind, candidate.type)
    others = [other for other in chosen if other is not candidate]
    return widened if not overlaps(widened, others) else candidate


ELIDED_QUALIFIER = re.compile(r"(?<!\w)(?P<first>[A-ZА-ЯЁ][\w-]*)\s+(?:and|or|и|или)\s+$")


def elided_places(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"North and South Hamgyong": the first qualifier stands for a place of its own ("North Hamgyong").

    The qualifier is tagged alone, and only when the register knows the whole
    name it stands for as exactly one place.
    """
    found: list[Candidate] = []
    for candidate in chosen:
        if candidate.kind != "place":
            continue
        written = text[candidate.start:candidate.end]
        qualifier_and_rest = re.match(r"(\S+)\s+(\S.*)", written, re.DOTALL)
        before = ELIDED_QUALIFIER.search(text[max(0, candidate.start - 40):candidate.start])
        if qualifier_and_rest is None or before is None:
            continue
        whole = f"{before.group('first')} {qualifier_and_rest.group(2)}"
        matches = [c for c in find_candidates(whole) if c.start == 0 and c.end == len(whole) and c.kind == "place"]
        if len(matches) == 1 and matches[0].entry_ids != candidate.entry_ids:
            start = candidate.start - len(before.group(0))
            found.append(Candidate(start, start + len(before.group("first")), matches[0].entry_ids, "place", "name"))
    return [c for c in found if not overlaps(c, chosen)]


def find_candidates(text: str) -> list[Candidate]:
    """All chosen name occurrences of ``text`` in source order."""
    matcher = compiled_matcher()
    full: list[Candidate] = []
    short: list[Candidate] = []
    for position in range(len(text)):
        if not is_word_start(text, position):
            continue
        found = candidates_at(text, position, matcher.trie)
        usable = [c for c in found if c.type in ("name", "pseudonym") or stands_alone(text, c)]
        longest_full = max((c for c in usable if c.type != "short"), key=lambda c: c.length, default=None)
        if longest_full is not None:
            full.append(longest_full)
        short.extend(c for c in usable if c.type == "short")
    chosen = choose_longest(full)
    chosen += resolve_short_names(short, chosen)
    chosen += elided_places(text, chosen)
    titles = frozenset(matcher.register.language.comrade_titles)
    chosen.sort(key=lambda c: c.start)
    # Widen one at a time against what is already widened: initials between two names
    # ("Mao I.V. Mao") go to one of them only, so spans never overlap.
    widened: list[Candidate] = []
    for index, candidate in enumerate(chosen):
        widened.append(with_initials(text, candidate, widened + chosen[index:], titles))
    return sorted(widened, key=lambda c: c.start)


def name_reference(candidate: Candidate) -> NameRef:
    role = "pseudonym" if candidate.type == "pseudonym" else None
    return NameRef(kind=candidate.kind, key=candidate.entry_ids[0], role=role)


def find_names(text: str) -> list[Match[NameRef]]:
    """Every occurrence of a register name in ``text``, as non-overlapping spans in source order."""
    if not text:
        return []
    return list(_names_of(text))


@functools.lru_cache(maxsize=512)
def _names_of(text: str) -> tuple[Match[NameRef], ...]:
    # the enricher, the addressing and the unknown-name finder ask about the same
    # blocks; the register is fixed for the process, so the answer is too
    return tuple(Match(c.start, c.end, name_reference(c)) for c in find_candidates(text))


# --------------------------------------------------------------------------
# Names that are not in the register
# --------------------------------------------------------------------------
NAME_TOKEN = r"[A-ZА-ЯЁ][\w'’]*(?:-[\w'’]+)*|[A-ZА-ЯЁ][a-zа-яё]?\."
CAPITALS_TOKEN = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’]+(?:-[A-ZА-ЯЁ'’]+)*"


def alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@functools.cache
def unknown_name_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    language = load_register().language
    titles = alternation(language.comrade_titles)
    ranks = alternation(language.ranks)
    address = alternation(language.address_words)
    after_title = re.compile(
        rf"(?<![\w.])(?:{titles})(?:(?<=\.)|(?=\s))\s*(?:(?:{ranks})\s+)*"
        rf"(?P<names>(?:{NAME_TOKEN})(?:[ \t]+(?:{NAME_TOKEN})){{0,3}}"
        rf"(?:(?:,[ \t]*|[ \t]+(?:and|и)[ \t]+)(?:{NAME_TOKEN})(?:[ \t]+(?:{NAME_TOKEN})){{0,3}})*)"
    )
    after_address = re.compile(
        rf"(?<![\w.])(?:{address})[ \t]+(?:(?:{titles})[ \t]*)?(?:(?:{ranks})[ \t]+)*"
        rf"(?P<names>(?:{CAPITALS_TOKEN})(?:[ \t]+(?:{CAPITALS_TOKEN})){{0,2}}|[A-ZА-ЯЁ][a-zа-яё'’]+(?![\w]))"
    )
    signature = re.compile(
        rf"^[ \t]*(?:[\d./IVXL]+[ \t]+)?(?P<names>(?:{CAPITALS_TOKEN})(?:[ \t]+(?:{CAPITALS_TOKEN})){{0,2}})"
        rf"[ \t]*\.?[ \t]*(?:\[[^\]\n]*\])?[ \t]*$",
        re.MULTILINE,
    )
    return after_title, after_address, signature


@functools.cache
def clerk_name_pattern() -> re.Pattern:
    """A cipher clerk's mark: "Typed by Fedotova", "Verified by Shift Chief Lavrov", "отп. Кузнецова"."""
    rules = context_rules()
    labels = alternation(rules["clerk_labels"] + rules["clerk_phrases"])
    offices = alternation(rules["clerk_offices"])
    return re.compile(
        rf"(?<![\w.])(?i:{labels})[ \t]*(?:(?i:{offices})[ \t]+)?"
        rf"(?P<names>[A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁ]?[a-zа-яё'’]+)?)(?![\w])"
    )


def looks_like_surname(word: str) -> bool:
    endings = load_register().language.surname_endings
    lower = word.lower().rstrip(".")
    return len(lower) >= 4 and any(lower.endswith(ending) for ending in endings)


def split_name_list(text: str, offset: int) -> list[tuple[int, str]]:
    """ "Filippov and Zhou Enlai" → its names with their offsets."""
    pieces = []
    for piece in re.finditer(r"[^,]+?(?=,|[ \t]+(?:and|и)[ \t]+|$)", text):
        value = re.sub(r"^(?:and|и)[ \t]+", "", piece.group().strip(" \t,"))
        if value:
            pieces.append((offset + piece.start() + piece.group().find(value), value))
    return pieces


def trim_not_names(words: list[str], not_names: frozenset[str]) -> list[str]:
    """Drop words that are not names, and everything after the first such word inside a name."""
    while words and (words[0] in not_names or words[0].rstrip(".") in not_names):
        words = words[1:]
    for index, word in enumerate(words):
        if word in not_names or word.rstrip(".") in not_names:
            return words[:index]
    return words


def is_known(text: str, start: int, end: int, known_spans: list[Match[NameRef]], register: Register) -> bool:
    if any(match.start < end and start < match.end for match in known_spans):
        return True
    if after_clerk_label(text, start):
        return False                      # find_names has already judged the clerk's name in its context
    return register.lookup(text[start:end]) is not None


def candidate_name(words: list[str], capitals: bool, require_surname: bool) -> bool:
    """Whether the words look like a personal name (not an acronym or telegram vocabulary)."""
    if not words:
        return False
    if len(words) == 1 and words[0].isupper() and len(letters_of(words[0])) <= 3:
        return False                      # an acronym: "ДДТ", "MID"
    if any(looks_like_surname(word) for word in words):
        return True
    if require_surname:
        return False
    if capitals:
        return len(words) >= 2 and all(len(letters_of(word)) <= 8 for word in words)
    return True


def find_unknown_names(text: str) -> list[str]:
    """Personal-looking names of ``text`` that the register does not know, unique, in source order."""
    if not text:
        return []
    register = load_register()
    not_names = register.language.not_names
    known_spans = find_names(text)
    after_title, after_address, signature = unknown_name_patterns()
    found: list[tuple[int, str]] = []

    def consider(start: int, value: str, capitals: bool, require_surname: bool) -> None:
        words = trim_not_names(value.split(), not_names)
        if not words:
            return
        name = " ".join(words).rstrip(",;:")
        name_start = start + value.find(words[0])
        name_end = name_start + len(name)
        if candidate_name(words, capitals, require_surname) and not is_known(text, name_start, name_end, known_spans, register):
            found.append((name_start, name.rstrip(".") if not re.search(r"\b\w\.$", name) else name))

    for match in after_title.finditer(text):
        if re.search(r"\d\s*$", text[max(0, match.start() - 4):match.start()]):
            continue                      # "600 т. ДДТ" is tons, not a comrade
        for offset, value in split_name_list(match.group("names"), match.start("names")):
            consider(offset, value, capitals=False, require_surname=False)
    for match in after_address.finditer(text):
        value = match.group("names")
        capitals = value.isupper()
        several = len(value.split()) > 1
        consider(match.start("names"), value, capitals=capitals, require_surname=not (capitals and several))
    for match in signature.finditer(text):
        consider(match.start("names"), match.group("names"), capitals=True, require_surname=True)
    for match in clerk_name_pattern().finditer(text):
        consider(match.start("names"), match.group("names"), capitals=False, require_surname=False)
    return list(dict.fromkeys(name for _, name in sorted(found)))


__all__ = ["find_names", "find_unknown_names"]
