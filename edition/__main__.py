"""`python -m edition` runs the `edition` command."""

from edition.cli import main

main()
