"""Snapshots of the search screen over the seeded library (fixed clock and theme)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.core.store import Library
from reader.ui.search.search_screen import SearchScreen
from tests.settling import settle


def _search(library_path: Path, typed: str = "", *then: str) -> Any:
    """Open the search, type `typed`, wait for its results, then press `then`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.app.push_screen(SearchScreen(Library.open(library_path)))
        await pilot.pause()
        if typed:
            await pilot.press(*typed)
            await settle(pilot)
        if then:
            await pilot.press(*then)
            await settle(pilot)

    return run_before


def test_search_empty(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """120×36: the search dialog over the reading screen, the input focused and empty, the
    filter help (source: person: place: org: "exact phrase", ↑↓ move · enter open · esc
    close) and "Type to search."; no results."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_search(library_path))


def test_search_tariff(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """120×36: "tariff" typed; "2 results"; each hit shows its title (bold), "Seed source
    A/B · 2025-10-29 —" and a snippet with "tariff"/"tariffs" underlined; the first hit
    highlighted."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_search(library_path, "tariff"))


def test_search_tariff_narrow_second_hit(
    snap_compare: Any, build_app: Any, library_path: Path
) -> None:
    """80×24: "tariff" typed and down pressed: the second hit highlighted; snippets wrap
    inside the dialog."""
    app = build_app(library_path)
    run_before = _search(library_path, "tariff", "down")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
