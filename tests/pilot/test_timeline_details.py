"""A timeline row names the event's people, its figures (the numbers of its passage) and the
other dates its sentence mentions, on a line under the summary; untrusted text verbatim."""

from __future__ import annotations

from reader.core.analysis.timeline.build import Event, EventSource
from reader.core.reading.handoffs import SourceRef
from reader.ui.timeline.timeline_row import FIGURES_SHOWN, details, event_prompt


def _event(**kw: object) -> Event:
    source = EventSource("a.txt", 0, 10, 0, 0, 4, "June", "Lee took office in June.")
    return Event("2025-06", "", "Lee took office in June.", sources=[source], **kw)  # type: ignore[arg-type]


def test_people_figures_and_mentioned_dates_are_shown_under_the_summary() -> None:
    event = _event(
        people=["Lee Jae-myung"],
        places=["Seoul"],
        figures=["$350 billion", "15%"],
        mentioned=["2025-08"],
    )
    lines = event_prompt(event, [SourceRef(1, "Seed source A", "t", "")]).plain.split("\n")
    assert lines[0].startswith("June 2025  Seoul [1]")
    assert lines[1] == "Lee took office in June."
    assert lines[2] == "who Lee Jae-myung  ·  figures $350 billion, 15%  ·  also August 2025"


def test_a_row_without_people_figures_or_other_dates_has_no_detail_line() -> None:
    event = _event()
    assert details(event) is None
    assert len(event_prompt(event, []).plain.split("\n")) == 2


def test_many_figures_are_counted_and_hostile_text_stays_verbatim() -> None:
    figures = [f"{k}%" for k in range(FIGURES_SHOWN + 3)]
    line = details(_event(figures=["[b]9[/]", *figures], people=["\x1b[2J Eve"]))
    assert line is not None
    text = line.plain
    assert "[b]9[/]" in text and "\x1b" not in text and "+4" in text
