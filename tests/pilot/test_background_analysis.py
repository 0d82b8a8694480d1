"""The app's background analysis: the pool works through what waits (progress in the title
line) and ends with the app; an article opened before its turn is analysed first; the panes
repaint when an open article's analysis lands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.analysis import analyze, analyzer_version
from reader.core.analysis.model import Analysis
from reader.core.store import Library
from reader.ui import messages as msg
from reader.ui.reading.main_screen import MainScreen
from tests.settling import settle
from tests.unit.test_store_support import process_alive

BODY = (
    "Officials in {place} said on Tuesday that {n} bridges would be repaired by March 2026"
    " at a cost of ${n} million, the ministry of transport announced."
)
PLACES = ["Seoul", "Paris", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra"]


async def test_opening_an_article_not_analysed_analyses_it_first(
    library_path: Path, build_app: Any
) -> None:
    version = analyzer_version()
    with Library.open(library_path) as library:
        assert library.queue.is_pending(1, version)  # the seeds are stored, not analysed
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        main.open_set([1])
        await settle(pilot)
        assert main.panes[0].marks  # highlighted at once
    with Library.open(library_path) as library:
        assert not library.queue.is_pending(1, version)
        assert library.queue.is_pending(2, version)  # not opened: still waits its turn
        assert 1 in library.stories.story_of(1)  # joined its story as its analysis landed


async def test_the_pane_repaints_when_its_analysis_lands(
    library_path: Path, build_app: Any
) -> None:
    version = analyzer_version()
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        main.open_set([1])
        await settle(pilot)
        assert main.panes[0].marks
        library = main.data.lib()
        library.put_analysis(1, Analysis(), version)  # another analysis landed meanwhile
        main.post_message(msg.AnalysesLanded([2]))  # not open: nothing to repaint
        await settle(pilot)
        assert main.panes[0].marks
        main.post_message(msg.AnalysesLanded([1]))
        await settle(pilot)
        assert main.panes[0].marks == []
        library.put_analysis(1, analyze(library.get(1)), version)
        main.post_message(msg.AnalysesLanded([1]))
        await settle(pilot)
        assert main.panes[0].marks


async def test_progress_slots_share_the_title_line(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = pilot.app.screen
        main.post_message(msg.Progress("analysing 340 of 1,000", slot="analysis"))
        main.post_message(msg.Progress("updating feeds 1/2"))
        await pilot.pause()
        assert pilot.app.sub_title == "analysing 340 of 1,000 · updating feeds 1/2"
        main.post_message(msg.Progress("", slot="analysis"))
        await pilot.pause()
        assert pilot.app.sub_title == "updating feeds 1/2"


async def test_the_pool_analyses_behind_and_ends_with_the_app(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    """With `background` on: the waiting articles (enough to start worker processes) are
    analysed with "analysing N of M" in the title line; quitting leaves no process behind."""
    specs = [{"text": BODY.format(place=PLACES[k % 8], n=k + 2) + f" Note {k}."} for k in range(24)]
    add_articles(library_path, specs)
    version = analyzer_version()
    seen: set[str] = set()
    pids: set[int] = set()
    app = build_app(library_path, background=True)
    async with app.run_test(size=(120, 36)) as pilot:
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        for _ in range(600):  # (no settle: the background worker never finishes)
            await pilot.pause(0.02)
            seen.add(pilot.app.sub_title)
            pids.update(main.analysis.processes())
            library = main.data.library
            if library is not None and library.queue.pending_count(version) == 0 and pids:
                break
        assert library is not None and library.queue.pending_count(version) == 0, seen
        await pilot.pause(0.05)
        assert "analysing" not in pilot.app.sub_title  # done: the title line says no more
    assert any(text.startswith("analysing ") and " of 26" in text for text in seen), seen
    assert pids and not any(process_alive(pid) for pid in pids)
    assert main.analysis.processes() == []
