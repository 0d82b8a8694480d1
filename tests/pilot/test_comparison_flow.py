"""Through the app's own keys: both seeds side by side, `m` compares them with the real
engine, `]` steps to the figures, enter jumps to the figure in its article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.comparison.comparison_list import ComparisonList, MentionOption
from reader.ui.comparison.comparison_screen import ComparisonScreen
from tests.settling import settle


async def test_compare_step_to_figures_and_jump(library_path: Path, build_app: Any) -> None:
    app = build_app(library_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        main = app.screen
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        rows = screen.query_one(ComparisonList)
        names = [o.mention.text for o in rows.options if isinstance(o, MentionOption) and o.mention]
        assert "Donald Trump" in names
        for _ in range(6):
            option = rows.highlighted_option
            if isinstance(option, MentionOption) and option.kind == "number":
                break
            await pilot.press("right_square_bracket")
        option = rows.highlighted_option
        assert isinstance(option, MentionOption) and option.kind == "number"
        assert option.mention is not None and option.mention.start is not None
        expected = screen.sources[option.mention.article].article_id
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main
        assert getattr(app.focused, "article_id", None) == expected
