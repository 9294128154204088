"""The `mandate` command line: a thin layer that translates arguments and results.

Exit statuses: 0 success; 1 the command ran but found a problem (a file not ingested, a
SHACL violation); 2 the command could not run (bad arguments, unusable store).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from cli.common import CommandFailed, no_traceback, opened, settings_for, store_option

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mandate-graph")
def cli() -> None:
    """mandate-graph: a knowledge graph of Vietnamese policy documents and their tasks."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="Say what each file is going through.")
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=lambda: os.cpu_count() or 1,
    show_default="the number of CPUs",
    help="Processes that read and extract files while one writes them (1: no extra process).",
)
@store_option
@no_traceback
def ingest(
    paths: tuple[Path, ...], verbose: bool, workers: int, store_location: str | None
) -> None:
    """Ingest documents (files or folders) into the store, each all-or-nothing.

    Prints one line per file. Exit status 0 when every file was ingested, 1 when any failed
    (the others are still ingested).
    """
    from ingest.loader import ingest_paths
    from search import SearchIndexError, open_index

    settings = settings_for(store_location)

    def progress(stage: str, path: Path) -> None:
        if verbose:
            click.echo(f"{stage}: {path}", err=True)

    with opened(settings, read_only=False) as (store, iris):
        try:
            index = open_index(settings)
        except SearchIndexError as error:
            index, index_error = None, f"search index not rebuilt: {error}"
        else:
            index_error = None
        try:
            report = ingest_paths(
                store,
                paths,
                iris=iris,
                max_bytes=settings.max_file_bytes,
                progress=progress,
                search_index=index,
                workers=workers,
            )
        finally:
            if index is not None:
                index.close()
    for result in report.results:
        if result.ok:
            click.echo(f"ok     {result.path} -> {result.document} ({result.triples} statements)")
        else:
            click.echo(f"error  {result.error}")
    if report.links is not None:
        links = report.links
        click.echo(
            f"links rebuilt: {links.resolved} references resolved, {links.referenced_only} "
            f"referenced but not ingested, {links.proposed} links proposed "
            f"({links.accepted} at or above the threshold)"
        )
    if report.links_error:
        click.echo(f"error  {report.links_error}")
    search_error = report.search_error or (index_error if report.succeeded else None)
    if search_error:
        click.echo(f"error  {search_error}")
    click.echo(f"{len(report.succeeded)} ingested, {len(report.failed)} failed")
    if report.failed:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@store_option
@no_traceback
def stats(as_json: bool, store_location: str | None) -> None:
    """Count the nodes per class and the statements per property."""
    from queries.stats import graph_stats

    with opened(settings_for(store_location), read_only=True) as (store, iris):
        counts = graph_stats(store, iris).to_json()
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2, sort_keys=True))
        return
    click.echo(f"documents: {counts['documents']}   named graphs: {counts['graphs']}")
    for section in ("nodes", "edges", "attributes"):
        values: dict[str, int] = counts[section]  # type: ignore[assignment]
        click.echo(f"\n{section} ({sum(values.values())})")
        for name, count in values.items():
            click.echo(f"  {count:>8}  {name}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Language of rule names and messages.",
)
@store_option
@no_traceback
def validate(as_json: bool, lang: str, store_location: str | None) -> None:
    """Check the graph against the SHACL shapes, the six clarities of each task included.

    Exit status 0 when there is no structural violation (missing clarities are warnings),
    1 when there is one.
    """
    from queries.validation import validate_store

    with opened(settings_for(store_location), read_only=True) as (store, iris):
        report = validate_store(store, iris, lang=lang)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_validation(report, lang)
    if not report.conforms:
        sys.exit(1)


def _print_validation(report: Any, lang: str) -> None:
    headings = {
        "violation": ("Structural errors", "Lỗi cấu trúc"),
        "warning": ("Six clarities (6 rõ) not met", "Chưa bảo đảm 6 rõ"),
    }
    for severity in ("violation", "warning"):
        grouped = report.by_focus(severity)
        title = headings[severity][0 if lang == "en" else 1]
        click.echo(f"{title}: {len(grouped)}")
        for focus, findings in grouped.items():
            click.echo(f"  {focus}")
            if findings[0].focus_text:
                click.echo(f"    “{findings[0].focus_text}”")
            for finding in findings:
                click.echo(f"    - {finding.rule}: {finding.message}")
    summary = (
        f"{len(report.violations)} violations, {len(report.warnings)} warnings "
        f"on {report.nodes_checked} nodes checked; "
        + ("conforms" if report.conforms else "does not conform")
    )
    click.echo(summary)


@cli.command()
@click.option(
    "--format",
    "format_name",
    default="turtle",
    show_default=True,
    help="turtle, nquads, jsonld (and any other registered format).",
)
@click.option(
    "--document",
    metavar="DOCUMENT",
    help="Only this document (file path, IRI or number): its graph and its derived links.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE, not stdout.")
@store_option
@no_traceback
def export(
    format_name: str, document: str | None, output: Path | None, store_location: str | None
) -> None:
    """Write the whole graph, or one document, in an open format."""
    from exports import export as run_export
    from exports.registry import UnknownFormatError
    from exports.scoping import document_store
    from queries.lookup import NotFound, resolve_document

    with opened(settings_for(store_location), read_only=True) as (store, iris):
        source = store
        if document is not None:
            try:
                source = document_store(store, iris, resolve_document(store, document))
            except NotFound as error:
                raise CommandFailed(str(error)) from error
        try:
            data = run_export(source, format_name)
        except UnknownFormatError as error:
            raise CommandFailed(str(error)) from error
        finally:
            if source is not store:
                source.close()
    if output is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            # The reader (e.g. `head`) stopped early; that is not an error of ours.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    else:
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandFailed(f"{output}: cannot write: {error.strerror or error}") from error
        click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@no_traceback
def import_command(paths: tuple[Path, ...], store_location: str | None) -> None:
    """Load RDF files (.nq, .trig, .jsonld, .ttl, .nt) into the store, named graphs kept.

    Each graph a file holds replaces the store's graph of that name, a file at a time and
    all-or-nothing; statements outside any named graph go to a graph named after the file.
    """
    from exports.importing import RdfImportError, import_rdf

    failed = 0
    with opened(settings_for(store_location), read_only=False) as (store, iris):
        for path in paths:
            try:
                report = import_rdf(store, iris, path)
            except RdfImportError as error:
                failed += 1
                click.echo(f"error  {error}")
                continue
            click.echo(f"ok     {path}: {report.statements} statements in {report.graphs} graphs")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format", "format_name", type=click.Choice(["json"]), default="json", show_default=True
)
@no_traceback
def extract(path: Path, format_name: str) -> None:
    """Print what extraction reads from one file, in the answer-key schema; no store used."""
    from ingest.errors import IngestError
    from ingest.pipeline import extract as run_extract

    settings = settings_for(None)
    try:
        extraction = run_extract(path, max_bytes=settings.max_file_bytes)
    except IngestError as error:
        raise CommandFailed(str(error)) from error
    click.echo(json.dumps(extraction.to_answer_key(), ensure_ascii=False, indent=2))


def _register_question_commands() -> None:
    from cli.analyze_command import analyze
    from cli.audit_command import audit
    from cli.neo4j_command import neo4j
    from cli.questions import QUESTION_COMMANDS
    from cli.search_command import search
    from cli.serve_command import serve
    from cli.synth_command import synth

    for command in (*QUESTION_COMMANDS, analyze, audit, neo4j, search, serve, synth):
        cli.add_command(command)


_register_question_commands()


def main(argv: list[str] | None = None) -> None:
    """Run the `mandate` command line with `argv` (default: the process arguments)."""
    cli.main(args=argv, prog_name="mandate")
