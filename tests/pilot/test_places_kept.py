"""Left and opened again, the Stories view and the timeline start where the reader was:
the same story highlighted; the same event, on the same row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.stories.story_list import StoryList
from reader.ui.timeline.timeline_list import TimelineList
from tests.samples.stories import build_story_library
from tests.settling import settle


async def test_stories_and_timeline_reopen_where_the_reader_was(
    tmp_path: Path, build_app: Any
) -> None:
    path = tmp_path / "stories.db"
    build_story_library(path, seeds=True)
    async with build_app(path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        listing = pilot.app.screen.query_one(StoryList)
        assert len(listing.stories) > 1
        await pilot.press("down")
        await pilot.pause()
        was = listing.current_story
        assert was is not None and was.id != listing.stories[0].id
        await pilot.press("escape", "g")
        await settle(pilot)
        now = pilot.app.screen.query_one(StoryList).current_story
        assert now is not None and now.id == was.id
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("t")
        await settle(pilot)
        timeline = pilot.app.screen.query_one(TimelineList)
        for _ in range(12):
            await pilot.press("down")
        await pilot.pause()
        index, scrolled = timeline.highlighted, timeline.scroll_y
        await pilot.press("escape", "t")
        await settle(pilot)
        timeline = pilot.app.screen.query_one(TimelineList)
        assert timeline.highlighted == index
        assert timeline.scroll_y == scrolled
