"""The ``edition`` command line: parse arguments, call build/convert/validate/render, print, exit.

Exit status: 0 all fine, 1 some document failed, 2 usage error.  Errors are
one line ``path:line: message``; a traceback only with ``--debug``.
"""
from __future__ import annotations

import argparse
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
    build.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    build.set_defaults(handler=_build)

    convert = commands.add_parser("convert", help="TEI of one export")
    convert.add_argument("source", metavar="SOURCE")
    convert.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    convert.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    convert.set_defaults(handler=_convert)

    validate = commands.add_parser("validate", help="check TEI files: project schema, rules, TEI P5")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="TEI files or folders")
    validate.add_argument("--tei-all", metavar="PATH", help="tei_all.rng (default: $EDITION_TEI_ALL or "
                                                               "../shared/tei-p5/tei_all.rng)")
    validate.add_argument("--no-tei-all", action="store_true", help="skip the official TEI P5 check")
    validate.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    validate.set_defaults(handler=_validate)

    render = commands.add_parser("render", help="render one TEI file")
    render.add_argument("tei", metavar="TEI")
    render.add_argument("--to", choices=("html", "text"), required=True)
    render.add_argument("-o", "--output", metavar="FILE")
    render.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    render.set_defaults(handler=_render)
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
        if not Path(source).exists():
            raise EditionError("no such file or folder", source)
    outcomes = build(sources, tei_dir=arguments.tei_dir, out_dir=arguments.out, jobs=arguments.jobs,
                     progress=terminal_progress)
    for outcome in outcomes:
        for message in outcome.messages:
            prefix = "" if message.startswith(outcome.source) else f"{outcome.source}: "
            print(f"{outcome.status}: {prefix}{message}", file=sys.stderr)
    failed = sum(1 for o in outcomes if o.status == "error")
    print(f"built {len(outcomes) - failed} of {len(outcomes)} documents into {arguments.tei_dir}/ and "
          f"{arguments.out}/ (report: {Path(arguments.out) / 'report.json'})")
    return 1 if failed else 0


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
    from .validate import validate_detailed, validate_tei_all

    files: list[str] = []
    for name in arguments.paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(str(p) for p in path.rglob("*.xml"))
        elif path.exists():
            files.append(str(path))
        else:
            raise EditionError("no such file or folder", name)
    problems: list[str] = []
    for file in files:
        try:
            problems += validate_detailed(file)
        except EditionError as error:
            problems.append(str(error))
    if not arguments.no_tei_all and files:
        problems += validate_tei_all(files, Path(arguments.tei_all) if arguments.tei_all else None)
    for problem in problems:
        print(problem)
    invalid = len({p.split(":", 1)[0] for p in problems})
    print(f"{len(files) - invalid} of {len(files)} files valid", file=sys.stderr)
    return 1 if problems else 0


def _render(arguments) -> int:
    from .files import atomic_write
    from .render import get_renderer
    from .validate import parse_tei

    data = Path(arguments.tei).read_bytes()
    parse_tei(data, arguments.tei)
    renderer = get_renderer()
    result = renderer.to_html(data) if arguments.to == "html" else renderer.to_text(data)
    if arguments.output:
        atomic_write(Path(arguments.output), result.encode("utf-8"))
    else:
        sys.stdout.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
