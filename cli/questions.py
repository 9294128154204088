"""The analysts' and reviewers' questions: links, lineage, coverage, agency duties, reviews.

Each command takes what users know (a file path of an ingested document, an IRI, a document
number, a commune or agency name without accents) and prints readable text, or with `--json`
the machine form; every answer says how it was derived.
"""

from __future__ import annotations

import json
from typing import Any

import click
from rdflib import URIRef

from cli.common import (
    CommandFailed,
    min_confidence_option,
    no_traceback,
    opened,
    settings_for,
    store_option,
)
from queries.limits import DEFAULT_AGENCY_LIMIT, MAX_AGENCY_LIMIT
from queries.lookup import NotFound

__all__ = ["QUESTION_COMMANDS"]


def _print_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@click.command()
@click.argument("document")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the form score_links reads).")
@click.option(
    "--all", "include_unused", is_flag=True, help="Also list proposals under the threshold."
)
@click.option("--indicators", is_flag=True, help="Also list the document's indicators.")
@min_confidence_option
@store_option
@no_traceback
def links(
    document: str,
    as_json: bool,
    include_unused: bool,
    indicators: bool,
    min_confidence: float,
    store_location: str | None,
) -> None:
    """List the programmes (and provincial tasks) each task of DOCUMENT implements.

    DOCUMENT is the path of an ingested file, a document IRI or a document number.
    """
    from queries.links import document_links
    from queries.lookup import resolve_document

    with opened(settings_for(store_location), read_only=True) as (store, _iris):
        try:
            node = resolve_document(store, document)
        except NotFound as error:
            raise CommandFailed(str(error)) from error
        result = document_links(
            store,
            node,
            min_confidence=min_confidence,
            include_unused=include_unused,
            with_indicators=indicators,
        )
    if as_json:
        _print_json(result)
        return
    for entry in result:
        click.echo(f"• {_short(str(entry['task']))}")
        programmes: list[dict[str, Any]] = entry["programmes"]  # type: ignore[assignment]
        if not programmes:
            click.echo("    (no programme)")
        for programme in programmes:
            evidence = ", ".join(programme["evidence"][:5])
            click.echo(
                f"    → {programme['number']:>3}  {programme['confidence']:.2f}  "
                f"{programme['status']:<9} {_short(programme['title'], 60)}  [{evidence}]"
            )
    click.echo(
        f"{len(result)} tasks; links shown: stated, confirmed, or proposed with confidence ≥ "
        f"{min_confidence:.2f}" + (" (and every proposal, --all)" if include_unused else "")
    )


@click.command()
@click.argument("node")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@min_confidence_option
@store_option
@no_traceback
def lineage(node: str, as_json: bool, min_confidence: float, store_location: str | None) -> None:
    """Trace NODE (a task, indicator or document) up to Nghị quyết Đại hội XIV.

    NODE is an IRI, or for documents the path of an ingested file or a document number.
    Exit status 1 when no path reaches the national congress resolution (the gap is named).
    """
    from queries.lineage import lineage as trace
    from queries.lookup import resolve_node

    with opened(settings_for(store_location), read_only=True) as (store, _iris):
        try:
            start = resolve_node(store, node)
        except NotFound as error:
            raise CommandFailed(str(error)) from error
        result = trace(store, URIRef(start), min_confidence=min_confidence)
    if as_json:
        _print_json(result.to_json())
    else:
        click.echo(f"{result.start.label}")
        for number, path in enumerate(result.paths, start=1):
            click.echo(f"\npath {number}:")
            for hop in path:
                target = result.nodes[hop.target].label
                click.echo(f"  ↑ {hop.relation} [{hop.kind}] {_short(target, 90)}")
                click.echo(f"      {_short(hop.explanation, 150)}")
                if hop.evidence:
                    click.echo(f"      evidence: {_short('; '.join(hop.evidence), 140)}")
        if result.gap:
            click.echo(f"\n{result.gap}")
        click.echo(f"\n{len(result.paths)} path(s). {result.derivation}")
    if not result.reaches_goal:
        raise SystemExit(1)


@click.command()
@click.argument("unit")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--reviewed-only", is_flag=True, help="Count only stated links and links a reviewer confirmed."
)
@min_confidence_option
@store_option
@no_traceback
def coverage(
    unit: str, as_json: bool, reviewed_only: bool, min_confidence: float, store_location: str | None
) -> None:
    """Show which provincial programmes a commune's plans cover, or a province's matrix.

    UNIT is a commune or province name (accents optional: "vinh phong") or its IRI.
    """
    from queries.coverage import coverage_of, resolve_unit

    with opened(settings_for(store_location), read_only=True) as (store, _iris):
        try:
            found = resolve_unit(store, unit)
        except NotFound as error:
            raise CommandFailed(str(error)) from error
        data = coverage_of(store, found, min_confidence=min_confidence, reviewed_only=reviewed_only)
    if as_json:
        _print_json(data)
        return
    if found.is_province:
        _print_matrix(data)
        return
    click.echo(
        f"{found.name}: programmes of {data['province']['name'] if data['province'] else '?'}"
    )
    for entry in data["programmes"]:  # type: ignore[attr-defined]
        click.echo(f"  {entry['number']:>3} {entry['status']:<15} {_short(entry['title'], 70)}")
        click.echo(f"      {entry['reason']}")
        for task in entry["tasks"][:3]:
            click.echo(f"      ← {task['confidence']:.2f} {_short(task['text'], 90)}")
    counts: dict[str, int] = {}
    for entry in data["programmes"]:  # type: ignore[attr-defined]
        counts[entry["status"]] = counts.get(entry["status"], 0) + 1
    click.echo(", ".join(f"{count} {status}" for status, count in sorted(counts.items())))


def _print_matrix(data: dict[str, Any]) -> None:
    symbols = {"covered": "■", "uncovered": "□", "not_applicable": "·"}
    numbers = [programme["number"] for programme in data["programmes"]]
    click.echo(
        f"{data['unit']['name']}: {len(data['communes'])} communes × {len(numbers)} programmes"
    )
    click.echo(" " * 24 + " ".join(f"{number:>2}" for number in numbers))
    for commune in data["communes"]:
        cells = " ".join(f"{symbols[commune['cells'][n]['status']]:>2}" for n in numbers)
        click.echo(f"{_short(commune['name'], 23):<24}{cells}")
    click.echo("■ covered  □ uncovered  · not applicable")


@click.command()
@click.argument("name")
@click.option("--in", "unit", default=None, help="Only agencies of communes or provinces so named.")
@click.option(
    "--offset",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help="Matching agencies to skip.",
)
@click.option(
    "--limit",
    default=DEFAULT_AGENCY_LIMIT,
    show_default=True,
    type=click.IntRange(1, MAX_AGENCY_LIMIT),
    help="Agencies to show.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_option
@no_traceback
def agency(
    name: str,
    unit: str | None,
    offset: int,
    limit: int,
    as_json: bool,
    store_location: str | None,
) -> None:
    """List the tasks an agency chairs and coordinates, with timing and source document.

    NAME is the agency's name as documents write it, accents optional ("UBND xa", "Cong an").
    A name many communes share matches one agency per commune: they come a page at a time
    (--offset, --limit); --in narrows them to one commune or province.
    """
    from queries.responsibility import agency_duties

    with opened(settings_for(store_location), read_only=True) as (store, _iris):
        try:
            found = agency_duties(store, name, unit=unit, offset=offset, limit=limit)
        except NotFound as error:
            raise CommandFailed(str(error)) from error
    if as_json:
        _print_json(found.to_json())
        return
    for duties in found.agencies:
        where = f" ({duties.unit})" if duties.unit else ""
        click.echo(
            f"{duties.name}{where}: chairs {len(duties.chairs)}, "
            f"coordinates {len(duties.coordinates)}"
        )
        for role, items in (("chairs", duties.chairs), ("coordinates", duties.coordinates)):
            for item in items:
                timing = f" [{item['timing']}]" if item["timing"] else ""
                click.echo(f"  {role:<11} {_short(str(item['text']), 90)}{timing}")
    shown = f"{offset + 1}-{offset + len(found.agencies)}" if found.agencies else "none"
    more = f"; next page: --offset {offset + limit}" if found.more else ""
    click.echo(f"agencies {shown} of {found.total}{more}")


@click.command()
@click.argument("link")
@click.option("--confirm", "decision", flag_value="confirm", help="The link is right.")
@click.option("--reject", "decision", flag_value="reject", help="The link is wrong.")
@click.option("--by", "reviewer", required=True, help="Who decides (kept with the decision).")
@store_option
@no_traceback
def review(link: str, decision: str | None, reviewer: str, store_location: str | None) -> None:
    """Confirm or reject a proposed link (its IRI, as `mandate links --json` shows it).

    The decision, who made it and when are stored in the reviews graph, which re-ingesting
    documents never touches.
    """
    from queries.lookup import resolve_node
    from queries.reviews import record_review

    if decision is None:
        raise CommandFailed("say --confirm or --reject")
    if not reviewer.strip():
        raise CommandFailed("--by needs the reviewer's name")
    with opened(settings_for(store_location), read_only=False) as (store, iris):
        try:
            node = resolve_node(store, link)
        except NotFound as error:
            raise CommandFailed(str(error)) from error
        recorded = record_review(
            store, iris, URIRef(node), confirmed=decision == "confirm", reviewer=reviewer.strip()
        )
    status = "confirmed" if decision == "confirm" else "rejected"
    click.echo(f"{status} {node} by {recorded.who} at {recorded.when}")


QUESTION_COMMANDS = (links, lineage, coverage, agency, review)
