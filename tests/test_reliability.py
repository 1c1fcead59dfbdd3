"""Bad input, encodings, character cleaning, markup-looking text, limits and security (issue #8).

Every case expects a one-line message naming the file (and the line where
there is one), never a traceback; a failing document never stops the others.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree, html as lxml_html

from pipeline import files, text_input
from pipeline.cli import main
from pipeline.convert import convert_text
from pipeline.errors import EditionError
from pipeline.files import discover, read_source
from pipeline.render import get_renderer, saxon_processor
from pipeline.text_input import clean_text, decode_source
from pipeline.validate import parse_tei, validate_tei_bytes

from .conftest import ROOT, SOURCES

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
CITATION_SAMPLE = SOURCES / "03_plain-citation-two-russian-versions.txt"
SAMPLE_URL = "<http://digitalarchive.wilsoncenter.org/document/900103>"
# Invented Russian prose (not from any archive), long enough to tell encodings apart.
RUSSIAN = ("Сообщаем, что правительство решило направить в ваше распоряжение сорок переводчиков "
           "китайского языка. Просим организовать их встречу на станции и сообщить о принятых мерах. "
           "Товарищ Захаров доложит о распределении переводчиков между советниками.\n")
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def sample_with(old: str, new: str) -> str:
    text = CITATION_SAMPLE.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


# ==========================================================================
# 1. Bad input files: read_source refuses them with a message naming the file
# ==========================================================================
BINARY_FILES = [
    ("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
    ("zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP archive"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    ("nul-heavy", b"Citation:\nabc\n" + b"\x00\x01\x02\x00" * 200, "NUL byte"),
]


@pytest.mark.parametrize("name, data, expected", BINARY_FILES, ids=[b[0] for b in BINARY_FILES])
def test_binary_data_is_refused_naming_its_kind(tmp_path, name, data, expected):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    with pytest.raises(EditionError) as caught:
        read_source(path)
    assert expected in caught.value.message and "binary" in caught.value.message
    assert caught.value.path == str(path)


def test_nul_bytes_report_the_line_of_the_first(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"one\ntwo\nthree\x00\x00\n")
    with pytest.raises(EditionError) as caught:
        read_source(path)
    assert caught.value.line == 3 and str(caught.value).startswith(f"{path}:3: ")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n\n", b"\x00".join([]) or b"\r\n\r\n"])
def test_empty_and_blank_files_are_refused(tmp_path, data):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(EditionError, match="empty file"):
        read_source(path)


def test_a_directory_is_refused(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(EditionError, match="is a directory") as caught:
        read_source(folder)
    assert caught.value.path == str(folder)


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    # Tests run as root, so chmod 000 cannot make a file unreadable; a FIFO is
    # the unreadable-file case that would otherwise hang the build.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(EditionError, match="not a regular file"):
        read_source(fifo)


def test_a_symlink_loop_and_a_broken_link_are_refused(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(EditionError, match="symbolic link loop"):
        read_source(loop)
    with pytest.raises(EditionError, match="no such file"):
        read_source(broken)
    # discovery keeps them so that the build reports them instead of skipping them
    (tmp_path / "folder.txt").mkdir()
    assert {p.name for p in discover([str(tmp_path)])} == {"loop.txt", "broken.txt"}


def test_unreadable_file_is_reported(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Citation: x\n", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading (the FIFO test covers unreadable files)")
        with pytest.raises(EditionError, match="cannot read"):
            read_source(path)
    finally:
        path.chmod(0o644)


def test_files_above_the_size_limit_are_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:  # sparse: costs no disk and no time
        stream.truncate(text_input.max_bytes() + 1)
    with pytest.raises(EditionError, match="too large") as caught:
        read_source(path)
    assert f"{text_input.max_bytes():,}" in caught.value.message and caught.value.path == str(path)


def test_the_size_limit_is_data():
    assert text_input.settings()["limits"]["max_bytes"] == text_input.max_bytes() == 1_000_000


def test_a_file_at_the_size_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    paragraph = "The freight will go by rail through Andong and the comrades agree to let it pass.\n\n"
    path.write_text(paragraph * (text_input.max_bytes() // len(paragraph)), encoding="utf-8")
    assert path.stat().st_size <= text_input.max_bytes()
    assert read_source(path).startswith("The freight")


# ==========================================================================
# 2. Encodings
# ==========================================================================
ENCODED = [
    ("utf-8", RUSSIAN.encode("utf-8"), None),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"), None),
    ("utf-16 LE with BOM", RUSSIAN.encode("utf-16"), "UTF-16"),
    ("utf-16 BE with BOM", b"\xfe\xff" + RUSSIAN.encode("utf-16-be"), "UTF-16-BE"),
    ("windows-1251", RUSSIAN.encode("cp1251"), "Windows-1251"),
    ("koi8-r", RUSSIAN.encode("koi8_r"), "KOI8-R"),
    ("mac cyrillic", RUSSIAN.encode("mac_cyrillic"), "Mac Cyrillic"),
    ("windows-1251, CRLF", RUSSIAN.replace("\n", "\r\n").encode("cp1251"), "Windows-1251"),
]


@pytest.mark.parametrize("name, data, named", ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings_are_detected_and_named_in_a_warning(tmp_path, name, data, named):
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    text = read_source(path)
    assert text == RUSSIAN
    if named is None:
        assert text.notes == ()
    else:
        assert any(named in note for note in text.notes), text.notes


@pytest.mark.parametrize("text", [
    "Короткий текст.\n",                                          # too few letters to judge
    "Le café était déjà près de l'église, où les élèves étaient arrivés à l'été.\n",  # Latin-1, not Russian
])
def test_single_byte_text_that_cannot_be_told_apart_is_refused(text):
    data = text.encode("cp1251" if "Корот" in text else "latin-1")
    with pytest.raises(EditionError, match="UTF-8"):
        decode_source(data, "short.txt")


def test_invalid_utf8_bytes_are_reported_with_their_line():
    data = ("Ciphered Telegram\nСтрока по-русски\n").encode("utf-8") + b"bad \xff byte\nmore\n"
    with pytest.raises(EditionError) as caught:
        decode_source(data, "broken.txt")
    assert caught.value.line == 3 and "not valid UTF-8" in caught.value.message and "0xff" in caught.value.message


def test_utf16_with_a_broken_surrogate_is_reported():
    data = b"\xff\xfe" + "ab\n".encode("utf-16-le") + b"\x00\xd8\x41\x00"
    with pytest.raises(EditionError, match="UTF-16-LE") as caught:
        decode_source(data, "x.txt")
    assert caught.value.line == 2


# ==========================================================================
# 2b. Character cleaning: reported, and nothing XML forbids reaches the TEI
# ==========================================================================
CLEANING = [
    ("windows line ends", "a\r\nb\r\n", "a\nb\n", None),
    ("lone CR", "a\rb\rc", "a\nb\nc", "2 lone carriage return(s)"),
    ("NUL", "one\ntw\x00o", "one\ntwo", "1 control character(s) that XML forbids (NUL and others) removed (first on line 2)"),
    ("C0 controls", "a\x01\x02\x1fb", "ab", "3 control character(s)"),
    ("form feed", "page one\x0cpage two", "page one\npage two", "1 vertical tab/form feed"),
    ("non-characters", "a\ufffeb\uffffc", "a\ufffdb\ufffdc", "2 non-character(s)"),
    ("lone surrogate", "a\ud800b", "a\ufffdb", "1 non-character(s) or lone surrogate(s)"),
    ("zero-width", "Kim\u200b Il\u200d Sung\ufeff", "Kim Il Sung", "3 invisible character(s)"),
    ("soft hyphen", "tele\u00adgram", "telegram", "1 invisible character(s)"),
    ("bidi override", "x\u202eevil\u202c", "xevil", "2 invisible character(s)"),
    ("no-break space kept", "a\u00a0b\n\u00a0\nc", "a\u00a0b\n\u00a0\nc", None),
    ("decomposed letters", "Прии\u0306ти", "Прийти", "NFC"),
]


@pytest.mark.parametrize("name, raw, expected, warning", CLEANING, ids=[c[0] for c in CLEANING])
def test_cleaning_replaces_and_reports(name, raw, expected, warning):
    cleaned = clean_text(raw)
    assert cleaned.text == expected
    if warning is None:
        assert cleaned.warnings == ()
    else:
        assert any(warning in w for w in cleaned.warnings), cleaned.warnings
    assert clean_text(cleaned.text).warnings == ()  # idempotent


def test_forbidden_characters_in_an_export_never_reach_the_tei_and_are_reported():
    text = sample_with("Please give the names", "Please\x00 give\x0c the\x1b names\ufffe")
    conversion = convert_text(text, "controls.txt")
    decoded = conversion.tei.decode("utf-8")
    assert not XML_FORBIDDEN.search(decoded)
    assert validate_tei_bytes(conversion.tei, "controls.txt") == []
    assert any("control character" in w and "line" in w for w in conversion.warnings)
    assert any("form feed" in w for w in conversion.warnings)


# ==========================================================================
# 3. Markup-looking text: text in the TEI, escaped in HTML, verbatim in text
# ==========================================================================
MARKUP = ("<script>alert('x')</script> &amp; ]]> <!DOCTYPE html> <?xml version='1.0'?> "
          "{ $x {{name}} ${HOME} <b>bold</b> &lt; &#x26;")


@pytest.fixture(scope="module")
def markup_document():
    text = sample_with("Medicines and dressings", f"{MARKUP}\n\nMedicines and dressings")
    conversion = convert_text(text, "markup.txt")
    assert validate_tei_bytes(conversion.tei, "markup.txt") == []
    renderer = get_renderer()
    return conversion.tei, renderer.to_html(conversion.tei), renderer.to_text(conversion.tei)


def test_markup_looking_text_is_text_in_the_tei(markup_document):
    tei, _, _ = markup_document
    root = etree.fromstring(tei)
    assert MARKUP in " ".join("".join(root.itertext()).split())
    assert not root.xpath("//*[local-name() = 'script' or local-name() = 'b']")
    assert b"<!DOCTYPE" not in tei and b"&lt;script&gt;" in tei


def test_markup_looking_text_is_escaped_in_html(markup_document):
    _, page, _ = markup_document
    tree = lxml_html.fromstring(page)
    assert not [s for s in tree.xpath("//script") if "alert" in (s.text or "")]
    assert not tree.xpath("//b[. = 'bold']")
    assert MARKUP in " ".join(tree.text_content().split())
    assert "&lt;script&gt;alert" in page and "&amp;amp;" in page


def test_markup_looking_text_is_verbatim_in_plain_text(markup_document):
    _, _, text = markup_document
    assert MARKUP in " ".join(text.split())


# ==========================================================================
# 4. Incomplete exports: best effort, nothing invented
# ==========================================================================
INCOMPLETE = [
    ("no date", "November 02, 1950\n", ""),
    ("year without month", "November 02, 1950\n", "26, 1949\n"),
    ("slash and roman month", "November 02, 1950\n", "6/III 1950\n"),
    ("no title", "Ciphered Telegram, Filippov (Stalin) to Kim Il Sung (via Shtykov) on\n"
                  "Winter Supplies for the Korean People's Army\n", ""),
]


@pytest.mark.parametrize("name, old, new", INCOMPLETE, ids=[i[0] for i in INCOMPLETE])
def test_incomplete_exports_give_valid_tei_without_invented_facts(name, old, new):
    conversion = convert_text(sample_with(old, new), f"{name}.txt")
    assert validate_tei_bytes(conversion.tei, name) == []
    root = etree.fromstring(conversion.tei)
    dates = root.xpath("//tei:teiHeader//tei:sourceDesc//tei:date/@when", namespaces=TEI)
    assert not [d for d in dates if d.startswith("1949-")]  # "26, 1949" names no month: no day is guessed


def test_a_truncated_export_still_converts():
    text = CITATION_SAMPLE.read_text(encoding="utf-8")
    cut = text[: len(text) // 2].rsplit(" ", 1)[0]
    conversion = convert_text(cut, "truncated.txt")
    assert validate_tei_bytes(conversion.tei, "truncated.txt") == []


@pytest.mark.parametrize("text", ["Just a line of words.\n", "12 34 56\n\n78\n", "Привет\n"])
def test_an_unknown_layout_is_read_with_a_warning(text):
    conversion = convert_text(text, "odd.txt")
    assert validate_tei_bytes(conversion.tei, "odd.txt") == []
    assert any("unknown layout" in w for w in conversion.warnings)


# ==========================================================================
# 5. Limits: a long line and a large export complete
# ==========================================================================
LONG_SENTENCE = "The freight will go by rail through Andong and the comrades agree to let it pass. "


def test_a_long_line_below_the_limit_converts(tmp_path):
    line = LONG_SENTENCE * (90_000 // len(LONG_SENTENCE))
    path = tmp_path / "long-line.txt"
    path.write_text(sample_with("Medicines and dressings", line + "\n\nMedicines and dressings"), encoding="utf-8")
    conversion = convert_text(read_source(path), str(path))
    assert validate_tei_bytes(conversion.tei, str(path)) == []


@pytest.mark.parametrize("separator", [" ", "\n"], ids=["one line", "one paragraph of many lines"])
def test_a_paragraph_above_the_limit_is_refused_with_its_line(tmp_path, separator):
    limit = text_input.settings()["limits"]["max_paragraph_characters"]
    passage = separator.join([LONG_SENTENCE.strip()] * (limit // len(LONG_SENTENCE) + 10))
    path = tmp_path / "too-long.txt"
    path.write_text("Title line\n\n" + passage + "\n\nEnd.\n", encoding="utf-8")
    with pytest.raises(EditionError, match="longer than 100,000 characters") as caught:
        read_source(path)
    assert caught.value.line == 3


# ==========================================================================
# 6. Security
# ==========================================================================
BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&lol9;</TEI>\n')


def external_entity_tei(secret: Path) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY secret SYSTEM "{secret.as_uri()}">]>\n'
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>&secret;</p></body></text></TEI>\n')


@pytest.fixture
def secret_file(tmp_path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize("command", [["validate", "--no-tei-all"], ["render", "--to", "html"]])
@pytest.mark.parametrize("kind", ["billion-laughs", "external-entity"])
def test_hostile_xml_is_refused_quickly_by_the_command_line(tmp_path, secret_file, command, kind):
    evil = tmp_path / "evil.xml"
    evil.write_text(BILLION_LAUGHS if kind == "billion-laughs" else external_entity_tei(secret_file),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", command[0], str(evil), *command[1:]],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "TOP-SECRET" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "refused" in result.stdout + result.stderr and str(evil) in result.stdout + result.stderr


def test_the_validator_refuses_dtds_anywhere(secret_file):
    padded = external_entity_tei(secret_file).replace("<!DOCTYPE", "<!--" + "x" * 5000 + "-->\n<!DOCTYPE")
    with pytest.raises(EditionError):
        tree = parse_tei(padded.encode("utf-8"), "padded.xml")
        assert "TOP-SECRET" not in etree.tostring(tree, encoding="unicode")
        raise EditionError("parsed without the entity", "padded.xml")


def test_the_renderer_refuses_dtds_and_external_entities(secret_file):
    with pytest.raises(EditionError, match="refused"):
        get_renderer().to_html(external_entity_tei(secret_file).encode("utf-8"))


def test_saxon_may_not_use_the_network():
    compiler = saxon_processor().new_xslt30_processor()
    stylesheet = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                  '<xsl:template name="xsl:initial-template">'
                  '<r><xsl:value-of select="unparsed-text(\'http://127.0.0.1:9/leak\')"/></r>'
                  '</xsl:template></xsl:stylesheet>')
    executable = compiler.compile_stylesheet(stylesheet_text=stylesheet)
    with pytest.raises(Exception, match="prohibited"):
        executable.call_template_returning_string(None)


EXTERNAL_ACCESS = re.compile(r"\b(doc|document|unparsed-text|unparsed-text-lines|unparsed-text-available|"
                             r"doc-available|collection|uri-collection|json-doc|transform|load-xquery-module)\s*\(")
# No stylesheet reads a file or URL at all: the text volume's documents are streamed in by Python
# (pipeline/print_edition.py), by document id, from the build's own text folder.


def external_access_calls() -> list[tuple[str, int, str]]:
    """(stylesheet, line, call) for every XPath call that reads a file or URL, outside comments."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False)
    found = []
    for stylesheet in sorted((ROOT / "xslt").rglob("*.xsl")):
        tree = etree.parse(str(stylesheet), parser)
        for node in tree.iter():
            if not isinstance(node.tag, str):
                continue  # comments and processing instructions
            for value in [*node.attrib.values(), node.text or "", node.tail or ""]:
                for match in EXTERNAL_ACCESS.finditer(value):
                    found.append((str(stylesheet.relative_to(ROOT)), node.sourceline, value[match.start():]))
    return found


def test_no_stylesheet_reads_files_or_urls_named_in_the_input():
    """doc(), document(), unparsed-text() … would let a TEI file name what the renderer reads."""
    assert [f"{path}:{line}: {call[:80]}" for path, line, call in external_access_calls()] == []


def test_the_text_volume_fills_in_only_documents_of_the_volume(tmp_path):
    """A placeholder line for an id that is not a document of the volume stays as written."""
    from pipeline.print_edition import TEXT, write_text_volume

    renderer = get_renderer()
    tei = convert_text((SOURCES / "04_web-capture-cable-number-discrepancy.txt").read_text(encoding="utf-8"),
                       "04.txt").tei
    identifier = etree.fromstring(tei).get("{http://www.w3.org/XML/1998/namespace}id")
    (tmp_path / TEXT).mkdir()
    (tmp_path / TEXT / f"{identifier}.txt").write_text("THE TEXT\n\n", encoding="utf-8")
    (tmp_path / TEXT / "secret.txt").write_text("SECRET", encoding="utf-8")
    fragment = renderer.print_fragment(tei).replace('title="', 'title="{{document-text:secret}} ', 1)
    volume = write_text_volume([fragment], tmp_path, renderer).read_text(encoding="utf-8")
    assert "THE TEXT\n" in volume and "SECRET" not in volume and "{{document-text:secret}}" in volume


def test_the_scan_for_external_access_finds_calls():
    assert EXTERNAL_ACCESS.search("select=\"unparsed-text(@href)\"")
    assert EXTERNAL_ACCESS.search("doc(string(.))") and not EXTERNAL_ACCESS.search("ed:document-id(.)")


HOSTILE_ADDRESSES = ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>",
                     "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)"]


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_hostile_urls_in_a_source_are_never_links(address):
    conversion = convert_text(sample_with(SAMPLE_URL, f"<{address}> {address}"), "url.txt")
    page = get_renderer().to_html(conversion.tei)
    links = lxml_html.fromstring(page).xpath("//@href | //@src")
    assert not [link for link in links if not re.match(r"^(https?://|#|[\w./-]*$)", link.strip())], links


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_hostile_urls_in_a_tei_file_are_never_links(address):
    tei = CITATION_TEI_TEMPLATE().replace("http://digitalarchive.wilsoncenter.org/document/900103", address)
    page = get_renderer().to_html(tei.encode("utf-8"))
    hrefs = lxml_html.fromstring(page).xpath("//@href")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript", "file", "data", "vbscript"))]


def CITATION_TEI_TEMPLATE() -> str:  # noqa: N802 - reads like a constant
    return convert_text(CITATION_SAMPLE.read_text(encoding="utf-8"), "sample.txt").tei.decode("utf-8")


# ==========================================================================
# 7. The build: every bad file reported in one line, every other file built
# ==========================================================================
def make_bad_folder(folder: Path) -> dict[str, str]:
    """Good and bad exports; returns file name → expected status."""
    folder.mkdir()
    good = CITATION_SAMPLE.read_text(encoding="utf-8")
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, status: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = status

    put("01 good sample.txt", good.encode("utf-8"), "ok")
    put("02 телеграмма ünï.txt", sample_with("Medicines", "Лекарства Medicines").encode("utf-8"), "ok")
    put("-03-dash.txt", sample_with("Medicines", "More medicines").encode("utf-8"), "ok")
    put("04 bom.txt", b"\xef\xbb\xbf" + sample_with("Medicines", "Bom medicines").encode("utf-8"), "ok")
    put("05 utf16.txt", sample_with("Medicines", "Wide medicines").encode("utf-16"), "warning")
    put("06 cp1251.txt", sample_with("Medicines", "Cyrillic medicines").encode("cp1251"), "warning")
    put("07 koi8.txt", sample_with("Medicines", "Koi medicines").encode("koi8_r"), "warning")
    put("08 crlf.txt", sample_with("Medicines", "Crlf medicines").replace("\n", "\r\n").encode("utf-8"), "ok")
    put("09 controls.txt", sample_with("Medicines", "Ctl\x07 medicines\x0c").encode("utf-8"), "warning")
    put("10 empty.txt", b"", "error")
    put("11 blank.txt", b" \n\t\n", "error")
    put("12 pdf.txt", b"%PDF-1.7\n", "error")
    put("13 zip.txt", b"PK\x03\x04rest", "error")
    put("14 png.txt", b"\x89PNG\r\n\x1a\nrest", "error")
    put("15 bad-utf8.txt", good.replace("Medicines", "Medic\udcffines", 1).encode("utf-8", "surrogateescape"),
        "error")
    put("16 markup.txt", sample_with("Medicines", MARKUP + "\n\nMedicines").encode("utf-8"), "ok")
    (folder / "17 loop.txt").symlink_to(folder / "17 loop.txt")
    expected["17 loop.txt"] = "error"
    os.mkfifo(folder / "18 fifo.txt")
    expected["18 fifo.txt"] = "error"
    return expected


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-build")
    expected = make_bad_folder(root / "sources")
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", str(root / "sources"),
                             "--tei-dir", str(root / "tei"), "--out", str(root / "out"), "--no-pdf"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    report = json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))
    return root, expected, result, report


def test_the_build_exits_1_and_builds_every_good_document(bad_build):
    root, expected, result, report = bad_build
    assert result.returncode == 1
    statuses = {Path(d["source"]).name: d["status"] for d in report["documents"]}
    assert set(statuses) == set(expected)
    wrong = {name: (statuses[name], status) for name, status in expected.items()
             if (statuses[name] == "error") != (status == "error")}
    assert wrong == {}
    for document in report["documents"]:
        if document["status"] != "error":
            assert Path(document["tei"]).is_file()


def test_every_failure_is_one_line_naming_the_file_and_no_traceback(bad_build):
    root, expected, result, report = bad_build
    assert "Traceback" not in result.stderr
    for document in report["documents"]:
        if document["status"] == "error":
            assert len(document["messages"]) == 1
            message = document["messages"][0]
            assert "\n" not in message and message.startswith(document["source"])
            assert "internal error" not in message
            assert f"error: {message}" in result.stderr


def test_assumed_encodings_and_cleaning_reach_the_report(bad_build):
    _, _, _, report = bad_build
    messages = {Path(d["source"]).name: " | ".join(d["messages"]) for d in report["documents"]}
    assert "Windows-1251" in messages["06 cp1251.txt"]
    assert "KOI8-R" in messages["07 koi8.txt"]
    assert "UTF-16" in messages["05 utf16.txt"]
    assert "control character" in messages["09 controls.txt"] and "form feed" in messages["09 controls.txt"]
    assert "line 2" not in messages["08 crlf.txt"]  # CRLF is normal, not worth a warning
    assert re.search(r"15 bad-utf8\.txt:\d+: not valid UTF-8", messages["15 bad-utf8.txt"])


def test_converted_text_from_other_encodings_is_the_same_text(bad_build):
    root, _, _, report = bad_build
    tei = {Path(d["source"]).name: Path(d["tei"]).read_bytes() for d in report["documents"] if d["tei"]}

    def text_of(name: str) -> str:
        return " ".join(" ".join(etree.fromstring(tei[name]).itertext()).split())

    assert "Передано т. Булганину" in text_of("06 cp1251.txt")
    assert "Передано т. Булганину" in text_of("07 koi8.txt")
    assert text_of("06 cp1251.txt").replace("Cyrillic medicines", "Medicines") == text_of("01 good sample.txt")
    assert not XML_FORBIDDEN.search(tei["09 controls.txt"].decode("utf-8"))


def test_a_leading_dash_file_name_is_a_source_after_double_dash(tmp_path, monkeypatch):
    (tmp_path / "-x.txt").write_text(CITATION_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["build", "--tei-dir", "tei", "--out", "out", "--no-pdf", "--", "-x.txt"])
    assert code == 0
    assert len(list((tmp_path / "tei").glob("*.xml"))) == 1


def test_convert_of_a_bad_file_is_one_line_and_debug_shows_the_traceback(tmp_path, capsys):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"%PDF-1.4 ...")
    assert main(["convert", str(path)]) == 1
    error = capsys.readouterr().err
    assert error.strip() == f"edition: {path}: binary data (PDF document), not a text export"
    with pytest.raises(EditionError):
        main(["--debug", "convert", str(path)])


def test_a_file_named_on_the_command_line_that_cannot_be_read_is_one_line(tmp_path, capsys):
    missing = tmp_path / "gone.xml"
    assert main(["render", str(missing), "--to", "text"]) == 1
    assert capsys.readouterr().err.strip() == f"edition: {missing}: No such file or directory"


def test_markup_in_the_summary_cannot_leave_the_json_ld_block():
    text = sample_with("Stalin informs Kim Il Sung",
                       "Stalin </script><script>alert(2)</script> <!-- informs \" Kim Il Sung")
    page = get_renderer().to_html(convert_text(text, "summary.txt").tei)
    scripts = lxml_html.fromstring(page).xpath("//script")
    assert not [s for s in scripts if "alert(2)" in (s.text or "") and s.get("type") != "application/ld+json"]
    data = next(s for s in scripts if s.get("type") == "application/ld+json")
    assert "alert(2)" in json.loads(data.text)["description"]


def test_a_link_loop_named_on_the_command_line_fails_alone(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(CITATION_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    code = main(["build", str(good), str(loop), "--tei-dir", str(tmp_path / "tei"), "--out", str(tmp_path / "out"),
                 "--no-pdf"])
    assert code == 1
    assert f"error: {loop}: cannot read: symbolic link loop" in capsys.readouterr().err
    assert len(list((tmp_path / "tei").glob("*.xml"))) == 1


@pytest.mark.parametrize("message, path, line, expected", [
    ("empty file", "a.txt", None, "a.txt: empty file"),
    ("not valid UTF-8", "dir/b c.txt", 3, "dir/b c.txt:3: not valid UTF-8"),
    ("parser says:\n  line one\r\n  line two", "x.xml", 1, "x.xml:1: parser says: line one line two"),
    ("odd", "name\nwith newline.txt", None, "name with newline.txt: odd"),
    ("no path", None, None, "<input>: no path"),
])
def test_errors_are_one_line(message, path, line, expected):
    assert str(EditionError(message, path, line)) == expected


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_refused_with_a_hint(codec):
    with pytest.raises(EditionError, match="UTF-16 text without a byte order mark"):
        decode_source(RUSSIAN.encode(codec), "wide.txt")


def test_markup_looking_text_is_escaped_in_the_built_site(bad_build):
    _, _, _, report = bad_build
    document = next(d for d in report["documents"] if Path(d["source"]).name == "16 markup.txt")
    pages = [Path(p) for p in document["outputs"] if p.endswith(".html")]
    texts = [Path(p) for p in document["outputs"] if p.endswith(".txt")]
    assert pages and texts
    for page in pages:
        tree = lxml_html.fromstring(page.read_bytes())
        assert not [s for s in tree.xpath("//script") if "alert('x')" in (s.text or "")
                    and s.get("type") != "application/ld+json"]
        assert not tree.xpath("//b[. = 'bold']")
    assert MARKUP in " ".join(texts[0].read_text(encoding="utf-8").split())


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_are_readable_as_the_umask_allows(tmp_path, mask, mode):
    """An edition is for reading: files get 0666 less the umask, not mkstemp's private 0600."""
    previous = os.umask(mask)
    try:
        target = tmp_path / "out" / "page.html"
        files.atomic_write(target, b"<p>text</p>")
        files.atomic_write(target, b"<p>again</p>")   # replacing keeps the mode
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == mode
    assert target.read_bytes() == b"<p>again</p>"
    assert [path.name for path in target.parent.iterdir()] == ["page.html"]
