"""Tests for pipeline.recognise.addressing and the correspondents it completes (intermediaries, pass-on recipients)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.enrich import _with_addressing
from pipeline.model import Correspondents, NameRef
from pipeline.recognise.addressing import find_addressing
from pipeline.recognise.correspondents import parse_title


def keys(references) -> list[str]:
    return [reference.key for reference in references]


@pytest.mark.parametrize(
    "text, addressees, passed_to, transmitted_to",
    [
        ("BEIJING, TO ROSHCHIN\n\nDeliver immediately to the addressee.", ["per-roshchin"], [], []),
        ("To Comrade Kotov\n\nVisit Zhou Enlai and transmit to him the reply.", ["per-kotov"], ["per-zhou-enlai"], []),
        ("BEIPING\n\nto TEREBIN\n\nPass the following to Cde. MAO ZEDONG:", ["per-orlov"], ["per-mao"], []),
        ("PEKING, TO THE SOVIET AMBASSADOR\nPass [the following] to Mao Zedong or Zhou Enlai:", [],
         ["per-mao", "per-zhou-enlai"], []),
        ("for Cde. ROSHCHIN: please familiarize ARKHIPOV with point two.", ["per-roshchin"], [], []),
        ("Transmitted to Bulganin\n\nOn 1.X.50", [], [], ["per-bulganin"]),
        ("Передано т. Булганину.\n1.X.50г. в 3ч.00м.", [], [], ["per-bulganin"]),
        ("Передайте Чжоу Эн-лаю:", [], ["per-zhou-enlai"], []),
        ("Для немедленной передачи МАО ЦЗЕ-ДУНУ или ЧЖОУ ЭНЬ-ЛАЮ.", [], ["per-mao", "per-zhou-enlai"], []),
        ("Товарищу ФИЛИППОВУ.", ["per-stalin"], [], []),
        # quoted letters and editors' brackets are not addresses
        ("\u201cTo Comrade MAO ZEDONG.\n\nToday there was a conversation", [], [], []),
        ("[handwritten: to Cde. Poskrebyshev]", [], [], []),
        # prose and empty labels name nobody
        ("To my [telegram] No. 2967.", [], [], []),
        ("Передана:\n\nНа Ваш № 1112.", [], [], []),
        ("Zhou Enlai paid a visit to me today.", [], [], []),
    ],
)
def test_find_addressing(text, addressees, passed_to, transmitted_to) -> None:
    found = find_addressing([text])
    assert (keys(found.addressees), keys(found.passed_to), keys(found.transmitted_to)) == (
        addressees, passed_to, transmitted_to)


@pytest.mark.parametrize(
    "text, sent_by",
    [
        ("(Comrade Nowak sends the dispatch regarding the following):", ["per-nowak"]),
        ("Comrade Roshchin is sending the following.", ["per-roshchin"]),
        ("Тов. Рощин посылает следующее:", ["per-roshchin"]),
        # the name must open the line and the verb follow it directly
        ("We ask Comrade Nowak to send the dispatch.", []),
        ("Nowak, who sends greetings, arrived.", []),
        ("Send to Comrade Nowak.", []),
    ],
)
def test_find_sender_lines(text: str, sent_by: list[str]) -> None:
    assert keys(find_addressing([text]).sent_by) == sent_by


def person(key: str) -> NameRef:
    return NameRef("person", key)


@pytest.mark.parametrize(
    "title, body, senders, recipients, intermediaries",
    [
        # TO ROSHCHIN … for Mao: the addressee carries it
        ("Ciphered telegram, Filippov (Stalin) to Mao Zedong", "BEIJING, TO ROSHCHIN\n\n\u201cTo Comrade MAO ZEDONG.",
         ["per-stalin"], ["per-mao"], ["per-roshchin"]),
        # the title names an office: the pass-on target is the recipient
        ("Cable No. 4785, Filippov [Stalin] to the Soviet Ambassador in Peking",
         "Peking, to the Soviet Ambassador. Pass immediately to Cde. Mao Zedong.", ["per-stalin"], ["per-mao"], []),
        ("Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai (via Roshchin)",
         "Transmitted to Bulganin\nOn 1.X.50", ["per-stalin"], ["per-mao", "per-zhou-enlai"],
         ["per-roshchin", "per-bulganin"]),
        # the addressee is the recipient: nobody in between
        ("Telegram, Shtykov to Vyshinsky", "To Vyshinsky.", ["per-shtykov"], ["per-vyshinsky"], []),
        # a title "X to Y for Z": Y carries it to Z
        ("Ciphered Telegram No. 9114, Vyshinsky to Roshchin for Zhou Enlai", "", ["per-vyshinsky"],
         ["per-zhou-enlai"], ["per-roshchin"]),
        ("Cable No. 1796, Filippov [Stalin] to the Soviet Ambassador in Peking for Mao Zedong", "", ["per-stalin"],
         ["per-mao"], []),
        # the title names only places, nobody is asked to pass it on: the addressee receives it
        ("Secret Telegram from Moscow to Warsaw, No. 848", "To Comrade Trepczynski\n\nThis is based on a talk.",
         ["pl-moscow"], ["pl-warsaw", "per-trepczynski"], []),
        # … and where it names no person as sender, "Comrade X sends" does
        ("Secret Telegram from Moscow to Warsaw, No. 848",
         "To Comrade Trepczynski\n\n(Comrade Nowak sends the dispatch regarding the following):",
         ["pl-moscow", "per-nowak"], ["pl-warsaw", "per-trepczynski"], []),
        # a sender named in the title is not replaced by a sending line
        ("Telegram, Shtykov to Vyshinsky", "Comrade Roshchin sends the following.\nTo Vyshinsky.",
         ["per-shtykov"], ["per-vyshinsky"], []),
        # … but where someone is asked to pass it on, the addressee only carries it
        ("Telegram from Moscow to Beijing", "To Comrade Kotov\n\nVisit Zhou Enlai and transmit to him the reply.",
         ["pl-moscow"], ["pl-beijing", "per-zhou-enlai"], ["per-kotov"]),
        # an office named in the title, the addressee only in the text
        ("Cable, Filippov [Stalin] to the Soviet Ambassador in Peking", "BEIJING, TO ROSHCHIN\n\nReport at once.",
         ["per-stalin"], ["per-roshchin"], []),
    ],
)
def test_correspondents_with_addressing(title, body, senders, recipients, intermediaries) -> None:
    result = _with_addressing(parse_title(title), find_addressing([body]))
    assert (keys(result.senders), keys(result.recipients), keys(result.intermediaries)) == (
        senders, recipients, intermediaries)


def test_a_sender_is_never_an_intermediary() -> None:
    title = Correspondents(senders=(person("per-stalin"),), recipients=(person("per-mao"),))
    result = _with_addressing(title, find_addressing(["To Comrade FILIPPOV\n\nTransmitted to Filippov"]))
    assert keys(result.intermediaries) == []


@given(st.lists(st.sampled_from(list("To Cde.,:\n\"[]") + ["Roshchin", "Mao", "Pass to ", "Передано т. ",
                                                              "Bulganin", "Передайте "]), max_size=30).map("".join))
def test_find_addressing_never_crashes_and_names_are_unique(text: str) -> None:
    found = find_addressing([text])
    for group in (found.addressees, found.passed_to, found.transmitted_to):
        assert len(keys(group)) == len(set(keys(group)))
