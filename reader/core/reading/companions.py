"""Which articles read best beside a given one: those sharing the most entity names and
dates. Plain data in, ids out; the screen gathers the features in a worker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis


def features(analysis: Analysis) -> frozenset[str]:
    """What an article is about, comparably across sources: names and resolved dates."""
    names = {f"e:{(e.name or e.text).casefold()}" for e in analysis.entities}
    dates = {f"d:{d.value}" for d in analysis.dates if d.value and d.value[:1].isdigit()}
    return frozenset(names | dates)


def closest(target: int, by_id: Mapping[int, frozenset[str]], limit: int = 3) -> list[int]:
    """Up to `limit` ids sharing the most features with `target`, best first (ties: lower
    id last, so newer imports win); ids sharing nothing are left out."""
    mine = by_id.get(target, frozenset())
    scored = [
        (len(mine & theirs), other)
        for other, theirs in by_id.items()
        if other != target and mine & theirs
    ]
    scored.sort(key=lambda pair: (-pair[0], -pair[1]))
    return [other for _, other in scored[:limit]]
