"""`GET /api/search` on a real `mandate serve` process over a small store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import SAMPLES, Mandate, _free_port, mandate_executable, running_server

pytestmark = pytest.mark.server


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    mandate = Mandate(tmp_path / "store")
    result = mandate("ingest", str(SAMPLES / "01-ke-hoach-ubnd-xa-hoa-thuan.txt"))
    assert result.exit_code == 0, result.output
    # A stale index must be brought up to date by the server itself.
    (tmp_path / "store" / "search.sqlite3").unlink()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [mandate_executable(), "serve", "--store", mandate.store, "--port", str(port)]
    with running_server(argv, url, "/api/documents"):
        yield url


def test_api_search_finds_dat_dai_without_accents(served: str) -> None:
    response = httpx.get(served + "/api/search", params={"q": "dat dai", "limit": 5})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["query"] == "dat dai" and answer["derivation"]
    hit = answer["hits"][0]
    assert set(hit) == {
        "iri",
        "kind",
        "label",
        "snippet",
        "highlights",
        "exact",
        "document",
        "score",
    }
    assert "đất đai" in hit["snippet"]
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["đất", "đai"]


def test_api_search_kind_filter_and_bad_kind(served: str) -> None:
    units = httpx.get(served + "/api/search", params={"q": "hoa thuan", "kind": "unit"})
    assert units.status_code == 200
    assert {hit["kind"] for hit in units.json()["hits"]} == {"unit"}
    bad = httpx.get(served + "/api/search", params={"q": "x", "kind": "planet"})
    assert bad.status_code == 400 and "unknown kind" in bad.json()["error"]["message"]


@pytest.mark.parametrize("query", ['"', "NEAR(a b)", "*", "(", "a OR", ""])
def test_api_search_never_fails_on_fts_syntax(served: str, query: str) -> None:
    response = httpx.get(served + "/api/search", params={"q": query})
    assert response.status_code == 200, response.text
    assert isinstance(response.json()["hits"], list)
