"""End to end through the app's own keys: both seeds side by side, search "tariff", step
to the second match, open the timeline, jump to the Xi Jinping meeting (Oct 30)."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.core.store import Library
from reader.ui.search.search_screen import SearchScreen
from reader.ui.timeline.timeline_list import EventOption, TimelineList
from reader.ui.timeline.timeline_screen import TimelineScreen
from tests.settling import settle

_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_text(pilot: Pilot[Any]) -> str:
    """What the terminal shows, row by row (from the app's own SVG screenshot)."""
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for m in _TEXT.finditer(pilot.app.export_screenshot()):
        rows[float(m[2])].append((float(m[1]), html.unescape(m[3]).replace("\xa0", " ")))
    return "\n".join("".join(t for _, t in sorted(rows[y])) for y in sorted(rows))


async def test_search_step_timeline_and_jump(library_path: Path, build_app: Any) -> None:
    library = Library.open(library_path)
    bodies = {i: library.get(i).body for i in library.ids()}
    library.close()
    app = build_app(library_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # both seeds side by side
        await settle(pilot)
        main = app.screen

        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"tariff")
        await settle(pilot)
        assert "2 results" in screen_text(pilot)
        await pilot.press("escape")  # keep the query: the panes highlight it
        await settle(pilot)
        assert app.screen is main
        assert "“tariff”: 1/" in screen_text(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert "“tariff”: 2/" in screen_text(pilot)

        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        shown = screen_text(pilot)
        assert "Timeline" in shown and "Seed source A" in shown and "Seed source B" in shown
        timeline = app.screen.query_one(TimelineList)

        def on_xi_row() -> bool:
            option = timeline.highlighted_option
            return (
                isinstance(option, EventOption)
                and option.event.date == "2025-10-30"
                and "Xi Jinping" in option.event.summary
            )

        for _ in range(len(timeline.options)):
            if on_xi_row():
                break
            await pilot.press("down")
        assert on_xi_row()
        assert "Thursday, October 30, 2025" in screen_text(pilot)
        option = timeline.highlighted_option
        assert isinstance(option, EventOption)
        cited = option.event.sources[0]
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        article_id = screen.sources[cited.article].article_id
        assert "Xi Jinping" in bodies[article_id][cited.start : cited.end]

        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main
        shown = screen_text(pilot)
        assert "On Thursday, he’s slated for a pivotal sit-down" in shown
        assert "with Chinese President Xi Jinping" in shown
        assert "“tariff”" in shown  # the search is still highlighted
