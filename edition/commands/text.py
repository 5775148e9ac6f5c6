"""`edition text`: a TEI file back to plain text."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command(name="text")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def command(files: tuple[Path, ...]) -> None:
    """Print the plain text of TEI FILES: the source again, less the removed lines.

    Quotation marks come back from q/@rend, speaker labels start their turns, corrections show
    the source's reading, footnotes are listed at the end. Compare with the source to see that
    nothing was lost:  edition text tei/STEM.xml | diff -w seeds/STEM.txt -
    """
    from edition.plaintext import render
    from edition.xmlsafe import XMLProblem, read_tei

    failed = False
    for path in files:
        try:
            click.echo(render(read_tei(path)), nl=False)
        except XMLProblem as err:
            click.echo(f"error: {err}", err=True)
            failed = True
    if failed:
        sys.exit(1)
