"""The reading screen's doors to the other screens — search (/), timeline (t), comparison
(m), the feeds panel (F) and the subscribe prompt (a) — and what comes back through them:
a query or a hit for the panes, a span to jump to, a feed to read, update or add. Also the
two things done with the current article outside the app: open its page, copy a citation.

The other screens are imported when first opened: they must not slow the first frame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from reader.ui import messages as msg

if TYPE_CHECKING:
    from reader.core.article import Article
    from reader.core.reading.handoffs import Jump, SearchOutcome
    from reader.ui.feeds.feed_runner import FeedRunner
    from reader.ui.reading.reading_area import ReadingArea
    from reader.ui.reading.reading_data import ReadingData
    from reader.ui.stories.stories_screen import StoryOutcome


class Host(Protocol):
    """What this part uses of the reading screen."""

    side: bool

    @property
    def app(self) -> Any: ...

    @property
    def reading(self) -> ReadingArea: ...

    @property
    def pane_ids(self) -> list[int]: ...

    def current_id(self) -> int | None: ...

    def notify(self, message: str, *, markup: bool = ...) -> None: ...

    def show_search(self, outcome: SearchOutcome | None) -> None: ...

    def show_jump(self, jump: Jump | None) -> None: ...

    def show_story(self, outcome: StoryOutcome | None) -> None: ...


class OtherScreens:
    def __init__(
        self,
        host: Host,
        data: ReadingData,
        fetcher: FeedRunner,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.host = host
        self.data = data
        self.fetcher = fetcher
        self.clock = clock

    def search(self) -> None:
        from reader.ui.search.search_screen import SearchScreen

        if (library := self.data.library) is not None:
            self.host.app.push_screen(SearchScreen(library), self.host.show_search)

    def stories(self, panes: int) -> None:
        """The Stories view; what it chooses to read comes back to `show_story`."""
        from reader.ui.stories.stories_screen import StoriesScreen

        if (library := self.data.library) is not None:
            self.host.app.push_screen(StoriesScreen(library, panes), self.host.show_story)

    def prepare(self, kind: str) -> None:
        """Build the timeline or the comparison of what is open (side by side: every pane;
        else the article and its companions) in a worker; `show_ready` opens it."""
        host = self.host
        ids = host.pane_ids if host.side else host.pane_ids[:1]
        if not ids and (current := host.current_id()) is not None:
            ids = [current]
        if ids:
            host.reading.set_status(f"Building the {kind}…")
            self.data.prepare_screen(kind, ids, not host.side)

    def show_ready(self, message: msg.ScreenReady) -> None:
        screen: Any
        if message.kind == "timeline":
            from reader.ui.timeline.timeline_screen import TimelineScreen

            screen = TimelineScreen(message.payload, message.sources)
        else:
            from reader.ui.comparison.comparison_screen import ComparisonScreen

            screen = ComparisonScreen(message.payload, message.sources)
        self.host.app.push_screen(screen, self.host.show_jump)

    def feeds(self) -> None:
        from reader.ui.feeds.feeds_screen import FeedsScreen

        if (library := self.data.library) is not None:
            self.host.app.push_screen(FeedsScreen(library, now=self.clock()), self._after_feeds)

    def _after_feeds(self, outcome: tuple[str, str] | None) -> None:
        what, value = outcome or ("", "")
        if what == "read" and (library := self.data.library) is not None:
            from reader.ui.search.search_screen import SearchScreen

            query = f'source:"{value.replace(chr(34), " ")}"'
            self.host.app.push_screen(SearchScreen(library, query=query), self.host.show_search)
        elif what == "update":
            self.fetcher.update([value])
        elif what == "add":
            self.add_feed()

    def add_feed(self) -> None:
        from reader.ui.feeds.feed_prompt import FeedPrompt

        self.host.app.push_screen(FeedPrompt(), self._subscribe)

    def _subscribe(self, location: str | None) -> None:
        if location:
            self.fetcher.add(location)

    def open_url(self, article: Article) -> None:
        if article.url.startswith(("http://", "https://")):
            self.host.app.open_url(article.url)
        else:
            self.host.notify("This article has no web address", markup=False)

    def copy_citation(self, article: Article) -> None:
        from reader.core.reading.reading_set import citation

        self.host.app.copy_to_clipboard(citation(article))
        self.host.notify("Citation copied", markup=False)
