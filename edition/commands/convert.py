"""`edition convert`: plain texts → TEI files, validated as they are written."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from edition.files import write_atomically


@dataclass
class Outcome:
    """What converting one file came to: written, or why not; and the report lines."""

    source: str
    target: str = ""
    error: str = ""
    report: str = ""


@click.command(name="convert")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the TEI files (made if missing); STEM.txt becomes OUT/STEM.xml.")
@click.option("--report", is_flag=True,
              help="Also print, per file, every removed line with its number and suspicious tokens "
                   "(a digit inside a word, a doubled word) to correct in a sidecar.")
@click.option("--explain", is_flag=True, help="Also print which rule recognised what, at which line.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Worker processes for a batch.")
def command(files: tuple[Path, ...], out_dir: Path, report: bool, explain: bool, jobs: int) -> None:
    """Convert plain-text transcriptions (FILES, *.txt) into TEI P5.

    A sidecar STEM.toml beside STEM.txt, if present, adds what the text cannot say (author, URL,
    who asks and who answers, corrections); see README.md. Each TEI file is checked against the
    project's schema before it is written, and written whole or not at all.

    \b
    Examples:
      edition convert seeds/*.txt -o tei
      edition convert interview.txt -o out --report     # what was removed, what looks wrong
    Exit status: 0 when every file converted, 1 otherwise (the others are still converted).
    """
    jobs_list, outcomes = _plan(files, out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise click.ClickException(f"{out_dir}: cannot create the output folder: {err.strerror}")
    outcomes += _run(jobs_list, report or explain, explain, jobs)
    failed = 0
    for outcome in sorted(outcomes, key=lambda o: o.source):
        if outcome.report:
            click.echo(outcome.report)
        if outcome.error:
            failed += 1
            click.echo(f"error: {outcome.error}", err=True)
    total = len(files)
    click.echo(f"converted {total - failed} of {total} file{'s' if total != 1 else ''} to {out_dir}/"
               + (f"; {failed} failed" if failed else ""), err=True)
    if failed:
        sys.exit(1)


def _plan(files: tuple[Path, ...], out_dir: Path) -> tuple[list[tuple[str, str]], list[Outcome]]:
    """Pair each input with its output; refuse directories, missing files and clashing stems."""
    planned, refused, targets = [], [], {}
    for path in files:
        target = out_dir / f"{path.stem}.xml"
        if path.is_dir():
            refused.append(Outcome(str(path), error=f"{path}: is a directory, not a text file "
                                                    f"(give its files: {path}/*.txt)"))
        elif not path.exists():
            refused.append(Outcome(str(path), error=f"{path}: no such file"))
        elif target in targets:
            refused.append(Outcome(str(path), error=f"{path}: would overwrite {target}, already made from "
                                                    f"{targets[target]} (same name stem)"))
        else:
            targets[target] = path
            planned.append((str(path), str(target)))
    return planned, refused


def _run(planned: list[tuple[str, str]], report: bool, explain: bool, jobs: int) -> list[Outcome]:
    work = [(source, target, report, explain) for source, target in planned]
    if jobs == 1 or len(work) < 4:
        return [convert_file(*args) for args in _progress(work, len(work))]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_convert_packed, work, chunksize=max(1, len(work) // (jobs * 8)))
        return list(_progress(results, len(work)))


def _convert_packed(args: tuple[str, str, bool, bool]) -> Outcome:
    return convert_file(*args)


def _progress(items, total: int):
    """A progress bar on a terminal for long batches; silent otherwise."""
    if total < 20 or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, length=total, label="converting", file=sys.stderr) as bar:
        yield from bar


#: Far more than any transcription (the largest texts an archive holds are a few megabytes).
MAX_TEXT_BYTES = 256 * 1024 * 1024


def _read_text_file(path: Path) -> bytes:
    """A regular file's bytes; a device, a pipe or a file larger than any text is refused unread."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file (a device, a pipe or a socket); give a text file")
    if info.st_size > MAX_TEXT_BYTES:
        raise ValueError(f"{info.st_size // (1024 * 1024)} MiB is more than any text "
                         f"(the limit is {MAX_TEXT_BYTES // (1024 * 1024)} MiB); refused unread")
    with path.open("rb") as stream:
        return stream.read(MAX_TEXT_BYTES + 1)


def convert_file(source: str, target: str, report: bool = False, explain: bool = False) -> Outcome:
    """Convert one file; every failure becomes a one-line message naming the file (and line)."""
    from edition.convert import ConversionError, convert_bytes, explain_lines, report_lines

    path = Path(source)
    try:
        data = _read_text_file(path)
    except OSError as err:
        return Outcome(source, error=f"{source}: cannot read: {err.strerror}")
    except ValueError as err:
        return Outcome(source, error=f"{source}: {err}")
    sidecar_path = path.with_suffix(".toml")
    try:
        sidecar = sidecar_path.read_bytes() if sidecar_path.is_file() else None
    except OSError as err:
        return Outcome(source, error=f"{sidecar_path}: cannot read: {err.strerror}")
    try:
        result = convert_bytes(data, source, sidecar, str(sidecar_path))
    except ConversionError as err:
        return Outcome(source, error=str(err))
    except Exception as err:  # a recogniser's bug must not end the batch: say so, go on with the rest
        return Outcome(source, error=f"{source}: converter bug ({type(err).__name__}: {err}); "
                                     "please report it with this file")
    lines = []
    if report:
        lines += report_lines(result.analysis)
    if explain:
        lines += explain_lines(result.analysis)
    try:
        write_atomically(Path(target), result.tei)
    except OSError as err:
        return Outcome(source, error=f"{target}: cannot write: {err.strerror}", report="\n".join(lines))
    return Outcome(source, target, report="\n".join(lines))
