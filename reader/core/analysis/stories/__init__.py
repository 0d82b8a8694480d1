"""Stories: the same story across outlets, found as each article arrives.

Pure code (no store, no network): `features.py` turns an article and its analysis into what
is compared (its words, people, places, organisations, resolved dates, published date);
`profile.py` is what a story keeps of its members (centroid, names, days, dates, index keys);
`similarity.py` says how alike an article is to another or to a story; `assign.py` picks,
among candidate stories retrieved from an index by the caller, the one an arriving article
joins (or none).
"""

from reader.core.analysis.stories.assign import Candidate, choose_story
from reader.core.analysis.stories.features import StoryFeatures, story_features
from reader.core.analysis.stories.profile import EMPTY, StoryProfile
from reader.core.analysis.stories.similarity import similarity, vector

__all__ = [
    "EMPTY",
    "Candidate",
    "StoryFeatures",
    "StoryProfile",
    "choose_story",
    "similarity",
    "story_features",
    "vector",
]
