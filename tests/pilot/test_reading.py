"""The reading screen driven by keyboard: list, open, read/star, side by side, selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.chrome.help_screen import HelpScreen
from reader.ui.reading.article_list import ArticleList
from reader.ui.reading.highlight_legend import HighlightLegend
from reader.ui.reading.main_screen import MainScreen
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.reading.section_view import SectionView
from tests.settling import settle


def rows_by_source(app: Any) -> dict[str, Any]:
    return {row.source: row for row in app.screen.query_one(ArticleList).rows}


async def test_new_library_opens_with_the_two_seeds(tmp_path: Path, build_app: Any) -> None:
    app = build_app(tmp_path / "fresh" / "library.db")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        listed = app.screen.query_one(ArticleList)
        assert listed.option_count == 2
        assert set(rows_by_source(app)) == {"Seed source A", "Seed source B"}
        assert listed.has_focus and listed.highlighted == 0


async def test_enter_opens_and_marks_read(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        first = listed.highlighted_id
        await pilot.press("j", "k", "enter")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        assert pane.article_id == first and pane.article is not None
        assert pane.marks, "the analysis marks arrive from the worker"
        assert next(r for r in listed.rows if r.id == first).read
        title = pane.query_one(".title").render()
        assert str(title) == pane.article.title
        assert pane.query(SectionView)


async def test_read_and_star_toggle(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        first = listed.highlighted_id

        def row() -> Any:
            return next(r for r in listed.rows if r.id == first)

        await pilot.press("s")
        await settle(pilot)
        assert row().starred
        await pilot.press("r")
        await settle(pilot)
        assert row().read
        await pilot.press("r", "s")
        await settle(pilot)
        assert not row().read and not row().starred
        assert "★" not in str(listed.get_option_at_index(0).prompt)


async def test_side_by_side_of_marked_seeds(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        await pilot.press("space", "space", "c")
        await settle(pilot)
        panes = pilot.app.screen.query(ReadingPane)
        assert len(panes) == 2
        assert {p.article_id for p in panes} == {r.id for r in listed.rows}
        assert all(p.article is not None and p.marks for p in panes)
        assert pilot.app.screen.has_class("-side")


async def test_side_by_side_finds_companion(library_path: Path, build_app: Any) -> None:
    """With nothing marked, `c` shows the highlighted article and its closest companion."""
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        panes = list(pilot.app.screen.query(ReadingPane))
        assert len(panes) == 2 and panes[0].article_id != panes[1].article_id


async def test_selected_entity_is_highlighted_in_every_pane(
    library_path: Path, build_app: Any
) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "c")
        await settle(pilot)
        screen = pilot.app.screen
        first, second = screen.query(ReadingPane)
        first.focus()
        for _ in range(40):  # step until a mark the other source also has
            await pilot.press("right_square_bracket")
            key = screen.view.selected_key
            if key.startswith("entity:") and second.count_key(key):
                break
        await pilot.pause()
        key = screen.view.selected_key
        assert key and second.count_key(key) > 0
        assert first.view.selected_key == second.view.selected_key == key
        assert f"{second.count_key(key)}× here" in str(second.header.render())
        await pilot.resize_terminal(80, 24)  # the legend's status is read whole at 80 columns
        await settle(pilot)
        legend = screen.query_one(HighlightLegend)
        line = str(legend.render())
        assert legend.status and legend.status in line, line
        assert len(line) <= legend.content_size.width, line
        await pilot.press("escape")
        assert screen.view.selected_key == ""


async def test_click_on_a_mark_selects_it(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        block = next(
            b for b in pane.query(SectionView) if any(b.start == m.start for m in pane.marks)
        )
        await pilot.click(block, offset=(1, 0))
        await pilot.pause()
        assert pilot.app.screen.view.selected_key


async def test_highlight_kinds_toggle(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("1", "4")
        assert "person" not in screen.view.kinds and "number" not in screen.view.kinds
        await pilot.press("h")
        assert not screen.view.kinds
        await pilot.press("h")
        assert len(screen.view.kinds) == 5


async def test_help_panel_and_palette(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, MainScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"side by side")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert len(pilot.app.screen.query(ReadingPane)) == 2


async def test_list_toggle_and_quit(library_path: Path, build_app: Any) -> None:
    app = build_app(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        assert not pilot.app.screen.query_one(ArticleList).display
        await pilot.press("l")
        assert pilot.app.screen.query_one(ArticleList).display
        await pilot.press("q")
    assert app.return_code == 0


async def test_mouse_click_on_a_row_opens_it(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        second = listed.rows[1].id
        await pilot.click(ArticleList, offset=(6, 2))  # rows are two lines: the second row
        await settle(pilot)
        assert pilot.app.screen.query_one(ReadingPane).article_id == second


async def test_wide_terminal_shows_three_marked_side_by_side(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    import datetime as dt

    add_articles(
        library_path,
        [
            {
                "text": "Trump and Lee meet in Gyeongju\n\nDonald Trump met Lee Jae-myung "
                "in Gyeongju, South Korea, on Wednesday to discuss $350 billion in investment.",
                "source": "Third source",
                "published": dt.date(2025, 10, 29),
            }
        ],
    )
    async with build_app(library_path).run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "space", "c")
        await settle(pilot)
        panes = list(pilot.app.screen.query(ReadingPane))
        assert len(panes) == 3
        widths = {p.region.width for p in panes}
        assert max(widths) - min(widths) <= 1


async def test_a_file_that_is_not_a_library_is_one_error_line(
    tmp_path: Path, build_app: Any
) -> None:
    bogus = tmp_path / "not-a-library.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    app = build_app(bogus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notices = list(app._notifications)
        assert len(notices) == 1 and notices[0].severity == "error"
        await pilot.press("enter", "c", "t", "slash", "r", "s")
        await settle(pilot)
        assert app.is_running


async def test_empty_library_says_how_to_add(tmp_path: Path, build_app: Any) -> None:
    from reader.core.store import Library

    Library.open(tmp_path / "empty.db").close()  # created now: not new when the app opens it
    async with build_app(tmp_path / "empty.db").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        assert "broadsheet add" in str(pane.header.render())
        await pilot.press("enter", "c", "t", "r", "y", "right_square_bracket", "n")
        await settle(pilot)
        assert pilot.app.is_running


async def test_j_and_k_scroll_the_focused_pane(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "tab")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        assert pane.has_focus
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert pane.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert pane.scroll_y == 2
