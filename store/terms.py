"""Conversions between pyoxigraph terms and rdflib terms, and SPARQL text for data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

Row = dict[str, Node]

__all__ = [
    "bind_parameters",
    "from_oxigraph",
    "insert_data_block",
    "solution_rows",
    "term_text",
    "to_oxigraph",
    "triples_text",
]


def from_oxigraph(term: object) -> Node:
    """Return the rdflib term equal to a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported RDF term {term!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Return the pyoxigraph term equal to an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported RDF term {term!r}")


def term_text(term: Node) -> str:
    """Return `term` written as in N-Triples (safe to embed in SPARQL)."""
    return str(to_oxigraph(term))


def triples_text(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Return the triples as N-Triples text, one line each (also valid inside INSERT DATA)."""
    # pyoxigraph's N-Triples writer escapes every term safely for SPARQL, including literals
    # with quotes, newlines and braces.
    converted = [
        ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
        for s, p, o in triples
    ]
    return ox.serialize(converted, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def insert_data_block(graph_name: URIRef, graph: Graph) -> str:
    """Return `INSERT DATA { GRAPH <g> { ... } }` text holding every triple of `graph`."""
    return f"INSERT DATA {{ GRAPH {term_text(graph_name)} {{\n{triples_text(graph)}}} }}"


def solution_rows(result: ox.QuerySolutions) -> list[Row]:
    """Return SPARQL solutions as rows of rdflib terms (unbound variables left out)."""
    names = [variable.value for variable in result.variables]
    rows: list[Row] = []
    for solution in result:
        row: Row = {}
        for name in names:
            value = solution[name]
            if value is not None:
                row[name] = from_oxigraph(value)
        rows.append(row)
    return rows


_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def bind_parameters(query: str, bindings: Mapping[str, Node] | None) -> str:
    """Return `query` with each `$name` parameter replaced by its bound RDF term.

    Queries mark parameters with `$` (SPARQL's other variable sigil). Values are written by
    the N-Triples serializer, so a value can never change the shape of the query. A binding
    the query does not use, or a parameter left without a value, is an error.
    """
    bindings = bindings or {}
    used = set(_PARAMETER.findall(query))
    unused = set(bindings) - used
    if unused:
        raise ValueError(f"the query has no parameter ${', $'.join(sorted(unused))}")
    unbound = used - set(bindings)
    if unbound:
        raise ValueError(f"no value given for parameter ${', $'.join(sorted(unbound))}")
    return _PARAMETER.sub(lambda match: term_text(bindings[match.group(1)]), query)
