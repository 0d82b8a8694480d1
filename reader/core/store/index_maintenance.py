"""Repairing and tidying the library's full-text indexes, and checking the whole file.

`IndexMaintenance` is a mixin of `Library`: it uses the library's connection, write
transactions and error funnel. The indexes (`article_fts`, `entity_fts`) are derived from the
articles and entities tables, so rebuilding them loses nothing. The file gives the pages its
removed articles freed back to the file system (incremental vacuum), so it shrinks.
"""

from __future__ import annotations

import sqlite3

from reader.core.store.library_part import LibraryPart

_INCREMENTAL = 2  # PRAGMA auto_vacuum's value for incremental vacuum


class IndexMaintenance(LibraryPart):
    """The library's maintenance methods (see the module docstring)."""

    def rebuild_index(self) -> None:
        """Rebuild the full-text indexes from the articles and entities tables (repair)."""
        with self._write() as con:
            con.execute("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")
            con.execute("DELETE FROM entity_fts")
            con.execute(
                "INSERT INTO entity_fts (rowid, person, place, org) SELECT article_id,"
                " group_concat(CASE kind WHEN 'person' THEN name END, char(10)),"
                " group_concat(CASE kind WHEN 'place' THEN name END, char(10)),"
                " group_concat(CASE kind WHEN 'org' THEN name END, char(10))"
                " FROM entities GROUP BY article_id"
            )

    def _reclaim_space(self) -> None:
        """Switch the file to incremental vacuum, once: a library made before schema 9 is
        rewritten (VACUUM, which also drops the pages migration 9 freed; seconds on a big
        library), a new one costs nothing. When another Broadsheet holds the file it is left
        for the next open."""
        con = self._con
        with self._errors():
            if con.execute("PRAGMA auto_vacuum").fetchone()[0] == _INCREMENTAL:
                return
            try:
                con.execute(f"PRAGMA auto_vacuum = {_INCREMENTAL}")
                con.execute("VACUUM")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise

    def _release_free_pages(self) -> None:
        """Give the file's free pages back to the file system (after a removal). Outside a
        transaction: `executescript`, because one `execute` step frees one page."""
        with self._errors():
            self._con.executescript("PRAGMA incremental_vacuum")

    def optimize(self) -> None:
        """Merge the full-text index into one segment (after a large import; takes seconds
        on a big library and holds the write lock meanwhile)."""
        with self._write() as con:
            con.execute("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
            con.execute("INSERT INTO entity_fts (entity_fts) VALUES ('optimize')")

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check plus the full-text index's; [] when all is well."""
        with self._errors():
            problems = [r[0] for r in self._con.execute("PRAGMA integrity_check") if r[0] != "ok"]
            try:
                self._con.execute(
                    "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError as exc:
                problems.append(f"full-text index: {exc}")
        return problems
