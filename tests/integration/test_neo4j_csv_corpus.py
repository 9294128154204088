"""`mandate neo4j export-csv` on the real corpus writes loadable neo4j-admin files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from tests.conftest import Mandate

_TYPED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:(int|long|float|boolean|string|string\[\])$")


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _check_cell(column: str, value: str) -> None:
    if value == "":
        return
    kind = column.rsplit(":", 1)[-1]
    if kind in ("int", "long"):
        int(value)
    elif kind == "float":
        float(value)
    elif kind == "boolean":
        assert value in ("true", "false"), (column, value)


def test_export_csv_of_the_corpus(corpus_store: Mandate, tmp_path: Path) -> None:
    out = tmp_path / "neo4j"
    result = corpus_store("neo4j", "export-csv", str(out))
    assert result.exit_code == 0, result.output
    node_files = sorted(out.glob("nodes_*.csv"))
    relationship_files = sorted(out.glob("relationships_*.csv"))
    assert node_files and relationship_files
    ids: set[str] = set()
    labels: set[str] = set()
    for path in node_files:
        header, rows = _rows(path)
        assert header[:2] == ["iri:ID(Node)", ":LABEL"], path
        assert all(_TYPED.match(column) for column in header[2:]), (path, header)
        for row in rows:
            assert row[0] not in ids, f"{row[0]} appears in two node files"
            ids.add(row[0])
            labels.update(row[1].split(";"))
            for column, value in zip(header[2:], row[2:], strict=True):
                _check_cell(column, value)
    assert {"Document", "Task", "ProvincialProgramme", "Agency"} <= labels
    types = set()
    for path in relationship_files:
        header, rows = _rows(path)
        assert header[:3] == [":START_ID(Node)", ":END_ID(Node)", ":TYPE"], path
        for row in rows:
            assert row[0] in ids and row[1] in ids, (path.name, row[:3])
            types.add(row[2])
            for column, value in zip(header[3:], row[3:], strict=True):
                _check_cell(column, value)
    assert {"IMPLEMENTS", "CHAIRED_BY", "SOURCE_DOCUMENT"} <= types
    header, _implements = _rows(out / "relationships_IMPLEMENTS.csv")
    assert {"confidence:float", "evidence:string[]", "link:string", "status:string"} <= set(header)
    script = (out / "import.sh").read_text(encoding="utf-8")
    for path in [*node_files, *relationship_files]:
        assert path.name in script


def test_sync_to_an_unreachable_server_is_one_line(corpus_store: Mandate, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "unused")
    result = corpus_store("neo4j", "sync", "--uri", "bolt://127.0.0.1:1")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert "neo4j bolt://127.0.0.1:1" in result.output


def test_names_the_cypher_questions_use_exist_in_the_corpus_projection(
    corpus_store: Mandate,
) -> None:
    from cli.common import settings_for
    from ontology.identifiers import IriFactory
    from projections.property_graph import property_graph
    from queries.cypher import load_cypher
    from store import open_store

    base = IriFactory(settings_for(corpus_store.store).base_iri).base
    store = open_store(corpus_store.store, base_iri=base, read_only=True)
    try:
        pg = property_graph(store)
    finally:
        store.close()
    labels = {"Node"} | {label for node in pg.nodes.values() for label in node.labels}
    types = {rel.type for rel in pg.relationships}
    properties = {"iri"} | {name for node in pg.nodes.values() for name in node.properties}
    properties |= {name for rel in pg.relationships for name in rel.properties}
    for name in ("lineage", "coverage", "responsibility"):
        text = re.sub(r"//[^\n]*", "", load_cypher(name))
        used_types = set(re.findall(r"'([A-Z][A-Z_]+)'|[:|]([A-Z][A-Z_]+)\b", text))
        assert {t for pair in used_types for t in pair if t} <= types, name
        used_labels = set(re.findall(r"[(:]\w*:([A-Z][a-z][A-Za-z]*)", text))
        assert used_labels <= labels, (name, used_labels - labels)
        used_properties = set(re.findall(r"\b(?:[a-z]+)\.([a-z][A-Za-z]*)\b", text))
        assert used_properties <= properties, (name, used_properties - properties)
