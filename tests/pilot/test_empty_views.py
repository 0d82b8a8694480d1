"""An empty list says why it is empty and which key gets out of it, in the list itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.reading.article_list import ArticleList, EmptyOption
from tests.settling import settle


def list_text(app: Any) -> str:
    listed = app.screen.query_one(ArticleList)
    return "\n".join(listed.render_line(y).text for y in range(listed.size.height))


async def test_unread_only_with_nothing_unread(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        await pilot.press("A")  # every article read
        await settle(pilot)
        await pilot.press("v")  # unread only
        await settle(pilot)
        assert listed.rows == []
        assert isinstance(listed.get_option_at_index(0), EmptyOption)
        shown = list_text(pilot.app)
        assert "Nothing unread" in shown and "Press v twice" in shown
        await pilot.press("v")  # starred only: none starred either
        await settle(pilot)
        assert "Nothing starred" in list_text(pilot.app)
        await pilot.press("v")
        await settle(pilot)
        assert len(listed.rows) == 2 and "Nothing" not in list_text(pilot.app)


async def test_empty_library_says_how_to_fill_it(tmp_path: Path, build_app: Any) -> None:
    from reader.core.store import Library

    path = tmp_path / "empty.db"
    Library.open(path).close()
    async with build_app(path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        assert listed.rows == []
        shown = list_text(pilot.app)
        assert "library is empty" in shown and "Press a" in shown
