"""Searching the library: what the user typed, turned into one query of the full-text
indexes.

`LibrarySearch` is a part the `Library` holds: it uses the `Database`'s connection and error funnel.
The query language, its parsing and the snippets live in `reader.core.search`, imported only
when a search is made (listing and reading articles do not need it). To keep a keystroke's
cost about the same at any library size, only the SEARCH_CANDIDATES most recently added
matches are ranked; `search_scope` says how many matched and how many were ranked, so the
search screen and the CLI can say "best of the newest 1,000 of 23,456 matches".
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.core.store.column_values import stored_date
from reader.core.store.database import Database

if TYPE_CHECKING:  # the query language is imported only when a search is made
    from reader.core.search import Query

# Broad queries rank (bm25) only the most recently added matches: ranking every article
# that contains "the" costs time proportional to the library.
SEARCH_CANDIDATES = 1000
_TITLE_WEIGHT, _BODY_WEIGHT, _SOURCE_WEIGHT = 4.0, 1.0, 0.0
# The score of a hit whose title has the words, when a broad phrase is ranked without bm25.
_TITLE_BONUS = 1.0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result. `snippet_matches` are (start, end) spans within `snippet`; `score`
    is higher for better matches (0.0 when only filters were given)."""

    id: int
    title: str
    source: str
    published: dt.date | None
    snippet: str
    snippet_matches: list[tuple[int, int]]
    score: float


@dataclass(frozen=True, slots=True)
class SearchScope:
    """How many articles a query matches, and how many of them (the most recently added)
    its results were ranked from."""

    matches: int
    ranked: int

    @property
    def complete(self) -> bool:
        """Whether every match was ranked (the results are the best of all of them)."""
        return self.ranked >= self.matches

    def describe(self) -> str:
        """'' when every match was ranked, else what was: for the screen and the CLI."""
        if self.complete:
            return ""
        return f"best of the newest {self.ranked:,} of {self.matches:,} matches"


class LibrarySearch:
    """The library's search methods (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, query: str | Query, limit: int = 50) -> list[SearchHit]:
        """Articles matching what the user typed, best first (see `reader.core.search` for
        the query language). Any string is safe; an empty query finds nothing.

        Ranking: bm25 (title weighted 4x the body) among the SEARCH_CANDIDATES most recently
        added matches, so a keystroke costs about the same at any library size; a phrase
        matching more articles than that: title matches first, then newest; filters alone:
        newest published first."""
        from reader.core.search import parse_query, snippet  # (not needed to list or read)

        q = parse_query(query) if isinstance(query, str) else query
        if q.is_empty or limit <= 0:
            return []
        text, entities = q.fts_expression(), q.entity_expression()
        params: dict[str, Any] = {
            "text": text,
            "entities": entities,
            "limit": limit,
            "cap": SEARCH_CANDIDATES,
        }
        # Candidates: the most recently added matches, at most SEARCH_CANDIDATES of them
        # (FTS5 walks its index newest first and stops); then the best `limit` of those;
        # only then are titles and bodies read.
        in_entities = "rowid IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH :entities)"
        if q.has_text:
            weights = f"{_TITLE_WEIGHT}, {_BODY_WEIGHT}, {_SOURCE_WEIGHT}"
            candidates = (
                f"SELECT rowid AS id, bm25(article_fts, {weights}) AS rank FROM article_fts"
                " WHERE article_fts MATCH :text"
                + (f" AND {in_entities}" if entities else "")
                + " ORDER BY rowid DESC LIMIT :cap"
            )
            best = "SELECT id, rank FROM candidates ORDER BY rank, id DESC LIMIT :limit"
        else:  # filters only: the newest published first
            if text:
                candidates = "SELECT rowid AS id FROM article_fts WHERE article_fts MATCH :text" + (
                    f" AND {in_entities}" if entities else ""
                )
            else:
                candidates = "SELECT rowid AS id FROM entity_fts WHERE entity_fts MATCH :entities"
            candidates += " ORDER BY rowid DESC LIMIT :cap"
            best = (
                "SELECT c.id AS id, 0.0 AS rank, row_number() OVER"
                " (ORDER BY a.published DESC, a.id DESC) AS position"
                " FROM candidates AS c JOIN articles AS a ON a.id = c.id"
                " ORDER BY a.published DESC, a.id DESC LIMIT :limit"
            )
        order = "best.rank, best.id DESC" if q.has_text else "best.position"
        sql = (
            f"WITH candidates AS MATERIALIZED ({candidates}), best AS MATERIALIZED ({best})"
            " SELECT best.id, a.title, a.source, a.published, t.body, -best.rank FROM best"
            " JOIN articles AS a ON a.id = best.id JOIN article_text AS t ON t.id = best.id"
            f" ORDER BY {order}"
        )
        with self._db.errors():
            rows = None
            if q.has_phrase:
                rows = self._broad_phrase_rows(q, params, f" AND {in_entities}" if entities else "")
            if rows is None:
                rows = self._db.con.execute(sql, params).fetchall()
        hits = []
        for article_id, title, source, published, body, score in rows:
            text_snippet, spans = snippet(q, body)
            hits.append(
                SearchHit(
                    id=article_id,
                    title=title,
                    source=source,
                    published=stored_date(published),
                    snippet=text_snippet,
                    snippet_matches=spans,
                    score=float(score),
                )
            )
        return hits

    def search_scope(self, query: str | Query) -> SearchScope:
        """How many articles `query` matches, and how many `search` ranked its results from
        (at most SEARCH_CANDIDATES, the most recently added). Counting reads the index's
        lists of articles, not the word positions bm25 reads: a few ms on a broad prefix
        at 100,000 articles (bench/README.md)."""
        from reader.core.search import parse_query

        q = parse_query(query) if isinstance(query, str) else query
        text, entities = q.fts_expression(), q.entity_expression()
        if q.is_empty or not (text or entities):  # nothing the index is asked (one letter)
            return SearchScope(0, 0)
        in_entities = "rowid IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH :entities)"
        if text:
            sql = "SELECT count(*) FROM article_fts WHERE article_fts MATCH :text" + (
                f" AND {in_entities}" if entities else ""
            )
        else:
            sql = "SELECT count(*) FROM entity_fts WHERE entity_fts MATCH :entities"
        with self._db.errors():
            matches = int(
                self._db.con.execute(sql, {"text": text, "entities": entities}).fetchone()[0]
            )
        return SearchScope(matches, min(matches, SEARCH_CANDIDATES))

    def _broad_phrase_rows(
        self, q: Query, params: dict[str, Any], in_entities: str
    ) -> list[tuple[Any, ...]] | None:
        """Rows for a query with a phrase ('"said the"', "U.S.", "it's") that matches at
        least SEARCH_CANDIDATES articles, or None for any other. Before ranking, bm25 counts
        every article holding the phrase, which for common words costs time proportional to
        the library; such a phrase is already precise, so the newest matches are ranked by
        whether their title has the query's words, then newest first."""
        con = self._db.con
        ids = [
            r[0]
            for r in con.execute(
                f"SELECT rowid FROM article_fts WHERE article_fts MATCH :text{in_entities}"
                " ORDER BY rowid DESC LIMIT :cap",
                params,
            )
        ]
        if len(ids) < SEARCH_CANDIDATES:
            return None  # few enough for bm25
        from reader.core.search import matches

        rows = con.execute(
            "SELECT a.id, a.title FROM articles AS a"
            " WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        ).fetchall()
        ranked = sorted(
            (
                (_TITLE_BONUS if matches(q, title) else 0.0, article_id)
                for article_id, title in rows
            ),
            reverse=True,
        )[: params["limit"]]
        found = {
            r[0]: r
            for r in con.execute(
                "SELECT a.id, a.title, a.source, a.published, t.body FROM articles AS a"
                " JOIN article_text AS t ON t.id = a.id"
                " WHERE a.id IN (SELECT value FROM json_each(?))",
                (json.dumps([article_id for _, article_id in ranked]),),
            )
        }
        return [(*found[i], score) for score, i in ranked if i in found]
