"""The events of a timeline in date order, under a heading per day, in one `OptionList`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.analysis.timeline.build import Event
from reader.core.date_labels import chronological, group_key
from reader.core.reading.handoffs import Jump, SourceRef
from reader.ui.chrome.sectioned_list import SectionedOptionList
from reader.ui.timeline.timeline_row import day_heading, event_prompt

Place = tuple[str, int, int]  # an event's date, and its first source's article and offset


def place_of(event: Event) -> Place:
    """What finds an event again in a timeline built anew from the same articles."""
    first = event.sources[0] if event.sources else None
    return (event.date, first.article, first.start) if first else (event.date, -1, -1)


class EventOption(Option):
    """A row of the timeline: carries its event and which of its sources enter opens."""

    def __init__(self, event: Event, sources: Sequence[SourceRef], index: int) -> None:
        self.event = event
        self.chosen = 0
        super().__init__(event_prompt(event, sources), id=f"event-{index}")


class TimelineList(SectionedOptionList):
    """Day headings (disabled rows) and events. Enter posts `TimelineList.Chosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "section(1)", "Next day", key_display="]"),
        Binding("left_square_bracket", "section(-1)", "Previous day", key_display="[", show=False),
    ]

    class Chosen(Message):
        """An event was chosen: `jump` opens the passage of its chosen source."""

        def __init__(self, timeline: TimelineList, event: Event, jump: Jump | None) -> None:
            super().__init__()
            self.timeline = timeline
            self.event = event
            self.jump = jump

        @property
        def control(self) -> TimelineList:
            return self.timeline

    def __init__(
        self,
        events: Sequence[Event],
        sources: Sequence[SourceRef],
        *,
        start: Place | None = None,
        scroll: float | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.sources = list(sources)
        self.events = chronological(events)
        self.start = start  # the event to highlight first (where the reader last was)
        self.start_scroll = scroll  # and how far the list was scrolled then

    def on_mount(self) -> None:
        # After the first refresh: the focus style is applied by then, and a style change
        # re-wraps every row (twice the work for a long timeline).
        self.call_after_refresh(self._populate)

    def _populate(self) -> None:
        rows: list[Option] = []
        current: str | None = None
        for index, event in enumerate(self.events):
            key = group_key(event.date)
            if key != current:
                current = key
                rows.append(Option(day_heading(event.date), disabled=True))
            rows.append(EventOption(event, self.sources, index))
        self.set_options(rows)
        again = next(
            (
                n
                for n, row in enumerate(rows)
                if isinstance(row, EventOption) and place_of(row.event) == self.start
            ),
            None,
        )
        if again is not None:
            self.highlighted = again
            self.call_after_refresh(self._scroll_back)
        elif self.events:
            self.action_first()

    def _scroll_back(self) -> None:
        """The list scrolled as it was (the event on the same row), the event in sight."""
        if self.start_scroll is not None:
            self.scroll_to(y=self.start_scroll, animate=False, immediate=True)
        self.scroll_to_highlight()

    @property
    def highlighted_event(self) -> EventOption | None:
        option = self.highlighted_option
        return option if isinstance(option, EventOption) else None

    def jump_for(self, option: EventOption) -> Jump | None:
        """Where enter on `option` goes: its chosen source's passage, if that source is in
        the reading set."""
        if not option.event.sources:
            return None
        cited = option.event.sources[option.chosen % len(option.event.sources)]
        if not 0 <= cited.article < len(self.sources):
            return None
        return Jump(self.sources[cited.article].article_id, cited.start, cited.end)

    def cycle_source(self) -> EventOption | None:
        """Make the highlighted event's next source the one enter opens."""
        option = self.highlighted_event
        if option is None or len(option.event.sources) < 2:
            return option
        option.chosen = (option.chosen + 1) % len(option.event.sources)
        if self.highlighted is not None:
            self.replace_option_prompt_at_index(
                self.highlighted, event_prompt(option.event, self.sources, option.chosen)
            )
        return option

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        if isinstance(message.option, EventOption):
            self.post_message(
                self.Chosen(self, message.option.event, self.jump_for(message.option))
            )
