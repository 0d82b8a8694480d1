"""What an article brings to story matching: its words (raw term counts, weighted by the
library's document frequencies at comparison time), its named people, places and
organisations, the calendar days it talks about, and when it was published."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reader.core.analysis.model import Analysis

# Words of three letters or more, as FTS5's unicode61 tokenizer folds them (lower case).
_WORD = re.compile(r"[^\W\d_]{3,}")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# How many distinct words an article keeps (its most frequent): bounds storage and comparison.
MAX_TERMS = 400


@dataclass(frozen=True)
class StoryFeatures:
    terms: dict[str, int]
    names: frozenset[str] = field(default_factory=frozenset)
    days: frozenset[str] = field(default_factory=frozenset)
    published: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "terms": self.terms,
            "names": sorted(self.names),
            "days": sorted(self.days),
            "published": self.published.isoformat() if self.published else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryFeatures:
        published = data.get("published")
        return cls(
            terms={str(k): int(v) for k, v in dict(data.get("terms", {})).items()},
            names=frozenset(str(n) for n in data.get("names", [])),
            days=frozenset(str(d) for d in data.get("days", [])),
            published=dt.date.fromisoformat(published) if published else None,
        )


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def story_features(
    title: str, body: str, analysis: Analysis | None, published: dt.date | None
) -> StoryFeatures:
    """The features of one article; the title counts twice (it names the story)."""
    counts = Counter(words(title) * 2 + words(body))
    terms = dict(counts.most_common(MAX_TERMS))
    names: set[str] = set()
    days: set[str] = set()
    if analysis is not None:
        for entity in analysis.entities:
            if entity.kind in ("person", "place", "org") and entity.name:
                names.add(f"{entity.kind}:{entity.name.casefold()}")
        for timex in analysis.dates:
            if not timex.inferred and _DAY.match(timex.value):
                days.add(timex.value)
    return StoryFeatures(terms, frozenset(names), frozenset(days), published)
