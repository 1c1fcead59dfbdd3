"""``edition validate`` and pipeline/validate.py: every broken fixture rejected with its message on its line by each
layer (XML parsing, project schema, Schematron rules, TEI P5 tei_all), messages in plain words with columns that
point at the element or attribute, warnings that do not fail a file, DTDs refused at once, and every document the
pipeline writes accepted by all three layers.

Each file in ``tests/fixtures/broken/`` starts with
``<!-- expect: LINE | FRAGMENT [| tei_all: LINE | FRAGMENT] -->``: ``edition validate`` reports errors on LINE only
(XML, project schema and rules), one of them containing FRAGMENT; tei_all reports its FRAGMENT on its LINE, and
nothing at all when the header names no tei_all expectation (the constraint is the project's own).
"""
from __future__ import annotations

import datetime
import re
import shutil
import sys
import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline import cache as user_cache
from pipeline import validate
from pipeline.cli import main
from pipeline.errors import EditionError
from pipeline.validate import (PARSE_LAYER, RULES_LAYER, SCHEMA_LAYER, TEI_ALL_LAYER, check_document, check_files,
                               parse_tei, tei_all_schema)

from .conftest import ROOT, require_shared, sample_files, shared_files

BROKEN = ROOT / "tests" / "fixtures" / "broken"
HEADER = re.compile(r"<!--\s*expect:\s*(\d+)\s*\|\s*(.*?)\s*(?:\|\s*tei_all:\s*(\d+)\s*\|\s*(.*?)\s*)?-->")
MESSAGE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<warning>warning: )?(?P<text>.+) "
                     r"\[(?P<layer>[^\]]+)\]$")
JARGON = ["{http://www.tei-c.org", "XsdElement", "XsdGroup", "Tag (", "elementpath", "xs:", "particle",
          "Invalid datetime string", "invalid literal for int", "Unexpected child with tag", "ns:"]


# --------------------------------------------------------------------------- helpers
def broken_files() -> list[Path]:
    return sorted(BROKEN.glob("*.xml"))


def expectation(path: Path) -> tuple[int, str, int | None, str | None]:
    found = HEADER.search(path.read_text(encoding="utf-8", errors="replace")[:2000])
    assert found, f"{path.name} does not start with <!-- expect: LINE | FRAGMENT -->"
    line, fragment, official_line, official_fragment = found.groups()
    return int(line), fragment, int(official_line) if official_line else None, official_fragment


def tei_all_available() -> bool:
    schema = tei_all_schema()
    return shutil.which("java") is not None and schema is not None and schema.is_file()


@cache
def broken_report() -> dict[str, list]:
    """All broken fixtures through all layers at once (one Java process), grouped by file."""
    files = [str(path) for path in broken_files()]
    problems = check_files(files, None if tei_all_available() else False)
    grouped: dict[str, list] = {file: [] for file in files}
    for problem in problems:
        grouped[problem.path].append(problem)
    return grouped


def local_errors(path: Path) -> list:
    return [p for p in broken_report()[str(path)] if p.is_error and p.layer != TEI_ALL_LAYER]


def official_errors(path: Path) -> list:
    return [p for p in broken_report()[str(path)] if p.is_error and p.layer == TEI_ALL_LAYER]


def layer_family(layer: str) -> str:
    return next(name for name in (PARSE_LAYER, SCHEMA_LAYER, RULES_LAYER, TEI_ALL_LAYER) if layer.startswith(name))


# a valid document of the project (invented text) to vary in the tests below
VALID = (BROKEN / "pointer-unresolved.xml").read_text(encoding="utf-8").replace("#per-petrov", "#per-ivanov")
VALID = re.sub(r"<!-- (expect|why):.*?-->", "<!-- valid -->", VALID)


def write(tmp_path: Path, text: str, name: str = "document.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the broken suite
def test_the_suite_covers_every_layer():
    families = {}
    for path in broken_files():
        for problem in local_errors(path):
            families.setdefault(layer_family(problem.layer), set()).add(path.name)
    assert len(broken_files()) >= 40
    assert len(families[SCHEMA_LAYER]) >= 15
    assert len(families[RULES_LAYER]) >= 12
    assert len(families[PARSE_LAYER]) >= 8
    assert sum(1 for path in broken_files() if expectation(path)[2]) >= 10, "tei_all expectations"
    refused = [p for p in broken_files() if any(e.message.startswith("refused") for e in local_errors(p))]
    assert len(refused) >= 4, "DTD and entity attacks"


@pytest.mark.parametrize("path", broken_files(), ids=lambda p: p.stem)
def test_broken_file_is_rejected_on_its_line_with_its_message(path):
    line, fragment, _, _ = expectation(path)
    errors = local_errors(path)
    assert errors, f"{path.name} passed validation"
    assert {error.line for error in errors} == {line}, [str(e) for e in errors]
    assert any(fragment in error.message for error in errors), [str(e) for e in errors]


@pytest.mark.parametrize("path", broken_files(), ids=lambda p: p.stem)
def test_broken_file_under_tei_all(path):
    if not tei_all_available():
        pytest.skip("java or tei_all.rng (../shared/tei-p5 or $EDITION_TEI_ALL) is not available")
    _, _, line, fragment = expectation(path)
    errors = official_errors(path)
    if line is None:
        assert errors == [], "tei_all rejects it too: add '| tei_all: LINE | FRAGMENT' to the header"
    else:
        assert any(error.line == line and fragment in error.message for error in errors), [str(e) for e in errors]


@pytest.mark.parametrize("path", broken_files(), ids=lambda p: p.stem)
def test_messages_are_plain_and_point_at_what_they_name(path):
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    for problem in broken_report()[str(path)]:
        found = MESSAGE.match(str(problem))
        assert found and found.group("path") == str(path), str(problem)
        assert not [word for word in JARGON if word in problem.message], str(problem)
        if problem.layer == PARSE_LAYER:
            continue
        at = lines[problem.line - 1][problem.column - 1:]
        named = re.match(r'^@([\w:.-]+)="', problem.message) or re.match(r"^<([\w:.-]+)[ >]", problem.message)
        if named and not problem.message.startswith("<" + named.group(1) + "> lacks"):
            expected_start = (f"{named.group(1)}=" if problem.message.startswith("@") else f"<{named.group(1)}")
            assert at.startswith(expected_start) or at.startswith("<"), (str(problem), at[:40])


def test_refusal_is_fast_and_never_parses(monkeypatch):
    laughs = (BROKEN / "billion-laughs.xml").read_bytes()

    def forbidden(*arguments, **keywords):
        raise AssertionError("a file with a DTD reached the XML parser")

    monkeypatch.setattr(validate.etree, "fromstring", forbidden)
    started = time.perf_counter()
    for name in ("billion-laughs.xml", "external-entity.xml", "external-dtd.xml", "parameter-entity.xml"):
        with pytest.raises(EditionError, match="refused"):
            parse_tei((BROKEN / name).read_bytes(), name)
    assert time.perf_counter() - started < 0.5
    assert b"&lol9;" in laughs


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_dtd_in_another_encoding_is_refused_after_a_safe_parse(tmp_path, encoding):
    text = '<?xml version="1.0" encoding="%s"?>\n<!DOCTYPE TEI SYSTEM "http://example.org/tei.dtd">\n' \
           '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n' % encoding.upper()
    with pytest.raises(EditionError, match="refused"):
        parse_tei(text.encode(encoding), "wide.xml")


def test_doctype_in_a_comment_after_the_root_is_not_a_declaration():
    data = VALID.replace("<!-- valid -->", "<!-- <!DOCTYPE is only text here -->").encode()
    assert parse_tei(data, "x.xml").getroot().tag.endswith("TEI")


# --------------------------------------------------------------------------- valid files, warnings
def test_valid_document_has_no_problem():
    assert check_document(VALID.encode(), "valid.xml") == []


WARNINGS = [
    ("received-before-sent", '<date when="1951-06-02T08:10:00">08.10 2.6.51</date>',
     '<date when="1951-06-01T20:10:00">20.10 1.6.51</date>'),
    ("item-numbers-in-order", '<item n="2">2. File</item>', '<item n="3">3. File</item>'),
    ("copies-add-up", 'quantity="2">2 copies', 'quantity="3">2 copies'),
    ("responsibility-resolves", "</publicationStmt>",
     '</publicationStmt><notesStmt><note type="discrepancy" resp="#pipeline">Invented.</note></notesStmt>'),
]


@pytest.mark.parametrize(("rule", "old", "new"), WARNINGS, ids=[w[0] for w in WARNINGS])
def test_warnings_do_not_fail_the_file(tmp_path, capsys, rule, old, new):
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new))
    problems = check_document(path.read_bytes(), str(path))
    assert [(p.severity, p.layer) for p in problems] == [("warning", f"{RULES_LAYER} {rule}")]
    assert main(["validate", "--no-tei-all", str(path)]) == 0
    output = capsys.readouterr()
    assert f"{path}:" in output.out and ": warning: " in output.out and "1 of 1 files valid (1 warning)" in output.err


# --------------------------------------------------------------------------- the rules read dates and numbers right
def julian_seconds(moment: datetime.datetime) -> float:
    return (moment - datetime.datetime(1900, 1, 1)).total_seconds()


moments = st.datetimes(min_value=datetime.datetime(1949, 1, 1), max_value=datetime.datetime(1953, 12, 31))


@settings(max_examples=60, deadline=None)
@given(sent=moments, received=moments, timed=st.booleans())
def test_transmission_order_rule_reads_dates_like_python(sent, received, timed):
    sent, received = sent.replace(microsecond=0), received.replace(microsecond=0)
    form = "%Y-%m-%dT%H:%M:%S" if timed else "%Y-%m-%d"
    text = (VALID.replace("1951-06-01T23:45:00", sent.strftime(form))
                 .replace("1951-06-02T08:10:00", received.strftime(form)))
    layers = {(p.layer, p.severity) for p in check_document(text.encode(), "dates.xml")}
    if timed:
        gap = julian_seconds(received) - julian_seconds(sent)
        error, warning = gap < -86400, -86400 <= gap < 0
    else:
        days = (received.date() - sent.date()).days
        error, warning = days < -1, days == -1
    assert ((f"{RULES_LAYER} received-after-sent", "error") in layers) is error
    assert ((f"{RULES_LAYER} received-before-sent", "warning") in layers) is warning


@settings(max_examples=40, deadline=None)
@given(title_number=st.from_regex(r"[0-9]{1,6}", fullmatch=True), header_number=st.from_regex(r"[0-9]{1,6}",
                                                                                                fullmatch=True),
       marker=st.sampled_from(["No. ", "No.", "№ ", "Nº"]))
def test_title_number_rule(title_number, header_number, marker):
    """The rule reads the digits after No./№/Nº in the title and looks for them in the header's cipher idno."""
    title = (f'<title type="main">Ciphered Telegram {marker}{title_number} to Comrade Ivanov '
             f'(<idno type="cipher">{header_number}</idno>)</title>')
    text = re.sub(r'<title type="main">.*?</title>', title, VALID, count=1)
    layers = {p.layer for p in check_document(text.encode(), "title.xml")}
    assert (f"{RULES_LAYER} title-cipher-number" in layers) is (title_number != header_number)


@pytest.mark.parametrize("title, header_number, broken", [
    ("Ciphered Telegram No. 373/sh to Comrade Ivanov", "373/sh", False),   # a registration-style number
    ("Ciphered Telegram No. 373/sh to Comrade Ivanov", "374/sh", True),
    ("CIPHERED TELEGRAM No. 4321er 02, 1950", "1", False),                # digits run into a word: no number
    ("Copy Nº 4И to file", "1", False),
    ("Cable Nº 4784, Filippov to Roshchin", "4785", True),
    ("Ciphered Telegram No. 44-17, Filippov to Roshchin", "44-17", False),     # a range of numbers
])
def test_title_number_rule_reads_whole_numbers_only(title, header_number, broken):
    main_title = f'<title type="main">{title} (<idno type="cipher">{header_number}</idno>)</title>'
    text = re.sub(r'<title type="main">.*?</title>', main_title, VALID, count=1)
    layers = {p.layer for p in check_document(text.encode(), "title.xml")}
    assert (f"{RULES_LAYER} title-cipher-number" in layers) is broken


# --------------------------------------------------------------------------- the command
SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"


@pytest.mark.parametrize("context, matches", [
    ("tei:*[@ref or @target]", False),
    ("tei:standOff//tei:person[tei:birth/@when]", False),
    ("tei:list[@type = 'x']/tei:item[@n]", False),
    ("tei:item/@n", True),
    ("@xml:id", True),
    ("tei:date[@when] | @when", True),
    ("tei:date/attribute::when", True),
])
def test_rule_contexts_that_select_attributes_are_recognised(context, matches):
    rules = etree.fromstring(f'<sch:schema xmlns:sch="{SCHEMATRON}"><sch:pattern>'
                             f'<sch:rule context="{context}"><sch:assert test="true()">x</sch:assert></sch:rule>'
                             '</sch:pattern></sch:schema>').getroottree()
    assert validate.rule_contexts_match_attributes(rules) is matches


def test_the_rules_are_compiled_to_visit_elements_only():
    """No rule of edition.sch selects attributes, so the compiled rules never walk them (half the time)."""
    rules = etree.parse(str(validate.PROJECT_RULES))
    assert not validate.rule_contexts_match_attributes(rules)
    walks = validate.rules_stylesheet(rules).xpath("//xsl:apply-templates/@select",
                                                   namespaces={"xsl": "http://www.w3.org/1999/XSL/Transform"})
    assert walks and not [walk for walk in walks if "@*" in walk]
    rules.getroot().find(f".//{{{SCHEMATRON}}}rule").set("context", "tei:idno/@type")
    assert any("@*" in walk for walk in validate.rules_stylesheet(rules).xpath(
        "//xsl:apply-templates/@select", namespaces={"xsl": "http://www.w3.org/1999/XSL/Transform"}))


def test_exit_codes_and_format(tmp_path, capsys):
    good = write(tmp_path, VALID, "good.xml")
    bad = BROKEN / "pointer-unresolved.xml"
    assert main(["validate", "--no-tei-all", str(good)]) == 0
    assert main(["validate", "--no-tei-all", str(good), str(bad)]) == 1
    output = capsys.readouterr()
    assert [MESSAGE.match(line).group("line") for line in output.out.splitlines()] == ["83"]
    assert "1 of 2 files valid" in output.err
    assert main(["validate", "--no-tei-all", str(tmp_path / "absent.xml")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["validate"])
    assert usage.value.code == 2


def test_folders_are_searched_recursively(tmp_path, capsys):
    (tmp_path / "a" / "b").mkdir(parents=True)
    write(tmp_path / "a" / "b", VALID, "deep.xml")
    shutil.copy(BROKEN / "copies-zero.xml", tmp_path / "a" / "z.xml")
    assert main(["validate", "--no-tei-all", str(tmp_path)]) == 1
    output = capsys.readouterr()
    assert "z.xml:87:" in output.out and "deep.xml" not in output.out and "1 of 2 files valid" in output.err


def test_tei_all_path_from_option_and_environment(tmp_path, capsys, monkeypatch):
    good = write(tmp_path, VALID)
    assert main(["validate", "--tei-all", str(tmp_path / "missing.rng"), str(good)]) == 1
    assert "missing.rng" in capsys.readouterr().err
    monkeypatch.setenv("EDITION_TEI_ALL", str(tmp_path / "typo.rng"))
    assert main(["validate", str(good)]) == 1
    assert "typo.rng" in capsys.readouterr().err
    assert main(["validate", "--no-tei-all", str(good)]) == 0


def test_schemas_are_compiled_once_per_process(tmp_path):
    path = write(tmp_path, VALID)
    for _ in range(3):
        check_files([str(path)], False)
        validate.validate_tei_bytes(path.read_bytes(), str(path))
    for compiled in (validate._rules, validate._xmlschema_schema, validate._libxml2_schema):
        assert compiled.cache_info().misses <= 1


# --------------------------------------------------------------------------- the compiled-schema cache
@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and no schema compiled yet in this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("EDITION_CACHE_DIR", str(folder))
    validate._xmlschema_schema.cache_clear()
    yield folder
    validate._xmlschema_schema.cache_clear()


def schema_errors(schema) -> list[str]:
    grammar_broken = [path for path in broken_files()
                      if any(error.layer == SCHEMA_LAYER for error in local_errors(path))]
    return [f"{error.path} {error.reason}" for path in grammar_broken
            for error in schema.iter_errors(etree.parse(str(path), validate.safe_parser()))]


def test_the_cache_is_written_then_used_and_gives_the_same_answers(fresh_cache, monkeypatch):
    import xmlschema

    compiled = validate._xmlschema_schema()
    grammar_broken = [str(path) for path in broken_files()
                      if any(error.layer == SCHEMA_LAYER for error in local_errors(path))]
    messages = [str(problem) for problem in check_files(grammar_broken, False)]
    cached_files = list(fresh_cache.glob("edition-xsd-*.pickle"))
    assert len(cached_files) == 1 and oct(cached_files[0].stat().st_mode & 0o777) == "0o600"
    validate._xmlschema_schema.cache_clear()

    def no_compiling(*arguments, **keywords):
        raise AssertionError("the schema was compiled although the cache is valid")

    monkeypatch.setattr(xmlschema, "XMLSchema10", no_compiling)
    from_cache = validate._xmlschema_schema()
    assert from_cache is not compiled
    assert schema_errors(from_cache) == schema_errors(compiled) != []
    assert [str(problem) for problem in check_files(grammar_broken, False)] == messages


@pytest.mark.parametrize("damage", ["truncated", "other key", "writable by others", "garbage"])
def test_an_unusable_cache_is_ignored_silently(fresh_cache, damage):
    validate._xmlschema_schema()
    validate._xmlschema_schema.cache_clear()
    path = next(fresh_cache.glob("edition-xsd-*.pickle"))
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "other key":
        import pickle

        path.write_bytes(pickle.dumps(("another-key", "not a schema")))
    elif damage == "writable by others":
        path.chmod(0o666)
    else:
        path.write_bytes(b"\x00not a pickle")
    assert user_cache.read_cached(path) is None
    assert validate._xmlschema_schema().validity == "valid"


def test_the_cache_key_follows_schema_and_library(fresh_cache, monkeypatch):
    import xmlschema

    key = validate._schema_cache_key()
    monkeypatch.setattr(xmlschema, "__version__", "0.0.0-other")
    assert validate._schema_cache_key() != key
    monkeypatch.undo()
    monkeypatch.setenv("EDITION_CACHE_DIR", "off")
    assert user_cache.cache_path("xsd", validate._schema_cache_key) is None


# --------------------------------------------------------------------------- what the pipeline writes passes all layers
def convert_all(sources: list[Path], folder: Path) -> list[Path]:
    from pipeline.build import convert_source
    from pipeline.files import atomic_write

    written = []
    for source in sources:
        tei, document_id, _ = convert_source(source)
        target = folder / f"{document_id}.xml"
        atomic_write(target, tei)
        written.append(target)
    return written


def validate_folder(folder: Path, capsys) -> tuple[int, str]:
    arguments = [] if tei_all_available() else ["--no-tei-all"]
    code = main(["validate", *arguments, str(folder)])
    output = capsys.readouterr()
    return code, output.out


def test_the_samples_pass_all_three_layers(tmp_path, capsys):
    written = convert_all(sample_files(), tmp_path)
    assert len(written) == len(sample_files()) > 0
    code, output = validate_folder(tmp_path, capsys)
    errors = [line for line in output.splitlines() if ": warning: " not in line]
    assert (code, errors) == (0, [])


def test_the_shared_corpora_pass_all_three_layers(tmp_path, capsys):
    require_shared("seeds")
    written = convert_all(shared_files("seeds") + shared_files("corpus-dev"), tmp_path)
    assert written
    code, output = validate_folder(tmp_path, capsys)
    errors = [line for line in output.splitlines() if ": warning: " not in line]
    assert (code, errors) == (0, [])


# --------------------------------------------------------------------------- the encoding manual does not drift
@cache
def manual_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("encoding_manual", ROOT / "scripts" / "encoding_manual.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@cache
def committed_manual() -> str:
    path = ROOT / "docs" / "encoding-manual.md"
    assert path.is_file(), "docs/encoding-manual.md is missing: run python scripts/encoding_manual.py"
    return path.read_text(encoding="utf-8")


XSN = {"xs": "http://www.w3.org/2001/XMLSchema", "sch": "http://purl.oclc.org/dsdl/schematron"}
SCHEMA_TREE = etree.parse(str(ROOT / "schemas" / "edition.xsd"))
RULES_TREE = etree.parse(str(ROOT / "schemas" / "edition.sch"))


def test_the_specimen_of_the_manual_passes_all_three_layers(capsys):
    specimen = ROOT / "schemas" / "specimen.xml"
    arguments = [] if tei_all_available() else ["--no-tei-all"]
    assert main(["validate", *arguments, str(specimen)]) == 0
    assert capsys.readouterr().out == ""
    names = {etree.QName(element).localname for element in etree.parse(str(specimen)).iter("{*}*")}
    assert set(SCHEMA_TREE.xpath("//xs:element/@name", namespaces=XSN)) <= names, "an element without example"


def test_the_committed_manual_is_the_generated_one():
    assert committed_manual() == manual_module().manual_text(), \
        "docs/encoding-manual.md is out of date: run python scripts/encoding_manual.py and commit it"


@pytest.mark.parametrize("name", sorted(set(SCHEMA_TREE.xpath("//xs:element/@name", namespaces=XSN))))
def test_every_element_has_an_entry(name):
    assert f"### `<{name}>`" in committed_manual()


@pytest.mark.parametrize("name", sorted(set(SCHEMA_TREE.xpath("//xs:attribute/@name | //xs:attribute/@ref",
                                                              namespaces=XSN))))
def test_every_attribute_is_documented(name):
    assert f"`@{name}` (" in committed_manual()


@pytest.mark.parametrize("value", sorted(set(SCHEMA_TREE.xpath("//xs:enumeration/@value", namespaces=XSN))))
def test_every_allowed_value_is_documented(value):
    assert f"`{value}`" in committed_manual()


@pytest.mark.parametrize("rule", sorted(RULES_TREE.xpath("//sch:assert/@id | //sch:report/@id", namespaces=XSN)))
def test_every_rule_is_documented_in_words(rule):
    sentences = RULES_TREE.xpath(f"//sch:p[@class='{rule}']", namespaces=XSN)
    assert len(sentences) == 1 and len("".join(sentences[0].itertext()).split()) >= 8, f"{rule} needs an sch:p"
    assert f"- **`{rule}`** (" in committed_manual()


def test_every_rule_has_a_broken_fixture_or_a_warning_test():
    """Each error rule is shown failing by a file in tests/fixtures/broken/, each warning by WARNINGS above."""
    rules_seen = {problem.layer.split(" ", 1)[1] for problems in broken_report().values() for problem in problems
                  if problem.layer.startswith(RULES_LAYER) and problem.is_error}
    errors = set(RULES_TREE.xpath("//sch:assert[not(@role='warning')]/@id", namespaces=XSN))
    warnings = set(RULES_TREE.xpath("//sch:assert[@role='warning']/@id", namespaces=XSN))
    assert errors - rules_seen == set()
    assert warnings - {rule for rule, _, _ in WARNINGS} == set()
