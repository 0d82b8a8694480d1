"""Stories kept in the library: which story each article belongs to, and the features it was
matched by (so a later arrival is compared without re-reading bodies).

`StoryStore` is a part the `Library` holds (`library.stories`). Joining one article costs one
look-up in the full-text index (its most distinctive words) and one in the entity index (its
names), a bounded number of candidates, and their stored features — never a pass over the
library. A story whose member was removed is re-formed (its remaining members join again in
order of arrival) the next time stories are read. Features are kept with the analyser version
whose analysis they used and the version of the story-matching code (`stories_version`);
features of other versions are recomputed, and every story re-formed, by `reform`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reader.core.store.errors import LibraryError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from reader.core.analysis.model import Analysis
    from reader.core.analysis.stories import StoryFeatures

# Candidates retrieved per index for one arriving article.
CANDIDATES = 60
# Distinctive words of the article that make its full-text query.
QUERY_TERMS = 24
# Members of a story it is compared with (its most recent).
MEMBERS_COMPARED = 20


class _Host(Protocol):
    """What the store part uses of the `Library` that holds it."""

    @property
    def _con(self) -> sqlite3.Connection: ...

    def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def _errors(self) -> AbstractContextManager[None]: ...

    def get_analysis(self, article_id: int, version: str) -> Analysis | None: ...


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


def _published(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _features_version(version: str) -> str:
    """The version features are kept with: the analyser's, then story matching's."""
    from reader.core.analysis.stories.version import stories_version

    return f"{version}/{stories_version()}"


def _fts_term(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class StoryStore:
    """See the module docstring."""

    def __init__(self, library: _Host) -> None:
        self._lib = library

    # -- document frequencies ----------------------------------------------------------------

    def _idf(self, con: sqlite3.Connection, words: Iterable[str]) -> Callable[[str], float]:
        wanted = list(dict.fromkeys(words))
        df: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for term, doc in con.execute(
                f"SELECT term, doc FROM story_df WHERE term IN ({marks})", chunk
            ):
                df[str(term)] = int(doc)
        n = int(con.execute("SELECT n FROM story_df_total").fetchone()[0])

        def idf(word: str) -> float:
            # Smoothed, and never negative: a word in every article carries nothing.
            return max(0.0, math.log((n + 1) / (df.get(word, 0) + 0.5)))

        return idf

    # -- joining -------------------------------------------------------------------------------

    def _features(self, con: sqlite3.Connection, article_id: int, version: str) -> StoryFeatures:
        from reader.core.analysis.stories import StoryFeatures, story_features

        r = con.execute(
            "SELECT version, data FROM story_features WHERE article_id = ?", (article_id,)
        ).fetchone()
        if r is not None and r[0] == _features_version(version):
            return StoryFeatures.from_json(json.loads(r[1]))
        row = con.execute(
            "SELECT a.title, t.body, a.published FROM articles AS a"
            " JOIN article_text AS t ON t.id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise LibraryError(f"no article {article_id} in the library")
        analysis = self._lib.get_analysis(article_id, version)
        feats = story_features(row[0], row[1], analysis, _published(row[2]))
        con.execute(
            "INSERT INTO story_features (article_id, version, data) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version,"
            " data = excluded.data",
            (
                article_id,
                _features_version(version),
                json.dumps(feats.to_json(), ensure_ascii=False),
            ),
        )
        return feats

    def _candidate_ids(
        self,
        con: sqlite3.Connection,
        article_id: int,
        feats: StoryFeatures,
        idf: Callable[[str], float],
    ) -> list[int]:
        ranked = sorted(
            feats.terms, key=lambda w: (1 + math.log(feats.terms[w])) * idf(w), reverse=True
        )
        ids: list[int] = []
        words = ranked[:QUERY_TERMS]
        if words:
            query = "{title body} : (" + " OR ".join(_fts_term(w) for w in words) + ")"
            ids += [
                int(r[0])
                for r in con.execute(
                    "SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid != ?"
                    " ORDER BY rank LIMIT ?",
                    (query, article_id, CANDIDATES),
                )
            ]
        names = [n.split(":", 1)[1] for n in feats.names]
        phrases = [_fts_term(n) for n in names if n.strip()]
        if phrases:
            ids += [
                int(r[0])
                for r in con.execute(
                    "SELECT rowid FROM entity_fts WHERE entity_fts MATCH ? AND rowid != ?"
                    " ORDER BY rank LIMIT ?",
                    (" OR ".join(phrases[:40]), article_id, CANDIDATES),
                )
            ]
        return list(dict.fromkeys(ids))

    def _join(self, con: sqlite3.Connection, article_id: int, version: str) -> int:
        from reader.core.analysis.stories import Candidate, choose_story
        from reader.core.analysis.stories.similarity import within_window

        feats = self._features(con, article_id, version)
        idf0 = self._idf(con, feats.terms)
        found = self._candidate_ids(con, article_id, feats, idf0)
        stories: dict[int, list[int]] = {}
        if found:
            marks = ",".join("?" * len(found))
            for sid in {
                int(r[0])
                for r in con.execute(
                    f"SELECT story_id FROM story_members WHERE article_id IN ({marks})", found
                )
            }:
                stories[sid] = [
                    int(r[0])
                    for r in con.execute(
                        "SELECT article_id FROM story_members WHERE story_id = ?"
                        " ORDER BY article_id DESC LIMIT ?",
                        (sid, MEMBERS_COMPARED),
                    )
                ]
        candidates: list[Candidate] = []
        words: set[str] = set(feats.terms)
        for sid, members in stories.items():
            for m in members:
                f = self._features(con, m, version)
                if within_window(feats, f):
                    candidates.append(Candidate(sid, f))
                    words.update(f.terms)
        idf = self._idf(con, words)
        story_id, _score = choose_story(feats, candidates, idf)
        if story_id is None:
            story_id = article_id
        con.execute(
            "INSERT INTO story_members (article_id, story_id) VALUES (?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
            (article_id, story_id),
        )
        return story_id

    def join(self, article_ids: Iterable[int], version: str) -> None:
        """Let each article (in the order given) join a story or start one, and store it."""
        with self._lib._write() as con:
            for article_id in article_ids:
                self._join(con, article_id, version)

    def reform(self, version: str) -> int:
        """Re-form the stories that lost a member (removed article) and re-match articles
        whose features came from another analyser `version` or other story-matching code.
        Returns how many re-joined."""
        with self._lib._write() as con:
            dirty = [int(r[0]) for r in con.execute("SELECT story_id FROM stories_dirty")]
            redo: set[int] = set()
            for sid in dirty:
                redo.update(
                    int(r[0])
                    for r in con.execute(
                        "SELECT article_id FROM story_members WHERE story_id = ?", (sid,)
                    )
                )
            stale = [
                int(r[0])
                for r in con.execute(
                    "SELECT article_id FROM story_features WHERE version != ?",
                    (_features_version(version),),
                )
            ]
            if stale:  # analysis or matching changed: every story may change
                redo.update(int(r[0]) for r in con.execute("SELECT article_id FROM story_members"))
            unjoined = [
                int(r[0])
                for r in con.execute(
                    "SELECT a.id FROM articles AS a LEFT JOIN story_members AS m"
                    " ON m.article_id = a.id WHERE m.article_id IS NULL"
                )
            ]
            redo.update(unjoined)
            con.execute("DELETE FROM stories_dirty")
            if not redo:
                return 0
            order = sorted(redo)
            marks = ",".join("?" * len(order))
            con.execute(f"DELETE FROM story_members WHERE article_id IN ({marks})", order)
            con.execute("DELETE FROM stories_dirty")
            for article_id in order:
                self._join(con, article_id, version)
            return len(order)

    # -- reading -------------------------------------------------------------------------------

    def story_of(self, article_id: int) -> list[int]:
        """The ids of the articles in `article_id`'s story (itself included), [] if none."""
        with self._lib._errors():
            return [
                int(r[0])
                for r in self._lib._con.execute(
                    "SELECT m.article_id FROM story_members AS m"
                    " JOIN story_members AS me ON me.story_id = m.story_id"
                    " WHERE me.article_id = ? ORDER BY m.article_id",
                    (article_id,),
                )
            ]

    def stories(self, *, min_size: int = 1) -> list[Story]:
        """Every story, newest first (by its last article's date, then id)."""
        with self._lib._errors():
            rows = self._lib._con.execute(
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
                    sid,
                    lead.title,
                    min(dates, default=None),
                    max(dates, default=None),
                    sources,
                    arts,
                )
            )
        out.sort(key=lambda s: (s.last or "", max(a.id for a in s.articles)), reverse=True)
        return out
