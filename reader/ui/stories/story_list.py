"""The list of stories: one row per story (title, how many sources, which), and under an
expanded story one row per article. Posts `StoryList.Highlighted`, `Opened`, `ArticleOpened`."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.sanitize import one_line
from reader.core.store.story_rows import Story, StoryArticle


def _span(story: Story) -> str:
    first, last = (story.first or "")[:10], (story.last or "")[:10]
    if not last:
        return "undated"
    return last if first in ("", last) else f"{first} – {last}"


def story_content(story: Story, expanded: bool) -> Content:
    """`▸ Title`, then `3 sources · 4 articles · dates · A, B, C` (muted). Plain text."""
    count = len(story.sources)
    sources = ", ".join(one_line(s, 30) for s in story.sources) or "no source"
    articles = len(story.articles)
    return Content.assemble(
        ("▾ " if expanded else "▸ ", "bold $text-accent"),
        (one_line(story.title or "(untitled)", 300), "bold"),
        "\n  ",
        (f"{count} source{'s' if count != 1 else ''}", "bold $text-success"),
        (f" · {articles} article{'s' if articles != 1 else ''} · {_span(story)} · ", "$text-muted"),
        (sources, "$text-muted"),
    )


def article_content(article: StoryArticle) -> Content:
    date = (article.published or "")[:10] or "undated"
    return Content.assemble(
        "    ",
        (one_line(article.source or "Unknown source", 30), "bold"),
        (f" · {date} · ", "$text-muted"),
        one_line(article.title or "(untitled)", 300),
    )


class StoryOption(Option):
    def __init__(self, story: Story, expanded: bool) -> None:
        super().__init__(story_content(story, expanded), id=f"story-{story.id}")
        self.story = story


class MemberOption(Option):
    def __init__(self, story: Story, article: StoryArticle) -> None:
        super().__init__(article_content(article), id=f"member-{story.id}-{article.id}")
        self.story = story
        self.article = article


class StoryList(OptionList):
    """Stories, newest first; right or space expands a story, left folds it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="stories.down"),
        Binding("k", "cursor_up", "Up", show=False, id="stories.up"),
        Binding(
            "right,space",
            "expand",
            "Expand",
            key_display="→/space",
            id="stories.expand",
            tooltip="Show or hide the story's articles",
        ),
        Binding("left", "fold", "Fold", show=False, id="stories.fold"),
    ]

    class Highlighted(Message):
        def __init__(self, story_list: StoryList, story: Story | None) -> None:
            super().__init__()
            self.story_list, self.story = story_list, story

        @property
        def control(self) -> StoryList:
            return self.story_list

    class Opened(Message):
        """Enter on a story: read it side by side."""

        def __init__(self, story_list: StoryList, story: Story) -> None:
            super().__init__()
            self.story_list, self.story = story_list, story

        @property
        def control(self) -> StoryList:
            return self.story_list

    class ArticleOpened(Message):
        """Enter on one of a story's articles: read that one."""

        def __init__(self, story_list: StoryList, article_id: int) -> None:
            super().__init__()
            self.story_list, self.article_id = story_list, article_id

        @property
        def control(self) -> StoryList:
            return self.story_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stories: list[Story] = []
        self.expanded: set[int] = set()

    def set_stories(self, stories: list[Story], start: int | None = None) -> None:
        """Show `stories`; the highlighted story stays highlighted when it is still there
        (with none highlighted yet, story `start`, where the reader last was)."""
        current = self.current_story
        wanted = current.id if current is not None else start
        self.stories = stories
        self.expanded &= {s.id for s in stories}
        keep = wanted is not None and any(s.id == wanted for s in stories)
        self._rebuild(f"story-{wanted}" if keep else None)

    def _rebuild(self, keep: str | None) -> None:
        options: list[Option] = []
        for story in self.stories:
            options.append(StoryOption(story, story.id in self.expanded))
            if story.id in self.expanded:
                options += [MemberOption(story, a) for a in story.articles]
        self.set_options(options)
        if options:
            self.highlighted = self.get_option_index(keep) if keep else 0

    @property
    def current_story(self) -> Story | None:
        option = self.highlighted_option
        return option.story if isinstance(option, StoryOption | MemberOption) else None

    def action_expand(self) -> None:
        if (story := self.current_story) is None:
            return
        self.expanded ^= {story.id}
        self._rebuild(f"story-{story.id}")

    def action_fold(self) -> None:
        if (story := self.current_story) is not None and story.id in self.expanded:
            self.expanded.discard(story.id)
            self._rebuild(f"story-{story.id}")

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self, self.current_story))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, MemberOption):
            self.post_message(self.ArticleOpened(self, option.article.id))
        elif isinstance(option, StoryOption):
            self.post_message(self.Opened(self, option.story))
