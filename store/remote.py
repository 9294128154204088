"""A store on a remote SPARQL 1.1 server (query and update endpoints over HTTP).

Tested against `oxigraph serve`. The server must apply each update request as one
transaction (Oxigraph does) and answer queries over the union of its named graphs: the
Oxigraph-specific `union-default-graph` parameter is sent with every query.
"""

from __future__ import annotations

import httpx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from store.base import Bindings, GraphStore
from store.errors import QuerySyntaxError, StoreError, StoreUnavailableError
from store.terms import bind_parameters, to_oxigraph

__all__ = ["RemoteStore"]

_SELECT_ACCEPT = "application/sparql-results+json"
_GRAPH_ACCEPT = "application/n-triples"


def endpoints_for(url: str) -> tuple[str, str]:
    """Return the (query, update) endpoint URLs for a server URL.

    `http://host:7878` or `http://host:7878/query` give `/query` and `/update` (Oxigraph's
    layout); a URL ending in `/sparql` is used for both.
    """
    url = url.rstrip("/")
    if url.endswith("/query"):
        return url, url[: -len("/query")] + "/update"
    if url.endswith("/sparql"):
        return url, url
    return url + "/query", url + "/update"


class RemoteStore(GraphStore):
    """A GraphStore that talks SPARQL 1.1 Protocol to a server at `url`."""

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        self.location = url
        self.query_url, self.update_url = endpoints_for(url)
        self._client = httpx.Client(timeout=timeout)

    @property
    def cacheable(self) -> bool:
        """Return False: other clients write to the server, unseen by `generation`."""
        return False

    def _post_query(self, query: str, accept: str) -> bytes:
        try:
            response = self._client.post(
                self.query_url,
                params={"union-default-graph": ""},
                content=query.encode("utf-8"),
                headers={"Content-Type": "application/sparql-query", "Accept": accept},
            )
        except httpx.HTTPError as error:
            raise StoreUnavailableError(f"{self.query_url}: no answer: {error}") from error
        self._check(response, self.query_url)
        return response.content

    def _check(self, response: httpx.Response, url: str) -> None:
        if response.status_code == 400:
            raise QuerySyntaxError(f"{url}: the server refused the request: {response.text[:300]}")
        if response.status_code >= 300:
            raise StoreUnavailableError(
                f"{url}: the server answered {response.status_code}: {response.text[:300]}"
            )

    def _results(self, query: str, bindings: Bindings | None) -> object:
        body = self._post_query(bind_parameters(query, bindings), _SELECT_ACCEPT)
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        """Return the triples of a SPARQL CONSTRUCT or DESCRIBE query as an rdflib graph."""
        body = self._post_query(bind_parameters(query, bindings), _GRAPH_ACCEPT)
        return Graph().parse(data=body.decode("utf-8"), format="nt")

    def update(self, update: str) -> None:
        """Send a SPARQL 1.1 update; the server applies it in one transaction."""
        self._wrote()
        try:
            response = self._client.post(
                self.update_url,
                content=update.encode("utf-8"),
                headers={"Content-Type": "application/sparql-update"},
            )
        except httpx.HTTPError as error:
            raise StoreUnavailableError(f"{self.update_url}: no answer: {error}") from error
        self._check(response, self.update_url)

    def dump_nquads(self) -> bytes:
        """Return every quad in the server's named graphs as N-Quads."""
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        quads = [
            ox.Quad(*(to_oxigraph(row[name]) for name in ("s", "p", "o", "g")))  # type: ignore[arg-type]
            for row in rows
        ]
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""

    def dataset(self) -> Dataset:
        """Return a live rdflib Dataset over the server (rdflib's SPARQLUpdateStore)."""
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        sparql_store = SPARQLUpdateStore(self.query_url, self.update_url)
        return Dataset(store=sparql_store)

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._client.close()

    def check(self) -> None:
        """Raise StoreUnavailableError unless the server answers a trivial query."""
        try:
            self.ask("ASK { }")
        except StoreError as error:
            raise StoreUnavailableError(
                f"{self.location}: not a working SPARQL server: {error}"
            ) from error
