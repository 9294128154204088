"""The plan audit: the province's own rules for commune plans, checked on one ingested document.

The rules, run in the order of `RULES`, each in a module of its own:

- `six_clarities` (`audit_clarity`): which of the "6 rõ" each task lacks, by the SHACL
  shapes of `ontology/shapes.ttl`;
- `mechanical_copy` (`audit_copy`, `copying`): tasks copied near-verbatim from documents of
  a higher level;
- `hamlet_handdown` (`audit_hamlet`): tasks handed to hamlet-level bodies beyond propaganda
  and mobilisation;
- `indicator_collection` (`audit_indicators`): provincial indicators assigned to communes
  that no indicator of the plan implements;
- `deadline` (`audit_deadline`, `audit_timing`): tasks overdue on the audit date, or with no
  deadline to check.

>>> [rule.name for rule in RULES]
['six_clarities', 'mechanical_copy', 'hamlet_handdown', 'indicator_collection', 'deadline']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from rdflib import Literal, URIRef

from ontology.identifiers import IriFactory
from queries.audit_clarity import six_clarities
from queries.audit_copy import mechanical_copy
from queries.audit_deadline import deadline
from queries.audit_hamlet import hamlet_handdown
from queries.audit_indicators import indicator_collection
from queries.audit_model import AuditContext, AuditedDocument, Finding, TaskRecord
from queries.reviews import DEFAULT_MIN_CONFIDENCE
from queries.sparql import load_query
from store import GraphStore

__all__ = [
    "RULES",
    "AuditReport",
    "NotAuditable",
    "Rule",
    "audit_document",
    "load_audited_document",
]


@dataclass(frozen=True)
class Rule:
    """One rule of the audit: its name (as findings carry it), what it reports, and its check."""

    name: str
    title: str
    check: Callable[[AuditContext], list[Finding]]


RULES: tuple[Rule, ...] = (
    Rule("six_clarities", "tasks missing some of the six clarities (6 rõ)", six_clarities),
    Rule("mechanical_copy", "tasks copied from a higher level's text", mechanical_copy),
    Rule("hamlet_handdown", "work handed down to hamlets", hamlet_handdown),
    Rule(
        "indicator_collection",
        "provincial indicators assigned to communes and not collected",
        indicator_collection,
    ),
    Rule("deadline", "tasks overdue or without a deadline", deadline),
)
"""Every rule of the audit, in the order findings are reported."""


class NotAuditable(ValueError):
    """The node is not an ingested document, so it has no tasks to audit."""


@dataclass
class AuditReport:
    """The findings of one audit of one document, in the order of `RULES`."""

    document: AuditedDocument
    findings: list[Finding] = field(default_factory=list)

    def by_rule(self) -> dict[str, list[Finding]]:
        """Return the findings grouped by rule, every rule present, in the order of `RULES`."""
        grouped: dict[str, list[Finding]] = {rule.name: [] for rule in RULES}
        for finding in self.findings:
            grouped.setdefault(finding.rule, []).append(finding)
        return grouped

    def to_json(self) -> dict[str, object]:
        """Return the report as `{"document": {"iri", "title"}, "findings": [...]}`."""
        return {
            "document": {"iri": str(self.document.iri), "title": self.document.title},
            "findings": [finding.to_json() for finding in self.findings],
        }


def _text(value: object) -> str | None:
    return str(value) if value is not None else None


def load_audited_document(store: GraphStore, document: URIRef) -> AuditedDocument:
    """Return what the audit needs to know about `document`.

    Raises NotAuditable when `document` was not ingested (a document only cited, or another
    kind of node).
    """
    rows = store.select(load_query("audit_document"), {"document": document})
    if not rows:
        raise NotAuditable(
            f"{document}: not an ingested document; the audit needs a document whose text "
            "was ingested ('mandate ingest FILE')"
        )
    row = rows[0]
    term_end = row.get("termEnd")
    return AuditedDocument(
        iri=document,
        title=_text(row.get("title")),
        level=_text(row.get("level")),
        unit=URIRef(str(row["unit"])) if "unit" in row else None,
        unit_label=_text(row.get("unitLabel")),
        province=URIRef(str(row["province"])) if "province" in row else None,
        term_end=int(str(term_end)[:4]) if term_end is not None else None,
    )


def _tasks(store: GraphStore, document: URIRef) -> tuple[TaskRecord, ...]:
    tasks: dict[URIRef, TaskRecord] = {}
    for row in store.select(load_query("audit_tasks"), {"document": document}):
        iri = URIRef(str(row["task"]))
        if iri in tasks:
            continue
        due = row.get("deadline")
        value = due.toPython() if isinstance(due, Literal) else None
        tasks[iri] = TaskRecord(
            iri=iri,
            text=str(row.get("text", "")),
            timing=_text(row.get("timing")),
            deadline=value if isinstance(value, date) else None,
        )
    return tuple(tasks.values())


def audit_document(
    store: GraphStore,
    iris: IriFactory,
    document: URIRef,
    *,
    today: date | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> AuditReport:
    """Return the findings of every rule of the audit on the ingested `document`.

    `today` is the date deadlines are judged against (default: the current date);
    `min_confidence` the confidence from which an unreviewed implementation link counts.
    Raises NotAuditable when `document` was not ingested.
    """
    context = AuditContext(
        store=store,
        iris=iris,
        document=load_audited_document(store, document),
        tasks=_tasks(store, document),
        today=today or date.today(),
        min_confidence=min_confidence,
    )
    report = AuditReport(context.document)
    for rule in RULES:
        report.findings.extend(rule.check(context))
    return report
