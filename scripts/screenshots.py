"""Produce `screenshots/*.svg` from the app factory, driving a headless session.

    .venv/bin/python scripts/screenshots.py [OUTPUT_DIR]

Each shot starts from a fresh library holding the two bundled seeds (the Stories shot: and
the invented stories of `tests/samples/stories.py`), with a fixed clock and the default dark
theme, and waits for the workers before saving. Shots of screens that have
not landed yet are skipped with a note.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ui.app import make_app  # noqa: E402
from tests.samples.stories import build_story_library  # noqa: E402

NOW = dt.datetime(2025, 10, 30, 9, 0, tzinfo=dt.UTC)
Drive = Callable[[Pilot[Any]], Awaitable[None]]


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)


def pressing(*keys: str) -> Drive:
    async def drive(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return drive


def searching(query: str) -> Drive:
    async def drive(pilot: Pilot[Any]) -> None:
        await pressing("space", "space", "c", "slash")(pilot)
        await pilot.press(*query)
        await settle(pilot)
        await pilot.pause(0.5)
        await settle(pilot)

    return drive


SHOTS: list[tuple[str, tuple[int, int], Drive, str]] = [
    ("main", (120, 36), pressing(), ""),
    ("article", (120, 36), pressing("enter"), ""),
    ("side-by-side", (120, 36), pressing("space", "space", "c"), ""),
    ("side-by-side-80x24", (80, 24), pressing("space", "space", "c"), ""),
    ("selection", (120, 36), pressing("space", "space", "c", "tab", "right_square_bracket"), ""),
    ("help", (120, 36), pressing("question_mark"), ""),
    ("timeline", (120, 36), pressing("space", "space", "c", "t"), "timeline_screen"),
    ("comparison", (120, 36), pressing("space", "space", "c", "m"), "comparison_screen"),
    ("search", (120, 36), searching("trade"), "search_screen"),
    ("stories", (120, 36), pressing("g", "down", "down", "right"), "stories_screen"),
]
# Shots whose library holds more than the seeds.
LIBRARIES: dict[str, Callable[[Path], object]] = {
    "stories": lambda path: build_story_library(path, seeds=True),
}


async def shoot(name: str, size: tuple[int, int], drive: Drive, folder: Path, out: Path) -> None:
    if name in LIBRARIES:
        LIBRARIES[name](folder / f"{name}.db")
    app = make_app(
        folder / f"{name}.db",
        now=NOW,
        theme="textual-dark",
        keymap=folder / "none",
        background=False,  # a fixed title line: no "analysing …"
    )
    async with app.run_test(size=size) as pilot:
        await drive(pilot)
        app.save_screenshot(f"{name}.svg", str(out))


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, size, drive, _needs in SHOTS:
            asyncio.run(shoot(name, size, drive, Path(tmp), out))
            print(f"wrote {out / (name + '.svg')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
