"""The library: dedup, paging, state, the analysis cache, refusing files it must not touch,
and a busy second writer."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_support import make_article

from reader.core.analysis.model import Analysis, Entity, Number
from reader.core.store import SCHEMA_VERSION, Library, LibraryError


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib" / "library.sqlite3")
    yield library
    library.close()


def test_open_creates_folders_and_knows_it_is_new(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "library.sqlite3"
    with Library.open(path) as first:
        assert first.is_new()
        assert first.path == path
        assert first.schema_version == SCHEMA_VERSION
    with Library.open(path) as again:
        assert not again.is_new()


def test_default_path_is_in_the_user_data_dir(tmp_path: Path) -> None:
    with Library.open() as library:  # XDG_DATA_HOME points into tmp_path (conftest)
        assert library.path.name == "library.sqlite3"
        assert library.path.is_relative_to(tmp_path)


def test_add_deduplicates_by_body(lib: Library) -> None:
    first = make_article(1)
    assert lib.add(first) == (1, True)
    same_body = make_article(1)
    same_body.title, same_body.source = "Another title", "Other outlet"
    assert lib.add(same_body) == (1, False)
    assert lib.add(make_article(2)) == (2, True)
    assert lib.count() == 2
    assert lib.row(1).title == "Story number 1"


def test_add_many_reports_each_article(lib: Library) -> None:
    lib.add(make_article(1))
    result = lib.add_many([make_article(1), make_article(2), make_article(2), make_article(3)])
    assert result == [(1, False), (2, True), (2, False), (3, True)]
    assert lib.count() == 3


def test_get_returns_the_whole_article(lib: Library) -> None:
    article = make_article(7, published=dt.date(2024, 5, 6))
    article.title_derived = True
    article.language = "de"
    article_id, _ = lib.add(article)
    got = lib.get(article_id)
    assert got.body == article.body
    assert got.blocks == article.blocks
    assert got.content_hash == article.content_hash
    assert (got.title, got.source, got.published, got.url, got.author, got.path) == (
        article.title,
        article.source,
        article.published,
        article.url,
        article.author,
        article.path,
    )
    assert got.language == "de"
    assert got.title_derived
    row = lib.row(article_id)
    assert row.word_count == article.word_count
    assert row.title_derived and row.path == article.path


@pytest.mark.parametrize(
    "body",
    [
        "nul \x00 inside",
        "escape \x1b[31m red \x1b]0;title\x07 bell",
        "bidi \u202e override \u2066 isolate",
        "[/] [bold]markup[/bold] [@click=app.quit]x[/]",
        "emoji 🌧️ and combining e\u0301",
        "x" * 2_000_000,
    ],
)
def test_hostile_bodies_round_trip_verbatim(lib: Library, body: str) -> None:
    article = make_article(1, title=body[:100], body=body)
    article_id, _ = lib.add(article)
    got = lib.get(article_id)
    assert (got.title, got.body) == (article.title, article.body)
    assert lib.rows(0, 1)[0].title == article.title


def test_lone_surrogates_are_stored_as_replacement_characters(lib: Library) -> None:
    article = make_article(1, title="bad \ud800 title", body="bad \udfff body")
    article_id, created = lib.add(article)
    assert created
    got = lib.get(article_id)
    assert got.title == "bad \ufffd title"
    assert len(got.body) == len(article.body)  # offsets into the body stay valid
    assert got.body == article.body.replace("\udfff", "\ufffd").replace("\ud800", "\ufffd")
    assert lib.add(make_article(1, title="bad \ud800 title", body="bad \udfff body")) == (
        article_id,
        False,
    )


def test_missing_article_is_a_library_error(lib: Library) -> None:
    with pytest.raises(LibraryError, match="no article 42"):
        lib.get(42)
    with pytest.raises(LibraryError, match="no article 42"):
        lib.row(42)
    with pytest.raises(LibraryError, match="no article 42"):
        lib.set_read(42)


def test_rows_are_newest_first_undated_last(lib: Library) -> None:
    dates = [dt.date(2024, 1, 3), None, dt.date(2024, 1, 1), dt.date(2024, 1, 3), None]
    for n, published in enumerate(dates, start=1):
        lib.add(make_article(n, published=published))
    order = [r.id for r in lib.rows(0, 100)]
    # 2024-01-03 (ids 4, 1), then 2024-01-01 (id 3), then undated, newest added first (5, 2).
    assert order == [4, 1, 3, 5, 2]
    assert lib.ids() == order
    assert [r.id for r in lib.rows(1, 2)] == [1, 3]
    assert [r.id for r in lib.rows(4, 10)] == [2]
    assert lib.rows(10, 10) == []
    assert lib.rows(0, 2)[0].published == dt.date(2024, 1, 3)


def test_rows_never_read_bodies(lib: Library) -> None:
    for n in range(5):
        lib.add(make_article(n))

    def no_bodies(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table == "article_text":
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    lib.db.con.set_authorizer(no_bodies)
    assert len(lib.rows(0, 10)) == 5
    assert lib.count() == 5
    assert len(lib.ids()) == 5
    with pytest.raises(LibraryError):  # the authorizer really is in force
        lib.get(1)


def test_read_and_starred_filter_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        for n in range(1, 6):
            lib.add(make_article(n, published=dt.date(2024, 1, n)))
        lib.set_read(2)
        lib.set_read(3)
        lib.set_read(3, False)
        lib.set_starred(4)
        lib.set_starred(2, True)
    with Library.open(path) as lib:
        assert lib.row(2).read and not lib.row(3).read
        assert lib.row(4).starred and lib.row(2).starred and not lib.row(1).starred
        assert lib.count(unread_only=True) == 4
        assert lib.count(starred_only=True) == 2
        assert lib.count(unread_only=True, starred_only=True) == 1
        assert [r.id for r in lib.rows(0, 10, unread_only=True)] == [5, 4, 3, 1]
        assert [r.id for r in lib.rows(0, 10, starred_only=True)] == [4, 2]
        assert [r.id for r in lib.rows(0, 10, unread_only=True, starred_only=True)] == [4]


def _analysis(*names: tuple[str, str]) -> Analysis:
    return Analysis(
        entities=[Entity(text=n, kind=k, start=0, end=len(n), name=n) for k, n in names],  # type: ignore[arg-type]
        numbers=[Number("5%", "percent", 0, 2, 5.0, "%")],
        anchor="2024-01-01",
    )


def test_analysis_cache_is_versioned(lib: Library) -> None:
    article_id, _ = lib.add(make_article(1))
    assert lib.get_analysis(article_id, "v1") is None
    first = _analysis(("person", "Ada Lovelace"), ("place", "London"))
    lib.put_analysis(article_id, first, "v1")
    assert lib.get_analysis(article_id, "v1") == first
    assert lib.get_analysis(article_id, "v2") is None
    second = _analysis(("org", "Acme"))
    lib.put_analysis(article_id, second, "v2")
    assert lib.get_analysis(article_id, "v2") == second
    assert lib.get_analysis(article_id, "v1") is None
    # The entity index follows the latest analysis only.
    assert lib.entity_names("person") == []
    assert lib.entity_names("org", "ac") == ["Acme"]
    assert lib.search("org:acme")[0].id == article_id
    assert lib.search("person:ada") == []


def test_put_analysis_for_missing_article_fails_cleanly(lib: Library) -> None:
    with pytest.raises(LibraryError):
        lib.put_analysis(99, _analysis(), "v1")


def _bytes_and_siblings(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"These are my notes, not a database.\n" * 100)
    before = _bytes_and_siblings(path)
    with pytest.raises(LibraryError, match="not a Broadsheet library"):
        Library.open(path)
    assert _bytes_and_siblings(path) == before


def test_a_damaged_library_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        lib.add(make_article(1))
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # wreck the schema page
    path.write_bytes(bytes(data))
    before = _bytes_and_siblings(path)
    with pytest.raises(LibraryError, match="damaged"):
        Library.open(path)
    assert _bytes_and_siblings(path) == before


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE things (x)")
    con.commit()
    con.close()
    before = _bytes_and_siblings(path)
    with pytest.raises(LibraryError, match="not a Broadsheet library"):
        Library.open(path)
    assert _bytes_and_siblings(path) == before


def test_a_library_from_a_newer_broadsheet_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        lib.add(make_article(1))
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.commit()
    con.execute("PRAGMA journal_mode = DELETE")  # leave no -wal/-shm behind
    con.close()
    before = _bytes_and_siblings(path)
    with pytest.raises(LibraryError) as caught:
        Library.open(path)
    assert str(caught.value) == (
        f"{path} was written by a newer Broadsheet (schema {SCHEMA_VERSION + 5}); "
        f"this one knows up to {SCHEMA_VERSION}"
    )
    assert _bytes_and_siblings(path) == before


def test_a_busy_second_writer_gets_a_library_error_not_a_hang(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        lib.add(make_article(1))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another Broadsheet in the middle of writing
    try:
        with Library.open(path, timeout=0.1) as lib:
            assert lib.count() == 1  # reading is fine (WAL)
            with pytest.raises(LibraryError) as caught:
                lib.set_read(1)
            assert str(caught.value) == f"library is busy: another Broadsheet is writing to {path}"
            with pytest.raises(LibraryError, match="busy"):
                lib.add(make_article(2))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Library.open(path) as lib:  # and nothing was half-written
        assert lib.count() == 1
        assert not lib.row(1).read


def test_two_libraries_on_one_file_see_each_others_writes(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as one, Library.open(path) as two:
        one.add(make_article(1))
        two.set_starred(1)
        assert one.row(1).starred
        assert two.add(make_article(1)) == (1, False)


def test_usable_from_a_worker_thread(lib: Library) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            lib.add_many(make_article(n) for n in range(20))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
    assert lib.count() == 20


def test_connections_of_ended_threads_are_closed(lib: Library) -> None:
    for n in range(5):
        thread = threading.Thread(target=lambda n=n: lib.add(make_article(n)))
        thread.start()
        thread.join()
    lib.count()  # this thread's connection; the ended threads' ones are gone
    assert len(lib.db._connections) <= 2
    assert lib.count() == 5


def test_closed_library_refuses_work(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "library.sqlite3")
    lib.close()
    with pytest.raises(LibraryError, match="closed"):
        lib.count()


def test_integrity_check_is_clean(lib: Library) -> None:
    lib.add_many(make_article(n) for n in range(10))
    lib.put_analysis(1, _analysis(("person", "Ada")), "v1")
    assert lib.integrity_check() == []


def test_rebuild_index_repairs_search(lib: Library) -> None:
    lib.add_many(make_article(n, title=f"Harbour {n}") for n in range(3))
    lib.put_analysis(2, _analysis(("person", "Ada Lovelace")), "v1")
    lib.db.con.execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")
    lib.db.con.execute("DELETE FROM entity_fts")
    assert lib.search("harbour") == [] and lib.search("person:ada") == []
    lib.rebuild_index()
    assert sorted(h.id for h in lib.search("harbour")) == [1, 2, 3]
    assert [h.id for h in lib.search("person:ada")] == [2]
    lib.optimize()
    assert lib.integrity_check() == []
    assert sorted(h.id for h in lib.search("harbour")) == [1, 2, 3]


def test_mark_all_read_counts_what_it_changed(tmp_path: Path) -> None:
    from reader.core.importer import import_seeds

    with Library.open(tmp_path / "library.db") as library:
        import_seeds(library)
        first = library.ids()[0]
        library.set_read(first)
        assert library.mark_all_read() == 1
        assert library.mark_all_read() == 0
        assert library.count(unread_only=True) == 0
