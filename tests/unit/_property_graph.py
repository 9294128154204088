"""A small hand-built property graph for the Neo4j projection tests."""

from __future__ import annotations

from projections.property_graph import PGNode, PGRelationship, PropertyGraph

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
