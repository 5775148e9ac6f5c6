"""The benchmark: every stage of the edition, at archive scale, through the real command line.

    .venv/bin/python bench/run.py                 # 1,000 texts (a few minutes on 2 cores)
    .venv/bin/python bench/run.py --texts 200     # a quicker look

It makes a corpus of N texts varied from seeds/*.txt and ../shared/corpus/*.txt (bench/corpus.py)
in a temporary folder, runs `edition convert`, `validate`, `build --only web` (search index
included), `build --only pdf` on a sample, rebuilds after changing one text, and times
`edition --help`; beside them it measures the floors (bench/floors.py). It prints a table, the
targets of issue 8 met or not, and one JSON line with every figure. The corpus is deleted at
the end. Each command runs with the machine's default jobs (all cores) unless --jobs says.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpus import read_sources, write_corpus
from floors import lxml_seconds, xslt_seconds
from measure import Run, run

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000
#: No stage may take longer than this (seconds); one that does is killed and shown as failed.
STAGE_LIMIT = 300
WEB_REPORT = re.compile(r"web: .*: (\d+) text pages? made in ([\d.]+) s")
PDF_REPORT = re.compile(r"pdf: (\d+) PDFs made \((\d+) pages, the volume (\d+)\)")


@dataclass
class Stage:
    """One stage's figures, as the table and the JSON line give them."""

    name: str
    texts: int
    megabytes: float
    seconds: float
    tree_peak_mib: float
    process_peak_mib: float
    status: int
    cores: int
    floor_ratio: float | None = None
    pages: int | None = None
    stderr: str = field(default="", repr=False)  # the command's report lines

    def per_core_ms(self) -> float:
        """Milliseconds of the machine per text, per core: seconds × cores / texts."""
        return self.seconds * self.cores * 1000 / self.texts if self.texts else 0.0


def main() -> None:
    options = _options()
    cores = options.jobs
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as folder:
        work = Path(folder)
        texts = _make_corpus(work / "txt", options.texts)
        stages = _run_stages(work, texts, options.pdf_texts, cores)
    _print_table(stages, cores)
    _print_targets(stages, cores)
    print(json.dumps({"machine": _machine(), "jobs": cores, "texts": options.texts,
                      "stages": [_figures(stage, cores) for stage in stages]}, ensure_ascii=False))


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=1000, help="texts in the corpus (default 1000)")
    parser.add_argument("--pdf-texts", type=int, default=20,
                        help="texts in the PDF sample (default 20): typesetting all would take most of an hour")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes for every command (default: all cores)")
    return parser.parse_args()


def _make_corpus(folder: Path, count: int) -> list[Path]:
    folders = [ROOT / "seeds"]
    if SHARED_CORPUS.is_dir():
        folders.append(SHARED_CORPUS)
    else:
        print(f"note: {SHARED_CORPUS} is absent; the corpus is varied from seeds/ alone", file=sys.stderr)
    return write_corpus(read_sources(folders), count, folder)


def _run_stages(work: Path, texts: list[Path], pdf_texts: int, cores: int) -> list[Stage]:
    """Every stage in the order an editor meets them, each on the previous stage's output."""
    tei, out = work / "tei", work / "build"
    jobs = ["--jobs", str(cores)]
    plain_mb = sum(path.stat().st_size for path in texts) / MB
    stages = [_help_stage()]
    convert = _edition("convert", *map(str, texts), "-o", str(tei), *jobs)
    stages.append(_from_run("convert", run(convert, STAGE_LIMIT), len(texts), plain_mb, cores))
    documents = [path.read_bytes() for path in sorted(tei.glob("*.xml"))]
    tei_mb = sum(map(len, documents)) / MB
    lxml_floor, xslt_floor = lxml_seconds(documents), xslt_seconds(documents)
    stages[-1].floor_ratio = _ratio(stages[-1], lxml_floor, len(documents))
    validate = _edition("validate", str(tei), *jobs)
    stages.append(_from_run("validate", run(validate, STAGE_LIMIT), len(documents), tei_mb, cores))
    stages[-1].floor_ratio = _ratio(stages[-1], lxml_floor, len(documents))
    stages += _web_stages(tei, out, documents, tei_mb, xslt_floor, cores)
    stages += _pdf_stages(tei, work, pdf_texts, cores)
    stages.append(Stage("floor: lxml parse+serialise (1 core)", len(documents), tei_mb, lxml_floor, 0, 0, 0, 1))
    stages.append(Stage("floor: minimal XSLT (1 core)", len(documents), tei_mb, xslt_floor, 0, 0, 0, 1))
    return stages


def _help_stage() -> Stage:
    """`edition --help`, the median of five runs (one run is at the mercy of the disk cache)."""
    runs = [run(_edition("--help"), STAGE_LIMIT) for _ in range(5)]
    middle = sorted(runs, key=lambda r: r.seconds)[2]
    return _from_run("edition --help", middle, 0, 0.0, 1)


def _web_stages(tei: Path, out: Path, documents: list[bytes], tei_mb: float,
                xslt_floor: float, cores: int) -> list[Stage]:
    """The whole web edition; the same again with nothing changed; then after one text changed."""
    build = _edition("build", "--tei", str(tei), "-o", str(out), "--only", "web", "--jobs", str(cores))
    first = _from_run("build --only web", run(build, STAGE_LIMIT), len(documents), tei_mb, cores)
    first.floor_ratio = _ratio(first, xslt_floor, len(documents))
    pages = _pages_only(first)
    again = _from_run("web rebuild, nothing changed", run(build, STAGE_LIMIT), len(documents), tei_mb, cores)
    _change_one_text(sorted(tei.glob("*.xml"))[len(documents) // 2])
    changed = _from_run("web rebuild, 1 text changed", run(build, STAGE_LIMIT), len(documents), tei_mb, cores)
    return [stage for stage in (first, pages, again, changed) if stage is not None]


def _pages_only(web: Stage) -> Stage | None:
    """The web stage until its last text page is written (before the index and persons pages and
    the search index), from the times `edition build` reports."""
    found = WEB_REPORT.search(web.stderr)
    if not found:
        return None
    pages = Stage("  of which text pages", web.texts, web.megabytes, float(found.group(2)),
                  web.tree_peak_mib, web.process_peak_mib, web.status, web.cores)
    pages.floor_ratio = web.floor_ratio * pages.seconds / web.seconds if web.floor_ratio else None
    return pages


def _pdf_stages(tei: Path, work: Path, count: int, cores: int) -> list[Stage]:
    """The print edition of a sample (every text's PDF and the volume), then after one text changed."""
    sample = work / "tei-pdf"
    sample.mkdir()
    for path in sorted(tei.glob("*.xml"))[:count]:
        shutil.copy(path, sample / path.name)
    megabytes = sum(path.stat().st_size for path in sample.glob("*.xml")) / MB
    build = _edition("build", "--tei", str(sample), "-o", str(work / "build-pdf"), "--only", "pdf",
                     "--jobs", str(cores))
    first = _from_run(f"build --only pdf ({count} texts)", run(build, STAGE_LIMIT), count, megabytes, cores)
    _change_one_text(sorted(sample.glob("*.xml"))[count // 2])
    changed = _from_run("pdf rebuild, 1 text changed", run(build, STAGE_LIMIT), count, megabytes, cores)
    for stage in (first, changed):
        found = PDF_REPORT.search(stage.stderr)
        stage.pages = int(found.group(2)) if found else None
    return [first, changed]


def _change_one_text(path: Path) -> None:
    """A correction an editor might make: a word added to the first paragraph of the body."""
    data = path.read_bytes()
    end = data.find(b"</p>", data.find(b"<body"))
    path.write_bytes(data[:end] + b" (corrected)" + data[end:])


def _edition(*arguments: str) -> list[str]:
    """The `edition` command as installed beside this Python, else run as a module."""
    script = Path(sys.executable).with_name("edition")
    return [str(script), *arguments] if script.exists() else [sys.executable, "-m", "edition", *arguments]


def _from_run(name: str, result: Run, texts: int, megabytes: float, cores: int) -> Stage:
    if result.status != 0:
        print(f"warning: {name} exited with status {result.status}:\n{result.stderr[-2000:]}", file=sys.stderr)
        name += f" [killed after {STAGE_LIMIT} s]" if result.status == -9 else f" [exit {result.status}]"
    return Stage(name, texts, megabytes, result.seconds, result.tree_peak_mib, result.process_peak_mib,
                 result.status, cores, stderr=result.stderr)


def _ratio(stage: Stage, floor_seconds: float, documents: int) -> float:
    """The stage's time per text per core over the floor's time per text on one core."""
    return stage.per_core_ms() / (floor_seconds * 1000 / documents)


def _figures(stage: Stage, cores: int) -> dict:
    figures = {key: value for key, value in asdict(stage).items() if key != "stderr"}
    figures |= {"texts_per_s": stage.texts / stage.seconds if stage.texts else None,
                "mb_per_s": stage.megabytes / stage.seconds if stage.megabytes else None,
                "ms_per_text": stage.seconds * 1000 / stage.texts if stage.texts else None,
                "ms_per_text_per_core": stage.per_core_ms() if stage.texts else None,
                "pages_per_s": stage.pages / stage.seconds if stage.pages else None}
    return {key: round(value, 3) if isinstance(value, float) else value for key, value in figures.items()}


def _print_table(stages: list[Stage], cores: int) -> None:
    machine = _machine()
    print(f"\n{machine['cpu']}, {machine['cores']} cores, {machine['memory_gib']} GiB; "
          f"load average {machine['load']} at the end; jobs {cores}; Python {machine['python']}\n")
    header = ("stage", "texts", "s", "texts/s", "MB/s", "ms/text/core", "pages/s", "peak MiB", "max proc",
              "× floor")
    rows = [header]
    for stage in stages:
        rate = (lambda amount: f"{amount / stage.seconds:.1f}" if amount else "")
        rows.append((stage.name, str(stage.texts or ""), f"{stage.seconds:.2f}", rate(stage.texts),
                     rate(stage.megabytes), f"{stage.per_core_ms():.1f}" if stage.texts else "",
                     rate(stage.pages), f"{stage.tree_peak_mib:.0f}" if stage.tree_peak_mib else "",
                     f"{stage.process_peak_mib:.0f}" if stage.process_peak_mib else "",
                     f"{stage.floor_ratio:.1f}" if stage.floor_ratio else ""))
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    rows.insert(1, tuple("-" * width if column == 0 else "-" * (width - 1) + ":"
                         for column, width in enumerate(widths)))  # Markdown: numbers to the right
    for row in rows:
        print("| " + " | ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                                for column, (cell, width) in enumerate(zip(row, widths))) + " |")


def _print_targets(stages: list[Stage], cores: int) -> None:
    """Each target of issue 8 beside what this run measured."""
    by_name = {stage.name.split(" (")[0]: stage for stage in stages}
    convert, validate, web = by_name["convert"], by_name["validate"], by_name["build --only web"]
    pdf = by_name["build --only pdf"]
    web_again, pdf_again = by_name["web rebuild, 1 text changed"], by_name["pdf rebuild, 1 text changed"]
    checks = [
        ("convert ≥ 2 MB/s of plain text per core", convert.megabytes / convert.seconds / cores, 2, "MB/s/core",
         True),
        ("validate 1,000 texts ≤ 5 s", validate.seconds * 1000 / validate.texts, 5, "s per 1,000", False),
        ("web pages ≤ 5 ms per text per core (search index included)", web.per_core_ms(), 5, "ms", False),
        ("1,000 texts plain → validated TEI → searchable web ≤ 30 s",
         (convert.seconds + validate.seconds + web.seconds) * 1000 / convert.texts, 30, "s per 1,000", False),
        ("PDF ≥ 10 pages/s", (pdf.pages or 0) / pdf.seconds, 10, "pages/s", True),
        ("PDF peak memory ≤ 2 GB (sample)", pdf.tree_peak_mib * 1024 * 1024 / 1e9, 2, "GB", False),
        ("web rebuild after 1 text changed ≤ 2 s", web_again.seconds, 2, "s", False),
        ("pdf rebuild after 1 text changed ≤ 2 s (sample)", pdf_again.seconds, 2, "s", False),
        ("edition --help ≤ 0.3 s", by_name["edition --help"].seconds, 0.3, "s", False),
    ]
    print("\n| target | measured | met |")
    print("| --- | --- | --- |")
    for label, measured, bound, unit, at_least in checks:
        met = measured >= bound if at_least else measured <= bound
        print(f"| {label} | {measured:.2f} {unit} | {'yes' if met else 'NO'} |")
    print()


def _machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory / 1024 / 1024, 1),
            "load": " ".join(f"{load:.1f}" for load in os.getloadavg()), "python": platform.python_version()}


if __name__ == "__main__":
    main()
