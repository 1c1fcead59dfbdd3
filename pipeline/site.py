"""The web edition stage: one HTML page per document, the TEI beside it, the index page and the assets.

All HTML comes from ``xslt/html/`` through ``pipeline.render``; this module
only decides what is rendered into which file under ``OUT/html/``.
"""
from __future__ import annotations

from pathlib import Path

from .files import atomic_write
from .stages import CollectionContext, DocumentContext, Stage

SITE = "html"
SITE_TEI = "tei"          # the site carries its TEI files (OUT/html/tei/) for "Download TEI"
# Files the web edition needs beside its pages (copied to OUT/html/assets/).
ASSETS = (Path(__file__).resolve().parent.parent / "xslt" / "html" / "edition.css",)


def write_document(context: DocumentContext) -> str:
    """The document's page and its TEI copy; returns its index summary (``<ed:doc/>``)."""
    context.write(context.tei, SITE, SITE_TEI, f"{context.document_id}.xml")
    context.write(context.renderer.to_html(context.tei, {"tei-base": f"{SITE_TEI}/"}),
                  SITE, f"{context.document_id}.html")
    return context.renderer.summary(context.tei)


def write_collection(context: CollectionContext) -> list[Path]:
    from .render import documents_xml, get_renderer

    summaries = (fragment for _, fragment in context.fragments("site"))
    index = context.out_dir / SITE / "index.html"
    atomic_write(index, get_renderer().index_html(documents_xml(summaries)).encode("utf-8"))
    written = [index]
    for asset in ASSETS:
        target = context.out_dir / SITE / "assets" / asset.name
        atomic_write(target, asset.read_bytes())
        written.append(target)
    return written


STAGE = Stage("site", "the web edition under OUT/html/", write_document, write_collection)
