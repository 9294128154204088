"""The `mandate` command line on real files, as a user runs it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef

from exports.registry import EXPORTERS
from ontology.identifiers import IriFactory, Jurisdiction
from ontology.vocabulary import MG, RDF, SKOS, XSD
from store import open_store
from tests.conftest import SAMPLES, Mandate


def test_samples_ingest_and_give_non_zero_statistics(mandate: Mandate) -> None:
    result = mandate("ingest", str(SAMPLES))
    assert result.exit_code == 0, result.output
    assert result.output.count("\nok ") + result.output.startswith("ok ") == 3
    stats = mandate.stats()
    assert stats["documents"] == 3
    assert stats["total_nodes"] > 0 and stats["total_edges"] > 0
    # Two sample plans, plus the provincial plan they cite (a document node of its own).
    assert stats["nodes"]["mg:Plan"] == 3
    assert stats["nodes"]["mg:ActionProgramme"] >= 1
    assert stats["nodes"]["mg:Task"] > 0 and stats["nodes"]["mg:Agency"] > 0


def test_ingesting_the_corpus_twice_gives_identical_statistics(
    mandate: Mandate, corpus_dir: Path
) -> None:
    assert mandate("ingest", str(corpus_dir)).exit_code == 0
    first = mandate("stats", "--json").output
    assert mandate("ingest", str(corpus_dir)).exit_code == 0
    assert mandate("stats", "--json").output == first
    assert json.loads(first)["documents"] == 5


def test_bad_files_get_one_line_each_and_the_rest_of_the_batch_is_ingested(
    mandate: Mandate, tmp_path: Path, corpus_dir: Path
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    good = sorted(corpus_dir.glob("*.txt"))[:2]
    for path in good:
        (batch / path.name).write_bytes(path.read_bytes())
    rng = random.Random(7)
    bad = {
        "empty.txt": b"",
        "noise.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "windows-1258.txt": "Kế hoạch phát triển".encode("cp1258", errors="replace")
        + b"\xd0\xe9\xfe",
        "utf32.txt": "Kế hoạch".encode("utf-32"),
    }
    for name, data in bad.items():
        (batch / name).write_bytes(data)
    scan = tmp_path / "scan.docx"
    scan.write_bytes(bytes(rng.randrange(256) for _ in range(2048)))

    result = mandate("ingest", str(batch), str(scan))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    errors = [line for line in lines if line.startswith("error")]
    assert len(errors) == len(bad) + 1
    for name in [*bad, "scan.docx"]:
        assert sum(name in line for line in errors) == 1, name
    assert lines[-1] == "2 ingested, 5 failed"
    assert "Traceback" not in result.output

    alone = Mandate(tmp_path / "only-good")
    assert alone("ingest", *map(str, good)).exit_code == 0
    assert mandate.stats() == alone.stats()


def test_a_missing_path_is_reported_and_others_go_on(mandate: Mandate, tmp_path: Path) -> None:
    result = mandate("ingest", str(tmp_path / "nowhere.txt"), str(SAMPLES))
    assert result.exit_code == 1
    assert "nowhere.txt: no such file or folder" in result.output
    assert mandate.stats()["documents"] == 3


def test_a_file_given_as_store_is_a_clear_error(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = Mandate(not_a_dir)("ingest", str(SAMPLES))
    assert result.exit_code == 2
    assert "not a directory" in result.output


def _add_task(store_dir: Path, *, chaired: bool, broken_target: bool = False) -> str:
    iris = IriFactory()
    with open_store(str(store_dir), base_iri=iris.base) as store:
        document = URIRef(
            str(store.select("SELECT ?d WHERE { ?d $p ?h } LIMIT 1", {"p": MG.contentHash})[0]["d"])
        )
        task = iris.task(document, "II.1/-1")
        graph = Graph()
        graph.add((task, RDF.type, MG.Task))
        graph.add((task, MG.text, Literal("Rà soát, cập nhật quy hoạch sử dụng đất của xã")))
        graph.add((task, MG.sourceDocument, document))
        graph.add((task, MG.outlinePath, Literal("II.1/-1")))
        for predicate, value in ((MG.spanStart, 5), (MG.spanEnd, 50)):
            graph.add(
                (
                    task,
                    predicate,
                    Literal(
                        value,
                        datatype=XSD.integer,
                    ),
                )
            )
        if chaired:
            agency = iris.agency(Jurisdiction("An Giang", "Hòa Thuận"), "Phòng Kinh tế xã")
            graph.add((agency, RDF.type, MG.Agency))
            graph.add((agency, SKOS.prefLabel, Literal("Phòng Kinh tế xã", lang="vi")))
            graph.add((task, MG.chairedBy, agency))
        if broken_target:
            target = iris.target(task, 1)
            graph.add((target, RDF.type, MG.Target))
            graph.add((target, MG.value, Literal("nhiều")))
        store.replace_graph(URIRef(str(task) + "/test-graph"), graph)
    return str(task)


def test_validate_lists_tasks_missing_clarities(mandate: Mandate) -> None:
    assert mandate("ingest", str(SAMPLES)).exit_code == 0
    task = _add_task(Path(mandate.store), chaired=False)
    result = mandate("validate")
    assert result.exit_code == 0, result.output
    assert task in result.output
    assert "rõ cơ quan chủ trì, phối hợp" in result.output
    assert "Rà soát, cập nhật quy hoạch" in result.output
    assert result.output.strip().splitlines()[-1].endswith("conforms")

    english = mandate("validate", "--json", "--lang", "en")
    findings = json.loads(english.output)["findings"]
    rules = {f["rule"] for f in findings if f["focus"] == task}
    assert "clear lead body (rõ cơ quan chủ trì)" in rules
    assert "clear authority (rõ thẩm quyền)" not in rules, "the sample plan names its issuer"


def test_validate_fails_on_structural_errors(mandate: Mandate) -> None:
    assert mandate("ingest", str(SAMPLES)).exit_code == 0
    _add_task(Path(mandate.store), chaired=True, broken_target=True)
    result = mandate("validate")
    assert result.exit_code == 1
    assert "does not conform" in result.output


def test_exports_parse_back_with_every_statement(mandate: Mandate, tmp_path: Path) -> None:
    assert mandate("ingest", str(SAMPLES)).exit_code == 0
    with open_store(mandate.store, base_iri=IriFactory().base, read_only=True) as store:
        quads = store.quad_count()
        distinct_triples = int(
            store.select(
                "SELECT (COUNT(*) AS ?n) WHERE "
                "{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
            )[0]["n"]
        )
    nquads = tmp_path / "all.nq"
    assert mandate("export", "--format", "nquads", "-o", str(nquads)).exit_code == 0
    assert len(list(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))) == quads
    turtle = mandate("export", "--format", "turtle").output
    assert len(Graph().parse(data=turtle, format="turtle")) == distinct_triples
    jsonld = mandate("export", "--format", "jsonld").output
    dataset = Dataset()
    dataset.parse(data=jsonld, format="json-ld")
    assert (
        sum(
            len(graph)
            for graph in dataset.graphs()
            if graph.identifier != dataset.default_graph.identifier
        )
        == quads
    )
    unknown = mandate("export", "--format", "pdf")
    known = ", ".join(sorted(EXPORTERS))
    assert unknown.exit_code == 2 and f"known: {known}" in unknown.output


def test_extract_prints_the_answer_key_schema_without_a_store(tmp_path: Path) -> None:
    result = Mandate(tmp_path / "unused")(
        "extract", str(SAMPLES / "01-ke-hoach-ubnd-xa-hoa-thuan.txt"), store=False
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {
        "source",
        "document",
        "references",
        "indicators",
        "tasks",
        "programmes",
        "notes",
    }
    assert data["document"]["number"] == "27/KH-UBND"
    assert not (tmp_path / "unused").exists()
