"""Library files Broadsheet must refuse, each with the words its one-line refusal contains:
used by the CLI tests and the app tests alike."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.core.article import Article
from reader.core.store import SCHEMA_VERSION, Library


def not_sqlite(path: Path) -> str:
    path.write_bytes(b"These are my notes, not a database.\n" * 100)
    return "is not a Broadsheet library (not an SQLite database)"


def damaged(path: Path) -> str:
    with Library.open(path) as lib:
        lib.add(Article("A title", "A title\n\nSome body text."))
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)
    path.write_bytes(bytes(data))
    return "is damaged"


def newer(path: Path) -> str:
    with Library.open(path) as lib:
        lib.add(Article("A title", "A title\n\nSome body text."))
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    return "was written by a newer Broadsheet"


REFUSED: list[Callable[[Path], str]] = [not_sqlite, damaged, newer]
