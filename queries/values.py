"""Binding a set of terms to one variable of a query, as parameters.

`bind_parameters` gives one term per `$name`. For a set, a query writes `VALUES ?x { $x }`
and `values_query` turns the single `$x` into `$x0 $x1 ...`, each bound to one term, so the
values are still written by the N-Triples serializer and never spliced as text.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib.term import Node

__all__ = ["values_query"]


def values_query(query: str, name: str, terms: Iterable[Node]) -> tuple[str, dict[str, Node]]:
    """Return `query` with `{ $name }` widened to one parameter per term, and their bindings.

    Every occurrence is widened (a query may repeat the set in several branches).

    >>> from rdflib import URIRef
    >>> values_query("VALUES ?n { $n }", "n", [URIRef("urn:a"), URIRef("urn:b")])[0]
    'VALUES ?n { $n0 $n1 }'
    """
    terms = list(dict.fromkeys(terms))
    marker = "{ $" + name + " }"
    if marker not in query:
        raise ValueError(f"the query has no 'VALUES ... {marker}' to widen")
    names = [f"{name}{index}" for index in range(len(terms))]
    widened = query.replace(marker, "{ " + " ".join("$" + each for each in names) + " }")
    return widened, dict(zip(names, terms, strict=True))
