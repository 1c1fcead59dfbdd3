"""The master register of persons, places and organisations, and lookup of written names in it.

The data are the TOML files beside this module (``persons.toml``,
``places.toml``, ``organisations.toml``); ``load_register`` reads them once
per process.  Every written form of an entry — listed variants and the Russian
case forms generated from them — is indexed under a *key*: the form folded to
lower case, ``ё`` → ``е``, Latin diacritics removed, everything but letters and
digits dropped.  So "F I L I P P O V", "Filippov." and "ФИЛИППОВ" all find
Stalin.  The register never guesses: a key shared by two entries finds nothing.
"""
from __future__ import annotations

import functools
import itertools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.errors import EditionError

HERE = Path(__file__).resolve().parent

# kind → (file, table name in the file, id prefix, default Russian inflection)
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "person": ("persons.toml", "person", "per-", "auto"),
    "place": ("places.toml", "place", "pl-", "auto"),
    "org": ("organisations.toml", "org", "org-", "none"),
}
LANGUAGES = ("en", "ru", "zh", "ko", "pl")
VARIANT_TYPES = ("name", "pseudonym", "surname", "short")
DECLENSION_MODES = ("auto", "all", "first", "last", "none")
CASES = ("genitive", "dative", "accusative", "instrumental", "prepositional")
ENTRY_FIELDS = {"id", "name_en", "name_ru", "birth", "death", "note", "wikidata", "geonames", "viaf", "ru_decline",
                "sort", "family_first"}

# Letters outside Unicode decomposition that still have a plain Latin reading.
SPECIAL_FOLDS = {"ł": "l", "ß": "ss", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"}


# --------------------------------------------------------------------------
# The model of the register
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Variant:
    """One listed written form of an entry."""

    text: str
    lang: str                 # en | ru | zh | ko | pl
    type: str = "name"        # name | pseudonym | surname | short
    sic: bool = False         # a misspelling found in the sources ("Flippov")


@dataclass(frozen=True)
class Entry:
    """A person, place or organisation of the register."""

    id: str
    kind: str                 # person | place | org
    name_en: str
    name_ru: str | None = None
    variants: tuple[Variant, ...] = ()
    wikidata: str | None = None
    geonames: str | None = None
    viaf: str | None = None
    note: str | None = None
    birth: int | None = None
    death: int | None = None
    sort: str | None = None   # the register's own sort form, where the rule below would be wrong
    family_first: bool = False   # the name is written family name first ("Mao Zedong")

    @property
    def index_name(self) -> str:
        """The entry's heading in an index: "Stalin, Joseph"; "Mao Zedong" (family name first) and
        places and organisations as named."""
        if self.sort:
            return self.sort
        words = self.name_en.split()
        if self.kind != "person" or self.family_first or len(words) < 2:
            return self.name_en
        return f"{words[-1]}, {' '.join(words[:-1])}"

    @property
    def sort_key(self) -> str:
        """The index heading as a TEI sort key, a single word (teidata.word: no spaces):
        "stalin_joseph", "mao_zedong"; "_" sorts before every letter, as the space it replaces."""
        return "_".join(re.findall(r"[^\s,]+", self.index_name.lower()))


@dataclass(frozen=True)
class Form:
    """A written form under which an entry is indexed: a listed variant or a generated case form."""

    text: str
    key: str
    entry_id: str
    kind: str
    lang: str
    type: str
    sic: bool
    generated: bool


@dataclass(frozen=True)
class DeclensionRule:
    """Russian case endings for words ending in one of ``endings``."""

    endings: tuple[str, ...]
    strip: int
    cases: tuple[tuple[str, ...], ...]   # one tuple of alternatives per case in CASES


@dataclass(frozen=True)
class TitleGrammar:
    """Words of catalogue titles ("Ciphered Telegram No. 1, X to Y (via Z)")."""

    document_words: frozenset[str]
    fillers: frozenset[str]
    via_words: tuple[str, ...]
    cut_words: tuple[str, ...]
    place_fillers: frozenset[str]


@dataclass(frozen=True)
class Language:
    """Language data shared by the register and the recognisers."""

    comrade_titles: tuple[str, ...]
    ranks: tuple[str, ...]
    not_names: frozenset[str]
    address_words: tuple[str, ...]
    surname_endings: tuple[str, ...]
    declension: tuple[DeclensionRule, ...]
    titles: TitleGrammar


# --------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------
def fold_character(character: str) -> str:
    """The comparison form of one character: lower case, ё → е, Latin diacritics removed."""
    lower = character.lower()
    if lower == "ё":
        return "е"
    if all("\u0400" <= c <= "\u04ff" for c in lower):
        return lower                      # keep й, not и + breve
    if lower in SPECIAL_FOLDS:
        return SPECIAL_FOLDS[lower]
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """The index key of a written name: folded letters and digits only."""
    return "".join(fold_character(c) for c in text if c.isalnum())


def letters_of(text: str) -> str:
    """The letters and digits of ``text`` as written (case kept)."""
    return "".join(c for c in text if c.isalnum())


# --------------------------------------------------------------------------
# Russian case forms
# --------------------------------------------------------------------------
def is_cyrillic_word(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def matching_rule(word: str, rules: tuple[DeclensionRule, ...]) -> DeclensionRule | None:
    lower = word.lower()
    for rule in rules:
        if any(lower.endswith(ending) for ending in rule.endings) and len(lower) > rule.strip:
            return rule
    return None


def inflect_word(word: str, case_index: int, rules: tuple[DeclensionRule, ...]) -> tuple[str, ...]:
    """The forms of ``word`` in one case; the word itself when it does not inflect."""
    rule = matching_rule(word, rules)
    if rule is None or not is_cyrillic_word(word):
        return (word,)
    stem = word[: len(word) - rule.strip] if rule.strip else word
    upper = word.isupper() and len(word) > 1
    forms = []
    for ending in rule.cases[case_index]:
        if ending == "":
            forms.append(word)
        else:
            forms.append(stem + (ending.upper() if upper else ending))
    return tuple(forms)


def inflect_phrase(phrase: str, mode: str, rules: tuple[DeclensionRule, ...]) -> set[str]:
    """Russian case forms of a nominative phrase.

    ``auto`` inflects every word alike ("Советский Союз" → "Советского Союза")
    and also the last word alone ("Ким Ир Сен" → "Ким Ир Сена"); ``first``
    inflects the head noun only ("Совет Министров СССР" → "Совета Министров
    СССР").  Over-generation is harmless: a form nobody writes is never met.
    """
    if mode == "none" or phrase.isupper() or any(c.isdigit() for c in phrase):
        return set()
    words = phrase.split()
    if not words:
        return set()
    positions: list[tuple[int, ...]] = {
        "auto": [tuple(range(len(words))), (len(words) - 1,)],
        "all": [tuple(range(len(words)))],
        "first": [(0,)],
        "last": [(len(words) - 1,)],
    }[mode]
    forms: set[str] = set()
    for inflected in positions:
        for case_index in range(len(CASES)):
            choices = [
                inflect_word(word, case_index, rules) if index in inflected else (word,)
                for index, word in enumerate(words)
            ]
            for combination in itertools.islice(itertools.product(*choices), 32):
                forms.add(" ".join(combination))
    forms.discard(phrase)
    return forms


# --------------------------------------------------------------------------
# Reading the TOML files
# --------------------------------------------------------------------------
def parse_group_name(group: str) -> tuple[str, str, bool, bool] | None:
    """``ru_pseudonym_sic_forms`` → ("ru", "pseudonym", sic=True, forms=True); None if not a group."""
    parts = group.split("_")
    if parts[0] not in LANGUAGES:
        return None
    lang, rest = parts[0], parts[1:]
    forms = bool(rest) and rest[-1] == "forms"
    if forms:
        rest = rest[:-1]
    sic = bool(rest) and rest[-1] == "sic"
    if sic:
        rest = rest[:-1]
    if len(rest) > 1 or (rest and rest[0] not in VARIANT_TYPES):
        return None
    return lang, (rest[0] if rest else "name"), sic, forms


def read_entry(raw: dict, kind: str, path: Path) -> tuple[Entry, str, list[tuple[Variant, bool]]]:
    """One ``[[person]]``/``[[place]]``/``[[org]]`` table → entry, inflection mode, variants."""
    _, _, prefix, default_mode = SOURCES[kind]
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id.startswith(prefix):
        raise EditionError(f"register entry id {entry_id!r} must start with {prefix!r}", str(path))
    if not isinstance(raw.get("name_en"), str):
        raise EditionError(f"register entry {entry_id} has no name_en", str(path))
    mode = raw.get("ru_decline", default_mode)
    if mode not in DECLENSION_MODES:
        raise EditionError(f"register entry {entry_id}: ru_decline must be one of {DECLENSION_MODES}", str(path))
    for authority, pattern in (("wikidata", r"Q[1-9]\d*"), ("geonames", r"[1-9]\d*"), ("viaf", r"[1-9]\d*")):
        value = raw.get(authority)
        if value is not None and not (isinstance(value, str) and re.fullmatch(pattern, value)):
            raise EditionError(f"register entry {entry_id}: malformed {authority} id {value!r}", str(path))
    variants: list[tuple[Variant, bool]] = []
    for group, values in raw.items():
        if group in ENTRY_FIELDS:
            continue
        parsed = parse_group_name(group)
        if parsed is None or not isinstance(values, list):
            raise EditionError(f"register entry {entry_id}: unknown field {group!r}", str(path))
        lang, variant_type, sic, inflected = parsed
        for text in values:
            variants.append((Variant(text=text, lang=lang, type=variant_type, sic=sic), inflected))
    entry = Entry(
        id=entry_id, kind=kind, name_en=raw["name_en"], name_ru=raw.get("name_ru"),
        variants=tuple(dict.fromkeys(variant for variant, _ in variants)),
        wikidata=raw.get("wikidata"), geonames=raw.get("geonames"), viaf=raw.get("viaf"),
        note=raw.get("note"), birth=raw.get("birth"), death=raw.get("death"), sort=raw.get("sort"),
        family_first=bool(raw.get("family_first", False)),
    )
    return entry, mode, variants


def read_language(raw: dict) -> Language:
    rules = []
    for rule in raw.get("declension", []):
        cases = []
        for case in CASES:
            value = rule[case]
            cases.append(tuple(value) if isinstance(value, list) else (value,))
        rules.append(DeclensionRule(endings=tuple(rule["endings"]), strip=int(rule["strip"]), cases=tuple(cases)))
    titles = raw.get("titles", {})
    return Language(
        comrade_titles=tuple(raw.get("comrade_titles", [])),
        ranks=tuple(raw.get("ranks", [])),
        not_names=frozenset(raw.get("not_names", [])),
        address_words=tuple(raw.get("address_words", [])),
        surname_endings=tuple(raw.get("surname_endings", [])),
        declension=tuple(rules),
        titles=TitleGrammar(
            document_words=frozenset(word.lower() for word in titles.get("document_words", [])),
            fillers=frozenset(titles.get("fillers", [])),
            via_words=tuple(titles.get("via_words", [])),
            cut_words=tuple(titles.get("cut_words", [])),
            place_fillers=frozenset(titles.get("place_fillers", [])),
        ),
    )


def read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise EditionError(f"cannot read register file: {error}", str(path)) from error


# --------------------------------------------------------------------------
# The register
# --------------------------------------------------------------------------
class Register:
    """All entries, every indexed form, and lookup of a written name."""

    def __init__(self, entries: Iterable[Entry], forms: Iterable[Form], language: Language):
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            if entry.id in self._entries:
                raise EditionError(f"register id {entry.id} is used twice")
            self._entries[entry.id] = entry
        self._forms = tuple(forms)
        self._index: dict[str, tuple[Form, ...]] = {}
        grouped: dict[str, list[Form]] = {}
        for form in self._forms:
            if form.key:
                grouped.setdefault(form.key, []).append(form)
        self._index = {key: tuple(forms) for key, forms in grouped.items()}
        self.language = language

    # --- access --------------------------------------------------------------
    def entry(self, entry_id: str) -> Entry:
        """The entry with this id; ``KeyError`` names the unknown id."""
        try:
            return self._entries[entry_id]
        except KeyError:
            raise KeyError(f"no register entry {entry_id!r}") from None

    def entries(self, kind: str | None = None) -> tuple[Entry, ...]:
        """All entries (of one kind), in register order."""
        return tuple(entry for entry in self._entries.values() if kind is None or entry.kind == kind)

    def forms(self) -> tuple[Form, ...]:
        """Every indexed written form, listed and generated."""
        return self._forms

    def forms_of(self, key: str) -> tuple[Form, ...]:
        """The forms indexed under one key (see ``name_key``)."""
        return self._index.get(key, ())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    # --- lookup ----------------------------------------------------------------
    def lookup(self, text: str, kind: str | None = None) -> Entry | None:
        """The one entry a written name stands for, or None.

        Case-insensitive; tolerant of letter-spacing ("П Е К И Н"), of
        punctuation and brackets around or inside the name, of a possessive
        "'s", of titles ("Cde.", "Тов.") and initials ("I.V. Stalin").  Bare
        ambiguous names ("Kim") and names shared by two entries find nothing.
        """
        for candidate in self.lookup_candidates(text):
            found = self.resolve_key(name_key(candidate), kind)
            if found is not None:
                return None if found == "ambiguous" else self._entries[found]
        return None

    def resolve_key(self, key: str, kind: str | None = None) -> str | None:
        """The entry id for a key, "ambiguous", or None; bare short names are not used."""
        forms = [f for f in self._index.get(key, ()) if f.type != "short" and (kind is None or f.kind == kind)]
        ids = {form.entry_id for form in forms}
        if not ids:
            return None
        return ids.pop() if len(ids) == 1 else "ambiguous"

    def lookup_candidates(self, text: str) -> list[str]:
        """``text`` and its readings without titles, initials and bracketed additions."""
        stripped = text.strip().strip("\"'“”„«»‘’ ,;:.!?")
        stripped = re.sub(r"['’][sS]$", "", stripped)
        candidates = [stripped]
        without_title = strip_leading_words(stripped, self.language.comrade_titles + self.language.ranks)
        candidates.append(without_title)
        without_initials = re.sub(r"^(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s*){1,3}", "", without_title)
        without_initials = re.sub(r"(?:\s+[A-ZА-ЯЁ][a-zа-яё]?\.){1,3}$", "", without_initials)
        candidates.append(without_initials)
        candidates.append(re.sub(r"\s*[\[(][^\])]*[\])]", "", without_initials))
        return [c for c in dict.fromkeys(candidates) if c]


def strip_leading_words(text: str, words: Iterable[str]) -> str:
    """``text`` without any of ``words`` at its start (repeatedly, longest first)."""
    ordered = sorted(set(words), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for word in ordered:
            if text.lower().startswith(word.lower()):
                rest = text[len(word):]
                if word.endswith(".") or not rest or not rest[0].isalnum():
                    text = rest.lstrip(" \t\n.")
                    changed = True
                    break
    return text


def build_forms(entry: Entry, mode: str, variants: list[tuple[Variant, bool]], rules: tuple[DeclensionRule, ...]) -> list[Form]:
    forms: list[Form] = []
    for variant, inflected in variants:
        forms.append(Form(variant.text, name_key(variant.text), entry.id, entry.kind, variant.lang,
                          variant.type, variant.sic, generated=False))
        if variant.lang == "ru" and not inflected:
            for text in sorted(inflect_phrase(variant.text, mode, rules)):
                forms.append(Form(text, name_key(text), entry.id, entry.kind, variant.lang,
                                  variant.type, variant.sic, generated=True))
    # One form per (key, type) is enough; listed forms win over generated ones.
    unique: dict[tuple[str, str, str], Form] = {}
    for form in forms:
        unique.setdefault((form.key, form.type, form.text), form)
    return list(unique.values())


def read_register(folder: Path = HERE) -> Register:
    """Read the three register files of ``folder`` (no caching: see ``load_register``)."""
    raw_by_kind = {kind: read_toml(folder / file) for kind, (file, _, _, _) in SOURCES.items()}
    language = read_language(raw_by_kind["person"].get("language", {}))
    entries: list[Entry] = []
    forms: list[Form] = []
    for kind, (file, table, _, _) in SOURCES.items():
        for raw in raw_by_kind[kind].get(table, []):
            entry, mode, variants = read_entry(raw, kind, folder / file)
            entries.append(entry)
            forms.extend(build_forms(entry, mode, variants, language.declension))
    return Register(entries, forms, language)


@functools.cache
def load_register() -> Register:
    """The project's master register, once per process: from the user's cache (``pipeline.cache``)
    when its files and this module are unchanged (unpickling takes 0.03 s; reading the files and
    inflecting the Russian names, 0.2–0.5 s in every build process and worker), else read."""
    from pipeline.cache import cached, files_key

    return cached("register", lambda: files_key([*HERE.glob("*.toml"), Path(__file__)]),
                  lambda: read_register(HERE))


__all__ = [
    "Entry", "Form", "Language", "Register", "TitleGrammar", "Variant",
    "fold_character", "inflect_phrase", "letters_of", "load_register", "name_key", "read_register",
]
