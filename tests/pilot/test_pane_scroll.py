"""Every `j`/`k` in a reading pane moves it one line at once, however fast the keys come."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events

from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle


def burst(app: Any, key: str, count: int) -> None:
    """`count` presses queued at once, as a held key or a fast typist delivers them: no
    refresh and no animation frame runs between them."""
    for _ in range(count):
        app.post_message(events.Key(key, key))


async def test_a_burst_of_j_scrolls_one_line_per_press(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        pane.focus()
        await pilot.pause()
        assert pane.max_scroll_y > 12, "the seed article is longer than the pane"
        start = pane.scroll_y
        burst(pilot.app, "j", 10)
        await pilot.pause()
        assert pane.scroll_y == start + 10, "ten presses, ten lines"
        burst(pilot.app, "k", 4)
        await pilot.pause()
        assert pane.scroll_y == start + 6
