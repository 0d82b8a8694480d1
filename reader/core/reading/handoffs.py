"""Small values passed between screens: where to jump, and which article a source is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceRef:
    """An article shown in the current reading set: its library id and how to label it."""

    article_id: int
    label: str  # the source name, or a neutral label ("Source A")
    title: str
    published: str  # ISO date or ""


@dataclass(frozen=True, slots=True)
class Jump:
    """Open `article_id` and show body[start:end] (selected and scrolled into view)."""

    article_id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """What the search screen returns: the query to highlight in the open panes, and an
    optional hit to open."""

    query: str
    jump: Jump | None = None
