"""The text of TEI elements as a reader of the editions sees it, for tests that compare words."""
from __future__ import annotations

from lxml import etree

# Elements whose borders are word borders in every rendering (blocks, notes,
# line and page breaks, the two readings of a choice); other elements, like
# <hi> or <persName>, may sit inside a word.
WORD_BORDERS = frozenset({
    "p", "ab", "head", "div", "opener", "closer", "postscript", "dateline", "salute", "signed",
    "address", "addrLine", "list", "item", "label", "note", "lb", "pb", "fw", "table", "row", "cell",
    "sic", "corr", "orig", "reg", "abbr", "expan", "trailer", "byline", "lg", "l",
})
# The print and text editions bracket the editors' additions ("Sadov[in]"): borders there too.
PRINT_WORD_BORDERS = WORD_BORDERS | {"supplied", "unclear", "gap"}


def reading_text(element: etree._Element, borders: frozenset[str] = WORD_BORDERS) -> str:
    """The text of a TEI element as a reader sees it (a word broken by lb break="no" is one word)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            border = " " if name in borders and not (name == "lb" and child.get("break") == "no") else ""
            parts += [border, reading_text(child, borders), border]
        parts.append(child.tail or "")
    return "".join(parts)
