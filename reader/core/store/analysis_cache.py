"""The analysis cache: each article's analysis, as the analysis version that computed it
left it, and the names of the entities it found.

An analysis is stored packed: zlib of its compact JSON (a quarter of the JSON's size: the
same keys in every entity, number and date). `analysis_pack` does it in SQL too (schema
migration 10 packs the analyses stored before); an unpacked (text) entry is still read.

`AnalysisCache` is a part the `Library` holds: it uses the `Database`'s connection, write transactions
and error funnel. An analysis is kept with its version; one of another version is not
returned, so the caller recomputes it. Storing an analysis also indexes its people, places
and organisations, for search filters (`person:` …) and for completing them. The analysis
package is imported only when a cached analysis is read back.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.core.store.column_values import storable_text
from reader.core.store.database import Database
from reader.core.store.packing import pack_json, unpack

if TYPE_CHECKING:  # importing the analysis package loads its rules: only when needed
    from reader.core.analysis.model import Analysis


class AnalysisCache:
    """The library's analysis cache methods (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get_analysis(self, article_id: int, version: str) -> Analysis | None:
        """The cached analysis of the article, or None if there is none of this `version`."""
        with self._db.errors():
            r = self._db.con.execute(
                "SELECT version, data FROM analyses WHERE article_id = ?", (article_id,)
            ).fetchone()
        if r is None or r[0] != version:
            return None
        from reader.core.analysis.model import Analysis

        try:
            return Analysis.from_json(json.loads(unpack(r[1])))
        except (ValueError, TypeError, KeyError, zlib.error):
            return None  # unreadable cache entry: recompute

    def write_analysis(
        self, con: sqlite3.Connection, article_id: int, analysis: Analysis, version: str
    ) -> None:
        """Cache `analysis` inside the write transaction `con` the caller holds."""
        con.execute(
            "INSERT INTO analyses (article_id, version, data) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, data = excluded.data",
            (article_id, version, pack_json(analysis.to_json())),
        )
        from reader.core.analysis.entities.gazetteer import known_short_forms

        names: dict[str, list[str]] = {"person": [], "place": [], "org": []}
        for entity in analysis.entities:
            # The canonical name, the form written ("APEC" for "Asia-Pacific Economic
            # Cooperation") and a well-known institution's short forms, so `org:APEC`
            # finds what the highlights call APEC, even where only the full name is written.
            short = known_short_forms(entity.name) if entity.kind == "org" else ()
            for name in (entity.name, entity.text, *short):
                if entity.kind in names and name and name not in names[entity.kind]:
                    names[entity.kind].append(name)
        con.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
        con.executemany(
            "INSERT INTO entities (article_id, kind, name) VALUES (?, ?, ?)",
            [(article_id, kind, name) for kind, ns in names.items() for name in ns],
        )
        con.execute("DELETE FROM entity_fts WHERE rowid = ?", (article_id,))
        con.execute(
            "INSERT INTO entity_fts (rowid, person, place, org) VALUES (?, ?, ?, ?)",
            (
                article_id,
                "\n".join(names["person"]),
                "\n".join(names["place"]),
                "\n".join(names["org"]),
            ),
        )

    def put_analysis(self, article_id: int, analysis: Analysis, version: str) -> None:
        """Cache `analysis` (computed by analysis `version`) and index its entity names."""
        with self._db.write() as con:
            self.write_analysis(con, article_id, analysis, version)

    def put_analyses(self, items: Iterable[tuple[int, Analysis]], version: str) -> None:
        """`put_analysis` for many articles in one transaction."""
        with self._db.write() as con:
            for article_id, analysis in items:
                self.write_analysis(con, article_id, analysis, version)

    def entity_names(self, kind: str, prefix: str = "", limit: int = 20) -> list[str]:
        """Entity names of `kind` starting with `prefix`, ignoring ASCII case (for
        completing a filter), alphabetically."""
        with self._db.errors():
            return [
                r[0]
                for r in self._db.con.execute(
                    "SELECT DISTINCT name COLLATE NOCASE FROM entities WHERE kind = ?"
                    " AND name COLLATE NOCASE >= ? AND name COLLATE NOCASE < ?"
                    " ORDER BY name COLLATE NOCASE LIMIT ?",
                    (
                        kind,
                        storable_text(prefix),
                        storable_text(prefix) + "\U0010ffff",
                        max(0, limit),
                    ),
                )
            ]
