"""Synthetic corpora for the benchmark: N exports made from the repository's own samples (sources/).

Each generated export is one of the samples (so every layout occurs, in
turn) with its record id, its own cipher numbers and its years changed, and
its longest paragraph repeated 0–3 times (so lengths vary).  Only the
invented sample texts are used, never the third-party exports of
``../shared``.  The same N and seed always give the same files.

    python benchmarks/generate.py 1000 /tmp/corpus-1000
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sources"
RECORD_ID = re.compile(r"9001\d\d")                       # the samples' invented record ids
OWN_CIPHER = re.compile(r"(?:No\.|Nº|№|#)\s*(\d{4,5})\b")   # numbers the sample gives as its own
YEAR = re.compile(r"\b(19(?:49|50|51|52))\b")


def samples() -> list[tuple[str, str]]:
    """(stem, text) of every sample export."""
    return [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(SAMPLES.glob("*.txt"))]


def vary(text: str, number: int, generator: random.Random) -> str:
    """One synthetic export from a sample: new record id, cipher numbers and years; length varied."""
    text = RECORD_ID.sub(str(2_000_000 + number), text)
    for original in sorted(set(OWN_CIPHER.findall(text)), key=len, reverse=True):
        text = re.sub(rf"\b{original}\b", str(10_000 + (int(original) * 7 + number * 13) % 89_000), text)
    shift = generator.choice((-1, 0, 0, 1))
    text = YEAR.sub(lambda match: str(min(1952, max(1949, int(match.group(1)) + shift))), text)
    return lengthen(text, generator.choice((0, 0, 1, 2, 3)))


def lengthen(text: str, repeats: int) -> str:
    """The longest paragraph (blank-line separated, not the first or last) repeated ``repeats`` times."""
    paragraphs = text.split("\n\n")
    if repeats == 0 or len(paragraphs) < 5:
        return text
    longest = max(range(1, len(paragraphs) - 1), key=lambda index: len(paragraphs[index]))
    paragraphs[longest:longest + 1] = [paragraphs[longest]] * (repeats + 1)
    return "\n\n".join(paragraphs)


def generate(count: int, folder: Path, seed: int = 9) -> list[Path]:
    """Writes ``count`` exports into ``folder`` (spread over subfolders of 1,000); returns their paths."""
    generator = random.Random(seed)
    originals = samples()
    written = []
    for number in range(count):
        stem, text = originals[number % len(originals)]
        path = folder / f"part-{number // 1000:03d}" / f"{number:06d}-{stem}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(vary(text, number, generator), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many exports")
    parser.add_argument("folder", type=Path, help="where to write them (should be empty)")
    parser.add_argument("--seed", type=int, default=9)
    arguments = parser.parse_args(argv)
    paths = generate(arguments.count, arguments.folder, arguments.seed)
    print(f"{len(paths)} exports in {arguments.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
