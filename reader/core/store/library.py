"""The library: every article the user has, with read/starred state and cached analyses, in
one SQLite file.

WAL journal, so readers never wait for the writer; a busy timeout, so a second Broadsheet
writing to the same library waits a little and then reports it instead of hanging; foreign
keys on. The schema is migrated on open (see `schema.py`). A file that is not a Broadsheet
library, is damaged, or was written by a newer Broadsheet is refused before anything is
written to it.

`Database` (`database.py`) holds the file: its connections (one per thread: the UI thread
reads while a worker imports), write transactions and the error funnel (every SQLite error
becomes a one-line `LibraryError`). `Library` holds the parts that keep what is stored, each
given the database: the articles and their reading state (`articles`, `articles.py`), search
(`library_search.py`), cached analyses and entity names (`analyses`, `analysis_cache.py`), the
articles still waiting for theirs (`queue`, `analysis_queue.py`), the
full-text indexes' repair and the integrity check (`indexes`, `index_maintenance.py`), feed
subscriptions (`subscriptions`, `feeds.py`) and their entries (`entries`, `feed_entries.py`),
and stories (`stories`, `stories.py`). Its methods are the library's one API, each handed to
the part that keeps it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.article import Article
from reader.core.store.analysis_cache import AnalysisCache
from reader.core.store.analysis_queue import AnalysisQueue
from reader.core.store.articles import ArticleCounts, ArticleRow, ArticleStore
from reader.core.store.database import DEFAULT_TIMEOUT, Database, check_file
from reader.core.store.errors import LibraryError
from reader.core.store.feed_entries import FeedEntries
from reader.core.store.feeds import FeedRow, FeedSubscriptions
from reader.core.store.index_maintenance import IndexMaintenance
from reader.core.store.library_search import LibrarySearch, SearchHit, SearchScope
from reader.core.store.schema import SCHEMA_VERSION
from reader.core.store.stories import StoryStore

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.search import Query


def default_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("broadsheet") / "library.sqlite3"


class Library:
    """See the module docstring. Open with `Library.open(path)`; use as a context manager."""

    path: Path

    def __init__(self, path: Path, *, timeout: float = DEFAULT_TIMEOUT, new: bool = False) -> None:
        self.path = path
        self._new = new
        self.db = Database(path, timeout=timeout)
        self.analyses = AnalysisCache(self.db)
        self.articles = ArticleStore(self.db, self.analyses)
        self._search = LibrarySearch(self.db)
        self.indexes = IndexMaintenance(self.db)
        self.subscriptions = FeedSubscriptions(self.db)
        self.entries = FeedEntries(self.db)
        self.stories = StoryStore(
            self.db, self.analyses
        )  # which story each article belongs to (stories.py)
        # which articles wait for their analysis; landing analyses made behind (analysis_queue.py)
        self.queue = AnalysisQueue(self.db, self.analyses, self.stories)

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
        new = check_file(p, timeout)
        lib = cls(p, timeout=timeout, new=new)
        try:
            migrated = lib.db.migrate()
            lib.db.reclaim_space(migrated=migrated)
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
            if check_file(p, 0.0):
                return None
        except LibraryError:
            return None
        lib = cls(p)
        try:
            con = lib.db.connect(timeout=0.0, to_wal=False)
            lib.db.adopt(con)
            if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                lib.close()
                return None
            con.execute(f"PRAGMA busy_timeout = {int(lib.db.timeout * 1000)}")
        except (LibraryError, sqlite3.Error):
            lib.close()
            return None
        return lib

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_new(self) -> bool:
        """Whether this `open()` created the library (so the seeds should be imported)."""
        return self._new

    @property
    def schema_version(self) -> int:
        with self.db.errors():
            return int(self.db.con.execute("PRAGMA user_version").fetchone()[0])

    # -- articles: ArticleStore (articles.py) --------------------------------
    def add(self, article: Article) -> tuple[int, bool]:
        return self.articles.add(article)

    def add_many(self, articles: Iterable[Article]) -> list[tuple[int, bool]]:
        return self.articles.add_many(articles)

    def add_analyzed(
        self, items: Iterable[tuple[Article, Analysis | None]], version: str
    ) -> list[tuple[int, bool]]:
        return self.articles.add_analyzed(items, version)

    def article_at_url(self, url: str) -> int | None:
        return self.articles.article_at_url(url)

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        return self.articles.known_hashes(hashes)

    def count(self, *, unread_only: bool = False, starred_only: bool = False) -> int:
        return self.articles.count(unread_only=unread_only, starred_only=starred_only)

    def rows(
        self, offset: int, limit: int, *, unread_only: bool = False, starred_only: bool = False
    ) -> list[ArticleRow]:
        return self.articles.rows(offset, limit, unread_only=unread_only, starred_only=starred_only)

    def rows_after(
        self,
        after: ArticleRow | None,
        limit: int,
        *,
        unread_only: bool = False,
        starred_only: bool = False,
    ) -> list[ArticleRow]:
        return self.articles.rows_after(
            after, limit, unread_only=unread_only, starred_only=starred_only
        )

    def rows_before(
        self,
        before: ArticleRow | None,
        limit: int,
        *,
        unread_only: bool = False,
        starred_only: bool = False,
    ) -> list[ArticleRow]:
        return self.articles.rows_before(
            before, limit, unread_only=unread_only, starred_only=starred_only
        )

    def row(self, article_id: int) -> ArticleRow:
        return self.articles.row(article_id)

    def get(self, article_id: int) -> Article:
        return self.articles.get(article_id)

    def ids(self) -> list[int]:
        return self.articles.ids()

    def set_read(self, article_id: int, read: bool = True) -> None:
        return self.articles.set_read(article_id, read)

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        return self.articles.set_starred(article_id, starred)

    def counts(self) -> ArticleCounts:
        return self.articles.counts()

    def mark_all_read(self) -> int:
        return self.articles.mark_all_read()

    def remove(self, article_id: int) -> bool:
        return self.articles.remove(article_id)

    # -- _search: LibrarySearch (library_search.py) --------------------------
    def search(self, query: str | Query, limit: int = 50) -> list[SearchHit]:
        return self._search.search(query, limit)

    def search_scope(self, query: str | Query) -> SearchScope:
        return self._search.search_scope(query)

    # -- analyses: AnalysisCache (analysis_cache.py) -------------------------
    def get_analysis(self, article_id: int, version: str) -> Analysis | None:
        return self.analyses.get_analysis(article_id, version)

    def put_analysis(self, article_id: int, analysis: Analysis, version: str) -> None:
        return self.analyses.put_analysis(article_id, analysis, version)

    def put_analyses(self, items: Iterable[tuple[int, Analysis]], version: str) -> None:
        return self.analyses.put_analyses(items, version)

    def analysis_failure(self, article_id: int, version: str) -> str | None:
        """Why the analyser of `version` failed on the article (None: it did not)."""
        return self.queue.failure(article_id, version)

    def entity_names(self, kind: str, prefix: str = "", limit: int = 20) -> list[str]:
        return self.analyses.entity_names(kind, prefix, limit)

    # -- indexes: IndexMaintenance (index_maintenance.py) --------------------
    def rebuild_index(self) -> None:
        return self.indexes.rebuild_index()

    def optimize(self) -> None:
        return self.indexes.optimize()

    def integrity_check(self) -> list[str]:
        return self.indexes.integrity_check()

    # -- subscriptions: FeedSubscriptions (feeds.py) -------------------------
    def add_feed(self, location: str, *, full_text: bool = False) -> tuple[int, bool]:
        return self.subscriptions.add_feed(location, full_text=full_text)

    def feeds(self) -> list[FeedRow]:
        return self.subscriptions.feeds()

    def feed(self, location: str) -> FeedRow | None:
        return self.subscriptions.feed(location)

    def set_full_text(self, location: str, on: bool) -> bool:
        return self.subscriptions.set_full_text(location, on)

    def remove_feed(self, location: str) -> bool:
        return self.subscriptions.remove_feed(location)

    def record_fetch(
        self,
        location: str,
        *,
        fetched: dt.datetime,
        error: str = "",
        added: int = 0,
        title: str | None = None,
        site: str | None = None,
        etag: str | None = None,
        modified: str | None = None,
        retry_after: dt.datetime | None = None,
    ) -> bool:
        return self.subscriptions.record_fetch(
            location,
            fetched=fetched,
            error=error,
            added=added,
            title=title,
            site=site,
            etag=etag,
            modified=modified,
            retry_after=retry_after,
        )

    # -- entries: FeedEntries (feed_entries.py) ------------------------------
    def entry_articles(self, feed: str, keys: Iterable[str]) -> dict[str, int]:
        return self.entries.entry_articles(feed, keys)

    def article_feeds(self, article_ids: Iterable[int]) -> dict[int, list[str]]:
        return self.entries.article_feeds(article_ids)

    def link_entries(self, feed: str, hashes: dict[str, str]) -> None:
        return self.entries.link_entries(feed, hashes)

    def replace_entry_article(self, article_id: int, article: Article) -> bool:
        return self.entries.replace_entry_article(article_id, article)
