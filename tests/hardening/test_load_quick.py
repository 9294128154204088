"""Load, quick version: 32 clients for 12 s on a tiny synthetic store, with expensive SPARQL.

The full run (a province store, 5 minutes) is
`.venv/bin/python -m scripts.load_test --store DIR --clients 32 --seconds 300`. Latency is
measured there, never asserted here: on a shared CI machine it says more about the neighbours
than about the server.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import URIRef

from config import load_settings
from ingest.loader import ingest_paths
from ontology.identifiers import IriFactory
from queries.documents import document_outline, list_documents
from scripts import load_test
from search import SearchIndex
from store.embedded import EmbeddedStore
from tests.conftest import REPO_ROOT, SAMPLES, Mandate

pytestmark = pytest.mark.server

CLIENTS = 32
SECONDS = 12
SPARQL_LIMIT = 1.0
MARGIN = 2.0


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of one synthetic province with three communes (eight documents)."""
    folder = tmp_path_factory.mktemp("load")
    mandate = Mandate(folder / "store")
    made = mandate(
        "synth",
        "--provinces",
        "1",
        "--communes-per-province",
        "3",
        "-o",
        str(folder / "corpus"),
        store=False,
    )
    assert made.exit_code == 0, made.output
    ingested = mandate("ingest", str(folder / "corpus"))
    assert ingested.exit_code == 0, ingested.output
    return Path(mandate.store)


@pytest.fixture(scope="module")
def figures(tiny_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The figures of one quick load run, as `--json` writes them."""
    out = tmp_path_factory.mktemp("load-figures") / "figures.json"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.load_test",
            "--store",
            str(tiny_store),
            "--clients",
            str(CLIENTS),
            "--seconds",
            str(SECONDS),
            "--expensive-every",
            "3",
            "--sparql-timeout",
            str(SPARQL_LIMIT),
            "--margin",
            str(MARGIN),
            "--warmup",
            "1",
            "--targets",
            "8",
            "--json",
            str(out),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert "goals:" in completed.stdout.strip().splitlines()[-1]
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_kind_of_request_is_answered_without_error(figures: dict) -> None:
    assert set(figures["kinds"]) == {"lineage", "coverage", "search", "pages"}
    assert set(figures["pages"]) == {"/agency", "/coverage", "/document", "/search", "/task"}
    for kind, found in [*figures["kinds"].items(), *figures["pages"].items()]:
        assert found["requests"] > 0, kind
        assert found["errors"] == 0 and found["server_errors"] == 0, (kind, figures)
    assert figures["overall"]["requests"] >= CLIENTS
    assert figures["error_samples"] == []


def test_expensive_queries_are_stopped_within_the_limit(figures: dict) -> None:
    expensive = figures["expensive"]
    assert expensive["sent"] >= 3
    for query in expensive["queries"]:
        assert query["status"] in (400, 503, 504), query
        assert "stopped" in query["message"], query
        assert query["seconds"] <= SPARQL_LIMIT + MARGIN, query
    assert expensive["stopped"] == expensive["within_limit"] == expensive["sent"]


def test_reads_go_on_while_expensive_queries_run(figures: dict) -> None:
    during = figures["expensive"]["reads_during"]
    assert during["requests"] > 0
    assert during["errors"] == 0


def test_server_memory_stays_bounded(figures: dict) -> None:
    memory = figures["memory"]
    assert 0 < memory["before_mb"] <= memory["peak_mb"]
    # Generous for a 12 s run: caches and allocator pools still settle; a leak grows faster.
    assert memory["growth_percent"] < 30, memory


def test_a_missing_store_is_refused_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_test.main(["--store", str(tmp_path / "nowhere")])
    assert stopped.value.code == 2
    assert "nowhere: not a store directory" in capsys.readouterr().err


def test_answers_kept_between_requests_follow_an_ingest_through_the_same_store(
    tiny_store: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "store"
    shutil.copytree(tiny_store, copy)
    iris = IriFactory(load_settings().base_iri)
    with EmbeddedStore(copy) as store, SearchIndex(copy / "search.sqlite3") as index:
        index.ensure_current(store)
        documents = {str(d["iri"]) for d in list_documents(store)}
        assert index.search("hoa thuan", kinds=["document"]) == []
        assert index.ensure_current(store) is False

        ingest_paths(store, [SAMPLES / "01-ke-hoach-ubnd-xa-hoa-thuan.txt"], iris=iris)

        added = {str(d["iri"]) for d in list_documents(store)} - documents
        assert len(added) == 1
        assert document_outline(store, URIRef(added.pop()))
        assert index.ensure_current(store) is True
        assert index.search("hoa thuan", kinds=["document"])
