"""`edition bibl`: citation strings → TEI <bibl>, one per line."""

from __future__ import annotations

import sys

import click


@click.command(name="bibl")
@click.argument("citations", nargs=-1)
def command(citations: tuple[str, ...]) -> None:
    """Print the TEI <bibl> the converter makes of each CITATION (or of each line of standard
    input when none is given), one per line. The same parser reads citations inside texts.

    \b
    Example:
      edition bibl "Fourth International [New York], Vol.3 No.8, August 1942, pp.252-254."
    """
    from edition.recognise.citation import bibl_xml

    lines = citations or tuple(line.rstrip("\n") for line in sys.stdin)
    for citation in lines:
        if citation.strip():
            click.echo(bibl_xml(citation.strip()))
