"""Snapshot fixtures: `frozen_analysis` pins the analyses of the seeds, so that a snapshot
changes when the UI changes, not whenever the analysis engine improves."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

FROZEN = Path(__file__).parent / "data" / "seed_analyses.json"


@pytest.fixture
def frozen_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading screen gets the seeds' analyses from `data/seed_analyses.json` (keyed by
    body hash; other articles are analysed as usual). Regenerate the file when the seeds'
    text changes (see `make_frozen` below)."""
    from reader.core.analysis.model import Analysis
    from reader.core.reading import reading_set

    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    real = reading_set.analysed

    def analysed(library: Any, ids: Sequence[int]) -> list[tuple[Any, Any]]:
        items = real(library, ids)
        return [
            (
                article,
                Analysis.from_json(frozen[h]) if (h := article.content_hash) in frozen else an,
            )
            for article, an in items
        ]

    monkeypatch.setattr(reading_set, "analysed", analysed)


def make_frozen() -> None:  # pragma: no cover - run by hand: python tests/snapshots/conftest.py
    import tempfile

    from reader.core.importer import import_seeds
    from reader.core.reading.reading_set import analysed
    from reader.core.store import Library

    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.db")
        import_seeds(library)
        out = {
            a.content_hash: {"source": a.source, **an.to_json()}
            for a, an in analysed(library, library.ids())
        }
        library.close()
    FROZEN.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    make_frozen()
