"""`mandate search`: accent-insensitive full-text search over the store's nodes."""

from __future__ import annotations

import json

import click

from cli.common import CommandFailed, no_traceback, opened, settings_for, store_option
from search import DERIVATION, KINDS, SearchHit, SearchIndexError, open_index

__all__ = ["search"]


def _marked(hit: SearchHit) -> str:
    pieces: list[str] = []
    position = 0
    for start, end in hit.highlights:
        pieces.append(hit.snippet[position:start])
        pieces.append(click.style(hit.snippet[start:end], bold=True))
        position = end
    pieces.append(hit.snippet[position:])
    return "".join(pieces)


@click.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1, 500), help="Most hits."
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="Only nodes of this kind (repeatable).",
)
@store_option
@no_traceback
def search(
    query: str, as_json: bool, limit: int, kinds: tuple[str, ...], store_location: str | None
) -> None:
    """Find documents, tasks, indicators, sections, programmes, agencies and units by words.

    Accents are optional ("nong thon moi" finds "nông thôn mới"); hits written with the
    query's accents come first. Exit status 0, found or not.
    """
    settings = settings_for(store_location)
    with opened(settings, read_only=True) as (store, _iris):
        try:
            with open_index(settings) as index:
                index.ensure_current(store)
                hits = index.search(query, limit=limit, kinds=kinds or None)
        except SearchIndexError as error:
            raise CommandFailed(str(error)) from error
    if as_json:
        answer = {
            "query": query,
            "hits": [hit.to_json() for hit in hits],
            "derivation": DERIVATION,
        }
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    for hit in hits:
        accent = "" if hit.exact else "  (accents differ)"
        click.echo(f"{hit.kind:<10} {hit.label}{accent}")
        click.echo(f"           {_marked(hit)}")
        click.echo(f"           {hit.iri}")
    click.echo(f"{len(hits)} found")
