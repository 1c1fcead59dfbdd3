"""Score the converter against hand-checked facts: precision, recall and F1 per field family.

The facts are TOML files in ``tests/facts/<folder>/<source stem>.toml``
(one per source export; ``folder`` is ``seeds``, ``corpus-dev`` or
``sources``).  Each source is converted in this process (or its built TEI is
read with ``--tei-dir``) and the facts are read back from the TEI through the
contract XPaths of ENCODING.md, so the score measures what every other tool
sees.  A family absent from a facts file is not scored for that document; an
empty list means "the source has none" and every value found counts as wrong.

    python scripts/score.py                      # shared corpus + own samples, a table
    python scripts/score.py --folders sources --json
    python scripts/score.py --tei-dir /tmp/me/tei --folders seeds corpus-dev

This script never writes files.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "tests" / "facts"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ALL_FOLDERS = ("seeds", "corpus-dev", "sources")

# field family → the keys of a facts file it scores
FAMILIES: dict[str, tuple[str, ...]] = {
    "record": ("document_id", "record"),
    "date": ("date",),
    "languages": ("languages",),
    "archival": ("archival",),
    "cipher": ("cipher_numbers",),
    "registration": ("registration_numbers",),
    "events": ("events",),
    "marks": ("marks",),
    "copy": ("copy_number",),
    "distribution": ("distribution",),
    "correspondents": ("senders", "recipients", "intermediaries"),
    "references": ("references",),
    "persons": ("persons",),
    "places": ("places",),
    "organisations": ("organisations",),
}


# --------------------------------------------------------------------------
# Facts read from TEI (contract XPaths)
# --------------------------------------------------------------------------
def strings(root: etree._Element, xpath: str) -> list[str]:
    """The string values (text content of elements, values of attributes) that ``xpath`` selects, non-empty."""
    values = [text_of(value) for value in root.xpath(xpath, namespaces=NS)]
    return [value for value in values if value]


def text_of(value) -> str:
    if isinstance(value, etree._Element):
        return " ".join("".join(value.itertext()).split())
    return str(value).strip()


def iso_value(value: str) -> str:
    """A date or date-time as one comparable ISO value: "1950-07-05T23:45" and "1950-07-05T23:45:00" are equal.

    Partial dates ("1950", "1950-07") and values that are not ISO stay as written,
    so a wrong value still counts as wrong.
    """
    text = value.strip()
    if "T" in text:
        try:
            return datetime.fromisoformat(text).isoformat(timespec="seconds")
        except ValueError:
            return text
    if len(text) == 10:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return text
    return text


def ref_ids(root: etree._Element, xpath: str) -> list[str]:
    return [value.lstrip("#") for value in strings(root, xpath)]


def archival_copies(root: etree._Element) -> list[tuple]:
    copies = []
    for ms in root.xpath("//tei:sourceDesc//tei:msDesc", namespaces=NS):
        identifier = lambda kind: ms.xpath(f"string(tei:msIdentifier/tei:idno[@type='{kind}'])", namespaces=NS) or None
        locus = ms.xpath(".//tei:locus", namespaces=NS)
        copies.append((ms.xpath("string(tei:msIdentifier/tei:repository)", namespaces=NS) or None,
                       identifier("fond"), identifier("opis"), identifier("delo"), identifier("papka"),
                       locus[0].get("from") if locus else None, locus[0].get("to") if locus else None))
    return copies


def distribution_items(root: etree._Element) -> list[tuple]:
    items = []
    for item in root.xpath("//tei:list[@type='distribution']/tei:item", namespaces=NS):
        division = item.xpath("ancestor::tei:div[@xml:lang][1]/@xml:lang", namespaces=NS)
        person = item.xpath("string((.//tei:persName/@ref)[1])", namespaces=NS).lstrip("#") or None
        copies = item.xpath("string((.//tei:num[@type='copies']/@value)[1])", namespaces=NS) or "1"
        items.append((division[0] if division else None, person, int(copies)))
    return items


def correspondents(root: etree._Element) -> list[tuple]:
    found = []
    for role in ("sent", "received", "transmitted"):
        action = f"//tei:correspDesc/tei:correspAction[@type='{role}']"
        for ref in ref_ids(root, f"{action}/tei:persName/@ref | {action}/tei:orgName/@ref | {action}/tei:placeName/@ref"):
            found.append((role, ref))
    return found


def tei_facts(root: etree._Element) -> dict[str, list]:
    """Every scored family of one TEI document, as lists of comparable values."""
    body = "//tei:text"
    return {
        "record": [("id", root.get(XML_ID))] + [("record", v) for v in strings(root, "//tei:sourceDesc//tei:idno[@type='record']")],
        "date": [iso_value(v) for v in strings(root, "//tei:profileDesc/tei:creation/tei:date/@when")],
        "languages": sorted(set(strings(root, "//tei:profileDesc/tei:langUsage/tei:language/@ident"))),
        "archival": archival_copies(root),
        "cipher": sorted(set(strings(root, "//tei:idno[@type='cipher']"))),
        "registration": sorted(set(strings(root, "//tei:idno[@type='outgoing' or @type='incoming' or @type='registration' or @type='special']"))),
        "events": sorted(set(
            (action.get("type"), iso_value(when))
            for action in root.xpath("//tei:correspDesc/tei:correspAction[@type='sent' or @type='received' or @type='transmitted']", namespaces=NS)
            for when in strings(action, "tei:date/@when"))),
        "marks": sorted(set(strings(root, f"{body}//tei:seg[@type='classification' or @type='handling' or @type='priority']/@subtype"))),
        "copy": sorted(set(strings(root, f"{body}//tei:num[@type='copy']/@value"))),
        "distribution": distribution_items(root),
        "correspondents": correspondents(root),
        "references": sorted(set(strings(root, "//tei:correspDesc/tei:correspContext/tei:ref[@type='replyTo']"))),
        "persons": sorted(set(ref_ids(root, f"{body}//tei:persName/@ref"))),
        "places": sorted(set(ref_ids(root, f"{body}//tei:placeName/@ref"))),
        "organisations": sorted(set(ref_ids(root, f"{body}//tei:orgName/@ref"))),
    }


# --------------------------------------------------------------------------
# Facts written by hand
# --------------------------------------------------------------------------
def expected_facts(facts: dict) -> dict[str, list]:
    """The families a facts file states, in the shapes of ``tei_facts``."""
    expected: dict[str, list] = {}
    if "document_id" in facts or "record" in facts:
        expected["record"] = ([("id", facts["document_id"])] if "document_id" in facts else []) + \
                             ([("record", facts["record"])] if facts.get("record") else [])
    simple = {"date": "date", "cipher": "cipher_numbers", "registration": "registration_numbers",
              "references": "references", "persons": "persons", "places": "places",
              "organisations": "organisations", "languages": "languages", "marks": "marks"}
    for family, key in simple.items():
        if key in facts:
            value = facts[key]
            expected[family] = sorted(set(value if isinstance(value, list) else [value] if value else []))
    if "copy_number" in facts:
        expected["copy"] = [facts["copy_number"]] if facts["copy_number"] else []
    if "archival" in facts:
        expected["archival"] = [(c.get("repository"), c.get("fond"), c.get("opis"), c.get("delo"), c.get("papka"),
                                 c.get("from"), c.get("to")) for c in facts["archival"]]
    if "events" in facts:
        expected["events"] = sorted({(e["type"], iso_value(e["when"])) for e in facts["events"]})
    if "date" in expected:
        expected["date"] = sorted({iso_value(value) for value in expected["date"]})
    if "distribution" in facts:
        expected["distribution"] = [(d.get("lang"), d.get("person"), int(d.get("copies", 1)))
                                    for d in facts["distribution"]]
    if any(key in facts for key in FAMILIES["correspondents"]):
        roles = {"senders": "sent", "recipients": "received", "intermediaries": "transmitted"}
        expected["correspondents"] = [(roles[key], ref) for key in roles for ref in facts.get(key, [])]
    return expected


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------
@dataclass
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    errors: list[str] = field(default_factory=list)
    documents: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def add(self, found: Iterable, expected: Iterable, document: str) -> None:
        found_count, expected_count = Counter(found), Counter(expected)
        common = found_count & expected_count
        extra, missing = found_count - expected_count, expected_count - found_count
        counts = (sum(common.values()), sum(extra.values()), sum(missing.values()))
        self.true_positive += counts[0]
        self.false_positive += counts[1]
        self.false_negative += counts[2]
        self.documents[document] = counts
        if extra or missing:
            self.errors.append(f"{document}: extra {sorted(extra.elements(), key=str)} "
                               f"missing {sorted(missing.elements(), key=str)}")

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shared_dir() -> Path:
    configured = os.environ.get("EDITION_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


def source_path(folder: str, stem: str) -> Path:
    base = ROOT / "sources" if folder == "sources" else shared_dir() / folder
    return base / f"{stem}.txt"


def facts_files(folders: Iterable[str]) -> list[tuple[str, Path]]:
    return [(folder, path) for folder in folders for path in sorted((FACTS / folder).glob("*.toml"))]


def converted_root(source: Path, tei_dir: Path | None, document_id: str | None) -> etree._Element:
    if tei_dir is not None and document_id and (tei_dir / f"{document_id}.xml").exists():
        return etree.parse(str(tei_dir / f"{document_id}.xml")).getroot()
    sys.path.insert(0, str(ROOT))
    from pipeline.convert import convert_text
    from pipeline.files import read_source

    return etree.fromstring(convert_text(read_source(source), str(source)).tei)


def score(folders: Iterable[str], tei_dir: Path | None = None,
          convert: Callable[[Path, str | None], etree._Element] | None = None) -> dict[str, Tally]:
    """Tallies per field family over every facts file of ``folders`` whose source exists."""
    tallies = {family: Tally() for family in FAMILIES}
    for folder, facts_path in facts_files(folders):
        facts = tomllib.loads(facts_path.read_text(encoding="utf-8"))
        source = source_path(folder, facts_path.stem)
        if not source.exists():
            continue
        name = f"{folder}/{facts_path.stem}"
        root = (convert or (lambda s, i: converted_root(s, tei_dir, i)))(source, facts.get("document_id"))
        found = tei_facts(root)
        for family, expected in expected_facts(facts).items():
            tallies[family].add(found[family], expected, name)
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    lines = [f"{'field family':<16} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for family, tally in tallies.items():
        lines.append(f"{family:<16} {tally.precision:6.3f} {tally.recall:6.3f} {tally.f1:6.3f} "
                     f"{tally.true_positive:5d} {tally.false_positive:5d} {tally.false_negative:5d}")
    return "\n".join(lines)


def document_table(tallies: dict[str, Tally]) -> str:
    """Per document, the families it does not get wholly right, as TP/FP/FN."""
    documents = sorted({document for tally in tallies.values() for document in tally.documents})
    lines = []
    for document in documents:
        wrong = [f"{family} {tp}/{fp}/{fn}" for family, tally in tallies.items()
                 for tp, fp, fn in [tally.documents.get(document, (0, 0, 0))] if fp or fn]
        lines.append(f"{document}: {'; '.join(wrong) if wrong else 'all right'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", nargs="+", default=list(ALL_FOLDERS), choices=ALL_FOLDERS)
    parser.add_argument("--tei-dir", type=Path, help="read built TEI (ID.xml) from here instead of converting")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--errors", action="store_true", help="per document, and every disagreement")
    arguments = parser.parse_args(argv)
    tallies = score(arguments.folders, arguments.tei_dir)
    if arguments.json:
        print(json.dumps({family: {"precision": round(t.precision, 4), "recall": round(t.recall, 4),
                                   "f1": round(t.f1, 4), "tp": t.true_positive, "fp": t.false_positive,
                                   "fn": t.false_negative, "errors": t.errors,
                                   "documents": {d: list(c) for d, c in sorted(t.documents.items())}}
                          for family, t in tallies.items()}, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(table(tallies))
        if arguments.errors:
            print("\nper document (families not wholly right, TP/FP/FN):")
            print(document_table(tallies))
            print("\nevery disagreement:")
            for family, tally in tallies.items():
                for error in tally.errors:
                    print(f"{family}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
