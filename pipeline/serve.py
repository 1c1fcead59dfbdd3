"""``edition serve``: a local preview server for the built edition (web pages, exports, the static DTS API).

Standard library only (``http.server``).  It serves the files under OUT/ as
they are, read-only, with the content types a static host should send:
JSON-LD for the DTS responses, TEI for the DTS document endpoint, UTF-8 for
every text type.  It binds 127.0.0.1 unless told otherwise and never serves
hidden files or folders (the build's ``.state/``, ``.corpus/``).

It is a preview for one person, not a production web server.
"""
from __future__ import annotations

import os
import posixpath
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import EditionError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
SITE_START = "html/index.html"      # where "/" leads when OUT/ has no index.html of its own

# Content types by suffix (the standard library's guesses are incomplete or lack a charset).
CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8; header=present",
    ".pdf": "application/pdf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pagefind": "application/octet-stream",
}
# The static DTS API (OUT/dts/): its JSON is JSON-LD, its documents are TEI.
DTS_FOLDER = "dts"
DTS_CONTENT_TYPES: dict[str, str] = {
    ".json": "application/ld+json; charset=utf-8",
    ".xml": "application/tei+xml; charset=utf-8",
}


def content_type(relative_path: str) -> str:
    """The Content-Type for a file at ``relative_path`` (a URL path below OUT/, "/"-separated)."""
    suffix = posixpath.splitext(relative_path)[1].lower()
    parts = [part for part in relative_path.split("/") if part]
    if parts and parts[0] == DTS_FOLDER and suffix in DTS_CONTENT_TYPES:
        return DTS_CONTENT_TYPES[suffix]
    return CONTENT_TYPES.get(suffix, "application/octet-stream")


def is_hidden(relative_path: str) -> bool:
    """True for paths through a hidden file or folder (".state", ".corpus" …)."""
    return any(part.startswith(".") for part in relative_path.split("/") if part)


class EditionRequestHandler(SimpleHTTPRequestHandler):
    """Serves OUT/ read-only: content types by suffix, no hidden files, "/" leads to the site."""

    server_version = "edition-serve"
    quiet = False

    def send_head(self):
        path = unquote(urlsplit(self.path).path)
        if is_hidden(path):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        if path == "/" and not (Path(self.directory) / "index.html").exists() \
                and (Path(self.directory) / SITE_START).is_file():
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/" + SITE_START)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return super().send_head()

    def guess_type(self, path) -> str:
        return content_type(os.path.relpath(path, self.directory).replace(os.sep, "/"))

    def end_headers(self) -> None:
        # DTS clients and viewers run on other origins; the edition is public data.
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *arguments) -> None:
        if not self.quiet:
            super().log_message(format, *arguments)


def make_server(directory: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                quiet: bool = False) -> ThreadingHTTPServer:
    """A server for ``directory`` bound to ``host:port`` (port 0: any free port), not yet serving."""
    directory = Path(directory)
    if not directory.is_dir():
        raise EditionError("no such folder: build the edition first (edition build --out DIR)", str(directory))
    handler = type("Handler", (EditionRequestHandler,), {"quiet": quiet})
    try:
        return ThreadingHTTPServer((host, port), partial(handler, directory=str(directory.resolve())))
    except OSError as error:
        raise EditionError(f"cannot listen here: {error.strerror or error}", f"{host}:{port}") from None


def address(server: ThreadingHTTPServer) -> str:
    """The server's base URL ("http://127.0.0.1:8000/")."""
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    return f"http://{shown}:{port}/"


def serve_in_thread(directory: Path, host: str = DEFAULT_HOST, port: int = 0,
                    quiet: bool = True) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Starts a server in a daemon thread (for tests and scripts); stop it with ``server.shutdown()``."""
    server = make_server(directory, host, port, quiet)
    thread = threading.Thread(target=server.serve_forever, name="edition-serve", daemon=True)
    thread.start()
    return server, thread


def announce_on_stdout(message: str) -> None:
    print(message, flush=True)      # flushed: a script reading the address must see it at once


def serve(directory: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, quiet: bool = False,
          announce=announce_on_stdout) -> None:
    """Serves ``directory`` until interrupted."""
    server = make_server(directory, host, port, quiet)
    base = address(server)
    announce(f"serving {directory} at {base} (site: {base}{SITE_START}, DTS: {base}{DTS_FOLDER}/index.json); "
             "Ctrl-C stops")
    try:
        server.serve_forever()
    finally:
        server.server_close()


__all__ = ["serve", "make_server", "serve_in_thread", "address", "content_type", "is_hidden"]
