"""The reading screen: the article list beside the reading area (one or more panes).

It is made of widgets and small objects, each with one job, that talk by messages:
`ArticleList` (which articles, which one is highlighted, marked), `ReadingArea` (the panes:
highlights, selection, search matches, scrolling together), `ReadingData` (the library, in
thread workers), `FeedRunner` (fetching feeds and pages) and `OtherScreens` (search, timeline,
comparison, feeds). The screen decides what each shows; its actions are the keys of
`reader.ui.chrome.key_bindings`. Failed workers reach one funnel (`ui.chrome.worker_errors`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.worker import Worker

from reader.ui import messages as msg
from reader.ui.chrome.key_bindings import main_bindings
from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.chrome.title_bar import TitleBar
from reader.ui.chrome.worker_errors import report_failure
from reader.ui.feeds.feed_runner import FeedRunner
from reader.ui.reading.analysis_runner import AnalysisRunner
from reader.ui.reading.article_list import ArticleList, empty_hint
from reader.ui.reading.highlight import View, visible
from reader.ui.reading.other_screens import OtherScreens
from reader.ui.reading.pane_room import NARROW, max_panes, pane_room
from reader.ui.reading.reading_area import ReadingArea
from reader.ui.reading.reading_data import DOING, VIEWS, ReadingData, listed_total
from reader.ui.reading.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.core.article import Article
    from reader.core.reading.handoffs import Jump, SearchOutcome
    from reader.core.store import ArticleCounts, ArticleRow, Library
    from reader.ui.stories.stories_screen import StoryOutcome

SHORT = 14  # below this height the header and the legend make way for text


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = main_bindings()

    def __init__(
        self,
        library: Library | str | Path | None,
        *,
        clock: Callable[[], dt.datetime] = _now,
        colour: Callable[[], bool] = lambda: True,
        background: bool = True,
    ) -> None:
        """`clock`: the time now (the app's, fixed in tests); `colour`: whether the app's
        theme highlights in colour (asked again when it changes); `background`: see make_app."""
        super().__init__()
        self.data = ReadingData(self, library)
        self.fetcher = FeedRunner(self.data, clock)
        self.analysis = AnalysisRunner(self.data, enabled=background)
        self.progress: dict[str, str] = {}  # the title line's work in progress, by slot
        self.others = OtherScreens(self, self.data, self.fetcher, clock)
        self._colour = colour
        self.side = False  # side by side (c), else one article
        self.list_hidden = False
        self.list_wanted: bool | None = None  # the reader's l, else None: as room allows
        self.pending_jump: Jump | None = None  # where to land once its article is open

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            yield ReadingArea(View(colour=self._colour()), id="reading")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.article_list.focus()
        self.watch(self.app, "theme", lambda: self.reading.set_colour(self._colour()), init=False)
        if (first_page := self.data.open_now()) is not None:
            self.on_rows_loaded(first_page)
        else:
            self.data.load_library()

    def on_unmount(self) -> None:
        self.analysis.stop()  # the worker processes end before the library closes
        self.data.close()

    # --- what the screen is made of --------------------------------------------------------

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reading(self) -> ReadingArea:
        return self.query_one(ReadingArea)

    @property
    def library(self) -> Library | None:
        return self.data.library

    @property
    def view(self) -> View:
        return self.reading.view

    @property
    def panes(self) -> list[ReadingPane]:
        return self.reading.panes

    @property
    def pane_ids(self) -> list[int]:
        return self.reading.pane_ids

    def current_pane(self) -> ReadingPane:
        return self.focused if isinstance(self.focused, ReadingPane) else self.panes[0]

    def current_id(self) -> int | None:
        if isinstance(self.focused, ReadingPane) and self.focused.article_id is not None:
            return self.focused.article_id
        return self.article_list.highlighted_id

    def current_article(self) -> Article | None:
        wanted = self.current_id()
        return next((p.article for p in self.panes if p.article_id == wanted), None)

    def current_row(self) -> ArticleRow | None:
        wanted = self.current_id()
        return None if wanted is None else self.article_list.row_for(wanted)

    def _layout(self) -> None:
        width = self.size.width
        self.set_class(width < NARROW, "-narrow")
        self.set_class(self.size.height < SHORT, "-short")
        panes = len(self.panes) if self.side else 1
        if self.list_wanted is None:
            shown, limit = pane_room(width, panes, list_shown=False)
            self.list_hidden = not shown
        else:
            self.list_hidden = not self.list_wanted
            limit = pane_room(width, panes, list_shown=self.list_wanted)[1]
        self.set_class(self.side, "-side")
        self.set_class(self.list_hidden, "-list-hidden")
        self.reading.show_panes(limit)
        if self.list_hidden and self.article_list.has_focus:
            self.panes[0].focus()

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def open_set(self, ids: list[int], *, mark_read: bool = False) -> None:
        self.data.open_set(ids, mark_read=mark_read)

    # --- messages up -----------------------------------------------------------------------

    def on_rows_loaded(self, message: msg.RowsLoaded) -> None:
        self.show_counts(message.counts)
        hint = "" if message.rows else empty_hint(self.data.list_view)
        total = listed_total(message.counts, self.data.list_view)
        self.article_list.set_rows(message.rows, message.more, empty=hint, total=total)
        self.reading.set_hint(hint.replace("\n", " "))
        self.analysis.start()  # (again: wakes it to look for new articles)

    def on_window_loaded(self, message: msg.WindowLoaded) -> None:
        self.show_counts(message.counts)
        self.article_list.add_page(message.fetch, message.rows, message.edge)

    def on_row_changed(self, message: msg.RowChanged) -> None:
        self.article_list.update_row(message.row)
        self.show_counts(message.counts)

    def show_counts(self, counts: ArticleCounts | None) -> None:
        """The title line: which articles the list shows, and how many are unread."""
        self.data.counts = counts
        view = self.data.list_view
        parts = [] if view == "all" else [f"{view} only"]
        if marked := len(self.article_list.marked):
            parts.append(f"{marked} marked")
        if counts is not None:
            parts.append(f"{counts.unread:,} unread of {counts.total:,}")
        self.sub_title = " · ".join(parts)

    def on_notice(self, message: msg.Notice) -> None:
        severity = message.severity if message.severity in ("error", "warning") else "information"
        self.notify(visible(message.text), severity=severity, markup=False)  # type: ignore[arg-type]

    def on_progress(self, message: msg.Progress) -> None:
        self.progress[message.slot] = message.text
        self.app.sub_title = " · ".join(text for text in self.progress.values() if text)

    def on_analyses_landed(self, message: msg.AnalysesLanded) -> None:
        if set(message.ids) & set(self.pane_ids):  # an open article's: paint its highlights
            self.data.refresh_analyses(self.pane_ids)

    def on_set_chosen(self, message: msg.SetChosen) -> None:
        self.open_set(message.ids, mark_read=True)

    @on(ArticleList.NeedRows)
    def _need_rows(self, event: ArticleList.NeedRows) -> None:
        self.data.load_rows(event.fetch)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.side = False
        self.open_set([event.article_id], mark_read=True)

    @on(ArticleList.MarksChanged)
    def _marks_changed(self) -> None:
        self.show_counts(self.data.counts)

    async def on_set_loaded(self, message: msg.SetLoaded) -> None:
        if message.token != self.data.token:
            return
        await self.reading.show_set(message.ids, message.articles)
        self._layout()
        if self.focused is None or (self.list_hidden and self.article_list.has_focus):
            self.panes[0].focus()  # the list is out of sight: read with the keys
        self.reading.redraw()
        if (jump := self.pending_jump) is not None:
            self.pending_jump = None
            self.reading.land(jump)

    def on_set_analysed(self, message: msg.SetAnalysed) -> None:
        if message.token == self.data.token:
            self.reading.set_analyses(message.analyses, message.failures)

    def on_screen_ready(self, message: msg.ScreenReady) -> None:
        self.reading.redraw()  # puts the legend's status line back
        self.others.show_ready(message)

    def on_feeds_updated(self, message: msg.FeedsUpdated) -> None:
        from reader.core.feeds.summary import feeds_summary

        text, failed = feeds_summary(message.reports)
        self.notify(
            text,
            title="Feeds",
            severity="warning" if failed else "information",
            markup=False,
            timeout=8 if failed else 4,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if report_failure(self, event, DOING):
            self.reading.redraw()  # clears a "Building the timeline…" status

    # --- what other screens hand back --------------------------------------------------------

    def show_search(self, outcome: SearchOutcome | None) -> None:
        """A search's query to highlight across the panes, and the hit to open if any."""
        if outcome is None:
            return
        if outcome.jump is not None:
            self.reading.view = replace(self.reading.view, query=outcome.query)
            self.show_jump(outcome.jump)
        elif not self.reading.search(outcome.query):
            query = visible(outcome.query)[:60]
            self.notify(f"No matches in the open articles for “{query}”", markup=False)

    def show_jump(self, jump: Jump | None) -> None:
        """Open the jump's article (unless it is open) and land on its span."""
        if jump is None:
            return
        if jump.article_id in self.pane_ids:
            self.data.set_flag(jump.article_id, read=True)
            self.reading.land(jump)
        else:
            self.pending_jump = jump
            self.side = False
            self.open_set([jump.article_id], mark_read=True)

    # --- actions: reading ---------------------------------------------------------------------

    def action_side_by_side(self) -> None:
        limit = max_panes(self.size.width)
        listed = self.article_list
        marked = listed.marked_ids()
        self.side = True
        self.list_wanted = None
        if len(marked) >= 2:
            if len(marked) > limit:
                self.notify(
                    f"Showing the first {limit} marked articles (widen the terminal for more)",
                    markup=False,
                )
            self.open_set(marked[:limit], mark_read=True)
        elif (target := marked[0] if marked else listed.highlighted_id) is not None:
            self.data.open_with_companions(target, limit - 1)

    def action_next_aligned(self, delta: int) -> None:
        if not self.reading.step_aligned(self.current_pane(), delta):
            self.notify("No aligned passages: read a story side by side (c)", markup=False)

    def action_stories(self) -> None:
        self.others.stories(max_panes(self.size.width))

    def show_story(self, outcome: StoryOutcome | None) -> None:
        """What the Stories view chose: a jump, or articles to read (side by side if several)."""
        if outcome is not None and outcome.jump is not None:
            self.show_jump(outcome.jump)
        elif outcome is not None and outcome.ids:
            self.side, self.list_wanted = len(outcome.ids) > 1, None
            self.open_set(outcome.ids, mark_read=True)

    def action_toggle_list(self) -> None:
        self.list_wanted = self.list_hidden
        self._layout()
        if not self.list_hidden:
            # (after the refresh that shows it: a hidden widget cannot take focus)
            self.call_after_refresh(self.article_list.focus)

    def action_toggle_sync(self) -> None:
        self.reading.sync = not self.reading.sync
        text = "Panes scroll together" if self.reading.sync else "Panes scroll on their own"
        self.notify(text, markup=False)

    def action_toggle_kind(self, kind: str) -> None:
        self.reading.toggle_kind(kind)

    def action_toggle_highlights(self) -> None:
        self.reading.toggle_highlights()

    def action_step_mark(self, delta: int) -> None:
        self.current_pane().step(delta)

    def action_next_match(self, delta: int) -> None:
        if not self.reading.step_match(delta):
            self.notify("No search matches: press / to search", markup=False)

    def action_clear(self) -> None:
        if not self.reading.clear_selection() and self.side and (first := self.pane_ids[:1]):
            self.side, self.list_wanted = False, None
            self.open_set(first)
            self.article_list.focus()
        self._layout()

    # --- actions: the current article and the list -------------------------------------------

    def action_toggle_read(self) -> None:
        if (row := self.current_row()) is not None:
            self.data.set_flag(row.id, read=not row.read)

    def action_toggle_star(self) -> None:
        if (row := self.current_row()) is not None:
            self.data.set_flag(row.id, starred=not row.starred)

    def action_mark_all_read(self) -> None:
        self.data.mark_all_read()

    def action_cycle_view(self) -> None:
        """All articles, then only the unread, then only the starred."""
        self.data.list_view = VIEWS[(VIEWS.index(self.data.list_view) + 1) % len(VIEWS)]
        self.show_counts(self.data.counts)
        self.data.reload_list()

    def _with_current(self, then: Callable[[Article], None]) -> None:
        if (article := self.current_article()) is not None:
            then(article)
        elif (article_id := self.current_id()) is not None:
            self.data.with_article(article_id, then)

    def action_open_url(self) -> None:
        self._with_current(self.others.open_url)

    def action_copy_citation(self) -> None:
        self._with_current(self.others.copy_citation)

    def action_fetch_full_text(self) -> None:
        if (article_id := self.current_id()) is not None:
            self.fetcher.fetch_full_text(article_id)

    # --- actions: other screens and feeds ----------------------------------------------------

    def action_search(self) -> None:
        self.others.search()

    def action_timeline(self) -> None:
        self.others.prepare("timeline")

    def action_compare(self) -> None:
        self.others.prepare("comparison")

    def action_feeds(self) -> None:
        self.others.feeds()

    def action_add_feed(self) -> None:
        self.others.add_feed()

    def action_update_feeds(self) -> None:
        self.fetcher.update(None)
