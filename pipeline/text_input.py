"""Turning the bytes of a source export into clean text: refuse binary data, detect the encoding, clean characters.

Everything here happens before any reader sees the text, so that the
word accounting of ``pipeline.convert`` compares the TEI with the text as
cleaned.  Every change is reported (count and first line); nothing that
XML 1.0 forbids survives.  This module never guesses silently: where the
encoding cannot be told it refuses the file.
"""
from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import EditionError


@dataclass(frozen=True)
class Decoded:
    """The text of an export and what had to be assumed to read it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cleaned:
    """Text after cleaning, and one warning per kind of character removed or replaced."""

    text: str
    warnings: tuple[str, ...] = ()


class SourceText(str):
    """A source's cleaned text that remembers the warnings of reading it (``notes``)."""

    notes: tuple[str, ...]

    def __new__(cls, text: str, notes: tuple[str, ...] = ()) -> SourceText:
        instance = super().__new__(cls, text)
        instance.notes = tuple(notes)
        return instance


@cache
def settings() -> dict:
    """pipeline/data/input.toml, loaded once."""
    with resources.files("pipeline.data").joinpath("input.toml").open("rb") as handle:
        return tomllib.load(handle)


def max_bytes() -> int:
    return int(settings()["limits"]["max_bytes"])


# --------------------------------------------------------------------------
# Bytes → text
# --------------------------------------------------------------------------
def decode_source(data: bytes, path: str | None = None) -> Decoded:
    """The text of an export: UTF-8 (± BOM), UTF-16/32 with BOM, or a Cyrillic single-byte encoding told apart by letters."""
    refuse_binary(data, path)
    with_mark = decode_with_byte_order_mark(data, path)
    if with_mark is not None:
        return with_mark
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    line = data[: utf8_error.start].count(b"\n") + 1
    if has_utf8_sequences(data):
        raise EditionError(f"not valid UTF-8 text: byte 0x{data[utf8_error.start]:02x} cannot be read "
                           f"(the rest of the file is UTF-8)", path, line)
    return decode_cyrillic(data, path, line)


def refuse_binary(data: bytes, path: str | None) -> None:
    """EditionError for PDF, ZIP, images … and for data with NUL bytes not announced as UTF-16/32."""
    for kind, signature in settings()["binary"]["signatures"].items():
        if data.startswith(bytes.fromhex(signature)):
            raise EditionError(f"binary data ({kind}), not a text export", path)
    if b"\x00" in data and byte_order_mark_encoding(data) in (None, "utf-8-sig"):
        count = data.count(b"\x00")
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        hint = (": UTF-16 text without a byte order mark? Save it as UTF-8" if looks_like_utf16(data)
                else ", not a text export")
        raise EditionError(f"binary data ({count} NUL byte(s)){hint}", path, line)


def looks_like_utf16(data: bytes) -> bool:
    """True when the bytes read as UTF-16 (either order) give printable text."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and all(character.isprintable() or character in "\n\r\t" for character in text):
            return True
    return False


def byte_order_mark_encoding(data: bytes) -> str | None:
    marks = settings()["encodings"]["byte_order_marks"]
    for encoding, mark in sorted(marks.items(), key=lambda item: -len(item[1])):
        if data.startswith(bytes.fromhex(mark)):
            return encoding
    return None


def decode_with_byte_order_mark(data: bytes, path: str | None) -> Decoded | None:
    """The text when a byte order mark names the encoding; None without a mark."""
    encoding = byte_order_mark_encoding(data)
    if encoding is None:
        return None
    body = data[len(bytes.fromhex(settings()["encodings"]["byte_order_marks"][encoding])):]
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        line = body[: error.start].decode(codec, errors="replace").count("\n") + 1
        raise EditionError(f"not valid {codec.upper()} text despite its byte order mark", path, line) from None
    warnings = () if encoding == "utf-8-sig" else (f"read as {codec.upper()} (byte order mark)",)
    return Decoded(text, codec, warnings)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def has_utf8_sequences(data: bytes) -> bool:
    """True when the bytes contain well-formed multi-byte UTF-8: the file is UTF-8 with a few bad bytes."""
    sequences = len(_UTF8_SEQUENCE.findall(data))
    high_bytes = sum(1 for byte in data if byte >= 0x80)
    # In cp1251/KOI8-R text, pairs that happen to look like UTF-8 are rare;
    # in UTF-8 text nearly every high byte belongs to a sequence.
    return sequences > 0 and sequences * 2 >= high_bytes * 0.5


def decode_cyrillic(data: bytes, path: str | None, line: int) -> Decoded:
    """The single-byte Cyrillic encoding whose letters look most like Russian, or an EditionError if unsure."""
    options = settings()["encodings"]["cyrillic"]
    scores: list[tuple[float, str, str]] = []
    for encoding in options["candidates"]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = russian_score(text)
        if score is not None and score[0] / score[1] >= options["minimum_mean_score"]:
            scores.append((score[0], encoding, text))
    scores.sort(key=lambda item: (-item[0], item[1]))
    if not scores:
        raise EditionError("not valid UTF-8 text, and not recognisably Russian in Windows-1251, KOI8-R "
                           "or Mac Cyrillic: convert it to UTF-8", path, line)
    best_score, encoding, text = scores[0]
    margin = best_score - scores[1][0] if len(scores) > 1 else math.inf
    if margin < options["minimum_margin"]:
        names = " or ".join(options["names"][item[1]] for item in scores[:2])
        raise EditionError(f"not valid UTF-8 text; cannot tell whether it is {names}: "
                           "convert it to UTF-8", path, line)
    name = options["names"][encoding]
    return Decoded(text, encoding, (f"not UTF-8: read as {name} (assumed from its Cyrillic letters)",))


def russian_score(text: str) -> tuple[float, int] | None:
    """(log-likelihood of reading ``text`` as Russian less penalties, number of Cyrillic letters).

    None with too few letters to judge.
    """
    options = settings()["encodings"]["cyrillic"]
    frequencies = letter_log_frequencies()
    letters = [character for character in text if "\u0400" <= character <= "\u04ff"]
    if len(letters) < options["minimum_letters"]:
        return None
    floor = min(frequencies.values()) - options["foreign_letter_penalty"]
    likelihood = sum(frequencies.get(letter.lower(), floor) for letter in letters)
    mixed_case = len(re.findall(r"[а-яё][А-ЯЁ]", text))
    mixed_script = len(re.findall(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]", text))
    # Sentences begin with a capital; a reading that turns capitals into symbols (". —ообщаем") does not.
    lowercase_starts = len(re.findall(r"(?:\A|[.!?]\s+)[^\w\s]?[а-яё]", text))
    # Dashes, closing quotes and ellipses glued to the start of a word, opening quotes to its end.
    glued = len(re.findall(r"(?:^|\s)[—–…»”’][а-яё]|[а-яё][«“„‘](?:\s|$)", text, re.MULTILINE))
    punctuation = set(options["punctuation"])
    symbols = sum(1 for character in text
                  if ord(character) >= 0x80 and not character.isalpha() and character not in punctuation)
    penalty = (options["mixed_case_penalty"] * mixed_case + options["mixed_script_penalty"] * mixed_script
               + options["lowercase_start_penalty"] * lowercase_starts + options["glued_penalty"] * glued
               + options["symbol_penalty"] * symbols)
    return likelihood - penalty, len(letters)


@cache
def letter_log_frequencies() -> dict[str, float]:
    table = settings()["encodings"]["cyrillic"]["frequencies"]
    total = sum(table.values())
    # Against a uniform choice among the letters: common letters score above 0, rare ones below, so
    # that a reading with fewer letters (capitals turned into symbols) gains nothing by it.
    return {letter: math.log(value / total * len(table)) for letter, value in table.items()}


# --------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------
_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")
# Characters XML 1.0 forbids (besides the line-breaking controls handled apart).
_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_NON_CHARACTER = re.compile(r"[\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> Cleaned:
    """Line ends to ``\\n``; forbidden and invisible characters removed or replaced; NFC.  Idempotent."""
    warnings: list[str] = []
    lone_returns = _LONE_CARRIAGE_RETURN.findall(text)
    text = text.replace("\r\n", "\n")
    if lone_returns:
        first = first_line(text, "\r")
        text = text.replace("\r", "\n")
        warnings.append(f"{len(lone_returns)} lone carriage return(s) read as line ends (first on line {first})")
    options = settings()["cleaning"]
    text = replace_characters(text, re.compile("[" + "".join(options["line_breaking"]) + "]"), "\n",
                              "vertical tab/form feed character(s) (not allowed in XML) replaced by line ends",
                              warnings)
    text = replace_characters(text, _FORBIDDEN_CONTROL, "",
                              "control character(s) that XML forbids (NUL and others) removed", warnings)
    text = replace_characters(text, _NON_CHARACTER, "\ufffd",
                              "non-character(s) or lone surrogate(s) (not allowed in XML) replaced by U+FFFD",
                              warnings)
    text = replace_characters(text, re.compile("[" + re.escape("".join(options["invisible"])) + "]"), "",
                              "invisible character(s) (zero-width, soft hyphen, direction marks) removed",
                              warnings)
    composed = unicodedata.normalize("NFC", text)
    if composed != text:
        line = first_difference_line(text, composed)
        warnings.append(f"combining characters composed to Unicode NFC (first on line {line})")
        text = composed
    return Cleaned(text, tuple(warnings))


def replace_characters(text: str, pattern: re.Pattern, replacement: str, description: str,
                       warnings: list[str]) -> str:
    """``text`` with every match of ``pattern`` replaced; a warning with count and first line if any."""
    first = pattern.search(text)
    if first is None:
        return text
    cleaned, count = pattern.subn(replacement, text)
    line = text.count("\n", 0, first.start()) + 1
    warnings.append(f"{count} {description} (first on line {line})")
    return cleaned


def first_line(text: str, character: str) -> int:
    return text.count("\n", 0, text.index(character)) + 1


def first_difference_line(before: str, after: str) -> int:
    position = next((index for index, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    return before.count("\n", 0, position) + 1


def refuse_long_paragraphs(text: str, path: str | None = None) -> None:
    """EditionError for a paragraph (lines between blank lines) longer than the limit in input.toml.

    Recognisers compare the spans of one paragraph with each other, so time
    grows with the square of a paragraph's length: a bound keeps every export
    within seconds.
    """
    limit = int(settings()["limits"]["max_paragraph_characters"])
    length, start = 0, 1
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            length, start = 0, number + 1
            continue
        length += len(line) + 1
        if length > limit:
            raise EditionError(f"a paragraph (lines without a blank line between them) is longer than "
                               f"{limit:,} characters: the limit per paragraph (pipeline/data/input.toml)",
                               path, start)


def source_text(data: bytes, path: str | None = None) -> SourceText:
    """Bytes of an export → cleaned text carrying the warnings of decoding and cleaning."""
    decoded = decode_source(data, path)
    cleaned = clean_text(decoded.text)
    if not cleaned.text.strip():
        raise EditionError("empty file: no text to convert", path)
    refuse_long_paragraphs(cleaned.text, path)
    return SourceText(cleaned.text, decoded.warnings + cleaned.warnings)


__all__ = ["Decoded", "Cleaned", "SourceText", "decode_source", "clean_text", "source_text", "max_bytes"]
