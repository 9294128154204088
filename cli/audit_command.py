"""The `mandate audit` command: the province's rules for commune plans, on one document.

`cli.main` adds it to the `mandate` group (`cli.add_command(audit)`).
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

import click

from cli.common import (
    CommandFailed,
    min_confidence_option,
    no_traceback,
    opened,
    settings_for,
    store_option,
)

if TYPE_CHECKING:
    from queries.audit import AuditReport

__all__ = ["audit"]

_SNIPPET = 160


@click.command()
@click.argument("document")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--date",
    "on_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Judge deadlines on this day (YYYY-MM-DD). Default: today.",
)
@min_confidence_option
@store_option
@no_traceback
def audit(
    document: str,
    as_json: bool,
    on_date: datetime | None,
    min_confidence: float,
    store_location: str | None,
) -> None:
    """Check an ingested plan against the province's rules for commune plans.

    DOCUMENT is the path of an ingested file, a document IRI or a document number. Reports
    tasks missing some of the six clarities, tasks copied from a higher level's text, work
    handed down to hamlets, provincial indicators assigned to communes that the plan does
    not collect, and tasks overdue on --date or without a deadline.

    Exit status 0 when nothing is found, 1 when there are findings.
    """
    from queries.audit import NotAuditable, audit_document
    from queries.lookup import NotFound, resolve_document

    today = on_date.date() if on_date is not None else date.today()
    with opened(settings_for(store_location), read_only=True) as (store, iris):
        try:
            node = resolve_document(store, document)
            report = audit_document(store, iris, node, today=today, min_confidence=min_confidence)
        except (NotFound, NotAuditable) as error:
            raise CommandFailed(str(error)) from error
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, today)
    if report.findings:
        sys.exit(1)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def _print_report(report: AuditReport, today: date) -> None:
    from queries.audit import RULES

    document = report.document
    title = f"“{document.title}”" if document.title else "(untitled)"
    click.echo(f"Audit of {title}")
    click.echo(f"  {document.iri}")
    click.echo(f"  deadlines judged on {today.isoformat()}")
    grouped = report.by_rule()
    for rule in RULES:
        findings = grouped.get(rule.name, [])
        click.echo(f"\n{rule.name}: {len(findings)} — {rule.title}")
        for finding in findings:
            click.echo(f"  {finding.node}")
            if finding.text:
                click.echo(f"    “{_snippet(finding.text)}”")
            click.echo(f"    {finding.detail}")
    counts = ", ".join(f"{rule.name} {len(grouped.get(rule.name, []))}" for rule in RULES)
    click.echo(f"\n{len(report.findings)} findings: {counts}")
