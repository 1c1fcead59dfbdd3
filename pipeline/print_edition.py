"""The print editions stage: plain text per document and for the corpus, and the typeset PDF volume.

Per document (in the worker): ``OUT/text/ID.txt`` (``xslt/text.xsl``) and a
fragment, the document's part of the printed volume
(``xslt/print/document.xsl``: its date, title, named persons and places and
its HTML for paged media).  Once for the edition (``collect``): the
whole-corpus text volume ``OUT/text/edition.txt`` (``xslt/print/text-volume.xsl``,
which reads the per-document texts back one at a time) and the PDF volume
``OUT/pdf/edition.pdf`` (``xslt/print/volume.xsl`` typeset by
``pipeline.pdf``).  The TEI is never read again here: the fragments carry
what the volumes need.

All HTML and text come from ``xslt/`` through ``pipeline.render``.  Setting
the environment variable ``EDITION_NO_PDF`` (``edition build --no-pdf``)
skips the PDF volume, the slowest output.
"""
from __future__ import annotations

import os
from pathlib import Path

from .files import atomic_write
from .stages import CollectionContext, DocumentContext, Stage

TEXT = "text"
PDF = "pdf"
TEXT_VOLUME = "edition.txt"
PDF_VOLUME = "edition.pdf"
NO_PDF_VARIABLE = "EDITION_NO_PDF"


def pdf_wanted() -> bool:
    """False when the user asked to skip the PDF volume (``EDITION_NO_PDF`` set, not "0")."""
    return os.environ.get(NO_PDF_VARIABLE, "") in ("", "0")


def write_document(context: DocumentContext) -> str:
    """The document's text edition; returns its print fragment for the volumes."""
    context.write(context.renderer.to_text(context.tei), TEXT, f"{context.document_id}.txt")
    return context.renderer.print_fragment(context.tei)


def write_collection(context: CollectionContext) -> list[Path]:
    from .render import get_renderer

    fragments = [fragment for _, fragment in context.fragments(STAGE.name)]
    if not fragments:
        return []
    renderer = get_renderer()
    written = [write_text_volume(fragments, context.out_dir, renderer)]
    if pdf_wanted():
        written.append(write_pdf_volume(fragments, context.out_dir, renderer))
    return written


def write_text_volume(fragments: list[str], out_dir: Path, renderer) -> Path:
    """``OUT/text/edition.txt`` from the per-document texts already written."""
    from .pdf import volume_xml

    text_dir = (out_dir / TEXT).resolve()
    volume = renderer.text_volume(volume_xml(fragments), {"text-base": text_dir.as_uri() + "/"})
    path = out_dir / TEXT / TEXT_VOLUME
    atomic_write(path, volume.encode("utf-8"))
    return path


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
