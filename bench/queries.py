"""The searches the benchmark types: realistic queries, entered one letter at a time."""

from __future__ import annotations

QUERIES: tuple[str, ...] = (
    "tariff",
    "south korea",
    "prime minister",
    "oil prices",
    "election",
    "china trade",
    "bank",
    "police",
    "earthquake",
    "president",
    "world cup",
    "stock market",
)


def keystrokes(queries: tuple[str, ...] = QUERIES) -> list[str]:
    """Every prefix of every query, as the search screen issues them while one types."""
    return [query[:i] for query in queries for i in range(1, len(query) + 1)]
