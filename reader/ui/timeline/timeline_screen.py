"""The timeline of the articles being read: every dated event, by day, with its sources.

Result: a `Jump` to the chosen event's passage, or None when closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from reader.core.analysis.timeline.build import Event
from reader.core.export import (
    default_export_dir,
    export_notice,
    timeline_json,
    timeline_markdown,
    write_export,
)
from reader.core.reading.handoffs import Jump, SourceRef
from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.chrome.worker_errors import report_failure
from reader.ui.timeline.timeline_list import EventOption, Place, TimelineList, place_of
from reader.ui.timeline.timeline_row import INFERRED_MARK, legend


class TimelineScreen(Screen[Jump | None]):
    """Events of the reading set in date order; enter jumps to the chosen source's words."""

    # The styles of the timeline, search and comparison screens (loaded once, app-wide).
    CSS_PATH = "../screens.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="timeline.close", tooltip="Back to the articles"),
        Binding(
            "s",
            "next_source",
            "Next source",
            id="timeline.next_source",
            tooltip="Choose which source enter opens when an event has several",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="timeline.export",
            tooltip="Write the timeline as Markdown and JSON",
        ),
    ]

    def __init__(
        self,
        events: list[Event],
        sources: list[SourceRef],
        *,
        export_dir: Path | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.events = events
        self.sources = sources
        self.export_dir = export_dir

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="timeline-title", markup=False)
        if self.events:
            start = self._places().get(self._key())
            scroll = self._scrolls().get(self._key()) if start is not None else None
            yield TimelineList(
                self.events, self.sources, start=start, scroll=scroll, id="timeline-list"
            )
        else:
            yield Static(
                "No dated events were found in these articles.", id="timeline-empty", markup=False
            )
        yield KeyFooter()

    def _title(self) -> Content:
        count = len(self.events)
        return Content.assemble(
            ("Timeline", "bold"),
            f"  {count} event{'s' if count != 1 else ''}   ",
            legend(self.sources),
            (f"   {INFERRED_MARK} date inferred", "$text-muted"),
        )

    def on_mount(self) -> None:
        for timeline in self.query(TimelineList):
            timeline.focus()

    def _key(self) -> tuple[int, ...]:
        return tuple(src.article_id for src in self.sources)

    def _places(self) -> dict[tuple[int, ...], Place]:
        """Where the reader last was in each reading set's timeline (kept by the app, so a
        timeline opened again starts there)."""
        places: dict[tuple[int, ...], Place] | None = getattr(self.app, "timeline_places", None)
        return places if places is not None else {}

    def _scrolls(self) -> dict[tuple[int, ...], float]:
        scrolls: dict[tuple[int, ...], float] | None = getattr(self.app, "timeline_scrolls", None)
        return scrolls if scrolls is not None else {}

    def _leave(self, result: Jump | None) -> None:
        """Close with `result`, keeping how far the list was scrolled for the next opening."""
        for timeline in self.query(TimelineList):
            self._scrolls()[self._key()] = timeline.scroll_y
        self.dismiss(result)

    @on(TimelineList.OptionHighlighted)
    def _remember(self, message: TimelineList.OptionHighlighted) -> None:
        if isinstance(message.option, EventOption):
            self._places()[self._key()] = place_of(message.option.event)

    @on(TimelineList.Chosen)
    def _chosen(self, message: TimelineList.Chosen) -> None:
        if message.jump is None:
            self.notify("This event has no passage to open.", severity="warning", markup=False)
            return
        self._leave(message.jump)

    def action_close(self) -> None:
        self._leave(None)

    def action_next_source(self) -> None:
        for timeline in self.query(TimelineList):
            option = timeline.cycle_source()
            if option is not None and len(option.event.sources) < 2:
                self.notify("This event has only one source.", markup=False)

    def action_export(self) -> None:
        self._export(self.export_dir or default_export_dir())

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, directory: Path) -> tuple[Path, Path]:
        markdown = timeline_markdown(self.events, self.sources)
        data = timeline_json(self.events, self.sources)
        return write_export(directory, "timeline", markdown, data)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "export":
            return
        if worker.state == WorkerState.SUCCESS and worker.result:
            md_path, json_path = worker.result
            self.notify(export_notice("Timeline", md_path, json_path), markup=False)
        else:
            report_failure(self, event, {"export": "export the timeline"})
