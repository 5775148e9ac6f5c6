"""How long `convert` takes, and how much memory, on the issue's large inputs (a benchmark, not a test).

    .venv/bin/python bench/large_inputs.py

Each case runs in a fresh process (so its peak resident memory is its own) through the stages that
`edition.convert.convert_bytes` runs: read the bytes, analyse, serialise the TEI, validate it. The
table names the stage that takes the time, which is what to look at when a case is slow. Inputs are
made in memory; nothing is written to disk.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from collections.abc import Callable

PARAGRAPH = "The committee met on Tuesday; the clerk read the minutes, and nobody objected to them.\n\n"
VOCABULARY = "the clerk read every line of the minutes aloud and nobody stopped him".split()


def one_megabyte_line() -> bytes:
    words = (VOCABULARY[n % len(VOCABULARY)] for n in range(200_000))
    return (" ".join(words) + "\n").encode()


def fifty_megabytes() -> bytes:
    return (PARAGRAPH * (50_000_000 // len(PARAGRAPH) + 1)).encode()


def unbalanced_quotation_marks() -> bytes:
    """10,000 opening marks that never close, ten lines to a paragraph."""
    lines = [f"“opened {n} and never closed, then “again" for n in range(5_000)]
    return ("\n\n".join("\n".join(lines[i:i + 10]) for i in range(0, len(lines), 10)) + "\n").encode()


def question_lines(count: int) -> Callable[[], bytes]:
    def make() -> bytes:
        return "".join(f"Q: is line {n} a question?\n" for n in range(count)).encode()
    return make


CASES: dict[str, Callable[[], bytes]] = {
    "a 1 MB line": one_megabyte_line,
    "a 50 MB file": fifty_megabytes,
    "10,000 unbalanced “": unbalanced_quotation_marks,
    "2,500 Q: lines": question_lines(2_500),
    "5,000 Q: lines": question_lines(5_000),
    "10,000 Q: lines": question_lines(10_000),
}
STAGES = ("read", "analyse", "TEI", "validate")


def measure(name: str, results) -> None:
    """Run one case in this (fresh) process; put its stage times, sizes and peak memory on the queue."""
    from edition.pipeline import analyse, to_tei
    from edition.sidecar import Sidecar
    from edition.source import read_source
    from edition.validate import Validator

    validator = Validator()
    data = CASES[name]()
    times = []
    started = time.perf_counter()
    source = read_source(data, "bench.txt")
    times.append(time.perf_counter() - started)
    analysis = analyse(source, Sidecar())
    times.append(time.perf_counter() - started - sum(times))
    tei = to_tei(analysis)
    times.append(time.perf_counter() - started - sum(times))
    problems = validator.validate_bytes(tei, "bench.xml")
    times.append(time.perf_counter() - started - sum(times))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put((name, len(data), times, peak, len(tei), len(problems)))


def main() -> None:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    header = f"{'case':<22}{'input MB':>9}" + "".join(f"{stage + ' s':>11}" for stage in STAGES) + \
        f"{'total s':>10}{'peak MiB':>10}{'TEI MB':>8}  valid"
    print(header)
    print("-" * len(header))
    for name in CASES:
        worker = context.Process(target=measure, args=(name, results))
        worker.start()
        case, size, times, peak, tei_size, problems = results.get()
        worker.join()
        valid = "yes" if not problems else f"{problems} problems"
        print(f"{case:<22}{size / 1e6:>9.1f}" + "".join(f"{t:>11.2f}" for t in times) +
              f"{sum(times):>10.2f}{peak:>10.0f}{tei_size / 1e6:>8.1f}  {valid}", flush=True)


if __name__ == "__main__":
    main()
