"""Repairing and tidying the library's full-text indexes, and checking the whole file.

`IndexMaintenance` is a part the `Library` holds: it uses the `Database`'s connection, write
transactions and error funnel. The indexes (`article_fts`, `entity_fts`) are derived from the
articles and entities tables, so rebuilding them loses nothing. The file gives the pages its
removed articles freed back to the file system (incremental vacuum), so it shrinks.
"""

from __future__ import annotations

import sqlite3

from reader.core.store.database import Database


class IndexMaintenance:
    """The library's maintenance methods (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def rebuild_index(self) -> None:
        """Rebuild the full-text indexes from the articles and entities tables (repair)."""
        with self._db.write() as con:
            con.execute("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")
            con.execute("DELETE FROM entity_fts")
            con.execute(
                "INSERT INTO entity_fts (rowid, person, place, org) SELECT article_id,"
                " group_concat(CASE kind WHEN 'person' THEN name END, char(10)),"
                " group_concat(CASE kind WHEN 'place' THEN name END, char(10)),"
                " group_concat(CASE kind WHEN 'org' THEN name END, char(10))"
                " FROM entities GROUP BY article_id"
            )

    def optimize(self) -> None:
        """Merge the full-text index into one segment (after a large import; takes seconds
        on a big library and holds the write lock meanwhile)."""
        with self._db.write() as con:
            con.execute("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
            con.execute("INSERT INTO entity_fts (entity_fts) VALUES ('optimize')")

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check plus the full-text index's; [] when all is well."""
        with self._db.errors():
            problems = [
                r[0] for r in self._db.con.execute("PRAGMA integrity_check") if r[0] != "ok"
            ]
            try:
                self._db.con.execute(
                    "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError as exc:
                problems.append(f"full-text index: {exc}")
        return problems
