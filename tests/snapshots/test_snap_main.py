"""Snapshots of the reading screen. Each app comes from `make_app` (via `build_app`) with a
fixed theme and clock and an isolated, seeded library; workers are awaited before the shot.

The seeds' analyses are pinned (`frozen_analysis`, tests/snapshots/data/seed_analyses.json),
so these change when the UI changes; regenerate with
`pytest tests/snapshots/test_snap_main.py --snapshot-update` and look at what changed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

pytestmark = pytest.mark.usefixtures("frozen_analysis")

Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def _settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def keys(*pressed: str) -> Steps:
    """Wait for the list to load, press `pressed` (waiting for workers after each)."""

    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await _settle(pilot)

    return run


def test_first_screen(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """The list shows both seeds (unread •, source, date, title), the first highlighted; the
    empty reading pane says how to open an article; the footer lists the main keys."""
    assert snap_compare(build_app(library_path), terminal_size=(120, 36), run_before=keys())


def test_article_open(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """The first seed open: title, source · date line, dateline, paragraphs with people,
    places, organisations, numbers and dates highlighted; the legend below; its row is read."""
    assert snap_compare(build_app(library_path), terminal_size=(120, 36), run_before=keys("enter"))


def test_side_by_side_120(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """Both seeds marked (▣) and side by side in two panes sharing the width, list hidden,
    each pane headed by its source and date."""
    assert snap_compare(
        build_app(library_path), terminal_size=(120, 36), run_before=keys("space", "space", "c")
    )


def test_side_by_side_80x24(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """At 80×24 side by side still shows two readable panes (the list is hidden)."""
    assert snap_compare(
        build_app(library_path), terminal_size=(80, 24), run_before=keys("space", "space", "c")
    )


def test_list_stacked_80x24(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """At 80×24 with an article open the list sits above the reading pane."""
    assert snap_compare(build_app(library_path), terminal_size=(80, 24), run_before=keys("enter"))


def test_legend_with_kinds_off(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """People (1) and numbers (4) switched off: struck through in the legend and no longer
    highlighted in the text; places, organisations and dates still are."""
    assert snap_compare(
        build_app(library_path), terminal_size=(120, 36), run_before=keys("enter", "1", "4")
    )


def test_colour_free(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """color=False: the grey theme; kinds told apart by bold/underline/italic and a glyph
    before each span (◆ person, ▲ place, ■ organisation, # number, ◇ date), as in the legend."""
    assert snap_compare(
        build_app(library_path, color=False), terminal_size=(120, 36), run_before=keys("enter")
    )


def test_light_theme(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """textual-light: dark text on a light background, highlights still legible."""
    assert snap_compare(
        build_app(library_path, theme="textual-light"),
        terminal_size=(120, 36),
        run_before=keys("enter"),
    )


def test_help_panel(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """`?` shows every key, grouped (everywhere, reading, list, pane), over the screen."""
    assert snap_compare(
        build_app(library_path), terminal_size=(120, 36), run_before=keys("question_mark")
    )


def test_entity_selected_across_panes(
    snap_compare: Any, library_path: Path, build_app: Any
) -> None:
    """Side by side, `]` in the first pane selects its first mark: every mention of it is
    reversed in both panes, each pane header says how often it occurs there, and the
    legend's status line gives the counts per pane."""

    async def run(pilot: Pilot[Any]) -> None:
        await keys("space", "space", "c")(pilot)
        pilot.app.screen.panes[0].focus()
        await pilot.press("right_square_bracket")
        await _settle(pilot)

    assert snap_compare(build_app(library_path), terminal_size=(120, 36), run_before=run)


def test_search_matches_across_panes(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """A search for "trade" returned from the search screen: matches underlined in both
    panes, the current one reversed, the status line says 1/N."""
    from reader.core.reading.handoffs import SearchOutcome

    async def run(pilot: Pilot[Any]) -> None:
        await keys("space", "space", "c")(pilot)
        pilot.app.screen.show_search(SearchOutcome("trade"))
        await _settle(pilot)

    assert snap_compare(build_app(library_path), terminal_size=(120, 36), run_before=run)


def test_hostile_titles_verbatim(
    snap_compare: Any, library_path: Path, build_app: Any, add_articles: Any
) -> None:
    """Titles and sources that look like markup or carry terminal controls are listed as
    typed: `[/]`, `[b]unclosed`, `[@click=app.quit]x[/]`, `[breaking] news` in full, ESC
    shown as ␛ and the bidi override as ⁞; no styling leaks from them into other rows."""
    import datetime as dt

    titles = [
        "[/]",
        "[b]unclosed",
        "[@click=app.quit]x[/]",
        "[breaking] news",
        "\x1b[2J\x1b]0;pwned\x07 clear screen",
        "bidi \u202eevil\u202c text",
    ]
    add_articles(
        library_path,
        [
            {
                "text": f"{title}\n\nBody {n}.",
                "title": title,
                "source": "[i]Evil[/i] Source",
                "published": dt.date(2025, 11, 1 + n),
            }
            for n, title in enumerate(titles)
        ],
    )
    assert snap_compare(build_app(library_path), terminal_size=(120, 36), run_before=keys())
