"""Issue 14, the reading screen's rough edges: room for four panes (9), marks counted (11),
read state from side by side and search hits (12), focus after the list comes back (14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reader.core.reading.handoffs import Jump, SearchOutcome
from reader.core.store import Library
from reader.ui.reading.article_list import ArticleList
from reader.ui.reading.main_screen import MainScreen
from reader.ui.reading.pane_room import MIN_PANE, pane_room
from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle

STORY = "Dock workers in Rotterdam returned on Monday after a deal on pay. " * 20


def four_articles(library_path: Path, add_articles: Any) -> list[int]:
    return add_articles(
        library_path,
        [
            {
                "text": f"Strike ends {n}\n\n{STORY}",
                "source": f"Outlet {n}",
                "published": dt.date(2025, 10, 20 + n),
            }
            for n in range(4)
        ],
    )


def read_flags(library_path: Path) -> dict[int, bool]:
    with Library.open(library_path) as lib:
        return {r.id: r.read for r in lib.rows(0, 50)}


def test_pane_room_keeps_every_pane_at_least_min_wide() -> None:
    for width in range(40, 320, 7):
        for panes in range(1, 5):
            for asked in (False, True):
                shown, count = pane_room(width, panes, list_shown=asked)
                beside = 0 if not shown or width < 100 else min(64, max(24, int(width * 0.42)))
                assert count >= 1
                assert count == 1 or (width - beside) // count >= MIN_PANE, (width, panes, asked)


async def test_four_panes_at_160_hide_the_list_and_get_40_columns(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    four_articles(library_path, add_articles)
    async with build_app(library_path).run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        screen.query_one(ArticleList).highlighted = 0
        await pilot.press(*["space"] * 4, "c")
        await settle(pilot)
        shown = [p for p in screen.query(ReadingPane) if p.display]
        assert len(shown) == 4
        assert not screen.query_one(ArticleList).display
        assert all(p.region.width >= MIN_PANE for p in shown), [p.region.width for p in shown]
        await pilot.press("l")  # the list back: fewer panes, never narrower ones
        await settle(pilot)
        shown = [p for p in screen.query(ReadingPane) if p.display]
        assert screen.query_one(ArticleList).display and 1 <= len(shown) < 4
        assert all(p.region.width >= MIN_PANE for p in shown)


async def test_marked_articles_are_counted_in_the_title_line(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    four_articles(library_path, add_articles)
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("space", "space")
        await settle(pilot)
        assert "2 marked" in screen.sub_title
        await pilot.press("k", "space")  # the row just marked, un-marked
        await settle(pilot)
        assert "1 marked" in screen.sub_title
        assert len(screen.query_one(ArticleList).marked) == 1


async def test_side_by_side_marks_what_it_shows_read(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    four_articles(library_path, add_articles)
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "c")
        await settle(pilot)
        shown = pilot.app.screen.pane_ids
        assert len(shown) == 2
    flags = read_flags(library_path)
    assert all(flags[i] for i in shown) and not all(flags.values())


async def test_a_search_hit_opened_marks_the_article_read(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    ids = four_articles(library_path, add_articles)
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.show_search(SearchOutcome("Rotterdam", Jump(ids[2], 0, 5)))
        await settle(pilot)
        assert ids[2] in screen.pane_ids
        screen.show_search(SearchOutcome("Rotterdam", Jump(ids[2], 10, 15)))  # already open
        await settle(pilot)
    assert read_flags(library_path)[ids[2]]


async def test_l_twice_gives_the_list_its_focus_back(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    four_articles(library_path, add_articles)
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        listed = screen.query_one(ArticleList)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(screen.focused, ReadingPane)
        await pilot.press("l")
        await settle(pilot)
        assert screen.focused is listed
        before = listed.highlighted
        await pilot.press("j")
        await settle(pilot)
        assert listed.highlighted == (before or 0) + 1


def test_a_long_address_is_elided_to_one_word() -> None:
    from reader.ui.reading.reading_pane import URL_CELLS, short_url

    url = "https://www.example-news.com/world/asia/2025/10/29/trump-south-korea-trade-deal-apec"
    short = short_url(url)
    assert len(short) == URL_CELLS and short.endswith("…") and " " not in short
    assert short.startswith("example-news.com/world")
    assert short_url("https://a.example/x") == "a.example/x"
    assert URL_CELLS < MIN_PANE - 2  # (the pane's padding)
