"""Tests of the web edition in a real browser: Debian's chromium driven by Playwright.

A reader's path through the site built from the repository's own samples
(sources/): the index, its filters, a document, the parallel view, a person
and back, a Russian word in the search; every page is opened and every
internal link followed, and any console error fails the test.  A separate
test does the same over ../shared when it is present.

The site is served by a local http.server in a thread (Pagefind loads its
index with fetch, which file: pages may not do); one test opens the site
from disk to check what works there.  Screenshots go to $EDITION_ARTIFACTS
(default: pytest's tmp dir).  ``UPDATE_SCREENSHOTS=1`` rewrites the README
screenshots in docs/screenshots/ (made from the own samples only).
Never downloads a browser: without /usr/bin/chromium the tests are skipped.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, SOURCES, require_shared
from tests.test_site import build_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGUMENTS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                      "--no-first-run"]
SCREENSHOTS = ROOT / "docs" / "screenshots"
SCREENSHOT_LIMIT = 300_000   # bytes, for the README images
CYRILLIC_WORD = re.compile(r"\b[А-ЯЁа-яё]{6,}\b")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt install chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


# --------------------------------------------------------------------------
# fixtures: a served site, a browser, pages that record console errors
# --------------------------------------------------------------------------
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


def serve(root: Path) -> Iterator[str]:
    """Serves the whole output folder (the site and, beside it, the downloads the index links to)
    and yields the address of the site (OUT/html/)."""
    handler = functools.partial(QuietHandler, directory=str(root.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{root.name}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def samples_root(tmp_path_factory) -> Path:
    return build_site([SOURCES], tmp_path_factory.mktemp("browser-samples"))


@pytest.fixture(scope="module")
def samples_url(samples_root) -> Iterator[str]:
    yield from serve(samples_root)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTS)
        yield instance
        instance.close()


@pytest.fixture
def artifacts(tmp_path) -> Path:
    folder = Path(os.environ.get("EDITION_ARTIFACTS") or tmp_path / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Reader:
    """A browser tab that remembers every console error and failed request."""

    def __init__(self, browser, width: int = 1280, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda message: message.type == "error"
                     and self.errors.append(f"{self.page.url}: console: {message.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: {error}"))
        # a request the browser itself abandons on leaving a page (net::ERR_ABORTED,
        # e.g. the icon) is no error; a missing file shows as an HTTP status
        self.page.on("requestfailed", lambda request: "ERR_ABORTED" not in (request.failure or "")
                     and self.errors.append(f"{self.page.url}: request failed: {request.url} {request.failure}"))
        self.page.on("response", lambda response: response.status >= 400 and self.errors.append(
            f"{self.page.url}: HTTP {response.status}: {response.url}"))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser) -> Iterator[Reader]:
    tab = Reader(browser)
    yield tab
    tab.close()
    assert not tab.errors


def internal_addresses(page, base: str) -> set[str]:
    """Every same-site address a page links to (a, link, script), absolute."""
    found = page.eval_on_selector_all(
        "a[href], link[href], script[src]", "els => els.map(e => e.href || e.src)")
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base))
    return {address for address in found if address.startswith(origin)}


def fetch_status(address: str) -> int:
    """The HTTP status of a file of the site (scripts, styles, fonts, TEI), without a browser tab."""
    try:
        with urllib.request.urlopen(address) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def crawl(reader: Reader, base: str) -> dict[str, list[str]]:
    """Opens every page reachable from the index in the browser and checks every
    other file the pages link to; returns the broken links by page."""
    broken: dict[str, list[str]] = {}
    ids_of: dict[str, set[str]] = {}
    files: dict[str, int] = {}
    queue, links = [base + "index.html"], []
    while queue:
        address = queue.pop()
        if address in ids_of:
            continue
        response = reader.page.goto(address)
        if response is None or response.status != 200:
            broken.setdefault(address, []).append(f"HTTP {response.status if response else '?'}")
            ids_of[address] = set()
            continue
        ids_of[address] = set(reader.page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        for target in internal_addresses(reader.page, base):
            links.append((address, target))
            bare = target.split("#")[0]
            if urlsplit(bare).path.endswith(".html"):
                queue.append(bare)
            elif bare not in files:
                files[bare] = fetch_status(bare)
    for page_address, target in links:
        bare, _, fragment = target.partition("#")
        if bare in files and files[bare] != 200:
            broken.setdefault(page_address, []).append(f"{target}: HTTP {files[bare]}")
        elif bare in ids_of and fragment and fragment not in ids_of[bare]:
            broken.setdefault(page_address, []).append(f"{target}: no element with that id")
    return broken


# --------------------------------------------------------------------------
# the reader's path
# --------------------------------------------------------------------------
def test_index_filter_document_parallel_view_and_person(reader, samples_url, artifacts):
    page = reader.page
    page.goto(samples_url + "index.html")
    rows = page.locator("#documents tbody tr")
    total = rows.count()
    assert total == len(list(SOURCES.glob("*.txt")))
    assert page.locator("#filters").is_visible()
    page.screenshot(path=str(artifacts / "index.png"))

    # filter by a person who is not in every document
    page.select_option("#filter-person", "per-vyshinsky")
    visible = page.locator("#documents tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert all("per-vyshinsky" in (visible.nth(i).get_attribute("data-person") or "").split()
               for i in range(visible.count()))
    assert re.match(rf"\d+ of {total} documents shown", page.locator("#filter-status").inner_text())
    assert "person=per-vyshinsky" in page.url
    # and by year, then reset
    page.select_option("#filter-person", "")
    page.select_option("#filter-year", "1951")
    assert all(visible.nth(i).get_attribute("data-year") == "1951" for i in range(visible.count()))
    page.click("#filters button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('#documents tbody tr:not([hidden])').length === {total}")

    # sort by cipher number, then back by date
    page.click("th:nth-child(4) .sort-button")
    assert page.locator("th:nth-child(4)").get_attribute("aria-sort") == "ascending"
    ciphers = [int(value) for value in page.eval_on_selector_all(
        "#documents tbody td.index-cipher", "els => els.map(e => e.dataset.value)") if value]
    assert ciphers == sorted(ciphers)
    page.click("th:nth-child(1) .sort-button")
    page.click("th:nth-child(1) .sort-button")
    dates = page.eval_on_selector_all("#documents tbody tr", "els => els.map(e => e.dataset.date)")
    assert dates == sorted(dates, reverse=True)

    # open a bilingual document
    page.click("#doc-wca-900101 td.index-title a")
    page.wait_for_url("**/wca-900101.html")
    assert page.locator("h1").inner_text().startswith("Ciphered Telegram No. 4417")
    columns = page.locator(".text-column")
    assert columns.count() == 2
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"]      # side by side
    page.screenshot(path=str(artifacts / "document.png"))

    # one column, then back
    page.click(".layout-toggle")
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert second["y"] > first["y"] + first["height"] - 2                       # one after another
    page.click(".layout-toggle")
    page.click(".column-toggle[aria-controls='text-1']")
    assert columns.nth(0).is_hidden() and columns.nth(1).is_visible()
    page.click(".column-toggle[aria-controls='text-2']")                        # the last one stays
    assert columns.nth(1).is_visible()
    page.click(".column-toggle[aria-controls='text-1']")
    assert page.locator(".text-column[lang='ru']").is_visible()

    # a person in the text → the register → back to the document
    person = page.locator(".text-column[lang='en'] a.name-persName").first
    person_href = person.get_attribute("href")
    assert person_href.startswith("persons.html#reg-")
    person.click()
    page.wait_for_url("**/persons.html#reg-*")
    entry = page.locator(f"#{person_href.split('#')[1]}")
    assert entry.is_visible()
    entry.locator("a[href='wca-900101.html']").click()
    page.wait_for_url("**/wca-900101.html")
    assert page.locator("h1").inner_text().startswith("Ciphered Telegram No. 4417")


def test_keyboard_reaches_the_skip_link_and_main(reader, samples_url):
    page = reader.page
    page.goto(samples_url + "wca-900101.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")      # the next stop is inside the content, not the banner again
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


# Contrast of every visible text against the background it is drawn on
# (WCAG 2 relative luminance; the first non-transparent ancestor background).
CONTRAST_SCRIPT = """() => {
  const rgb = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const value = rgb(getComputedStyle(node).backgroundColor);
      if (value.length === 3 || (value.length === 4 && value[3] > 0.5)) { return value.slice(0, 3); }
    }
    return [255, 255, 255];
  };
  const problems = [];
  for (const element of document.querySelectorAll('body *')) {
    const own = Array.from(element.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !element.getClientRects().length || getComputedStyle(element).visibility === 'hidden') { continue; }
    if (element.closest('.skip-link, .visually-hidden')) { continue; }
    const style = getComputedStyle(element);
    const [a, b] = [luminance(rgb(style.color)), luminance(background(element))].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push(element.tagName + '.' + element.className + ' ' + ratio.toFixed(2) + ': ' + element.textContent.trim().slice(0, 30));
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("name", ["index.html", "wca-900101.html", "persons.html", "search.html"])
def test_text_contrast_meets_wcag_aa(reader, samples_url, name):
    reader.page.goto(samples_url + name)
    assert reader.page.evaluate(CONTRAST_SCRIPT) == []
    # the check itself finds pale text
    reader.page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', "
                         "'<p style=\"color:#bbb\">pale</p>')")
    assert len(reader.page.evaluate(CONTRAST_SCRIPT)) == 1


def test_print_shows_the_texts_without_navigation(reader, samples_url):
    page = reader.page
    page.goto(samples_url + "wca-900101.html")
    page.click(".column-toggle[aria-controls='text-1']")      # a hidden column is printed all the same
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden() and page.locator(".column-toggles").is_hidden()
    assert page.locator(".text-column[lang='ru']").is_visible()
    assert page.locator(".text-column[lang='en']").is_visible()
    assert page.locator(".cite").is_visible()


def test_phone_width_has_no_horizontal_scroll(browser, samples_url, artifacts):
    reader = Reader(browser, width=375, height=740)
    try:
        for name in ("index.html", "wca-900101.html", "persons.html"):
            reader.page.goto(samples_url + name)
            overflow = reader.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, name
        reader.page.screenshot(path=str(artifacts / "phone-persons.png"))
        assert not reader.errors
    finally:
        reader.close()


def russian_word(root: Path) -> tuple[str, set[str]]:
    """A Russian word of the samples' originals and the pages that contain it."""
    from lxml import etree

    counts: dict[str, set[str]] = {}
    for path in sorted((root / "tei").glob("*.xml")):
        tree = etree.parse(str(path))
        text = " ".join(tree.xpath("//*[local-name()='div'][@xml:lang='ru']//text()"))
        for word in set(CYRILLIC_WORD.findall(text)):
            counts.setdefault(word.lower(), set()).add(path.stem)
    word = sorted(counts, key=lambda key: (-len(counts[key]) if len(counts[key]) < 4 else 0, key))[0]
    return word, counts[word]


def search_for(reader: Reader, base: str, word: str) -> list[str]:
    page = reader.page
    page.goto(base + "search.html")
    page.fill("#search input", word)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")


def test_search_finds_a_russian_word(reader, samples_url, samples_root):
    word, documents = russian_word(samples_root)
    found = search_for(reader, samples_url, word)
    assert {Path(urlsplit(address).path).stem for address in found} >= documents, (word, found)
    english = search_for(reader, samples_url, "locomotives")
    assert any("wca-900101" in address for address in english)


def test_every_page_and_link_without_console_errors(reader, samples_url):
    broken = crawl(reader, samples_url)
    assert not broken


def test_from_disk_index_works_and_search_explains(reader, samples_root):
    page = reader.page
    page.goto((samples_root / "index.html").as_uri())
    page.select_option("#filter-language", "ru")
    assert 0 < page.locator("#documents tbody tr:not([hidden])").count()
    page.goto((samples_root / "search.html").as_uri())
    assert page.locator("#search-unavailable").is_visible()
    assert "http.server" in page.locator("#search-unavailable").inner_text()


def test_readme_screenshots(browser, samples_url, artifacts):
    """docs/screenshots/ are made from the own samples; UPDATE_SCREENSHOTS=1 rewrites them."""
    # name → (page, part of the page to show): the document from its texts up
    targets = {"index.png": ("index.html", None), "document.png": ("wca-900101.html", "#texts")}
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else artifacts
    reader = Reader(browser, width=1200, height=800)
    try:
        for name, (address, part) in targets.items():
            reader.page.goto(samples_url + address)
            if part:
                reader.page.locator(part).scroll_into_view_if_needed()
                reader.page.evaluate(f"document.querySelector('{part}').scrollIntoView()")
            reader.page.screenshot(path=str(folder / name), type="png")
        assert not reader.errors
    finally:
        reader.close()
    for name in targets:
        size = (folder / name).stat().st_size
        assert 0 < size < SCREENSHOT_LIMIT, (name, size)
        if folder != SCREENSHOTS:
            assert (SCREENSHOTS / name).is_file(), f"run UPDATE_SCREENSHOTS=1 to make docs/screenshots/{name}"


# --------------------------------------------------------------------------
# the shared corpora
# --------------------------------------------------------------------------
def test_shared_corpora_in_the_browser(browser, tmp_path):
    sources = [require_shared("seeds"), require_shared("corpus-dev")]
    root = build_site(sources, tmp_path)
    reader = Reader(browser)
    try:
        for base in serve(root):
            broken = crawl(reader, base)
            assert not broken
            word, documents = russian_word(root)
            found = search_for(reader, base, word)
            assert {Path(urlsplit(address).path).stem for address in found} & documents, (word, found)
        assert not reader.errors
    finally:
        reader.close()
