"""Which candidates are the home of each topic, and how much.

A topic mention in a task is evidence for the candidates most about that topic: the
education programme for "trường học", not every programme whose measures mention schools
once. A candidate's hold on a topic saturates with its weight (a title naming the field once
holds it nearly as well as one naming it four times); its share is its hold over the
strongest holder's, squared so the topic belongs to the candidates most about it. A topic
only descriptions carry is nobody's home: shares are taken against at least a title's hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from linking.analysis import is_topic

__all__ = ["topic_homes"]


def topic_homes(
    profiles: Sequence[Mapping[str, float]], *, title_weight: float, saturation: float
) -> dict[str, list[tuple[int, float]]]:
    """Return, per topic marker, (candidate position, share in (0, 1]) of its holders.

    `profiles` are the candidates' weighted terms; `title_weight` is what one mention in a
    title weighs there; a hold is weight / (weight + `saturation`).

    >>> homes = topic_homes(
    ...     [{"§tourism": 4.0}, {"§tourism": 0.5}], title_weight=2.0, saturation=2.0
    ... )
    >>> [(position, round(share, 2)) for position, share in homes["§tourism"]]
    [(0, 1.0), (1, 0.09)]
    """
    holds = [
        {term: weight / (weight + saturation) for term, weight in profile.items() if is_topic(term)}
        for profile in profiles
    ]
    floor = title_weight / (title_weight + saturation)
    strongest: dict[str, float] = {}
    for hold in holds:
        for term, value in hold.items():
            strongest[term] = max(strongest.get(term, floor), value)
    homes: dict[str, list[tuple[int, float]]] = {}
    for position, hold in enumerate(holds):
        for term, value in sorted(hold.items()):
            share = value / strongest[term]
            homes.setdefault(term, []).append((position, share * share))
    return homes
