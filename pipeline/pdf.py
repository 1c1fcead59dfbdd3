"""Typesets the printed volume (HTML of ``xslt/print/volume.xsl``) as PDF with WeasyPrint.

The volume is laid out in two parts.  Part "main" (title page, contents,
the documents) is laid out first; WeasyPrint then says on which page every
anchor landed, and part "index" is made from that (one page number per page
that names a person or place) and laid out to follow it.  Both parts share
one font configuration and are written as one PDF.

This module never writes HTML: the XSLT does; it only hands XML to the
renderer and HTML to WeasyPrint.  It reads no TEI and no source text.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping

from lxml import etree

from .render import EDITION_NAMESPACE, XSLT_DIRECTORY, ParameterValue, Renderer

PRINT_DIRECTORY = XSLT_DIRECTORY / "print"
# The last page of part "main" carries only this anchor: its number is the
# index's first page, and part "index" replaces it.
INDEXES_ANCHOR = "indexes"


def volume_xml(fragments: Iterable[str | bytes], layout: bytes = b"") -> bytes:
    """``<ed:volume>`` of print fragments (``Renderer.print_fragment``), with an optional layout."""
    parts = [f'<ed:volume xmlns:ed="{EDITION_NAMESPACE}">'.encode("utf-8")]
    for fragment in fragments:
        parts.append(fragment.encode("utf-8") if isinstance(fragment, str) else fragment)
    parts += [layout, b"</ed:volume>"]
    return b"".join(parts)


def layout_xml(pages: Iterable[Iterable[str]]) -> bytes:
    """``<ed:layout>``: the anchors of each page, pages numbered from 1."""
    layout = etree.Element(f"{{{EDITION_NAMESPACE}}}layout", nsmap={"ed": EDITION_NAMESPACE})
    for number, anchors in enumerate(pages, start=1):
        page = etree.SubElement(layout, f"{{{EDITION_NAMESPACE}}}page", n=str(number))
        for anchor in sorted(anchors):
            etree.SubElement(page, f"{{{EDITION_NAMESPACE}}}anchor", id=anchor)
    return etree.tostring(layout, encoding="utf-8")


def typeset(fragments: list[str], renderer: Renderer, front_matter: bool = True,
            parameters: Mapping[str, ParameterValue] | None = None) -> bytes:
    """The PDF of the documents whose print fragments are given (any order: the XSLT sorts)."""
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    shared = {**(parameters or {}), "front-matter": front_matter}
    main = layout_html(renderer.print_volume(volume_xml(fragments), {**shared, "part": "main"}), fonts)
    pages = main.pages
    if pages and INDEXES_ANCHOR in pages[-1].anchors:
        pages = pages[:-1]
    placed = volume_xml(fragments, layout_xml(page.anchors for page in pages))
    index = layout_html(renderer.print_volume(placed, {**shared, "part": "index",
                                                       "first-page": len(pages) + 1}), fonts)
    with _fixed_font_timestamps():
        return main.copy(pages + index.pages).write_pdf()


# fontTools stamps each embedded font subset with the time it is made (head.modified)
# unless SOURCE_DATE_EPOCH says otherwise: the same volume would differ from second to second
_FONT_EPOCH = "315532800"   # 1980-01-01, the reproducible-builds convention's usual floor


@contextlib.contextmanager
def _fixed_font_timestamps():
    if "SOURCE_DATE_EPOCH" in os.environ:   # the caller's own reproducible-build date wins
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = _FONT_EPOCH
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def layout_html(html: str, fonts) -> object:
    """A WeasyPrint document; relative addresses (print.css) resolve in xslt/print/."""
    from weasyprint import HTML

    return HTML(string=html, base_url=PRINT_DIRECTORY.as_uri() + "/").render(font_config=fonts)


__all__ = ["typeset", "volume_xml", "layout_xml", "PRINT_DIRECTORY"]
