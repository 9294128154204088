"""`mandate neo4j`: load the property-graph projection into Neo4j, live or as import CSV."""

from __future__ import annotations

from pathlib import Path

import click

from cli.common import CommandFailed, no_traceback, opened, settings_for, store_option

__all__ = ["neo4j"]


@click.group()
def neo4j() -> None:
    """Project the graph into Neo4j: sync to a running server or write import CSV."""


@neo4j.command()
@click.option("--uri", required=True, help="Bolt or neo4j URI, e.g. neo4j://localhost:7687.")
@click.option("--user", default="neo4j", show_default=True)
@click.option("--password", envvar="NEO4J_PASSWORD", required=True, help="Or $NEO4J_PASSWORD.")
@click.option("--database", default=None, help="Database name (default: the server's).")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1))
@store_option
@no_traceback
def sync(
    uri: str,
    user: str,
    password: str,
    database: str | None,
    batch_size: int,
    store_location: str | None,
) -> None:
    """Merge every node and relationship into Neo4j; running it again changes nothing."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError, Neo4jError

    from projections.neo4j_sync import sync as run_sync
    from projections.property_graph import property_graph

    with opened(settings_for(store_location), read_only=True) as (store, _iris):
        pg = property_graph(store)
    try:
        with GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10) as driver:
            driver.verify_connectivity()
            report = run_sync(pg, driver, database=database, batch_size=batch_size)
    except (DriverError, Neo4jError, ValueError, OSError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise CommandFailed(f"neo4j {uri}: {message}") from error
    click.echo(
        f"synced {report.nodes} nodes and {report.relationships} relationships in "
        f"{report.batches} batches: {report.nodes_created} nodes and "
        f"{report.relationships_created} relationships created"
    )


@neo4j.command("export-csv")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@store_option
@no_traceback
def export_csv(directory: Path, store_location: str | None) -> None:
    """Write CSV files and import.sh for `neo4j-admin database import full` into DIRECTORY."""
    from projections.neo4j_csv import InvalidCsvName, write_neo4j_csv
    from projections.property_graph import property_graph

    with opened(settings_for(store_location), read_only=True) as (store, _iris):
        pg = property_graph(store)
    try:
        paths = write_neo4j_csv(pg, directory)
    except InvalidCsvName as error:
        raise CommandFailed(str(error)) from error
    except OSError as error:
        raise CommandFailed(f"{directory}: cannot write: {error.strerror or error}") from error
    for path in paths:
        click.echo(f"wrote {path}")
    click.echo(f"{len(pg.nodes)} nodes, {len(pg.relationships)} relationships; load with import.sh")
