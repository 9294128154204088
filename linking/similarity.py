"""Score a text against candidates and decide which links to propose and accept.

Each candidate becomes one BM25 document of syllable unigrams, bigrams and topic markers, its
title counting more than its descriptions. A text is read sentence by sentence, since a task
paragraph often serves more than one programme, one sentence each. A candidate's confidence
is half wording and half topics:

- wording: its best sentence's fit, the product of coverage (how much of what the sentence
  says, idf-weighted over the terms some candidate knows and over all its topics, this
  candidate accounts for; a sentence about health, which no programme covers, leaves its
  health topic unexplained and fits nothing well) and strength (a saturating curve of the
  raw score, so one shared word is never a strong link);
- topics: every topic mention in the text is evidence for the candidates that are the
  topic's home (`linking.topic_homes`), mentions combining as independent evidence.

Where the text or the candidate has no topic at all, topics say nothing and wording carries
the confidence alone. Acceptance abstains twice over: the best candidate must reach the
threshold and rise above the background of the list (the candidate ranked
`_BACKGROUND_RANK`), since generic wording touches many candidates a little and none much;
a further candidate needs the threshold and a share of the best's confidence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from linking.analysis import is_topic, readable_evidence, sentence_terms, text_terms
from linking.index import TermIndex
from linking.model import Candidate, Proposal
from linking.topic_homes import topic_homes

__all__ = ["LINK_THRESHOLD", "METHOD", "Linker"]

METHOD = "bm25-syllable-ngrams+lexicon"

# How each constant was chosen, and what the threshold means, is in docs/linking.md.
LINK_THRESHOLD = 0.4
# Raw score at which strength reaches 1 - 1/e, in units of one bigram found in only one
# candidate (so the curve means the same for 5 candidates as for 500).
_SCALE = 3.5
# How far the best confidence must rise above the background candidate's.
_MIN_LEAD = 0.1
_BACKGROUND_RANK = 4
# A further candidate is accepted at this share of the best confidence.
_SHARE_OF_BEST = 0.7
# Each mention of a topic is evidence of this strength for the topic's home (scaled by the
# candidate's share of it); at most two mentions count per sentence.
_TOPIC_EVIDENCE = 0.4
_MENTIONS_PER_SENTENCE = 2
# Share of the confidence that comes from wording, the rest from topics.
_WORDING_SHARE = 0.5
# Query weights: a bigram is more specific than a syllable; a topic stands for a whole field.
_UNIGRAM_WEIGHT = 0.3
_BIGRAM_WEIGHT = 1.0
_TOPIC_WEIGHT = 2.0
# Field weights of a candidate profile.
_TITLE_WEIGHT = 2.0
_DESCRIPTION_WEIGHT = 0.5
# A candidate's hold on a topic is weight / (weight + this), saturating like BM25's tf.
_TOPIC_SATURATION = 2.0
_EVIDENCE_LIMIT = 8
# Sentences whose fits a linker remembers before it starts afresh (bounds its memory).
_FITS_REMEMBERED = 20_000


def _query_weight(term: str, count: float) -> float:
    if is_topic(term):
        kind = _TOPIC_WEIGHT
    elif " " in term:
        kind = _BIGRAM_WEIGHT
    else:
        kind = _UNIGRAM_WEIGHT
    # Repeating a term in the query adds little: 1, 1.33, 1.5, ...
    return kind * 2 * count / (count + 1)


def _profile(candidate: Candidate) -> Counter[str]:
    weighted: Counter[str] = Counter()
    for term, count in text_terms(candidate.title).items():
        weighted[term] += _TITLE_WEIGHT * count
    for description in candidate.descriptions:
        for term, count in text_terms(description).items():
            weighted[term] += _DESCRIPTION_WEIGHT * count
    return weighted


@dataclass
class _Standing:
    """What one text has shown for one candidate so far."""

    wording: float = 0.0
    topic_miss: float = 1.0
    # The known query terms of each sentence that matched it, for its evidence.
    queries: list[dict[str, float]] = field(default_factory=list)
    confidence: float = 0.0


class Linker:
    """Proposes which candidates a text implements, by Vietnamese text similarity.

    Building indexes every candidate once; a task paragraph then takes about a millisecond
    against a few dozen candidates.

    >>> linker = Linker([Candidate("1", "Phát triển du lịch"), Candidate("2", "Giáo dục")])
    >>> [p.key for p in linker.accepted("Thu hút khách du lịch, phát triển điểm du lịch")]
    ['1']
    """

    def __init__(
        self, candidates: Sequence[Candidate], *, threshold: float = LINK_THRESHOLD
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be within [0, 1], not {threshold}")
        keys = [candidate.key for candidate in candidates]
        if len(set(keys)) != len(keys):
            raise ValueError("candidate keys must be unique")
        self.candidates = tuple(candidates)
        self.threshold = threshold
        profiles = [_profile(candidate) for candidate in self.candidates]
        self._index = TermIndex(profiles)
        self._scale = _SCALE * self._index.rare_idf
        self._has_topics = [any(is_topic(term) for term in profile) for profile in profiles]
        self._fits: dict[str, tuple[dict[str, float], dict[int, float]]] = {}
        self._homes = topic_homes(
            profiles, title_weight=_TITLE_WEIGHT, saturation=_TOPIC_SATURATION
        )

    def _wording(self, found: Mapping[str, int]) -> tuple[dict[str, float], dict[int, float]]:
        """Return one sentence's known query terms, and each candidate's fit in [0, 1]."""
        query = {term: _query_weight(term, count) for term, count in found.items()}
        index = self._index
        known = {term: weight for term, weight in query.items() if index.contains(term)}
        # An unknown topic counts against every candidate; unknown syllables do not, since
        # most of them are pairs across word boundaries that mean nothing.
        ideal = sum(
            weight * index.best_weight(term)
            for term, weight in query.items()
            if term in known or is_topic(term)
        )
        if ideal <= 0:
            return known, {}
        scale = self._scale
        return known, {
            document: min(1.0, score / ideal) * (1.0 - math.exp(-score / scale))
            for document, score in index.scores(known).items()
        }

    def _sentence_fits(
        self, sentence: str, found: Mapping[str, int]
    ) -> tuple[dict[str, float], dict[int, float]]:
        """Return `_wording` of a sentence, remembered: plans repeat sentences a lot."""
        remembered = self._fits.get(sentence)
        if remembered is None:
            if len(self._fits) >= _FITS_REMEMBERED:
                self._fits.clear()
            remembered = self._fits[sentence] = self._wording(found)
        return remembered

    def _judge(self, text: str) -> list[tuple[int, _Standing]]:
        """Return every candidate sharing something with `text`, best confidence first."""
        standing: dict[int, _Standing] = {}
        text_has_topics = False
        for sentence, found in sentence_terms(text):
            known, fits = self._sentence_fits(sentence, found)
            for document, fit in fits.items():
                entry = standing.get(document)
                if entry is None:
                    entry = standing[document] = _Standing()
                entry.wording = max(entry.wording, fit)
                entry.queries.append(known)
            for term, count in found.items():
                if not is_topic(term):
                    continue
                text_has_topics = True
                mentions = min(count, _MENTIONS_PER_SENTENCE)
                for document, share in self._homes.get(term, ()):
                    entry = standing.setdefault(document, _Standing())
                    entry.topic_miss *= (1.0 - _TOPIC_EVIDENCE * share) ** mentions
        for document, entry in standing.items():
            if text_has_topics and self._has_topics[document]:
                topics = 1.0 - entry.topic_miss
                entry.confidence = _WORDING_SHARE * entry.wording + (1 - _WORDING_SHARE) * topics
            else:
                entry.confidence = entry.wording
        return sorted(standing.items(), key=lambda item: (-item[1].confidence, item[0]))

    def _proposal(self, document: int, entry: _Standing) -> Proposal:
        # What each term contributed is worked out only for the candidates proposed.
        gains: dict[str, float] = {}
        for known in entry.queries:
            for term, gain in self._index.contributions(known, document).items():
                gains[term] = gains.get(term, 0.0) + gain
        return Proposal(
            self.candidates[document].key,
            round(entry.confidence, 4),
            readable_evidence(gains, limit=_EVIDENCE_LIMIT),
            METHOD,
        )

    def propose(self, text: str, *, limit: int = 5) -> list[Proposal]:
        """Return up to `limit` candidates `text` may implement, best first.

        Proposals below the threshold are included (the caller may filter by
        `threshold`); the list is empty when `text` shares no term or topic with any
        candidate.
        """
        return self.decide(text, limit=limit)[1]

    def accepted(self, text: str) -> list[Proposal]:
        """Return the proposals to accept for `text`, best first; [] when none fits.

        The best candidate is accepted when its confidence reaches the threshold and rises
        at least `_MIN_LEAD` above the candidate ranked `_BACKGROUND_RANK`; others follow
        when they reach the threshold and `_SHARE_OF_BEST` of the best confidence.
        """
        return self.decide(text, limit=0)[0]

    def decide(self, text: str, *, limit: int) -> tuple[list[Proposal], list[Proposal]]:
        """Return what `accepted` and `propose(limit=limit)` return, judging `text` once."""
        ranked = self._judge(text)
        proposed = [self._proposal(document, entry) for document, entry in ranked[: max(limit, 0)]]
        return self._accepted(ranked), proposed

    def _accepted(self, ranked: list[tuple[int, _Standing]]) -> list[Proposal]:
        if not ranked:
            return []
        best = ranked[0][1].confidence
        background = (
            ranked[_BACKGROUND_RANK - 1][1].confidence if len(ranked) >= _BACKGROUND_RANK else 0.0
        )
        if best < self.threshold or best - background < _MIN_LEAD:
            return []
        return [
            self._proposal(document, entry)
            for document, entry in ranked
            if entry.confidence >= self.threshold and entry.confidence >= _SHARE_OF_BEST * best
        ]
