"""Stories kept in the library: which story each article belongs to, and the features it was
matched by (so a later arrival is compared without re-reading bodies).

`StoryStore` is a part the `Library` holds (`library.stories`). Each story keeps a profile
(its members' centroid, names, days and dates: `StoryProfile`) and is indexed by its keys (its
heaviest words and common names) with its last date. Joining one article costs one look-up of
its own distinctive words and names in that key index, restricted to stories within the time
window, a bounded number of candidate profiles, and one profile update — never a pass over the
library or over a story's members. A story whose member was removed is re-formed (its remaining members join again in
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
from typing import TYPE_CHECKING

from reader.core.store.analysis_cache import AnalysisCache
from reader.core.store.database import Database
from reader.core.store.errors import LibraryError
from reader.core.store.packing import pack_json, unpack
from reader.core.store.story_rows import Story, read_stories

if TYPE_CHECKING:
    from reader.core.analysis.stories import StoryFeatures, StoryProfile

# Stories an arriving article is compared with (those sharing the most keys with it).
CANDIDATE_STORIES = 6
# Stories read per key (its newest within the window): bounds a look-up whatever the size of
# the library, as a common word or name is in many stories.
STORIES_PER_KEY = 20
# Distinctive words and names of the article it looks stories up by.
QUERY_TERMS = 16
QUERY_NAMES = 16
# The `last` of a story none of whose articles is dated: within every window.
UNDATED = "9999-12-31"


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


def _last(profile: StoryProfile) -> str:
    return profile.last.isoformat() if profile.last else UNDATED


def _drop_keys(con: sqlite3.Connection, story_id: int, stored: StoryProfile | None) -> None:
    """Remove the keys the story was indexed by, `stored` being its stored profile: each by
    its whole primary key, so the key index needs no second index by story (it was 0.9 of
    the 20 MB of a 2,000-article library; bench/README.md, "Disk")."""
    if stored is not None:
        con.executemany(
            "DELETE FROM story_keys WHERE key = ? AND last = ? AND story_id = ?",
            [(k, _last(stored), story_id) for k in stored.index_keys()],
        )


class StoryStore:
    """See the module docstring."""

    def __init__(self, db: Database, analyses: AnalysisCache) -> None:
        self._db = db
        self._analyses = analyses

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
        from reader.core.analysis.stories.background import smoothed_idf

        # The library's counts on a background of English: common words weigh little even
        # in a library of two articles (see `background`).
        return smoothed_idf(df, n)

    # -- joining -------------------------------------------------------------------------------

    def _features(self, con: sqlite3.Connection, article_id: int, version: str) -> StoryFeatures:
        from reader.core.analysis.stories import StoryFeatures, story_features

        r = con.execute(
            "SELECT version, data FROM story_features WHERE article_id = ?", (article_id,)
        ).fetchone()
        current = r is not None and (
            r[0] == _features_version(version)
            or (r[0] == _features_version("") and not self._analysed(con, article_id, version))
        )
        if r is not None and current:
            return StoryFeatures.from_json(json.loads(unpack(r[1])))
        row = con.execute(
            "SELECT a.title, t.body, a.published FROM articles AS a"
            " JOIN article_text AS t ON t.id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise LibraryError(f"no article {article_id} in the library")
        analysis = self._analyses.get_analysis(article_id, version)
        feats = story_features(row[0], row[1], analysis, _published(row[2]))
        con.execute(
            "INSERT INTO story_features (article_id, version, data) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version,"
            " data = excluded.data",
            (
                article_id,
                # Made without an analysis: valid until one of `version` is made (opened).
                _features_version(version if analysis is not None else ""),
                pack_json(feats.to_json()),
            ),
        )
        return feats

    @staticmethod
    def _analysed(con: sqlite3.Connection, article_id: int, version: str) -> bool:
        return (
            con.execute(
                "SELECT 1 FROM analyses WHERE article_id = ? AND version = ?", (article_id, version)
            ).fetchone()
            is not None
        )

    def _query_keys(self, feats: StoryFeatures, idf: Callable[[str], float]) -> list[str]:
        """The article's most distinctive words (by TF-IDF) and its names."""
        ranked = sorted(
            feats.terms, key=lambda w: ((1 + math.log(feats.terms[w])) * idf(w), w), reverse=True
        )
        return ranked[:QUERY_TERMS] + sorted(feats.names)[:QUERY_NAMES]

    def _candidate_stories(
        self, con: sqlite3.Connection, published: dt.date | None, keys: list[str]
    ) -> list[int]:
        """Stories sharing the most keys with an article published on `published` (or a
        story first published then), among those whose last article is within the window of
        it: one bounded range of the key index per key, never the library."""
        from reader.core.analysis.stories.similarity import WINDOW_DAYS

        if not keys:
            return []
        since = (published - dt.timedelta(days=WINDOW_DAYS)).isoformat() if published else ""
        dirty = {int(r[0]) for r in con.execute("SELECT story_id FROM stories_dirty")}
        hits: dict[int, int] = {}
        for key in dict.fromkeys(keys):  # each key: its newest stories in the window, at most
            for (sid,) in con.execute(
                "SELECT story_id FROM story_keys WHERE key = ? AND last >= ?"
                " ORDER BY last DESC LIMIT ?",
                (key, since, STORIES_PER_KEY),
            ):
                if sid not in dirty:
                    hits[sid] = hits.get(sid, 0) + 1
        ranked = sorted(hits, key=lambda sid: (hits[sid], sid), reverse=True)
        return ranked[: CANDIDATE_STORIES + 1]  # one more: a story looking for others finds itself

    def _profiles(self, con: sqlite3.Connection, story_ids: list[int]) -> dict[int, StoryProfile]:
        from reader.core.analysis.stories import StoryProfile

        if not story_ids:
            return {}
        marks = ",".join("?" * len(story_ids))
        return {
            int(r[0]): StoryProfile.from_json(json.loads(unpack(r[1])))
            for r in con.execute(
                f"SELECT story_id, data FROM story_profiles WHERE story_id IN ({marks})",
                story_ids,
            )
        }

    def _stored_profile(self, con: sqlite3.Connection, story_id: int) -> StoryProfile | None:
        return self._profiles(con, [story_id]).get(story_id)

    def _save_profile(
        self,
        con: sqlite3.Connection,
        story_id: int,
        profile: StoryProfile,
        old: StoryProfile | None,
    ) -> None:
        """Store the story's profile and its keys in place of `old`, the profile it had
        stored (None: it had none)."""
        con.execute(
            "INSERT INTO story_profiles (story_id, data) VALUES (?, ?)"
            " ON CONFLICT (story_id) DO UPDATE SET data = excluded.data",
            (story_id, pack_json(profile.to_json())),
        )
        _drop_keys(con, story_id, old)
        con.executemany(
            "INSERT OR IGNORE INTO story_keys (key, last, story_id) VALUES (?, ?, ?)",
            [(k, _last(profile), story_id) for k in profile.index_keys()],
        )

    def _join(self, con: sqlite3.Connection, article_id: int, version: str) -> int:
        from reader.core.analysis.stories import EMPTY, Candidate, choose_story, vector

        feats = self._features(con, article_id, version)
        idf = self._idf(con, feats.terms)
        mine = vector(feats.terms, idf)
        keys = self._query_keys(feats, idf)
        found = self._candidate_stories(con, feats.published, keys)[:CANDIDATE_STORIES]
        profiles = self._profiles(con, found)
        candidates = [Candidate(sid, profiles[sid]) for sid in found if sid in profiles]
        story_id, _score = choose_story(feats, mine, candidates)
        if story_id is None:
            story_id = article_id
        old = profiles[story_id] if story_id in profiles else self._stored_profile(con, story_id)
        profile = (old or EMPTY).add(feats, mine)
        self._save_profile(con, story_id, profile, old)
        con.execute(
            "INSERT INTO story_members (article_id, story_id) VALUES (?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
            (article_id, story_id),
        )
        if profile.size > 1:  # the story changed: it may now be one with another
            story_id = self._recheck(con, story_id, profile)
        return story_id

    def _recheck(self, con: sqlite3.Connection, story_id: int, profile: StoryProfile) -> int:
        """Merge the story that just grew with the story most like it, if they are alike
        enough (`MERGE_THRESHOLD`); the merged story keeps the older id. Returns its id."""
        from reader.core.analysis.stories.assign import MERGE_THRESHOLD
        from reader.core.analysis.stories.similarity import stories_similarity

        found = [
            s
            for s in self._candidate_stories(con, profile.first, profile.index_keys())
            if s != story_id
        ][:CANDIDATE_STORIES]
        others = self._profiles(con, found)
        scored = [(stories_similarity(profile, q), sid) for sid, q in others.items()]
        score, other = max(scored, default=(0.0, story_id))
        if score < MERGE_THRESHOLD:
            return story_id
        keep, drop = min(story_id, other), max(story_id, other)
        stored = {story_id: profile, other: others[other]}  # (`profile` is stored already)
        merged = profile.merge(others[other])
        con.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (keep, drop))
        con.execute("DELETE FROM story_profiles WHERE story_id = ?", (drop,))
        _drop_keys(con, drop, stored[drop])
        self._save_profile(con, keep, merged, stored[keep])
        return keep

    def _start_alone(
        self, con: sqlite3.Connection, article_ids: Iterable[int], version: str
    ) -> None:
        """Make each article a story of its own without matching it (a benchmark's setup)."""
        from reader.core.analysis.stories import EMPTY, vector

        for article_id in article_ids:
            feats = self._features(con, article_id, version)
            mine = vector(feats.terms, self._idf(con, feats.terms))
            old = self._stored_profile(con, article_id)
            self._save_profile(con, article_id, EMPTY.add(feats, mine), old)
            con.execute(
                "INSERT OR IGNORE INTO story_members (article_id, story_id) VALUES (?, ?)",
                (article_id, article_id),
            )

    def join(self, article_ids: Iterable[int], version: str) -> None:
        """Let each article (in the order given) join a story or start one, and store it."""
        with self._db.write() as con:
            self.join_in(con, article_ids, version)

    def join_in(self, con: sqlite3.Connection, article_ids: Iterable[int], version: str) -> None:
        """`join` inside the write transaction `con` the caller holds."""
        for article_id in article_ids:
            self._join(con, article_id, version)

    def reform(self, version: str) -> int:
        """Re-form the stories that lost a member (removed article) or hold an article whose
        features came from another analysis than the one of `version` now cached, every story
        if the story-matching code changed, and join the articles in none. Returns how many
        re-joined."""
        with self._db.write() as con:
            from reader.core.analysis.stories.version import stories_version

            # Other matching code: every story may change. Another analysis of an article
            # (one made since, or of another analyser): its story re-forms.
            if con.execute(
                "SELECT 1 FROM story_features WHERE substr(version, instr(version, '/') + 1) != ?"
                " LIMIT 1",
                (stories_version(),),
            ).fetchone():
                con.execute(
                    "INSERT OR IGNORE INTO stories_dirty SELECT story_id FROM story_members"
                )
            con.execute(
                "INSERT OR IGNORE INTO stories_dirty SELECT m.story_id FROM story_features AS f"
                " JOIN story_members AS m ON m.article_id = f.article_id WHERE f.version != ?"
                " AND (f.version != ? OR EXISTS (SELECT 1 FROM analyses AS a"
                " WHERE a.article_id = f.article_id AND a.version = ?))",
                (_features_version(version), _features_version(""), version),
            )
            dirty = [int(r[0]) for r in con.execute("SELECT story_id FROM stories_dirty")]
            redo: set[int] = set()
            for sid in dirty:
                redo.update(
                    int(r[0])
                    for r in con.execute(
                        "SELECT article_id FROM story_members WHERE story_id = ?", (sid,)
                    )
                )
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
            con.execute(f"DELETE FROM story_profiles WHERE story_id IN ({marks})", order)
            con.executemany("DELETE FROM story_profiles WHERE story_id = ?", [(d,) for d in dirty])
            # One pass over the key index (it has no index by story: `_drop_keys`).
            con.execute(
                "DELETE FROM story_keys WHERE story_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(set(order) | set(dirty))),),
            )
            con.execute("DELETE FROM stories_dirty")
            for article_id in order:
                self._join(con, article_id, version)
            return len(order)

    # -- reading -------------------------------------------------------------------------------

    def story_of(self, article_id: int) -> list[int]:
        """The ids of the articles in `article_id`'s story (itself included), [] if none."""
        with self._db.errors():
            return [
                int(r[0])
                for r in self._db.con.execute(
                    "SELECT m.article_id FROM story_members AS m"
                    " JOIN story_members AS me ON me.story_id = m.story_id"
                    " WHERE me.article_id = ? ORDER BY m.article_id",
                    (article_id,),
                )
            ]

    def stories(self, *, min_size: int = 1) -> list[Story]:
        """Every story, newest first (by its last article's date, then id)."""
        with self._db.errors():
            return read_stories(self._db.con, min_size=min_size)
