"""The articles in the library: adding them, paging and reading them, read and starred.

`ArticleStore` is a part the `Library` holds: it uses the `Database`'s connection, write transactions
and error funnel. An article is stored once, by the hash of its text as loaded: adding it
again returns the id it has. Its text goes in with lone surrogates replaced (see
`column_values`), so every offset into it, blocks' included, stays valid. A list shows
`ArticleRow`s, everything but the text; `get` reads the whole article.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.core.article import Article, Block
from reader.core.store.analysis_cache import AnalysisCache
from reader.core.store.column_values import storable_text, stored_date
from reader.core.store.database import Database
from reader.core.store.errors import LibraryError

if TYPE_CHECKING:  # importing the analysis package loads its rules: only when needed
    from reader.core.analysis.model import Analysis


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What a list of articles shows: everything but the text."""

    id: int
    title: str
    source: str
    published: dt.date | None
    read: bool
    starred: bool
    word_count: int
    path: str
    title_derived: bool


class ArticleCounts(NamedTuple):
    """How many articles the library holds, and how many are unread and starred (kept by
    triggers, so reading them costs nothing at any size)."""

    total: int
    unread: int
    starred: int


_ROW_COLUMNS = "id, title, source, published, read, starred, word_count, path, title_derived"


def _row(r: sqlite3.Row | tuple[Any, ...]) -> ArticleRow:
    return ArticleRow(
        id=r[0],
        title=r[1],
        source=r[2],
        published=stored_date(r[3]),
        read=bool(r[4]),
        starred=bool(r[5]),
        word_count=r[6],
        path=r[7],
        title_derived=bool(r[8]),
    )


def _blocks_json(blocks: list[Block]) -> str:
    return json.dumps([[b.kind, b.start, b.end] for b in blocks])


def _blocks(text: str) -> list[Block]:
    try:
        return [Block(kind, int(start), int(end)) for kind, start, end in json.loads(text)]
    except (ValueError, TypeError):
        return []


def _stored_ids(con: sqlite3.Connection, hashes: list[str]) -> dict[str, int]:
    """The ids of the stored articles with these content hashes (by hash)."""
    wanted = list(dict.fromkeys(hashes))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})"
        found.update(
            (str(digest), int(article_id)) for digest, article_id in con.execute(sql, chunk)
        )
    return found


class ArticleStore:
    """The library's article methods (see the module docstring)."""

    def __init__(self, db: Database, analyses: AnalysisCache) -> None:
        self._db = db
        self._analyses = analyses  # add_analyzed caches analyses in the same transaction

    def _insert_many(
        self, con: sqlite3.Connection, articles: Iterable[Article]
    ) -> list[tuple[int, bool]]:
        """Insert the articles not stored yet (by content hash), inside the caller's write
        transaction; (id, created) for each. The rows go in first, then every text and then
        every full-text entry together: an FTS5 table writes its pending terms out at each
        statement of another table in between (a statement savepoint), so one article's
        rows after another's made each article its own index segment to merge (~3 ms an
        article; ~0.5 ms batched)."""
        results: list[tuple[int, bool]] = []
        texts: list[tuple[int, str, str]] = []
        indexed: list[tuple[int, str, str, str]] = []
        added = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        given = [(article, article.content_hash) for article in articles]  # of the text as loaded
        # content hash -> id: those stored already (one look-up per 500, inside the write
        # transaction, so no other writer can add one meanwhile), then those added here
        batch = _stored_ids(con, [digest for _, digest in given])
        for article, digest in given:
            if digest in batch:
                results.append((batch[digest], False))
                continue
            title, body, source = (
                storable_text(article.title),
                storable_text(article.body),
                storable_text(article.source),
            )
            cur = con.execute(
                "INSERT INTO articles (title, source, published, url, author, path, language,"
                " title_derived, content_hash, added, word_count)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    title,
                    source,
                    article.published.isoformat() if article.published else None,
                    storable_text(article.url),
                    storable_text(article.author),
                    storable_text(article.path),
                    storable_text(article.language),
                    int(article.title_derived),
                    digest,
                    added,
                    article.word_count,
                ),
            )
            article_id = int(cur.lastrowid or 0)
            batch[digest] = article_id
            texts.append((article_id, body, _blocks_json(article.blocks)))
            indexed.append((article_id, title, body, source))
            results.append((article_id, True))
        con.executemany("INSERT INTO article_text (id, body, blocks) VALUES (?, ?, ?)", texts)
        con.executemany(
            "INSERT INTO article_fts (rowid, title, body, source) VALUES (?, ?, ?, ?)", indexed
        )
        return results

    def add(self, article: Article) -> tuple[int, bool]:
        """Store `article` unless an article with the same body is there already.
        Returns (id, created)."""
        with self._db.write() as con:
            return self._insert_many(con, [article])[0]

    def add_many(self, articles: Iterable[Article]) -> list[tuple[int, bool]]:
        """`add` for each article, all in one transaction."""
        with self._db.write() as con:
            return self._insert_many(con, articles)

    def add_analyzed(
        self, items: Iterable[tuple[Article, Analysis | None]], version: str
    ) -> list[tuple[int, bool]]:
        """Add articles and cache the analyses given for them, all in one transaction (an
        analysis is stored only for an article this call created)."""
        pairs = list(items)
        with self._db.write() as con:
            results = self._insert_many(con, [article for article, _ in pairs])
            for (article_id, created), (_, analysis) in zip(results, pairs, strict=True):
                if created and analysis is not None:
                    self._analyses.write_analysis(con, article_id, analysis, version)
        return results

    def article_at_url(self, url: str) -> int | None:
        """The id of an article stored from `url` (the oldest), or None."""
        if not url:
            return None
        with self._db.errors():
            found = self._db.con.execute(
                "SELECT min(id) FROM articles WHERE url = ?", (storable_text(url),)
            ).fetchone()
        return int(found[0]) if found and found[0] is not None else None

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes the library already holds."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        with self._db.errors():
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(
                    r[0]
                    for r in self._db.con.execute(
                        f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", chunk
                    )
                )
        return found

    @staticmethod
    def _where(unread_only: bool, starred_only: bool) -> str:
        conditions = (["read = 0"] if unread_only else []) + (
            ["starred = 1"] if starred_only else []
        )
        return (" WHERE " + " AND ".join(conditions)) if conditions else ""

    def count(self, *, unread_only: bool = False, starred_only: bool = False) -> int:
        with self._db.errors():
            sql = "SELECT count(*) FROM articles" + self._where(unread_only, starred_only)
            return int(self._db.con.execute(sql).fetchone()[0])

    def rows(
        self, offset: int, limit: int, *, unread_only: bool = False, starred_only: bool = False
    ) -> list[ArticleRow]:
        """A page of the list, newest first (undated articles last, then newest added)."""
        sql = (
            f"SELECT {_ROW_COLUMNS} FROM articles{self._where(unread_only, starred_only)}"
            " ORDER BY published DESC, id DESC LIMIT ? OFFSET ?"
        )
        with self._db.errors():
            return [_row(r) for r in self._db.con.execute(sql, (max(0, limit), max(0, offset)))]

    def rows_after(
        self,
        after: ArticleRow | None,
        limit: int,
        *,
        unread_only: bool = False,
        starred_only: bool = False,
    ) -> list[ArticleRow]:
        """The `limit` rows that follow `after` in list order (the first ones when it is
        None): keyset pagination on (published, id), so a page deep in the list costs what
        the first one does (OFFSET walks every row before it) and needs no earlier page
        kept. Undated articles sort last, as in `rows`."""
        conditions = (["read = 0"] if unread_only else []) + (
            ["starred = 1"] if starred_only else []
        )
        params: list[object] = []
        with self._db.errors():
            key = None if after is None else self._published_key(after)
            if after is not None and key is not None:
                conditions.append(
                    "(published < ? OR (published = ? AND id < ?) OR published IS NULL)"
                )
                params += [key, key, after.id]
            elif after is not None:
                conditions.append("(published IS NULL AND id < ?)")
                params.append(after.id)
            where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
            sql = (
                f"SELECT {_ROW_COLUMNS} FROM articles{where}"
                " ORDER BY published DESC, id DESC LIMIT ?"
            )
            return [_row(r) for r in self._db.con.execute(sql, (*params, max(0, limit)))]

    def rows_before(
        self,
        before: ArticleRow | None,
        limit: int,
        *,
        unread_only: bool = False,
        starred_only: bool = False,
    ) -> list[ArticleRow]:
        """The `limit` rows that precede `before` in list order (the last ones of the list
        when it is None), in list order: `rows_after` read backwards, by the same keyset."""
        conditions = (["read = 0"] if unread_only else []) + (
            ["starred = 1"] if starred_only else []
        )
        params: list[object] = []
        with self._db.errors():
            key = None if before is None else self._published_key(before)
            if before is not None and key is not None:
                conditions.append("(published > ? OR (published = ? AND id > ?))")
                params += [key, key, before.id]
            elif before is not None:
                conditions.append("(published IS NOT NULL OR id > ?)")
                params.append(before.id)
            where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
            sql = (
                f"SELECT {_ROW_COLUMNS} FROM articles{where} ORDER BY published ASC, id ASC LIMIT ?"
            )
            found = [_row(r) for r in self._db.con.execute(sql, (*params, max(0, limit)))]
        return found[::-1]

    def _published_key(self, row: ArticleRow) -> str | None:
        """The `published` column as stored for `row` (the sort key, even where the stored
        text is not a readable date); its row's date if the article is gone."""
        found = self._db.con.execute(
            "SELECT published FROM articles WHERE id = ?", (row.id,)
        ).fetchone()
        if found is not None:
            return found[0] if found[0] is None else str(found[0])
        return row.published.isoformat() if row.published else None

    def row(self, article_id: int) -> ArticleRow:
        with self._db.errors():
            r = self._db.con.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if r is None:
            raise LibraryError(f"no article {article_id} in the library")
        return _row(r)

    def get(self, article_id: int) -> Article:
        """The whole article, body and blocks included."""
        with self._db.errors():
            r = self._db.con.execute(
                "SELECT a.title, t.body, t.blocks, a.source, a.published, a.url, a.author,"
                " a.path, a.language, a.title_derived"
                " FROM articles AS a JOIN article_text AS t ON t.id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if r is None:
            raise LibraryError(f"no article {article_id} in the library")
        return Article(
            title=r[0],
            body=r[1],
            blocks=_blocks(r[2]),
            source=r[3],
            published=stored_date(r[4]),
            url=r[5],
            author=r[6],
            path=r[7],
            language=r[8],
            title_derived=bool(r[9]),
        )

    def ids(self) -> list[int]:
        """Every article id, in list order."""
        with self._db.errors():
            return [
                r[0]
                for r in self._db.con.execute(
                    "SELECT id FROM articles ORDER BY published DESC, id DESC"
                )
            ]

    def _set_flag(self, column: str, article_id: int, value: bool) -> None:
        with self._db.write() as con:
            cur = con.execute(
                f"UPDATE articles SET {column} = ? WHERE id = ?", (int(value), article_id)
            )
            if cur.rowcount == 0:
                raise LibraryError(f"no article {article_id} in the library")

    def set_read(self, article_id: int, read: bool = True) -> None:
        self._set_flag("read", article_id, read)

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        self._set_flag("starred", article_id, starred)

    def counts(self) -> ArticleCounts:
        with self._db.errors():
            found = self._db.con.execute(
                "SELECT total, unread, starred FROM article_counts WHERE id = 1"
            ).fetchone()
        return ArticleCounts(*found) if found else ArticleCounts(0, 0, 0)

    def mark_all_read(self) -> int:
        """Mark every unread article read; how many there were."""
        with self._db.write() as con:
            return con.execute("UPDATE articles SET read = 1 WHERE read = 0").rowcount

    def remove(self, article_id: int) -> bool:
        """Remove the article, its text, analysis and index entries; whether it was there.
        Its story (if any) re-forms the next time stories are read."""
        with self._db.write() as con:
            r = con.execute(
                "SELECT a.title, t.body, a.source FROM articles AS a"
                " JOIN article_text AS t ON t.id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
            if r is None:
                return False
            con.execute(
                "INSERT INTO article_fts (article_fts, rowid, title, body, source)"
                " VALUES ('delete', ?, ?, ?, ?)",
                (article_id, r[0], r[1], r[2]),
            )
            con.execute("DELETE FROM entity_fts WHERE rowid = ?", (article_id,))
            con.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self._db.release_free_pages()  # the file shrinks
        return True
