"""The print editions stage: plain text per document and for the corpus, and the typeset PDF volume.

Per document (in the worker): ``OUT/text/ID.txt`` (``xslt/text.xsl``) and a
fragment, the document's part of the printed volume
(``xslt/print/document.xsl``: its date, title, named persons and places and
its HTML for paged media).  Once for the edition (``collect``): the
whole-corpus text volume ``OUT/text/edition.txt`` (``xslt/print/text-volume.xsl``
writes its frame; the per-document texts are streamed into it one at a time) and the PDF volume
``OUT/pdf/edition.pdf`` (``xslt/print/volume.xsl`` typeset by
``pipeline.pdf``).  The TEI is never read again here: the fragments carry
what the volumes need.

All HTML and text come from ``xslt/`` through ``pipeline.render``.  Setting
the environment variable ``EDITION_NO_PDF`` (``edition build --no-pdf``)
skips the PDF volume, the slowest output.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .files import atomic_stream, atomic_write
from .stages import CollectionContext, DocumentContext, Stage

TEXT = "text"
PDF = "pdf"
TEXT_VOLUME = "edition.txt"
PDF_VOLUME = "edition.pdf"
NO_PDF_VARIABLE = "EDITION_NO_PDF"
# The two fragments of a document: its print fragment and that fragment's first tag.
DOCUMENT, HEADING = "document", "heading"


def pdf_wanted() -> bool:
    """False when the user asked to skip the PDF volume (``EDITION_NO_PDF`` set, not "0")."""
    return os.environ.get(NO_PDF_VARIABLE, "") in ("", "0")


def write_document(context: DocumentContext) -> dict[str, str]:
    """The document's text edition; returns its print fragment for the PDF volume and the
    fragment's first tag (id, date, title) for the text volume."""
    context.write(context.renderer.to_text(context.tei), TEXT, f"{context.document_id}.txt")
    if not pdf_wanted():          # the text volume needs the heading only: the rest is not made
        return {HEADING: context.renderer.print_fragment(context.tei, {"heading-only": True})}
    fragment = context.renderer.print_fragment(context.tei)
    return {DOCUMENT: fragment, HEADING: fragment_heading(fragment).decode("utf-8")}


def write_collection(context: CollectionContext) -> list[Path]:
    from .render import get_renderer

    # the text volume needs each document's id, date and title only: the fragments' first tags
    # (the corpus's print HTML is never read for it)
    headings = [heading for _, heading in context.fragments(STAGE.name, HEADING)]
    if not headings:
        return []
    renderer = get_renderer()
    written = [write_text_volume(headings, context.out_dir, renderer)]
    if pdf_wanted():
        fragments = [fragment for _, fragment in context.fragments(STAGE.name, DOCUMENT)]
        written.append(write_pdf_volume(fragments, context.out_dir, renderer))
    return written


def fragment_heading(fragment: str | bytes) -> bytes:
    """The ``<ed:print-document>`` of a print fragment with its attributes and no content."""
    from lxml import etree

    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True)
    data = fragment.encode("utf-8") if isinstance(fragment, str) else fragment
    for start in range(0, len(data), 4096):
        parser.feed(data[start:start + 4096])
        for _, element in parser.read_events():
            heading = etree.Element(element.tag, dict(element.attrib), nsmap=element.nsmap)
            return etree.tostring(heading, encoding="utf-8")
    raise ValueError("a print fragment without an element")


# The line the text volume's stylesheet writes where a document's text edition goes.
DOCUMENT_TEXT_LINE = re.compile(r"\{\{document-text:([A-Za-z_][\w.-]*)\}\}")


def write_text_volume(headings: list[str | bytes], out_dir: Path, renderer) -> Path:
    """``OUT/text/edition.txt``: the frame from ``xslt/print/text-volume.xsl`` (title, contents, a rule
    before each document) with each document's text file streamed in (``headings``: print fragments,
    or their first tags)."""
    from lxml import etree

    from .pdf import volume_xml

    ids = {etree.fromstring(heading).get("id") for heading in headings}
    frame = renderer.text_volume(volume_xml(headings))
    path = out_dir / TEXT / TEXT_VOLUME
    with atomic_stream(path) as stream:
        for line in frame.splitlines(keepends=True):
            placeholder = DOCUMENT_TEXT_LINE.fullmatch(line.rstrip("\n"))
            if placeholder is None or placeholder.group(1) not in ids:
                stream.write(line)
                continue
            stream.write(document_text(out_dir / TEXT / f"{placeholder.group(1)}.txt", placeholder.group(1)))
            stream.write(line[len(line.rstrip("\n")):])
    return path


def document_text(path: Path, document_id: str) -> str:
    """A document's text edition without trailing white space, as the volume prints it."""
    try:
        return path.read_text(encoding="utf-8").rstrip(" \t\r\n")
    except (OSError, UnicodeDecodeError):
        return f"[The text edition of {document_id} was not found.]"


def write_pdf_volume(fragments: list[str], out_dir: Path, renderer) -> Path:
    """``OUT/pdf/edition.pdf``: title page, contents, documents by date, indexes."""
    from .pdf import typeset

    path = out_dir / PDF / PDF_VOLUME
    atomic_write(path, typeset(fragments, renderer))
    return path


def document_pdf(tei: bytes, renderer, path: str | None = None) -> bytes:
    """One document as a PDF of its own (no title page or contents; its indexes follow)."""
    from .pdf import typeset

    return typeset([renderer.print_fragment(tei, path=path)], renderer, front_matter=False)


STAGE = Stage("print", "the text editions under OUT/text/ and the PDF volume under OUT/pdf/",
              write_document, write_collection)
