"""Snapshots of the Stories view and of aligned panes, over a library of invented stories
(`tests/samples/stories.py`) plus the seeds. The panes' analyses are pinned (the seeds' by
`frozen_analysis`, the invented articles' by `data/story_analyses.json`), so these change when
the UI changes; regenerate the pinned file with `python tests/snapshots/test_snap_stories.py`
and the shots with `pytest tests/snapshots/test_snap_stories.py --snapshot-update`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.samples.stories import build_story_library
from tests.snapshots.test_snap_main import keys

FROZEN = Path(__file__).parent / "data" / "story_analyses.json"


@pytest.fixture
def frozen_stories(monkeypatch: pytest.MonkeyPatch, frozen_analysis: None) -> None:
    """The invented articles' analyses from `data/story_analyses.json` (keyed by body hash)."""
    from reader.core.analysis.model import Analysis
    from reader.core.reading import reading_set

    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    inner = reading_set.analysed

    def analysed(library: Any, ids: Sequence[int]) -> list[tuple[Any, Any]]:
        return [
            (a, Analysis.from_json(frozen[h]) if (h := a.content_hash) in frozen else an)
            for a, an in inner(library, ids)
        ]

    monkeypatch.setattr(reading_set, "analysed", analysed)


pytestmark = pytest.mark.usefixtures("frozen_stories")


@pytest.fixture
def story_path(tmp_path: Path) -> Path:
    path = tmp_path / "stories.db"
    build_story_library(path, seeds=True)
    return path


def test_stories_view(snap_compare: Any, story_path: Path, build_app: Any) -> None:
    """`g`: one row per story, newest first — title, how many sources, the dates and which
    sources; the newest is the two seeds (the APEC week), one story of two sources; beside
    it the first story's coverage: no subscribed feed carries the seeds (·), so it says
    so; the title line counts stories, sources, articles alone."""
    assert snap_compare(build_app(story_path), terminal_size=(120, 36), run_before=keys("g"))


def test_story_expanded(snap_compare: Any, story_path: Path, build_app: Any) -> None:
    """The bridge story (fourth, after the seeds' story) expanded with →: ▾ and its three
    articles (source, date, title) under it; the coverage shows three of five feeds carry it."""
    assert snap_compare(
        build_app(story_path),
        terminal_size=(120, 36),
        run_before=keys("g", "down", "down", "down", "right"),
    )


def test_stories_80x24(snap_compare: Any, story_path: Path, build_app: Any) -> None:
    """At 80×24 the coverage sits under the list, each group on one line (the bridge story,
    fourth, highlighted)."""
    assert snap_compare(
        build_app(story_path),
        terminal_size=(80, 24),
        run_before=keys("g", "down", "down", "down"),
    )


def test_stories_empty(snap_compare: Any, library_path: Path, build_app: Any) -> None:
    """With one seed left (no story of two articles yet) the view says why it is empty and
    that `a` lists the articles one by one."""
    from reader.core.store import Library

    library = Library.open(library_path)
    assert library.remove(2)
    library.close()
    assert snap_compare(build_app(library_path), terminal_size=(100, 24), run_before=keys("g"))


def test_aligned_panes(snap_compare: Any, story_path: Path, build_app: Any) -> None:
    """The bridge story read side by side from the Stories view (three outlets), then `p`
    twice: the Courier's inquiry passage (Mayor Ines Varga, Wednesday) and the passages
    answering it in the other panes are shaded, each pane scrolled to its own."""
    assert snap_compare(
        build_app(story_path),
        terminal_size=(120, 36),
        run_before=keys("g", "down", "down", "down", "enter", "p", "p"),
    )


def make_frozen() -> None:  # pragma: no cover - run by hand
    import tempfile

    from reader.core.reading.reading_set import analysed
    from reader.core.store import Library

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.db"
        ids = build_story_library(path)
        library = Library.open(path)
        out = {
            a.content_hash: {"source": a.source, **an.to_json()} for a, an in analysed(library, ids)
        }
        library.close()
    FROZEN.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    make_frozen()
