"""Snapshots of the timeline screen over the seeded library (fixed clock and theme)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.core.analysis.timeline.build import Event, EventSource
from reader.core.reading.handoffs import SourceRef
from reader.ui.timeline.timeline_screen import TimelineScreen

SOURCES = [
    SourceRef(1, "Seed source A", "Trump South Korea alliance", "2025-10-29"),
    SourceRef(2, "Seed source B", "Trump’s Asia Tour Hits Snag", "2025-10-29"),
]


def _events() -> list[Event]:
    def cite(article: int, start: int) -> EventSource:
        return EventSource(f"seed{article}", start, start + 40, article)

    return [
        Event(
            "2025-Q3",
            "",
            "growing by 1.2% quarter-on-quarter and 1.7% year-on-year",
            ["South Korea"],
            [],
            [cite(0, 2900)],
            figures=["1.2%", "1.7%"],
        ),
        Event(
            "2025-10",
            "",
            "Commerce Secretary Howard Lutnick capped the trip with announcements of up to $490 billion in commitments",
            ["Tokyo"],
            ["Howard Lutnick"],
            [cite(1, 1300)],
            mod="END",
            figures=["$490 billion", "$550 billion"],
        ),
        Event(
            "2025-10-27",
            "2025-11-01",
            "the Asia-Pacific Economic Cooperation (APEC) summit, hosted by South Korea in the historic city of Gyeongju from October 27 to November 1, 2025",
            ["Gyeongju", "South Korea"],
            [],
            [cite(0, 1100), cite(1, 700)],
        ),
        Event(
            "2025-10-29",
            "",
            "trade talks with South Korea dragged on without a breakthrough",
            ["Gyeongju"],
            ["Lee Jae-myung"],
            [cite(1, 250)],
        ),
        Event(
            "2025-10-30",
            "",
            "On Thursday, he’s slated for a pivotal sit-down with Chinese President Xi Jinping",
            ["Busan"],
            ["Xi Jinping"],
            [cite(1, 5200), cite(0, 4700)],
            inferred=True,
        ),
        Event(
            "2025-11-01",
            "",
            "the summit closes with a joint declaration",
            ["Gyeongju"],
            [],
            [cite(0, 5000)],
            inferred=True,
        ),
    ]


def _open(*keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.app.push_screen(TimelineScreen(_events(), SOURCES))
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_timeline_wide(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """120×36: day headings in date order (Q3 2025, October 2025, Oct 27, 29, 30, Nov 1),
    each event with its date (the range "Oct 27 – Nov 1, 2025", "late October 2025"), places,
    summary and source badges [1]/[2] (the title line says [1] Seed source A · [2] Seed
    source B); under a summary, the event's people and figures ("who Howard Lutnick ·
    figures $490 billion, $550 billion"; Q3 "figures 1.2%, 1.7%"); Oct 30 and Nov 1
    marked "≈ (inferred)";
    the first event highlighted; the footer shows esc Close, s Next source, e Export."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_open())


def test_timeline_narrow(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """80×24: the same timeline; long summaries wrap under their date line, the people and
    figures line fits, nothing is cut off at the right edge."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_open())


def test_timeline_source_cycled(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """120×36: the Oct 30 (Xi Jinping) event highlighted after pressing end, up; `s` has made
    its second source the one enter opens: the [1] badge (Seed source A) is shown reversed."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_open("end", "up", "s"))
