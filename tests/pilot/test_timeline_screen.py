"""The timeline screen, pushed onto the app from `make_app`: rows by day, inferred dates
marked, enter jumps to the chosen source's words, `s` cycles the source, `e` exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reader.core.analysis.timeline.build import Event, EventSource
from reader.core.reading.handoffs import Jump, SourceRef
from reader.core.store import Library
from reader.ui.timeline.timeline_list import EventOption, TimelineList
from reader.ui.timeline.timeline_screen import TimelineScreen

HOSTILE = "[/] [@click=app.quit]boom[/] [breaking] news \x1b[2J\u202eevil"


def seed_set(library: Library) -> tuple[list[SourceRef], list[str]]:
    """The two seeds as a reading set (A first), with their bodies."""
    rows = sorted((library.row(i) for i in library.ids()), key=lambda r: r.source)
    sources = [
        SourceRef(r.id, r.source, r.title, r.published.isoformat() if r.published else "")
        for r in rows
    ]
    return sources, [library.get(r.id).body for r in rows]


def cite(bodies: list[str], article: int, phrase: str) -> EventSource:
    start = bodies[article].index(phrase)
    return EventSource(f"seed{article}", start, start + len(phrase), article)


XI_A = "a highly anticipated meeting between Trump and Chinese President Xi Jinping"
XI_B = "On Thursday, he’s slated for a pivotal sit-down with Chinese President Xi Jinping"
APEC = "from October 27 to November 1, 2025"


def seed_events(bodies: list[str]) -> list[Event]:
    return [
        Event(
            "2025-10-30",
            "",
            XI_B,
            ["Busan"],
            ["Xi Jinping"],
            [cite(bodies, 1, XI_B), cite(bodies, 0, XI_A)],
            inferred=True,
        ),
        Event(
            "2025-10-27",
            "2025-11-01",
            "the APEC summit in Gyeongju " + APEC,
            ["Gyeongju", "South Korea"],
            [],
            [cite(bodies, 0, APEC)],
        ),
        Event(
            "2025-Q3",
            "",
            "growing by 1.2% quarter-on-quarter",
            ["South Korea"],
            [],
            [cite(bodies, 0, "growing by 1.2% quarter-on-quarter")],
        ),
    ]


def rendered(timeline: TimelineList) -> str:
    return "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))


async def open_timeline(
    pilot: Any, events: list[Event], sources: list[SourceRef], **kw: Any
) -> list[Jump | None]:
    results: list[Jump | None] = []
    await pilot.app.push_screen(TimelineScreen(events, sources, **kw), results.append)
    await pilot.pause()
    return results


async def test_rows_by_day_and_jump(library: Library, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        results = await open_timeline(pilot, seed_events(bodies), sources)
        timeline = app.screen.query_one(TimelineList)
        assert timeline.has_focus
        text = rendered(timeline)
        assert text.index("Q3 2025 (Jul–Sep)") < text.index("Monday, October 27, 2025")
        assert "Oct 27 – Nov 1, 2025" in text and "Gyeongju, South Korea" in text
        assert "Thursday, October 30, 2025" in text
        assert "≈ Oct 30, 2025 (inferred)" in text
        assert "Busan [2] [1]" in text
        # headings are not selectable: the first row highlighted is an event
        assert isinstance(timeline.highlighted_option, EventOption)
        await pilot.press("end", "enter")
        await pilot.pause()
        jump = results[0]
        assert jump is not None and jump.article_id == sources[1].article_id
        assert bodies[1][jump.start : jump.end] == XI_B


async def test_cycle_source_then_jump(library: Library, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        results = await open_timeline(pilot, seed_events(bodies), sources)
        await pilot.press("end", "s", "enter")
        await pilot.pause()
        jump = results[0]
        assert jump is not None and jump.article_id == sources[0].article_id
        assert bodies[0][jump.start : jump.end] == XI_A


async def test_escape_closes_with_none(library: Library, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        results = await open_timeline(pilot, seed_events(bodies), sources)
        await pilot.press("escape")
        await pilot.pause()
        assert results == [None]
        assert not isinstance(app.screen, TimelineScreen)


async def test_export_writes_markdown_and_json(
    library: Library, tmp_path: Path, build_app: Any
) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    out = tmp_path / "exports"
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot, seed_events(bodies), sources, export_dir=out)
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        files = sorted(p.suffix for p in out.iterdir())
        assert files == [".json", ".md"]
        md = next(out.glob("*.md")).read_text()
        assert "## Thursday, October 30, 2025" in md
        assert any("Timeline exported:" in n.message for n in app._notifications)


async def test_empty_and_hostile_timelines_do_not_crash(library: Library, build_app: Any) -> None:
    sources, _ = seed_set(library)
    hostile_sources = [SourceRef(sources[0].article_id, HOSTILE, HOSTILE, "")]
    events = [
        Event(
            "2025-10-30",
            "",
            HOSTILE,
            [HOSTILE],
            [],
            [EventSource("x", 0, 5, 0), EventSource("y", 0, 5, 7)],
        ),
        Event("not a date [b]", "", "", [], [], []),
    ]
    app = build_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_timeline(pilot, [], sources)
        assert "No dated events" in str(app.screen.query_one("#timeline-empty").render())
        await pilot.press("escape")
        results = await open_timeline(pilot, events, hostile_sources)
        text = rendered(app.screen.query_one(TimelineList))
        assert "[@click=app.quit]boom[/] [breaking] news" in text
        assert "\x1b" not in text and "\u202e" not in text
        assert "not a date [b]" in text and "(no summary)" in text
        assert "[1] [?]" in text  # the second source is outside the reading set
        title = str(app.screen.query_one("#timeline-title").render())
        assert "[1] [/] [@click=app.quit]boom[/] [breaking]…" in title
        await pilot.press("home", "s", "enter")  # second source is outside the set
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen) and results == []
        await pilot.press("down", "enter")  # no sources at all
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen) and results == []


async def test_many_events_in_one_option_list(library: Library, build_app: Any) -> None:
    sources, _ = seed_set(library)
    start = dt.date(2020, 1, 1)
    events = [
        Event(
            (start + dt.timedelta(days=n // 3)).isoformat(),
            "",
            f"event {n}",
            [],
            [],
            [EventSource("x", n, n + 1, n % 2)],
        )
        for n in range(2000)
    ]
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        results = await open_timeline(pilot, events, sources)
        timeline = app.screen.query_one(TimelineList)
        assert timeline.option_count == 2000 + 667
        await pilot.press("end", "enter")
        await pilot.pause()
        assert results == [Jump(sources[1].article_id, 1999, 2000)]


async def test_brackets_step_between_days(library: Library, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot, seed_events(bodies), sources)
        timeline = app.screen.query_one(TimelineList)

        def day() -> str:
            option = timeline.highlighted_option
            assert isinstance(option, EventOption)
            return option.event.date

        assert day() == "2025-Q3"
        await pilot.press("right_square_bracket")
        assert day() == "2025-10-27"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert day() == "2025-10-30"  # no later day: stays
        await pilot.press("left_square_bracket")
        assert day() == "2025-10-27"
