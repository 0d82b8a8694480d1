"""The comparison's columns: the name column grows with the width, a source's name and its
figure never touch, and Home shows the first section's heading."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reader.ui.comparison.comparison_list import ComparisonList
from reader.ui.comparison.comparison_rows import number_row
from reader.ui.comparison.comparison_screen import ComparisonScreen
from tests.settling import settle


async def open_comparison(pilot: Any) -> ComparisonList:
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ComparisonScreen)
    return pilot.app.screen.query_one(ComparisonList)


def kind_column(comparison: ComparisonList) -> int:
    """Where the kind ('person', 'place' …) starts on the first entity row."""
    for y in range(comparison.size.height):
        line = comparison.render_line(y).text
        for kind in (" person ", " place ", " org "):
            if kind in line:
                return line.index(kind)
    raise AssertionError("no entity row on screen")


async def test_name_column_scales_with_width(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        narrow = kind_column(await open_comparison(pilot))
    async with build_app(library_path).run_test(size=(160, 45)) as pilot:
        wide = kind_column(await open_comparison(pilot))
    assert narrow <= 32
    assert wide >= narrow + 20, (narrow, wide)


def test_source_and_figure_never_touch() -> None:
    row = {
        "status": "differ",
        "label": "growth",
        "values": [{"text": "2%"}, {"text": "2.4%"}],
    }
    second = number_row(row, ["Eurozone Markets Daily Report", "Wire"]).plain.split("\n")[1]
    assert re.search(r"Eurozone \S.*… +2% .*Wire +2\.4%", second), second


async def test_home_shows_the_first_heading(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        comparison = await open_comparison(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert comparison.scroll_y > 0
        await pilot.press("home")
        await settle(pilot)
        assert comparison.scroll_y == 0
        assert "In both sources" in comparison.render_line(0).text
        assert comparison.highlighted == 1, "the cursor on the first row, under the heading"
