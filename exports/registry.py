"""The table of export formats: name → function, media type and file suffix.

Exporters are imported only when used, so a heavy dependency costs nothing until its format
is asked for. Built-in formats are registered through the same `register` call as any other.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from store import GraphStore

__all__ = [
    "EXPORTERS",
    "ExportFunction",
    "ExporterEntry",
    "UnknownFormatError",
    "export",
    "register",
]

ExportFunction = Callable[[GraphStore], bytes]


class UnknownFormatError(ValueError):
    """No exporter is registered under the requested name."""


@dataclass(frozen=True)
class ExporterEntry:
    """Where an exporter lives and what it produces."""

    module: str
    function: str
    media_type: str
    suffix: str

    def load(self) -> ExportFunction:
        """Return the export function, importing its module on first use."""
        function: ExportFunction = getattr(importlib.import_module(self.module), self.function)
        return function


EXPORTERS: dict[str, ExporterEntry] = {}


def register(name: str, module: str, function: str, media_type: str, suffix: str) -> None:
    """Register `module.function` as the exporter for format `name`."""
    EXPORTERS[name] = ExporterEntry(module, function, media_type, suffix)


register("turtle", "exports.rdf", "to_turtle", "text/turtle", ".ttl")
register("nquads", "exports.rdf", "to_nquads", "application/n-quads", ".nq")
register("jsonld", "exports.rdf", "to_jsonld", "application/ld+json", ".jsonld")
register("graphml", "exports.graph_formats", "to_graphml", "application/graphml+xml", ".graphml")
register("gexf", "exports.graph_formats", "to_gexf", "application/gexf+xml", ".gexf")


def export(store: GraphStore, format_name: str) -> bytes:
    """Return the whole store serialised in `format_name`.

    Raises UnknownFormatError listing the known formats.
    """
    entry = EXPORTERS.get(format_name)
    if entry is None:
        known = ", ".join(sorted(EXPORTERS))
        raise UnknownFormatError(f"unknown export format {format_name!r}; known: {known}")
    return entry.load()(store)
