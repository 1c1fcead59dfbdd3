"""The build benchmark: full, no-op and one-change builds of synthetic corpora, against the I/O floor.

    python benchmarks/run.py                       # N = 100 and 1,000, --jobs 1 and 2
    python benchmarks/run.py --sizes 100 1000 10000
    python benchmarks/run.py --sizes 100 --extras  # also the PDF volume and the search index, separately
    python benchmarks/run.py --sizes 100 --profile # pyinstrument profile of one in-process build

For every N the corpus is generated (``benchmarks/generate.py``) under the
work folder, then ``edition build`` runs as a subprocess (TEI + validation +
HTML + text + the other per-document stages; PDF volume and search index
switched off unless ``--extras``), timed, with the peak memory of its whole
process tree sampled by psutil (summed RSS, and summed PSS, which counts a
shared page once).  Printed per run: documents/s, the time per
step summed over documents (from ``OUT/.state/last-build.json``), the floor
(lxml parse + serialise + write of the TEI, HTML and text files the build
produced, measured in the same run) and build / floor, then the no-op
rebuild, a rebuild after touching one source (time only) and after editing
one.  Results go to standard output as a Markdown table and to
``WORK/results.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from pipeline.state import code_fingerprint  # noqa: E402

STEPS = ("read", "convert", "validate", "render html", "render text", "write")
POLL_SECONDS = 0.05


# --------------------------------------------------------------------------- measuring
def tree_memory(process: psutil.Process) -> tuple[int, int]:
    """Resident memory of a process and all its children, in bytes: the sum of their RSS (which
    counts pages they share, such as the Saxon library, once per process) and of their PSS
    (each shared page divided among the processes sharing it: the memory the tree really uses)."""
    rss = pss = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            info = member.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def timed_build(corpus: Path, work: Path, jobs: int, environment: dict[str, str],
                extra: tuple[str, ...] = ()) -> dict:
    """Runs ``edition build`` once; wall time, peak memory (RSS and PSS) of its process tree, the build's own summary."""
    command = [sys.executable, "-m", "pipeline.cli", "build", str(corpus), "--tei-dir", str(work / "tei"),
               "--out", str(work / "out"), "--jobs", str(jobs), *extra]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    watched, peak, peak_pss = psutil.Process(child.pid), 0, 0
    while child.poll() is None:
        try:
            rss, pss = tree_memory(watched)
        except psutil.NoSuchProcess:
            break
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - start
    summary = json.loads((work / "out" / ".state" / "last-build.json").read_text(encoding="utf-8"))
    report = json.loads((work / "out" / "report.json").read_text(encoding="utf-8"))
    return {"seconds": seconds, "peak_rss_mb": peak / 2**20, "peak_pss_mb": peak_pss / 2**20,
            "exit": child.returncode,
            "errors": report["counts"]["error"], "summary": summary}


def floor_seconds(work: Path) -> tuple[float, int]:
    """lxml parse + serialise + write of every TEI, HTML and text file the build produced."""
    files = sorted([*(work / "tei").glob("*.xml"), *(work / "out" / "html").glob("*.html"),
                    *(work / "out" / "text").glob("*.txt")])
    target = work / "floor"
    target.mkdir(exist_ok=True)
    xml_parser, html_parser = etree.XMLParser(resolve_entities=False), etree.HTMLParser()
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".xml":
            data = etree.tostring(etree.fromstring(data, xml_parser), encoding="utf-8", xml_declaration=True)
        elif path.suffix == ".html":
            data = etree.tostring(etree.fromstring(data, html_parser), method="html", encoding="utf-8")
        (target / path.name).write_bytes(data)
    seconds = time.perf_counter() - start
    shutil.rmtree(target)
    return seconds, len(files)


def edit_one(corpus: Path) -> tuple[Path, str]:
    """Adds a word to the longest line of one source; returns the source and its text before."""
    sources = sorted(corpus.rglob("*.txt"))
    path = sources[len(sources) // 2]
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    longest = max(range(len(lines)), key=lambda index: len(lines[index]))
    lines[longest] += " corrected"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, original


# --------------------------------------------------------------------------- one size
def run_size(size: int, jobs_list: list[int], folder: Path, environment: dict[str, str], extras: bool) -> dict:
    corpus = folder / f"corpus-{size}"
    if not corpus.is_dir():
        generate(size, corpus)
    results: dict = {"size": size, "runs": {}}
    for jobs in jobs_list:
        work = folder / f"build-{size}-j{jobs}"
        shutil.rmtree(work, ignore_errors=True)
        full = timed_build(corpus, work, jobs, environment)
        floor, files = floor_seconds(work)
        noop = timed_build(corpus, work, jobs, environment)
        touched = sorted(corpus.rglob("*.txt"))[0]
        os.utime(touched)
        touch = timed_build(corpus, work, jobs, environment)
        path, original = edit_one(corpus)
        try:
            edit = timed_build(corpus, work, jobs, environment)
        finally:
            path.write_text(original, encoding="utf-8")
        results["runs"][jobs] = {"full": full, "floor_seconds": floor, "floor_files": files,
                                 "noop": noop, "touch": touch, "edit": edit}
        print_run(size, jobs, results["runs"][jobs])
    if extras:
        work = folder / f"build-{size}-extras"
        shutil.rmtree(work, ignore_errors=True)
        with_all = dict(environment)
        with_all.pop("EDITION_NO_PDF", None)
        with_all.pop("EDITION_NO_SEARCH", None)
        results["extras"] = timed_build(corpus, work, max(jobs_list), with_all)
        phases = results["extras"]["summary"]["phases"]
        print(f"N={size} with PDF volume and search index: {results['extras']['seconds']:.1f} s "
              f"(collection stages {phases.get('collect', 0):.1f} s), peak {results['extras']['peak_rss_mb']:.0f} MB")
    return results


def print_run(size: int, jobs: int, run: dict) -> None:
    full = run["full"]
    steps = full["summary"]["document_steps_cpu"]
    shown = ", ".join(f"{step} {steps.get(step, 0):.2f}" for step in STEPS)
    others = sum(value for step, value in steps.items() if step not in STEPS)
    other_steps = ", ".join(f"{step} {value:.2f}" for step, value in
                            sorted(steps.items(), key=lambda item: -item[1]) if step not in STEPS and value >= 0.005)
    phases = ", ".join(f"{name} {value:.2f}" for name, value in full["summary"]["phases"].items())
    print(f"N={size} jobs={jobs}: {full['seconds']:.2f} s, {size / full['seconds']:.0f} docs/s, "
          f"peak RSS {full['peak_rss_mb']:.0f} MB (PSS {full['peak_pss_mb']:.0f} MB), errors {full['errors']}; floor {run['floor_seconds']:.2f} s "
          f"({run['floor_files']} files), build/floor {full['seconds'] / run['floor_seconds']:.1f}")
    print(f"    CPU s per step (all workers): {shown}, other stages {others:.2f}")
    print(f"    other stages: {other_steps}")
    print(f"    phases (wall s): {phases}")
    print(f"    no-op {run['noop']['seconds']:.2f} s, touched {run['touch']['seconds']:.2f} s, "
          f"one edited {run['edit']['seconds']:.2f} s (rebuilt {run['edit']['summary']['rebuilt']}, "
          f"index redone: {run['edit']['summary']['collected']})", flush=True)


def table(results: list[dict]) -> str:
    lines = ["| N | jobs | build s | docs/s | floor s | build/floor | peak RSS MB | peak PSS MB | no-op s | touch s "
             "| one edit s |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for result in results:
        for jobs, run in sorted(result["runs"].items()):
            full = run["full"]
            lines.append(f"| {result['size']:,} | {jobs} | {full['seconds']:.1f} | {result['size'] / full['seconds']:.0f} "
                         f"| {run['floor_seconds']:.2f} | {full['seconds'] / run['floor_seconds']:.1f} "
                         f"| {full['peak_rss_mb']:.0f} | {full['peak_pss_mb']:.0f} | {run['noop']['seconds']:.2f} | {run['touch']['seconds']:.2f} "
                         f"| {run['edit']['seconds']:.2f} |")
    return "\n".join(lines)


def checks(results: list[dict]) -> list[str]:
    """The targets of issue 9, where the runs allow judging them."""
    found = []
    by_size = {result["size"]: result["runs"] for result in results}
    for size, runs in sorted(by_size.items()):
        if 1 in runs and 2 in runs:
            found.append(f"N={size}: jobs 2 is {runs[1]['full']['seconds'] / runs[2]['full']['seconds']:.2f}x jobs 1 "
                         "(target >= 1.7)")
        for jobs, run in sorted(runs.items()):
            found.append(f"N={size} jobs={jobs}: peak RSS {run['full']['peak_rss_mb']:.0f} MB (target <= 500; "
                         f"PSS {run['full']['peak_pss_mb']:.0f} MB), "
                         f"no-op {run['noop']['seconds']:.2f} s (target <= 2 at 10,000)")
    if 1000 in by_size and 10000 in by_size:
        for jobs in sorted(set(by_size[1000]) & set(by_size[10000])):
            ratio = by_size[10000][jobs]["full"]["seconds"] / by_size[1000][jobs]["full"]["seconds"]
            found.append(f"jobs={jobs}: time(10,000) = {ratio:.1f} x time(1,000) (target <= 11)")
    return found


def profile(folder: Path, size: int) -> None:
    """pyinstrument over one in-process build with --jobs 1 (the per-document work and the collection)."""
    from pyinstrument import Profiler

    from pipeline.build import build

    corpus = folder / f"corpus-{size}"
    if not corpus.is_dir():
        generate(size, corpus)
    work = folder / f"profile-{size}"
    shutil.rmtree(work, ignore_errors=True)
    profiler = Profiler(interval=0.001)
    profiler.start()
    build([str(corpus)], tei_dir=str(work / "tei"), out_dir=str(work / "out"), jobs=1)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--work", type=Path, default=Path("/tmp/edition-benchmark"),
                        help="where corpora and builds go (default /tmp/edition-benchmark)")
    parser.add_argument("--extras", action="store_true", help="also time the PDF volume and the search index")
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile and stop")
    arguments = parser.parse_args(argv)
    arguments.work.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "EDITION_NO_PDF": "1", "EDITION_NO_SEARCH": "1",
                   # the code is fixed for the whole run, even when the checkout is being edited
                   "EDITION_CODE_FINGERPRINT": code_fingerprint(),
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    if arguments.profile:
        os.environ.update({key: environment[key] for key in ("EDITION_NO_PDF", "EDITION_NO_SEARCH")})
        profile(arguments.work, arguments.sizes[0])
        return 0
    results = [run_size(size, arguments.jobs, arguments.work, environment, arguments.extras)
               for size in arguments.sizes]
    print()
    print(table(results))
    print()
    for line in checks(results):
        print(f"- {line}")
    (arguments.work / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
