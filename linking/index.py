"""A small BM25 index over weighted term counts, with per-term contributions for evidence."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Match", "TermIndex"]


@dataclass(frozen=True)
class Match:
    """One document's score for a query and what each shared term contributed."""

    document: int
    score: float
    contributions: tuple[tuple[str, float], ...]


class TermIndex:
    """BM25 over documents given as weighted term counts.

    Counts may be fractional: a document built from fields of different weight passes the
    weighted sum. `k1` saturates repeated terms; `b` sets how much longer documents are
    discounted (profiles enriched with more wording should not win by length alone, nor
    lose everything for it).
    """

    def __init__(
        self, documents: Sequence[Mapping[str, float]], *, k1: float = 1.2, b: float = 0.3
    ) -> None:
        self.size = len(documents)
        lengths = [sum(doc.values()) for doc in documents]
        average = (sum(lengths) / len(lengths)) if lengths else 0.0
        frequency: dict[str, int] = {}
        for doc in documents:
            for term in doc:
                frequency[term] = frequency.get(term, 0) + 1
        self._idf = {term: self._inverse(df) for term, df in frequency.items()}
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for number, (doc, length) in enumerate(zip(documents, lengths, strict=True)):
            norm = k1 * (1 - b + b * (length / average if average else 1.0))
            for term in sorted(doc):
                count = doc[term]
                if count <= 0:
                    continue
                weight = self._idf[term] * count * (k1 + 1) / (count + norm)
                self._postings.setdefault(term, []).append((number, weight))
        self._weights: list[dict[str, float]] = [{} for _ in documents]
        for term, postings in self._postings.items():
            for document, weight in postings:
                self._weights[document][term] = weight
        self._best = {
            term: max(weight for _document, weight in postings)
            for term, postings in self._postings.items()
        }

    def _inverse(self, df: int) -> float:
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    @property
    def rare_idf(self) -> float:
        """Return the inverse document frequency of a term found in exactly one document."""
        return self._inverse(1)

    def idf(self, term: str) -> float:
        """Return the inverse document frequency of `term` (that of an unseen term if absent)."""
        return self._idf.get(term, self._inverse(0))

    def best_weight(self, term: str) -> float:
        """Return the most any document scores for `term` at query weight 1.

        For a term no document has, the weight of a rare term met once by a document of
        average length: what an ideal candidate for that term would score.
        """
        best = self._best.get(term)
        return best if best is not None else self.idf(term)

    def contains(self, term: str) -> bool:
        """Return whether any document has `term`."""
        return term in self._postings

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """Return each document sharing a term with `query` and its score (unordered).

        `query` maps each term to its weight in the query. Cheaper than `search`, which
        also says what each term contributed.
        """
        scores: dict[int, float] = {}
        postings = self._postings
        for term, weight in query.items():
            for document, term_weight in postings.get(term, ()):
                scores[document] = scores.get(document, 0.0) + weight * term_weight
        return scores

    def contributions(self, query: Mapping[str, float], document: int) -> dict[str, float]:
        """Return what each term of `query` contributes to `document`'s score."""
        weights = self._weights[document]
        return {term: weight * weights[term] for term, weight in query.items() if term in weights}

    def search(self, query: Mapping[str, float]) -> list[Match]:
        """Return the documents sharing a term with `query`, best first (ties by position).

        `query` maps each term to its weight in the query.
        """
        scores: dict[int, float] = {}
        parts: dict[int, list[tuple[str, float]]] = {}
        for term in sorted(query):
            weight = query[term]
            for document, term_weight in self._postings.get(term, ()):
                gain = weight * term_weight
                scores[document] = scores.get(document, 0.0) + gain
                parts.setdefault(document, []).append((term, gain))
        ranked = sorted(scores, key=lambda document: (-scores[document], document))
        return [
            Match(
                document,
                scores[document],
                tuple(sorted(parts[document], key=lambda part: (-part[1], part[0]))),
            )
            for document in ranked
        ]
