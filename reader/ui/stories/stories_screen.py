"""The Stories view: the library grouped by story, each with the outlets that carry it.

enter reads a story side by side (the most different sources first), `t` and `m` open its
timeline and its comparison. Result: a `StoryOutcome` for the reading screen, or None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from reader.core.sanitize import visible
from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.stories.coverage_panel import CoveragePanel
from reader.ui.stories.story_data import StoriesData, load_stories, panes_for
from reader.ui.stories.story_list import StoryList

if TYPE_CHECKING:
    from reader.core.reading.handoffs import Jump, SourceRef
    from reader.core.store import Library
    from reader.core.store.story_rows import Story

TIMELINE_MOST = 12  # articles of one story the timeline reads at most
NARROW = 100  # below this width the coverage sits under the list


@dataclass(frozen=True)
class StoryOutcome:
    """What the reading screen does next: read `ids` (side by side when several), or go to
    `jump` (chosen in the story's timeline or comparison)."""

    ids: list[int] = field(default_factory=list)
    jump: Jump | None = None


def empty_reason(data: StoriesData) -> str:
    if not data.every:
        return (
            "The library is empty: add articles with `broadsheet add FILE…`, or subscribe"
            " to a feed (a on the main screen)."
        )
    alone = len(data.every)
    return (
        f"No stories yet: a story is two or more articles about the same thing, and each of"
        f" the library's {alone:,} article{'s' if alone != 1 else ''} stands alone so far."
        " Press a to list them one by one."
    )


class StoriesScreen(Screen[StoryOutcome | None]):
    CSS_PATH = "stories.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="stories.close", tooltip="Back to the articles"),
        Binding(
            "t", "timeline", "Timeline", id="stories.timeline", tooltip="The story's events by date"
        ),
        Binding(
            "m",
            "compare",
            "Compare",
            id="stories.compare",
            tooltip="What the story's sources agree and differ on",
        ),
        Binding(
            "a",
            "toggle_singles",
            "All/shared",
            id="stories.singles",
            tooltip="Also list the articles that are a story of their own",
        ),
    ]

    class Loaded(Message):
        def __init__(self, data: StoriesData) -> None:
            super().__init__()
            self.data = data

    class Ready(Message):
        """A story's timeline or comparison, computed in a worker."""

        def __init__(self, kind: str, payload: Any, sources: list[SourceRef]) -> None:
            super().__init__()
            self.kind, self.payload, self.sources = kind, payload, sources

    def __init__(self, library: Library, panes: int = 4) -> None:
        super().__init__()
        self.library = library
        self.panes = panes
        self.data: StoriesData | None = None
        self.start: int | None = None  # the story to highlight first
        self.singles = False

    def compose(self) -> ComposeResult:
        yield Static("Stories", id="stories-title", markup=False)
        with Horizontal(id="stories-body"):
            yield StoryList(id="stories-list")
            yield CoveragePanel(id="stories-coverage", markup=False)
        yield Static("", id="stories-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.start, self.singles = self._place()
        self._status("Grouping the library into stories…")
        self.query_one("#stories-empty").display = False
        self.query_one(StoryList).focus()
        self._load()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self._coverage(self.query_one(StoryList).current_story)

    def _status(self, text: str) -> None:
        self.query_one("#stories-title", Static).update(
            Content.assemble(("Stories", "bold"), "  ", (text, "$text-muted"))
        )

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.Loaded(load_stories(self.library)))

    def on_stories_screen_loaded(self, message: Loaded) -> None:
        self.data = message.data
        self._show()

    def _show(self) -> None:
        data = self.data
        if data is None:
            return
        stories = data.shown(self.singles)
        self._counts()
        listing = self.query_one(StoryList)
        listing.set_stories(stories, self.start)
        empty = self.query_one("#stories-empty", Static)
        empty.update(Content(empty_reason(data)))
        empty.display = not stories
        self.query_one("#stories-body").display = bool(stories)
        self._coverage(listing.current_story)

    def _counts(self) -> None:
        """The title line: how many stories, across how many sources."""
        if (data := self.data) is None:
            return
        sources = len({s for story in data.shared for s in story.sources})
        alone = len(data.every) - len(data.shared)
        self._status(
            f"{len(data.shared):,} stor{'ies' if len(data.shared) != 1 else 'y'}"
            f" across {sources:,} source{'s' if sources != 1 else ''}"
            f" · {alone:,} article{'s' if alone != 1 else ''} alone"
            + (" (listed)" if self.singles else "")
        )

    def _coverage(self, story: Story | None) -> None:
        panel = self.query_one(CoveragePanel)
        coverage = self.data.coverage(story) if story and self.data else None
        panel.show(story, coverage, compact=self.size.width < NARROW)

    def _place(self) -> tuple[int | None, bool]:
        """Where the reader last was in this view (kept by the app for the next opening)."""
        place: tuple[int | None, bool] = getattr(self.app, "stories_place", (None, False))
        return place

    @on(StoryList.Highlighted)
    def _highlighted(self, event: StoryList.Highlighted) -> None:
        self._coverage(event.story)
        if event.story is not None and self.data is not None:
            self.start = event.story.id
            self._keep_place()

    def _keep_place(self) -> None:
        if hasattr(self.app, "stories_place"):
            self.app.stories_place = (self.start, self.singles)

    @on(StoryList.Opened)
    def _opened(self, event: StoryList.Opened) -> None:
        self._read(event.story)

    @on(StoryList.ArticleOpened)
    def _article_opened(self, event: StoryList.ArticleOpened) -> None:
        self.dismiss(StoryOutcome([event.article_id]))

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _read(self, story: Story) -> None:
        ids = panes_for(self.library, story, self.panes)
        self.app.call_from_thread(self.dismiss, StoryOutcome(ids))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_singles(self) -> None:
        self.singles = not self.singles
        self._keep_place()
        self._show()

    def action_timeline(self) -> None:
        self._other("timeline")

    def action_compare(self) -> None:
        self._other("comparison")

    def _other(self, kind: str) -> None:
        story = self.query_one(StoryList).current_story
        if story is None:
            self.notify("No story to show: the list is empty", markup=False)
            return
        self._status(f"Building the {kind} of the story…")
        self._prepare(kind, story)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _prepare(self, kind: str, story: Story) -> None:
        from reader.core.reading import reading_set

        if kind == "timeline":
            ids = [a.id for a in story.articles][-TIMELINE_MOST:]
            payload, sources = reading_set.timeline(self.library, ids)
        else:
            ids = panes_for(self.library, story, max(self.panes, 2))
            payload, sources = reading_set.comparison(self.library, ids)
        self.post_message(self.Ready(kind, payload, sources))

    def on_stories_screen_ready(self, message: Ready) -> None:
        self._counts()  # the status line back
        screen: Any
        if message.kind == "timeline":
            from reader.ui.timeline.timeline_screen import TimelineScreen

            screen = TimelineScreen(message.payload, message.sources)
        else:
            from reader.ui.comparison.comparison_screen import ComparisonScreen

            screen = ComparisonScreen(message.payload, message.sources, library=self.library)
        self.app.push_screen(screen, self._jumped)

    def _jumped(self, jump: Jump | None) -> None:
        if jump is not None:
            self.dismiss(StoryOutcome(jump=jump))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            name = type(error).__name__
            text = visible(str(error) if name == "LibraryError" else f"{name}: {error}")
            self.notify(text, title="Stories", severity="error", markup=False)
            self._counts()
