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
)


@dataclass(frozen=True)
class Settings:
    """The settings in force for one run."""

    store: str
    base_iri: str
    max_file_mb: float

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
    try:
        max_mb = float(values["max_file_mb"])
    except ValueError as error:
        raise ValueError(
            f"MANDATE_MAX_FILE_MB must be a number, not {values['max_file_mb']!r}"
        ) from error
    return Settings(store=values["store"], base_iri=values["base_iri"], max_file_mb=max_mb)
