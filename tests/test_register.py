"""Tests of the master register: its data, its lookup and its Russian case forms."""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import EditionError
from pipeline.register import Entry, inflect_phrase, load_register, name_key, read_register

REGISTER = load_register()


# --------------------------------------------------------------------------
# Lookup
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # Stalin and his cover names, in every script and shape met in telegrams
        ("Stalin", "per-stalin"),
        ("STALIN", "per-stalin"),
        ("stalin", "per-stalin"),
        ("I.V. Stalin", "per-stalin"),
        ("Stalin's", "per-stalin"),
        ("Comrade STALIN Iosif Vissarionovich", "per-stalin"),
        ("Filippov", "per-stalin"),
        ("FILIPPOV.", "per-stalin"),
        ("Flippov", "per-stalin"),
        ("Flilippov", "per-stalin"),
        ("F I L I P P O V", "per-stalin"),
        ("Filippov [Stalin]", "per-stalin"),
        ("Feng Xi", "per-stalin"),
        ("Fyn Si", "per-stalin"),
        ("Сталину", "per-stalin"),
        ("Сталина", "per-stalin"),
        ("Сталиным", "per-stalin"),
        ("Тов. Сталину", "per-stalin"),
        ("И.В. Сталину", "per-stalin"),
        ("ФИЛИПОВ.", "per-stalin"),
        ("ФИЛИППОВ", "per-stalin"),
        ("Филиппову", "per-stalin"),
        # other Soviet figures
        ("Молотову", "per-molotov"),
        ("т.Булганину", "per-bulganin"),
        ("Vyshinskyy", "per-vyshinsky"),
        ("Вышинскому", "per-vyshinsky"),
        ("Рощину", "per-roshchin"),
        ("Terebin", "per-orlov"),
        ("Теребину", "per-orlov"),
        ("Poskrebyshev", "per-poskrebyshev"),
        ("Поскрёбышеву", "per-poskrebyshev"),
        ("Sadov[in]", "per-sadovin"),
        ("Kuz'min", "per-kuzmin"),
        # Chinese and Korean figures
        ("Mao Zedong", "per-mao"),
        ("Mao Tse-tung", "per-mao"),
        ("Cde. Mao Zedong", "per-mao"),
        ("Mao", "per-mao"),
        ("Мао Цзэдун", "per-mao"),
        ("Мао Цзэдуну", "per-mao"),
        ("МАО ЦЗЕ-ДУН", "per-mao"),
        ("МАО ЦЗЕ-ДУНУ", "per-mao"),
        ("Chou En-lai", "per-zhou-enlai"),
        ("Чжоу Эн-лай", "per-zhou-enlai"),
        ("Чжоу Эн-лаю", "per-zhou-enlai"),
        ("ЧЖОУ ЭНЬ-ЛАЙ", "per-zhou-enlai"),
        ("ЧЖОУ ЭНЬ-ЛАЮ", "per-zhou-enlai"),
        ("Чжоу Эньлаю", "per-zhou-enlai"),
        ("Liu [Shaoqi]", "per-liu-shaoqi"),
        ("[Li] Fuchun", "per-li-fuchun"),
        ("PENG DEHUAI", "per-peng-dehuai"),
        ("Gao Gang", "per-gao-gang"),
        ("Ким Ир Сен", "per-kim-il-sung"),
        ("Ким Ир Сена", "per-kim-il-sung"),
        ("KIM IL SUNG'S", "per-kim-il-sung"),
        ("Pak Hon Yong", "per-pak-heon-yeong"),
        ("Pak Heon-Yeong", "per-pak-heon-yeong"),
        # places
        ("Moscow", "pl-moscow"),
        ("Москвы", "pl-moscow"),
        ("Пекин", "pl-beijing"),
        ("П Е К И Н", "pl-beijing"),
        ("ПЕКИН,", "pl-beijing"),
        ("BEIPING", "pl-beijing"),
        ("Peking", "pl-beijing"),
        ("Jemulpo", "pl-incheon"),
        ("Чемульпо", "pl-incheon"),
        ("Сеула", "pl-seoul"),
        ("Маньчжурии", "pl-manchuria"),
        ("Северной Корее", "pl-north-korea"),
        ("Korean People's Democratic Republic", "pl-north-korea"),
        ("KULJA", "pl-ghulja"),
        ("Seisin", "pl-chongjin"),
        ("Dalny", "pl-dalian"),
        ("Дальнего Востока", "pl-far-east"),
        ("Советского Союза", "pl-ussr"),
        # organisations
        ("USSR Council of Ministers", "org-council-of-ministers-ussr"),
        ("Совета Министров СССР", "org-council-of-ministers-ussr"),
        ("VKP(b) CC", "org-vkpb-cc"),
        ("ЦК ВКП(б)", "org-vkpb-cc"),
        ("VPK(b)", "org-vkpb"),
        ("Security Council", "org-un-security-council"),
        ("Совета Безопасности", "org-un-security-council"),
        ("ООН", "org-un"),
        ("MID USSR", "org-mid-ussr"),
        ("AP RF", "org-aprf"),
    ],
)
def test_lookup_finds_the_entry(written: str, expected: str) -> None:
    entry = REGISTER.lookup(written)
    assert entry is not None, written
    assert entry.id == expected


@pytest.mark.parametrize(
    "written",
    [
        "Kim",                        # ambiguous: Kim Il Sung, Kim Chaek, Kim Tu-bong …
        "Peng",                       # Peng Dehuai or Peng Zhen
        "Liu",                        # a bare short name needs context
        "the Soviet Ambassador in Peking",
        "SOVIET AMBASSADOR",
        "General Staff",              # Soviet or Chinese? never guessed
        "Soviet Embassy",
        "Ivanov",
        "",
        "   ",
        "Filippov Stalin Molotov",
        "Chairman",
    ],
)
def test_lookup_finds_nothing(written: str) -> None:
    assert REGISTER.lookup(written) is None


@pytest.mark.parametrize(
    ("written", "kind", "expected"),
    [
        ("Beijing", "place", "pl-beijing"),
        ("Beijing", "person", None),
        ("Stalin", "person", "per-stalin"),
        ("Stalin", "org", None),
        ("DPRK", "place", "pl-north-korea"),
        ("UN", "org", "org-un"),
    ],
)
def test_lookup_by_kind(written: str, kind: str, expected: str | None) -> None:
    entry = REGISTER.lookup(written, kind=kind)
    assert (entry.id if entry else None) == expected


def test_every_listed_variant_finds_its_own_entry() -> None:
    failures = []
    for entry in REGISTER:
        for variant in entry.variants:
            if variant.type == "short":
                continue
            found = REGISTER.lookup(variant.text, kind=entry.kind)
            if found is None or found.id != entry.id:
                failures.append((entry.id, variant.text, found and found.id))
    assert failures == []


def test_no_two_entries_share_a_form() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for form in REGISTER.forms():
        if form.type != "short":
            owners[form.key].add(form.entry_id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


# --------------------------------------------------------------------------
# Entries and data quality
# --------------------------------------------------------------------------
def test_load_register_is_cached() -> None:
    assert load_register() is load_register()


def test_entry_by_id_and_unknown_id() -> None:
    stalin = REGISTER.entry("per-stalin")
    assert stalin.kind == "person"
    assert stalin.name_en == "Joseph Stalin"
    assert stalin.birth == 1878 and stalin.death == 1953
    with pytest.raises(KeyError, match="per-nobody"):
        REGISTER.entry("per-nobody")


def test_entries_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        REGISTER.entry("per-mao").name_en = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("entry_id", "wikidata"),
    [
        ("per-stalin", "Q855"),
        ("per-mao", "Q5816"),
        ("per-zhou-enlai", "Q16977"),
        ("pl-moscow", "Q649"),
        ("pl-beijing", "Q956"),
        ("org-un", "Q1065"),
    ],
)
def test_certain_authority_ids(entry_id: str, wikidata: str) -> None:
    assert REGISTER.entry(entry_id).wikidata == wikidata


@pytest.mark.parametrize(("entry_id", "geonames"), [("pl-moscow", "524901"), ("pl-beijing", "1816670"), ("pl-warsaw", "756135")])
def test_certain_geonames_ids(entry_id: str, geonames: str) -> None:
    assert REGISTER.entry(entry_id).geonames == geonames


def test_ids_and_authority_ids_are_well_formed() -> None:
    prefixes = {"person": "per-", "place": "pl-", "org": "org-"}
    for entry in REGISTER:
        assert re.fullmatch(r"[a-z]+-[a-z0-9-]+", entry.id), entry.id
        assert entry.id.startswith(prefixes[entry.kind])
        assert entry.name_en and entry.variants
        assert entry.wikidata is None or re.fullmatch(r"Q[1-9]\d*", entry.wikidata)
        assert entry.geonames is None or entry.kind == "place"
        if entry.birth and entry.death:
            assert entry.birth < entry.death


def test_ids_are_unique_across_kinds() -> None:
    ids = [entry.id for entry in REGISTER]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("written", "entry_id", "variant_type", "sic"),
    [
        ("Filippov", "per-stalin", "pseudonym", False),
        ("Flippov", "per-stalin", "pseudonym", True),
        ("Feng Xi", "per-stalin", "pseudonym", False),
        ("Terebin", "per-orlov", "pseudonym", False),
        ("Vyshinskyy", "per-vyshinsky", "name", True),
        ("Kim", "per-kim-il-sung", "short", False),
        ("Mao", "per-mao", "surname", False),
    ],
)
def test_variant_types(written: str, entry_id: str, variant_type: str, sic: bool) -> None:
    variants = [v for v in REGISTER.entry(entry_id).variants if v.text == written and v.lang == "en"]
    assert variants and variants[0].type == variant_type and variants[0].sic is sic


@pytest.mark.parametrize(
    "written",
    [
        # every correspondent, official and place of the shared samples
        "Roshchin", "Kotov", "Zakharov", "Krasovsky", "Белов", "Shtykov", "Razuvaev", "Gromyko",
        "Malenkov", "Beria", "Mikoyan", "Kaganovich", "Kovalev", "Arkhipov", "Golunov", "Wang Jiaxiang",
        "Xiao Jinguang", "Lin Biao", "Su Yu", "Mun Il", "Seo Cheon-ju", "Trepczynski", "Napieraj",
        "Kapitsa", "Morozov", "Kravchuk", "Plyvkina", "Mokrov", "Stepanova", "Lue Shuchu", "Tsin I-tin",
        "Pyongyang", "Wonsan", "Vladivostok", "Shanghai", "Irkutsk", "Сочи", "Xinjiang", "Taiwan",
        "India", "Burma", "USA", "Warsaw", "Port Arthur", "Mukden", "Andong", "PLA", "KPA",
        "Politburo", "Soviet Army", "Political Consultative Conference", "TsAMO",
    ],
)
def test_names_of_the_samples_are_registered(written: str) -> None:
    assert REGISTER.lookup(written) is not None, written


# --------------------------------------------------------------------------
# Russian case forms
# --------------------------------------------------------------------------
RULES = REGISTER.language.declension


@pytest.mark.parametrize(
    ("nominative", "mode", "expected"),
    [
        ("Сталин", "auto", {"Сталина", "Сталину", "Сталиным", "Сталине"}),
        ("Вышинский", "auto", {"Вышинского", "Вышинскому", "Вышинским", "Вышинском"}),
        ("Каганович", "auto", {"Кагановича", "Кагановичу", "Кагановичем"}),
        ("Берия", "auto", {"Берии", "Берию", "Берией"}),
        ("Москва", "auto", {"Москвы", "Москве", "Москву", "Москвой"}),
        ("Кульджа", "auto", {"Кульджи", "Кульдже", "Кульджу"}),
        ("Корея", "auto", {"Кореи", "Корее", "Корею", "Кореей"}),
        ("Маньчжурия", "auto", {"Маньчжурии", "Маньчжурию"}),
        ("Китай", "auto", {"Китая", "Китаю", "Китаем", "Китае"}),
        ("Тайвань", "auto", {"Тайваня", "Тайваню"}),
        ("Чжоу Эн-лай", "auto", {"Чжоу Эн-лая", "Чжоу Эн-лаю"}),
        ("Ким Ир Сен", "auto", {"Ким Ир Сена", "Ким Ир Сену", "Ким Ир Сеном"}),
        ("МАО ЦЗЕ-ДУН", "auto", set()),          # capitals are treated as an acronym: listed, not generated
        ("Советский Союз", "auto", {"Советского Союза", "Советскому Союзу", "Советском Союзе"}),
        ("Совет Министров СССР", "first", {"Совета Министров СССР", "Совету Министров СССР"}),
        ("Порт-Артур", "auto", {"Порт-Артура"}),
    ],
)
def test_inflect_phrase(nominative: str, mode: str, expected: set[str]) -> None:
    assert expected <= inflect_phrase(nominative, mode, RULES)


@pytest.mark.parametrize("indeclinable", ["Мао", "Громыко", "Сочи", "Чемульпо", "Лю Шаоци", "Штеменко"])
def test_indeclinable_words_have_no_forms(indeclinable: str) -> None:
    assert inflect_phrase(indeclinable, "auto", RULES) == set()


def test_no_inflection_when_mode_is_none() -> None:
    assert inflect_phrase("Сталин", "none", RULES) == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [("F I L I P P O V", "filippov"), ("Ёлкин", "елкин"), ("Trepczyński", "trepczynski"), ("VKP(b) CC", "vkpbcc"),
     ("Kuz'min", "kuzmin"), ("Чжоу Эн-лай", "чжоуэнлай")],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


# --------------------------------------------------------------------------
# Reading register files
# --------------------------------------------------------------------------
def write_register(folder, persons: str, places: str = "", organisations: str = "") -> None:
    (folder / "persons.toml").write_text(persons, encoding="utf-8")
    (folder / "places.toml").write_text(places, encoding="utf-8")
    (folder / "organisations.toml").write_text(organisations, encoding="utf-8")


def test_read_register_from_a_folder(tmp_path) -> None:
    language = ('[[language.declension]]\nendings = ["ов"]\nstrip = 0\ngenitive = "а"\ndative = "у"\n'
                'accusative = ""\ninstrumental = "ым"\nprepositional = "е"\n')
    write_register(tmp_path, language + '[[person]]\nid = "per-x"\nname_en = "X Y"\nen = ["Xy"]\nru = ["Иксов"]\n')
    register = read_register(tmp_path)
    assert register.lookup("Иксову").id == "per-x"
    assert isinstance(register.entry("per-x"), Entry)


@pytest.mark.parametrize(
    "persons",
    [
        '[[person]]\nid = "pl-wrong"\nname_en = "X"\n',                       # wrong prefix
        '[[person]]\nid = "per-x"\nname_en = "X"\nwikidata = "855"\n',        # malformed authority id
        '[[person]]\nid = "per-x"\nname_en = "X"\nxx_pseudonym = ["Y"]\n',    # unknown variant group
        '[[person]]\nid = "per-x"\nname_en = "X"\n[[person]]\nid = "per-x"\nname_en = "Z"\n',  # duplicate id
        '[[person]\nid = ',                                                   # broken TOML
    ],
)
def test_bad_register_files_raise_edition_errors(tmp_path, persons: str) -> None:
    write_register(tmp_path, persons)
    with pytest.raises(EditionError):
        read_register(tmp_path)


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_lookup_never_crashes(text: str) -> None:
    found = REGISTER.lookup(text)
    assert found is None or isinstance(found, Entry)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([v.text for e in REGISTER for v in e.variants if v.type != "short"]),
       st.sampled_from(["", ".", ",", ":", "'s", " "]))
def test_trailing_punctuation_does_not_change_lookup(variant: str, suffix: str) -> None:
    assert REGISTER.lookup(variant + suffix) == REGISTER.lookup(variant)


@pytest.mark.parametrize("entry_id, expected", [
    ("per-stalin", "Stalin, Joseph"),
    ("per-mao", "Mao Zedong"),             # family name first: as written
    ("per-kim-il-sung", "Kim Il Sung"),
])
def test_index_name_puts_the_family_name_first(entry_id, expected):
    entries = {entry.id: entry for entry in load_register().entries()}
    assert entries[entry_id].index_name == expected


def test_places_and_organisations_are_indexed_as_named():
    for entry in load_register().entries():
        if entry.kind != "person":
            assert entry.index_name == entry.name_en


@pytest.mark.parametrize("entry_id, expected", [
    ("per-stalin", "stalin_joseph"),
    ("per-mao", "mao_zedong"),
    ("per-kim-il-sung", "kim_il_sung"),
])
def test_sort_key_is_one_lower_case_word_as_tei_requires(entry_id, expected):
    entries = {entry.id: entry for entry in load_register().entries()}
    assert entries[entry_id].sort_key == expected


def test_every_sort_key_is_a_tei_word():
    for entry in load_register().entries():
        assert re.fullmatch(r"[^\s,]+", entry.sort_key) and entry.sort_key == entry.sort_key.lower(), entry.id


# --------------------------------------------------------------------------- the cached register
def test_the_register_comes_from_the_user_cache_until_its_files_change(tmp_path, monkeypatch):
    import pipeline.register as register_module
    from pipeline import cache

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    register_module.load_register.cache_clear()
    try:
        first = register_module.load_register()
        stored = list((tmp_path / "cache").glob("edition-register-*.pickle"))
        assert len(stored) == 1 and stored[0].stat().st_mode & 0o777 == 0o600
        register_module.load_register.cache_clear()

        def no_reading(folder):
            raise AssertionError("the register was read although the cache is valid")

        monkeypatch.setattr(register_module, "read_register", no_reading)
        again = register_module.load_register()
        assert again is not first
        assert [(form.key, form.entry_id, form.type) for form in again.forms()] == \
            [(form.key, form.entry_id, form.type) for form in first.forms()]
        # another register (here: a changed file) has another key, so the old pickle is not used
        copy = tmp_path / "register"
        copy.mkdir()
        for path in register_module.HERE.glob("*.toml"):
            (copy / path.name).write_bytes(path.read_bytes())
        monkeypatch.setattr(register_module, "HERE", copy)
        (copy / "places.toml").write_text((copy / "places.toml").read_text(encoding="utf-8") + "\n# changed\n",
                                          encoding="utf-8")
        register_module.load_register.cache_clear()
        with pytest.raises(AssertionError, match="was read"):
            register_module.load_register()
    finally:
        register_module.load_register.cache_clear()
