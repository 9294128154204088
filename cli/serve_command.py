"""`mandate serve`: the web app over the store, on one host and port."""

from __future__ import annotations

import click

from cli.common import CommandFailed, no_traceback, settings_for, store_option
from store import StoreError

__all__ = ["serve"]

_KEEP_ALIVE_SECONDS = 75


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@store_option
@no_traceback
def serve(host: str, port: int, store_location: str | None) -> None:
    """Serve the web app and its JSON API (OpenAPI schema at /openapi.json) until interrupted."""
    import uvicorn

    from api.app import create_app

    settings = settings_for(store_location)
    try:
        app = create_app(settings)
    except (StoreError, ValueError) as error:
        raise CommandFailed(str(error)) from error
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"mandate-graph is serving {settings.store} at http://{shown}:{port}/", err=True)
    if not settings.api_key:
        click.echo("writes are off: set MANDATE_API_KEY to allow uploads and reviews", err=True)
    # httptools and uvloop (dependencies) are picked when present: both are several times
    # faster than the pure-Python defaults, and a request log line per answer is not kept.
    # Idle connections stay open 75 s rather than uvicorn's 5: a client that reuses one just
    # as the server closes it gets no answer, and browsers keep theirs for a minute or more.
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=_KEEP_ALIVE_SECONDS,
    )
