"""Which listed programmes apply to a document: some serve only named places.

A provincial list can restrict a programme to some localities ("các đô thị động lực: Long
Xuyên, Châu Đốc, ...", "khu vực biên giới", "Phú Quốc"). Such a programme is a candidate for
a commune document only when the document names one of those places; an unrestricted
programme is always a candidate.
"""

from __future__ import annotations

from collections.abc import Sequence

from vntext import match_key

__all__ = ["applies_to_document"]


def applies_to_document(places: Sequence[str], document_text: str) -> bool:
    """Return whether a programme restricted to `places` applies to a document.

    True when `places` is empty or the document's text names one of them (case, spacing and
    tone placement folded).

    >>> applies_to_document(["Phú Quốc"], "Đặc khu Phú Quốc triển khai ...")
    True
    >>> applies_to_document(["khu vực biên giới"], "Xã Vĩnh Phong phát triển nông nghiệp")
    False
    """
    if not places:
        return True
    text = match_key(document_text)
    return any(match_key(place) in text for place in places if place.strip())
