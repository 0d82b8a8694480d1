"""The reading screen's ties to the timeline, search and comparison screens: `t`, `/` and `m`
push them over the reading set; their results (a jump, a query) come back to the panes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.reading.handoffs import Jump, SearchOutcome
from reader.ui.reading.main_screen import MainScreen
from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle


async def side_by_side(pilot: Any) -> MainScreen:
    await settle(pilot)
    await pilot.press("space", "space", "c")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def test_timeline_and_comparison_screens_open_over_the_set(
    library_path: Path, build_app: Any
) -> None:
    from reader.ui.comparison.comparison_screen import ComparisonScreen
    from reader.ui.timeline.timeline_screen import TimelineScreen

    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        main = await side_by_side(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TimelineScreen)
        pilot.app.screen.dismiss(None)
        await settle(pilot)
        assert pilot.app.screen is main
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ComparisonScreen)
        second = main.panes[1]
        assert second.article is not None
        start = second.article.body.index("Trump")
        pilot.app.screen.dismiss(Jump(second.article_id, start, start + 5))
        await settle(pilot)
        assert pilot.app.screen is main
        assert second.spans.flash == (start, start + 5)
        assert second.has_focus


async def test_jump_to_an_article_not_open_opens_it(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = pilot.app.screen
        other = main.article_list.rows[1].id
        main.show_jump(Jump(other, 10, 20))
        await settle(pilot)
        pane = main.query_one(ReadingPane)
        assert pane.article_id == other and pane.spans.flash == (10, 20)


async def test_search_outcome_highlights_every_pane_and_n_steps(
    library_path: Path, build_app: Any
) -> None:
    from reader.ui.search.search_screen import SearchScreen

    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        main = await side_by_side(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SearchScreen)
        pilot.app.screen.dismiss(SearchOutcome("SOUTH KOREA"))
        await settle(pilot)
        assert pilot.app.screen is main
        per_pane = {n for n, _, _ in main.reading.matches.found}
        assert per_pane == {0, 1}
        for n, pane in enumerate(main.panes):
            expected = pane.text.lower().count("south korea")
            assert (
                len(pane.spans.matches)
                == expected
                == sum(1 for m in main.reading.matches.found if m[0] == n)
            )
        assert main.reading.matches.index == 0
        count = len(main.reading.matches.found)
        for _ in range(count):
            await pilot.press("n")
        assert main.reading.matches.index == 0
        await pilot.press("N")
        assert main.reading.matches.index == count - 1 and main.panes[1].spans.current is not None
        await pilot.press("escape")
        assert not main.reading.matches.found and not main.view.query


async def test_timeline_from_a_single_article_uses_its_companions(
    library_path: Path, build_app: Any
) -> None:
    from reader.ui.timeline.timeline_screen import TimelineScreen

    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TimelineScreen)
        assert len(screen.sources) == 2


async def test_panes_scroll_together_until_toggled(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        main = await side_by_side(pilot)
        first, second = main.panes
        first.focus()
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        # the second follows by passage (the one answering the first's), not by fraction
        assert first.scroll_y > 0 and second.spans.aligned is not None
        await pilot.press("end")
        await settle(pilot)
        assert second.scroll_y > 0
        moved = second.scroll_y
        await pilot.press("S", "home")
        await settle(pilot)
        assert first.scroll_y == 0 and second.scroll_y == moved


async def test_jump_deep_into_an_article_scrolls_it_into_view(
    library_path: Path, build_app: Any
) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = pilot.app.screen
        first = main.article_list.rows[0].id
        await pilot.press("enter")
        await settle(pilot)
        pane = main.query_one(ReadingPane)
        assert pane.article is not None
        start = pane.article.body.rindex("Trump")
        main.show_jump(Jump(first, start, start + 5))
        await settle(pilot)
        assert pane.scroll_y > 0
        section = next(s for s in pane.query("SectionView") if s.start <= start <= s.end)
        line = section.virtual_region.y + section.line_of(start)
        assert pane.scroll_y <= line < pane.scroll_y + pane.scrollable_content_region.height
