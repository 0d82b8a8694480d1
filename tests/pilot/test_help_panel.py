"""`?` lists the keys of the screen it is opened on, laid out to fit, and j/k scroll it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.containers import VerticalScroll

from reader.ui.chrome.help_screen import HelpScreen, HelpText
from reader.ui.timeline.timeline_screen import TimelineScreen
from tests.settling import settle


def help_lines(app: Any) -> list[str]:
    text = app.screen.query_one(HelpText)
    return [text.render_line(y).text for y in range(text.size.height)]


async def test_help_fits_80_columns_and_scrolls(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        lines = help_lines(pilot.app)
        width = pilot.app.screen.query_one(HelpText).size.width
        assert not [line for line in lines if "…" in line], "nothing cut"
        assert all(len(line.rstrip()) <= width for line in lines)
        assert not [line for line in lines if "endMove" in line], "a key ran into its text"
        assert any("Side by side" in line for line in lines)
        panel = pilot.app.screen.query_one("#help-panel", VerticalScroll)
        assert panel.max_scroll_y > 3
        await pilot.press("j", "j", "j")
        assert panel.scroll_y == 3
        await pilot.press("k")
        assert panel.scroll_y == 2


async def test_help_on_the_timeline_lists_its_keys(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TimelineScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        text = "\n".join(help_lines(pilot.app))
        assert "Next source" in text and "Export" in text and "Next day" in text
        assert "Side by side" not in text, "not the reading screen's keys"
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, TimelineScreen)
