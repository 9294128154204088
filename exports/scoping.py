"""Exporting one document: its own named graph, what it mentions, and the links from it."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef

from ontology.identifiers import IriFactory
from queries.lookup import NotFound
from queries.sparql import load_query
from store import GraphStore
from store.memory import MemoryStore
from store.terms import to_oxigraph

__all__ = ["document_store"]


def document_store(store: GraphStore, iris: IriFactory, document: URIRef) -> MemoryStore:
    """Return an in-memory store holding `document`'s named graph and its derived links.

    What the shared graph says about the nodes the document mentions (agencies, units,
    cited documents) comes along, in the shared graph, so the export names them.

    The links kept are the derived links of the document's own nodes (their proposed links
    and what those links say), in the graph that holds them, so an export of one document
    shows how its tasks were linked. Raises NotFound for a document that was
    only cited, never ingested.
    """
    graph_name = iris.document_graph(document)
    subset = MemoryStore()
    own = store.graph(graph_name)
    if not len(own):
        subset.close()
        raise NotFound(f"{document}: not an ingested document (it has no graph of its own)")
    quads = [_quad(triple, graph_name) for triple in own]
    rows = store.select(load_query("export_document_links"), {"graph": graph_name})
    for row in rows:
        quads.append(_quad((row["s"], row["p"], row["o"]), URIRef(str(row["links"]))))
    shared_graph = iris.shared_graph()
    rows = store.select(
        load_query("export_document_shared"), {"graph": graph_name, "shared": shared_graph}
    )
    for row in rows:
        quads.append(_quad((row["s"], row["p"], row["o"]), shared_graph))
    subset.oxigraph().extend(quads)
    return subset


def _quad(triple: tuple, graph: URIRef) -> ox.Quad:
    subject, predicate, value = (to_oxigraph(term) for term in triple)
    return ox.Quad(subject, predicate, value, to_oxigraph(graph))  # type: ignore[arg-type]
