"""Keystroke-to-results latency of `Library.search`, against the raw index query alone."""

from __future__ import annotations

import functools
import math
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.queries import keystrokes

REPEATS = 3
# The baseline: FTS5 alone, ranked by its built-in bm25, 50 rowids and nothing else.
RAW_SQL = "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT 50"
# A diagnostic beside it: the index work the store's design asks for (bm25 over only the newest
# SEARCH_CANDIDATES matches), so what remains of a search's time is the store's own overhead.
BOUNDED_SQL = (
    "SELECT rowid FROM (SELECT rowid, bm25(article_fts) AS r FROM article_fts"
    " WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY r LIMIT 50"
)


@dataclass(frozen=True, slots=True)
class SearchSpeed:
    p50_ms: float  # every keystroke
    p95_ms: float
    queried_p95_ms: float  # only the keystrokes that reach the index (as the raw query does)
    best_p95_ms: float  # p95 over keystrokes of each one's fastest repeat: load-free estimate
    raw_p50_ms: float
    raw_p95_ms: float
    bounded_p95_ms: float
    calls: int
    raw_calls: int

    @property
    def ratio(self) -> float:
        return self.queried_p95_ms / self.raw_p95_ms if self.raw_p95_ms else 0.0


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def measure(db: Path, repeats: int = REPEATS) -> SearchSpeed:
    """Every prefix of every query, typed in order, `repeats` times, through
    `Library.search(prefix, limit=50)`, and likewise through the raw and the bounded FTS5
    queries with the MATCH expression the store builds for each string. Each of the three
    runs whole passes (as a user types: one keystroke after another, not interleaved with
    a 200 ms raw query that evicts caches), and the order of the passes rotates each round so
    that load from other work falls on all three alike. A keystroke the store answers
    without asking the index (one letter typed: it waits for the second) has no raw query:
    it counts in p50/p95 but not in the ratio."""
    from reader.core.search import parse_query
    from reader.core.store import Library

    library = Library.open(db)
    search = functools.partial(library.search, limit=50)  # as the search screen asks
    raw, bounded = raw_query(db)
    prefixes = keystrokes()
    expressions = [parse_query(prefix).fts_expression() for prefix in prefixes]
    queried_at = [i for i, expression in enumerate(expressions) if expression]
    runs: list[tuple[list[list[float]], Callable[[str], Any], list[str]]] = [
        ([], search, prefixes),
        ([], raw, [expressions[i] for i in queried_at]),
        ([], bounded, [expressions[i] for i in queried_at]),
    ]
    for repeat in range(repeats):
        shift = repeat % len(runs)
        for passes, call, strings in runs[shift:] + runs[:shift]:
            passes.append(_timed_pass(call, strings))
    library.close()
    ours_passes, bare_passes, capped_passes = (passes for passes, _, _ in runs)
    ours = [ms for one in ours_passes for ms in one]
    queried = [one[i] for one in ours_passes for i in queried_at]
    best = [min(column) for column in zip(*ours_passes, strict=True)]
    bare = [ms for one in bare_passes for ms in one]
    capped = [ms for one in capped_passes for ms in one]
    return SearchSpeed(
        p50_ms=percentile(ours, 50),
        p95_ms=percentile(ours, 95),
        queried_p95_ms=percentile(queried, 95),
        best_p95_ms=percentile(best, 95),
        raw_p50_ms=percentile(bare, 50),
        raw_p95_ms=percentile(bare, 95),
        bounded_p95_ms=percentile(capped, 95),
        calls=len(ours),
        raw_calls=len(bare),
    )


def _timed_pass(call: Callable[[str], Any], strings: list[str]) -> list[float]:
    """Milliseconds of `call(s)` for each string in turn."""
    times = []
    for string in strings:
        started = time.perf_counter()
        call(string)
        times.append((time.perf_counter() - started) * 1000)
    return times


def raw_query(db: Path) -> tuple[Callable[[str], list[Any]], Callable[[str], list[Any]]]:
    """The bare FTS5 query and the bounded one, on a connection of their own set up as the
    store sets up its own."""
    from reader.core.store.library_search import SEARCH_CANDIDATES

    con = sqlite3.connect(db, check_same_thread=False)
    con.execute("PRAGMA cache_size = -16000")

    def raw(expression: str) -> list[Any]:
        return con.execute(RAW_SQL, (expression,)).fetchall()

    def bounded(expression: str) -> list[Any]:
        return con.execute(BOUNDED_SQL, (expression, SEARCH_CANDIDATES)).fetchall()

    return raw, bounded
