"""Which passage of one article answers which passage of another: the one sharing the most
people, places, organisations, figures and dates.

Pure functions over articles and their analyses (no store, no UI). A passage is a block of
the body (paragraph, heading, dateline); its *keys* are what it mentions, named so they
compare across outlets (`e:` entity name, `n:` figure value and unit, `d:` resolved date).
A key that few passages mention carries much (an inverse passage frequency over both
articles); one that more than half of them mention (the story's subject: its main actor, its
place) carries nothing, so two passages that share only the subject are not aligned, and the
reader falls back on the position in the article.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.article import Article

_BLANK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Passage:
    """`body[start:end]` of an article and the keys it mentions."""

    start: int
    end: int
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class Match:
    """Passage `lead` of the leading article answered by passage `other` of another."""

    lead: int
    other: int
    score: float
    shared: tuple[str, ...]


def _spans(article: Article) -> list[tuple[int, int]]:
    """The body's blocks (not the title), else its paragraphs split at blank lines."""
    spans = [(b.start, b.end) for b in article.blocks if b.kind != "title" and b.end > b.start]
    if spans:
        return spans
    body, out, at = article.body, [], 0
    for gap in _BLANK.finditer(body):
        if body[at : gap.start()].strip():
            out.append((at, gap.start()))
        at = gap.end()
    if body[at:].strip():
        out.append((at, len(body)))
    return out


def _figure_key(kind: str, value: float, unit: str) -> str:
    shown = f"{value:.6g}"
    return f"n:{kind}:{shown}:{unit.casefold()}"


def passages(article: Article, analysis: Analysis) -> list[Passage]:
    """The article's passages in order, each with the keys of the marks inside it."""
    spans = _spans(article)
    starts = [s for s, _ in spans]
    found: list[set[str]] = [set() for _ in spans]

    def add(offset: int, key: str) -> None:
        index = bisect_right(starts, offset) - 1
        if index >= 0 and offset < spans[index][1]:
            found[index].add(key)

    for e in analysis.entities:
        name = (e.name or e.text).strip().casefold()
        if name:
            add(e.start, f"e:{name}")
    for n in analysis.numbers:
        add(n.start, _figure_key(str(n.kind), n.value, n.unit))
    for d in analysis.dates:
        if d.value[:1].isdigit():
            add(d.start, f"d:{d.value}")
    return [Passage(s, e, frozenset(k)) for (s, e), k in zip(spans, found, strict=True)]


def _weights(*articles: Sequence[Passage]) -> dict[str, float]:
    """log(P / df) for the keys that at most half of the P passages mention (df of them)."""
    df: Counter[str] = Counter()
    total = 0
    for article in articles:
        total += len(article)
        for p in article:
            df.update(p.keys)
    return {key: math.log(total / count) for key, count in df.items() if 2 * count <= total}


def align(lead: Sequence[Passage], other: Sequence[Passage]) -> list[Match | None]:
    """For each passage of `lead`, the passage of `other` sharing the most (weighted) keys,
    or None when none shares any. Ties go to the passage nearest the same relative place
    in its article, then to the earlier."""
    weights = _weights(lead, other)
    out: list[Match | None] = []
    for i, mine in enumerate(lead):
        where = i / max(1, len(lead) - 1)
        best: tuple[float, float, int] | None = None
        for j, theirs in enumerate(other):
            shared = [k for k in mine.keys & theirs.keys if k in weights]
            if not shared:
                continue
            score = sum(weights[k] for k in shared)
            distance = abs(where - j / max(1, len(other) - 1))
            candidate = (-score, distance, j)
            if best is None or candidate < best:
                best = candidate
        if best is None:
            out.append(None)
            continue
        j = best[2]
        both = [k for k in mine.keys & other[j].keys if k in weights]
        shared_keys = tuple(sorted(both, key=lambda k: (-weights[k], k)))
        out.append(Match(i, j, -best[0], shared_keys))
    return out


def passage_at(passages_: Sequence[Passage], offset: int) -> int:
    """The index of the passage showing body offset `offset` (the last one starting at or
    before it; 0 before the first); -1 when there are none."""
    if not passages_:
        return -1
    return max(0, bisect_right([p.start for p in passages_], offset) - 1)
