"""The article list holds a window of rows, not the library: walking a list of thousands to
its end and back keeps at most the window in memory, pages come back by keyset either way,
and the cursor's article and the marks survive the window moving away from them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reader.core.article import Article
from reader.core.store import Library
from reader.ui.reading.article_list import ArticleList
from tests.settling import settle

COUNT = 1200  # over twice the window


def build_library(path: Path) -> list[int]:
    """`COUNT` articles with date ties and undated ones; their ids in list order."""
    library = Library.open(path)
    try:
        articles = []
        for n in range(COUNT):
            day = None if n % 97 == 0 else dt.date(2020, 1, 1) + dt.timedelta(days=n % 700)
            text = f"Story number {n}\n\nThe body of story {n}."
            articles.append(Article(title=f"Story number {n}", body=text, published=day))
        library.add_many(articles)
        return [r.id for r in library.rows(0, COUNT + 1)]
    finally:
        library.close()


async def walk(pilot: Any, listed: ArticleList, key: str, stop: int) -> int:
    """Press `key` until the cursor is on row `stop`; returns the most rows the list held on
    the way."""
    most = 0
    for _ in range(COUNT):
        await pilot.press(key)
        await settle(pilot)
        most = max(most, len(listed.rows))
        if listed.highlighted == stop:
            return most
    raise AssertionError(f"the cursor never reached row {stop}")


async def test_walk_to_the_end_and_back(tmp_path: Path, build_app: Any) -> None:
    path = tmp_path / "library.db"
    order = build_library(path)
    async with build_app(path).run_test(size=(100, 250)) as pilot:
        await settle(pilot)
        main = pilot.app.screen
        listed = main.query_one(ArticleList)
        cap = listed.window.cap
        assert listed.row_count == COUNT, "the scrollbar spans the whole list from the start"
        assert listed.virtual_size.height == 2 * COUNT
        await pilot.press("space")  # mark the first article, then walk away from it
        first_marked = order[0]

        most = await walk(pilot, listed, "pagedown", COUNT - 1)
        assert most <= cap < COUNT
        assert listed.highlighted_id == order[-1] and not listed.more
        start = listed.window.start
        assert [r.id for r in listed.rows] == order[start : start + len(listed.rows)]
        assert first_marked not in {r.id for r in listed.rows}
        await pilot.press("space")  # and the last
        assert listed.marked_ids() == [first_marked, order[-1]]

        most = await walk(pilot, listed, "pageup", 0)  # back up, page before page
        assert most <= cap
        assert [r.id for r in listed.rows] == order[: len(listed.rows)]
        assert listed.highlighted_id == first_marked
        assert listed.marked == {first_marked, order[-1]}

        # The cursor stays on its article while the window moves away (the wheel, the
        # scrollbar): the screen's keys still act on it, and j moves on from it.
        listed.highlighted = 10
        listed.scroll_end(animate=False, immediate=True)
        await settle(pilot)
        assert listed.window.start > 10 and listed.highlighted_id == order[10]
        assert main.current_row() is not None and main.current_row().id == order[10]
        await pilot.press("j")
        await settle(pilot)
        assert listed.highlighted == 11 and listed.highlighted_id == order[11]
        assert listed.window.row_at(11) is not None, "the window came back to the cursor"


async def test_end_and_home_jump(tmp_path: Path, build_app: Any) -> None:
    path = tmp_path / "library.db"
    order = build_library(path)
    async with build_app(path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        await pilot.press("end")
        await settle(pilot)
        assert listed.highlighted_id == order[-1] and len(listed.rows) <= listed.window.cap
        assert "Story number" in listed.render_line(listed.size.height - 2).text
        await pilot.press("k", "k")
        assert listed.highlighted_id == order[-3], "j and k move at once, no settle needed"
        await pilot.press("home")
        await settle(pilot)
        assert listed.highlighted_id == order[0] and listed.scroll_y == 0
        await pilot.press("end", "enter")  # enter before the last page is back
        await settle(pilot)
        assert pilot.app.screen.pane_ids == [order[-1]]
