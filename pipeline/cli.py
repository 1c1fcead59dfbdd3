"""The ``edition`` command line: parse arguments, call build/convert/validate/render, print, exit.

Exit status: 0 all fine, 1 some document failed, 2 usage error.  Errors are
one line ``path:line: message``; a traceback only with ``--debug``.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from .errors import EditionError

DEFAULT_SOURCES = "sources"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    if not getattr(arguments, "command", None):
        parser.print_help()
        return 2
    try:
        return arguments.handler(arguments)
    except EditionError as error:
        if arguments.debug:
            raise
        print(f"edition: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a file named on the command line that cannot be read or written
        if arguments.debug:
            raise
        print(f"edition: {error.filename or '<input>'}: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("edition: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description="Build a TEI digital edition from text exports.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser("build", help="convert, validate and render a folder of exports")
    build.add_argument("sources", nargs="*", metavar="SOURCE", help=f"files or folders (default: {DEFAULT_SOURCES}/)")
    build.add_argument("--tei-dir", default="tei", help="where TEI files are written (default: tei/)")
    build.add_argument("--out", default="output", help="where rendered editions go (default: output/)")
    build.add_argument("--jobs", type=_positive, default=1, help="worker processes (default: 1)")
    build.add_argument("--no-pdf", action="store_true", help="skip the typeset PDF volume (the slowest output)")
    build.add_argument("--no-search", action="store_true", help="skip the full-text search index of the site")
    build.add_argument("--force", action="store_true",
                       help="rebuild everything and overwrite TEI files edited by hand")
    build.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    build.set_defaults(handler=_build)

    convert = commands.add_parser("convert", help="TEI of one export")
    convert.add_argument("source", metavar="SOURCE")
    convert.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    convert.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    convert.set_defaults(handler=_convert)

    validate = commands.add_parser(
        "validate", help="check TEI files: project schema, rules, TEI P5",
        epilog="Prints one line per problem, path:line:col: message [layer]; warnings never fail a file. "
               "Exit 1 if any file is invalid, 0 otherwise. Files declaring a DTD or entities are refused. "
               "The encoding is documented in docs/encoding-manual.md.")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="TEI files or folders (searched for *.xml)")
    validate.add_argument("--tei-all", metavar="PATH", help="tei_all.rng (default: $EDITION_TEI_ALL or "
                                                               "../shared/tei-p5/tei_all.rng)")
    validate.add_argument("--no-tei-all", action="store_true", help="skip the official TEI P5 check")
    validate.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    validate.set_defaults(handler=_validate)

    render = commands.add_parser("render", help="render one TEI file")
    render.add_argument("tei", metavar="TEI")
    render.add_argument("--to", choices=("html", "text", "pdf"), required=True)
    render.add_argument("-o", "--output", metavar="FILE")
    render.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    render.set_defaults(handler=_render)

    serve = commands.add_parser("serve", help="preview the built edition (site, exports, DTS) on a local web server")
    serve.add_argument("--out", default="output", help="the built edition to serve (default: output/)")
    serve.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                       help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_port, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.add_argument("--quiet", action="store_true", help="do not log requests")
    serve.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    serve.set_defaults(handler=_serve)
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _build(arguments) -> int:
    from .build import build, terminal_progress

    sources = arguments.sources or [DEFAULT_SOURCES]
    for source in sources:
        # a broken link or a link loop is reported as that document's error, the others still built
        if not Path(source).exists() and not Path(source).is_symlink():
            raise EditionError("no such file or folder", source)
    from .print_edition import NO_PDF_VARIABLE
    from .search import SWITCH_OFF

    # the switches are environment settings so that the workers see them too (and the build
    # state keys on them); they hold for this build only
    switches = {NO_PDF_VARIABLE: arguments.no_pdf, SWITCH_OFF: arguments.no_search}
    with _environment({name: "1" for name, on in switches.items() if on}):
        outcomes = build(sources, tei_dir=arguments.tei_dir, out_dir=arguments.out, jobs=arguments.jobs,
                         progress=terminal_progress, force=arguments.force)
    for outcome in outcomes:
        for message in outcome.messages:
            prefix = "" if message.startswith(outcome.source) else f"{outcome.source}: "
            print(f"{outcome.status}: {prefix}{message}", file=sys.stderr)
    failed = sum(1 for o in outcomes if o.status == "error")
    print(f"built {len(outcomes) - failed} of {len(outcomes)} documents into {arguments.tei_dir}/ and "
          f"{arguments.out}/ (report: {Path(arguments.out) / 'report.json'})")
    reused, kept = sum(1 for o in outcomes if o.reused), sum(1 for o in outcomes if o.kept)
    print(f"{len(outcomes) - reused} rebuilt, {reused} unchanged"
          + (f", {kept} hand-edited TEI file(s) kept (--force overwrites them)" if kept else ""))
    return 1 if failed else 0


@contextlib.contextmanager
def _environment(settings: dict[str, str]):
    """Environment variables set for the duration of a block, then restored."""
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _convert(arguments) -> int:
    from .build import convert_source
    from .files import atomic_write

    tei, _, warnings = convert_source(Path(arguments.source))
    for warning in warnings:
        print(f"warning: {arguments.source}: {warning}", file=sys.stderr)
    if arguments.output:
        atomic_write(Path(arguments.output), tei)
    else:
        sys.stdout.buffer.write(tei)
    return 0


def _validate(arguments) -> int:
    from .validate import check_files, tei_files

    files = tei_files(arguments.paths)
    tei_all = False if arguments.no_tei_all else (Path(arguments.tei_all) if arguments.tei_all else None)
    problems = check_files(files, tei_all)
    for problem in problems:
        print(problem)
    invalid = {problem.path for problem in problems if problem.is_error}
    warnings = sum(1 for problem in problems if not problem.is_error)
    print(f"{len(files) - len(invalid)} of {len(files)} files valid"
          + (f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""), file=sys.stderr)
    return 1 if invalid else 0


def _render(arguments) -> int:
    from .files import atomic_write
    from .render import get_renderer
    from .validate import parse_tei

    data = Path(arguments.tei).read_bytes()
    parse_tei(data, arguments.tei)
    renderer = get_renderer()
    if arguments.to == "pdf":
        return _render_pdf(data, arguments, renderer)
    result = renderer.to_html(data) if arguments.to == "html" else renderer.to_text(data)
    if arguments.output:
        atomic_write(Path(arguments.output), result.encode("utf-8"))
    else:
        sys.stdout.write(result)
    return 0


def _render_pdf(data: bytes, arguments, renderer) -> int:
    from .files import atomic_write
    from .print_edition import document_pdf

    if not arguments.output and sys.stdout.isatty():
        raise EditionError("a PDF is not shown on a terminal: give -o FILE (or redirect)", arguments.tei)
    result = document_pdf(data, renderer, arguments.tei)
    if arguments.output:
        atomic_write(Path(arguments.output), result)
    else:
        sys.stdout.buffer.write(result)
    return 0


def _port(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError("must be between 0 and 65535")
    return number


def _serve(arguments) -> int:
    from .serve import serve

    try:
        serve(Path(arguments.out), arguments.bind, arguments.port, quiet=arguments.quiet)
    except KeyboardInterrupt:
        print("edition: server stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
