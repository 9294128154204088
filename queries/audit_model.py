"""What the plan audit works on and what it reports: the audited document, its tasks, findings.

Each rule of the audit (`queries.audit.RULES`) receives one `AuditContext` and returns a list
of `Finding`; the context is loaded once so the rules do not repeat the same queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from ontology.identifiers import IriFactory
from store import GraphStore

__all__ = [
    "LEVEL_RANKS",
    "AuditContext",
    "AuditedDocument",
    "Finding",
    "TaskRecord",
    "level_rank",
]

LEVEL_RANKS: dict[str, int] = {
    "hamlet": 0,
    "commune": 1,
    "district": 2,
    "province": 3,
    "nation": 4,
    "national": 4,
    "central": 4,
}
"""Administrative levels from the lowest; documents compare with those ranked above them."""


def level_rank(level: str | None) -> int | None:
    """Return the rank of an `mg:level` value (0 hamlet ... 4 nation), None when unknown."""
    return LEVEL_RANKS.get(level.strip().casefold()) if level else None


@dataclass(frozen=True)
class Finding:
    """One problem the audit found on one node: which rule, the node, its text and why."""

    rule: str
    node: str
    text: str
    detail: str

    def to_json(self) -> dict[str, str]:
        """Return the finding as the JSON object the `audit` command prints."""
        return {"rule": self.rule, "node": self.node, "text": self.text, "detail": self.detail}


@dataclass(frozen=True)
class AuditedDocument:
    """The ingested document under audit, with where it sits in the administration.

    `level` is the document's `mg:level` ("commune", "province", ...); `unit` the
    administrative unit it applies to, `unit_label` that unit's name and `province` the
    unit's province when the unit is a commune. `term_end` is the last year of its term.
    """

    iri: URIRef
    title: str | None
    level: str | None
    unit: URIRef | None = None
    unit_label: str | None = None
    province: URIRef | None = None
    term_end: int | None = None


@dataclass(frozen=True)
class TaskRecord:
    """One task of the audited document: its text and timing as the graph holds them."""

    iri: URIRef
    text: str
    timing: str | None = None
    deadline: date | None = None


@dataclass(frozen=True)
class AuditContext:
    """Everything a rule needs: the store, the document, its tasks and the audit's settings.

    `today` is the date deadlines are judged against; `min_confidence` the confidence from
    which an unreviewed implementation link counts.
    """

    store: GraphStore
    iris: IriFactory
    document: AuditedDocument
    tasks: tuple[TaskRecord, ...]
    today: date
    min_confidence: float
