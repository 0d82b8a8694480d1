"""A story's profile: what an arriving article is compared with, instead of every member.

The profile keeps the sum of its members' unit TF-IDF vectors (each weighted by the document
frequencies when it arrived; the sum's direction is the story's centroid), in how many members
each name and resolved day occurs, and the story's first and last publication dates. Adding a
member updates it in time proportional to the member, not to the story; its `index_keys` (its
heaviest words and its common names) are what the caller indexes to find it again."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.core.analysis.stories.features import StoryFeatures

# Words a profile keeps (its heaviest): bounds storage and comparison whatever the story's size,
# and keeps to what its members share (a centroid of 150 words scored better on stories-dev
# than one of 300 or 600, whose tail is each member's own vocabulary).
MAX_PROFILE_TERMS = 150
# Words and names of a profile indexed to retrieve it.
KEY_TERMS = 16
KEY_NAMES = 12


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class StoryProfile:
    size: int
    vector: dict[str, float]
    names: dict[str, int] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def norm(self) -> float:
        return math.sqrt(sum(x * x for x in self.vector.values())) or 1.0

    def add(self, feats: StoryFeatures, vector: Mapping[str, float]) -> StoryProfile:
        """This profile with one more member (`vector`: its unit TF-IDF vector)."""
        summed = dict(self.vector)
        for w, x in vector.items():
            summed[w] = summed.get(w, 0.0) + x
        if len(summed) > MAX_PROFILE_TERMS:
            summed = dict(sorted(summed.items(), key=lambda kv: -kv[1])[:MAX_PROFILE_TERMS])
        names = dict(self.names)
        for n in feats.names:
            names[n] = names.get(n, 0) + 1
        days = dict(self.days)
        for d in feats.days:
            days[d] = days.get(d, 0) + 1
        dates = [d for d in (self.first, self.last, feats.published) if d is not None]
        return StoryProfile(
            self.size + 1, summed, names, days, min(dates, default=None), max(dates, default=None)
        )

    def merge(self, other: StoryProfile) -> StoryProfile:
        """One profile of two stories found to be one."""
        summed = dict(self.vector)
        for w, x in other.vector.items():
            summed[w] = summed.get(w, 0.0) + x
        summed = dict(sorted(summed.items(), key=lambda kv: -kv[1])[:MAX_PROFILE_TERMS])
        names = dict(self.names)
        for n, k in other.names.items():
            names[n] = names.get(n, 0) + k
        days = dict(self.days)
        for d, k in other.days.items():
            days[d] = days.get(d, 0) + k
        dates = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        return StoryProfile(
            self.size + other.size,
            summed,
            names,
            days,
            min(dates, default=None),
            max(dates, default=None),
        )

    def index_keys(self) -> list[str]:
        """What to index the story by: its heaviest words, and the names most members share."""
        words = sorted(self.vector, key=lambda w: (-self.vector[w], w))[:KEY_TERMS]
        common = sorted(
            (n for n, k in self.names.items() if 2 * k >= self.size),
            key=lambda n: (-self.names[n], n),
        )
        return words + common[:KEY_NAMES]

    def to_json(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "vector": self.vector,
            "names": self.names,
            "days": self.days,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryProfile:
        return cls(
            size=int(data["size"]),
            # Written by `to_json` only (never from an article): taken as it is stored.
            vector=dict(data["vector"]),
            names=dict(data.get("names", {})),
            days=dict(data.get("days", {})),
            first=_date(data.get("first")),
            last=_date(data.get("last")),
        )


EMPTY = StoryProfile(0, {})
