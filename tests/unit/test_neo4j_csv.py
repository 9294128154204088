"""The neo4j-admin CSV files follow the documented header format and round-trip."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from projections.neo4j_csv import InvalidCsvName, column_types, write_neo4j_csv
from tests.unit._property_graph import (
    DOC,
    TRICKY,
    PGNode,
    PropertyGraph,
    sample_graph,
)

_TYPED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:(int|long|float|boolean|string|string\[\])$")


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def written(tmp_path: Path) -> list[Path]:
    return write_neo4j_csv(sample_graph(), tmp_path)


def test_files_are_nodes_then_relationships_then_script(written: list[Path]) -> None:
    names = [path.name for path in written]
    assert names[-1] == "import.sh"
    assert "nodes_Programme_ProvincialProgramme.csv" in names
    assert {"relationships_IMPLEMENTS.csv", "relationships_PART_OF.csv"} <= set(names)


def test_node_headers_use_the_id_space_label_and_typed_names(written: list[Path]) -> None:
    for path in written:
        if path.name.startswith("nodes_"):
            header, _rows = _read(path)
            assert header[:2] == ["iri:ID(Node)", ":LABEL"]
            assert all(_TYPED.match(column) for column in header[2:]), header


def test_relationship_ends_exist_among_node_ids(written: list[Path]) -> None:
    ids = set()
    for path in written:
        if path.name.startswith("nodes_"):
            ids |= {row["iri:ID(Node)"] for row in _read(path)[1]}
    assert len(ids) == 4
    for path in written:
        if path.name.startswith("relationships_"):
            header, rows = _read(path)
            assert header[:3] == [":START_ID(Node)", ":END_ID(Node)", ":TYPE"]
            assert all(_TYPED.match(column) for column in header[3:]), header
            for row in rows:
                assert row[":START_ID(Node)"] in ids and row[":END_ID(Node)"] in ids


def test_implements_columns_have_one_type_each(tmp_path: Path) -> None:
    write_neo4j_csv(sample_graph(), tmp_path)
    header, rows = _read(tmp_path / "relationships_IMPLEMENTS.csv")
    assert header[3:] == [
        "confidence:float",
        "evidence:string[]",
        "link:string",
        "method:string",
        "status:string",
    ]
    assert sorted(float(row["confidence:float"]) for row in rows) == [0.82, 1.0]
    evidence = {row["evidence:string[]"] for row in rows}
    assert "ocop;sản phẩm" in evidence
    assert 'Căn cứ, "Chương trình" 3' in evidence


def test_comma_quote_newline_and_vietnamese_round_trip(tmp_path: Path) -> None:
    write_neo4j_csv(sample_graph(), tmp_path)
    _header, rows = _read(tmp_path / "nodes_Document.csv")
    assert rows == [
        {
            "iri:ID(Node)": DOC,
            ":LABEL": "Document",
            "number:string": "16-CTr/TU",
            "title:string": TRICKY,
            "year:int": "2025",
        }
    ]
    raw = (tmp_path / "nodes_Document.csv").read_text(encoding="utf-8")
    assert '"Xã Vĩnh Phong, ""nông thôn mới""\nnâng cao"' in raw


def test_multiple_labels_are_joined_with_the_array_delimiter(tmp_path: Path) -> None:
    write_neo4j_csv(sample_graph(), tmp_path)
    _header, rows = _read(tmp_path / "nodes_Programme_ProvincialProgramme.csv")
    assert rows[0][":LABEL"] == "Programme;ProvincialProgramme"
    _header, rows = _read(tmp_path / "nodes_Agency.csv")
    assert rows[0]["aliases:string[]"] == "UBND;Ủy ban"


def test_mixed_values_are_coerced_to_one_column_type(tmp_path: Path) -> None:
    graph = PropertyGraph(
        {
            "urn:a": PGNode("urn:a", ("Task",), {"order": 1, "flag": True, "note": 2}),
            "urn:b": PGNode("urn:b", ("Task",), {"order": 2.5, "flag": False, "note": "x"}),
        },
        [],
    )
    write_neo4j_csv(graph, tmp_path)
    header, rows = _read(tmp_path / "nodes_Task.csv")
    assert header[2:] == ["flag:boolean", "note:string", "order:float"]
    assert [row["order:float"] for row in rows] == ["1.0", "2.5"]
    assert [row["flag:boolean"] for row in rows] == ["true", "false"]


def test_array_delimiter_changes_when_a_value_holds_a_semicolon(tmp_path: Path) -> None:
    graph = PropertyGraph({"urn:a": PGNode("urn:a", ("Task",), {"evidence": ["a;b", "c"]})}, [])
    written = write_neo4j_csv(graph, tmp_path)
    _header, rows = _read(tmp_path / "nodes_Task.csv")
    assert rows[0]["evidence:string[]"] == "a;b|c"
    assert "'--array-delimiter=|'" in written[-1].read_text(encoding="utf-8")


def test_import_script_names_every_file(written: list[Path]) -> None:
    script = written[-1].read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script.replace(" \\\n  ", " ")
    for path in written[:-1]:
        kind = "nodes" if path.name.startswith("nodes_") else "relationships"
        assert f"--{kind}={path.name}" in script
    assert "--multiline-fields=true" in script


def test_dangling_relationships_are_left_out(tmp_path: Path) -> None:
    graph = sample_graph()
    graph.nodes.pop(DOC)
    written = write_neo4j_csv(graph, tmp_path)
    assert not (tmp_path / "relationships_PART_OF.csv").exists()
    assert "left out" in written[-1].read_text(encoding="utf-8")


def test_a_header_unsafe_property_name_is_refused(tmp_path: Path) -> None:
    graph = PropertyGraph({"urn:a": PGNode("urn:a", ("Task",), {"bad:name": "x"})}, [])
    with pytest.raises(InvalidCsvName):
        write_neo4j_csv(graph, tmp_path)


def test_column_types_doctest_example() -> None:
    assert column_types([{"a": 1}, {"a": True}]) == {"a": "string"}


def test_integers_beyond_32_bits_are_long() -> None:
    assert column_types([{"a": 1}, {"a": 2**40}]) == {"a": "long"}
    assert column_types([{"a": 2**40}, {"a": 0.5}]) == {"a": "float"}
