"""The `mandate analyze` command: network analytics over the property-graph projection.

`cli.main` adds it to the `mandate` group.
"""

from __future__ import annotations

import json
from typing import Any

import click

from cli.common import (
    CommandFailed,
    min_confidence_option,
    no_traceback,
    opened,
    settings_for,
    store_option,
)

__all__ = ["analyze"]

_TOP = 10
_EXAMPLES = 5


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the analytics as JSON.")
@min_confidence_option
@click.option(
    "--province",
    metavar="UNIT",
    help="Only the documents of this province and its communes (name, accents optional).",
)
@store_option
@no_traceback
def analyze(
    as_json: bool, min_confidence: float, province: str | None, store_location: str | None
) -> None:
    """Rank agencies and programmes, find document components and tasks without lineage."""
    from rdflib import URIRef

    from projections.analytics import analyze as run_analyze
    from queries.coverage import resolve_unit
    from queries.lookup import NotFound

    with opened(settings_for(store_location), read_only=True) as (store, _iris):
        scope = None
        if province is not None:
            try:
                scope = URIRef(resolve_unit(store, province).iri)
                result = run_analyze(store, min_confidence=min_confidence, province=scope)
            except (NotFound, LookupError) as error:
                raise CommandFailed(str(error)) from error
        else:
            result = run_analyze(store, min_confidence=min_confidence)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print(result)


def _print(result: dict[str, Any]) -> None:
    click.echo(f"Agencies by tasks chaired + coordinated (top {_TOP}):")
    for row in result["agencies_by_tasks"][:_TOP]:
        click.echo(f"  {row['chairs']:4} chairs {row['coordinates']:4} coordinates  {row['label']}")
    click.echo(f"\nAgencies by betweenness in the agency–task network (top {_TOP}):")
    for row in result["agencies_by_betweenness"][:_TOP]:
        click.echo(f"  {row['betweenness']:.4f}  {row['label']}")
    programmes = [p for p in result["programmes_by_communes"] if p["communes"]]
    click.echo(f"\nProgrammes by implementing communes ({len(programmes)} with at least one):")
    for row in programmes[:_TOP]:
        communes = ", ".join(row["commune_labels"])
        click.echo(f"  {row['communes']:3}  [{row['number']}] {row['label']}  ({communes})")
    sizes = [component["size"] for component in result["document_components"]]
    click.echo(f"\nDocument components: {len(sizes)}; sizes {sizes}")
    click.echo(f"\nOrphan tasks (no lineage): {result['orphan_task_count']}")
    for row in result["orphan_tasks"][:_EXAMPLES]:
        click.echo(f"  {row['label']}")
    click.echo(
        f"\n(links counted from confidence {result['min_confidence']}; see --json for "
        "the definitions)"
    )
