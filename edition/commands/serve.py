"""`edition serve`: the built web edition over http on this machine, so that its search works.

Pagefind's search loads its index with fetch(), which browsers refuse for file:// pages; a plain
static file server on 127.0.0.1 is all it needs. Only this machine can reach it.
"""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click


@click.command(name="serve")
@click.argument("directory", required=False, default=Path("build/web"),
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
def command(directory: Path, port: int) -> None:
    """Serve DIRECTORY (default: build/web) on http://127.0.0.1:PORT/ until Ctrl+C.

    Run `edition build` first.
    """
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(directory))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as err:
        raise click.ClickException(f"cannot listen on 127.0.0.1:{port}: {err.strerror}") from None
    with server:
        click.echo(f"Serving {directory} at http://127.0.0.1:{server.server_port}/ (Ctrl+C to stop)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("Stopped.", err=True)
