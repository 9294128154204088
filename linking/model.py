"""What the linker reads and returns: candidates to link to and proposed links."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Candidate", "Proposal"]


@dataclass(frozen=True)
class Candidate:
    """Something a commune task may implement: a provincial programme, task or indicator.

    `key` is the programme number ("12") or the IRI of a provincial task or indicator;
    `descriptions` is further wording that describes it (template lines, matching provincial
    tasks and their measures).
    """

    key: str
    title: str
    descriptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """A proposed link from a text to one candidate.

    `confidence` is in [0, 1]; `evidence` lists the shared terms and topics that weigh most,
    most important first (at most eight); `method` names how the link was found.
    """

    key: str
    confidence: float
    evidence: tuple[str, ...]
    method: str
