"""Generates docs/encoding-manual.md, the ODD-style encoding manual, from schemas/edition.xsd and schemas/edition.sch.

The schema's xs:documentation sentences and the Schematron's sch:p sentences are
the manual's text; this script only arranges them element by element, adds the
allowed attribute values and an example of each element taken from
schemas/specimen.xml, an invented telegram with every part the writer produces
(valid in all three layers; tests/test_validate.py checks it).  It never reads
the shared corpus.  Run ``python scripts/encoding_manual.py`` after changing a
schema; ``python scripts/encoding_manual.py --check`` exits 1 if the committed
manual is out of date (tests/test_validate.py does the same).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "edition.xsd"
RULES = ROOT / "schemas" / "edition.sch"
SPECIMEN = ROOT / "schemas" / "specimen.xml"
MANUAL = ROOT / "docs" / "encoding-manual.md"
XS = "http://www.w3.org/2001/XMLSchema"
SCH = "http://purl.oclc.org/dsdl/schematron"
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"xs": XS, "sch": SCH, "tei": TEI}
EXAMPLE_LENGTH = 240


@dataclass
class Declaration:
    """One xs:element declaration: an element name in one place, with its type."""

    name: str
    documentation: str
    type_name: str | None
    node: etree._Element
    parents: set[str] = field(default_factory=set)


def documentation(node: etree._Element) -> str:
    return " ".join(" ".join(node.xpath("xs:annotation/xs:documentation//text()", namespaces=NS)).split())


def parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))


class SchemaReader:
    """What the manual needs from edition.xsd: declarations, types, their parents, attributes and children."""

    def __init__(self, tree: etree._ElementTree):
        self.tree = tree
        self.types = {node.get("name"): node for node in tree.xpath("/xs:schema/xs:complexType | /xs:schema/xs:simpleType",
                                                                    namespaces=NS)}
        self.groups = {node.get("name"): node for node in tree.xpath("/xs:schema/xs:group", namespaces=NS)}
        self.declarations = [Declaration(node.get("name"), documentation(node), node.get("type"), node)
                             for node in tree.xpath("//xs:element[@name]", namespaces=NS)]
        self.declared_with_type: dict[str, set[str]] = defaultdict(set)
        for declaration in self.declarations:
            self.declared_with_type[declaration.type_name].add(declaration.name)
        self.extensions: dict[str, set[str]] = defaultdict(set)  # base type → the named types derived from it
        for derived in tree.xpath("/xs:schema/xs:complexType[@name]", namespaces=NS):
            for base in derived.xpath(".//xs:extension/@base | .//xs:restriction/@base", namespaces=NS):
                self.extensions[base].add(derived.get("name"))
        for declaration in self.declarations:
            declaration.parents = self.parents_of(declaration.node)

    def owner(self, node: etree._Element) -> etree._Element | None:
        """The named complexType or group, or the xs:element with an anonymous type, that contains a node."""
        for ancestor in node.iterancestors():
            if ancestor.tag == f"{{{XS}}}element" and ancestor.get("name"):
                return ancestor
            if ancestor.tag in (f"{{{XS}}}complexType", f"{{{XS}}}group") and ancestor.get("name"):
                return ancestor
        return None

    def parents_of(self, node: etree._Element) -> set[str]:
        owner = self.owner(node)
        if owner is None:
            return set()
        if owner.tag == f"{{{XS}}}element":
            return {owner.get("name")}
        if owner.tag == f"{{{XS}}}group":
            return self.users_of_group(owner.get("name"), set())
        return self.users_of_type(owner.get("name"), set())

    def users_of_type(self, type_name: str, seen: set[str]) -> set[str]:
        if type_name in seen:
            return set()
        seen.add(type_name)
        names = set(self.declared_with_type.get(type_name, ()))
        for extension in self.extensions.get(type_name, ()):
            names |= self.users_of_type(extension, seen)
        return names

    def users_of_group(self, group_name: str, seen: set[str]) -> set[str]:
        if group_name in seen:
            return set()
        seen.add(group_name)
        names: set[str] = set()
        for reference in self.tree.xpath(f"//xs:group[@ref='{group_name}']", namespaces=NS):
            owner = self.owner(reference)
            if owner is None:
                continue
            if owner.tag == f"{{{XS}}}group":
                names |= self.users_of_group(owner.get("name"), seen)
            elif owner.tag == f"{{{XS}}}element":
                names.add(owner.get("name"))
            else:
                names |= self.users_of_type(owner.get("name"), seen)
        return names

    def type_chain(self, type_name: str | None) -> list[etree._Element]:
        """A complex type and the project types it extends, nearest first."""
        chain = []
        while type_name in self.types and self.types[type_name] not in chain:
            node = self.types[type_name]
            chain.append(node)
            base = node.xpath("string(xs:complexContent/*/@base | xs:simpleContent/*/@base)", namespaces=NS)
            type_name = base or None
        return chain

    def attributes(self, declaration: Declaration) -> list[etree._Element]:
        nodes = [declaration.node] if declaration.type_name is None else self.type_chain(declaration.type_name)
        found = []
        for node in nodes:
            found += node.xpath("./xs:complexType/xs:attribute | ./xs:complexType/*/*/xs:attribute | ./xs:attribute"
                                " | ./*/*/xs:attribute", namespaces=NS)
        return found

    def children(self, declaration: Declaration) -> list[str]:
        names = [d.name for d in self.declarations if declaration.name in d.parents
                 and self.declares_inside(declaration, d)]
        return sorted(set(names))

    def declares_inside(self, parent: Declaration, child: Declaration) -> bool:
        owner = self.owner(child.node)
        if owner is None:
            return False
        if owner.tag == f"{{{XS}}}element":
            return owner is parent.node
        if owner.tag == f"{{{XS}}}group":
            return parent.name in self.users_of_group(owner.get("name"), set()) and \
                self.type_uses_group(parent, owner.get("name"))
        return owner in self.type_chain(parent.type_name)

    def type_uses_group(self, declaration: Declaration, group_name: str) -> bool:
        nodes = [declaration.node] + self.type_chain(declaration.type_name)
        referenced = {reference.get("ref") for node in nodes for reference in node.xpath(".//xs:group[@ref]",
                                                                                          namespaces=NS)}
        pending = list(referenced)
        while pending:
            name = pending.pop()
            if name == group_name:
                return True
            for reference in self.groups.get(name, etree.Element("none")).xpath(".//xs:group[@ref]", namespaces=NS):
                if reference.get("ref") not in referenced:
                    referenced.add(reference.get("ref"))
                    pending.append(reference.get("ref"))
        return False

    def is_mixed(self, declaration: Declaration) -> bool:
        return any(node.get("mixed") == "true" or node.xpath("xs:simpleContent", namespaces=NS)
                   for node in self.type_chain(declaration.type_name))

    def values(self, attribute: etree._Element) -> tuple[list[str], str]:
        """(enumerated values, datatype name and its documentation) of an attribute."""
        type_name = attribute.get("type")
        if type_name is None:
            simple = attribute.find(f"{{{XS}}}simpleType")
            values = simple.xpath(".//xs:enumeration/@value", namespaces=NS) if simple is not None else []
            patterns = simple.xpath(".//xs:pattern/@value", namespaces=NS) if simple is not None else []
            base = simple.xpath("string(.//xs:restriction/@base)", namespaces=NS) if simple is not None else ""
            kind = f"{base} matching `{patterns[0]}`" if patterns else base
            return list(values), kind
        if type_name.startswith("xs:"):
            return [], type_name
        node = self.types.get(type_name)
        if node is None:
            return [], type_name
        return list(node.xpath(".//xs:enumeration/@value", namespaces=NS)), type_name


def examples() -> dict[str, str]:
    """The first occurrence of every element in the specimen, shortened."""
    found: dict[str, str] = {}
    for element in parse(SPECIMEN).getroot().iter(f"{{{TEI}}}*"):
        found.setdefault(etree.QName(element).localname, shortened(element))
    return found


def shortened(element: etree._Element) -> str:
    copy = etree.fromstring(etree.tostring(element, with_tail=False))
    for child in copy:
        if len(child):
            for grandchild in list(child):
                child.remove(grandchild)
            child.text = "…"
            child.tail = child.tail
    text = etree.tostring(copy, encoding="unicode", with_tail=False)
    text = text.replace(f' xmlns="{TEI}"', "")
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_LENGTH else text[:EXAMPLE_LENGTH].rsplit(" ", 1)[0] + " …"


def rules(tree: etree._ElementTree) -> list[tuple[str, str, list[tuple[str, str, str, str]]]]:
    """(pattern id, title, [(assert id, role, context, sentence)]) for every Schematron pattern."""
    patterns = []
    for pattern in tree.xpath("//sch:pattern", namespaces=NS):
        sentences = {p.get("class"): " ".join("".join(p.itertext()).split())
                     for p in pattern.xpath("sch:p", namespaces=NS)}
        asserts = [(a.get("id"), a.get("role") or "error", a.getparent().get("context"), sentences.get(a.get("id"), ""))
                   for a in pattern.xpath(".//sch:assert | .//sch:report", namespaces=NS)]
        patterns.append((pattern.get("id"), pattern.xpath("string(sch:title)", namespaces=NS), asserts))
    return patterns


def manual_text() -> str:
    schema = SchemaReader(parse(SCHEMA))
    samples = examples()
    lines = [
        "# Encoding manual",
        "",
        "<!-- Generated by scripts/encoding_manual.py from schemas/edition.xsd and schemas/edition.sch: "
        "do not edit by hand. -->",
        "",
        "This manual says, element by element, what the pipeline writes into its TEI P5 files and why, in the way "
        "of an ODD: the text of every entry is the documentation of the project schema (`schemas/edition.xsd`), "
        "the rules are those of `schemas/edition.sch`, and the examples are taken from `schemas/specimen.xml`, "
        "an invented telegram with every part the writer produces. The encoding follows `ENCODING.md`; its contract XPaths are binding.",
        "",
        "A file is valid when it passes three layers, all run by `edition validate`:",
        "",
        "1. **the project schema** (XSD 1.0): only the elements, attributes and values listed below, in the order "
        "given;",
        "2. **the rules** (ISO Schematron): what no grammar can say, listed in the last section; a *warning* never "
        "makes a file invalid;",
        "3. **TEI P5 `tei_all`**: every file the project schema accepts is also valid TEI.",
        "",
        documentation(schema.tree.getroot()),
        "",
        "## Elements",
        "",
    ]
    by_name: dict[str, list[Declaration]] = defaultdict(list)
    for declaration in schema.declarations:
        by_name[declaration.name].append(declaration)
    for name in sorted(by_name, key=str.lower):
        lines += element_entry(schema, name, by_name[name], samples.get(name))
    lines += datatype_section(schema)
    lines += rule_section(parse(RULES))
    return "\n".join(lines).rstrip() + "\n"


def element_entry(schema: SchemaReader, name: str, declarations: list[Declaration], example: str | None) -> list[str]:
    lines = [f"### `<{name}>`", ""]
    for declaration in declarations:
        parents = ", ".join(f"`<{parent}>`" for parent in sorted(declaration.parents)) or "the root of the file"
        where = f"In {parents}" + (f" (type `{declaration.type_name}`)" if declaration.type_name else "")
        lines.append(f"- **{where}**: {declaration.documentation}")
        type_node = schema.types.get(declaration.type_name or "")
        if type_node is not None and documentation(type_node):
            lines.append(f"  {documentation(type_node)}")
        children = schema.children(declaration)
        content = ("text" if schema.is_mixed(declaration) else "") + \
                  (" and " if schema.is_mixed(declaration) and children else "") + \
                  (", ".join(f"`<{child}>`" for child in children) if children else "")
        if content:
            lines.append(f"  - contains: {content}")
        for attribute in schema.attributes(declaration):
            lines.append("  - " + attribute_line(schema, attribute))
    if example:
        lines += ["", "  Example:", "", f"  ```xml\n  {example}\n  ```"]
    lines.append("")
    return lines


def attribute_line(schema: SchemaReader, attribute: etree._Element) -> str:
    name = attribute.get("name") or attribute.get("ref")
    use = "required" if attribute.get("use") == "required" else "optional"
    values, kind = schema.values(attribute)
    allowed = ", ".join(f"`{value}`" for value in values) if values else f"`{kind}`"
    return f"`@{name}` ({use}; {'one of ' if len(values) > 1 else ''}{allowed}): {documentation(attribute)}"


def datatype_section(schema: SchemaReader) -> list[str]:
    lines = ["## Datatypes and closed lists", ""]
    for name, node in sorted(schema.types.items(), key=lambda item: item[0].lower()):
        if node.tag != f"{{{XS}}}simpleType":
            continue
        values = node.xpath(".//xs:enumeration/@value", namespaces=NS)
        patterns = node.xpath(".//xs:pattern/@value", namespaces=NS)
        lines.append(f"- **`{name}`**: {documentation(node)}")
        if values:
            lines.append("  - values: " + ", ".join(f"`{value}`" for value in values))
        if patterns:
            lines.append("  - pattern: " + " or ".join(f"`{pattern}`" for pattern in patterns))
    return lines + [""]


def rule_section(tree: etree._ElementTree) -> list[str]:
    lines = ["## Rules (Schematron)", "",
             "Each rule names its id in every message (`[rule id]`). Errors make a file invalid; warnings point at "
             "something to check against the source.", ""]
    for pattern_id, title, asserts in rules(tree):
        lines += [f"### {title} (`{pattern_id}`)", ""]
        for assert_id, role, context, sentence in asserts:
            lines.append(f"- **`{assert_id}`** ({role}, on `{context}`): {sentence}")
        lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/encoding-manual.md is out of date")
    arguments = parser.parse_args(argv)
    text = manual_text()
    if arguments.check:
        current = MANUAL.read_text(encoding="utf-8") if MANUAL.exists() else ""
        if current != text:
            print(f"{MANUAL.relative_to(ROOT)} is out of date: run python scripts/encoding_manual.py", file=sys.stderr)
            return 1
        return 0
    sys.path.insert(0, str(ROOT))
    from pipeline.files import atomic_write

    atomic_write(MANUAL, text.encode("utf-8"))
    print(f"wrote {MANUAL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
