"""Score a text against candidates and decide which links to propose and accept.

Each candidate becomes one BM25 document of syllable unigrams, bigrams and lexicon topics,
its title counting more than its descriptions. A text is scored sentence by sentence, since
a task paragraph often serves more than one programme, one sentence each.

A sentence's fit with a candidate is the product of two shares in [0, 1]:

- coverage: how much of what the sentence says (its terms any candidate knows, and its
  topics, idf-weighted) the candidate accounts for, against an ideal candidate holding each
  of those terms at its best. A sentence about health, which no programme covers, has its
  health topic unexplained and fits nothing well, whatever else it shares in passing;
- strength: a saturating curve of the raw score, so a sentence that shares one word with a
  candidate, however short, is not a strong link.

Acceptance abstains twice over: a sentence's best candidate must reach the threshold and
rise above the background of the list (the candidate ranked `_BACKGROUND_RANK`), since
generic wording touches many candidates a little and none of them much; and an accepted
candidate must carry a share of the paragraph's strongest summed support, so one sentence in
passing does not link a long paragraph to its topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from linking.index import TermIndex
from linking.lexicon import topic_by_name, topics_in_words
from linking.model import Candidate, Proposal
from linking.tokens import segment_terms, segments

__all__ = ["LINK_THRESHOLD", "METHOD", "Linker", "sentences", "text_terms"]

METHOD = "bm25-syllable-ngrams+lexicon"

# See docs/linking.md for how these were chosen on the development plan.
LINK_THRESHOLD = 0.4
# Raw score at which strength reaches 1 - 1/e, in units of one bigram found in only one
# candidate (so the curve means the same for 5 candidates as for 500): about one topic and
# two specific bigrams.
_SCALE = 3.5
_COVERAGE_POWER = 1.0
# How far a sentence's best fit must rise above its background candidate's.
_MIN_LEAD = 0.1
_BACKGROUND_RANK = 4
# A further candidate of a sentence is accepted at this share of the best fit.
_SHARE_OF_BEST = 0.7
# Each mention of a topic in a sentence is evidence of this strength for the candidates that
# are its home (scaled by their share of the topic); mentions combine as independent evidence.
_TOPIC_EVIDENCE = 0.4
# Share of the confidence that comes from wording, the rest from topics.
_WORDING_SHARE = 0.5

_TOPIC_PREFIX = "§"
# Query weights: a bigram is more specific than a syllable; a topic stands for a whole field.
_UNIGRAM_WEIGHT = 0.3
_BIGRAM_WEIGHT = 1.0
_TOPIC_WEIGHT = 2.0
# Field weights of a candidate profile.
_TITLE_WEIGHT = 2.0
_DESCRIPTION_WEIGHT = 0.5
_EVIDENCE_LIMIT = 8
# A candidate's hold on a topic is weight / (weight + this): saturating, like BM25's tf.
_TOPIC_SATURATION = 2.0
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def text_terms(text: str) -> Counter[str]:
    """Return the terms of `text`: syllable unigrams, bigrams and topic markers with counts.

    Topic markers start with "§" followed by the topic name.

    >>> text_terms("nuôi tôm")["§agriculture"]
    1
    """
    pieces = segments(text)
    found = segment_terms(pieces)
    for name, count in topics_in_words([word for piece in pieces for word in piece]).items():
        found[_TOPIC_PREFIX + name] += count
    return found


def sentences(text: str) -> list[str]:
    r"""Return the sentences of `text` (split after ., !, ?, … and at line breaks).

    >>> sentences("Nuôi tôm. Trồng lúa!\nDu lịch")
    ['Nuôi tôm.', 'Trồng lúa!', 'Du lịch']
    """
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece.strip()]


def _query_weight(term: str, count: float) -> float:
    if term.startswith(_TOPIC_PREFIX):
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


def _readable(term: str) -> str:
    if term.startswith(_TOPIC_PREFIX):
        return "chủ đề: " + topic_by_name(term[len(_TOPIC_PREFIX) :]).label
    return term


def _evidence(gains: Mapping[str, float]) -> tuple[str, ...]:
    chosen: list[str] = []
    covered: set[str] = set()
    for term, _gain in sorted(gains.items(), key=lambda part: (-part[1], part[0])):
        if term in covered:
            continue
        if " " in term and not term.startswith(_TOPIC_PREFIX):
            covered.update(term.split(" "))
        chosen.append(_readable(term))
        if len(chosen) == _EVIDENCE_LIMIT:
            break
    return tuple(chosen)


@dataclass
class _Standing:
    """A candidate's standing for one text: best sentence fit, topic evidence, support."""

    fit: float = 0.0
    topic_miss: float = 1.0
    support: float = 0.0
    gains: dict[str, float] = field(default_factory=dict)

    @property
    def topic(self) -> float:
        return 1.0 - self.topic_miss


class Linker:
    """Proposes which candidates a text implements, by Vietnamese text similarity.

    Building indexes every candidate once; `propose` and `accepted` then take well under a
    millisecond for a task sentence against a few dozen candidates.

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
        self._has_topics = [
            any(term.startswith(_TOPIC_PREFIX) for term in profile) for profile in profiles
        ]
        self._affinity = _affinities(profiles)

    def _fits(
        self, found: Mapping[str, float]
    ) -> list[tuple[int, float, float, tuple[tuple[str, float], ...]]]:
        """Return (document, fit, raw score, contributions) for one sentence's terms."""
        query = {term: _query_weight(term, count) for term, count in found.items()}
        known = {term: weight for term, weight in query.items() if self._index.contains(term)}
        # An unknown topic counts against every candidate; unknown syllables do not, since
        # most of them are pairs across word boundaries that mean nothing.
        ideal = sum(
            weight * self._index.best_weight(term)
            for term, weight in query.items()
            if term in known or term.startswith(_TOPIC_PREFIX)
        )
        if ideal <= 0:
            return []
        fits = []
        for match in self._index.search(known):
            coverage = min(1.0, match.score / ideal)
            strength = 1.0 - math.exp(-match.score / self._scale)
            fit = coverage**_COVERAGE_POWER * strength
            fits.append((match.document, fit, match.score, match.contributions))
        fits.sort(key=lambda item: (-item[1], item[0]))
        return fits

    def _judge(self, text: str) -> list[tuple[int, _Standing]]:
        """Return every candidate sharing something with `text`, best confidence first."""
        standing: dict[int, _Standing] = {}
        text_has_topics = False
        for sentence in sentences(text):
            found = text_terms(sentence)
            for document, fit, raw, contributions in self._fits(found):
                entry = standing.setdefault(document, _Standing())
                entry.fit = max(entry.fit, fit)
                entry.support += raw
                for term, gain in contributions:
                    entry.gains[term] = entry.gains.get(term, 0.0) + gain
            for term, count in found.items():
                if not term.startswith(_TOPIC_PREFIX):
                    continue
                text_has_topics = True
                for document, affinity in self._affinity.get(term, ()):
                    entry = standing.setdefault(document, _Standing())
                    entry.topic_miss *= (1.0 - _TOPIC_EVIDENCE * affinity) ** min(count, 2)
        confidence = {
            document: self._confidence(document, entry, text_has_topics=text_has_topics)
            for document, entry in standing.items()
        }
        ranked = sorted(standing.items(), key=lambda item: (-confidence[item[0]], item[0]))
        for document, entry in ranked:
            entry.fit = confidence[document]
        return ranked

    def _confidence(self, document: int, entry: _Standing, *, text_has_topics: bool) -> float:
        # Wording and topics each carry half the confidence; where either side has no topic
        # at all, topics say nothing and wording carries it alone.
        if not text_has_topics or not self._has_topics[document]:
            return entry.fit
        return _WORDING_SHARE * entry.fit + (1.0 - _WORDING_SHARE) * entry.topic

    def _proposal(self, document: int, entry: _Standing) -> Proposal:
        return Proposal(
            self.candidates[document].key, round(entry.fit, 4), _evidence(entry.gains), METHOD
        )

    def propose(self, text: str, *, limit: int = 5) -> list[Proposal]:
        """Return up to `limit` candidates `text` may implement, best first.

        Proposals below the threshold are included (the caller may filter by
        `threshold`); the list is empty when `text` shares no term with any candidate.
        """
        ranked = self._judge(text)
        return [self._proposal(document, entry) for document, entry in ranked[: max(limit, 0)]]

    def accepted(self, text: str) -> list[Proposal]:
        """Return the proposals to accept for `text`, best first; [] when none fits.

        The best candidate is accepted when its confidence reaches the threshold and rises
        at least `_MIN_LEAD` above the candidate ranked `_BACKGROUND_RANK`; others follow
        when they reach the threshold and `_SHARE_OF_BEST` of the best confidence.
        """
        ranked = self._judge(text)
        if not ranked:
            return []
        best = ranked[0][1].fit
        background = ranked[_BACKGROUND_RANK - 1][1].fit if len(ranked) >= _BACKGROUND_RANK else 0.0
        if best < self.threshold or best - background < _MIN_LEAD:
            return []
        return [
            self._proposal(document, entry)
            for document, entry in ranked
            if entry.fit >= self.threshold and entry.fit >= _SHARE_OF_BEST * best
        ]


def _affinities(profiles: Sequence[Mapping[str, float]]) -> dict[str, list[tuple[int, float]]]:
    """Return, per topic, each candidate's share of it, squared, best holder 1.

    A candidate's hold on a topic saturates (a title naming the field once holds it nearly
    as well as one naming it four times); the share is squared so a topic belongs to the
    candidates most about it. A topic only descriptions carry is nobody's home: shares are
    taken against at least a title's hold.
    """
    holds: list[dict[str, float]] = [
        {
            term: weight / (weight + _TOPIC_SATURATION)
            for term, weight in profile.items()
            if term.startswith(_TOPIC_PREFIX)
        }
        for profile in profiles
    ]
    floor = _TITLE_WEIGHT / (_TITLE_WEIGHT + _TOPIC_SATURATION)
    strongest: dict[str, float] = {}
    for hold in holds:
        for term, value in hold.items():
            strongest[term] = max(strongest.get(term, floor), value)
    shares: dict[str, list[tuple[int, float]]] = {}
    for document, hold in enumerate(holds):
        for term, value in sorted(hold.items()):
            share = value / strongest[term]
            shares.setdefault(term, []).append((document, share * share))
    return shares
