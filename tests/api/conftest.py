"""Real `mandate serve` processes over a copy of the ingested corpus, for the web API tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO_ROOT, Mandate, _free_port, mandate_executable, running_server

API_KEY = "test-key"


@pytest.fixture(scope="session")
def ingested_corpus(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """A store directory holding the whole corpus, ingested with the CLI; never served."""
    mandate = Mandate(tmp_path_factory.mktemp("api-corpus") / "store")
    result = mandate("ingest", str(corpus_dir))
    assert result.exit_code == 0, result.output
    return Path(mandate.store)


def _serve(store: Path, log: Path, **env: str) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    environment = {
        **os.environ,
        "MANDATE_API_KEY": API_KEY,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
        **env,
    }
    argv = [mandate_executable(), "serve", "--store", str(store), "--port", str(port)]
    with running_server(argv, url, "/openapi.json", env=environment, log=log):
        yield url


def _copy(source: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    # One writer per embedded store directory: each server gets its own copy.
    target = tmp_path_factory.mktemp(name) / "store"
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def server_store(ingested_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store directory the `server` fixture serves (a copy of the ingested corpus)."""
    return _copy(ingested_corpus, tmp_path_factory, "api-server")


@pytest.fixture(scope="session")
def server(server_store: Path) -> Iterator[str]:
    """Base URL of a real server over the corpus, with the default limits."""
    yield from _serve(server_store, server_store.parent / "serve.log")


@pytest.fixture(scope="session")
def limited_server(
    ingested_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Base URL of a server with tight limits: 1 s per query, 5 rows, 50 KB per file."""
    store = _copy(ingested_corpus, tmp_path_factory, "api-limited")
    yield from _serve(
        store,
        store.parent / "serve.log",
        MANDATE_SPARQL_TIMEOUT="1",
        MANDATE_SPARQL_MAX_ROWS="5",
        MANDATE_MAX_FILE_MB="0.05",
    )


@pytest.fixture(scope="session")
def api(server: str) -> Iterator[httpx.Client]:
    """An HTTP client for the `server` fixture."""
    with httpx.Client(base_url=server, timeout=60) as client:
        yield client


@pytest.fixture(scope="session")
def closed_server(
    ingested_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Base URL of a server whose reads need the key too (MANDATE_OPEN_READS=0)."""
    store = _copy(ingested_corpus, tmp_path_factory, "api-closed")
    yield from _serve(store, store.parent / "serve.log", MANDATE_OPEN_READS="0")
