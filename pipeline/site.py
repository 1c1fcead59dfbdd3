"""The web edition stage: document pages, the TEI beside them, the index, the register pages and the assets.

All HTML comes from ``xslt/html/`` through ``pipeline.render``; this module
only decides what is rendered into which file under ``OUT/html/``.  Each
document's page is written by a worker, which returns the document's
summary (``<ed:doc/>``, a few kilobytes); the index and the register pages
are made from those summaries alone, so the collection step never holds the
TEI of the corpus in memory.  The search index is its own stage
(``pipeline.search``).
"""
from __future__ import annotations

from pathlib import Path

from .files import atomic_write
from .stages import CollectionContext, DocumentContext, Stage

SITE = "html"
SITE_TEI = "tei"          # the site carries its TEI files (OUT/html/tei/) for "Download TEI"
HTML_DIRECTORY = Path(__file__).resolve().parent.parent / "xslt" / "html"
# Files the web edition needs beside its pages (copied to OUT/html/assets/).
# Everything under xslt/html/assets/ (scripts, fonts and their licence) keeps its relative path.
ASSETS = (HTML_DIRECTORY / "edition.css",
          *sorted(path for path in (HTML_DIRECTORY / "assets").rglob("*") if path.is_file()))
# Register pages: kind of entry → file (the names page.xsl links to).
REGISTERS = {"person": "persons.html", "place": "places.html", "organisation": "organisations.html"}


def site_parameters() -> dict[str, str | bool]:
    """Stylesheet parameters shared by every page of the site."""
    from .search import SEARCH_PAGE, search_enabled

    return {"register-pages": True, "search-href": SEARCH_PAGE if search_enabled() else ""}


def write_document(context: DocumentContext) -> str:
    """The document's page and its TEI copy; returns its index summary (``<ed:doc/>``)."""
    context.write(context.tei, SITE, SITE_TEI, f"{context.document_id}.xml")
    context.write(context.renderer.to_html(context.tei, {**site_parameters(), "tei-base": f"{SITE_TEI}/"}),
                  SITE, f"{context.document_id}.html")
    return context.renderer.summary(context.tei)


def summaries_xml(context: CollectionContext, stage: str = "site") -> bytes:
    """The summaries of every document as one ``<ed:documents>`` (the input of the
    index and register stylesheets), made one fragment at a time.

    A register entry's facts (names, sort key, authority links) are the same in
    every document that names it, so they are given once: where an ``<ed:entry>``
    repeats the facts of an earlier one exactly, only its id, kind and role are
    kept.  The stylesheets take the facts from the first entry of each id (and
    join the names of all that differ), so the pages are the same, from a third
    of the input."""
    from lxml import etree

    from .errors import EditionError
    from .render import EDITION_NAMESPACE

    entry_tag = f"{{{EDITION_NAMESPACE}}}entry"
    seen: set[tuple] = set()
    parts = [f'<?xml version="1.0" encoding="UTF-8"?><ed:documents xmlns:ed="{EDITION_NAMESPACE}">'.encode()]
    for record, fragment in context.fragments(stage):
        data = fragment.encode("utf-8")
        try:
            summary = etree.fromstring(data)
        except etree.XMLSyntaxError as error:
            raise EditionError(f"summary is not well-formed XML: {error}", str(record.tei_path)) from error
        if compact_entries(summary.iterchildren(entry_tag), seen):
            data = etree.tostring(summary, encoding="utf-8")
        parts.append(data)
    parts.append(b"</ed:documents>")
    return b"".join(parts)


ENTRY_ROLE_ATTRIBUTES = ("id", "kind", "role")


def compact_entries(entries, seen: set[tuple]) -> bool:
    """Strips each entry whose facts (all but its role) were ``seen`` before to id, kind and role;
    True if any was stripped."""
    changed = False
    for entry in entries:
        attributes = entry.attrib
        facts = (tuple(item for item in attributes.items() if item[0] != "role"),
                 tuple((child.tag, tuple(child.attrib.items()), child.text) for child in entry))
        if facts not in seen:
            seen.add(facts)
            continue
        kept = [(name, attributes[name]) for name in ENTRY_ROLE_ATTRIBUTES if name in attributes]
        entry.clear()
        for name, value in kept:
            entry.set(name, value)
        changed = True
    return changed


def write_collection(context: CollectionContext) -> list[Path]:
    from .render import get_renderer

    renderer = get_renderer()
    parameters = site_parameters()
    site = context.out_dir / SITE
    summaries = summaries_xml(context)
    from .print_edition import pdf_wanted

    pages = {"index.html": renderer.index_html(summaries, {**parameters, "with-pdf": pdf_wanted()})}
    for kind, name in sorted(REGISTERS.items()):
        pages[name] = renderer.register_html(summaries, kind, parameters)
    written = []
    for name, page in sorted(pages.items()):
        atomic_write(site / name, page.encode("utf-8"))
        written.append(site / name)
    for asset in ASSETS:
        relative = asset.relative_to(HTML_DIRECTORY / "assets") if asset.parent != HTML_DIRECTORY else Path(asset.name)
        target = site / "assets" / relative
        atomic_write(target, asset.read_bytes())
        written.append(target)
    return written


STAGE = Stage("site", "the web edition under OUT/html/", write_document, write_collection)
