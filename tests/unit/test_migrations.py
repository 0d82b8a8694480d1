"""Migrations: a library made by every older schema opens with its state intact; a failed
migration changes nothing; two Broadsheets creating one library at once both succeed."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.core.analysis.model import Analysis, Entity
from reader.core.store import SCHEMA_VERSION, Library, LibraryError
from reader.core.store import database as library_module
from reader.core.store.packing import register_functions
from reader.core.store.schema import MIGRATIONS


def make_old_library(path: Path, version: int) -> None:
    """A library at schema `version`, with three articles written as schema 1 knows them,
    article 2 read and article 3 starred."""
    con = sqlite3.connect(path, isolation_level=None)
    register_functions(con)  # (what migrations 10 and on call, as every library connection)
    for number, statements in enumerate(MIGRATIONS[:version], start=1):
        con.execute("BEGIN")
        for statement in statements:
            con.execute(statement)
        con.execute(f"PRAGMA user_version = {number}")
        con.execute("COMMIT")
    for n in (1, 2, 3):
        body = f"Old article {n}\n\nIts body mentions the harbour {n}."
        con.execute(
            "INSERT INTO articles (id, title, source, published, path, content_hash, read,"
            " starred, added, word_count) VALUES (?, ?, 'Old Times', ?, ?, ?, ?, ?, ?, ?)",
            (
                n,
                f"Old article {n}",
                f"2020-01-0{n}",
                f"/old/{n}.txt",
                f"hash{n}",
                int(n == 2),
                int(n == 3),
                "2020-01-01T00:00:00+00:00",
                len(body.split()),
            ),
        )
        con.execute("INSERT INTO article_text (id, body, blocks) VALUES (?, ?, '[]')", (n, body))
        con.execute(
            "INSERT INTO article_fts (rowid, title, body, source) VALUES (?, ?, ?, 'Old Times')",
            (n, f"Old article {n}", body),
        )
    con.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_state_survives_every_migration(tmp_path: Path, version: int) -> None:
    path = tmp_path / "library.sqlite3"
    make_old_library(path, version)
    with Library.open(path) as lib:
        assert not lib.is_new()
        assert lib.schema_version == SCHEMA_VERSION
        assert lib.count() == 3
        assert [r.id for r in lib.rows(0, 10)] == [3, 2, 1]
        assert lib.row(2).read and not lib.row(1).read and not lib.row(3).read
        assert lib.row(3).starred and not lib.row(2).starred
        assert lib.count(unread_only=True) == 2 and lib.count(starred_only=True) == 1
        assert lib.get(1).body.startswith("Old article 1")
        assert [h.id for h in lib.search("harbour 2 ")] == [2]
        # What the later migrations added works on the old articles.
        lib.put_analysis(1, Analysis(entities=[Entity("Ada", "person", 0, 3, "Ada")]), "v")
        assert [h.id for h in lib.search("person:ada")] == [1]
        assert lib.integrity_check() == []


def test_a_failing_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
    broken = (*MIGRATIONS, ("CREATE TABLE half_done (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr(library_module, "MIGRATIONS", broken)
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", len(broken))
    with pytest.raises(LibraryError):
        Library.open(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    assert "half_done" not in tables


def test_two_broadsheets_creating_one_library_at_once(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    errors: list[BaseException] = []
    versions: list[int] = []

    def open_it() -> None:
        try:
            with Library.open(path) as lib:
                versions.append(lib.schema_version)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert versions == [SCHEMA_VERSION] * 4


def test_a_schema_2_library_keeps_its_analyses_and_gains_feeds(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    make_old_library(path, 2)
    cached = Analysis(entities=[Entity("Harbour", "place", 0, 7, "Harbour")])
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(
        "INSERT INTO analyses (article_id, version, data) VALUES (1, 'old', ?)",
        (json.dumps(cached.to_json()),),
    )
    con.execute("INSERT INTO entities (article_id, kind, name) VALUES (1, 'place', 'Harbour')")
    con.execute("INSERT INTO entity_fts (rowid, person, place, org) VALUES (1, '', 'Harbour', '')")
    con.close()
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        assert lib.row(2).read and lib.row(3).starred and not lib.row(1).read
        assert lib.get_analysis(1, "old") == cached
        assert [h.id for h in lib.search("place:harbour")] == [1]
        assert lib.feeds() == []
        assert lib.add_feed("https://gazette.example/rss") == (1, True)
        assert lib.integrity_check() == []
    with Library.open(path) as again:  # opened again: nothing to migrate, all still there
        assert [f.location for f in again.feeds()] == ["https://gazette.example/rss"]
        assert again.get_analysis(1, "old") == cached


def test_counts_are_taken_over_and_kept_by_triggers(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    make_old_library(path, 3)  # three articles: 2 read, 3 starred
    with Library.open(path) as lib:
        assert tuple(lib.counts()) == (3, 2, 1)
        lib.set_read(2, False)
        lib.set_starred(1)
        lib.set_starred(3, False)
        assert tuple(lib.counts()) == (3, 3, 1)
        lib.mark_all_read()
        assert tuple(lib.counts()) == (3, 0, 1)
        con = sqlite3.connect(path)
        with con:
            con.execute("DELETE FROM articles WHERE id = 1")
        con.close()
        assert tuple(lib.counts()) == (2, 0, 0)


def test_a_schema_8_library_is_packed_and_vacuumed(tmp_path: Path) -> None:
    """Migration 10: the analyses stored as JSON text are packed (and read back the same),
    the old articles are still found, and the file is switched to incremental vacuum."""
    path = tmp_path / "library.sqlite3"
    make_old_library(path, 8)
    cached = Analysis(entities=[Entity("Harbour", "place", 0, 7, "Harbour")])
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(
        "INSERT INTO analyses (article_id, version, data) VALUES (1, 'old', ?)",
        (json.dumps(cached.to_json()),),
    )
    assert con.execute("PRAGMA auto_vacuum").fetchone()[0] == 0
    con.close()
    with Library.open(path) as lib:
        assert lib.get_analysis(1, "old") == cached
        assert [h.id for h in lib.search("harbour 3 ")] == [3]
        assert [h.id for h in lib.search("harb")] == [3, 2, 1]
        assert lib.integrity_check() == []
    con = sqlite3.connect(path)
    stored = con.execute("SELECT typeof(data) FROM analyses").fetchall()
    vacuum = con.execute("PRAGMA auto_vacuum").fetchone()[0]
    con.close()
    assert stored == [("blob",)]
    assert vacuum == 2  # incremental


def test_an_unpacked_analysis_is_still_read(tmp_path: Path) -> None:
    """An analysis left as JSON text (written by a Broadsheet between the two) is read."""
    path = tmp_path / "library.sqlite3"
    make_old_library(path, 8)
    with Library.open(path) as lib:
        cached = Analysis(entities=[Entity("Ada", "person", 0, 3, "Ada")])
        lib.put_analysis(2, cached, "v")
        lib.db.con.execute(
            "UPDATE analyses SET data = ? WHERE article_id = 2", (json.dumps(cached.to_json()),)
        )
        assert lib.get_analysis(2, "v") == cached
        lib.db.con.execute("UPDATE analyses SET data = x'00ff' WHERE article_id = 2")
        assert lib.get_analysis(2, "v") is None  # damaged entry: recomputed
