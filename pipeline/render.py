"""Runs the XSLT renderers of ``xslt/`` on TEI documents (HTML, plain text, index summaries).

Every stylesheet is compiled once per process, on first use, and reused for
all documents (the TEIC Stylesheets' lesson: per-run data is compiled once).
A new output format is one stylesheet under ``xslt/`` plus one entry in
``OUTPUTS``; nothing else changes.

This module never builds HTML or text itself: ``xslt/`` is the only place
that writes them.  It never reads the source text exports either: the TEI
is the edition.
"""
from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline.errors import EditionError

XSLT_DIRECTORY = Path(__file__).resolve().parent.parent / "xslt"
EDITION_NAMESPACE = "https://example.org/ns/edition"
ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
STYLESHEET_PATH = XSLT_DIRECTORY / "html" / "edition.css"

ParameterValue = str | int | bool


@dataclass(frozen=True)
class Output:
    """One stylesheet: where it lives under ``xslt/`` and what its result is."""

    stylesheet: str          # path relative to xslt/
    suffix: str              # file suffix of the result (".html", ".txt" …)
    description: str


# Per-document outputs: the build writes one file per document for each entry.
OUTPUTS: dict[str, Output] = {
    "html": Output("html/document.xsl", ".html", "one HTML5 page per document"),
    "text": Output("text.xsl", ".txt", "plain-text edition wrapped at 72 columns"),
}

# Stylesheets of the edition as a whole (not one file per document).
COLLECTION_STYLESHEETS: dict[str, Output] = {
    "summary": Output("summary.xsl", ".xml", "the facts of one document for the index"),
    # Exchange exports (pipeline/exports.py); "frame" stylesheets are called by their initial template.
    "cmif": Output("exports/cmif.xsl", ".xml", "frame of the CMIF file"),
    "cmif-entry": Output("exports/cmif-entry.xsl", ".xml", "one document's correspDesc for CMIF"),
    "corpus": Output("exports/corpus.xsl", ".xml", "frame of the teiCorpus file"),
    "corpus-member": Output("exports/corpus-member.xsl", ".xml", "one document with corpus-unique ids"),
    "csv-row": Output("exports/csv-row.xsl", ".csv", "one document's CSV row; header row by initial template"),
    "json-row": Output("exports/json-row.xsl", ".json", "one document's object for documents.json"),
    "dts-resource": Output("exports/dts-resource.xsl", ".json", "one document as a DTS Resource"),
    "dts-collection": Output("exports/dts-collection.xsl", ".json", "DTS entry point and collection pages"),
    "index": Output("html/index.xsl", ".html", "the list of all documents"),
    "registers": Output("html/registers.xsl", ".html", "a register page (persons, places, organisations)"),
    "search": Output("html/search.xsl", ".html", "the search page (Pagefind)"),
    "print-document": Output("print/document.xsl", ".xml", "one document's part of the printed volume"),
    "print-volume": Output("print/volume.xsl", ".html", "the printed volume as HTML for paged media"),
    "text-volume": Output("print/text-volume.xsl", ".txt", "the whole-corpus plain-text volume"),
}


# --------------------------------------------------------------------------
# One Saxon processor per process (a forked worker makes its own)
# --------------------------------------------------------------------------
_processors: dict[int, Any] = {}
_renderers: dict[int, Renderer] = {}
_process_lock = threading.Lock()


def saxon_processor() -> Any:
    """The process's ``PySaxonProcessor`` (created on first use)."""
    process_id = os.getpid()
    with _process_lock:
        if process_id not in _processors:
            from saxonche import PySaxonProcessor

            processor = PySaxonProcessor(license=False)
            # No network, ever: stylesheets, documents and entities may only come from local files.
            # (Set once, before anything is compiled: Saxon does not relax it later.)
            processor.set_configuration_property(ALLOWED_PROTOCOLS, "file")
            _processors[process_id] = processor
        return _processors[process_id]


def get_renderer() -> Renderer:
    """The process's shared ``Renderer`` (its stylesheets compile once)."""
    process_id = os.getpid()
    with _process_lock:
        if process_id not in _renderers:
            _renderers[process_id] = Renderer()
        return _renderers[process_id]


# --------------------------------------------------------------------------
# The renderer
# --------------------------------------------------------------------------
class Renderer:
    """Compiles the stylesheets lazily, once, and runs them on documents."""

    def __init__(self, stylesheets: Mapping[str, Output] | None = None,
                 directory: Path = XSLT_DIRECTORY):
        self.stylesheets: dict[str, Output] = dict(
            stylesheets if stylesheets is not None else {**OUTPUTS, **COLLECTION_STYLESHEETS})
        self.directory = directory
        self._executables: dict[str, Any] = {}
        # Saxon executables carry parameters and messages between calls:
        # one transformation at a time per renderer.
        self._lock = threading.RLock()
        # The last document parsed: a build runs ten or so stylesheets on each TEI file in a row
        # (page, summary, text, print fragment, exports), and parsing it once saves the rest.
        self._parsed: tuple[str, Any] | None = None

    # -- public API -------------------------------------------------------
    def to_html(self, tei: bytes | str, parameters: Mapping[str, ParameterValue] | None = None,
                path: str | None = None) -> str:
        """One TEI document as an HTML5 page."""
        return self.render("html", tei, parameters, path)

    def to_text(self, tei: bytes | str, parameters: Mapping[str, ParameterValue] | None = None,
                path: str | None = None) -> str:
        """One TEI document as a plain-text edition."""
        return self.render("text", tei, parameters, path)

    def summary(self, tei: bytes | str, parameters: Mapping[str, ParameterValue] | None = None,
                path: str | None = None) -> str:
        """One TEI document as an ``<ed:doc/>`` element for the index."""
        return self.render("summary", tei, parameters, path)

    def print_fragment(self, tei: bytes | str, parameters: Mapping[str, ParameterValue] | None = None,
                       path: str | None = None) -> str:
        """One TEI document as an ``<ed:print-document>`` fragment of the printed volume."""
        return self.render("print-document", tei, parameters, path)

    def print_volume(self, volume_xml: bytes | str,
                     parameters: Mapping[str, ParameterValue] | None = None) -> str:
        """``<ed:volume>`` of print fragments (see ``pipeline.pdf.volume_xml``) as HTML for paged media."""
        return self.render("print-volume", volume_xml, parameters)

    def text_volume(self, volume_xml: bytes | str,
                    parameters: Mapping[str, ParameterValue] | None = None) -> str:
        """``<ed:volume>`` of print fragments as the whole-corpus plain-text volume."""
        return self.render("text-volume", volume_xml, parameters)

    def index_html(self, summaries_xml: bytes | str,
                   parameters: Mapping[str, ParameterValue] | None = None,
                   path: str | None = None) -> str:
        """``<ed:documents>`` (see ``documents_xml``) as the index page."""
        return self.render("index", summaries_xml, parameters, path)

    def register_html(self, summaries_xml: bytes | str, kind: str,
                      parameters: Mapping[str, ParameterValue] | None = None,
                      path: str | None = None) -> str:
        """``<ed:documents>`` as the register page of ``kind`` (person, place, organisation)."""
        return self.render("registers", summaries_xml, {**(parameters or {}), "kind": kind}, path)

    def search_html(self, summaries_xml: bytes | str,
                    parameters: Mapping[str, ParameterValue] | None = None,
                    path: str | None = None) -> str:
        """The search page of the site (``<ed:documents>`` in, for its counts)."""
        return self.render("search", summaries_xml, parameters, path)

    def render(self, name: str, source: bytes | str,
               parameters: Mapping[str, ParameterValue] | None = None,
               path: str | None = None) -> str:
        """Runs stylesheet ``name`` on an XML document given as bytes or text."""
        with self._lock:
            return self.render_node(name, self.parse(source, path), parameters, path)

    def render_node(self, name: str, document: Any,
                    parameters: Mapping[str, ParameterValue] | None = None,
                    path: str | None = None) -> str:
        """Runs stylesheet ``name`` on a document ``parse`` has made (several stylesheets, one parse)."""
        return self._run(name, parameters, path, lambda executable: executable.transform_to_string(xdm_node=document))

    def call_template(self, name: str, parameters: Mapping[str, ParameterValue] | None = None,
                      path: str | None = None) -> str:
        """Runs the initial template of stylesheet ``name`` (no input document)."""
        return self._run(name, parameters, path, lambda executable: executable.call_template_returning_string(None))

    def _run(self, name: str, parameters: Mapping[str, ParameterValue] | None, path: str | None,
             run: Any) -> str:
        """Sets the parameters, runs the executable of ``name`` and clears them again; a failure is an
        EditionError with the stylesheet's own xsl:message where it gave one."""
        executable = self.executable(name)
        processor = saxon_processor()
        with self._lock:
            executable.clear_parameters()
            for parameter_name, value in sorted((parameters or {}).items()):
                executable.set_parameter(parameter_name, xdm_value(processor, value))
            executable.clear_xsl_messages()
            try:
                result = run(executable)
            except Exception as error:
                messages = xsl_messages(executable)
                explanation = messages or saxon_message(error)
                raise EditionError(
                    f"{self.stylesheets[name].stylesheet} failed: {explanation}", path) from error
            finally:
                executable.clear_parameters()
        return result or ""

    def parse(self, source: bytes | str, path: str | None = None) -> Any:
        """The document as a Saxon node; the last one parsed is kept, as the stylesheets of a
        build run on each TEI file in a row."""
        text = refuse_document_type(decode_xml(source, path), path)
        with self._lock:
            if self._parsed is not None and self._parsed[0] == text:
                return self._parsed[1]
            try:
                document = saxon_processor().parse_xml(xml_text=text)
            except Exception as error:
                raise EditionError(f"not well-formed XML: {saxon_message(error)}", path) from error
            self._parsed = (text, document)
            return document

    def executable(self, name: str) -> Any:
        """The compiled stylesheet ``name``, compiled on first use only."""
        with self._lock:
            if name not in self._executables:
                self._executables[name] = self._compile(name)
            return self._executables[name]

    def compile_all(self) -> None:
        """Compiles every stylesheet now (e.g. before forking workers)."""
        for name in sorted(self.stylesheets):
            self.executable(name)

    # -- internals ---------------------------------------------------------
    def _compile(self, name: str) -> Any:
        if name not in self.stylesheets:
            known = ", ".join(sorted(self.stylesheets))
            raise EditionError(f"unknown output {name!r}; known outputs: {known}")
        stylesheet_path = self.directory / self.stylesheets[name].stylesheet
        if not stylesheet_path.is_file():
            raise EditionError("stylesheet not found", str(stylesheet_path))
        compiler = saxon_processor().new_xslt30_processor()
        try:
            executable = compiler.compile_stylesheet(stylesheet_file=str(stylesheet_path))
        except Exception as error:
            raise EditionError(f"stylesheet does not compile: {saxon_message(error)}",
                               str(stylesheet_path)) from error
        if executable is None:
            raise EditionError("stylesheet does not compile", str(stylesheet_path))
        executable.set_save_xsl_message(True)
        return executable


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
_ENCODING_DECLARATION = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


_DOCUMENT_TYPE = re.compile(r"<!(DOCTYPE|ENTITY)\b")


def refuse_document_type(text: str, path: str | None = None) -> str:
    """``text`` unchanged, or an EditionError if it declares a DTD or entities (Saxon's parser would load them)."""
    if _DOCUMENT_TYPE.search(text):
        raise EditionError("refused: the XML declares a DTD or entities, which are never loaded", path, 1)
    return text


def decode_xml(source: bytes | str, path: str | None = None) -> str:
    """XML bytes as text, in the encoding their BOM or declaration names (UTF-8 by default)."""
    if isinstance(source, str):
        return source
    if source.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif source.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        declared = _ENCODING_DECLARATION.match(source[:200])
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return source.decode(encoding)
    except (LookupError, UnicodeDecodeError) as error:
        raise EditionError(f"cannot read the XML as {encoding}: {error}", path) from error


def xdm_value(processor: Any, value: ParameterValue) -> Any:
    """A Python parameter value as the XDM value the stylesheet declares."""
    if isinstance(value, bool):
        return processor.make_boolean_value(value)
    if isinstance(value, int):
        return processor.make_integer_value(value)
    return processor.make_string_value(str(value))


def saxon_message(error: BaseException) -> str:
    """Saxon's explanation without its padding."""
    return " ".join(str(error).split()) or type(error).__name__


def xsl_messages(executable: Any) -> str:
    """The xsl:message texts of the last run (e.g. why it terminated)."""
    messages = executable.get_xsl_messages()
    return " ".join(str(messages).split()) if messages is not None else ""


def documents_xml(summaries: Iterable[str | bytes]) -> bytes:
    """Wraps ``Renderer.summary`` results in ``<ed:documents>`` for ``index_html``."""
    documents = etree.Element(f"{{{EDITION_NAMESPACE}}}documents", nsmap={"ed": EDITION_NAMESPACE})
    for summary in summaries:
        text = summary.encode("utf-8") if isinstance(summary, str) else summary
        try:
            documents.append(etree.fromstring(text))
        except etree.XMLSyntaxError as error:
            raise EditionError(f"summary is not well-formed XML: {error}") from error
    return etree.tostring(documents, encoding="utf-8", xml_declaration=True)
