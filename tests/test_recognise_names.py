"""Tests of the name recogniser: register names in running text, and unregistered names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Match, NameRef
from pipeline.recognise.names import find_names, find_unknown_names

from tests.conftest import shared_files


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[m.start:m.end], m.value.key, m.value.role) for m in find_names(text)]


PSEUDONYM = "pseudonym"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English translations
        ("Pass the following to Mao Zedong or Zhou Enlai:",
         [("Mao Zedong", "per-mao", None), ("Zhou Enlai", "per-zhou-enlai", None)]),
        ("FILIPPOV [Stalin]", [("FILIPPOV", "per-stalin", PSEUDONYM), ("Stalin", "per-stalin", None)]),
        ("F I L I P P O V [STALIN]", [("F I L I P P O V", "per-stalin", PSEUDONYM), ("STALIN", "per-stalin", None)]),
        ("Telegram from Flippov [Stalin]", [("Flippov", "per-stalin", PSEUDONYM), ("Stalin", "per-stalin", None)]),
        ("To Cde. Filippov.", [("Filippov", "per-stalin", PSEUDONYM)]),
        ("To Cdes. Filippov and Zhou Enlai.", [("Filippov", "per-stalin", PSEUDONYM), ("Zhou Enlai", "per-zhou-enlai", None)]),
        ("To Comrade STALIN I.V.", [("STALIN I.V.", "per-stalin", None)]),
        ("Telegram from Mao Zedong to I.V. Stalin", [("Mao Zedong", "per-mao", None), ("I.V. Stalin", "per-stalin", None)]),
        ("Comrade STALIN Iosif Vissarionovich,", [("STALIN Iosif Vissarionovich", "per-stalin", None)]),
        ("Copies: Stalin (2), Molotov", [("Stalin", "per-stalin", None), ("Molotov", "per-molotov", None)]),
        ("I support KIM IL SUNG'S request.", [("KIM IL SUNG", "per-kim-il-sung", None)]),
        ("[Foreign Minister] Pak Heon-yeong [Pak Hon Yong].",
         [("Pak Heon-yeong", "per-pak-heon-yeong", None), ("Pak Hon Yong", "per-pak-heon-yeong", None)]),
        ("Comrades Liu [Shaoqi], Zhu [De], Peng [Dehuai], [Li] Fuchun, and Su Yu",
         [("Liu [Shaoqi]", "per-liu-shaoqi", None), ("Zhu [De]", "per-zhu-de", None),
          ("Peng [Dehuai]", "per-peng-dehuai", None), ("[Li] Fuchun", "per-li-fuchun", None), ("Su Yu", "per-su-yu", None)]),
        ("Verified by Shift Chief Sadov[in] 0350", [("Sadov[in]", "per-sadovin", None)]),
        ("with adviser Comrade Kuz'min", [("Kuz'min", "per-kuzmin", None)]),
        ("Cable, Stalin [Kuznetsov] to Mao Zedong [via Terebin]",
         [("Stalin", "per-stalin", None), ("Kuznetsov", "per-kuznetsov-ff", None), ("Mao Zedong", "per-mao", None),
          ("Terebin", "per-orlov", PSEUDONYM)]),
        ("the landing of the U.S. troops at Jemulpo [Incheon]",
         [("U.S.", "pl-usa", None), ("Jemulpo", "pl-incheon", None), ("Incheon", "pl-incheon", None)]),
        # an abbreviation listed with full stops needs them: "US" may be the pronoun
        ("LET US KNOW AT ONCE", []),
        ("отп. Кузнецова", []),                                     # a typist, not Kuznetsov's genitive
        ("Mao I.V. Mao", [("Mao I.V.", "per-mao", None), ("Mao", "per-mao", None)]),
        ("in the provinces of North and South Hamgyong",
         [("North", "pl-hamgyong-north", None), ("South Hamgyong", "pl-hamgyong-south", None)]),
        ("through Otpor station to the station Manzhouli", [("Otpor", "pl-otpor", None), ("Manzhouli", "pl-manzhouli", None)]),
        ("направить на станцию Маньчжурия", [("станцию Маньчжурия", "pl-manzhouli", None)]),
        ("BEIPING [SIC] to TEREBIN", [("BEIPING", "pl-beijing", None), ("TEREBIN", "per-orlov", PSEUDONYM)]),
        ("which left KULJA [Ghulja] a few days ago", [("KULJA", "pl-ghulja", None), ("Ghulja", "pl-ghulja", None)]),
        ("Telegram from Shtykov to USSR Council of Ministers",
         [("Shtykov", "per-shtykov", None), ("USSR Council of Ministers", "org-council-of-ministers-ussr", None)]),
        ("the People's Liberation Army of China", [("People's Liberation Army of China", "org-pla", None)]),
        ("VKP(b) CC Special Section 1419", [("VKP(b) CC Special Section", "org-vkpb-cc-special-sector", None)]),
        ("senior VPK(b) officials", [("VPK(b)", "org-vkpb", None)]),
        ("the Security Council with the participation of the USSR and China",
         [("Security Council", "org-un-security-council", None), ("USSR", "pl-ussr", None), ("China", "pl-china", None)]),
        ("To NORTH KOREA To RAZUVAEV TOP PRIORITY", [("NORTH KOREA", "pl-north-korea", None), ("RAZUVAEV", "per-razuvaev", None)]),
        ("MID [Ministry of Foreign Affairs] is sending", [("MID", "org-mid-ussr", None)]),
        ("Telegram, Shtykov to Vyshinskyy", [("Shtykov", "per-shtykov", None), ("Vyshinskyy", "per-vyshinsky", None)]),
        ("from Seisin to Vladivostok", [("Seisin", "pl-chongjin", None), ("Vladivostok", "pl-vladivostok", None)]),
        ("Korean People’s-Democratic Republic", [("Korean People’s-Democratic Republic", "pl-north-korea", None)]),
        ("the U.S.A. and the USSR", [("U.S.A.", "pl-usa", None), ("USSR", "pl-ussr", None)]),
        ("the USA. Then", [("USA", "pl-usa", None)]),
        ("Mao Zedong and\nZhou Enlai", [("Mao Zedong", "per-mao", None), ("Zhou Enlai", "per-zhou-enlai", None)]),
        # Russian originals
        ("Передайте Чжоу Эн-лаю:", [("Чжоу Эн-лаю", "per-zhou-enlai", None)]),
        ("П Е К И Н, -СОВПОСОЛ", [("П Е К И Н", "pl-beijing", None)]),
        ("ФИЛИПОВ.", [("ФИЛИПОВ", "per-stalin", PSEUDONYM)]),
        ("1. Тов. Сталину\n2. Тов. Молотову", [("Сталину", "per-stalin", None), ("Молотову", "per-molotov", None)]),
        ("Передано т.Булганину [из Сочи]", [("Булганину", "per-bulganin", None), ("Сочи", "pl-sochi", None)]),
        ("Для немедленной передачи МАО ЦЗЕ-ДУНУ или ЧЖОУ ЭНЬ-ЛАЮ.",
         [("МАО ЦЗЕ-ДУНУ", "per-mao", None), ("ЧЖОУ ЭНЬ-ЛАЮ", "per-zhou-enlai", None)]),
        ("Мао Цзэдуну или Чжоу Эньлаю", [("Мао Цзэдуну", "per-mao", None), ("Чжоу Эньлаю", "per-zhou-enlai", None)]),
        ("приказ Ким Ир Сена об отводе", [("Ким Ир Сена", "per-kim-il-sung", None)]),
        ("высадка американцев в Чемульпо", [("Чемульпо", "pl-incheon", None)]),
        ("севернее и восточнее Сеула", [("Сеула", "pl-seoul", None)]),
        ("сбрасывать в Маньчжурии", [("Маньчжурии", "pl-manchuria", None)]),
        ("держать в тылу в Северной Корее", [("Северной Корее", "pl-north-korea", None)]),
        ("Вы и генерал Белов", [("Белов", "per-belov", None)]),
        ("Одну дивизию Белова можно", [("Белова", "per-belov", None)]),
        ("И.В.Сталину и В.М. Молотову", [("И.В.Сталину", "per-stalin", None), ("В.М. Молотову", "per-molotov", None)]),
        ("в IV часть ООП ВКП(б)", [("ВКП(б)", "org-vkpb", None)]),
        ("на Дальнем Востоке", [("Дальнем Востоке", "pl-far-east", None)]),
        ("из Москвы в Пекин", [("Москвы", "pl-moscow", None), ("Пекин", "pl-beijing", None)]),
        # Chinese and Korean script
        ("毛泽东同志", [("毛泽东", "per-mao", None)]),
        ("김일성 동지", [("김일성", "per-kim-il-sung", None)]),
        # bare names
        ("Stalin to Mao", [("Stalin", "per-stalin", None), ("Mao", "per-mao", None)]),
        ("Kim Il Sung arrived. Kim and Pak Heon-yeong left. Kim and Pak",
         [("Kim Il Sung", "per-kim-il-sung", None), ("Kim", "per-kim-il-sung", None),
          ("Pak Heon-yeong", "per-pak-heon-yeong", None), ("Kim", "per-kim-il-sung", None), ("Pak", "per-pak-heon-yeong", None)]),
        ("Liu Shaoqi spoke; then Liu left", [("Liu Shaoqi", "per-liu-shaoqi", None), ("Liu", "per-liu-shaoqi", None)]),
        ("Mao Anying", [("Mao Anying", "per-mao-anying", None)]),
        ("Vasily Stalin", [("Vasily Stalin", "per-stalin-vasily", None)]),
    ],
)
def test_find_names(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kim said so.",                        # no earlier full mention of a Kim
        "Mao Xinyu arrived",                   # a bare surname followed by another name is not Mao Zedong
        "stalin molotov",                      # names are capitalised
        "Stalingrad and Maoism",               # word boundaries
        "the Korean and Chinese comrades",     # adjectives are not places
        "the Soviet Ambassador",
        "the General Staff",                   # Soviet or Chinese: never guessed
        "let us go, US",                       # not the USA
        "Mid-October",
        "600 т. ДДТ",
        "корейских товарищей",
        "дальний путь",
        "Peng said",
    ],
)
def test_find_names_stays_silent(text: str) -> None:
    assert find_names(text) == []


def test_bare_name_stays_unresolved_when_two_bearers_were_named() -> None:
    text = "Kim Il Sung and Kim Chaek met. Kim said so."
    assert found(text) == [("Kim Il Sung", "per-kim-il-sung", None), ("Kim Chaek", "per-kim-chaek", None)]


def test_titles_are_outside_the_span() -> None:
    text = "Тов. Сталину; Cde. Mao Zedong; Comrade Roshchin"
    spans = [text[m.start:m.end] for m in find_names(text)]
    assert spans == ["Сталину", "Mao Zedong", "Roshchin"]


def test_values_are_name_refs() -> None:
    match = find_names("Filippov")[0]
    assert isinstance(match, Match)
    assert match.value == NameRef(kind="person", key="per-stalin", role="pseudonym")


def test_empty_text() -> None:
    assert find_names("") == [] and find_unknown_names("") == []


# --------------------------------------------------------------------------
# Names the register does not know
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tell Comrade Ivanenko about it", ["Ivanenko"]),
        ("To Comrade General SIDORENKO", ["SIDORENKO"]),
        ("тов. Сидорову", ["Сидорову"]),
        ("Передать т. Петрову и т. Сидорову", ["Петрову", "Сидорову"]),
        ("BEIJING, TO IVANOV", ["IVANOV"]),
        ("To NORTH KOREA To SEMENOV TOP PRIORITY", ["SEMENOV"]),
        ("21.XI.51 PETROV", ["PETROV"]),
        ("TOP SECRET\nCIPHERED TELEGRAM\nKOVALENKO\n", ["KOVALENKO"]),
        ("To Cdes. Ivanov and Petrov.", ["Ivanov", "Petrov"]),
        ("Comrade Kuz'min and Comrade Li Tao", ["Li Tao"]),
        # cipher clerks sign after their office's words
        ("Typed by Fedotova\nat 2320 28 November", ["Fedotova"]),
        ("Verified by Shift Chief Lavrov 2345", ["Lavrov"]),
        ("отп. Кузнецова\n23.40 3.8", ["Кузнецова"]),
        ("On arrival Professor Sokolov will report", ["Sokolov"]),
        ("Typed by Kravchuk on 10/09/50", []),            # in the register
        ("Sent by wire on 10/09/50", []),
    ],
)
def test_find_unknown_names(text: str, expected: list[str]) -> None:
    assert find_unknown_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "To Comrade FILIPPOV [Stalin]",        # known
        "Comr. Copy",                          # not a name
        "5. Comr. 10th department",
        "TOP SECRET\nCIPHERED TELEGRAM\nSPECIAL\n",
        "СОВЕРШЕННО СЕКРЕТНО\nПОДЛЕЖИТ ВОЗВРАТУ\nШИФРТЕЛЕГРАММА",
        "PEKING, TO THE SOVIET AMBASSADOR",
        "600 т. ДДТ",
        "To Comrade Chairman Mao",
        "ROSHCHIN\nNo. 2974",
        "Для немедленной передачи МАО ЦЗЕ-ДУНУ",
    ],
)
def test_find_unknown_names_stays_silent(text: str) -> None:
    assert find_unknown_names(text) == []


@pytest.mark.parametrize("path", shared_files("seeds") + shared_files("corpus-dev"), ids=lambda p: p.name)
def test_shared_samples_have_no_unknown_names(path) -> None:
    assert find_unknown_names(path.read_text(encoding="utf-8")) == []


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
NAMEISH = st.lists(
    st.sampled_from(list("FILPOVStalinMaoZedongКимИрСенПЕКИН []().,'-\nт")
                    + ["Cde. ", "Тов. ", "Kim ", "Mao ", "Kim Il Sung", "Liu [Shaoqi]", "[Li] Fuchun", "I.V. ", "Сталину"]),
    max_size=40,
).map("".join)


def assert_well_formed(text: str, matches: list[Match[NameRef]]) -> None:
    previous_end = 0
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end, "spans overlap or are out of order"
        span = text[match.start:match.end]
        assert span == span.strip(), "span has surrounding whitespace"
        assert match.value.kind in ("person", "place", "org")
        previous_end = match.end


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=120), NAMEISH))
def test_find_names_spans_are_well_formed(text: str) -> None:
    assert_well_formed(text, find_names(text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), NAMEISH))
def test_find_unknown_names_never_crashes(text: str) -> None:
    names = find_unknown_names(text)
    assert len(names) == len(set(names))
    assert all(name and name in text for name in names)
