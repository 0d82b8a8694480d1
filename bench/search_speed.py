"""Keystroke-to-results latency of `Library.search`, against the raw index query alone."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.queries import keystrokes

REPEATS = 3


@dataclass(frozen=True, slots=True)
class SearchSpeed:
    p50_ms: float
    p95_ms: float
    raw_p50_ms: float
    raw_p95_ms: float
    calls: int

    @property
    def ratio(self) -> float:
        return self.p95_ms / self.raw_p95_ms if self.raw_p95_ms else 0.0


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def measure(db: Path, repeats: int = REPEATS) -> SearchSpeed:
    """Every prefix of every query, `repeats` times; each `Library.search(prefix, limit=50)` is
    timed alongside the raw index query for the same string (alternating which goes first)."""
    from reader.core.store import Library

    library = Library.open(db)
    raw = raw_query(library)
    prefixes = keystrokes()
    ours: list[float] = []
    bare: list[float] = []
    for repeat in range(repeats):
        for i, prefix in enumerate(prefixes):
            pair = [(ours, lambda p: library.search(p, limit=50)), (bare, raw)]
            if (i + repeat) % 2:
                pair.reverse()
            for sink, call in pair:
                started = time.perf_counter()
                list(call(prefix))
                sink.append((time.perf_counter() - started) * 1000)
    return SearchSpeed(
        percentile(ours, 50),
        percentile(ours, 95),
        percentile(bare, 50),
        percentile(bare, 95),
        len(ours),
    )


def raw_query(library: Any) -> Callable[[str], list[Any]]:
    """The same engine's bare query: FTS5 MATCH ranked, 50 rowids, nothing else."""
    raise NotImplementedError("written once the store lands")
