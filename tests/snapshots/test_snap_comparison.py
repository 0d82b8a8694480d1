"""Snapshots of the comparison screen (a hand-built comparison of the two seeds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.core.reading.handoffs import SourceRef
from reader.ui.comparison.comparison_screen import ComparisonScreen

SOURCES = [
    SourceRef(1, "Seed source A", "Trump South Korea alliance", "2025-10-29"),
    SourceRef(2, "Seed source B", "Trump’s Asia Tour Hits Snag", "2025-10-29"),
]


def _value(article: int, text: str, value: float, hedge: str = "") -> dict[str, Any]:
    return {
        "article": article,
        "text": text,
        "value": value,
        "start": 0,
        "end": len(text),
        "hedge": hedge,
    }


COMPARISON: dict[str, Any] = {
    "articles": [{"path": "a.txt", "title": "A"}, {"path": "b.txt", "title": "B"}],
    "entities": {
        "shared": [
            {"name": "Donald Trump", "kind": "person", "counts": [9, 12]},
            {"name": "South Korea", "kind": "place", "counts": [14, 8]},
            {"name": "Gyeongju", "kind": "place", "counts": [2, 2]},
            {"name": "Lee Jae-myung", "kind": "person", "counts": [1, 2]},
            {"name": "Asia-Pacific Economic Cooperation", "kind": "org", "counts": [1, 1]},
        ],
        "only": [
            {"name": "Philadelphia Shipyard", "kind": "org", "counts": [1, 0]},
            {"name": "Sanae Takaichi", "kind": "person", "counts": [0, 1]},
            {"name": "Howard Lutnick", "kind": "person", "counts": [0, 1]},
        ],
    },
    "numbers": [
        {
            "status": "agree",
            "kind": "money",
            "unit": "USD",
            "label": "investment package",
            "values": [_value(0, "$350 billion", 3.5e11), _value(1, "$350 billion", 3.5e11)],
        },
        {
            "status": "differ",
            "kind": "money",
            "unit": "USD",
            "label": "Japan investment pledges",
            "values": [
                _value(0, "$490 billion", 4.9e11, "up to"),
                _value(1, "nearly $500 billion", 5e11, "nearly"),
            ],
        },
        {
            "status": "single",
            "kind": "percent",
            "unit": "%",
            "label": "tariff on South Korean vehicles",
            "values": [_value(0, "25%", 25.0), None],
        },
    ],
}


def _open(*keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.app.push_screen(ComparisonScreen(COMPARISON, SOURCES))
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_comparison_wide(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """120×36: "In both sources" with Seed source A / Seed source B count columns (Donald
    Trump 9 / 12 …), "Only in Seed source A" (Philadelphia Shipyard 1 / ·), "Only in Seed
    source B" (Sanae Takaichi, Howard Lutnick), then Figures: "= agree investment package",
    "≠ differ Japan investment pledges" with "up to $490 billion" vs "nearly $500 billion",
    "1 one source only" with "—" for source B; the first entity highlighted."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_open())


def test_comparison_narrow_ledger(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """80×24: the same comparison scrolled to the end (the figures ledger in view, the
    last figure highlighted); columns still line up."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_open("end"))
