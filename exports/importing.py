"""Loading an RDF file into the store: the other half of an export, named graphs kept.

N-Quads, TriG and JSON-LD carry named graphs, so exporting a store and importing the file
into a fresh one gives the same graphs. Statements outside any named graph (a Turtle file)
go to one graph named after the file's content. Every graph the file holds replaces the
store's graph of that name, all in one transaction: a bad file changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from ontology.identifiers import IriFactory
from store import GraphStore
from store.terms import from_oxigraph

__all__ = ["IMPORT_FORMATS", "ImportReport", "RdfImportError", "import_rdf"]

IMPORT_FORMATS: dict[str, ox.RdfFormat] = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
"""File suffix → RDF syntax that `import_rdf` reads."""


class RdfImportError(ValueError):
    """The file cannot be imported; the message names the file and the problem."""


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote: how many graphs and statements."""

    graphs: int
    statements: int


def _quads(path: Path) -> list[ox.Quad]:
    syntax = IMPORT_FORMATS.get(path.suffix.lower())
    if syntax is None:
        known = ", ".join(sorted(IMPORT_FORMATS))
        raise RdfImportError(f"{path}: unknown RDF file type; known suffixes: {known}")
    try:
        return list(ox.parse(path=str(path), format=syntax))
    except (SyntaxError, ValueError, OSError) as error:
        raise RdfImportError(f"{path}: not readable as {syntax.name}: {error}") from error


def import_rdf(store: GraphStore, iris: IriFactory, path: Path) -> ImportReport:
    """Load the RDF file at `path` into `store`, replacing each graph it holds; return counts.

    Raises RdfImportError naming the file when its type is unknown or its content unreadable.
    """
    quads = _quads(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    graphs: dict[URIRef, Graph] = defaultdict(Graph)
    for quad in quads:
        name = (
            iris.imported_graph(digest)
            if isinstance(quad.graph_name, ox.DefaultGraph)
            else URIRef(str(quad.graph_name.value))
        )
        graphs[name].add(
            (from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object))
        )
    if graphs:
        store.replace_graphs(dict(graphs))
    return ImportReport(graphs=len(graphs), statements=len(quads))
