"""Whether `Library.search` returns the exact bm25 top 50 over *all* matches, for every
keystroke of the bench's queries: its ids against those of the exact FTS5 query (bm25 with
the store's column weights over every match, ties newest first). `search_exact` is true
only when every keystroke that reaches the index agrees."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bench.queries import keystrokes

LIMIT = 50


@dataclass(frozen=True, slots=True)
class Exactness:
    checked: int  # keystrokes that reach the index
    differing: list[str]  # the ones whose top LIMIT differ from the exact top LIMIT

    @property
    def exact(self) -> bool:
        return self.checked > 0 and not self.differing


def measure(db: Path) -> Exactness:
    from reader.core.search import parse_query
    from reader.core.store import Library
    from reader.core.store.library_search import _BODY_WEIGHT, _SOURCE_WEIGHT, _TITLE_WEIGHT

    exact_sql = (
        "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
        f" ORDER BY bm25(article_fts, {_TITLE_WEIGHT}, {_BODY_WEIGHT}, {_SOURCE_WEIGHT}),"
        " rowid DESC LIMIT ?"
    )
    library = Library.open(db)
    con = sqlite3.connect(db)
    checked, differing = 0, []
    try:
        for prefix in dict.fromkeys(keystrokes()):
            q = parse_query(prefix)
            expression = q.fts_expression()
            if not expression or not q.has_text or q.entity_expression():
                continue
            checked += 1
            ours = [hit.id for hit in library.search(q, limit=LIMIT)]
            exact = [r[0] for r in con.execute(exact_sql, (expression, LIMIT))]
            if ours != exact:
                differing.append(prefix)
    finally:
        con.close()
        library.close()
    return Exactness(checked, differing)
