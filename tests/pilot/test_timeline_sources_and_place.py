"""On the timeline `s` shows the chosen source's own sentence, and a timeline opened again
starts at the event the reader was last on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.timeline.timeline_list import EventOption, TimelineList
from reader.ui.timeline.timeline_screen import TimelineScreen
from tests.settling import settle


async def open_timeline(pilot: Any) -> TimelineList:
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TimelineScreen)
    return pilot.app.screen.query_one(TimelineList)


def summary_line(option: EventOption) -> str:
    return str(option.prompt).split("\n")[1]  # date line, summary, then details


async def test_s_shows_the_chosen_sources_words(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        timeline = await open_timeline(pilot)
        index, option = next(
            (n, o)
            for n, o in enumerate(timeline.options)
            if isinstance(o, EventOption)
            and len(o.event.sources) > 1
            and len({s.summary for s in o.event.sources}) > 1
        )
        timeline.highlighted = index
        await pilot.pause()
        first, second = option.event.sources[0], option.event.sources[1]
        assert summary_line(option) == first.summary
        await pilot.press("s")
        await pilot.pause()
        shown = timeline.get_option_at_index(index)
        assert isinstance(shown, EventOption) and shown.chosen == 1
        assert summary_line(shown) == second.summary, "the second source's own sentence"
        assert summary_line(shown) != first.summary


async def test_reopened_timeline_starts_where_the_reader_was(
    library_path: Path, build_app: Any
) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = await open_timeline(pilot)
        for _ in range(6):
            await pilot.press("down")
        await pilot.pause()
        was = timeline.highlighted_event
        assert was is not None
        await pilot.press("escape")
        await settle(pilot)
        timeline = await open_timeline(pilot)
        await settle(pilot)
        now = timeline.highlighted_event
        assert now is not None and now.event.summary == was.event.summary
        assert now.event.date == was.event.date
