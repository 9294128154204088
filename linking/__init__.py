"""Propose which provincial programmes, tasks or indicators a commune task implements.

A pure library: candidates in, proposals out, no store. See docs/linking.md.
"""

from linking.model import Candidate, Proposal
from linking.profiles import build_item_candidates, build_programme_candidates
from linking.similarity import LINK_THRESHOLD, METHOD, Linker

__all__ = [
    "LINK_THRESHOLD",
    "METHOD",
    "Candidate",
    "Linker",
    "Proposal",
    "build_item_candidates",
    "build_programme_candidates",
]
