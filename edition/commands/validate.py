"""`edition validate`: the project's schema and rules over TEI files, one FILE:LINE:COLUMN line per problem."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click
from lxml import etree

from edition.validate import Problem, SourceLocator, Validator, element_at
from edition.xmlsafe import XMLProblem, parse_tei

#: The official schema, beside the project as ../shared/tei/ (as the tests expect it).
TEI_ALL = Path(__file__).resolve().parents[3] / "shared" / "tei" / "tei_all.rng"
#: Below this many files a process pool costs more to start than it saves.
POOL_THRESHOLD = 40

_worker: Validator | None = None


@click.command(name="validate")
@click.argument("paths", nargs=-1, required=True, metavar="FILE_OR_DIR...", type=click.Path(path_type=Path))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: FILE:LINE:COLUMN: message lines and a summary; json: one object for tools.")
@click.option("--tei-all", is_flag=True,
              help="Also check against the official TEI P5 schema (jing if installed, else lxml, ~15 s to load).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Worker processes for large folders.")
def command(paths: tuple[Path, ...], output: str, tei_all: bool, jobs: int) -> None:
    """Check TEI files (or every *.xml in a folder) against the project's schema and rules.

    Each file goes through the RELAX NG schema (schemas/edition.rng), then the Schematron rules
    (schemas/edition.sch). Every problem is printed as FILE:LINE:COLUMN: message, with the path
    of the element concerned; the Encoding guidelines (docs/encoding-guidelines.html) explain
    every element and attribute.

    \b
    Examples:
      edition validate tei/
      edition validate tei/interview.xml --tei-all
      edition validate tei/ --format json
    Exit status: 0 when every file is valid, 1 otherwise.
    """
    files, problems = _collect(paths)
    problems += _validate(files, jobs)
    if tei_all:
        problems += _tei_all(files, quiet=output == "json")
    order = {str(path): index for index, path in enumerate(files)}
    problems.sort(key=lambda problem: order.get(problem.path, -1))  # by file; within a file, as found
    _print(files, problems, output)
    sys.exit(1 if any(problem.severity == "error" for problem in problems) else 0)


def _collect(paths: tuple[Path, ...]) -> tuple[list[Path], list[Problem]]:
    """Files to check: each file named, and the *.xml of each folder; missing paths are problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.xml"))
            if not found:
                problems.append(Problem(str(path), 1, 1, "folder holds no TEI files (*.xml)"))
            files += found
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(str(path), 1, 1, "no such file or folder"))
    return files, problems


def _validate(files: list[Path], jobs: int) -> list[Problem]:
    """Validate in this process, or in a pool of workers each compiling the schema once."""
    if jobs == 1 or len(files) < POOL_THRESHOLD:
        validator = Validator()
        return [problem for path in files for problem in validator.validate_file(path)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker) as pool:
        chunk = max(1, len(files) // (jobs * 4))
        return [problem for found in pool.map(_validate_in_worker, files, chunksize=chunk) for problem in found]


def _start_worker() -> None:
    global _worker
    _worker = Validator()


def _validate_in_worker(path: Path) -> list[Problem]:
    return _worker.validate_file(path)


def _tei_all(files: list[Path], quiet: bool) -> list[Problem]:
    """The official schema over the files that can be read safely (the others are reported already)."""
    sources: dict[Path, tuple[bytes, etree._ElementTree]] = {}
    for path in files:
        try:
            data = path.read_bytes()
            sources[path] = data, parse_tei(data, str(path))
        except (OSError, XMLProblem):
            continue
    if not sources:
        return []
    if shutil.which("jing"):
        return _jing({path: tree for path, (_, tree) in sources.items()})
    if not quiet:
        click.echo("note: jing is not installed; loading tei_all.rng with lxml takes about 15 s", err=True)
    return _lxml_tei_all(sources)


def _schema_path() -> Path:
    if not TEI_ALL.exists():
        raise click.ClickException(f"--tei-all: the official schema is not at {TEI_ALL}")
    return TEI_ALL


def _jing(trees: dict[Path, etree._ElementTree]) -> list[Problem]:
    """jing over the safe serialisations (jing itself would resolve entities), lines mapped back.

    Only the root element is written out, so line n of the copy is line n + (root line - 1) of
    the file.
    """
    schema = _schema_path()
    with tempfile.TemporaryDirectory(prefix="edition-tei-all-") as folder:
        copies = {}
        for index, (path, tree) in enumerate(trees.items()):
            copy = Path(folder) / f"{index}.xml"
            copy.write_bytes(_root_bytes(tree))
            copies[str(copy)] = (path, (tree.getroot().sourceline or 1) - 1)
        result = subprocess.run(["jing", str(schema), *copies], capture_output=True, text=True)
    problems = []
    for line in result.stdout.splitlines():
        parts = line.split(":", 3)
        if len(parts) == 4 and parts[0] in copies and parts[1].isdigit():
            path, shift = copies[parts[0]]
            message = parts[3].strip().removeprefix("error:").strip()
            problems.append(Problem(str(path), int(parts[1]) + shift, int(parts[2] or 0), f"tei_all: {message}"))
    return problems


def _root_bytes(tree: etree._ElementTree) -> bytes:
    """The root element alone, without XML declaration, so that it starts on line 1."""
    return etree.tostring(tree.getroot(), encoding="unicode").encode("utf-8")


def _lxml_tei_all(sources: dict[Path, tuple[bytes, etree._ElementTree]]) -> list[Problem]:
    """tei_all by lxml, each message placed at its element's start tag (lxml gives column 0)."""
    schema = etree.RelaxNG(etree.parse(str(_schema_path())))
    problems = []
    for path, (data, tree) in sources.items():
        if schema.validate(tree):
            continue
        locator = SourceLocator(data, tree)
        for entry in schema.error_log:
            element = element_at(tree, entry.path)
            line, column = locator.position(element, None) if element is not None else (entry.line or 1, 1)
            problems.append(Problem(str(path), line, column, f"tei_all: {entry.message}"))
    return problems


def _print(files: list[Path], problems: list[Problem], output: str) -> None:
    errors = [problem for problem in problems if problem.severity == "error"]
    warnings = len(problems) - len(errors)
    invalid = {problem.path for problem in errors} & {str(path) for path in files}
    if output == "json":
        click.echo(json.dumps({
            "checked": len(files),
            "valid": len([f for f in files if str(f) not in invalid]),
            "problems": [{"file": p.path, "line": p.line, "column": p.column, "message": p.message,
                          "severity": p.severity} for p in problems],
        }, ensure_ascii=False, indent=1))
        return
    for problem in problems:
        click.echo(str(problem))
    files_word = "file" if len(files) == 1 else "files"
    also = f"; {warnings} warning{'' if warnings == 1 else 's'} to look at" if warnings else ""
    if errors:
        click.echo(f"{len(files)} {files_word} checked: {len(invalid)} with problems "
                   f"({len(errors)} problem{'' if len(errors) == 1 else 's'} in all){also}", err=True)
    else:
        click.echo(f"{len(files)} {files_word} checked: all valid{also}", err=True)
