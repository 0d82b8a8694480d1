"""The Stories view's data: coverage by feed (or by source without feeds), which articles
of a story are read side by side, and rows that show hostile titles verbatim."""

from __future__ import annotations

from pathlib import Path

from reader.core.store import Library
from reader.core.store.story_rows import Story, StoryArticle
from reader.ui.stories.coverage_panel import coverage_content
from reader.ui.stories.story_data import StoriesData, load_stories, pick_panes
from reader.ui.stories.story_list import article_content, story_content
from tests.samples.stories import build_story_library


def _story(sid: int, *members: tuple[int, str]) -> Story:
    arts = [StoryArticle(i, f"t{i}", src, "2024-03-01", "", "") for i, src in members]
    return Story(
        sid, f"t{sid}", "2024-03-01", "2024-03-01", list(dict.fromkeys(s for _, s in members)), arts
    )


def test_pick_panes_takes_other_sources_first_then_the_least_alike() -> None:
    story = _story(1, (1, "A"), (2, "A"), (3, "B"), (4, "C"), (5, "B"))
    assert pick_panes(story, 3) == [1, 3, 4]  # one per source, in order, without features
    features = {
        1: frozenset({"e:x", "e:y"}),
        3: frozenset({"e:x", "e:y"}),  # says what 1 says
        5: frozenset({"e:z"}),  # the other B says something else
        4: frozenset({"e:x"}),
    }
    assert pick_panes(story, 2, features) == [1, 5]
    assert pick_panes(story, 9, features)[:3] == [1, 5, 4]
    assert sorted(pick_panes(story, 9, features)) == [1, 2, 3, 4, 5]
    assert pick_panes(story, 0) == []


def test_coverage_by_feed_and_by_source(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    build_story_library(path)
    library = Library.open(path)
    try:
        data = load_stories(library)
    finally:
        library.close()
    bridge = next(s for s in data.shared if len(s.articles) == 3)
    cov = data.coverage(bridge)
    assert cov.by == "feeds"
    assert cov.carrying == ["Harbour Courier", "Valley Herald", "Northern Post"]
    assert cov.missing == ["Science Wire", "Daily Ledger"]
    no_feeds = StoriesData(data.shared, data.every, sources=data.sources)
    by_source = no_feeds.coverage(bridge)
    assert by_source.by == "sources" and by_source.missing == ["Science Wire"]
    assert "No feeds subscribed" in coverage_content(bridge, by_source).plain


def test_rows_show_hostile_text_verbatim_and_visible() -> None:
    title = "[b]bold[/] \x1b[2J [@click=app.quit]x[/]"
    story = Story(
        7, title, None, None, ["[i]Evil[/i]"], [StoryArticle(7, title, "[i]Evil[/i]", None, "", "")]
    )
    row = story_content(story, expanded=False).plain
    assert "[b]bold[/]" in row and "[@click=app.quit]x[/]" in row and "\x1b" not in row
    assert "[i]Evil[/i]" in row and "undated" in row
    assert "[b]bold[/]" in article_content(story.articles[0]).plain
