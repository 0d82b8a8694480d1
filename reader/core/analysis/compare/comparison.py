"""How the sources read together compare: who each names, and whose figures agree.

`compare_sources(items)` gives a typed `Comparison`; `compare(items)` is its JSON form, the
"comparison" of `broadsheet analyze --json`:

    {"articles": [{"path", "title", "source", "label"}],
     "entities": {"shared": [{"name", "kind", "counts": [n per article]}], "only": [...]},
     "numbers": [{"status": "agree|differ|single", "kind", "unit", "label", "quantity", "period",
                  "values": [{"article", "text", "value", "start", "end", "hedge"} | null]}]}

Entities are counted by canonical `name` (spellings that differ only in case, hyphens or
dots count as one, shown as first seen); "shared" are named by every article, "only" by
some. Figures are matched by what they measure (`figures.match_score`): the ledger's key is
the quantity measured, its period and unit (`measure.measures`); the same key is one row
whatever words surround the figures, other periods never are, and figures whose quantity
goes unnamed match by a context that overlaps. A matched row "agree"s when the values are
equal (within 0.5 %), else "differ"s; a figure no other source has is "single".

A row's `quantity` is the sources' own words for what is measured, chosen the same way
whatever the order of the articles (`_row_key`); `period` its TIMEX3 value; `label` the
two for display ("inflation · May 2025"), or the kind of figure when no source names the
quantity. Articles are labelled by outlet, or by outlet and title when one outlet gives
several (`source_labels`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from reader.core.analysis.compare.figures import Figure, article_figures, key_score, match_score
from reader.core.analysis.compare.measure import period_text
from reader.core.analysis.model import Analysis
from reader.core.analysis.text.clauses import name_key
from reader.core.article import Article

Status = Literal["agree", "differ", "single"]
_STATUS_ORDER = {"differ": 0, "agree": 1, "single": 2}
_KIND_WORDS = {"percent": "a percentage", "money": "an amount", "quantity": "a count"}


@dataclass(frozen=True, slots=True)
class ComparedArticle:
    path: str
    title: str
    source: str = ""
    label: str = ""  # how the comparison names it (`source_labels`)


@dataclass(frozen=True, slots=True)
class EntityRow:
    name: str
    kind: str
    counts: list[int]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "counts": list(self.counts)}


@dataclass(frozen=True, slots=True)
class FigureValue:
    article: int
    text: str
    value: float
    start: int
    end: int
    hedge: str

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "text": self.text,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "hedge": self.hedge,
        }


@dataclass(slots=True)
class FigureRow:
    status: Status
    kind: str
    unit: str
    label: str
    values: list[FigureValue | None]
    quantity: str = ""  # what is measured, in a source's words ("deposit rate")
    period: str = ""  # the TIMEX3 value of the period it is for ("2025-05") or ""

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "kind": self.kind,
            "unit": self.unit,
            "label": self.label,
            "quantity": self.quantity,
            "period": self.period,
            "values": [v.to_json() if v else None for v in self.values],
        }


@dataclass(slots=True)
class Comparison:
    articles: list[ComparedArticle] = field(default_factory=list)
    shared: list[EntityRow] = field(default_factory=list)
    only: list[EntityRow] = field(default_factory=list)
    numbers: list[FigureRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [
                {"path": a.path, "title": a.title, "source": a.source, "label": a.label}
                for a in self.articles
            ],
            "entities": {
                "shared": [e.to_json() for e in self.shared],
                "only": [e.to_json() for e in self.only],
            },
            "numbers": [n.to_json() for n in self.numbers],
        }


def compare(items: list[tuple[Article, Analysis]]) -> dict[str, Any]:
    """The comparison as JSON (see the module docstring)."""
    return compare_sources(items).to_json()


def compare_sources(items: list[tuple[Article, Analysis]]) -> Comparison:
    shared, only = _entities(items)
    return Comparison(
        articles=[
            ComparedArticle(a.path, a.title, a.source, label)
            for (a, _), label in zip(items, source_labels([a for a, _ in items]), strict=True)
        ],
        shared=shared,
        only=only,
        numbers=_numbers(items),
    )


def source_labels(articles: Sequence[Article]) -> list[str]:
    """How to name each source: its outlet; an outlet given twice is each article's outlet
    and title ("Meridian Post: Lagarde hints at a pause"), so two articles of one outlet are
    two sources; an article without an outlet is "Source A", "Source B" …"""
    outlets = Counter(a.source for a in articles if a.source)
    labels: list[str] = []
    for number, article in enumerate(articles):
        if not article.source:
            labels.append(f"Source {chr(ord('A') + number % 26)}")
        elif outlets[article.source] > 1 and article.title:
            labels.append(f"{article.source}: {article.title}")
        else:
            labels.append(article.source)
    return labels


def _entities(items: list[tuple[Article, Analysis]]) -> tuple[list[EntityRow], list[EntityRow]]:
    n = len(items)
    counts: dict[str, list[int]] = {}
    kinds: dict[str, Counter[str]] = {}
    first_seen: dict[str, tuple[int, int]] = {}
    shown: dict[str, str] = {}
    for k, (_, analysis) in enumerate(items):
        for e in analysis.entities:
            key = name_key(e.name)
            counts.setdefault(key, [0] * n)[k] += 1
            kinds.setdefault(key, Counter())[e.kind] += 1
            first_seen.setdefault(key, (k, e.start))
            shown.setdefault(key, e.name)
    shared: list[EntityRow] = []
    only: list[EntityRow] = []
    for key, per_article in counts.items():
        row = EntityRow(shown[key], kinds[key].most_common(1)[0][0], per_article)
        (shared if all(per_article) else only).append(row)
    shared.sort(key=lambda r: (-sum(r.counts), first_seen[name_key(r.name)]))
    only.sort(key=lambda r: (_presence(r.counts), -sum(r.counts), first_seen[name_key(r.name)]))
    return shared, only


def _presence(counts: list[int]) -> tuple[int, ...]:
    """Rows named by the same articles sort together, the first article's first."""
    return tuple(0 if c else 1 for c in counts)


@dataclass(slots=True)
class _Group:
    kind: str
    unit: str
    members: dict[int, Figure]
    first: tuple[int, int]


def _numbers(items: list[tuple[Article, Analysis]]) -> list[FigureRow]:
    groups: list[_Group] = []
    for k, (article, analysis) in enumerate(items):
        figures = article_figures(article.body, analysis.numbers, analysis.dates)
        pairs = [
            (score, g, f)
            for g, group in enumerate(groups)
            for f, figure in enumerate(figures)
            if (score := _group_score(group, figure)) > 0
        ]
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        used_groups: set[int] = set()
        used_figures: set[int] = set()
        for _, g, f in pairs:
            if g in used_groups or f in used_figures:
                continue
            groups[g].members[k] = figures[f]
            used_groups.add(g)
            used_figures.add(f)
        for f, figure in enumerate(figures):
            if f not in used_figures:
                unit = figure.number.unit
                groups.append(_Group(figure.number.kind, unit, {k: figure}, (k, figure.start)))
    rows = [_row(group, len(items)) for group in groups]
    order = {id(row): group.first for row, group in zip(rows, groups, strict=True)}
    rows.sort(key=lambda r: (_STATUS_ORDER[r.status], order[id(r)]))
    return rows


def _group_score(group: _Group, figure: Figure) -> float:
    """The best match with a member, unless another member's key rules the figure out."""
    if any(key_score(member, figure) == 0 for member in group.members.values()):
        return 0.0
    return max(match_score(member, figure) for member in group.members.values())


def _row(group: _Group, n: int) -> FigureRow:
    values: list[FigureValue | None] = [None] * n
    for k, fig in group.members.items():
        num = fig.number
        values[k] = FigureValue(k, num.text, num.value, num.start, num.end, num.hedge)
    present = [v.value for v in values if v is not None]
    if len(present) < 2:
        status: Status = "single"
    elif all(_same(present[0], v) for v in present[1:]):
        status = "agree"
    else:
        status = "differ"
    quantity, period = _row_key(list(group.members.values()))
    label = quantity or _KIND_WORDS.get(group.kind, group.kind)
    if period:
        label = f"{label} · {period_text(period)}"
    return FigureRow(status, group.kind, group.unit, label, values, quantity, period)


def _row_key(figures: list[Figure]) -> tuple[str, str]:
    """The row's quantity and period, whatever the order of the articles: the quantity most
    members name (a text's over a headline's, one read right after its figure over one read
    before it; then the most named, the shortest, then alphabetical)."""
    named = [f.measure for f in figures if f.measure.quantity]
    quantity = ""
    if named:
        sure = max((not m.weak, m.after) for m in named)
        votes = Counter(m.quantity.lower() for m in named if (not m.weak, m.after) == sure)
        best = min(votes, key=lambda q: (-votes[q], len(q.split()), len(q), q))
        quantity = min(m.quantity for m in named if m.quantity.lower() == best)
    periods = sorted({f.measure.period for f in figures if f.measure.period})
    return quantity, periods[0] if periods else ""


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))
