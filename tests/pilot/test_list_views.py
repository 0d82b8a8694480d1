"""v cycles what the list shows: all articles, only the unread, only the starred."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.chrome.title_bar import TitleBar
from reader.ui.reading.article_list import ArticleList
from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle


async def test_views_filter_the_list_and_say_so(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        first, second = (row.id for row in listed.rows)
        await pilot.press("s")  # star the first
        await settle(pilot)
        title = pilot.app.screen.query_one(TitleBar)
        assert "2 unread of 2" in str(title.render())
        await pilot.press("down", "r")  # the second read
        await settle(pilot)
        assert "1 unread of 2" in str(title.render())

        await pilot.press("v")
        await settle(pilot)
        assert [r.id for r in listed.rows] == [first]
        assert "unread only" in str(pilot.app.screen.query_one(TitleBar).render())

        await pilot.press("v")
        await settle(pilot)
        assert [r.id for r in listed.rows] == [first]
        assert all(r.starred for r in listed.rows)
        assert "starred only" in str(pilot.app.screen.query_one(TitleBar).render())

        await pilot.press("s")  # unstar: the starred view is now empty, and says why
        await settle(pilot)
        await pilot.press("v", "v", "v")  # all, unread, starred again
        await settle(pilot)
        assert listed.rows == []
        hint = str(pilot.app.screen.query_one(ReadingPane).header.render())
        assert "Nothing starred" in hint and "v" in hint

        await pilot.press("v")
        await settle(pilot)
        assert {r.id for r in listed.rows} == {first, second}
        assert "only" not in str(pilot.app.screen.query_one(TitleBar).render())


async def test_mark_all_read(library_path: Path, build_app: Any) -> None:
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        assert not any(r.read for r in listed.rows)
        await pilot.press("A")
        await settle(pilot)
        assert listed.rows and all(r.read for r in listed.rows)
        assert any("Marked 2 articles read" in n.message for n in app._notifications)
        assert "0 unread of 2" in str(pilot.app.screen.query_one(TitleBar).render())
        await pilot.press("v")  # unread only: nothing left
        await settle(pilot)
        assert listed.rows == []
