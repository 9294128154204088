"""Every setting the program reads, with its environment variable, default and meaning.

`SETTINGS` is the one declaration: the CLI help and the README list these, and a test checks
that the README documents each one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from ontology.identifiers import DEFAULT_BASE_IRI

__all__ = ["SETTINGS", "Setting", "Settings", "load_settings"]


@dataclass(frozen=True)
class Setting:
    """One setting: the environment variable that sets it, its default and what it does."""

    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "store",
        "MANDATE_STORE",
        ".mandate",
        "Where the graph lives: a directory for the embedded store, or the URL of a SPARQL "
        "1.1 server (http://host:7878 for Oxigraph).",
    ),
    Setting(
        "base_iri",
        "MANDATE_BASE_IRI",
        DEFAULT_BASE_IRI,
        "The base under which every node's IRI is minted. A store keeps the base it was "
        "created with and refuses another.",
    ),
    Setting(
        "max_file_mb",
        "MANDATE_MAX_FILE_MB",
        "20",
        "The largest source file ingest accepts, in megabytes.",
    ),
    Setting(
        "api_key",
        "MANDATE_API_KEY",
        "",
        "The key the web API asks of every write (uploads, reviews), sent as the X-API-Key "
        "header. Empty: every write is refused.",
    ),
    Setting(
        "open_reads",
        "MANDATE_OPEN_READS",
        "1",
        "1: anyone may read through the web app; 0: reads need the API key too.",
    ),
    Setting(
        "sparql_timeout",
        "MANDATE_SPARQL_TIMEOUT",
        "5",
        "Seconds a query on the web SPARQL endpoint may run before it is stopped.",
    ),
    Setting(
        "sparql_max_rows",
        "MANDATE_SPARQL_MAX_ROWS",
        "10000",
        "The most rows (or triples) the web SPARQL endpoint returns for one query.",
    ),
    Setting(
        "max_upload_mb",
        "MANDATE_MAX_UPLOAD_MB",
        "200",
        "The total size of uploaded files the web app keeps, in megabytes.",
    ),
    Setting(
        "threads",
        "MANDATE_THREADS",
        "4",
        "How many requests the web app answers at once (its worker threads); more wait their "
        "turn. Above the machine's cores it only adds waiting for Python's interpreter lock "
        "(32 clients on 2 cores: 299 requests/s with 2 threads, 291 with 4, 284 with 8); a "
        "store behind a SPARQL URL, where requests wait on the network, wants more.",
    ),
    Setting(
        "search_index",
        "MANDATE_SEARCH_INDEX",
        "",
        "The search index file for a remote store (an embedded store keeps its index in its "
        "directory as search.sqlite3). Empty: ./.mandate-search.sqlite3.",
    ),
)


@dataclass(frozen=True)
class Settings:
    """The settings in force for one run."""

    store: str
    base_iri: str
    max_file_mb: float
    api_key: str = ""
    open_reads: bool = True
    sparql_timeout: float = 5.0
    sparql_max_rows: int = 10000
    max_upload_mb: float = 200.0
    search_index: str = ""
    threads: int = 4

    @property
    def max_file_bytes(self) -> int:
        """Return the largest accepted source file size in bytes."""
        return int(self.max_file_mb * 1024 * 1024)


def load_settings(environ: Mapping[str, str] | None = None, **overrides: str | None) -> Settings:
    """Return the settings from `environ` (default: the process environment) and overrides.

    An override that is None leaves the environment's value (or the default) in force.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, str] = {}
    for setting in SETTINGS:
        override = overrides.get(setting.name)
        values[setting.name] = (
            override if override is not None else environ.get(setting.env, setting.default)
        )
    numbers: dict[str, float] = {}
    for name in ("max_file_mb", "sparql_timeout", "sparql_max_rows", "max_upload_mb", "threads"):
        env = next(setting.env for setting in SETTINGS if setting.name == name)
        try:
            numbers[name] = float(values[name])
        except ValueError as error:
            raise ValueError(f"{env} must be a number, not {values[name]!r}") from error
        if numbers[name] <= 0:
            raise ValueError(f"{env} must be above 0, not {values[name]!r}")
    return Settings(
        store=values["store"],
        base_iri=values["base_iri"],
        max_file_mb=numbers["max_file_mb"],
        api_key=values["api_key"],
        open_reads=values["open_reads"].strip().lower() not in ("0", "false", "no", "off"),
        sparql_timeout=numbers["sparql_timeout"],
        sparql_max_rows=int(numbers["sparql_max_rows"]),
        max_upload_mb=numbers["max_upload_mb"],
        search_index=values["search_index"],
        threads=max(1, int(numbers["threads"])),
    )
