"""The property-graph dataclasses for unit tests: the real ones when they exist.

`projections/property_graph.py` is written separately; until it lands these stand-ins have
the same fields, so the Neo4j projections can be tested on hand-built graphs.
"""

from __future__ import annotations

from dataclasses import dataclass

try:
    from projections.property_graph import PGNode, PGRelationship, PropertyGraph
except ImportError:

    @dataclass(frozen=True)
    class PGNode:  # type: ignore[no-redef]
        iri: str
        labels: tuple[str, ...]
        properties: dict

    @dataclass(frozen=True)
    class PGRelationship:  # type: ignore[no-redef]
        source: str
        target: str
        type: str
        properties: dict

    @dataclass
    class PropertyGraph:  # type: ignore[no-redef]
        nodes: dict
        relationships: list


__all__ = ["PGNode", "PGRelationship", "PropertyGraph", "sample_graph"]

DOC = "https://example.org/mg/document/16-CTr"
TASK = "https://example.org/mg/task/1"
PROG = "https://example.org/mg/programme/3"
AGENCY = "https://example.org/mg/agency/ubnd"
TRICKY = 'Xã Vĩnh Phong, "nông thôn mới"\nnâng cao'


def sample_graph() -> PropertyGraph:
    nodes = [
        PGNode(DOC, ("Document",), {"title": TRICKY, "number": "16-CTr/TU", "year": 2025}),
        PGNode(TASK, ("Task",), {"text": "Triển khai OCOP; mỗi xã 01 sản phẩm", "order": 1}),
        PGNode(PROG, ("Programme", "ProvincialProgramme"), {"number": "3", "share": 0.5}),
        PGNode(AGENCY, ("Agency",), {"name": "UBND xã", "aliases": ["UBND", "Ủy ban"]}),
    ]
    relationships = [
        PGRelationship(TASK, DOC, "PART_OF", {}),
        PGRelationship(
            TASK,
            PROG,
            "IMPLEMENTS",
            {
                "confidence": 0.82,
                "method": "similarity",
                "status": "auto",
                "link": "https://example.org/mg/link/abc",
                "evidence": ["ocop", "sản phẩm"],
            },
        ),
        PGRelationship(
            DOC,
            PROG,
            "IMPLEMENTS",
            {
                "confidence": 1,
                "method": "stated",
                "status": "confirmed",
                "link": "https://example.org/mg/link/def",
                "evidence": ['Căn cứ, "Chương trình" 3'],
            },
        ),
        PGRelationship(TASK, AGENCY, "CHAIRED_BY", {}),
    ]
    return PropertyGraph({node.iri: node for node in nodes}, relationships)
