"""Your feeds: each with when it was last fetched, what that added and what went wrong.

enter reads the feed's articles (a search for its source), u updates it, d twice
unsubscribes (its articles stay in the library), a subscribes to another. Library calls run
in a thread worker; the screen is dismissed with what the reading screen should do next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from reader.core.feeds.summary import feed_error
from reader.core.sanitize import one_line
from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.chrome.worker_errors import failure_text, report_failure

if TYPE_CHECKING:
    from reader.core.store import FeedRow, Library

HELP = (
    "enter: read its articles · u: update it · f: full text · d d: unsubscribe"
    " · a: add a feed · esc: close"
)
NO_FEEDS = "No feeds yet: press a to subscribe to one."

# What the reading screen does after: ("read", source), ("update", location), ("add", "").
FeedsOutcome = tuple[str, str]


def ago(when: dt.datetime | None, now: dt.datetime) -> str:
    if when is None:
        return "never fetched"
    seconds = max(0, int((now - when).total_seconds()))
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = seconds // size
            return f"fetched {count} {unit}{'s' if count != 1 else ''} ago"
    return "fetched just now"


def feed_content(feed: FeedRow, now: dt.datetime) -> Content:
    """`Title`, then `location · fetched 2 hours ago · +3 new`, then the last error if any.
    Everything from the feed is plain text."""
    title = one_line(feed.title or feed.location, 200)
    status = ago(feed.last_fetched, now)
    if feed.title:  # (else the title line is the location)
        status = f"{one_line(feed.location, 200)} · {status}"
    if feed.last_fetched is not None and not feed.last_error:
        status += f" · +{feed.last_added} new"
    if feed.full_text:
        status += " · full text"
    parts: list[Content | tuple[str, str] | str] = [
        (title, "bold"),
        "\n  ",
        (status, "$text-muted"),
    ]
    if feed.last_error:
        error = feed_error(feed.last_error, feed.location)
        parts += ["\n  ", (one_line(error, 300), "$text-error")]
    return Content.assemble(*parts)


class FeedsScreen(ModalScreen[FeedsOutcome | None]):
    CSS_PATH = "../screens.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="feeds.close"),
        Binding("u", "update", "Update", id="feeds.update", tooltip="Fetch this feed now"),
        Binding(
            "f",
            "full_text",
            "Full text",
            id="feeds.full-text",
            tooltip="Fetch each new entry's web page for its whole text (on/off)",
        ),
        Binding("d", "unsubscribe", "Unsubscribe", id="feeds.remove", tooltip="Press twice"),
        Binding("a", "add", "Add feed", id="feeds.add", tooltip="Subscribe to a feed"),
    ]

    class Loaded(Message):
        def __init__(self, feeds: Sequence[FeedRow]) -> None:
            super().__init__()
            self.feeds = list(feeds)

    def __init__(self, library: Library, now: dt.datetime | None = None) -> None:
        super().__init__()
        self.library = library
        self.now = now
        self.feeds: list[FeedRow] = []
        self._armed = ""  # the location d was pressed on once

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-dialog") as dialog:
            dialog.border_title = "Feeds"
            yield OptionList(id="feed-list", markup=False)
            yield Static(HELP, id="feeds-help", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self, remove: str = "", full_text: tuple[str, bool] | None = None) -> None:
        if remove:
            self.library.remove_feed(remove)
        if full_text is not None:
            self.library.set_full_text(*full_text)
        self.post_message(self.Loaded(self.library.feeds()))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed read or change of the feeds: say so in the panel and in a notification
        (the panel would otherwise look empty, as if there were no feeds)."""
        if report_failure(self, event, {}, "read the feeds"):
            self.query_one(OptionList).set_options(
                [Option(failure_text(event.worker, "read the feeds"), disabled=True)]
            )

    def on_feeds_screen_loaded(self, message: FeedsScreen.Loaded) -> None:
        self.feeds = message.feeds
        now = self.now or dt.datetime.now(dt.UTC)
        listed = self.query_one(OptionList)
        keep = listed.highlighted or 0
        listed.set_options(
            [Option(feed_content(feed, now), id=f"feed-{feed.id}") for feed in self.feeds]
            or [Option(NO_FEEDS, disabled=True)]
        )
        if self.feeds:
            listed.highlighted = min(keep, len(self.feeds) - 1)

    def _current(self) -> FeedRow | None:
        index = self.query_one(OptionList).highlighted
        return self.feeds[index] if index is not None and index < len(self.feeds) else None

    @on(OptionList.OptionSelected, "#feed-list")
    def _read(self, event: OptionList.OptionSelected) -> None:
        if (feed := self._current()) is not None:
            self.dismiss(("read", feed.title or feed.location))

    def action_update(self) -> None:
        if (feed := self._current()) is not None:
            self.dismiss(("update", feed.location))

    def action_full_text(self) -> None:
        feed = self._current()
        if feed is None:
            return
        on = not feed.full_text
        self._load(full_text=(feed.location, on))
        name = one_line(feed.title or feed.location, 60)
        self.notify(
            f"Full text {'on' if on else 'off'} for {name}: "
            + ("new entries' pages will be fetched" if on else "new entries keep the feed's text"),
            markup=False,
        )

    def action_add(self) -> None:
        self.dismiss(("add", ""))

    def action_unsubscribe(self) -> None:
        feed = self._current()
        if feed is None:
            return
        if self._armed != feed.location:
            self._armed = feed.location
            name = one_line(feed.title or feed.location, 60)
            self.notify(f"Press d again to unsubscribe from {name}", markup=False)
            return
        self._armed = ""
        self._load(remove=feed.location)
        self.notify(
            f"Unsubscribed from {one_line(feed.title or feed.location, 60)}"
            " (its articles stay in the library)",
            markup=False,
        )

    @on(OptionList.OptionHighlighted, "#feed-list")
    def _moved(self) -> None:
        self._armed = ""
