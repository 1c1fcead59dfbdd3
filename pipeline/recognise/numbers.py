"""Find document numbers (cipher, outgoing, incoming, registration, copy, reply) in telegram text.

A number is recognised only after a number sign (``№``, ``Nº``, ``No.``,
``#``, ``N :`` …) or, for a few labels (``Вх.``, ``Исх.``, ``Экз.``) at the
start of a line, right after the label; a bare ``600742/III`` or ``373/ш``
(3+ digits with a department suffix) needs neither.  The span is the number
as written (``373/ш``, ``1112-1126``), never the sign or the label; the
label decides the type:

* ``cipher``: ``ШИФРТЕЛЕГРАММА № 3172``, ``CIPHERED TELEGRAM No. 3305``,
  ``Cable Nº 4784``, ``Issuing No. 8600``;
* ``incoming``: ``Вх. № 222/ш``, ``Incoming Nº 1397/shs``, ``vkh. No. 20757``;
* ``outgoing``: ``Исх. № …`` or an unlabelled number with a cipher-department
  suffix (``№ 373/ш``, ``No. 302/sh``);
* ``special``: ``Special no. 550``;  ``copy``: ``Экз. № 2``, ``copies NºNº 1-2``;
* ``reply``: numbers of *other* telegrams (``На Ваш № 1112-1126``,
  ``To No. 1726``, ``your telegram No. 3153``, ``To my [telegram] No. 2967``);
* ``registration``: every other signed number (``№ 5204``, ``No. 2974``).

Vocabulary lives in ``pipeline/data/numbers.toml``.  Pure functions: this
module never rewrites text and knows nothing about TEI.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.model import DocumentNumber, Match

_HORIZONTAL_SPACE = r"[ \t\u00a0\u2009\u202f]"
# digits, a range, a department suffix after a slash, or one lowercase letter ("№ 59а")
_NUMBER = r"\d+(?:[-–]\d+)?(?:/(?:\d+|[^\W\d_]{1,4})|[a-zа-яё](?![\w]))?"
_LINE_PREFIX_CHARACTERS = " \t\u00a0*_#>[(\"“«„'‘"


@dataclass(frozen=True)
class _Vocabulary:
    signed_number: re.Pattern[str]
    label_before: re.Pattern[str]
    label_types: dict[str, str]
    unsigned_label_number: re.Pattern[str]
    unsigned_suffix_number: re.Pattern[str]
    reply_before: re.Pattern[str]
    copy_context: re.Pattern[str]
    outgoing_suffixes: frozenset[str]


@cache
def _data() -> dict:
    text = resources.files("pipeline.data").joinpath("numbers.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces flexible."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(_phrase_pattern(phrase) for phrase in ordered)


def _phrase_pattern(phrase: str) -> str:
    words = phrase.split()
    return r"\s+".join(re.escape(word) for word in words)


@cache
def _vocabulary() -> _Vocabulary:
    data = _data()
    signs = _alternation(data["signs"]["literal"])
    signed_number = re.compile(
        rf"(?P<sign>(?<![\w°'’])(?:{signs})(?:{_HORIZONTAL_SPACE}*(?:{signs}))?){_HORIZONTAL_SPACE}*"
        rf"(?P<number>{_NUMBER})(?![\w/])"
        rf"(?P<more>(?:{_HORIZONTAL_SPACE}*(?:,|and|и){_HORIZONTAL_SPACE}*{_NUMBER}(?![\w/]))*)"
    )
    label_types: dict[str, str] = {}
    for entry in data["label"]:
        for phrase in entry["phrases"]:
            label_types[" ".join(phrase.lower().split())] = entry["type"]
    all_labels = _alternation([phrase for entry in data["label"] for phrase in entry["phrases"]])
    label_before = re.compile(
        rf"(?<![\w.])(?P<label>{all_labels})[ \t\u00a0*_,:]*$", re.IGNORECASE
    )
    unsigned_labels = _alternation(
        [phrase for entry in data["label"] if entry.get("unsigned") for phrase in entry["phrases"]]
    )
    unsigned_label_number = re.compile(
        rf"(?<![\w.])(?P<label>{unsigned_labels}){_HORIZONTAL_SPACE}*"
        rf"(?P<number>\d{{1,7}}(?:[-–]\d+)?(?:/(?:\d+|[^\W\d_]{{1,4}}))?)(?![\w/])",
        re.IGNORECASE,
    )
    number_data = data["number"]
    suffixes = _alternation(number_data["outgoing_suffixes"])
    roman = number_data["roman_suffix_pattern"]
    unsigned_suffix_number = re.compile(
        rf"(?<![\w/.,-])(?P<number>\d{{3,}}/(?:(?i:{suffixes})|{roman}))(?![\w/])"
        rf"(?!{_HORIZONTAL_SPACE}*(?:1[89]|20)\d\d)(?!{_HORIZONTAL_SPACE}*г\.)"
    )
    reply = data["reply"]
    reply_before = re.compile(
        rf"(?:(?<![\w])(?:(?P<lead>{_alternation(reply['lead_phrases'])})"
        rf"|(?P<short_lead>{_alternation(reply['line_start_lead_phrases'])})){_HORIZONTAL_SPACE}+)?"
        rf"(?:(?<![\w])(?P<possessive>{_alternation(reply['possessives'])}){_HORIZONTAL_SPACE}+)?"
        rf"(?:[\[(]?(?<![\w])(?P<telegram>{_alternation(reply['telegram_words'])})[\])]?{_HORIZONTAL_SPACE}*)?"
        rf"[ \t\u00a0*_,:]*$",
        re.IGNORECASE,
    )
    copy_context = re.compile(
        rf"(?<![\w])(?:{_alternation(data['copy_context']['words'])})(?![\w])", re.IGNORECASE
    )
    return _Vocabulary(
        signed_number=signed_number,
        label_before=label_before,
        label_types=label_types,
        unsigned_label_number=unsigned_label_number,
        unsigned_suffix_number=unsigned_suffix_number,
        reply_before=reply_before,
        copy_context=copy_context,
        outgoing_suffixes=frozenset(suffix.lower() for suffix in number_data["outgoing_suffixes"]),
    )


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------
def find_numbers(text: str) -> list[Match[DocumentNumber]]:
    """Every document number in ``text``, typed by its label, in text order."""
    matches: list[Match[DocumentNumber]] = []
    matches.extend(_signed_numbers(text))
    matches.extend(_unsigned_label_numbers(text))
    matches.extend(_unsigned_suffix_numbers(text))
    return _with_reply_companions(text, _without_overlaps(matches))


def _with_reply_companions(text: str, matches: list[Match[DocumentNumber]]) -> list[Match[DocumentNumber]]:
    """A number in brackets right after a reply number is the same earlier telegram's other number.

    "To my [telegram] No. 2967 (vkh. No. 20757)": 20757 is the incoming number
    of telegram 2967, not a number of this telegram.
    """
    result: list[Match[DocumentNumber]] = []
    for match in matches:
        previous = result[-1] if result else None
        if (previous is not None and previous.value.type == "reply" and match.value.type != "reply"
                and re.fullmatch(r"[ \t\u00a0]*[(\[][^()\[\]\n]{0,24}", text[previous.end:match.start])):
            match = Match(match.start, match.end, DocumentNumber(type="reply", value=match.value.value))
        result.append(match)
    return result


def find_title_numbers(title: str) -> list[Match[DocumentNumber]]:
    """Numbers in a catalogue title ("Cable No. 4785, Filippov [Stalin] …"): all cipher numbers.

    A title names one telegram, so a signed number in it is that telegram's
    cipher number, wherever it stands ("Secret Telegram from Moscow to Warsaw,
    No. 848"); only an explicit reply ("in reply to No. …") keeps its type.
    """
    result: list[Match[DocumentNumber]] = []
    for match in _signed_numbers(title):
        number = match.value
        if number.type != "reply":
            number = DocumentNumber(type="cipher", value=number.value)
        result.append(Match(match.start, match.end, number))
    # a title whose spaces were lost in the export ("Ciphered TelegramNo. 27418"): the sign
    # glued to the word before it still signs the telegram's number
    for glued in _GLUED_TITLE_NUMBER.finditer(title):
        start, end = glued.start("number"), glued.end("number")
        if not any(m.start < end and start < m.end for m in result):
            result.append(Match(start, end, DocumentNumber(type="cipher", value=glued.group("number"))))
    return sorted(result, key=lambda m: m.start)


_GLUED_TITLE_NUMBER = re.compile(rf"(?<=[^\W_])(?:No\.|№|Nº)[ \t\u00a0]*(?P<number>{_NUMBER})(?![\w/])")


# --------------------------------------------------------------------------
# Signed numbers: "№ 373/ш", "CABLE Nº 2220", "copies NºNº 1-2"
# --------------------------------------------------------------------------
def _signed_numbers(text: str) -> list[Match[DocumentNumber]]:
    vocabulary = _vocabulary()
    result: list[Match[DocumentNumber]] = []
    for found in vocabulary.signed_number.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        before = text[line_start : found.start()]
        if _is_markdown_heading_hash(found.group("sign"), before):
            continue
        if _is_compass_letter(found.group("sign"), before):
            continue
        number_type = _type_of_signed_number(before, found.group("number"))
        result.append(_number_match(found.start("number"), found.group("number"), number_type))
        if _is_plural_sign(found.group("sign")):
            more_start = found.start("more")
            for extra in re.finditer(_NUMBER, found.group("more")):
                result.append(_number_match(more_start + extra.start(), extra.group(), number_type))
    return result


def _is_markdown_heading_hash(sign: str, before: str) -> bool:
    """"## 1950" at the start of a line is a Markdown heading, not a number sign."""
    return sign.lstrip().startswith("#") and before.strip(" \t\u00a0#") == ""


def _is_compass_letter(sign: str, before: str) -> bool:
    """A bare "N" after a number or degree sign is a compass point ("38 N 125 E")."""
    return sign.strip() == "N" and before.rstrip(" \t\u00a0").endswith(
        ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "°", "'", "’", "″", '"')
    )


def _is_plural_sign(sign: str) -> bool:
    """"Nos.", or a doubled sign: "№№", "NºNº", "N :N :"."""
    compact = re.sub(r"\s", "", sign)
    half = len(compact) // 2
    doubled = len(compact) > 1 and compact[:half] == compact[half:]
    return compact.lower().startswith("nos") or doubled


def _type_of_signed_number(before: str, value: str) -> str:
    """The type a signed number gets from the words on its line before the sign."""
    vocabulary = _vocabulary()
    label = vocabulary.label_before.search(before)
    label_type = _label_type(label.group("label")) if label else None
    if label_type in {"incoming", "outgoing", "special", "copy", "registration"}:
        return label_type
    if _is_reply_context(before):
        return "reply"
    if label_type == "cipher":
        return "cipher"
    if _is_copy_context(before, value):
        return "copy"
    return _type_from_suffix(value)


def _label_type(label: str) -> str | None:
    return _vocabulary().label_types.get(" ".join(label.lower().split()))


def _is_reply_context(before: str) -> bool:
    """True when the words before the sign make the number a reference to another telegram."""
    found = _vocabulary().reply_before.search(before)
    if found is None:
        return False
    if found.group("possessive") or found.group("lead"):
        return True
    if not found.group("short_lead"):
        return False
    if found.group("telegram"):
        return True
    # a bare "To No. 1726" only at a line or sentence start
    preceding = before[: found.start("short_lead")].rstrip(" \t\u00a0")
    return preceding.strip(_LINE_PREFIX_CHARACTERS) == "" or preceding.endswith((".", ";", ":", "(", "!"))


def _is_copy_context(before: str, value: str) -> bool:
    """A small bare number on a line that speaks of copies: "Two copies printed. Nº 2 to file"."""
    small = re.fullmatch(r"\d{1,2}(?:[-–]\d{1,2})?", value) is not None
    return small and _vocabulary().copy_context.search(before) is not None


def _type_from_suffix(value: str) -> str:
    """Outgoing for cipher-department suffixes (373/ш, 302/sh), registration otherwise."""
    if "/" not in value:
        return "registration"
    suffix = value.rsplit("/", 1)[1]
    if suffix.lower() in _vocabulary().outgoing_suffixes:
        return "outgoing"
    return "registration"


# --------------------------------------------------------------------------
# Unsigned numbers: "Вх. 222/ш" at a line start, bare "600742/III"
# --------------------------------------------------------------------------
def _unsigned_label_numbers(text: str) -> list[Match[DocumentNumber]]:
    result: list[Match[DocumentNumber]] = []
    for found in _vocabulary().unsigned_label_number.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        if text[line_start : found.start()].strip(_LINE_PREFIX_CHARACTERS) != "":
            continue
        number_type = _label_type(found.group("label")) or "registration"
        result.append(_number_match(found.start("number"), found.group("number"), number_type))
    return result


def _unsigned_suffix_numbers(text: str) -> list[Match[DocumentNumber]]:
    vocabulary = _vocabulary()
    result: list[Match[DocumentNumber]] = []
    for found in vocabulary.unsigned_suffix_number.finditer(text):
        value = found.group("number")
        line_start = text.rfind("\n", 0, found.start()) + 1
        before = text[line_start : found.start()]
        label = vocabulary.label_before.search(before)
        label_type = _label_type(label.group("label")) if label else None
        if label_type is None or label_type == "registration":
            label_type = _type_from_suffix(value)
        result.append(_number_match(found.start("number"), value, label_type))
    return result


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def _number_match(start: int, value: str, number_type: str) -> Match[DocumentNumber]:
    return Match(start, start + len(value), DocumentNumber(type=number_type, value=value))


def _without_overlaps(matches: list[Match[DocumentNumber]]) -> list[Match[DocumentNumber]]:
    """Keep the first-found of overlapping matches (signed numbers are found first)."""
    kept: list[Match[DocumentNumber]] = []
    for match in matches:
        if all(match.end <= other.start or match.start >= other.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda match: (match.start, match.end))
