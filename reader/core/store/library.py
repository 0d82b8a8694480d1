"""The library: every article the user has, with read/starred state and cached analyses, in
one SQLite file.

WAL journal, so readers never wait for the writer; a busy timeout, so a second Broadsheet
writing to the same library waits a little and then reports it instead of hanging; foreign
keys on. The schema is migrated on open (see `schema.py`). A file that is not a Broadsheet
library, is damaged, or was written by a newer Broadsheet is refused before anything is
written to it.

One connection per thread (the UI thread reads while a worker imports); `close()` closes
them all. `Library` itself opens the file and keeps the connections, the write transactions
and the error funnel (every SQLite error becomes a one-line `LibraryError`, `errors.py`);
what is stored is kept by mixins that use them: the articles and their reading state
(`ArticleStore`, `articles.py`), search (`LibrarySearch`, `library_search.py`), cached
analyses and entity names (`AnalysisCache`, `analysis_cache.py`), the full-text indexes'
repair and the integrity check (`IndexMaintenance`, `index_maintenance.py`), and feed
subscriptions (`FeedSubscriptions`, `feeds.py`).
"""

from __future__ import annotations

import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reader.core.store.analysis_cache import AnalysisCache, register_functions
from reader.core.store.articles import ArticleStore
from reader.core.store.errors import LibraryError
from reader.core.store.feed_entries import FeedEntries
from reader.core.store.feeds import FeedSubscriptions
from reader.core.store.index_maintenance import IndexMaintenance
from reader.core.store.library_search import LibrarySearch
from reader.core.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from reader.core.store.stories import StoryStore

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_TIMEOUT = 5.0


def default_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("broadsheet") / "library.sqlite3"


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
    except sqlite3.DatabaseError as exc:
        raise _sqlite_error(path, exc, "") from exc
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


def _sqlite_error(path: Path, exc: sqlite3.DatabaseError, doing: str) -> LibraryError:
    """SQLite's exception as one line for the user: busy (another Broadsheet writes), what
    failed while `doing` (an operational error), or damaged (anything else, and any error
    at all while the file is being checked, `doing=""`)."""
    if isinstance(exc, sqlite3.OperationalError):
        if "locked" in str(exc) or "busy" in str(exc):
            return _busy(path)
        if doing:
            return LibraryError(f"{doing} {path}: {exc}")
    return LibraryError(f"the library {path} is damaged ({exc})")


def _busy(path: Path) -> LibraryError:
    return LibraryError(f"library is busy: another Broadsheet is writing to {path}")


class Library(
    ArticleStore, LibrarySearch, AnalysisCache, IndexMaintenance, FeedSubscriptions, FeedEntries
):
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
        self.stories = StoryStore(self)  # which story each article belongs to (stories.py)

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
            con = lib._connect(timeout=0.0, to_wal=False)
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

    def _connect(self, timeout: float | None = None, *, to_wal: bool = True) -> sqlite3.Connection:
        """A new connection; `timeout`: seconds to wait for a lock (default: the library's).
        `to_wal=False`: a library not yet in WAL mode is an error instead of being switched
        (switching writes to the file)."""
        wait = self._timeout if timeout is None else timeout
        try:
            con = sqlite3.connect(
                self.path, timeout=wait, isolation_level=None, check_same_thread=False
            )
            if to_wal:
                con.execute("PRAGMA journal_mode = WAL")
            elif con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                con.close()
                raise LibraryError(f"the library {self.path} is not in WAL mode yet")
            con.execute("PRAGMA synchronous = NORMAL")  # durable across app crashes under WAL
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("PRAGMA cache_size = -16000")  # 16 MB
            register_functions(con)
        except sqlite3.DatabaseError as exc:
            raise _sqlite_error(self.path, exc, "cannot open the library") from exc
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
        except sqlite3.DatabaseError as exc:
            raise _sqlite_error(self.path, exc, "library") from exc

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
        self._reclaim_space()

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
