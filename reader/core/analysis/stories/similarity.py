"""How alike two articles are, for story matching.

The main evidence is the cosine of their TF-IDF word vectors (sub-linear term frequency,
inverse document frequency from the library); shared named people, places and organisations
and shared resolved days add to it, each as an overlap coefficient scaled by its weight. Two
articles published further apart than the window are never the same story."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from reader.core.analysis.stories.features import StoryFeatures

# A story spans days, not months: articles published further apart are different stories.
WINDOW_DAYS = 14
NAME_WEIGHT = 0.15
DAY_WEIGHT = 0.05

Idf = Callable[[str], float]


def vector(terms: Mapping[str, int], idf: Idf) -> dict[str, float]:
    v = {w: (1.0 + math.log(k)) * idf(w) for w, k in terms.items() if k > 0}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items() if x > 0}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared items over the geometric mean of the sizes (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def within_window(a: StoryFeatures, b: StoryFeatures, days: int = WINDOW_DAYS) -> bool:
    """Missing dates (an undated file) never rule a match out."""
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= days


def similarity(
    a: StoryFeatures,
    b: StoryFeatures,
    idf: Idf,
    *,
    vectors: tuple[Mapping[str, float], Mapping[str, float]] | None = None,
) -> float:
    if not within_window(a, b):
        return 0.0
    va, vb = vectors if vectors is not None else (vector(a.terms, idf), vector(b.terms, idf))
    return (
        cosine(va, vb)
        + NAME_WEIGHT * overlap(a.names, b.names)
        + DAY_WEIGHT * overlap(a.days, b.days)
    )
