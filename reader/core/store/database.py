"""The library's SQLite file: the check before it is opened, one connection per thread, write
transactions, migrations, and the error funnel (every SQLite error becomes a one-line
`LibraryError`). The parts of the library (`library.py`) each hold the `Database` and use only
`con`, `write()` and `errors()`."""

from __future__ import annotations

import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reader.core.store.errors import LibraryError
from reader.core.store.packing import register_functions
from reader.core.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_TIMEOUT = 5.0


def check_file(path: Path, timeout: float) -> bool:
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
        raise too_new(path, version)
    return version == 0


def too_new(path: Path, version: int) -> LibraryError:
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


_INCREMENTAL = 2  # PRAGMA auto_vacuum's value for incremental vacuum


class Database:
    """One library file's connections (one per thread: the UI thread reads while a worker
    imports; a worker thread's is closed once the thread has ended, and every Textual worker
    is a new thread)."""

    def __init__(self, path: Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self._local = threading.local()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._lock = threading.Lock()
        self._closed = False

    def connect(self, timeout: float | None = None, *, to_wal: bool = True) -> sqlite3.Connection:
        """A new connection; `timeout`: seconds to wait for a lock (default: the library's).
        `to_wal=False`: a library not yet in WAL mode is an error instead of being switched
        (switching writes to the file)."""
        wait = self.timeout if timeout is None else timeout
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
            register_functions(con)  # (what migrations and triggers call)
        except sqlite3.DatabaseError as exc:
            raise _sqlite_error(self.path, exc, "cannot open the library") from exc
        return con

    @property
    def con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            if self._closed:
                raise LibraryError(f"the library {self.path} is closed")
            con = self.connect()
            self.adopt(con)
        return con

    def adopt(self, con: sqlite3.Connection) -> None:
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
    def errors(self) -> Iterator[None]:
        """Turn SQLite's exceptions into one-line `LibraryError`s."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise _sqlite_error(self.path, exc, "library") from exc

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: wait for the write lock up front)."""
        con = self.con
        with self.errors():
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def migrate(self) -> bool:
        """Apply the migrations the file lacks; whether any was applied here."""
        con = self.con
        with self.errors():
            version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # upgraded by a newer Broadsheet since we looked
            raise too_new(self.path, version)
        applied = False
        for number, statements in enumerate(MIGRATIONS, start=1):
            with self.errors():
                if con.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
            with self.write():
                # Another Broadsheet may have migrated while we waited for the lock.
                if con.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                for statement in statements:
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {number}")
                applied = True
        return applied

    def reclaim_space(self, *, migrated: bool = False) -> None:
        """Switch the file to incremental vacuum, once: a library made before schema 10 is
        rewritten (VACUUM, which also drops the pages migration 10 freed; seconds on a big
        library), a new one costs nothing. When another Broadsheet holds the file it is left
        for the next open. One already switched gives back the pages a migration just freed
        (`migrated`: migration 11 packs the stories' rows)."""
        con = self.con
        with self.errors():
            if con.execute("PRAGMA auto_vacuum").fetchone()[0] == _INCREMENTAL:
                if migrated:
                    self.release_free_pages()
                return
            try:
                con.execute(f"PRAGMA auto_vacuum = {_INCREMENTAL}")
                con.execute("VACUUM")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise

    def release_free_pages(self) -> None:
        """Give the file's free pages back to the file system (after a removal). Outside a
        transaction: `executescript`, because one `execute` step frees one page."""
        with self.errors():
            self.con.executescript("PRAGMA incremental_vacuum")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for _thread, con in connections:
            with suppress(sqlite3.Error):
                con.close()
        self._local = threading.local()
