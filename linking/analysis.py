"""Read a text the way the linker compares it: sentences of syllable terms and topic markers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from linking.lexicon import topic_by_name, topics_in_words
from linking.tokens import segment_terms, segments

__all__ = [
    "TOPIC_PREFIX",
    "is_topic",
    "readable_evidence",
    "sentence_terms",
    "sentences",
    "text_terms",
]

TOPIC_PREFIX = "§"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentences(text: str) -> list[str]:
    r"""Return the sentences of `text` (split after ., !, ?, … and at line breaks).

    >>> sentences("Nuôi tôm. Trồng lúa!\nDu lịch")
    ['Nuôi tôm.', 'Trồng lúa!', 'Du lịch']
    """
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece.strip()]


def text_terms(text: str) -> Counter[str]:
    """Return the terms of `text`: syllable unigrams, bigrams and topic markers with counts.

    A topic marker is `TOPIC_PREFIX` followed by the topic's name.

    >>> text_terms("nuôi tôm")["§agriculture"]
    1
    """
    pieces = segments(text)
    found = segment_terms(pieces)
    for name, count in topics_in_words([word for piece in pieces for word in piece]).items():
        found[TOPIC_PREFIX + name] += count
    return found


# Commune plans repeat provincial wording and each other; a sentence is analysed once.
@lru_cache(maxsize=1 << 16)
def sentence_terms(text: str) -> tuple[tuple[str, Mapping[str, int]], ...]:
    """Return each sentence of `text` with its terms, read-only (shared by every caller).

    >>> [(sentence, terms["tôm"]) for sentence, terms in sentence_terms("Nuôi tôm. Bán tôm")]
    [('Nuôi tôm.', 1), ('Bán tôm', 1)]
    """
    return tuple(
        (sentence, MappingProxyType(text_terms(sentence))) for sentence in sentences(text)
    )


def is_topic(term: str) -> bool:
    """Return whether `term` is a topic marker rather than syllables."""
    return term.startswith(TOPIC_PREFIX)


def readable_evidence(gains: Mapping[str, float], *, limit: int) -> tuple[str, ...]:
    """Return up to `limit` terms, largest gain first, as a reader would want them.

    Topic markers become "chủ đề: <label>"; a syllable already shown inside a bigram is not
    repeated on its own.

    >>> readable_evidence({"thủy sản": 3.0, "thủy": 1.0, "§agriculture": 2.0}, limit=8)
    ('thủy sản', 'chủ đề: nông nghiệp, thủy sản')
    """
    chosen: list[str] = []
    shown: set[str] = set()
    for term, _gain in sorted(gains.items(), key=lambda part: (-part[1], part[0])):
        if term in shown:
            continue
        if is_topic(term):
            chosen.append("chủ đề: " + topic_by_name(term[len(TOPIC_PREFIX) :]).label)
        else:
            shown.update(term.split(" "))
            chosen.append(term)
        if len(chosen) == limit:
            break
    return tuple(chosen)
