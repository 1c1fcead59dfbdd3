"""The fuzzing campaign: feed the converter many generated inputs and count what happens.

Uses the generators of ``tests/test_properties.py`` (mangled sample exports
and telegram-like free text), one seeded ``random.Random`` per input so that
any input can be regenerated from its number.  Each input ends in one of:

* ``valid``   — TEI valid against the project schema and rules;
* ``error``   — an EditionError (a clear, one-line refusal);
* ``invalid`` — TEI written but rejected by validation (the build would fail the
  document with that message; still a bug in the converter);
* ``crash``   — any other exception (a bug).

Invalid and crashing inputs are saved to the output folder with the
traceback or the validation messages, one file per input.

    nice -n 19 python scripts/fuzz.py --count 100000 --jobs 2 --out /tmp/fuzz
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.convert import convert_text  # noqa: E402
from pipeline.errors import EditionError  # noqa: E402
from pipeline.validate import validate_tei_bytes  # noqa: E402
from tests.test_properties import XML_FORBIDDEN, generated_input  # noqa: E402


def input_number(number: int, seed: int) -> str:
    """Input ``number`` of the campaign with ``seed``: the same every time."""
    return generated_input(random.Random(f"{seed}:{number}"))


def run_one(arguments: tuple[int, int, str]) -> tuple[int, str, str]:
    """(number, outcome, detail) for one generated input."""
    number, seed, out = arguments
    text = input_number(number, seed)
    try:
        conversion = convert_text(text, f"fuzz-{number}.txt")
    except EditionError as error:
        return number, "error", first_words(error.message)
    except Exception:  # noqa: BLE001 - counting crashes is the point
        detail = traceback.format_exc()
        save(out, number, "crash", text, detail)
        return number, "crash", detail.strip().splitlines()[-1]
    problems = validate_tei_bytes(conversion.tei, f"fuzz-{number}.txt")
    if XML_FORBIDDEN.search(conversion.tei.decode("utf-8")):
        problems.append("TEI contains characters XML forbids")
    if problems:
        save(out, number, "invalid", text, "\n".join(problems))
        return number, "invalid", rule_of(problems[0])
    return number, "valid", ""


def first_words(message: str) -> str:
    """The kind of an error message, without the parts that vary (counts, words)."""
    return " ".join(word for word in message.split()[:6] if not any(c.isdigit() for c in word))


def rule_of(problem: str) -> str:
    text = problem.split(": ", 1)[-1]
    return text[text.find("[rule"):].split("]")[0] + "]" if "[rule" in text else " ".join(text.split()[:8])


def save(out: str, number: int, kind: str, text: str, detail: str) -> None:
    folder = Path(out) / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    (folder / f"{number:06d}.why").write_text(detail, encoding="utf-8")


def campaign(count: int, jobs: int, seed: int, out: str) -> dict:
    started = time.monotonic()
    outcomes: Counter = Counter()
    kinds: dict[str, Counter] = {"error": Counter(), "invalid": Counter(), "crash": Counter()}
    tasks = ((number, seed, out) for number in range(count))
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for done, (number, outcome, detail) in enumerate(pool.imap_unordered(run_one, tasks, chunksize=50), 1):
            outcomes[outcome] += 1
            if outcome in kinds:
                kinds[outcome][detail] += 1
            if done % 5000 == 0:
                print(f"{done}/{count} {dict(outcomes)} {time.monotonic() - started:.0f}s", file=sys.stderr)
                write_result(out, summary(done, seed, jobs, started, outcomes, kinds))
    return summary(count, seed, jobs, started, outcomes, kinds)


def summary(done: int, seed: int, jobs: int, started: float, outcomes: Counter, kinds: dict[str, Counter]) -> dict:
    return {"inputs": done, "seed": seed, "jobs": jobs, "seconds": round(time.monotonic() - started),
            "outcomes": dict(sorted(outcomes.items())),
            "kinds": {kind: dict(counter.most_common(15)) for kind, counter in kinds.items()}}


def write_result(out: str, result: dict) -> None:
    """result.json in the output folder (rewritten as the campaign goes, so a stopped run still tells)."""
    Path(out).mkdir(parents=True, exist_ok=True)
    (Path(out) / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="number of generated inputs (default 100000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--seed", type=int, default=8, help="campaign seed (default 8)")
    parser.add_argument("--out", default="/tmp/edition-fuzz", help="where failing inputs are saved")
    parser.add_argument("--show", type=int, metavar="NUMBER", help="print input NUMBER and stop")
    arguments = parser.parse_args(argv)
    if arguments.show is not None:
        sys.stdout.write(input_number(arguments.show, arguments.seed))
        return 0
    result = campaign(arguments.count, arguments.jobs, arguments.seed, arguments.out)
    write_result(arguments.out, result)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 1 if result["outcomes"].get("crash") else 0


if __name__ == "__main__":
    sys.exit(main())
