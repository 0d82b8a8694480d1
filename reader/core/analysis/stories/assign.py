"""Which story an arriving article joins.

The caller retrieves candidate stories (from an index of the stories' keys, within the time
window) with their profiles; each is scored by the article's similarity to its profile (the
cosine with the centroid of its members, plus shared names and days), and the article joins
the best story scoring at least the threshold, or starts its own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.core.analysis.stories.features import StoryFeatures
from reader.core.analysis.stories.profile import StoryProfile
from reader.core.analysis.stories.similarity import profile_similarity

THRESHOLD = 0.10
# Two stories (each of two articles or more) at least this alike are one story.
MERGE_THRESHOLD = 0.15


@dataclass(frozen=True)
class Candidate:
    story_id: int
    profile: StoryProfile


def choose_story(
    article: StoryFeatures,
    vector: Mapping[str, float],
    candidates: Iterable[Candidate],
    *,
    threshold: float | None = None,
) -> tuple[int | None, float]:
    """(story id, score) of the story `article` (`vector`: its unit TF-IDF vector) joins,
    or (None, best score)."""
    best_id, best = None, 0.0
    for cand in candidates:
        score = profile_similarity(article, vector, cand.profile)
        if score > best:
            best_id, best = cand.story_id, score
    if best_id is None or best < (THRESHOLD if threshold is None else threshold):
        return None, best
    return best_id, best
