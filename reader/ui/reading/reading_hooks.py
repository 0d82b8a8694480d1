"""The reading screen's ties to the other screens (search, timeline, comparison) and what
their results do here: highlight a query across the panes, or jump to a span.

The other screens are imported inside the actions: they are optional until they land, and
they must not slow the first frame.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.worker import Worker, WorkerState

from reader.ui import messages as msg
from reader.ui.reading.highlight import View, one_line
from reader.ui.reading.highlight_legend import HighlightLegend
from reader.ui.reading.marks import find_all
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.reading.reading_workers import ReadingWorkers

if TYPE_CHECKING:
    from reader.core.reading.handoffs import Jump, SearchOutcome

NOT_YET = "{} is not available yet"


class ReadingHooks(ReadingWorkers):
    """Search matches (`n`/`N` step across panes) and jumps; `t`, `/` and `m`."""

    view: View
    side: bool
    matches: list[tuple[int, int, int]]  # (pane number, start, end)
    match_index: int

    @property
    def panes(self) -> list[ReadingPane]:
        return list(self.query(ReadingPane))

    @property
    def pane_ids(self) -> list[int]:
        return [p.article_id for p in self.panes if p.article_id is not None]

    def redraw(self) -> None:
        raise NotImplementedError

    def current_id(self) -> int | None:
        raise NotImplementedError

    # --- other screens -----------------------------------------------------------------

    def action_search(self) -> None:
        try:
            from reader.ui.search.search_screen import SearchScreen
        except ImportError:
            self.notify(NOT_YET.format("Search"), markup=False)
            return
        if self.library is not None:
            self.app.push_screen(SearchScreen(self.library), self.show_search)

    def action_timeline(self) -> None:
        self._prepare("timeline")

    def action_compare(self) -> None:
        self._prepare("comparison")

    def _prepare(self, kind: str) -> None:
        module = "timeline_screen" if kind == "timeline" else "comparison_screen"
        try:
            __import__(f"reader.ui.{kind}.{module}")
        except ImportError:
            self.notify(NOT_YET.format(kind.capitalize()), markup=False)
            return
        ids = self.pane_ids if self.side else self.pane_ids[:1]
        if not ids and (current := self.current_id()) is not None:
            ids = [current]
        if ids:
            legend = self.query_one(HighlightLegend)
            legend.set_state(legend.kinds, legend.colour, f"Building the {kind}…")
            self.prepare_screen(kind, ids, not self.side)

    def on_screen_ready(self, message: msg.ScreenReady) -> None:
        self.redraw()  # puts the legend's status line back
        screen: Any
        if message.kind == "timeline":
            from reader.ui.timeline.timeline_screen import TimelineScreen

            screen = TimelineScreen(message.payload, message.sources)
        else:
            from reader.ui.comparison.comparison_screen import ComparisonScreen

            screen = ComparisonScreen(message.payload, message.sources)
        self.app.push_screen(screen, self.show_jump)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """(Besides the error funnel in `ReadingWorkers`, which Textual also calls.)"""
        if event.state == WorkerState.ERROR:
            self.redraw()  # clears a "Building the timeline…" status

    # --- search results and jumps ------------------------------------------------------

    def find_query(self) -> None:
        self.matches = [
            (n, s, e)
            for n, pane in enumerate(self.panes)
            for s, e in find_all(pane.text, self.view.query)
        ]
        self.match_index = 0 if self.matches else -1

    def show_search(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        self.view = replace(self.view, query=outcome.query)
        if outcome.jump is not None:
            self.show_jump(outcome.jump)
            return
        self.find_query()
        self.redraw()
        self._scroll_to_match()
        if not self.matches:
            query = one_line(outcome.query, 60)
            self.notify(f"No matches in the open articles for “{query}”", markup=False)

    def show_jump(self, jump: Jump | None) -> None:
        if jump is None:
            return
        self.pending_jump = jump
        if jump.article_id in self.pane_ids:
            self.apply_pending_jump()
        else:
            self.side = False
            self.open_set([jump.article_id], mark_read=True)

    def apply_pending_jump(self) -> None:
        jump, self.pending_jump = self.pending_jump, None
        if jump is None:
            return
        if self.view.query and not self.matches:
            self.find_query()
        for pane in self.panes:
            if pane.article_id == jump.article_id:
                pane.spans.flash = (jump.start, jump.end)
                self.redraw()
                self.call_after_refresh(pane.scroll_to_offset, jump.start)
                pane.focus()

    def action_next_match(self, delta: int) -> None:
        if not self.matches:
            self.notify("No search matches: press / to search", markup=False)
            return
        self.match_index = (self.match_index + delta) % len(self.matches)
        self.redraw()
        self._scroll_to_match()

    def _scroll_to_match(self) -> None:
        if 0 <= self.match_index < len(self.matches):
            number, start, _ = self.matches[self.match_index]
            self.call_after_refresh(self.panes[number].scroll_to_offset, start)
