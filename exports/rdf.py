"""RDF exports: N-Quads keeps every named graph; Turtle is the union; JSON-LD has a context."""

from __future__ import annotations

import json

import pyoxigraph as ox

from ontology.vocabulary import PREFIXES
from store import GraphStore

__all__ = ["to_jsonld", "to_nquads", "to_turtle"]


def to_nquads(store: GraphStore) -> bytes:
    """Return every quad of the store as N-Quads, named graphs kept."""
    return store.dump_nquads()


def to_turtle(store: GraphStore) -> bytes:
    """Return the union of all named graphs as Turtle with the project's prefixes."""
    quads = ox.parse(store.dump_nquads(), format=ox.RdfFormat.N_QUADS)
    triples = {ox.Triple(quad.subject, quad.predicate, quad.object) for quad in quads}
    ordered = sorted(triples, key=str)
    return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def to_jsonld(store: GraphStore) -> bytes:
    """Return the store as JSON-LD: one `@graph` per named graph, compacted with a context."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=store.dump_nquads().decode("utf-8"), format="nquads")
    text = dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    # Re-dump for stable, readable output whatever rdflib's version prints.
    return (json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
