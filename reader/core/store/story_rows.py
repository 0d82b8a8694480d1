"""Stories as the screens and the CLI read them: each story's articles, sources and dates."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class StoryArticle:
    id: int
    title: str
    source: str
    published: str | None
    path: str
    url: str


@dataclass(frozen=True)
class Story:
    id: int
    title: str
    first: str | None
    last: str | None
    sources: list[str]
    articles: list[StoryArticle]


def read_stories(con: sqlite3.Connection, *, min_size: int = 1) -> list[Story]:
    """Every story of at least `min_size` articles, newest first (by its last article's date,
    then id)."""
    rows = con.execute(
        "SELECT m.story_id, a.id, a.title, a.source, a.published, a.path, a.url"
        " FROM story_members AS m JOIN articles AS a ON a.id = m.article_id"
        " ORDER BY m.story_id, coalesce(a.published, ''), a.id"
    ).fetchall()
    groups: dict[int, list[StoryArticle]] = {}
    for r in rows:
        groups.setdefault(int(r[0]), []).append(
            StoryArticle(int(r[1]), r[2], r[3], r[4], r[5], r[6])
        )
    out: list[Story] = []
    for sid, arts in groups.items():
        if len(arts) < min_size:
            continue
        dates = [a.published for a in arts if a.published]
        sources = list(dict.fromkeys(a.source for a in arts if a.source))
        lead = next((a for a in arts if a.id == sid), arts[0])
        out.append(
            Story(
                sid, lead.title, min(dates, default=None), max(dates, default=None), sources, arts
            )
        )
    out.sort(key=lambda s: (s.last or "", max(a.id for a in s.articles)), reverse=True)
    return out
