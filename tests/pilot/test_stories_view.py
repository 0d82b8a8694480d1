"""The Stories view through the app's keys: `g` lists the stories with their sources and the
feeds that carry them; right/space expand, left folds; enter reads a story side by side; `t`
and `m` open its timeline and comparison; an empty view says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.core.store import Library
from reader.ui.comparison.comparison_screen import ComparisonScreen
from reader.ui.reading.main_screen import MainScreen
from reader.ui.stories.coverage_panel import CoveragePanel
from reader.ui.stories.stories_screen import StoriesScreen
from reader.ui.stories.story_list import MemberOption, StoryList, StoryOption
from reader.ui.timeline.timeline_screen import TimelineScreen
from tests.samples.stories import build_story_library
from tests.settling import settle


@pytest.fixture
def story_path(tmp_path: Path) -> Path:
    path = tmp_path / "stories.db"
    build_story_library(path, seeds=True)
    return path


def _rows(listing: StoryList) -> list[str]:
    out = []
    for option in listing.options:
        if isinstance(option, StoryOption):
            out.append(f"story:{option.story.title}")
        elif isinstance(option, MemberOption):
            out.append(f"  {option.article.source}")
    return out


async def _open_stories(pilot: Any) -> StoriesScreen:
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, StoriesScreen)
    return screen


async def test_stories_listed_with_sources_and_feed_coverage(
    story_path: Path, build_app: Any
) -> None:
    async with build_app(story_path).run_test(size=(160, 45)) as pilot:
        screen = await _open_stories(pilot)
        listing = screen.query_one(StoryList)
        titles = [s.title for s in listing.stories]
        assert titles[1:] == [
            "Kessing dockworkers strike over pay",
            "Comet Halvard flares in a bright outburst of dust",
            "Tamsin estuary bridge collapses after storm",
        ]
        seeds = listing.stories[0]  # the newest: the two seeds (the APEC week) are one story
        assert seeds.sources == ["Seed source A", "Seed source B"] and len(seeds.articles) == 2
        await pilot.press("down", "down", "down")
        coverage = str(screen.query_one(CoveragePanel).render())
        assert "3 of 5 subscribed feeds carry it" in coverage
        carry, _, rest = coverage.partition("Do not")
        assert all(f in carry for f in ("Harbour Courier", "Valley Herald", "Northern Post"))
        assert "Science Wire" in rest and "Daily Ledger" in rest
        assert "3 sources" in str(listing.highlighted_option.prompt)  # type: ignore[union-attr]


async def test_expand_and_fold(story_path: Path, build_app: Any) -> None:
    async with build_app(story_path).run_test(size=(120, 36)) as pilot:
        screen = await _open_stories(pilot)
        listing = screen.query_one(StoryList)
        await pilot.press("down", "down", "down", "right")
        assert _rows(listing)[4:] == ["  Harbour Courier", "  Valley Herald", "  Northern Post"]
        await pilot.press("down")  # onto an article: left folds its story
        assert isinstance(listing.highlighted_option, MemberOption)
        await pilot.press("left")
        assert len(_rows(listing)) == 4
        assert isinstance(listing.highlighted_option, StoryOption)
        await pilot.press("space")
        assert len(_rows(listing)) == 7
        await pilot.press("space")
        assert len(_rows(listing)) == 4
        await pilot.press("a")  # the article that stands alone (the garden club) too
        assert len(_rows(listing)) == 5


async def test_enter_reads_the_story_side_by_side(story_path: Path, build_app: Any) -> None:
    library = Library.open(story_path)
    story = next(s for s in library.stories.stories(min_size=2) if len(s.articles) == 3)
    library.close()
    async with build_app(story_path).run_test(size=(160, 45)) as pilot:
        await _open_stories(pilot)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        assert main.side
        assert sorted(main.pane_ids) == sorted(a.id for a in story.articles)
        assert main.pane_ids[0] == story.id  # the story's first article leads
        assert len({p.article.source for p in main.panes if p.article}) == 3


async def test_narrow_side_by_side_picks_other_sources(story_path: Path, build_app: Any) -> None:
    async with build_app(story_path).run_test(size=(80, 24)) as pilot:
        await _open_stories(pilot)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        sources = [p.article.source for p in main.panes if p.article]
        assert len(sources) == 2 and sources[0] == "Harbour Courier" and sources[1] != sources[0]


async def test_enter_on_an_article_reads_it(story_path: Path, build_app: Any) -> None:
    async with build_app(story_path).run_test(size=(120, 36)) as pilot:
        screen = await _open_stories(pilot)
        await pilot.press("right", "down", "down")
        option = screen.query_one(StoryList).highlighted_option
        assert isinstance(option, MemberOption)
        await pilot.press("enter")
        await settle(pilot)
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        assert main.pane_ids == [option.article.id] and not main.side


async def test_timeline_and_comparison_of_a_story(story_path: Path, build_app: Any) -> None:
    async with build_app(story_path).run_test(size=(120, 36)) as pilot:
        stories = await _open_stories(pilot)
        await pilot.press("down", "down", "down", "t")
        await settle(pilot)
        timeline = pilot.app.screen
        assert isinstance(timeline, TimelineScreen)
        assert {s.label for s in timeline.sources} == {
            "Harbour Courier",
            "Valley Herald",
            "Northern Post",
        }
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is stories
        await pilot.press("m")
        await settle(pilot)
        comparison = pilot.app.screen
        assert isinstance(comparison, ComparisonScreen)
        assert len(comparison.sources) == 3
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MainScreen)


async def test_empty_view_says_why(library_path: Path, build_app: Any) -> None:
    library = Library.open(library_path)
    assert library.remove(2)  # one seed left: no story of two articles
    library.close()
    async with build_app(library_path).run_test(size=(100, 30)) as pilot:
        screen = await _open_stories(pilot)
        empty = screen.query_one("#stories-empty")
        assert empty.display
        text = str(empty.render())
        assert "No stories yet" in text and "1 article" in text and "Press a" in text
        await pilot.press("t")
        await settle(pilot)
        assert pilot.app.screen is screen  # nothing to build: a notice, not a crash
        await pilot.press("a")
        assert len(screen.query_one(StoryList).stories) == 1
        assert not empty.display
