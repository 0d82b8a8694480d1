"""How alike two articles are, for story matching.

The main evidence is the cosine of their TF-IDF word vectors (sub-linear term frequency,
inverse document frequency from the library); shared named people, places and organisations
and shared resolved days add to it, each as an overlap coefficient scaled by its weight. Two
articles published further apart than the window are never the same story."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping

from reader.core.analysis.stories.features import StoryFeatures
from reader.core.analysis.stories.profile import StoryProfile

# A story spans days, not months: articles published further apart are different stories.
WINDOW_DAYS = 14
NAME_WEIGHT = 0.15
DAY_WEIGHT = 0.05

Idf = Callable[[str], float]


def vector(terms: Mapping[str, int], idf: Idf) -> dict[str, float]:
    v = {w: (1.0 + math.log(k)) * idf(w) for w, k in terms.items() if k > 0}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items() if x > 0}


def cosine(a: Mapping[str, float], b: Mapping[str, float], *, one_word: bool = True) -> float:
    """The cosine of two unit vectors; with `one_word=False`, less the share of the one word
    they agree on most (see `agreement`)."""
    if len(a) > len(b):
        a, b = b, a
    parts = [x * b.get(w, 0.0) for w, x in a.items()]
    return sum(parts) - (0.0 if one_word else max(parts, default=0.0))


def agreement(a: Mapping[str, float], b: Mapping[str, float], *, corroborated: bool) -> float:
    """How much two word vectors agree. One word alone is no story: two short notes titled
    "Filler 1" and "Filler 2" share a rare word and nothing else. Unless something else
    says they are one (a name or a day they share, or a story of several members, whose
    words its members share), the word they agree on most does not count."""
    return cosine(a, b, one_word=corroborated)


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
        agreement(va, vb, corroborated=bool(a.names & b.names or a.days & b.days))
        + NAME_WEIGHT * overlap(a.names, b.names)
        + DAY_WEIGHT * overlap(a.days, b.days)
    )


def weighted_overlap(items: frozenset[str], counts: Mapping[str, int], size: int) -> float:
    """`overlap` against a story, each of its items counted by the share of members that have
    it (a name one member of ten mentions counts a tenth); equal to `overlap` for one member."""
    if not items or not counts or size <= 0:
        return 0.0
    shared = sum(counts.get(n, 0) for n in items) / size
    return shared / math.sqrt(len(items) * sum(counts.values()) / size)


def profile_within_window(a: StoryFeatures, p: StoryProfile, days: int = WINDOW_DAYS) -> bool:
    """Within the window of some member: between the story's first and last dates, widened."""
    if a.published is None or p.first is None or p.last is None:
        return True
    span = dt.timedelta(days=days)
    return p.first - span <= a.published <= p.last + span


def profile_similarity(a: StoryFeatures, vec: Mapping[str, float], p: StoryProfile) -> float:
    """How alike an article (`vec`: its unit TF-IDF vector) and a story are: the cosine with
    the story's centroid, plus its shared names and days weighted by how common they are in it."""
    if not profile_within_window(a, p):
        return 0.0
    names = weighted_overlap(a.names, p.names, p.size)
    days = weighted_overlap(a.days, p.days, p.size)
    corroborated = p.size > 1 or names > 0 or days > 0
    return (
        agreement(vec, p.vector, corroborated=corroborated) / p.norm
        + NAME_WEIGHT * names
        + DAY_WEIGHT * days
    )


def stories_similarity(p: StoryProfile, q: StoryProfile) -> float:
    """How alike two stories are (to merge them): `profile_similarity` with each side a story."""
    if p.first and p.last and q.first and q.last:
        span = dt.timedelta(days=WINDOW_DAYS)
        if q.first > p.last + span or p.first > q.last + span:
            return 0.0
    names = sum(min(p.names.get(n, 0) / p.size, k / q.size) for n, k in q.names.items())
    denominator = math.sqrt(sum(p.names.values()) / p.size * sum(q.names.values()) / q.size)
    corroborated = min(p.size, q.size) > 1 or names > 0
    agree = agreement(p.vector, q.vector, corroborated=corroborated)
    return agree / (p.norm * q.norm) + NAME_WEIGHT * (names / denominator if denominator else 0.0)
