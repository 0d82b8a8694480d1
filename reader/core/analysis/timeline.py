"""Events with resolved dates, merged across sources (placeholder until the engine lands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.core.analysis.model import Analysis
from reader.core.article import Article


@dataclass(frozen=True, slots=True)
class EventSource:
    path: str
    start: int
    end: int
    article: int = 0  # index into the list of articles read together


@dataclass(slots=True)
class Event:
    date: str  # ISO date or TIMEX3 value ("2025-10", "2025-Q3")
    end: str  # "" unless a range
    summary: str  # the source's own words, trimmed
    places: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    sources: list[EventSource] = field(default_factory=list)
    inferred: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "end": self.end,
            "summary": self.summary,
            "places": list(self.places),
            "people": list(self.people),
            "sources": [
                {"path": s.path, "start": s.start, "end": s.end, "article": s.article}
                for s in self.sources
            ],
            "inferred": self.inferred,
        }


def build_timeline(items: list[tuple[Article, Analysis]]) -> list[Event]:
    return []
