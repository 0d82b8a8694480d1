"""Which articles still wait for their analysis, and landing analyses made elsewhere.

Nothing is queued by hand: an article is pending while it has no analysis of the current
analyser version (`analyses` row missing or of another version) and the analyser of that
version has not failed on it (`fail`: an `analysis_failures` row, kept with why, so a bad
article is not retried at every start, only once the analyser changes), so the queue is
derived from the store itself. An article stored and never analysed (the process was killed, the
app quit) is still pending on the next start; an analyser upgrade makes every article
pending again.

`land` writes a batch of analyses in one transaction and lets each article that is in no
story yet join one (`StoryStore.join_in`), in the order given. It is idempotent: an article
analysed meanwhile (the reading pane analysed it first, another Broadsheet did) or removed
is skipped, so two analysers racing never store one article twice nor join it twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.store.analysis_cache import AnalysisCache
from reader.core.store.database import Database
from reader.core.store.stories import StoryStore

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis

_PENDING = (  # ?1: the analyser's version (numbered: it is used twice)
    "FROM articles AS a LEFT JOIN analyses AS n ON n.article_id = a.id"
    " LEFT JOIN analysis_failures AS f ON f.article_id = a.id"
    " WHERE (n.version IS NULL OR n.version != ?1) AND (f.version IS NULL OR f.version != ?1)"
)
ERROR_CHARS = 300  # the most of a failure's message kept


class AnalysisQueue:
    """See the module docstring."""

    def __init__(self, db: Database, analyses: AnalysisCache, stories: StoryStore) -> None:
        self._db = db
        self._analyses = analyses
        self._stories = stories

    def pending(self, version: str, *, after: int = 0, limit: int = 100) -> list[int]:
        """Ids of articles without an analysis of `version`, oldest first, after id `after`."""
        with self._db.errors():
            return [
                int(r[0])
                for r in self._db.con.execute(
                    f"SELECT a.id {_PENDING} AND a.id > ? ORDER BY a.id LIMIT ?",
                    (version, after, max(0, limit)),
                )
            ]

    def pending_count(self, version: str) -> int:
        """How many articles have no analysis of `version`."""
        with self._db.errors():
            return int(
                self._db.con.execute(f"SELECT count(*) {_PENDING}", (version,)).fetchone()[0]
            )

    def is_pending(self, article_id: int, version: str) -> bool:
        with self._db.errors():
            found = self._db.con.execute(
                f"SELECT 1 {_PENDING} AND a.id = ?", (version, article_id)
            ).fetchone()
        return found is not None

    def land(self, items: Sequence[tuple[int, Analysis]], version: str) -> list[int]:
        """Store the analyses of `items` (article id, analysis by `version`) still pending,
        and let those in no story join one; one transaction. The ids stored, in order."""
        if not items:
            return []
        ids = [article_id for article_id, _ in items]
        stored: list[int] = []
        with self._db.write() as con:
            wanted: set[int] = set()
            members: set[int] = set()
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                wanted.update(
                    int(r[0])
                    for r in con.execute(
                        f"SELECT a.id {_PENDING} AND a.id IN ({marks})", (version, *chunk)
                    )
                )
                members.update(
                    int(r[0])
                    for r in con.execute(
                        f"SELECT article_id FROM story_members WHERE article_id IN ({marks})",
                        chunk,
                    )
                )
            for article_id, analysis in items:
                if article_id in wanted:
                    wanted.discard(article_id)  # (given twice: stored once)
                    self._analyses.write_analysis(con, article_id, analysis, version)
                    stored.append(article_id)
            self._stories.join_in(con, [i for i in stored if i not in members], version)
        return stored

    def fail(self, items: Sequence[tuple[int, str]], version: str) -> None:
        """The analyser of `version` failed on these articles (id, why): not retried until
        the version changes. An article removed meanwhile is skipped."""
        if not items:
            return
        with self._db.write() as con:
            con.executemany(
                "INSERT INTO analysis_failures (article_id, version, error)"
                " SELECT id, ?, ? FROM articles WHERE id = ?"
                " ON CONFLICT (article_id) DO UPDATE SET"
                " version = excluded.version, error = excluded.error",
                [(version, why[:ERROR_CHARS], article_id) for article_id, why in items],
            )

    def failure(self, article_id: int, version: str) -> str | None:
        """Why the analyser of `version` failed on the article, or None if it did not."""
        with self._db.errors():
            found = self._db.con.execute(
                "SELECT error FROM analysis_failures WHERE article_id = ? AND version = ?",
                (article_id, version),
            ).fetchone()
        return None if found is None else str(found[0])
