"""Marked spans of an article body, as the reading pane highlights them.

Plain data built from an `Analysis`: no Textual here, so it is unit-testable. A mark's
`key` identifies what it refers to across sources: the entity's canonical name, a number's
value and unit, or a date's TIMEX3 value. Selecting a mark in one pane highlights every mark
with the same key in every pane.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis

MarkKind = Literal["person", "place", "org", "number", "date"]
KINDS: tuple[MarkKind, ...] = ("person", "place", "org", "number", "date")
KIND_LABELS: dict[MarkKind, str] = {
    "person": "People",
    "place": "Places",
    "org": "Organisations",
    "number": "Numbers",
    "date": "Dates",
}


@dataclass(frozen=True, slots=True)
class Mark:
    kind: MarkKind
    start: int
    end: int
    key: str
    label: str  # what to call the referent in a status line


def number_key(value: float, unit: str) -> str:
    return f"number:{value:g}|{unit.casefold()}"


def marks_from_analysis(analysis: Analysis, length: int) -> list[Mark]:
    """All marks, sorted by start; overlapping spans keep the earliest, then the longest."""
    found: list[Mark] = []
    for e in analysis.entities:
        name = e.name or e.text
        found.append(Mark(e.kind, e.start, e.end, f"entity:{name.casefold()}", name))
    for n in analysis.numbers:
        found.append(Mark("number", n.start, n.end, number_key(n.value, n.unit), n.text))
    for d in analysis.dates:
        found.append(Mark("date", d.start, d.end, f"date:{d.value}", d.value or d.text))
    return _without_overlaps(m for m in found if 0 <= m.start < m.end <= length)


def _without_overlaps(marks: Iterable[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    last_end = -1
    for mark in sorted(marks, key=lambda m: (m.start, m.start - m.end)):
        if mark.start >= last_end:
            kept.append(mark)
            last_end = mark.end
    return kept


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Case-insensitive, non-overlapping matches of `query` in `text` (same-length casefold)."""
    needle = query.lower()
    if not needle.strip():
        return []
    haystack = text.lower()
    if len(haystack) != len(text):  # rare: lowercasing changed the length; fall back
        haystack, needle = text, query
    spans: list[tuple[int, int]] = []
    pos = haystack.find(needle)
    while pos != -1:
        spans.append((pos, pos + len(needle)))
        pos = haystack.find(needle, pos + len(needle))
    return spans
