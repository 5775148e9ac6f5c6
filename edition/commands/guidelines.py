"""`edition guidelines`: write the Encoding guidelines (HTML) from the schema's documentation."""

from __future__ import annotations

from pathlib import Path

import click

from edition.files import write_atomically
from edition.guidelines import build_guidelines

#: Where the README links to the guidelines; a test keeps the committed page up to date.
DEFAULT_PAGE = Path("docs") / "encoding-guidelines.html"


@click.command(name="guidelines")
@click.option("-o", "--out", "page", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_PAGE,
              show_default=True, help="The HTML page to write.")
def command(page: Path) -> None:
    """Write the Encoding guidelines: every element, attribute and rule of schemas/edition.rng and .sch.

    Run it after changing the schema (from the project folder), and commit the page with the schema.
    """
    page.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(page, build_guidelines().encode("utf-8"))
    click.echo(f"wrote {page}", err=True)


if __name__ == "__main__":
    command()
