"""RDF exports load back: the same graphs and statistics; one document exports alone."""

import json
from pathlib import Path

import pytest

from tests.conftest import Mandate


@pytest.mark.parametrize("format_name,suffix", [("nquads", ".nq"), ("jsonld", ".jsonld")])
def test_export_then_import_into_a_fresh_store_gives_identical_stats(
    corpus_store: Mandate, tmp_path: Path, format_name: str, suffix: str
):
    exported = tmp_path / f"all{suffix}"
    result = corpus_store("export", "--format", format_name, "-o", str(exported))
    assert result.exit_code == 0, result.output
    fresh = Mandate(tmp_path / "fresh")
    loaded = fresh("import", str(exported))
    assert loaded.exit_code == 0, loaded.output
    assert fresh.stats() == corpus_store.stats()


def test_one_document_exports_its_graph_and_links(corpus_store: Mandate, corpus_dir, tmp_path):
    plan = str(next(corpus_dir.glob("001_*")))
    result = corpus_store("export", "--format", "nquads", "--document", plan)
    assert result.exit_code == 0, result.output
    graphs = {line.rsplit(" ", 2)[-2] for line in result.output.splitlines() if line.strip()}
    assert len(graphs) == 3
    assert any("/graph/links/" in graph for graph in graphs)
    assert "qualifiedImplementation" in result.output
    # The bodies the plan assigns tasks to come with their names, from the shared graph.
    shared = [line for line in result.output.splitlines() if "/graph/shared>" in line]
    assert any("/agency/" in line and "prefLabel" in line for line in shared)
    assert "Cao Minh" not in result.output and "Tân Minh" not in result.output
    alone = tmp_path / "plan.jsonld"
    corpus_store("export", "--format", "jsonld", "--document", plan, "-o", str(alone))
    data = json.loads(alone.read_text(encoding="utf-8"))
    assert "@context" in data


def test_a_bad_file_is_refused_and_changes_nothing(mandate: Mandate, tmp_path: Path):
    bad = tmp_path / "broken.nq"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    unknown = tmp_path / "notes.docx"
    unknown.write_bytes(b"PK")
    result = mandate("import", str(bad), str(unknown))
    assert result.exit_code == 1
    assert "broken.nq: not readable" in result.output and "unknown RDF file type" in result.output
    assert mandate.stats()["graphs"] == 0
