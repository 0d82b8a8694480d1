"""What the Stories view asks the core, called from thread workers only (no Textual here):
the stories, which outlets carry each, and which of a story's articles to read side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.store import Library
    from reader.core.store.story_rows import Story


@dataclass(frozen=True)
class Coverage:
    """Which outlets carry a story and which do not. `by` says what an outlet is here:
    "feeds" (the subscribed feeds) or "sources" (the library's sources, when there are no
    feeds)."""

    by: str
    carrying: list[str]
    missing: list[str]


@dataclass(frozen=True)
class StoriesData:
    """The library's stories of two articles or more (`shared`), newest first; every story
    (`every`, the single articles too); the feeds by location with their labels; which feeds
    each article came from; the library's sources."""

    shared: list[Story]
    every: list[Story]
    feeds: dict[str, str] = field(default_factory=dict)
    feeds_of: dict[int, list[str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def shown(self, singles: bool) -> list[Story]:
        return self.every if singles else self.shared

    def coverage(self, story: Story) -> Coverage:
        if self.feeds:
            carried = {f for a in story.articles for f in self.feeds_of.get(a.id, [])}
            return Coverage(
                "feeds",
                [label for loc, label in self.feeds.items() if loc in carried],
                [label for loc, label in self.feeds.items() if loc not in carried],
            )
        own = set(story.sources)
        return Coverage(
            "sources",
            [s for s in self.sources if s in own],
            [s for s in self.sources if s not in own],
        )


def load_stories(library: Library) -> StoriesData:
    """Re-form the stories that changed, then read them all (one query) with the feeds."""
    from reader.core.analysis import analyzer_version

    library.stories.reform(analyzer_version())
    every = library.stories.stories(min_size=1)
    shared = [s for s in every if len(s.articles) >= 2]
    feeds = {f.location: f.title or f.location for f in library.feeds()}
    feeds_of = (
        library.article_feeds(a.id for s in shared for a in s.articles) if feeds and shared else {}
    )
    sources = sorted({src for s in every for src in s.sources}, key=str.casefold)
    return StoriesData(shared, every, feeds, feeds_of, sources)


def _features(library: Library, ids: Sequence[int]) -> dict[int, frozenset[str]]:
    """Names and dates of each article whose analysis is cached (none is computed here)."""
    from reader.core.analysis import analyzer_version
    from reader.core.reading.companions import features

    version = analyzer_version()
    out: dict[int, frozenset[str]] = {}
    for article_id in ids:
        cached = library.get_analysis(article_id, version)
        if cached is not None:
            out[article_id] = features(cached)
    return out


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pick_panes(
    story: Story, limit: int, features: dict[int, frozenset[str]] | None = None
) -> list[int]:
    """Up to `limit` of the story's articles to read side by side: its first article, then
    one per other source, each time the one least like those already chosen (by names and
    dates, when `features` has them); then the rest in order."""
    features = features or {}
    articles = list(story.articles)
    if not articles or limit < 1:
        return []
    lead = next((a for a in articles if a.id == story.id), articles[0])
    chosen = [lead]
    rest = [a for a in articles if a is not lead]
    while rest and len(chosen) < limit:
        sources = {a.source for a in chosen}
        fresh = [a for a in rest if a.source not in sources] or rest

        def likeness(candidate_id: int) -> float:
            mine = features.get(candidate_id, frozenset())
            return max(_similarity(mine, features.get(c.id, frozenset())) for c in chosen)

        best = min(fresh, key=lambda a: (likeness(a.id), fresh.index(a)))
        chosen.append(best)
        rest.remove(best)
    return [a.id for a in chosen]


def panes_for(library: Library, story: Story, limit: int) -> list[int]:
    return pick_panes(story, limit, _features(library, [a.id for a in story.articles]))
