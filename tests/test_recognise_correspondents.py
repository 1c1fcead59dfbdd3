"""Tests of the correspondent parser for catalogue titles."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Correspondents, NameRef
from pipeline.recognise.correspondents import parse_title

STALIN_AS_FILIPPOV = "per-stalin*"


def keys(references: tuple[NameRef, ...]) -> list[str]:
    return [reference.key + ("*" if reference.role == "pseudonym" else "") for reference in references]


@pytest.mark.parametrize(
    ("title", "senders", "recipients", "intermediaries"),
    [
        ("Telegram from Flippov [Stalin] to Mao Zedong and Zhou Enlai",
         [STALIN_AS_FILIPPOV], ["per-mao", "per-zhou-enlai"], []),
        ("Ciphered telegram, Filippov [Stalin] to Zhou Enlai or Mao Zedong (via Roshchin)",
         [STALIN_AS_FILIPPOV], ["per-zhou-enlai", "per-mao"], ["per-roshchin"]),
        ("Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai (via Roshchin)",
         [STALIN_AS_FILIPPOV], ["per-mao", "per-zhou-enlai"], ["per-roshchin"]),
        ("Cable No. 4785, Filippov [Stalin] and Zhou Enlai to the Soviet Ambassador in Peking",
         [STALIN_AS_FILIPPOV, "per-zhou-enlai"], [], []),
        ("Ciphered telegram, Filippov (Stalin) to Mao Zedong re meeting in Moscow with Gao Gang and Kim Il Sung",
         [STALIN_AS_FILIPPOV], ["per-mao"], []),
        ("Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]", ["per-roshchin"], [STALIN_AS_FILIPPOV], []),
        ("Telegram from Kim Il Sung to Stalin (via Shtykov)", ["per-kim-il-sung"], ["per-stalin"], ["per-shtykov"]),
        ("Ciphered Telegram No. 17318 from Beijing, Zhou Enlai to Filippov [Stalin]",
         ["per-zhou-enlai"], [STALIN_AS_FILIPPOV], []),
        ("Telegram, Shtykov to Vyshinskyy", ["per-shtykov"], ["per-vyshinsky"], []),
        ("Telegram from Shtykov to USSR Council of Ministers", ["per-shtykov"], ["org-council-of-ministers-ussr"], []),
        ("Cable, Stalin [Kuznetsov] to Mao Zedong [via Terebin]", ["per-stalin"], ["per-mao"], ["per-orlov*"]),
        ("Ciphered Telegram, Filippov (Stalin) to Zhou Enlai via Zakharov",
         [STALIN_AS_FILIPPOV], ["per-zhou-enlai"], ["per-zakharov"]),
        ("Telegram from Mao Zedong to I.V. Stalin, via Roshchin", ["per-mao"], ["per-stalin"], ["per-roshchin"]),
        ("Ciphered Telegram No. 20772, Roshchin to Comrade Filippov [Stalin], containing a Message from Mao Zedong",
         ["per-roshchin"], [STALIN_AS_FILIPPOV], []),
        ("Cable, Zhou Enlai to the Chairman [Mao Zedong] and Comrades Liu [Shaoqi], Zhu [De], Peng [Dehuai], [Li] Fuchun, and Su Yu",
         ["per-zhou-enlai"],
         ["per-mao", "per-liu-shaoqi", "per-zhu-de", "per-peng-dehuai", "per-li-fuchun", "per-su-yu"], []),
        ("Hand-delivered letter, Filippov (Stalin) to Mao Zedong", [STALIN_AS_FILIPPOV], ["per-mao"], []),
        ("Ciphered Telegram No. 3559, Filippov [Stalin] to Krasovsky", [STALIN_AS_FILIPPOV], ["per-krasovsky"], []),
        ("Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong", ["per-vyshinsky"], ["per-mao"], []),
        ("Ciphered Telegram No. 26044, Gromyko to Razuvaev", ["per-gromyko"], ["per-razuvaev"], []),
        ("Cable No. 3582 from Flilippov [Stalin] to Cde. Mao Zedong", [STALIN_AS_FILIPPOV], ["per-mao"], []),
        ("Cable No. 2220, from Filippov [Stalin] to Mao Zedong", [STALIN_AS_FILIPPOV], ["per-mao"], []),
        ("Ciphered Telegram, Roshchin to Cde. Filippov [Stalin]", ["per-roshchin"], [STALIN_AS_FILIPPOV], []),
        ("Ciphered telegram, Filippov [Stalin] to Zhou Enlai", [STALIN_AS_FILIPPOV], ["per-zhou-enlai"], []),
        ("Ciphered telegram, Filippov [Stalin] to Mao Zedong", [STALIN_AS_FILIPPOV], ["per-mao"], []),
        ("Telegram from Mao Zedong (via Kovalev) to Filippov [Stalin]", ["per-mao"], [STALIN_AS_FILIPPOV], ["per-kovalev"]),
        ("Telegram from Feng Xi [Stalin] to Mao Zedong", [STALIN_AS_FILIPPOV], ["per-mao"], []),
        ("Cable from Kim Il Sung and Pak Heon-yeong to Stalin, 29 September 1950",
         ["per-kim-il-sung", "per-pak-heon-yeong"], ["per-stalin"], []),
        ("Excerpt from the Telegram from Roshchin to Filippov on the Korean question",
         ["per-roshchin"], [STALIN_AS_FILIPPOV], []),
        ("Telegram of Congratulations, Stalin to Mao Zedong", ["per-stalin"], ["per-mao"], []),
        ("Telegram from Beijing to Moscow, Mao Zedong to Stalin", ["per-mao"], ["per-stalin"], []),
        ("Letter from Kim Il Sung", ["per-kim-il-sung"], [], []),
        ("Instructions to Roshchin", [], ["per-roshchin"], []),
        ("Telegram from Stalin to the Soviet Ambassador in Pyongyang", ["per-stalin"], [], []),
        ("July 26, 1952 Cable, Zhou Enlai to the Chairman [Mao Zedong]", ["per-zhou-enlai"], ["per-mao"], []),
        ('"Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai (via Roshchin),"',
         [STALIN_AS_FILIPPOV], ["per-mao", "per-zhou-enlai"], ["per-roshchin"]),
        ("Memorandum of Conversation between Stalin and Mao Zedong", [], [], []),
        ("Telegram from Unknown Person to Some Body", [], [], []),
    ],
)
def test_parse_title(title: str, senders: list[str], recipients: list[str], intermediaries: list[str]) -> None:
    result = parse_title(title)
    assert keys(result.senders) == senders
    assert keys(result.recipients) == recipients
    assert keys(result.intermediaries) == intermediaries


@pytest.mark.parametrize(
    ("title", "sender_text", "recipient_text"),
    [
        ("Telegram from Flippov [Stalin] to Mao Zedong and Zhou Enlai", "Flippov [Stalin]", "Mao Zedong and Zhou Enlai"),
        ("Ciphered telegram, Filippov [Stalin] to Zhou Enlai or Mao Zedong (via Roshchin)",
         "Filippov [Stalin]", "Zhou Enlai or Mao Zedong"),
        ("Cable No. 4785, Filippov [Stalin] and Zhou Enlai to the Soviet Ambassador in Peking",
         "Filippov [Stalin] and Zhou Enlai", "the Soviet Ambassador in Peking"),
        ("Ciphered Telegram No. 20772, Roshchin to Comrade Filippov [Stalin], containing a Message from Mao Zedong",
         "Roshchin", "Comrade Filippov [Stalin]"),
        ("Ciphered Telegram No. 17318 from Beijing, Zhou Enlai to Filippov [Stalin]", "Zhou Enlai", "Filippov [Stalin]"),
        ("Telegram from Mao Zedong to I.V. Stalin, via Roshchin", "Mao Zedong", "I.V. Stalin"),
        ("Cable, Stalin [Kuznetsov] to Mao Zedong [via Terebin]", "Stalin [Kuznetsov]", "Mao Zedong"),
        ("Secret Telegram from Moscow to Warsaw, No. 848", "Moscow", "Warsaw"),
        ("Instructions to Roshchin", None, "Roshchin"),
        ("Memorandum of Conversation between Stalin and Mao Zedong", None, None),
    ],
)
def test_phrases_as_written(title: str, sender_text: str | None, recipient_text: str | None) -> None:
    result = parse_title(title)
    assert result.sender_text == sender_text
    assert result.recipient_text == recipient_text


def test_places_only_when_no_person_is_named() -> None:
    result = parse_title("Secret Telegram from Moscow to Warsaw, No. 848")
    assert result.senders == (NameRef(kind="place", key="pl-moscow"),)
    assert result.recipients == (NameRef(kind="place", key="pl-warsaw"),)
    with_person = parse_title("Ciphered Telegram No. 17318 from Beijing, Zhou Enlai to Filippov [Stalin]")
    assert all(reference.kind == "person" for reference in with_person.senders + with_person.recipients)


def test_pseudonym_resolves_to_the_real_person() -> None:
    result = parse_title("Ciphered telegram, Filippov [Stalin] to Mao Zedong")
    assert result.senders == (NameRef(kind="person", key="per-stalin", role="pseudonym"),)


def test_organisation_recipient_has_kind_org() -> None:
    result = parse_title("Telegram from Shtykov to USSR Council of Ministers")
    assert result.recipients == (NameRef(kind="org", key="org-council-of-ministers-ussr"),)


@pytest.mark.parametrize("title", ["", "   ", "Telegram", "No. 848", "to", "from to via"])
def test_titles_without_correspondents(title: str) -> None:
    result = parse_title(title)
    assert result.senders == () and result.recipients == () and result.intermediaries == ()


TITLEISH = st.lists(
    st.sampled_from([
        "Ciphered", "Telegram", "No. 25553,", "from", "to", "via", "(via", "[via", "Roshchin)", "Filippov", "[Stalin]",
        "(Stalin)", "Mao Zedong", "and", "or", "Beijing,", "Moscow", "the Soviet Ambassador", "re", "containing",
        "Comrade", "Cde.", ",", "[Li]", "Fuchun", "Liu", "[Shaoqi]", "Kim", "Council of Ministers", "]", "(",
    ]),
    max_size=14,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=100), TITLEISH))
def test_parse_title_never_crashes(title: str) -> None:
    result = parse_title(title)
    assert isinstance(result, Correspondents)
    for text in (result.sender_text, result.recipient_text):
        assert text is None or (text in title and text == text.strip())
    for reference in result.senders + result.recipients + result.intermediaries:
        assert reference.kind in ("person", "place", "org")
    for group in (result.senders, result.recipients, result.intermediaries):
        assert len({reference.key for reference in group}) == len(group)
