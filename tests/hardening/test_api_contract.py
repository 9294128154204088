"""The API keeps its OpenAPI contract under Schemathesis: no 5xx, only declared answers.

The quick version draws 25 requests per operation; the full one draws 500 or more:
`.venv/bin/python -m scripts.api_contract --examples 500`. Requests carry the API key, so
the write routes are exercised too, on a server of this module's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import API_KEY, _copy, _serve, ingested_corpus  # noqa: F401
from tests.hardening.contract_support import check_contract
from tests.hardening.injection_support import benign_values

pytestmark = [pytest.mark.server, pytest.mark.corpus]

QUICK_EXAMPLES = 25


@pytest.fixture(scope="module")
def contract_server(
    ingested_corpus: Path,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    store = _copy(ingested_corpus, tmp_path_factory, "contract")
    yield from _serve(store, store.parent / "serve.log")


def test_every_operation_keeps_the_contract(contract_server: str):
    with httpx.Client(base_url=contract_server, timeout=60) as client:
        real = benign_values(client)
        operations = client.get("/openapi.json").json()["paths"]
    report = check_contract(contract_server, examples=QUICK_EXAMPLES, api_key=API_KEY, real=real)
    declared = {f"{method.upper()} {path}" for path, item in operations.items() for method in item}
    assert set(report.sent) == declared
    assert report.failures == {}
    with_parameters = [label for label, sent in report.sent.items() if sent > 1]
    assert all(report.sent[label] >= QUICK_EXAMPLES for label in with_parameters)


def test_errors_are_declared_with_their_body(contract_server: str):
    with httpx.Client(base_url=contract_server, timeout=60) as client:
        schema = client.get("/openapi.json").json()
        node = schema["paths"]["/api/node"]["get"]["responses"]
        assert {"401", "404", "422"} <= set(node)
        body = node["404"]["content"]["application/json"]["schema"]["$ref"]
        assert body.endswith("/ErrorBody")
        for path, method in [("/nothing", "GET"), ("/api/stats", "DELETE")]:
            answer = client.request(method, path)
            assert answer.status_code in (404, 405)
            assert set(answer.json()["error"]) == {"status", "message"}
        unparsable = client.post(
            "/api/reviews",
            content=b"\xff{",
            headers={"X-API-Key": API_KEY, "Content-Type": "application/json"},
        )
        assert unparsable.status_code in (400, 422)
        assert set(unparsable.json()) == {"error"}
