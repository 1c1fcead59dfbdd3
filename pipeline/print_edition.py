"""The print editions stage: the plain-text edition of each document under ``OUT/text/``.

All text comes from ``xslt/text.xsl`` through ``pipeline.render``.
"""
from __future__ import annotations

from .stages import DocumentContext, Stage

TEXT = "text"


def write_document(context: DocumentContext) -> None:
    context.write(context.renderer.to_text(context.tei), TEXT, f"{context.document_id}.txt")
    return None


STAGE = Stage("print", "the plain-text edition under OUT/text/", write_document)
