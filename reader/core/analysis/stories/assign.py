"""Which story an arriving article joins.

The caller retrieves candidate articles (from the full-text and entity indexes, within the
time window) and groups them by story; each story is scored by the article's similarity to
its members — the mean of the best and the average, so that one close member is not enough
to pull an article into a story it otherwise shares little with (chaining) — and the article
joins the best story scoring at least the threshold, or starts its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.analysis.stories.features import StoryFeatures
from reader.core.analysis.stories.similarity import Idf, similarity, vector

THRESHOLD = 0.10


@dataclass(frozen=True)
class Candidate:
    story_id: int
    features: StoryFeatures


def choose_story(
    article: StoryFeatures,
    candidates: Iterable[Candidate],
    idf: Idf,
    *,
    threshold: float | None = None,
) -> tuple[int | None, float]:
    """(story id, score) of the story `article` joins, or (None, best score)."""
    mine = vector(article.terms, idf)
    scores: dict[int, list[float]] = {}
    for cand in candidates:
        s = similarity(
            article, cand.features, idf, vectors=(mine, vector(cand.features.terms, idf))
        )
        scores.setdefault(cand.story_id, []).append(s)
    best_id, best = None, 0.0
    for story_id, values in scores.items():
        score = (max(values) + sum(values) / len(values)) / 2
        if score > best:
            best_id, best = story_id, score
    if best_id is None or best < (THRESHOLD if threshold is None else threshold):
        return None, best
    return best_id, best
