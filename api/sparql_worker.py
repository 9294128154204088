"""What runs inside a SPARQL worker process: open the store read-only, run one query, reply.

The parent (`api.sparql_sandbox`) kills the process at the deadline, so nothing here needs to
watch the clock. Results are capped at `max_rows` solutions or triples while they are read,
so a huge answer is never built in full.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from store import EmbeddedStore, GraphStore, RemoteStore, StoreError, open_store

__all__ = ["GRAPH_FORMATS", "QueryJob", "QueryResult", "run_job"]

SPARQL_JSON = "application/sparql-results+json"
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
"""Formats a CONSTRUCT answer can take: name → (media type, pyoxigraph format)."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NICENESS = 10


@dataclass(frozen=True)
class QueryJob:
    """One query to run: where the store is, the checked query, its kind and limits."""

    location: str
    base_iri: str
    query: str
    kind: str
    max_rows: int
    graph_format: str = "turtle"


@dataclass(frozen=True)
class QueryResult:
    """A serialised answer: its media type, bytes, and whether rows were cut at the cap."""

    media_type: str
    body: bytes
    truncated: bool
    rows: int


def _term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        value: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            value["datatype"] = term.datatype.value
        return value
    return {
        "type": "triple",
        "value": {
            "subject": _term(term.subject),
            "predicate": _term(term.predicate),
            "object": _term(term.object),
        },
    }


def _raw_results(store: GraphStore, job: QueryJob) -> Any:
    # The store's own select/ask would treat `$name` as a parameter; user queries use it freely.
    if isinstance(store, EmbeddedStore):
        return store.oxigraph().query(job.query, use_default_graph_as_union=True)
    if isinstance(store, RemoteStore):
        import httpx

        accept = "application/n-triples" if job.kind == "construct" else SPARQL_JSON
        response = httpx.post(
            store.query_url,
            params={"union-default-graph": ""},
            content=job.query.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
            timeout=None,
        )
        if response.status_code == 400:
            raise SyntaxError(response.text[:300])
        if response.status_code >= 300:
            raise StoreError(f"{store.query_url} answered {response.status_code}")
        if job.kind == "construct":
            return (
                ox.Triple(quad.subject, quad.predicate, quad.object)
                for quad in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)
            )
        return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
    raise StoreError(f"no SPARQL access to a store of type {type(store).__name__}")


def _capped(items: Iterable[Any], limit: int) -> tuple[list[Any], bool]:
    iterator: Iterator[Any] = iter(items)
    kept = list(islice(iterator, limit + 1))
    return kept[:limit], len(kept) > limit


def answer(store: GraphStore, job: QueryJob) -> QueryResult:
    """Return the serialised answer of `job` on `store` (SPARQL JSON, Turtle or N-Triples)."""
    results = _raw_results(store, job)
    if job.kind == "ask":
        body = json.dumps({"head": {}, "boolean": bool(results)})
        return QueryResult(SPARQL_JSON, body.encode(), truncated=False, rows=1)
    if job.kind == "select":
        names = [variable.value for variable in results.variables]
        solutions, truncated = _capped(results, job.max_rows)
        bindings = [
            {
                name: _term(solution[name])
                for name in names
                if solution[name] is not None
            }
            for solution in solutions
        ]
        document: dict[str, Any] = {"head": {"vars": names}, "results": {"bindings": bindings}}
        if truncated:
            document["truncated"] = True
            document["max_rows"] = job.max_rows
        body = json.dumps(document, ensure_ascii=False)
        return QueryResult(SPARQL_JSON, body.encode("utf-8"), truncated, len(bindings))
    media_type, rdf_format = GRAPH_FORMATS[job.graph_format]
    triples, truncated = _capped(results, job.max_rows)
    text = ox.serialize(triples, format=rdf_format) or b""
    if truncated:
        text = f"# truncated: only the first {job.max_rows} triples\n".encode() + text
    return QueryResult(media_type, text, truncated, len(triples))


def run_job(job: QueryJob, reply: Connection) -> None:
    """Run `job` and send the outcome on `reply`; returns nothing.

    Sends ("ready",) once the store is open, then ("ok", QueryResult), ("invalid", message)
    for a query the store rejects, or ("unavailable", message).
    """
    try:
        store = open_store(job.location, base_iri=job.base_iri, read_only=True)
    except StoreError as error:
        reply.send(("unavailable", str(error)))
        return
    # A query that runs to its deadline would otherwise take a core from the server's
    # requests for that long; at low priority it only takes what they leave. Opening the
    # store comes first, at normal priority: the caller waits for it on top of the limit.
    with contextlib.suppress(OSError):
        os.nice(_NICENESS)
    try:
        reply.send(("ready",))
        try:
            reply.send(("ok", answer(store, job)))
        except SyntaxError as error:
            reply.send(("invalid", f"the store refused the query: {error}"))
        except (StoreError, OSError) as error:
            reply.send(("unavailable", f"the graph store cannot answer: {error}"))
    finally:
        store.close()
        reply.close()
