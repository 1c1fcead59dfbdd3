"""Tests for the copy-distribution recogniser (pipeline.recognise.distribution)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import DistributionItem, DistributionTotal
from pipeline.recognise.distribution import distribution_summary, find_distribution


def Total(copies):
    return DistributionTotal(copies)


def Item(n=None, copies=1):
    return DistributionItem(n=n, copies=copies, person=None)


def found(text):
    """The matches as (text as written, value) pairs."""
    return [(text[match.start:match.end], match.value) for match in find_distribution(text)]


# --------------------------------------------------------------------------
# Real-looking distributions
# --------------------------------------------------------------------------
CASES = [
    # Russian: total, then numbered dative lines (trailing double spaces as in the exports)
    ("отп. три экз.\n\n1. Тов. Сталину  \n2. Тов. Сталину  \n3. Тов. Молотову",
     [("отп. три экз.", Total(3)), ("Тов. Сталину", Item(1)), ("Тов. Сталину", Item(2)),
      ("Тов. Молотову", Item(3))]),
    ("отп. 2 экз.", [("отп. 2 экз.", Total(2))]),
    ("Отп. 5 экз.", [("Отп. 5 экз.", Total(5))]),
    ("отп. две экз.", [("отп. две экз.", Total(2))]),
    ("отп. четыре экз.", [("отп. четыре экз.", Total(4))]),
    ("отп. двенадцать экз.", [("отп. двенадцать экз.", Total(12))]),
    ("Отпечатано в 3-х экз.", [("Отпечатано в 3-х экз.", Total(3))]),
    ("В одном экземпляре", [("В одном экземпляре", Total(1))]),
    ("Напечатано в двух экземплярах", [("Напечатано в двух экземплярах", Total(2))]),
    ("3 (три) экз.", [("3 (три) экз.", Total(3))]),
    ("отп. [неразб.] экз.", [("отп. [неразб.] экз.", Total(None))]),
    ("отп. 3 экз.\n1 - т. Сталину\n2 - т. Молотову\n3 - в дело",
     [("отп. 3 экз.", Total(3)), ("т. Сталину", Item(1)), ("т. Молотову", Item(2)),
      ("в дело", Item(3))]),
    ("Отпечатано в 3-х экз.\n1. Тов. Сталину И.В.\n2. Тов. Молотову В.М.\n3. В дело.",
     [("Отпечатано в 3-х экз.", Total(3)), ("Тов. Сталину И.В.", Item(1)),
      ("Тов. Молотову В.М.", Item(2)), ("В дело", Item(3))]),
    ("Всего отп. 4 экз.\n1-2 – т. Сталину\n3 – т. Молотову\n4 – в дело",
     [("Всего отп. 4 экз.", Total(4)), ("1-2 – т. Сталину", Item(None, 2)),
      ("т. Молотову", Item(3)), ("в дело", Item(4))]),
    ("отп. 4 экз.\nэкз. № 1-2 – т. Сталину\nэкз. № 3 – т. Молотову\nэкз. № 4 – в дело",
     [("отп. 4 экз.", Total(4)), ("экз. № 1-2 – т. Сталину", Item(None, 2)),
      ("экз. № 3 – т. Молотову", Item()), ("экз. № 4 – в дело", Item())]),
    ("Разослать: тт. Сталину, Молотову, Маленкову",
     [("тт. Сталину", Item()), ("Молотову", Item()), ("Маленкову", Item())]),
    ("Рассылка: 1 – т. Сталину; 2 – т. Молотову",
     [("т. Сталину", Item(1)), ("т. Молотову", Item(2))]),
    ("Рассылка: 1 – т. Сталину, 2 – т. Молотову",
     [("т. Сталину", Item(1)), ("т. Молотову", Item(2))]),
    ("Разослать:\n1. т. Сталину\n2. т. Молотову\n\nВерно: начальник смены",
     [("т. Сталину", Item(1)), ("т. Молотову", Item(2))]),
    ("Копии: тт. Сталину (2 экз.), Молотову.",
     [("тт. Сталину (2 экз.)", Item(None, 2)), ("Молотову", Item())]),
    ("Разослать: Товарищу Сталину и Товарищу Молотову",
     [("Товарищу Сталину", Item()), ("Товарищу Молотову", Item())]),
    # English: labelled lists
    ("Copies: Stalin (2), Molotov", [("Stalin (2)", Item(None, 2)), ("Molotov", Item())]),
    ("Copies: Stalin (2), Molotov, Malenkov, Beria, Mikoyan, Kaganovich, Bulganin",
     [("Stalin (2)", Item(None, 2))]
     + [(name, Item()) for name in ("Molotov", "Malenkov", "Beria", "Mikoyan", "Kaganovich", "Bulganin")]),
    ("Copies: Stalin, Copy", [("Stalin", Item()), ("Copy", Item())]),
    ("Copies: Stalin (2)", [("Stalin (2)", Item(None, 2))]),
    ("Copies: Stalin (2)\nFrom BEIJING\nReceived 19:55 13.June.1951", [("Stalin (2)", Item(None, 2))]),
    ("Copies: Stalin (2), File of 8th", [("Stalin (2)", Item(None, 2)), ("File of 8th", Item())]),
    ("Copies: Stalin and Molotov", [("Stalin", Item()), ("Molotov", Item())]),
    ("Copies: Stalin (2 copies), Molotov (1 copy)",
     [("Stalin (2 copies)", Item(None, 2)), ("Molotov (1 copy)", Item())]),
    ("Copies - Stalin, Molotov", [("Stalin", Item()), ("Molotov", Item())]),
    ("Copies: Cde. Stalin, Comr. Molotov", [("Cde. Stalin", Item()), ("Comr. Molotov", Item())]),
    ("Copies:\nStalin (2)\nMolotov\n\nTelegram from Stalin to Mao answering his request for advisers.",
     [("Stalin (2)", Item(None, 2)), ("Molotov", Item())]),
    ("Distribution list - 11 copies: Stalin - 2,\n"
     "Molotov - 1, Malenkov - 1, Beria - 1, Mikoyan - 1, Kaganovich - 1, Bulganin - 1.",
     [("11 copies", Total(11)), ("Stalin - 2", Item(None, 2))]
     + [(f"{name} - 1", Item()) for name in ("Molotov", "Malenkov", "Beria", "Mikoyan", "Kaganovich", "Bulganin")]),
    # English: total, then items
    ("5 copies\n\n14 May 1950\n\n1. Comr. Stalin\n\n2. Comr. Molotov\n\n3. Comr. Vyshinsky\n\n"
     "4. Comr. 10th department\n\n5. Comr. Copy",
     [("5 copies", Total(5)), ("Comr. Stalin", Item(1)), ("Comr. Molotov", Item(2)),
      ("Comr. Vyshinsky", Item(3)), ("Comr. 10th department", Item(4)), ("Comr. Copy", Item(5))]),
    ("5 copies:\n\n14 May 1950\n\n1. Comr. Stalin\n2. Comr. Molotov",
     [("5 copies", Total(5)), ("Comr. Stalin", Item(1)), ("Comr. Molotov", Item(2))]),
    ("One copy printed for Cde. Stalin.", [("One copy printed", Total(1)), ("Cde. Stalin", Item())]),
    ("One copy printed for Cde. Stalin.\nTelegraph the fulfillment.",
     [("One copy printed", Total(1)), ("Cde. Stalin", Item())]),
    ("Three copies printed  \nto Cde. Stalin  \nto Cde. Molotov\nTelegraph the fulfillment [ispolneniie].",
     [("Three copies printed", Total(3)), ("Cde. Stalin", Item()), ("Cde. Molotov", Item())]),
    ("FILIPPOV\n\n5 July 1950\n\nThree copies printed\nto Cde. Stalin\nto Cde. Molotov",
     [("Three copies printed", Total(3)), ("Cde. Stalin", Item()), ("Cde. Molotov", Item())]),
    ("Two copies printed. Nº 2 to file.", [("Two copies printed", Total(2)), ("Nº 2 to file", Item())]),
    ("Two copies printed. № 2 to file.", [("Two copies printed", Total(2)), ("№ 2 to file", Item())]),
    ("Three copies made\ncopies NºNº 1-2 to Cde. Poskrebyshev\ncopy Nº 3 – to Cde. Molotov\n\n\u00a0\n\n"
     "Typed by Plyvkina\nat 0230 2 September",
     [("Three copies made", Total(3)), ("copies NºNº 1-2 to Cde. Poskrebyshev", Item(None, 2)),
      ("copy Nº 3 – to Cde. Molotov", Item())]),
    ("Three copies made\ncopies N\u00a0N\u00a0 1-2 to Cde. Poskrebyshev\ncopy N\u00a0 3 – to Cde. Molotov",
     [("Three copies made", Total(3)), ("copies N\u00a0N\u00a0 1-2 to Cde. Poskrebyshev", Item(None, 2)),
      ("copy N\u00a0 3 – to Cde. Molotov", Item())]),
    ("Printed in two copies\nNos. 1, 2 to Cde. Stalin",
     [("Printed in two copies", Total(2)), ("Nos. 1, 2 to Cde. Stalin", Item(None, 2))]),
    ("sent in one copy from an original\nby Mokrov Nº 1644\n4 May 1950", [("sent in one copy", Total(1))]),
    ("Three copies printed, one returned", [("Three copies printed", Total(3))]),
    ("5 copies sent to Molotov", [("5 copies sent", Total(5)), ("Molotov", Item())]),
    ("2 copies\n1. Comr. Stalin, Comr. Molotov",
     [("2 copies", Total(2)), ("Comr. Stalin", Item(1)), ("Comr. Molotov", Item())]),
    ("Two copies printed.\nTyped by Kravchuk", [("Two copies printed", Total(2))]),
    ("отп. 2 экз.\n1. Тов. Сталину\n2. Your request for aviation equipment has been received and will be met.",
     [("отп. 2 экз.", Total(2)), ("Тов. Сталину", Item(1))]),
    ("TWELVE COPIES PRINTED", [("TWELVE COPIES PRINTED", Total(12))]),
    ("отп. три экз.\r\n1. Тов. Сталину\r\n2. Тов. Молотову\r\n",
     [("отп. три экз.", Total(3)), ("Тов. Сталину", Item(1)), ("Тов. Молотову", Item(2))]),
    # two distributions: the original's and the translation's
    ("отп. три экз.\n\n1. Тов. Сталину\n\nВерно: начальник смены\n\nThree copies printed\nto Cde. Stalin",
     [("отп. три экз.", Total(3)), ("Тов. Сталину", Item(1)), ("Three copies printed", Total(3)),
      ("Cde. Stalin", Item())]),
    # an export that lost its line breaks: the labelled list ends the run-together line
    ("ROSHCHIN No. 1042 18.4.51 Copies: Stalin (2), Molotov, Bulganin",
     [("Stalin (2)", Item(copies=2)), ("Molotov", Item()), ("Bulganin", Item())]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_find_distribution(text, expected):
    assert found(text) == expected


# --------------------------------------------------------------------------
# Text that is not a distribution
# --------------------------------------------------------------------------
NOT_DISTRIBUTIONS = [
    "Copies of the treaty were sent to Molotov",
    "Typed by Kravchuk",
    "Верно: начальник смены",
    "отп. Степанова",
    "Making copies is prohibited",
    "Снятие копий воспрещается.",
    "Copy Nº 1",
    "Экз. № 2",
    "COPY OF AN OUTGOING TELEGRAM",
    "5 copies of the letter were sent to Beijing.",
    "We sent three copies of the report to Cde. Molotov.",
    "1. Тов. Сталину",
    "to Cde. Stalin",
    "Stalin (2), Molotov",
    "Copies - that is all we have.",
    "We received the letter. Copies: none were made of it, and we ask you to send some soon to us here.",
    "the copies: Stalin's and Molotov's",
    "Поступила: 23.45 5.7.50г.",
    "",
]


@pytest.mark.parametrize("text", NOT_DISTRIBUTIONS)
def test_not_a_distribution(text):
    assert find_distribution(text) == []


# --------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------
SUMMARIES = [
    ("отп. три экз.\n\n1. Тов. Сталину\n2. Тов. Сталину\n3. Тов. Молотову", (3, 3)),
    ("Three copies printed\nto Cde. Stalin\nto Cde. Molotov", (3, 2)),
    ("Copies: Stalin (2), Molotov", (None, 3)),
    ("Three copies made\ncopies NºNº 1-2 to Cde. Poskrebyshev\ncopy Nº 3 – to Cde. Molotov", (3, 3)),
    ("отп. [неразб.] экз.\n1. Тов. Сталину", (None, 1)),
    ("Typed by Kravchuk", (None, 0)),
]


@pytest.mark.parametrize("text, expected", SUMMARIES)
def test_distribution_summary(text, expected):
    assert distribution_summary(find_distribution(text)) == expected


def test_summary_of_nothing():
    assert distribution_summary([]) == (None, 0)


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
FRAGMENTS = [
    "отп. три экз.", "1. Тов. Сталину", "2 - т. Молотову", "Copies:", "Copies: Stalin (2), Molotov",
    "5 copies", "Three copies printed", "to Cde. Stalin", "Nº 2 to file", "copies NºNº 1-2 to",
    "Distribution list - 11 copies:", "Stalin - 2,", "Разослать:", "14 May 1950", "Typed by Kravchuk",
    "Верно:", "в дело", "(", ")", "–", ",", ";", ".", "№", "экз.", "copy", "и", "and", "12", "0",
]


def check_spans(text, matches):
    previous_end = 0
    for match in matches:
        assert 0 <= previous_end <= match.start < match.end <= len(text)
        written = text[match.start:match.end]
        assert written == written.strip()
        assert isinstance(match.value, (DistributionTotal, DistributionItem))
        if isinstance(match.value, DistributionItem):
            assert match.value.copies >= 1
            assert match.value.person is None
        previous_end = match.end


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25),
       st.lists(st.sampled_from([" ", "\n", "\n\n", "  \n", "\u00a0", ""]), min_size=1, max_size=25))
def test_find_distribution_never_crashes_and_spans_are_sound(fragments, separators):
    text = "".join(fragment + separators[index % len(separators)] for index, fragment in enumerate(fragments))
    matches = find_distribution(text)
    check_spans(text, matches)
    stated, counted = distribution_summary(matches)
    assert counted == sum(m.value.copies for m in matches if isinstance(m.value, DistributionItem))
    assert stated is None or stated >= 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_find_distribution_on_any_text(text):
    check_spans(text, find_distribution(text))


NAMES = ["Stalin", "Molotov", "Malenkov", "Beria", "Mikoyan", "Kaganovich", "Bulganin", "Vyshinsky"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.integers(min_value=1, max_value=9)), min_size=1, max_size=8),
       st.sampled_from(["({})", "- {}"]))
def test_labelled_list_counts_every_recipient(recipients, count_form):
    entries = [name if copies == 1 else f"{name} {count_form.format(copies)}" for name, copies in recipients]
    text = "Copies: " + ", ".join(entries)
    matches = find_distribution(text)
    assert [text[m.start:m.end] for m in matches] == entries
    assert distribution_summary(matches) == (None, sum(copies for _, copies in recipients))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Сталину", "Молотову", "Маленкову", "Берия", "Булганину"]), min_size=1, max_size=12),
       st.sampled_from(["Тов.", "т.", "Товарищу"]))
def test_numbered_russian_list_keeps_every_line(recipients, title):
    lines = [f"{index}. {title} {name}" for index, name in enumerate(recipients, start=1)]
    text = f"отп. {len(recipients)} экз.\n\n" + "  \n".join(lines)
    matches = find_distribution(text)
    assert matches[0].value == DistributionTotal(len(recipients))
    items = matches[1:]
    assert [text[m.start:m.end] for m in items] == [f"{title} {name}" for name in recipients]
    assert [m.value.n for m in items] == list(range(1, len(recipients) + 1))
    assert distribution_summary(matches) == (len(recipients), len(recipients))
