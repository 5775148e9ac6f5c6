"""The `edition` command: a thin click group over one module per command.

Commands are imported only when they run, so `edition --help` stays fast and a command that
makes no PDF never imports WeasyPrint.
"""

from __future__ import annotations

import importlib

import click

#: command name → (module under edition.commands, one-line summary shown by --help)
COMMANDS: dict[str, tuple[str, str]] = {
    "convert": ("convert", "Plain text → TEI P5, one STEM.xml per STEM.txt."),
    "text": ("text", "TEI → plain text again (the round trip that proves nothing was lost)."),
    "bibl": ("bibl", "Citation strings → TEI <bibl>, with the converter's own parser."),
    "validate": ("validate", "Check TEI against the project schema and Schematron rules."),
    "build": ("build", "TEI → web edition (HTML) and print edition (PDF) under build/."),
    "serve": ("serve", "Serve the web edition on 127.0.0.1 so its search works."),
    "guidelines": ("guidelines", "Write docs/encoding-guidelines.html from the schema's documentation."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"edition.commands.{COMMANDS[name][0]}")
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="edition")
def main() -> None:
    """Turn plain-text transcriptions into a TEI P5 digital edition.

    \b
    A typical session:
      edition convert seeds/*.txt -o tei        # plain text → TEI (validated as written)
      edition validate tei                      # schema + Schematron, FILE:LINE:COL messages
      edition build                             # tei/ → build/web/ and build/pdf/
      edition serve                             # read build/web on http://127.0.0.1:8000/

    Run `edition COMMAND --help` for what each command does and its options.
    """
