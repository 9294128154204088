"""The `six_clarities` rule: which of the "6 rõ" each task of the audited document lacks.

The rules themselves are the six clarity shapes of `ontology/shapes.ttl` (the node shapes
about every `mg:Task` with severity `sh:Warning`), the same shapes `mandate validate` runs.
The audit runs only those six, with pySHACL, on the statements they read about the audited
document's tasks: running every shape, as `queries.validation.validate_graph` does, costs
more than the rest of the audit together. Findings are grouped per task.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from ontology import SHAPES_FILE
from ontology.vocabulary import MG, RDF, RDFS, SH
from queries.audit_model import AuditContext, Finding
from queries.sparql import load_query

__all__ = ["RULE", "clarity_shapes", "six_clarities"]

RULE = "six_clarities"
_LANG = "en"


def _copy_shape(shapes: Graph, node: Node, into: Graph) -> None:
    """Copy the statements about `node` and, recursively, about the blank nodes it uses."""
    for predicate, value in shapes.predicate_objects(node):
        into.add((node, predicate, value))
        if isinstance(value, BNode):
            _copy_shape(shapes, value, into)


@cache
def clarity_shapes() -> tuple[Graph, dict[Node, str]]:
    """Return the six clarity shapes as a shapes graph, and each one's English label.

    The label reads "clear timing (rõ thời gian)".
    """
    shapes = Graph().parse(SHAPES_FILE)
    subset = Graph()
    labels: dict[Node, str] = {}
    for shape in shapes.subjects(SH.targetClass, MG.Task):
        if (shape, SH.severity, SH.Warning) not in shapes:
            continue
        label = next(
            (
                str(value)
                for value in shapes.objects(shape, RDFS.label)
                if isinstance(value, Literal) and value.language == _LANG
            ),
            str(shape),
        )
        labels[shape] = label
        _copy_shape(shapes, shape, subset)
    return subset, labels


def _clarity_of(shapes: Graph, labels: dict[Node, str], source: Node | None) -> str | None:
    """Return the label of the clarity shape that reported a result from `source`."""
    if source in labels:
        return labels[source]
    holder = shapes.value(predicate=SH.property, object=source)
    return labels.get(holder) if holder is not None else None


def six_clarities(context: AuditContext) -> list[Finding]:
    """Return one finding per task missing any of the six clarities, naming those missing.

    The detail reads "missing 2 of 6 clarities: clear deliverable (rõ sản phẩm); clear timing
    (rõ thời gian)", the clarities in alphabetical order.
    """
    import pyshacl

    data = context.store.construct(
        load_query("audit_clarity_data"), {"document": context.document.iri}
    )
    if not any(data.subjects(RDF.type, MG.Task)) or not context.tasks:
        return []
    shapes, labels = clarity_shapes()
    # `data` is built for this call alone, so pySHACL may work on it without copying it.
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, inplace=True
    )
    missing: dict[str, set[str]] = defaultdict(set)
    for result in results.subjects(RDF.type, SH.ValidationResult):
        clarity = _clarity_of(shapes, labels, results.value(result, SH.sourceShape))
        if clarity is not None:
            missing[str(results.value(result, SH.focusNode))].add(clarity)
    order = sorted(labels.values())
    findings = []
    for task in context.tasks:
        lacking = [label for label in order if label in missing.get(str(task.iri), ())]
        if lacking:
            detail = f"missing {len(lacking)} of {len(order)} clarities: " + "; ".join(lacking)
            findings.append(Finding(RULE, str(task.iri), task.text, detail))
    return findings
