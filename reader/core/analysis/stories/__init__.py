"""Stories: the same story across outlets, found as each article arrives.

Pure code (no store, no network): `features.py` turns an article and its analysis into what
is compared (its words, people, places, organisations, resolved dates, published date);
`similarity.py` says how alike two articles are; `assign.py` picks, among candidate stories
retrieved from an index by the caller, the one an arriving article joins (or none).
"""

from reader.core.analysis.stories.assign import Candidate, choose_story
from reader.core.analysis.stories.features import StoryFeatures, story_features
from reader.core.analysis.stories.similarity import similarity

__all__ = ["Candidate", "StoryFeatures", "choose_story", "similarity", "story_features"]
