"""Tests for pipeline.recognise.archives: archival references in citations and source lines."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import ArchivalRef
from pipeline.recognise.archives import find_archival_refs, normalise_repository, repository_info

FIELDS = ("text", "repository", "fond", "opis", "delo", "papka", "folio_from", "folio_to", "folio_text", "note")


def ref(text: str, repository: str | None, fond=None, opis=None, delo=None, papka=None,
        folio_from=None, folio_to=None, folio_text=None, note=None) -> dict:
    """An expected reference; every field not given must be None."""
    return dict(zip(FIELDS, (text, repository, fond, opis, delo, papka, folio_from, folio_to, folio_text, note)))


def facts(reference: ArchivalRef) -> dict:
    return {name: getattr(reference, name) for name in FIELDS}


CASES = [
    # --- English citations, one copy ---------------------------------------
    ("RGASPI F. 558. Op. 11, D. 334, p. 79. Translated by Gary Goldberg.",
     [ref("RGASPI F. 558. Op. 11, D. 334, p. 79", "RGASPI", "558", "11", "334", None, "79", "79", "p. 79")]),
    ("APRF, Fond 45, Opis 1, Delo 334, List 94",
     [ref("APRF, Fond 45, Opis 1, Delo 334, List 94", "APRF", "45", "1", "334", None, "94", "94", "List 94")]),
    ("RGASPI, f. 558, op. 11, d. 332, l. 8. Translated by Gary Goldberg.",
     [ref("RGASPI, f. 558, op. 11, d. 332, l. 8", "RGASPI", "558", "11", "332", None, "8", "8", "l. 8")]),
    ("TsAMO RF, fond 5, opis 918795, delo 121, list 720. Translated for NKIDP by James F. Person.",
     [ref("TsAMO RF, fond 5, opis 918795, delo 121, list 720", "TsAMO", "5", "918795", "121", None,
          "720", "720", "list 720")]),
    ("TsAMO, f. 5, op. 918795, d. 124, ll. 2-3",
     [ref("TsAMO, f. 5, op. 918795, d. 124, ll. 2-3", "TsAMO", "5", "918795", "124", None, "2", "3", "ll. 2-3")]),
    ("APRF: F. 39, Op. 1, D. 31, L. 25. Reprinted in A. Ledovskii, Sovetsko-Kitaiskie Otnosheniia, "
     "Vol. 5, Book 1 (Moscow: PIM, 2005), p. 378. Translated for CWIHP by Sergey Radchenko.",
     [ref("APRF: F. 39, Op. 1, D. 31, L. 25", "APRF", "39", "1", "31", None, "25", "25", "L. 25")]),
    ("AVP RF, f. 059a, op. 5a, d. 5, p. 11, ll. 67-68",
     [ref("AVP RF, f. 059a, op. 5a, d. 5, p. 11, ll. 67-68", "AVPRF", "059a", "5a", "5", "11",
          "67", "68", "ll. 67-68")]),
    ("AVP RF, f. 07, op. 23a, p. 18, d. 235, l. 4",
     [ref("AVP RF, f. 07, op. 23a, p. 18, d. 235, l. 4", "AVPRF", "07", "23a", "235", "18", "4", "4", "l. 4")]),
    ("AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, Listy 96-97.",
     [ref("AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, Listy 96-97", "AVPRF", "059a", "5a", "3", "11",
          "96", "97", "Listy 96-97")]),
    ("GARF, f. R-5446, op. 1, d. 510, ll. 5-5ob.",
     [ref("GARF, f. R-5446, op. 1, d. 510, ll. 5-5ob", "GARF", "R-5446", "1", "510", None, "5", "5ob",
          "ll. 5-5ob")]),
    ("RGANI, f. 89, op. 43, d. 9, l. 12",
     [ref("RGANI, f. 89, op. 43, d. 9, l. 12", "RGANI", "89", "43", "9", None, "12", "12", "l. 12")]),
    ("RGASPI, f. 558, op. 11, d. 334, ll. 5, 7.",
     [ref("RGASPI, f. 558, op. 11, d. 334, ll. 5, 7", "RGASPI", "558", "11", "334", None, "5", "7", "ll. 5, 7")]),
    ("RGASPI, f. 17, op. 162, d. 39, ll. 5-6, 9 and AP RF, f. 3, op. 65, d. 5, l. 1",
     [ref("RGASPI, f. 17, op. 162, d. 39, ll. 5-6, 9", "RGASPI", "17", "162", "39", None, "5", "9", "ll. 5-6, 9"),
      ref("AP RF, f. 3, op. 65, d. 5, l. 1", "APRF", "3", "65", "5", None, "1", "1", "l. 1")]),
    ("AP RF f.45 op.1 d.334 l.99",
     [ref("AP RF f.45 op.1 d.334 l.99", "APRF", "45", "1", "334", None, "99", "99", "l.99")]),
    ("AVPRF, f. 0102, op. 6, por. 3, p. 21, d. 48, l. 5",
     [ref("AVPRF, f. 0102, op. 6, por. 3, p. 21, d. 48, l. 5", "AVPRF", "0102", "6", "48", "21", "5", "5", "l. 5")]),
    # --- several copies in one citation ---------------------------------------
    ("APRF, Fond 45, Opis 1, Delo 331, List 85; AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 118; "
     "and RGASPI, f. 558, op. 11, d. 334, ll.0085. <https://example.org/document/110692>",
     [ref("APRF, Fond 45, Opis 1, Delo 331, List 85", "APRF", "45", "1", "331", None, "85", "85", "List 85"),
      ref("AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 118", "AVPRF", "059a", "5a", "3", "11",
          "118", "118", "List 118"),
      ref("RGASPI, f. 558, op. 11, d. 334, ll.0085", "RGASPI", "558", "11", "334", None, "0085", "0085",
          "ll.0085")]),
    ("APRF, fond 45, opis 1, delo 334, listy 99-103 and RGASPI f. 558, Op. 11, D. 334, pp. 97-98.",
     [ref("APRF, fond 45, opis 1, delo 334, listy 99-103", "APRF", "45", "1", "334", None, "99", "103",
          "listy 99-103"),
      ref("RGASPI f. 558, Op. 11, D. 334, pp. 97-98", "RGASPI", "558", "11", "334", None, "97", "98",
          "pp. 97-98")]),
    ("AP RF, f. 45, op. 1, d. 334, ll. 134-135; and RGASPI, f. 558, op. 11, d. 334, ll. 0134-0135. "
     "Translated by Gary Goldberg.",
     [ref("AP RF, f. 45, op. 1, d. 334, ll. 134-135", "APRF", "45", "1", "334", None, "134", "135",
          "ll. 134-135"),
      ref("RGASPI, f. 558, op. 11, d. 334, ll. 0134-0135", "RGASPI", "558", "11", "334", None, "0134", "0135",
          "ll. 0134-0135")]),
    ("APRF, Fond 45, Opis 1, Delo 339, Listy 31-32 and AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, "
     "Listy 31-32  \n<http://example.org/document/110364>",
     [ref("APRF, Fond 45, Opis 1, Delo 339, Listy 31-32", "APRF", "45", "1", "339", None, "31", "32",
          "Listy 31-32"),
      ref("AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, Listy 31-32", "AVPRF", "059a", "5a", "5", "11",
          "31", "32", "Listy 31-32")]),
    ("AP RF, f. 45, op. 1, d. 334, l. 141; and RGASPI, f. 558, op. 11, d. 334, ll. 0141.",
     [ref("AP RF, f. 45, op. 1, d. 334, l. 141", "APRF", "45", "1", "334", None, "141", "141", "l. 141"),
      ref("RGASPI, f. 558, op. 11, d. 334, ll. 0141", "RGASPI", "558", "11", "334", None, "0141", "0141",
          "ll. 0141")]),
    ("APRF, Fond 45, Opis 1, Delo 336, List 60 and AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 26",
     [ref("APRF, Fond 45, Opis 1, Delo 336, List 60", "APRF", "45", "1", "336", None, "60", "60", "List 60"),
      ref("AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 26", "AVPRF", "059a", "5a", "5", "11",
          "26", "26", "List 26")]),
    # --- notes, missing parts ------------------------------------------------
    ("APRF, Listy 146-147, Fond and Opis not given; and AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, "
     "Listy 96-97.",
     [ref("APRF, Listy 146-147, Fond and Opis not given", "APRF", folio_from="146", folio_to="147",
          folio_text="Listy 146-147", note="Fond and Opis not given"),
      ref("AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, Listy 96-97", "AVPRF", "059a", "5a", "3", "11",
          "96", "97", "Listy 96-97")]),
    ("RGASPI, fond 558, no opis given, delo 334, list 12",
     [ref("RGASPI, fond 558, no opis given, delo 334, list 12", "RGASPI", "558", None, "334", None, "12", "12",
          "list 12", note="no opis given")]),
    # --- inside prose --------------------------------------------------------
    ("A photocopy of this cable, held in the Russian Presidential Archives, was handed over in the 1990s "
     "to a foreign government. A copy was later located in RGASPI, f. 558, op. 11, d. 334, ll.0055.",
     [ref("RGASPI, f. 558, op. 11, d. 334, ll.0055", "RGASPI", "558", "11", "334", None, "0055", "0055",
          "ll.0055")]),
    ("Russian Presidential Archive, fond 45, opis 1, delo 329, listy 29-38",
     [ref("Russian Presidential Archive, fond 45, opis 1, delo 329, listy 29-38", "APRF", "45", "1", "329", None,
          "29", "38", "listy 29-38")]),
    ("Archive of the President of the Russian Federation (APRF), fond 3, opis 65, delo 826, listy 1-3.",
     [ref("Archive of the President of the Russian Federation (APRF), fond 3, opis 65, delo 826, listy 1-3",
          "APRF", "3", "65", "826", None, "1", "3", "listy 1-3")]),
    ("A copy is in f. 558, op. 11, d. 334, l. 79 as well.",
     [ref("f. 558, op. 11, d. 334, l. 79", None, "558", "11", "334", None, "79", "79", "l. 79")]),
    # --- repository name only --------------------------------------------------
    ('"Secret Telegram from Moscow to Warsaw, No. 848," January 22, 1972, History and Public Policy Program '
     "Digital Archive, Archive of the Ministry of Foreign Affairs, Warsaw (AMSZ) z-Depesze, Moskwa 1972. "
     "Obtained and translated for CWIHP by Malgorzata K. Gnoinska.",
     [ref("Archive of the Ministry of Foreign Affairs, Warsaw (AMSZ) z-Depesze, Moskwa 1972", "AMSZ",
          note="z-Depesze, Moskwa 1972")]),
    ("Original Archive: Archive of the President of the Russian Federation (APRF)",
     [ref("Archive of the President of the Russian Federation (APRF)", "APRF")]),
    ("History and Public Policy Program Digital Archive, GARF. Translated by Gary Goldberg.",
     [ref("GARF", "GARF")]),
    # --- cut-off references ------------------------------------------------------
    ("APRF, Fond 45, Opis 1, Del", [ref("APRF, Fond 45, Opis 1", "APRF", "45", "1")]),
    ("APRF, Fond 45, Opis 1, Delo 331, Listy 31-",
     [ref("APRF, Fond 45, Opis 1, Delo 331, Listy 31-", "APRF", "45", "1", "331", None, "31", None, "Listy 31-")]),
    ("…Digital Archive, AVP RF, Fo", [ref("AVP RF", "AVPRF")]),
    # --- Russian -----------------------------------------------------------------
    ("РГАСПИ. Ф. 558. Оп. 11. Д. 334. Л. 79",
     [ref("РГАСПИ. Ф. 558. Оп. 11. Д. 334. Л. 79", "RGASPI", "558", "11", "334", None, "79", "79", "Л. 79")]),
    ("АП РФ. Ф. 45. Оп. 1. Д. 334. Л. 99–103.",
     [ref("АП РФ. Ф. 45. Оп. 1. Д. 334. Л. 99–103", "APRF", "45", "1", "334", None, "99", "103", "Л. 99–103")]),
    ("АВП РФ, ф. 059а, оп. 5а, п. 11, д. 3, л. 118",
     [ref("АВП РФ, ф. 059а, оп. 5а, п. 11, д. 3, л. 118", "AVPRF", "059а", "5а", "3", "11", "118", "118",
          "л. 118")]),
    ("Подлинник. ЦАМО РФ, ф. 5, оп. 918795, д. 121, лл. 720–721 об.",
     [ref("ЦАМО РФ, ф. 5, оп. 918795, д. 121, лл. 720–721 об", "TsAMO", "5", "918795", "121", None, "720",
          "721об", "лл. 720–721 об")]),
    ("ГАРФ. Ф. Р-5446. Оп. 1. Д. 510. Л. 5, 7; РГАЭ. Ф. 4372. Оп. 11. Д. 2. Л. 3",
     [ref("ГАРФ. Ф. Р-5446. Оп. 1. Д. 510. Л. 5, 7", "GARF", "Р-5446", "1", "510", None, "5", "7", "Л. 5, 7"),
      ref("РГАЭ. Ф. 4372. Оп. 11. Д. 2. Л. 3", "RGAE", "4372", "11", "2", None, "3", "3", "Л. 3")]),
    ("Архив Президента Российской Федерации, ф. 45, оп. 1, д. 334, л. 5",
     [ref("Архив Президента Российской Федерации, ф. 45, оп. 1, д. 334, л. 5", "APRF", "45", "1", "334", None,
          "5", "5", "л. 5")]),
    # --- punctuation and layout around references ------------------------------------
    ("[Source: APRF, f. 45, op. 1, d. 331, l. 60]",
     [ref("APRF, f. 45, op. 1, d. 331, l. 60", "APRF", "45", "1", "331", None, "60", "60", "l. 60")]),
    ("Source\nAPRF, Fond 45, Opis 1, Delo 331, Listy 65-67\nAVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 9",
     [ref("APRF, Fond 45, Opis 1, Delo 331, Listy 65-67", "APRF", "45", "1", "331", None, "65", "67",
          "Listy 65-67"),
      ref("AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 9", "AVPRF", "059a", "5a", "3", "11", "9", "9",
          "List 9")]),
    ("APRF, Fond 45, Opis 1, Delo No. 331, List 85",
     [ref("APRF, Fond 45, Opis 1, Delo No. 331, List 85", "APRF", "45", "1", "331", None, "85", "85", "List 85")]),
    ("APRF, Fond 45, Opis 1, Delo 331, Listy 59, 1950.",
     [ref("APRF, Fond 45, Opis 1, Delo 331, Listy 59", "APRF", "45", "1", "331", None, "59", "59", "Listy 59")]),
    ("Archive of Foreign Policy of the Russian Federation (AVP RF), Moscow, fond 059a, opis 5a, delo 3, list 9",
     [ref("Archive of Foreign Policy of the Russian Federation (AVP RF), Moscow, fond 059a, opis 5a, delo 3, "
          "list 9", "AVPRF", "059a", "5a", "3", None, "9", "9", "list 9")]),
    ("PRC FMA 109-00025-01, 1-3. Translated by David Cowhig.",
     [ref("PRC FMA 109-00025-01, 1-3", "PRC FMA", note="109-00025-01, 1-3")]),
    ("Copies are in APRF and RGASPI.", [ref("APRF", "APRF"), ref("RGASPI", "RGASPI")]),
    # --- no references -------------------------------------------------------------
    ("Documents from APRF were declassified in 1994.", []),
    ("From the Archive of the President of the Russian Federation (Moscow).", []),
    ("Translated by Gary Goldberg.", []),
    ("Reprinted in Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 1 (Moscow, 2005), p. 378.", []),
    ("Zhongyang dang'anguan (Central Archives), eds., Zhou Enlai wengao, vol. 7 (Beijing, 2018), 37-39.", []),
    ("A copy from the Russian Presidential Archives was handed over to an embassy.", []),
    ("Comrade F. Kuznetsov and D. Shepilov met on 5 July.", []),
    ("Ф. Кузнецов, Д. Шепилов", []),
    ("I called on Kim Il Sung and told him that the plane would be ready on Friday.", []),
    ("", []),
    # --- RGANI fond 89: perechen' and dokument in the places of opis and delo ---
    ("RGANI, Fond 89, Perechen 43, Document 1.",
     [ref("RGANI, Fond 89, Perechen 43, Document 1", "RGANI", "89", "43", "1")]),
    ("TsKhSD, f. 89, per. 43, dok. 1, l. 2.",
     [ref("TsKhSD, f. 89, per. 43, dok. 1, l. 2", "TsKhSD", "89", "43", "1", None, "2", "2", "l. 2")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:50] for case in CASES])
def test_find_archival_refs(text: str, expected: list[dict]) -> None:
    found = find_archival_refs(text)
    assert [facts(match.value) for match in found] == expected
    for match in found:
        assert text[match.start:match.end] == match.value.text


@pytest.mark.parametrize(
    ("text", "repository_text"),
    [
        ("AP RF, f. 45, op. 1, d. 334, l. 141", "AP RF"),
        ("TsAMO RF, fond 5, opis 918795, delo 121, list 720", "TsAMO RF"),
        ("Archive of the Ministry of Foreign Affairs, Warsaw (AMSZ) z-Depesze, Moskwa 1972.",
         "Archive of the Ministry of Foreign Affairs, Warsaw (AMSZ)"),
        ("АВП РФ, ф. 059а, оп. 5а, п. 11, д. 3, л. 118", "АВП РФ"),
        ("RGASPI (former RTsKhIDNI), f. 17, op. 162, d. 39, l. 5", "RGASPI"),
    ],
)
def test_repository_text_is_as_written(text: str, repository_text: str) -> None:
    (match,) = find_archival_refs(text)
    assert match.value.repository_text == repository_text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("APRF", "APRF"), ("AP RF", "APRF"), ("AP\u00a0 RF", "APRF"), ("АП РФ", "APRF"),
        ("Archive of the President of the Russian Federation", "APRF"),
        ("Russian Presidential Archives", "APRF"),
        ("Archive of the President of the Russian Federation (APRF)", "APRF"),
        ("AVP RF", "AVPRF"), ("AVPRF", "AVPRF"), ("АВП РФ", "AVPRF"),
        ("RGASPI", "RGASPI"), ("РГАСПИ", "RGASPI"),
        ("TsAMO RF", "TsAMO"), ("TsAMO", "TsAMO"), ("ЦАМО", "TsAMO"),
        ("RGANI", "RGANI"), ("GARF", "GARF"), ("RGAE", "RGAE"), ("RGVA", "RGVA"), ("AMSZ", "AMSZ"),
        ("Archive of the Ministry of Foreign Affairs, Warsaw", "AMSZ"),
        ("Archive of the Ministry of Foreign Affairs, Warsaw (AMSZ)", "AMSZ"),
        ("Archive of the Ministry of Foreign Affairs", None),
        ("Central Archives", None), ("Gary Goldberg", None), ("", None),
    ],
)
def test_normalise_repository(name: str, expected: str | None) -> None:
    assert normalise_repository(name) == expected


@pytest.mark.parametrize(
    ("abbreviation", "name", "settlement"),
    [
        ("APRF", "Archive of the President of the Russian Federation", "Moscow"),
        ("AVP RF", "Archive of Foreign Policy of the Russian Federation", "Moscow"),
        ("RGASPI", "Russian State Archive of Socio-Political History", "Moscow"),
        ("TsAMO", "Central Archive of the Ministry of Defence of the Russian Federation", "Podolsk"),
        ("AMSZ", "Archive of the Ministry of Foreign Affairs of the Republic of Poland", "Warsaw"),
    ],
)
def test_repository_info(abbreviation: str, name: str, settlement: str) -> None:
    info = repository_info(abbreviation)
    assert info["name"] == name
    assert info["settlement"] == settlement
    assert info["abbreviation"] == normalise_repository(abbreviation)


def test_repository_info_unknown() -> None:
    assert repository_info("Nowhere Archive") == {}


# --------------------------------------------------------------------------
# Property tests
# --------------------------------------------------------------------------
def repository_data() -> dict:
    data_file = resources.files("pipeline").joinpath("data/repositories.toml")
    return tomllib.loads(data_file.read_text(encoding="utf-8"))


def all_abbreviations() -> list[tuple[str, str]]:
    return sorted((written, key) for key, entry in repository_data()["repository"].items()
                  for written in entry["abbreviations"])


def all_names() -> list[tuple[str, str]]:
    return sorted((written, key) for key, entry in repository_data()["repository"].items()
                  for written in entry["names"])


@pytest.mark.parametrize(("written", "key"), all_abbreviations() + all_names())
def test_every_variant_normalises_to_its_key(written: str, key: str) -> None:
    assert normalise_repository(written) == key


def assert_well_formed(text: str, found) -> None:
    previous_end = 0
    for match in found:
        assert 0 <= previous_end <= match.start < match.end <= len(text)
        span = text[match.start:match.end]
        assert span == match.value.text
        assert span == span.strip()
        assert not span.endswith((";", ","))
        previous_end = match.end


FRAGMENTS = st.sampled_from([
    "APRF", "AP RF", "AVP RF", "RGASPI", "TsAMO RF", "АП РФ", "РГАСПИ", "(AMSZ)", "Warsaw", "Archive of the",
    "Russian Presidential Archives", "f.", "F.", "Fond", "op.", "Opis", "d.", "Delo", "p.", "pp.", "Papka",
    "l.", "ll.", "List", "Listy", "ф.", "оп.", "д.", "л.", "п.", "об.", "ob.", "not given", "and", "и", "no",
    "558", "0085", "059a", "5а", "11", "134", "-", "–", ", ", ". ", "; ", ": ", " ", "\n", "(", ")", "Translated",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=30).map("".join))
def test_spans_are_exact_in_bounds_and_disjoint_on_fragments(text: str) -> None:
    assert_well_formed(text, find_archival_refs(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_on_any_text(text: str) -> None:
    assert_well_formed(text, find_archival_refs(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_normalise_repository_never_crashes(text: str) -> None:
    key = normalise_repository(text)
    assert key is None or key in repository_data()["repository"]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_repository_info_never_crashes(text: str) -> None:
    info = repository_info(text)
    assert info == {} or info["abbreviation"] in repository_data()["repository"]


SHELF_VALUE = st.from_regex(r"\A0?[1-9][0-9]{0,5}[ab]?\Z")
FOLIO = st.from_regex(r"\A0{0,2}[1-9][0-9]{0,3}\Z")
STYLES = {
    # marker words per style, and the separator between parts
    "english-long": (("Fond", "Opis", "Delo", "Papka", "Listy"), ", "),
    "english-short": (("f.", "op.", "d.", "p.", "ll."), ", "),
    "russian": (("Ф.", "Оп.", "Д.", "П.", "Л."), ". "),
}


@st.composite
def generated_references(draw):
    abbreviation, key = draw(st.sampled_from(all_abbreviations()))
    markers, separator = STYLES[draw(st.sampled_from(sorted(STYLES)))]
    values = {kind: draw(SHELF_VALUE) for kind in ("fond", "opis", "delo")}
    papka = draw(st.none() | SHELF_VALUE)
    folio_from = draw(FOLIO)
    folio_to = draw(st.none() | FOLIO)
    pieces = [f"{markers[0]} {values['fond']}", f"{markers[1]} {values['opis']}", f"{markers[2]} {values['delo']}"]
    if papka is not None:
        pieces.append(f"{markers[3]} {papka}")
    folio_text = f"{markers[4]} {folio_from}" + (f"-{folio_to}" if folio_to else "")
    pieces.append(folio_text)
    text = abbreviation + separator + separator.join(pieces)
    expected = ref(text, key, values["fond"], values["opis"], values["delo"], papka,
                   folio_from, folio_to or folio_from, folio_text)
    return text, expected


@settings(max_examples=300, deadline=None)
@given(generated_references(), st.sampled_from(["", "Source: ", "…Digital Archive, ", "found in "]),
       st.sampled_from(["", ".", ". Translated by Gary Goldberg.", ";", " and"]))
def test_generated_reference_round_trips(reference, before: str, after: str) -> None:
    written, expected = reference
    text = before + written + after
    found = find_archival_refs(text)
    assert [facts(match.value) for match in found] == [expected]
    assert found[0].start == len(before)


@settings(max_examples=200, deadline=None)
@given(generated_references(), generated_references(), st.sampled_from(["; ", "; and ", " and ", ", and "]))
def test_two_references_stay_two(first, second, joiner: str) -> None:
    text = first[0] + joiner + second[0] + "."
    found = find_archival_refs(text)
    assert [facts(match.value) for match in found] == [first[1], second[1]]
    assert_well_formed(text, found)


# --------------------------------------------------------------------------
# A repository named in prose only (one witness without a shelf mark)
# --------------------------------------------------------------------------
from pipeline.recognise.archives import find_repository_mentions  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The document, from the Russian Presidential Archives, was given by Yeltsin", [("Russian Presidential Archives", "APRF")]),
        ("a copy held in the Archive of Foreign Policy of the Russian Federation", [("Archive of Foreign Policy of the Russian Federation", "AVPRF")]),
        ("The archives of Russia were opened in 1992.", []),
        ("APRF was opened", []),                      # an abbreviation alone is read by find_archival_refs
        ("", []),
    ],
)
def test_find_repository_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[m.start:m.end], m.value.repository) for m in find_repository_mentions(text)] == expected
