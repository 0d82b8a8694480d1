"""Scroll-together by passage: the other panes follow the leading pane's top passage to the
passage sharing most with it (not the same fraction of the article); the pair is marked;
`p`/`P` step from one aligned pair to the next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.ui.reading.main_screen import MainScreen
from reader.ui.reading.reading_pane import ReadingPane
from tests.samples.stories import build_story_library
from tests.settling import settle


@pytest.fixture
def story_path(tmp_path: Path) -> Path:
    path = tmp_path / "stories.db"
    build_story_library(path)
    return path


def _aligned(pane: ReadingPane) -> str:
    span = pane.spans.aligned
    return pane.text[span[0] : span[1]] if span else ""


async def _bridge_side_by_side(pilot: Any) -> tuple[MainScreen, ReadingPane, ReadingPane]:
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    await pilot.press("down", "down", "enter")  # the bridge story: three outlets
    await settle(pilot)
    main = pilot.app.screen
    assert isinstance(main, MainScreen)
    lead = main.panes[0]
    herald = next(p for p in main.panes if p.article and p.article.source == "Valley Herald")
    assert lead.article is not None and lead.article.source == "Harbour Courier"
    assert lead.has_focus
    return main, lead, herald


async def test_following_goes_by_passage_not_fraction(story_path: Path, build_app: Any) -> None:
    async with build_app(story_path).run_test(size=(130, 18)) as pilot:
        main, lead, herald = await _bridge_side_by_side(pilot)
        assert herald.max_scroll_y > 0
        lead.scroll_end(animate=False)  # the Courier's last passage: the ferries
        await settle(pilot)
        assert _aligned(lead).startswith("Ferries from Lorn Quay")
        assert _aligned(herald).startswith("Ferries from Lorn Quay")  # the Herald's first
        assert herald.scroll_y < herald.max_scroll_y / 2  # a fraction would be the end
        lead.scroll_home(animate=False)
        await settle(pilot)
        assert _aligned(lead).startswith("KESSING")
        match = main.reading.aligner.matches(lead, herald)[0]
        assert match is not None and match.shared  # answered by what both mention
        assert "Tamsin" in _aligned(herald) and herald.scroll_y <= 1


async def test_p_steps_through_aligned_pairs(story_path: Path, build_app: Any) -> None:
    async with build_app(story_path).run_test(size=(130, 18)) as pilot:
        _main, lead, herald = await _bridge_side_by_side(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("p")
            await settle(pilot)
            seen.append((_aligned(lead)[:12], _aligned(herald)[:12]))
        assert ("Ferries from", "Ferries from") in seen
        assert ("Mayor Ines V", "Mayor Ines V") in seen  # the inquiry: Herald's last passage
        assert len({a for a, _ in seen}) >= 3  # it moved from pair to pair
        before = seen[-1]
        await pilot.press("P")
        await settle(pilot)
        assert (_aligned(lead)[:12], _aligned(herald)[:12]) != before


async def test_sync_off_leaves_the_others(story_path: Path, build_app: Any) -> None:
    async with build_app(story_path).run_test(size=(130, 18)) as pilot:
        _main, lead, herald = await _bridge_side_by_side(pilot)
        await pilot.press("S")  # scroll on their own
        lead.scroll_end(animate=False)
        await settle(pilot)
        assert herald.scroll_y == 0 and not _aligned(herald)


async def test_p_with_one_article_says_why(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert any("No aligned passages" in str(n.message) for n in pilot.app._notifications)
