"""Terminals from 20×6 to 300×100, and resizes in the middle of a session while side by side,
the timeline or the search are open: nothing crashes, no raw control reaches the screen, and
nothing is lost (the marked articles, the open articles, the typed query stay the same)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from test_hostile_app import assert_safe

from reader.ui.reading.article_list import ArticleList
from reader.ui.reading.main_screen import MainScreen
from tests.settling import settle

SIZES = [(20, 6), (300, 100), (21, 7), (80, 24), (45, 12), (200, 60), (20, 6), (120, 36)]
SHORT = [(20, 6), (300, 100), (45, 12), (120, 36)]


@pytest.fixture
def library(library_path: Path, add_articles: Any) -> Path:
    """The two seeds and two hostile articles about the same story."""
    hostile = (
        "[@click=app.quit]x[/] \x1b]0;pwned\x07 talks \u202eevil\u202c\n\n"
        "SEOUL — President Donald Trump met South Korean officials on Wednesday, "
        "October 29, 2025 in Gyeongju, where a $350 billion deal \x1b[2J was discussed.\n"
    )
    add_articles(
        library_path,
        [
            {"text": hostile, "source": "[b]Wire", "published": dt.date(2025, 10, 29)},
            {"text": hostile + "\x85\x9b31m", "published": dt.date(2025, 10, 30)},
        ],
    )
    return library_path


async def mark_all_and_side_by_side(pilot: Any) -> tuple[MainScreen, frozenset[int], list[int]]:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    listed = screen.query_one(ArticleList)
    listed.highlighted = 0
    for _ in range(listed.option_count):
        await pilot.press("space")
    await pilot.press("c")
    await settle(pilot)
    return screen, frozenset(listed.marked), [p.article_id for p in screen.panes]


async def resize_through(pilot: Any, sizes: list[tuple[int, int]]) -> None:
    for width, height in sizes:
        await pilot.resize_terminal(width, height)
        await pilot.pause()
        assert pilot.app.screen.size == (width, height)
        assert_safe(pilot.app)
    await settle(pilot)


async def test_side_by_side_survives_every_size(library: Path, build_app: Any) -> None:
    async with build_app(library).run_test(size=(300, 100), notifications=True) as pilot:
        screen, marked, ids = await mark_all_and_side_by_side(pilot)
        assert len(marked) == 4 and len(ids) == 4  # 300 columns: four panes
        await resize_through(pilot, SIZES)
        assert frozenset(screen.query_one(ArticleList).marked) == marked
        assert [p.article_id for p in screen.panes] == ids
        assert screen.side
        await pilot.press("escape", "escape")  # leave side by side
        await settle(pilot)
        assert frozenset(screen.query_one(ArticleList).marked) == marked
        assert pilot.app.is_running


async def test_timeline_and_search_survive_resizes(library: Path, build_app: Any) -> None:
    from reader.ui.search.search_screen import SearchScreen
    from reader.ui.timeline.timeline_screen import TimelineScreen

    async with build_app(library).run_test(size=(120, 36), notifications=True) as pilot:
        screen, marked, ids = await mark_all_and_side_by_side(pilot)

        await pilot.press("t")
        await settle(pilot)
        timeline = pilot.app.screen
        assert isinstance(timeline, TimelineScreen)
        events = list(timeline.events)
        await resize_through(pilot, SHORT)
        assert pilot.app.screen is timeline and timeline.events == events
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert [p.article_id for p in screen.panes] == ids

        await pilot.press("slash")
        await settle(pilot)
        search = pilot.app.screen
        assert isinstance(search, SearchScreen)
        await pilot.press(*"deal")
        await settle(pilot)
        await resize_through(pilot, SHORT)
        assert pilot.app.screen is search and search.query_text == "deal"
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen and screen.view.query == "deal"
        assert [p.article_id for p in screen.panes] == ids
        assert frozenset(screen.query_one(ArticleList).marked) == marked
        assert pilot.app.is_running


async def test_a_session_in_the_smallest_terminal(library: Path, build_app: Any) -> None:
    """20×6 from the start (the largest, 300×100, starts the side-by-side test)."""
    async with build_app(library).run_test(size=(20, 6), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter", "j", "l", "l", "c", "t")
        await settle(pilot)
        assert_safe(pilot.app)
        await pilot.press("escape", "slash", *"deal", "enter")
        await settle(pilot)
        assert_safe(pilot.app)
        await pilot.press("escape", "m")
        await settle(pilot)
        assert_safe(pilot.app)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert_safe(pilot.app)
        assert pilot.app.is_running
