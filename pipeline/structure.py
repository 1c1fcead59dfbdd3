"""The structure pass: give every block of a text its role (heading, marks, opener, paragraph, signature …).

Roles come from what the recognisers found in a block and where it stands:
the apparatus at the top of a telegram, the text, the signature and what
follows it.  The TEI writer turns roles into elements; a role never changes
text.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import (Block, DateValue, DistributionItem, DistributionTotal, DocumentNumber, Editorial, Mark, NameRef,
                    TransmissionEvent)
from .recognise.dates import parse_date

_WORD = re.compile(r"\w+")
_ADDRESS_WORDS = re.compile(
    r"\b(ambassador|sovambassador|совпосол|посол[уа]?|to comrade|to cde|for comrade|for cde|to comr|"
    r"тов\.|товарищу|для|from|to|for|destination|to whom|передано|передана|transmitted)\b", re.I)
_HEADING_WORDS = re.compile(r"^(?:ciphered telegram|шифртелеграмма|cable|телеграмма|telegram)\b", re.I)
_SALUTE = re.compile(r"^[\"“«]?\s*(?:dear|comrade|comrades|cde\.|cdes\.|comr\.|товарищ|товарищи|тов\.|уважаемый)\b", re.I)
_SIGNED_PREFIX = re.compile(r"^(?:signed|подпись)\s*:\s*", re.I)
# A clerk's mark at the foot of a cipher-office copy: "отп. Кузнецова" (a name the register need not know)
_CLERK_MARK = re.compile(r"^(?:[Оо]тп\.|[Оо]тпечатала?|[Рр]асшифровала?|[Тт]yped by|[Dd]eciphered by)\s*"
                         r"[A-ZА-ЯЁ][\w-]+\.?$")


def assign_roles(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    roles = [_role(block) for block in blocks]
    roles = _settle_top(blocks, roles)
    roles = _closing_signature(blocks, roles)
    return tuple(replace(block, role=role) for block, role in zip(blocks, roles))


def _role(block: Block) -> str:
    if block.role not in ("p",):
        return block.role                       # a reader or an earlier pass knew better
    text = block.text.strip()
    words = _WORD.findall(text)
    spans = block.spans
    if _only(spans, text, Editorial, lambda v: v.type == "pagebreak"):
        return "pagebreak"
    if any(isinstance(m.value, (DistributionItem, DistributionTotal)) for m in spans):
        return "distribution"
    if _covered(text, spans, (Mark,)) >= 0.6 or _only_copy_number(text, spans):
        return "fw"
    if len(words) <= 8 and (any(isinstance(m.value, DocumentNumber) and m.value.type == "cipher" for m in spans)
                            and _HEADING_WORDS.search(text) or _HEADING_WORDS.fullmatch(text.rstrip(".: "))):
        return "head"
    if any(isinstance(m.value, TransmissionEvent) for m in spans) and len(words) <= 30:
        return "opener"
    if _is_dateline(text, spans):
        return "dateline"
    if _is_number_line(text, spans):
        return "number"
    if len(words) <= 8 and (text.rstrip('"”').endswith("!") or _SALUTE.match(text) and text.endswith((",", "!"))):
        return "salute"
    if len(words) <= 10 and not text.endswith(":") and _ADDRESS_WORDS.search(text) and not _is_sentence(text):
        return "address"
    if _is_signature(text, spans, words):
        return "signed"
    return "p"


_TOP_CANDIDATES = ("fw", "head", "opener", "address", "salute", "pagebreak", "number", "dateline", "signed")


def _settle_top(blocks, roles: list[str]) -> list[str]:
    """Apparatus roles hold only before the text starts; later they are paragraphs again."""
    result = []
    started = False
    for block, role in zip(blocks, roles):
        if not started and (role in _TOP_CANDIDATES or (role == "p" and _is_apparatus(block))):
            result.append({"address": "opener", "number": "opener", "dateline": "opener", "p": "opener", "signed": "opener"}.get(role, role))
            continue
        started = True
        result.append("p" if role in ("head", "address", "salute", "opener", "fw") else role)
    return result


# A paragraph this long after a signature means the signature was not the closing one
# (a telegram quoted inside a telegram signs off before the text goes on).
_LONG_PARAGRAPH_WORDS = 25


def _closing_signature(blocks, roles: list[str]) -> list[str]:
    """Only the first signature after which no long paragraph follows opens the closing part."""
    result = list(roles)
    long_after = [False] * (len(blocks) + 1)
    for index in range(len(blocks) - 1, -1, -1):
        is_long = result[index] == "p" and len(_WORD.findall(blocks[index].text)) >= _LONG_PARAGRAPH_WORDS
        long_after[index] = long_after[index + 1] or is_long
    closing = next((i for i, role in enumerate(result) if role == "signed" and not long_after[i + 1]), None)
    for index, role in enumerate(result):
        if role == "signed" and index != closing and (closing is None or index < closing):
            result[index] = "signature"
    return result


def _is_apparatus(block: Block) -> bool:
    """A short block of telegram apparatus: marks, numbers, times, an address, an empty label."""
    text = block.text.strip()
    words = _WORD.findall(text)
    if len(words) > 20 or (text.endswith(":") and len(words) > 2):
        return False
    if text.endswith(":"):
        return True                                   # an empty field: "Передана:"
    if any(isinstance(m.value, (Mark, TransmissionEvent)) or
           (isinstance(m.value, DocumentNumber) and m.value.type != "reply") for m in block.spans):
        return True
    if len(words) <= 4 and _covered(text, block.spans, (NameRef,)) >= 0.6:
        return True                                   # an office or addressee line: "Tenth Department"
    short = len(words) <= 10 and not _is_sentence(text)
    return short and (any(isinstance(m.value, (DateValue, DocumentNumber)) or
                          (isinstance(m.value, Editorial) and m.value.type == "spaced") for m in block.spans)
                      or bool(_ADDRESS_WORDS.search(text)))


def _covered(text: str, spans, kinds) -> float:
    letters = sum(1 for c in text if c.isalnum())
    if not letters:
        return 0.0
    covered = sum(sum(1 for c in text[m.start:m.end] if c.isalnum()) for m in spans if isinstance(m.value, kinds))
    return covered / letters


def _only(spans, text: str, kind, predicate) -> bool:
    return any(isinstance(m.value, kind) and predicate(m.value) and not text[:m.start].strip()
               and not text[m.end:].strip() for m in spans)


def _only_copy_number(text: str, spans) -> bool:
    return len(text) <= 20 and any(isinstance(m.value, DocumentNumber) and m.value.type == "copy" for m in spans)


def _is_dateline(text: str, spans) -> bool:
    if parse_date(text.rstrip('.”"')) is not None:
        return True
    dates = [m for m in spans if isinstance(m.value, (DateValue, TransmissionEvent))]
    if not dates:
        return False
    rest = text
    for match in sorted(dates, key=lambda m: -m.start):
        rest = rest[:match.start] + rest[match.end:]
    # "24.III.50 Shtykov": a date and a name only
    leftover = _WORD.findall(rest)
    return len(leftover) <= 3 and len(text) <= 60 and not text.endswith(":")


def _is_number_line(text: str, spans) -> bool:
    numbers = [m for m in spans if isinstance(m.value, DocumentNumber) and m.value.type != "reply"]
    if not numbers or len(text) > 40:
        return False
    rest = text
    for match in sorted(numbers, key=lambda m: -m.start):
        rest = rest[:match.start] + rest[match.end:]
    return len(_WORD.findall(rest)) <= 2 and not _is_sentence(text)


_SPACED_LETTERS = re.compile(r"\b\w(?: \w\b){2,}")


def _is_signature(text: str, spans, words: list[str]) -> bool:
    text = _SPACED_LETTERS.sub(lambda m: m.group().replace(" ", ""), text)   # "F I L I P P O V" is one word
    words = _WORD.findall(text)
    body = _SIGNED_PREFIX.sub("", text).strip('“”"., ')
    if _SIGNED_PREFIX.match(text) or _CLERK_MARK.match(text.strip()):
        return True
    if not body or len(words) > 6 or len(text) > 60:
        return False
    without_brackets = re.sub(r"[\[(][^\])]*[\])]", "", body).strip(' .,"”')
    name_letters = [c for c in without_brackets if c.isalpha()]
    if not name_letters:
        return False
    is_upper = sum(1 for c in name_letters if c.isupper()) / len(name_letters) >= 0.8 and len(name_letters) >= 4
    names = [m for m in spans if isinstance(m.value, NameRef) and m.value.kind == "person"]
    name_cover = sum(m.end - m.start for m in names)
    is_name = bool(names) and name_cover >= 0.6 * len(without_brackets.replace(" ", ""))
    return (is_upper and len(_WORD.findall(without_brackets)) <= 4) or is_name


def _is_sentence(text: str) -> bool:
    """Running text: several words and a verb-like shape (ends in a full stop after many words)."""
    return len(_WORD.findall(text)) > 6 and text.rstrip().endswith((".", ";"))
