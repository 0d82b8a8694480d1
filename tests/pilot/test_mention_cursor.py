"""`]`/`[` step mention by mention, and the mention landed on is drawn unlike the others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.reading.highlight import emphasis_style
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.reading.section_view import SectionView
from tests.settling import settle


def styled_runs(pane: ReadingPane, style: str) -> list[str]:
    return [
        section.shown.plain[span.start : span.end]
        for section in pane.query(SectionView)
        for span in section.shown.spans
        if span.style == style
    ]


async def test_the_stepped_to_mention_has_its_own_cursor(
    library_path: Path, build_app: Any
) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        pane.focus()
        current = emphasis_style("current", colour=True)
        assert styled_runs(pane, current) == []
        seen = []
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            mark = pane.marks[pane.cursor]
            runs = styled_runs(pane, current)
            assert runs == [pane.text[mark.start : mark.end]], "exactly one current mention"
            seen.append(pane.cursor)
        assert seen == sorted(set(seen)), "each press moves to the next mention"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.cursor == seen[1]
        assert len(styled_runs(pane, current)) == 1
