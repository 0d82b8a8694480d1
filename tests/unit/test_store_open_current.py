"""`Library.open_current`: what the app opens on the UI thread before its first frame. It
must never write, create, migrate or wait; anything it cannot do at once is None (the app
then opens the library in a worker, which reports what is wrong)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_migrations import make_old_library

from reader.core.importer import import_seeds
from reader.core.store import SCHEMA_VERSION, Library


def seeded(path: Path) -> Path:
    with Library.open(path) as library:
        import_seeds(library)
    return path


def test_a_ready_library_opens_and_reads(tmp_path: Path) -> None:
    path = seeded(tmp_path / "library.db")
    library = Library.open_current(path)
    assert library is not None
    try:
        assert len(library.rows(0, 10)) == 2 and not library.is_new()
    finally:
        library.close()


def test_nothing_is_created_for_a_missing_or_empty_file(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "library.db"
    assert Library.open_current(missing) is None
    assert not missing.parent.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert Library.open_current(empty) is None
    assert empty.read_bytes() == b""


def test_an_older_schema_is_left_to_the_migrating_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_old_library(path, SCHEMA_VERSION - 1)
    before = path.read_bytes()
    assert Library.open_current(path) is None
    assert path.read_bytes() == before
    with Library.open(path) as library:  # the worker's open migrates it
        assert library.schema_version == SCHEMA_VERSION


def test_not_a_library_is_left_alone(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database", encoding="utf-8")
    assert Library.open_current(text) is None
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t (x)")
    con.close()
    assert Library.open_current(other) is None


def test_a_lock_is_not_waited_for(tmp_path: Path) -> None:
    path = seeded(tmp_path / "library.db")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        assert Library.open_current(path) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
