"""Story profiles: a story's centroid, names, days and dates, updated per member, merged, and
compared with an article or another story."""

from __future__ import annotations

import datetime as dt

from reader.core.analysis.stories import EMPTY, story_features, vector
from reader.core.analysis.stories.assign import MERGE_THRESHOLD, THRESHOLD
from reader.core.analysis.stories.profile import MAX_PROFILE_TERMS, StoryProfile
from reader.core.analysis.stories.similarity import profile_similarity, stories_similarity

BRIDGE = (
    "The Harbour bridge over the Tamsin estuary collapsed after the storm; engineers inspected it."
)
COMET = "Astronomers tracking the comet Halvard reported a bright outburst of dust and ice."


def _idf(word: str) -> float:  # as in a library where these words are in every article
    return 0.0 if word in {"the", "and", "after", "over", "again"} else 1.0


def _profile(*texts: tuple[str, int]) -> StoryProfile:
    p = EMPTY
    for text, day in texts:
        f = story_features(text[:20], text, None, dt.date(2024, 3, day))
        p = p.add(f, vector(f.terms, _idf))
    return p


def test_profile_counts_members_dates_and_survives_json() -> None:
    p = _profile((BRIDGE, 3), (BRIDGE + " Again.", 9))
    assert (p.size, p.first, p.last) == (2, dt.date(2024, 3, 3), dt.date(2024, 3, 9))
    assert StoryProfile.from_json(p.to_json()) == p
    assert "bridge" in p.index_keys()
    assert len(p.vector) <= MAX_PROFILE_TERMS


def test_article_and_story_similarity_respect_topic_and_window() -> None:
    story = _profile((BRIDGE, 3), (BRIDGE + " Again.", 4))
    same = story_features("Bridge", BRIDGE + " Later.", None, dt.date(2024, 3, 10))
    late = story_features("Bridge", BRIDGE, None, dt.date(2024, 5, 1))
    other = story_features("Comet", COMET, None, dt.date(2024, 3, 4))
    assert profile_similarity(same, vector(same.terms, _idf), story) >= THRESHOLD
    assert profile_similarity(late, vector(late.terms, _idf), story) == 0.0
    assert profile_similarity(other, vector(other.terms, _idf), story) < THRESHOLD


def test_stories_alike_merge_and_others_do_not() -> None:
    a = _profile((BRIDGE, 3), (BRIDGE + " Again.", 4))
    b = _profile((BRIDGE + " Update.", 5), (BRIDGE + " Later.", 6))
    c = _profile((COMET, 3), (COMET + " Again.", 4))
    assert stories_similarity(a, b) >= MERGE_THRESHOLD
    assert stories_similarity(a, c) < MERGE_THRESHOLD
    merged = a.merge(b)
    assert (merged.size, merged.first, merged.last) == (4, a.first, b.last)
