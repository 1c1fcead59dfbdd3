"""Read sender, recipients and intermediaries from an archive catalogue title.

Titles follow a few shapes: "Ciphered Telegram No. 25553, Roshchin to Filippov
[Stalin]", "Telegram from Kim Il Sung to Stalin (via Shtykov)", "Cable, Stalin
[Kuznetsov] to Mao Zedong [via Terebin]".  The title is cut into a document
prefix, a sender phrase, a recipient phrase and intermediary phrases; the
names in each come from ``find_names`` over the whole title.

Rules, never guesses:
- a pseudonym resolves to the real person with role "pseudonym" ("Filippov
  [Stalin]"); an editor's bracket right after a recognised name only identifies
  it ("Stalin [Kuznetsov]" is Stalin); a bracket after an unrecognised phrase
  names the correspondent ("the Chairman [Mao Zedong]");
- an office without a name ("the Soviet Ambassador in Peking") resolves to
  nothing;
- places count only when a phrase is nothing but a place ("from Moscow to
  Warsaw"), and only when no person or organisation is named there.
"""
from __future__ import annotations

import functools
import re

from pipeline.model import Correspondents, Match, NameRef
from pipeline.recognise.addressing import title_for_words
from pipeline.recognise.names import find_names
from pipeline.register import TitleGrammar, load_register

OPENING = "[("
CLOSING = "])"
TRIM = " \t\r\n,;:.\"'“”„«»‘’"
LEADING_DATE = re.compile(r"^\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\s+")
NUMBER_TOKEN = re.compile(r"[#№]?\d[\d/\-–.]*[a-zа-я]?")


@functools.cache
def title_grammar() -> TitleGrammar:
    return load_register().language.titles


def alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@functools.cache
def title_patterns() -> dict[str, re.Pattern]:
    grammar = title_grammar()
    via = alternation(grammar.via_words)
    cut = alternation(grammar.cut_words)
    return {
        "bracketed_via": re.compile(rf"[\[(]\s*(?:{via})\s+(?P<names>[^\])]*?)\s*[\])]", re.IGNORECASE),
        "plain_via": re.compile(rf"(?:,\s*|\s+)(?:{via})\s+", re.IGNORECASE),
        "to": re.compile(r",?\s+to\s+", re.IGNORECASE),
        "cut": re.compile(rf"(?:,\s*|\s+)(?:{cut})\b|,\s*(?=\d|No\b|Nº|№|#)|\s+[\[(]?\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}", re.IGNORECASE),
    }


# --------------------------------------------------------------------------
# Bracket structure
# --------------------------------------------------------------------------
def unclosed_bracket(text: str, start: int, position: int) -> int | None:
    """The offset of the innermost bracket opened in ``text[start:position]`` and still open there."""
    stack: list[int] = []
    for index in range(start, position):
        if text[index] in OPENING:
            stack.append(index)
        elif text[index] in CLOSING and stack:
            stack.pop()
    return stack[-1] if stack else None


def outside_brackets(text: str, position: int, excluded: list[tuple[int, int]]) -> bool:
    return unclosed_bracket(text, 0, position) is None and not any(a <= position < b for a, b in excluded)


# --------------------------------------------------------------------------
# Regions of the title
# --------------------------------------------------------------------------
def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The region without surrounding blanks, punctuation and quotes (brackets stay balanced)."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def place_phrase_end(title: str, start: int, places: list[Match[NameRef]]) -> int | None:
    """If ``title[start:]`` begins with nothing but a place ("Moscow", "Beijing,"), where it ends."""
    grammar = title_grammar()
    position = last_end = start
    found = False
    while True:
        while position < len(title) and title[position] in " \t":
            position += 1
        place = next((m for m in places if m.start == position), None)
        if place is not None:
            position = last_end = place.end
            found = True
            continue
        word = re.match(r"[\w'’]+", title[position:])
        if word and word.group().lower() in grammar.place_fillers and word.group().lower() not in ("to", "from"):
            position = last_end = position + word.end()
            continue
        break
    return last_end if found else None


def prefix_end(title: str, matches: list[Match[NameRef]]) -> tuple[int, list[Match[NameRef]]]:
    """Where the document words end ("Ciphered Telegram No. 17318 from Beijing, "), and any from-place."""
    grammar = title_grammar()
    places = [m for m in matches if m.value.kind == "place"]
    date = LEADING_DATE.match(title)
    position = date.end() if date else 0
    from_places: list[Match[NameRef]] = []
    while True:
        token = re.match(r"\s*([^\s]+)", title[position:])
        if token is None:
            return position, from_places
        raw = token.group(1)
        word = raw.strip(",;:\"'“”‘’").lower()
        token_end = position + token.end()
        if word in grammar.document_words or NUMBER_TOKEN.fullmatch(word):
            position = token_end
            continue
        if word in grammar.fillers and document_word_follows(title, token_end):
            position = token_end
            continue
        if word == "from":
            place_end = place_phrase_end(title, token_end, places)
            if place_end is not None and re.match(r"\s*(?:,|$|to\s)", title[place_end:], re.IGNORECASE):
                from_places = [m for m in places if token_end <= m.start < place_end]
                position = skip_destination_place(title, place_end, places)
                comma = re.match(r"\s*,", title[position:])
                position += comma.end() if comma else 0
                continue
            return token_end, from_places
        return position, from_places


def skip_destination_place(title: str, position: int, places: list[Match[NameRef]]) -> int:
    """After "from Beijing", also pass "to Moscow," when persons follow ("… to Moscow, Mao Zedong to Stalin")."""
    destination = re.match(r"\s+to\s+", title[position:], re.IGNORECASE)
    if destination is None:
        return position
    place_end = place_phrase_end(title, position + destination.end(), places)
    if place_end is None:
        return position
    comma = re.match(r"\s*,", title[place_end:])
    if comma and first_split(title, place_end + comma.end(), []) is not None:
        return place_end
    return position


def document_word_follows(title: str, position: int) -> bool:
    """Whether, after filler words, the next word of ``title[position:]`` is a document word."""
    grammar = title_grammar()
    for token in re.finditer(r"[^\s]+", title[position:]):
        word = token.group().strip(",;:\"'“”‘’").lower()
        if word in grammar.document_words:
            return True
        if word not in grammar.fillers or word == "from":
            return False
    return False


def first_split(title: str, start: int, excluded: list[tuple[int, int]]) -> re.Match | None:
    """The " to " between sender and recipient: the first one outside brackets after the prefix."""
    for match in title_patterns()["to"].finditer(title, start):
        if outside_brackets(title, match.start(), excluded):
            return match
    return None


def recipient_end(title: str, start: int, end: int, excluded: list[tuple[int, int]]) -> int:
    """Where the recipient phrase stops: a qualifier ("re …", ", containing …", ", No. 848") or a via bracket."""
    stops = [end]
    for match in title_patterns()["cut"].finditer(title, start, end):
        if outside_brackets(title, match.start(), []):
            stops.append(match.start())
            break
    stops.extend(a for a, _ in excluded if start <= a < end)
    return min(stops)


def split_plain_via(title: str, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """``X via Y`` inside a region → (end of X, region of Y)."""
    for match in title_patterns()["plain_via"].finditer(title, start, end):
        if outside_brackets(title, match.start(), []):
            return match.start(), (match.end(), end)
    return end, None


def split_for(title: str, start: int, end: int) -> re.Match | None:
    """The " for " of "Vyshinsky to Roshchin for Zhou Enlai": who carries the telegram, then who gets it."""
    words = alternation(title_for_words())
    for match in re.finditer(rf"\s+(?:{words})\s+", title[:end], re.IGNORECASE):
        if match.start() >= start and outside_brackets(title, match.start(), []):
            return match
    return None


def drop_leading_segments(title: str, start: int, end: int, matches: list[Match[NameRef]]) -> int:
    """Skip comma-separated leading pieces that name nobody ("Telegram of Congratulations, Stalin")."""
    while True:
        comma = next((i for i in range(start, end) if title[i] == "," and outside_brackets(title, i, [])), None)
        if comma is None:
            return start
        named = any(start <= m.start < comma and m.value.kind != "place" for m in matches)
        rest_named = any(comma < m.start < end and m.value.kind != "place" for m in matches)
        if named or not rest_named:
            return start
        start = comma + 1


# --------------------------------------------------------------------------
# Names of a region
# --------------------------------------------------------------------------
def is_place_only(title: str, start: int, end: int, places: list[Match[NameRef]]) -> bool:
    grammar = title_grammar()
    rest = title[start:end]
    for place in sorted(places, key=lambda m: m.start, reverse=True):
        rest = rest[: place.start - start] + " " + rest[place.end - start:]
    words = re.findall(r"[\w'’]+", rest)
    return bool(places) and all(word.lower() in grammar.place_fillers or word.lower() in ("and", "or") for word in words)


def region_names(title: str, start: int, end: int, matches: list[Match[NameRef]],
                 excluded: list[tuple[int, int]]) -> tuple[NameRef, ...]:
    """The correspondents named in ``title[start:end]``, by the bracket rules of the module."""
    inside = [m for m in matches if start <= m.start and m.end <= end
              and not any(a <= m.start < b for a, b in excluded)]
    kept: list[Match[NameRef]] = []
    last_outside: Match[NameRef] | None = None
    for match in inside:
        opener = unclosed_bracket(title, start, match.start)
        if opener is None:
            kept.append(match)
            last_outside = match
        elif last_outside is None or title[last_outside.end:opener].strip() != "":
            kept.append(match)
    people = [m for m in kept if m.value.kind != "place"]
    if people:
        chosen = people
    else:
        places = [m for m in kept if m.value.kind == "place"]
        chosen = places if is_place_only(title, start, end, places) else []
    return unique_references(m.value for m in chosen)


def unique_references(references) -> tuple[NameRef, ...]:
    seen: dict[str, NameRef] = {}
    for reference in references:
        seen.setdefault(reference.key, reference)
    return tuple(seen.values())


def phrase(title: str, start: int, end: int) -> str | None:
    start, end = trimmed(title, start, end)
    return title[start:end] if end > start else None


# --------------------------------------------------------------------------
# The public function
# --------------------------------------------------------------------------
def parse_title(title: str) -> Correspondents:
    """Senders, recipients and intermediaries named in a catalogue title, with their phrases as written."""
    if not title or not title.strip():
        return Correspondents()
    matches = find_names(title)
    excluded: list[tuple[int, int]] = []
    intermediary_regions: list[tuple[int, int]] = []
    for via in title_patterns()["bracketed_via"].finditer(title):
        excluded.append((via.start(), via.end()))
        intermediary_regions.append((via.start("names"), via.end("names")))

    start, from_places = prefix_end(title, matches)
    split = first_split(title, start, excluded)
    if split is not None:
        sender_start, sender_end = start, split.start()
        recipient_start = split.end()
        recipient_stop = recipient_end(title, recipient_start, len(title), excluded)
    else:
        consumed_from = re.search(r"\bfrom\s*$", title[:start], re.IGNORECASE) is not None
        sender_start, sender_end = (start, recipient_end(title, start, len(title), excluded)) if consumed_from else (start, start)
        recipient_start = recipient_stop = len(title)

    sender_end = min([sender_end] + [a for a, _ in excluded if sender_start <= a < sender_end])
    sender_end, via_in_sender = split_plain_via(title, sender_start, sender_end)
    recipient_stop, via_in_recipient = split_plain_via(title, recipient_start, recipient_stop)
    for region in (via_in_sender, via_in_recipient):
        if region is not None:
            via_end = recipient_end(title, region[0], region[1], excluded)
            intermediary_regions.append((region[0], via_end))
    sender_start = drop_leading_segments(title, sender_start, sender_end, matches)

    senders = region_names(title, sender_start, sender_end, matches, excluded)
    sender_text = phrase(title, sender_start, sender_end)
    if not senders and from_places and sender_text is None:
        senders = unique_references(m.value for m in from_places)
        sender_text = phrase(title, from_places[0].start, from_places[-1].end)
    recipients = region_names(title, recipient_start, recipient_stop, matches, excluded)
    carriers: tuple[NameRef, ...] = ()
    for_split = split_for(title, recipient_start, recipient_stop)
    if for_split is not None:
        final = region_names(title, for_split.end(), recipient_stop, matches, excluded)
        if any(reference.kind != "place" for reference in final):
            carriers = tuple(r for r in region_names(title, recipient_start, for_split.start(), matches, excluded)
                             if r.kind == "person")
            recipients = final
    intermediaries = unique_references(
        [reference for a, b in intermediary_regions for reference in region_names(title, a, b, matches, [])]
        + list(carriers)
    )
    return Correspondents(
        senders=senders,
        recipients=recipients,
        intermediaries=intermediaries,
        sender_text=sender_text,
        recipient_text=phrase(title, recipient_start, recipient_stop),
    )


__all__ = ["parse_title"]
