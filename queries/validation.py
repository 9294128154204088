"""SHACL validation of the store: structural errors and the six clarities of each task."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ontology import ONTOLOGY_FILE, SHAPES_FILE
from ontology.identifiers import IriFactory
from ontology.vocabulary import DCTERMS, MG, RDF, RDFS, SH, SKOS
from store import GraphStore

__all__ = ["Finding", "ValidationReport", "validate_store"]

_DOCUMENT_TRIPLES = """
CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g != $reference) }
"""
_SNIPPET = 120


@dataclass(frozen=True)
class Finding:
    """One problem SHACL found, in words a reviewer can act on."""

    severity: str
    focus: str
    focus_text: str | None
    rule: str
    message: str
    path: str | None = None


@dataclass
class ValidationReport:
    """The findings of one validation run; `conforms` is False only for violations."""

    findings: list[Finding] = field(default_factory=list)
    nodes_checked: int = 0

    @property
    def violations(self) -> list[Finding]:
        """Return the structural errors."""
        return [finding for finding in self.findings if finding.severity == "violation"]

    @property
    def warnings(self) -> list[Finding]:
        """Return the warnings (the six clarities)."""
        return [finding for finding in self.findings if finding.severity == "warning"]

    @property
    def conforms(self) -> bool:
        """Return True when there is no violation (warnings allowed)."""
        return not self.violations

    def by_focus(self, severity: str) -> dict[str, list[Finding]]:
        """Return the findings of `severity` grouped by the node they are about."""
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            if finding.severity == severity:
                grouped[finding.focus].append(finding)
        return dict(grouped)

    def to_json(self) -> dict[str, object]:
        """Return the report as a JSON-ready dictionary."""
        return {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "findings": [finding.__dict__ for finding in self.findings],
        }


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE)


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


def _text(graph: Graph, node: Node, predicates: tuple[URIRef, ...], lang: str) -> str | None:
    fallback = None
    for predicate in predicates:
        for value in graph.objects(node, predicate):
            if isinstance(value, Literal):
                if value.language == lang:
                    return str(value)
                fallback = fallback or str(value)
    return fallback


def _named_shape(shapes: Graph, shape: Node) -> Node:
    """Climb from a nested blank shape to the named shape that holds it."""
    seen = set()
    while isinstance(shape, BNode) and shape not in seen:
        seen.add(shape)
        parent = next(shapes.subjects(SH.property, shape), None)
        if parent is None:
            holder = next(shapes.subjects(RDF.first, shape), None)
            while holder is not None and (rest_of := next(shapes.subjects(RDF.rest, holder), None)):
                holder = rest_of
            parent = next(shapes.subjects(SH["or"], holder), None) if holder is not None else None
        if parent is None:
            break
        shape = parent
    return shape


def _severity(value: Node | None) -> str:
    if value == SH.Warning:
        return "warning"
    if value == SH.Info:
        return "info"
    return "violation"


def _path_text(results: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, BNode):
        return " / ".join(str(item) for item in Collection(results, path))
    return str(path)


def validate_graph(data: Graph, *, lang: str = "vi") -> ValidationReport:
    """Return the SHACL findings for the statements in `data`, in language `lang`."""
    import pyshacl

    shapes = _shapes()
    _conforms, results, _text_report = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=_ontology(),
        inference="none",
        allow_warnings=True,
    )
    report = ValidationReport(nodes_checked=len(set(data.subjects())))
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        shape = _named_shape(shapes, results.value(result, SH.sourceShape))
        message = _text(results, result, (SH.resultMessage,), lang) or _text(
            shapes, shape, (SH.message,), lang
        )
        report.findings.append(
            Finding(
                severity=_severity(results.value(result, SH.resultSeverity)),
                focus=str(focus),
                focus_text=_snippet(data, focus, lang),
                rule=_text(shapes, shape, (RDFS.label,), lang) or str(shape),
                message=message or "constraint not met",
                path=_path_text(results, results.value(result, SH.resultPath)),
            )
        )
    report.findings.sort(key=lambda finding: (finding.severity, finding.focus, finding.rule))
    return report


def _snippet(data: Graph, node: Node | None, lang: str) -> str | None:
    if node is None:
        return None
    text = _text(data, node, (DCTERMS.title, MG.text, SKOS.prefLabel, RDFS.label), lang)
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def validate_store(store: GraphStore, iris: IriFactory, *, lang: str = "vi") -> ValidationReport:
    """Return the SHACL findings over every document graph in `store`."""
    data = store.construct(_DOCUMENT_TRIPLES, {"reference": iris.reference_graph()})
    return validate_graph(data, lang=lang)
