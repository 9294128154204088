"""The `mandate` command line: a thin layer that translates arguments and results.

Exit statuses: 0 success; 1 the command ran but found a problem (a file not ingested, a
SHACL violation); 2 the command could not run (bad arguments, unusable store).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from config import SETTINGS, Settings, load_settings
from ingest.errors import IngestError
from ontology.identifiers import IriFactory
from store import GraphStore, StoreError, open_store

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

_STORE_HELP = next(setting.help for setting in SETTINGS if setting.name == "store")


class CommandFailed(click.ClickException):
    """A command could not run; shown as one line and exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Print the one-line error to standard error."""
        click.echo(f"mandate: error: {self.format_message()}", err=True)


def store_option(function: F) -> F:
    """Add the `--store` option every command takes."""
    return click.option(
        "--store",
        "store_location",
        metavar="DIR|URL",
        default=None,
        help=f"{_STORE_HELP} Default: $MANDATE_STORE or ./.mandate.",
    )(function)


def _settings(store_location: str | None) -> Settings:
    try:
        return load_settings(store=store_location)
    except ValueError as error:
        raise CommandFailed(str(error)) from error


@contextmanager
def _opened(settings: Settings, *, read_only: bool) -> Iterator[tuple[GraphStore, IriFactory]]:
    try:
        iris = IriFactory(settings.base_iri)
        store = open_store(settings.store, base_iri=iris.base, read_only=read_only)
    except (StoreError, ValueError) as error:
        raise CommandFailed(str(error)) from error
    try:
        yield store, iris
    except StoreError as error:
        raise CommandFailed(str(error)) from error
    finally:
        store.close()


def _no_traceback(function: F) -> F:
    """Turn an unexpected exception into one line instead of a traceback."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            if os.environ.get("MANDATE_DEBUG"):
                raise
            raise CommandFailed(
                f"internal error: {type(error).__name__}: {error} (set MANDATE_DEBUG=1 for details)"
            ) from error

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mandate-graph")
def cli() -> None:
    """mandate-graph: a knowledge graph of Vietnamese policy documents and their tasks."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="Say what each file is going through.")
@store_option
@_no_traceback
def ingest(paths: tuple[Path, ...], verbose: bool, store_location: str | None) -> None:
    """Ingest documents (files or folders) into the store, each all-or-nothing.

    Prints one line per file. Exit status 0 when every file was ingested, 1 when any failed
    (the others are still ingested).
    """
    from ingest.loader import ingest_paths

    settings = _settings(store_location)

    def progress(stage: str, path: Path) -> None:
        if verbose:
            click.echo(f"{stage}: {path}", err=True)

    with _opened(settings, read_only=False) as (store, iris):
        report = ingest_paths(
            store, paths, iris=iris, max_bytes=settings.max_file_bytes, progress=progress
        )
    for result in report.results:
        if result.ok:
            click.echo(f"ok     {result.path} -> {result.document} ({result.triples} statements)")
        else:
            click.echo(f"error  {result.error}")
    click.echo(f"{len(report.succeeded)} ingested, {len(report.failed)} failed")
    if report.failed:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@store_option
@_no_traceback
def stats(as_json: bool, store_location: str | None) -> None:
    """Count the nodes per class and the statements per property."""
    from queries.stats import graph_stats

    with _opened(_settings(store_location), read_only=True) as (store, iris):
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
@_no_traceback
def validate(as_json: bool, lang: str, store_location: str | None) -> None:
    """Check the graph against the SHACL shapes, the six clarities of each task included.

    Exit status 0 when there is no structural violation (missing clarities are warnings),
    1 when there is one.
    """
    from queries.validation import validate_store

    with _opened(_settings(store_location), read_only=True) as (store, iris):
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
    "--format", "format_name", default="turtle", show_default=True, help="turtle, nquads or jsonld."
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE, not stdout.")
@store_option
@_no_traceback
def export(format_name: str, output: Path | None, store_location: str | None) -> None:
    """Write the whole graph in an open RDF format."""
    from exports import export as run_export
    from exports.registry import UnknownFormatError

    with _opened(_settings(store_location), read_only=True) as (store, _iris):
        try:
            data = run_export(store, format_name)
        except UnknownFormatError as error:
            raise CommandFailed(str(error)) from error
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


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format", "format_name", type=click.Choice(["json"]), default="json", show_default=True
)
@_no_traceback
def extract(path: Path, format_name: str) -> None:
    """Print what extraction reads from one file, in the answer-key schema; no store used."""
    from ingest.pipeline import extract as run_extract

    settings = _settings(None)
    try:
        extraction = run_extract(path, max_bytes=settings.max_file_bytes)
    except IngestError as error:
        raise CommandFailed(str(error)) from error
    click.echo(json.dumps(extraction.to_answer_key(), ensure_ascii=False, indent=2))


def main(argv: list[str] | None = None) -> None:
    """Run the `mandate` command line with `argv` (default: the process arguments)."""
    cli.main(args=argv, prog_name="mandate")
