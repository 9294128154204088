"""The OpenAPI schema: every path is tested here, and every write needs the key."""

from __future__ import annotations

import httpx
import pytest

from tests.api.conftest import API_KEY

pytestmark = [pytest.mark.server, pytest.mark.corpus]

TESTED_PATHS = {
    "/api/documents",
    "/api/document",
    "/api/node",
    "/api/neighbours",
    "/api/lineage",
    "/api/coverage",
    "/api/agency",
    "/api/links",
    "/api/audit",
    "/api/stats",
    "/api/reviews",
    "/api/sparql",
    "/api/export",
}
"""Paths the tests in tests/api hit; /api/search is tested when the app has it."""

# SPARQL's protocol sends long queries by POST; it only reads.
READS_BY_POST = {("post", "/api/sparql")}


def _operations(api: httpx.Client) -> list[tuple[str, str]]:
    paths = api.get("/openapi.json").json()["paths"]
    return [(method, path) for path, item in paths.items() for method in item]


def test_every_path_in_the_schema_has_tests(api: httpx.Client):
    paths = {path for _method, path in _operations(api)}
    assert paths - {"/api/search"} == TESTED_PATHS


def test_search_answers_when_present(api: httpx.Client):
    schema = api.get("/openapi.json").json()["paths"]
    if "/api/search" not in schema:
        pytest.skip("the app has no /api/search yet")
    parameters = schema["/api/search"]["get"].get("parameters", [])
    required = [p["name"] for p in parameters if p.get("required")]
    response = api.get("/api/search", params={name: "OCOP" for name in required})
    assert response.status_code == 200, response.text


def test_every_write_is_refused_without_the_key_or_with_a_wrong_one(api: httpx.Client):
    writes = [op for op in _operations(api) if op[0] != "get" and op not in READS_BY_POST]
    assert ("post", "/api/reviews") in writes and ("post", "/api/documents") in writes
    for method, path in writes:
        for headers in ({}, {"X-API-Key": "wrong-" + API_KEY}):
            response = api.request(method.upper(), path, headers=headers)
            assert response.status_code == 401, (method, path, headers, response.text)
            error = response.json()["error"]
            assert error["status"] == 401 and "X-API-Key" in error["message"]


def test_every_write_route_of_the_app_pages_included_needs_the_key(api: httpx.Client):
    # Listed from the app itself, so a write route hidden from the schema is caught too.
    from tests.hardening.injection_support import served_operations

    writes = [
        (method.lower(), path)
        for method, path in served_operations()
        if method not in {"GET", "HEAD", "OPTIONS"} and (method.lower(), path) not in READS_BY_POST
    ]
    assert set(writes) >= {("post", "/api/reviews"), ("post", "/api/documents")}
    for method, path in writes:
        for headers in ({}, {"X-API-Key": "wrong-" + API_KEY}, {"X-API-Key": ""}):
            response = api.request(method.upper(), path, headers=headers, json={})
            assert response.status_code == 401, (method, path, headers, response.text)


def test_unknown_iris_are_404_json(api: httpx.Client):
    nothing = "https://example.org/nothing"
    for path, name in [
        ("/api/node", "iri"),
        ("/api/neighbours", "iri"),
        ("/api/document", "iri"),
        ("/api/lineage", "node"),
        ("/api/links", "document"),
        ("/api/audit", "document"),
    ]:
        response = api.get(path, params={name: nothing})
        assert response.status_code == 404, (path, response.text)
        error = response.json()["error"]
        assert set(response.json()) == {"error"} and set(error) == {"status", "message"}
        assert error["status"] == 404 and "nothing" in error["message"]


def test_closed_reads_need_the_key(closed_server: str):
    with httpx.Client(base_url=closed_server, timeout=60) as client:
        for path in ("/api/documents", "/api/stats", "/", "/coverage?unit=an+giang"):
            refused = client.get(path)
            assert refused.status_code == 401, (path, refused.text)
            assert client.get(path, headers={"X-API-Key": API_KEY}).status_code == 200, path
