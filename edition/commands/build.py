"""`edition build`: the web edition and the print edition from a folder of TEI files."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click


@click.command(name="build")
@click.option("--tei", "tei_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("tei"),
              show_default=True, help="Folder of TEI files (STEM.xml) to publish.")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True,
              help="Output folder: the web edition goes to OUT/web/, the print edition to OUT/pdf/.")
@click.option("--only", type=click.Choice(["web", "pdf"]), default=None,
              help="Build one edition only (default: both).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="all cores", help="Worker processes.")
def command(tei_dir: Path, out_dir: Path, only: str | None, jobs: int) -> None:
    """Publish every TEI file in --tei as a web edition and a print edition.

    \b
    OUT/web/index.html   the edition's front page: every text, by kind and date
    OUT/web/STEM.html    one page per text; OUT/web/STEM.xml its TEI to download
    OUT/pdf/STEM.pdf     one PDF per text
    OUT/pdf/volume.pdf   all texts as one volume with contents and an index of persons

    Open OUT/web/index.html in a browser, or run `edition serve` for the search to work.
    A rebuild makes again only the pages of texts whose TEI changed (by content, not time),
    with the index, the persons page and the search index.
    """
    tei_files = sorted(tei_dir.glob("*.xml"))
    if not tei_files:
        raise click.ClickException(f"{tei_dir}: no TEI files (*.xml) to build; run `edition convert` first")
    failed = False
    if only in (None, "web"):
        from edition.publish.web import build_web

        failed |= not build_web(tei_files, out_dir / "web", jobs=jobs, report=_report, progress=_progress)
    if only in (None, "pdf"):
        from edition.publish.pdf import build_pdf

        failed |= not build_pdf(tei_files, out_dir / "pdf", jobs=jobs, report=_report)
    if failed:
        sys.exit(1)


def _report(message: str) -> None:
    """Where the publishers say what they did or what went wrong (one line each)."""
    click.echo(message, err=True)


#: Fewer pages than this finish before a progress bar would tell anything.
PROGRESS_FROM = 20


def _progress(items: Iterable, total: int) -> Iterable:
    """A progress bar on a terminal for long batches; silent otherwise (logs, pipes, tests)."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return items
    return _bar(items, total)


def _bar(items: Iterable, total: int) -> Iterator:
    """The items, advancing a bar on stderr as each is taken."""
    with click.progressbar(items, length=total, label="web pages", file=sys.stderr) as bar:
        yield from bar
