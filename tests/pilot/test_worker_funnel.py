"""Issue 11: every failed worker of the reading screen reaches one funnel, in one format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.store import Library, LibraryError
from reader.ui.reading.main_screen import MainScreen
from tests.settling import settle


async def test_a_failed_flag_change_is_one_could_not_line(
    library_path: Path, build_app: Any, monkeypatch: Any
) -> None:
    def broken(self: Library, article_id: int, read: bool = True) -> None:
        raise LibraryError("library is busy: another Broadsheet is writing to it")

    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        monkeypatch.setattr(Library, "set_read", broken)
        await pilot.press("r")
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert [n.message for n in errors] == [
            "Could not save the change: library is busy: another Broadsheet is writing to it"
        ]


async def test_an_unexpected_error_is_named_by_its_type(
    library_path: Path, build_app: Any, monkeypatch: Any
) -> None:
    def broken(self: Library, article_id: int) -> Any:
        raise ValueError("bad row")

    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Library, "get", broken)
        await pilot.press("enter")
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors == ["Could not open the articles: ValueError: bad row"]
