"""The read-only SPARQL endpoint on a real server: answers, refusals, deadline and row cap."""

from __future__ import annotations

import time

import httpx
import pytest
from rdflib import Graph

pytestmark = [pytest.mark.server, pytest.mark.corpus]

TASKS = "SELECT ?t WHERE { ?t a <https://mandate-graph.example/ontology#Task> }"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_select_answers_in_sparql_json(api: httpx.Client):
    response = api.get("/api/sparql", params={"query": TASKS + " LIMIT 3"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+json"
    answer = response.json()
    assert answer["head"]["vars"] == ["t"]
    assert len(answer["results"]["bindings"]) == 3
    assert answer["results"]["bindings"][0]["t"]["type"] == "uri"
    assert "X-Result-Truncated" not in response.headers


def test_select_with_dollar_variables_and_post_form(api: httpx.Client):
    query = "SELECT (COUNT($t) AS $n) WHERE { $t a <https://mandate-graph.example/ontology#Task> }"
    response = api.post("/api/sparql", data={"query": query})
    assert response.status_code == 200, response.text
    count = response.json()["results"]["bindings"][0]["n"]
    assert int(count["value"]) > 100 and count["datatype"].endswith("#integer")


def test_ask_by_post_body(api: httpx.Client):
    response = api.post(
        "/api/sparql",
        content="ASK { ?s ?p ?o }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"head": {}, "boolean": True}


def test_construct_in_turtle_and_ntriples(api: httpx.Client):
    query = "CONSTRUCT { ?t a ?c } WHERE { ?t a ?c } LIMIT 20"
    turtle = api.get("/api/sparql", params={"query": query})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=turtle.text, format="turtle")) == 20
    ntriples = api.get(
        "/api/sparql", params={"query": query}, headers={"Accept": "application/n-triples"}
    )
    assert ntriples.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=ntriples.text, format="nt")) == 20


@pytest.mark.parametrize(
    ("query", "words"),
    [
        pytest.param("DELETE WHERE { ?s ?p ?o }", "updates", id="update"),
        pytest.param("INSERT DATA { <http://x/a> <http://x/b> 1 }", "updates", id="insert"),
        pytest.param("DROP ALL", "updates", id="drop"),
        pytest.param("LOAD <http://example.org/data.ttl>", "updates", id="load"),
        pytest.param(
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "SERVICE",
            id="service",
        ),
        pytest.param(
            "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
            "SERVICE",
            id="nested-service",
        ),
        pytest.param("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM", id="from"),
        pytest.param("SELECT * FROM NAMED <file:///etc/passwd> { ?s ?p ?o }", "FROM", id="named"),
        pytest.param("DESCRIBE <http://example.org/a>", "SELECT, ASK and CONSTRUCT", id="describe"),
        pytest.param("SELEKT * WHERE { ?s ?p ?o }", "not a valid SPARQL query", id="garbage"),
    ],
)
def test_refused_queries_are_400_with_a_reason(api: httpx.Client, query: str, words: str):
    response = api.get("/api/sparql", params={"query": query})
    assert response.status_code == 400, response.text
    assert words in response.json()["error"]["message"]


def test_a_long_query_is_stopped_and_the_server_still_answers(limited_server: str):
    with httpx.Client(base_url=limited_server, timeout=30) as client:
        started = time.monotonic()
        response = client.get("/api/sparql", params={"query": CROSS_JOIN})
        stopped_after = time.monotonic() - started
        assert response.status_code == 504, response.text
        assert "stopped after 1 s" in response.json()["error"]["message"]
        assert stopped_after < 4, stopped_after
        started = time.monotonic()
        after = client.get("/api/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert after.status_code == 200 and after.json()["boolean"] is True
        assert time.monotonic() - started < 1.5


def test_rows_and_triples_are_capped(limited_server: str):
    with httpx.Client(base_url=limited_server, timeout=30) as client:
        rows = client.get("/api/sparql", params={"query": TASKS})
        assert rows.headers["X-Result-Truncated"] == "true"
        assert len(rows.json()["results"]["bindings"]) == 5 and rows.json()["truncated"] is True
        query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        triples = client.get("/api/sparql", params={"query": query, "format": "ntriples"})
        assert triples.headers["X-Result-Truncated"] == "true"
        assert len(Graph().parse(data=triples.text, format="nt")) == 5
