"""The library: every article the user has, with read/starred state and cached analyses, in
one SQLite file.

WAL journal, so readers never wait for the writer; a busy timeout, so a second Broadsheet
writing to the same library waits a little and then reports it instead of hanging; foreign
keys on. The schema is migrated on open (see `schema.py`). A file that is not a Broadsheet
library, is damaged, or was written by a newer Broadsheet is refused before anything is
written to it.

One connection per thread (the UI thread reads while a worker imports); `close()` closes
them all. Feed subscriptions are kept by the `FeedSubscriptions` mixin (`feeds.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.article import Article, Block
from reader.core.store.feeds import FeedSubscriptions
from reader.core.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:  # importing the analysis package loads its rules: only when needed
    from reader.core.analysis.model import Analysis
    from reader.core.search import Query

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_TIMEOUT = 5.0
# Broad queries rank (bm25) only the most recently added matches: ranking every article
# that contains "the" costs time proportional to the library.
SEARCH_CANDIDATES = 1000
_TITLE_WEIGHT, _BODY_WEIGHT, _SOURCE_WEIGHT = 4.0, 1.0, 0.0
# The score of a hit whose title has the words, when a broad phrase is ranked without bm25.
_TITLE_BONUS = 1.0


class LibraryError(Exception):
    """Something the user must hear about the library; `str()` is one clear line."""


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


def default_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("broadsheet") / "library.sqlite3"


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


_ROW_COLUMNS = "id, title, source, published, read, starred, word_count, path, title_derived"


def _row(r: sqlite3.Row | tuple[Any, ...]) -> ArticleRow:
    return ArticleRow(
        id=r[0],
        title=r[1],
        source=r[2],
        published=_date(r[3]),
        read=bool(r[4]),
        starred=bool(r[5]),
        word_count=r[6],
        path=r[7],
        title_derived=bool(r[8]),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(text: str) -> str:
    """`text` with lone surrogates (which SQLite cannot store) replaced by U+FFFD: one
    character for one, so every offset into it stays valid."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _blocks_json(blocks: list[Block]) -> str:
    return json.dumps([[b.kind, b.start, b.end] for b in blocks])


def _blocks(text: str) -> list[Block]:
    try:
        return [Block(kind, int(start), int(end)) for kind, start, end in json.loads(text)]
    except (ValueError, TypeError):
        return []


def _check_file(path: Path, timeout: float) -> bool:
    """Refuse, without writing a byte, a file that is not a library this code can open.
    Returns whether the library has to be created."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise LibraryError(f"cannot read the library {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise LibraryError(f"{path} is {kind}, not a Broadsheet library")
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise LibraryError(f"cannot read the library {path}: {exc.strerror or exc}") from exc
    if not header:
        return True  # an empty file: SQLite treats it as a new database
    if header != SQLITE_HEADER:
        raise LibraryError(f"{path} is not a Broadsheet library (not an SQLite database)")
    # Without a write-ahead log beside it the file is the whole truth: read it as immutable,
    # which takes no locks and creates no -wal/-shm files.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        con = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, timeout=timeout)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open the library {path}: {exc}") from exc
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _busy(path) from exc
        raise LibraryError(f"the library {path} is damaged ({exc})") from exc
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"the library {path} is damaged ({exc})") from exc
    finally:
        con.close()
    if app_id != APPLICATION_ID and (tables or version):
        raise LibraryError(f"{path} is an SQLite database but not a Broadsheet library")
    if version > SCHEMA_VERSION:
        raise _too_new(path, version)
    return version == 0


def _too_new(path: Path, version: int) -> LibraryError:
    return LibraryError(
        f"{path} was written by a newer Broadsheet (schema {version}); "
        f"this one knows up to {SCHEMA_VERSION}"
    )


def _busy(path: Path) -> LibraryError:
    return LibraryError(f"library is busy: another Broadsheet is writing to {path}")


class Library(FeedSubscriptions):
    """See the module docstring. Open with `Library.open(path)`; use as a context manager."""

    path: Path

    def __init__(self, path: Path, *, timeout: float = DEFAULT_TIMEOUT, new: bool = False) -> None:
        self.path = path
        self._timeout = timeout
        self._new = new
        self._local = threading.local()
        # Each thread's connection, with its thread: a worker thread's is closed once the
        # thread has ended (every Textual worker is a new thread).
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: str | Path | None = None, *, timeout: float = DEFAULT_TIMEOUT) -> Library:
        """Open (creating and migrating as needed) the library at `path`, or the per-user
        default. Raises `LibraryError`."""
        p = Path(path).expanduser() if path is not None else default_path()
        p = p.absolute()
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the folder for the library {p}: {exc}") from exc
        new = _check_file(p, timeout)
        lib = cls(p, timeout=timeout, new=new)
        try:
            lib._migrate()
        except BaseException:
            lib.close()
            raise
        return lib

    @classmethod
    def open_current(cls, path: str | Path | None = None) -> Library | None:
        """Open an existing library of this code's schema without writing to it or waiting
        for a lock: what the app does before its first frame, on the UI thread. None when that
        is not possible (the library must be created or migrated, another process holds a
        lock, the file is not a library): `open` then does the whole job off the UI thread,
        and reports what is wrong."""
        p = (Path(path).expanduser() if path is not None else default_path()).absolute()
        try:
            if _check_file(p, 0.0):
                return None
        except LibraryError:
            return None
        lib = cls(p)
        try:
            con = lib._connect(timeout=0.0)
            lib._adopt(con)
            if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                lib.close()
                return None
            con.execute(f"PRAGMA busy_timeout = {int(lib._timeout * 1000)}")
        except (LibraryError, sqlite3.Error):
            lib.close()
            return None
        return lib

    # -- connections and errors -------------------------------------------------------------

    def _connect(self, timeout: float | None = None) -> sqlite3.Connection:
        """A new connection; `timeout`: seconds to wait for a lock (default: the library's)."""
        wait = self._timeout if timeout is None else timeout
        try:
            con = sqlite3.connect(
                self.path, timeout=wait, isolation_level=None, check_same_thread=False
            )
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")  # durable across app crashes under WAL
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("PRAGMA cache_size = -16000")  # 16 MB
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _busy(self.path) from exc
            raise LibraryError(f"cannot open the library {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"the library {self.path} is damaged ({exc})") from exc
        return con

    @property
    def _con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            if self._closed:
                raise LibraryError(f"the library {self.path} is closed")
            con = self._connect()
            self._adopt(con)
        return con

    def _adopt(self, con: sqlite3.Connection) -> None:
        """Make `con` this thread's connection (and close those of threads that ended)."""
        self._local.con = con
        with self._lock:
            ended = [c for t, c in self._connections if not t.is_alive()]
            self._connections = [(t, c) for t, c in self._connections if t.is_alive()]
            self._connections.append((threading.current_thread(), con))
        for old in ended:
            with suppress(sqlite3.Error):
                old.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's exceptions into one-line `LibraryError`s."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _busy(self.path) from exc
            raise LibraryError(f"library {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"the library {self.path} is damaged ({exc})") from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: wait for the write lock up front)."""
        con = self._con
        with self._errors():
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def _migrate(self) -> None:
        con = self._con
        with self._errors():
            version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # upgraded by a newer Broadsheet since we looked
            raise _too_new(self.path, version)
        for number, statements in enumerate(MIGRATIONS, start=1):
            with self._errors():
                if con.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
            with self._write():
                # Another Broadsheet may have migrated while we waited for the lock.
                if con.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                for statement in statements:
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for _thread, con in connections:
            with suppress(sqlite3.Error):
                con.close()
        self._local = threading.local()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_new(self) -> bool:
        """Whether this `open()` created the library (so the seeds should be imported)."""
        return self._new

    @property
    def schema_version(self) -> int:
        with self._errors():
            return int(self._con.execute("PRAGMA user_version").fetchone()[0])

    # -- articles ----------------------------------------------------------------------------

    def _insert(self, con: sqlite3.Connection, article: Article) -> tuple[int, bool]:
        digest = article.content_hash  # of the text as loaded
        title, body, source = (
            _storable(article.title),
            _storable(article.body),
            _storable(article.source),
        )
        found = con.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        if found is not None:
            return int(found[0]), False
        cur = con.execute(
            "INSERT INTO articles (title, source, published, url, author, path, language,"
            " title_derived, content_hash, added, word_count)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                title,
                source,
                article.published.isoformat() if article.published else None,
                _storable(article.url),
                _storable(article.author),
                _storable(article.path),
                _storable(article.language),
                int(article.title_derived),
                digest,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                article.word_count,
            ),
        )
        article_id = int(cur.lastrowid or 0)
        con.execute(
            "INSERT INTO article_text (id, body, blocks) VALUES (?, ?, ?)",
            (article_id, body, _blocks_json(article.blocks)),
        )
        con.execute(
            "INSERT INTO article_fts (rowid, title, body, source) VALUES (?, ?, ?, ?)",
            (article_id, title, body, source),
        )
        return article_id, True

    def add(self, article: Article) -> tuple[int, bool]:
        """Store `article` unless an article with the same body is there already.
        Returns (id, created)."""
        with self._write() as con:
            return self._insert(con, article)

    def add_many(self, articles: Iterable[Article]) -> list[tuple[int, bool]]:
        """`add` for each article, all in one transaction."""
        with self._write() as con:
            return [self._insert(con, a) for a in articles]

    def add_analyzed(
        self, items: Iterable[tuple[Article, Analysis | None]], version: str
    ) -> list[tuple[int, bool]]:
        """Add articles and cache the analyses given for them, all in one transaction (an
        analysis is stored only for an article this call created)."""
        results = []
        with self._write() as con:
            for article, analysis in items:
                article_id, created = self._insert(con, article)
                if created and analysis is not None:
                    self._put_analysis(con, article_id, analysis, version)
                results.append((article_id, created))
        return results

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes the library already holds."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        with self._errors():
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(
                    r[0]
                    for r in self._con.execute(
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
        with self._errors():
            sql = "SELECT count(*) FROM articles" + self._where(unread_only, starred_only)
            return int(self._con.execute(sql).fetchone()[0])

    def rows(
        self, offset: int, limit: int, *, unread_only: bool = False, starred_only: bool = False
    ) -> list[ArticleRow]:
        """A page of the list, newest first (undated articles last, then newest added)."""
        sql = (
            f"SELECT {_ROW_COLUMNS} FROM articles{self._where(unread_only, starred_only)}"
            " ORDER BY published DESC, id DESC LIMIT ? OFFSET ?"
        )
        with self._errors():
            return [_row(r) for r in self._con.execute(sql, (max(0, limit), max(0, offset)))]

    def row(self, article_id: int) -> ArticleRow:
        with self._errors():
            r = self._con.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if r is None:
            raise LibraryError(f"no article {article_id} in the library")
        return _row(r)

    def get(self, article_id: int) -> Article:
        """The whole article, body and blocks included."""
        with self._errors():
            r = self._con.execute(
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
            published=_date(r[4]),
            url=r[5],
            author=r[6],
            path=r[7],
            language=r[8],
            title_derived=bool(r[9]),
        )

    def ids(self) -> list[int]:
        """Every article id, in list order."""
        with self._errors():
            return [
                r[0]
                for r in self._con.execute(
                    "SELECT id FROM articles ORDER BY published DESC, id DESC"
                )
            ]

    def _set_flag(self, column: str, article_id: int, value: bool) -> None:
        with self._write() as con:
            cur = con.execute(
                f"UPDATE articles SET {column} = ? WHERE id = ?", (int(value), article_id)
            )
            if cur.rowcount == 0:
                raise LibraryError(f"no article {article_id} in the library")

    def set_read(self, article_id: int, read: bool = True) -> None:
        self._set_flag("read", article_id, read)

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        self._set_flag("starred", article_id, starred)

    # -- search ------------------------------------------------------------------------------

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
        with self._errors():
            rows = None
            if q.has_phrase:
                rows = self._broad_phrase_rows(q, params, f" AND {in_entities}" if entities else "")
            if rows is None:
                rows = self._con.execute(sql, params).fetchall()
        hits = []
        for article_id, title, source, published, body, score in rows:
            text_snippet, spans = snippet(q, body)
            hits.append(
                SearchHit(
                    id=article_id,
                    title=title,
                    source=source,
                    published=_date(published),
                    snippet=text_snippet,
                    snippet_matches=spans,
                    score=float(score),
                )
            )
        return hits

    def _broad_phrase_rows(
        self, q: Query, params: dict[str, Any], in_entities: str
    ) -> list[tuple[Any, ...]] | None:
        """Rows for a query with a phrase ('"said the"', "U.S.", "it's") that matches at
        least SEARCH_CANDIDATES articles, or None for any other. Before ranking, bm25 counts
        every article holding the phrase, which for common words costs time proportional to
        the library; such a phrase is already precise, so the newest matches are ranked by
        whether their title has the query's words, then newest first."""
        con = self._con
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

    # -- analysis cache ----------------------------------------------------------------------

    def get_analysis(self, article_id: int, version: str) -> Analysis | None:
        """The cached analysis of the article, or None if there is none of this `version`."""
        with self._errors():
            r = self._con.execute(
                "SELECT version, data FROM analyses WHERE article_id = ?", (article_id,)
            ).fetchone()
        if r is None or r[0] != version:
            return None
        from reader.core.analysis.model import Analysis

        try:
            return Analysis.from_json(json.loads(r[1]))
        except (ValueError, TypeError, KeyError):
            return None  # unreadable cache entry: recompute

    def _put_analysis(
        self, con: sqlite3.Connection, article_id: int, analysis: Analysis, version: str
    ) -> None:
        con.execute(
            "INSERT INTO analyses (article_id, version, data) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, data = excluded.data",
            (article_id, version, json.dumps(analysis.to_json(), ensure_ascii=False)),
        )
        names: dict[str, list[str]] = {"person": [], "place": [], "org": []}
        for entity in analysis.entities:
            if entity.kind in names and entity.name and entity.name not in names[entity.kind]:
                names[entity.kind].append(entity.name)
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
        with self._write() as con:
            self._put_analysis(con, article_id, analysis, version)

    def put_analyses(self, items: Iterable[tuple[int, Analysis]], version: str) -> None:
        """`put_analysis` for many articles in one transaction."""
        with self._write() as con:
            for article_id, analysis in items:
                self._put_analysis(con, article_id, analysis, version)

    def entity_names(self, kind: str, prefix: str = "", limit: int = 20) -> list[str]:
        """Entity names of `kind` starting with `prefix`, ignoring ASCII case (for
        completing a filter), alphabetically."""
        with self._errors():
            return [
                r[0]
                for r in self._con.execute(
                    "SELECT DISTINCT name COLLATE NOCASE FROM entities WHERE kind = ?"
                    " AND name COLLATE NOCASE >= ? AND name COLLATE NOCASE < ?"
                    " ORDER BY name COLLATE NOCASE LIMIT ?",
                    (kind, _storable(prefix), _storable(prefix) + "\U0010ffff", max(0, limit)),
                )
            ]

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
