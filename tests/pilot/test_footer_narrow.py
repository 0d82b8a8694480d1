"""At 80 columns the footer still offers `?` (and the palette), shortening labels before
leaving keys out; the selection readout in a narrow pane header is never cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle


def footer_line(app: Any) -> tuple[str, list[str]]:
    footer = app.screen.query_one(KeyFooter)
    parts, hints = footer._layout()
    line = "".join(p if isinstance(p, str) else p.plain for p in parts)
    return line, [h.key for h in hints]


async def test_footer_at_80_offers_help_and_fits(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line, keys = footer_line(pilot.app)
        assert len(line) <= 80, f"the footer is cut: {line!r}"
        assert "question_mark" in keys and "? Help" in line
        assert "ctrl+p" in keys
    async with build_app(library_path).run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        line, keys = footer_line(pilot.app)
        assert "Side by side" in line and "Commands" in line, "full labels when they fit"


async def test_selection_readout_fits_side_by_side_at_80(
    library_path: Path, build_app: Any
) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "c")
        await settle(pilot)
        panes = list(pilot.app.screen.query(ReadingPane))
        panes[0].focus()
        await pilot.press("right_square_bracket")
        await settle(pilot)
        for pane in panes:
            assert pane.note
            width = pane.header.content_region.width
            shown = pane.header.render_line(0).text
            assert pane.note in shown[:width], f"{pane.note!r} cut in {shown!r}"
