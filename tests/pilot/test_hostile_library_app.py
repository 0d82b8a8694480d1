"""The app given a library it must refuse (not SQLite, damaged, from a newer Broadsheet) or one
another Broadsheet is writing to: a clear one-line message instead of a traceback, no hang,
every key still safe, and the file never written to."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.worker import WorkerFailed

from reader.core.store import Library
from reader.ui import app as app_module
from reader.ui.reading.article_list import ArticleList
from tests.hostile.libraries import REFUSED, not_sqlite
from tests.settling import settle

KEYS = ["enter", "j", "c", "t", "m", "slash", "escape", "r", "s", "o", "y", "l", "question_mark"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


async def settle_failed(pilot: Any) -> None:
    """`settle`, for when a worker is expected to fail (its error is the notice)."""
    for _ in range(3):
        await pilot.pause()
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def errors(app: Any) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


@pytest.mark.parametrize("make", REFUSED)
async def test_a_refused_library_is_one_clear_notice(
    tmp_path: Path, build_app: Any, make: Any
) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    path = folder / "library.sqlite3"
    says = make(path)
    before = _tree(folder)
    app = build_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        (message,) = errors(app)
        assert says in message and str(path) in message and "\n" not in message
        assert "Traceback" not in message
        assert app.screen.query_one(ArticleList).option_count == 0
        await pilot.press(*KEYS)
        await settle(pilot)
        assert app.is_running
        assert all(says in m for m in errors(app)), "no other error follows the first"
    assert app.return_value is None
    assert _tree(folder) == before, "the library file is never written to"


def test_run_app_on_a_refused_library_shows_the_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`run_app` (what `broadsheet --library PATH` runs), driven headless."""
    path = tmp_path / "corrupt.sqlite3"
    says = not_sqlite(path)
    before = path.read_bytes()
    seen: list[str] = []

    async def drive(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press(*KEYS)
        await settle(pilot)
        seen.extend(errors(pilot.app))
        pilot.app.exit()

    real_run = App.run

    def headless_run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        return real_run(self, headless=True, size=(100, 30), auto_pilot=drive)

    monkeypatch.setattr(app_module.BroadsheetApp, "run", headless_run)
    assert app_module.run_app(path) == 0
    assert len(seen) == 1 and says in seen[0]
    assert path.read_bytes() == before


async def test_a_busy_library_reads_and_says_so_when_writing(
    library_path: Path, build_app: Any
) -> None:
    """Another Broadsheet is writing: the list still loads; marking read waits the busy
    timeout in a worker (the UI never hangs), then one notice; nothing changes."""
    library = Library.open(library_path, timeout=0.3)
    other = sqlite3.connect(library_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        app = build_app(library)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle(pilot)
            listed = app.screen.query_one(ArticleList)
            assert listed.option_count == 2
            first = listed.highlighted_id
            await pilot.press("r")
            await pilot.press("j", "k")  # the UI answers while the worker waits
            assert listed.highlighted_id == first
            await settle_failed(pilot)
            (message,) = errors(app)
            busy = f"library is busy: another Broadsheet is writing to {library_path}"
            assert message.endswith(busy)
            assert not next(r for r in listed.rows if r.id == first).read
            assert app.is_running
    finally:
        other.execute("ROLLBACK")
        other.close()
        library.close()
    with Library.open(library_path) as lib:
        assert not lib.row(first).read


async def test_the_error_notice_shows_controls_as_symbols(tmp_path: Path, build_app: Any) -> None:
    """The error funnel notified str(error) as is (fixed in 3d6ad8d)."""
    from test_hostile_app import assert_safe

    path = tmp_path / "lib\x1b]0;pwned\x07\u202e.sqlite3"
    not_sqlite(path)
    app = build_app(path)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        (message,) = errors(app)
        assert "is not a Broadsheet library" in message
        assert_safe(app)
