"""Figures as `compare` matches them: what each measures, for when, and its context.

A `Figure` is one figure of one article: repeated mentions of the same amount of money
("$350 billion" in the headline and twice in the text) are one figure; repeated equal
percentages or counts are one figure only when they measure the same quantity for the same
period (or, unnamed, when their contexts overlap: the same "15%" can be a tariff in one
sentence and a share of GDP in the next).

Its `measure` (`measure.measures`) is the ledger's key: the quantity measured ("deposit
rate", "tariff on Korean goods") and the period ("2025-05"); `label` is that quantity.

`match_score(a, b)` says how surely two figures from different articles measure the same
thing: `KEY_MATCH` when their keys agree (same kind and unit, same quantity, same period or
none), whatever words surround them (not for counts: "people" is what is counted, not what
the count measures); 0 when they cannot (other kind, unit or period); else
the overlap coefficient of their context words, plus a bonus when their labels share a word
and when their values are equal (a strong hint for money, a weaker one for percentages and
counts). Scores under `MATCH_THRESHOLD` (equal values) or `DIFFER_THRESHOLD` (different
values) are 0, and so is a difference between two figures that name different quantities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.analysis.compare.measure import Measure, measures, same_quantity
from reader.core.analysis.model import Number, TimeExpr
from reader.core.analysis.text.clauses import content_words
from reader.core.analysis.text.sentences import Sentence, sentence_at, split_sentences

KEY_MATCH = 2.0  # same quantity, same period: above any score the context can give
MATCH_THRESHOLD = 0.5
DIFFER_THRESHOLD = 0.65  # claiming two sources disagree needs more evidence than agreeing
_CONTEXT_CHARS = 150
_LABEL_BONUS = 0.3
_EQUAL_MONEY_BONUS = 0.5
_EQUAL_OTHER_BONUS = 0.25
_SAME_FIGURE_OVERLAP = 0.34
_MIN_CONTEXT = 5  # two shared words out of a three-word context is not strong evidence

_NOISE = frozenset(
    {
        "billion", "million", "trillion", "thousand", "hundred", "percent", "cent", "per",
        "dollar", "dollars", "usd", "won", "yen", "euro", "euros", "pound", "pounds",
        "nearly", "almost", "about", "over", "more", "than", "least", "up", "some",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    }
)  # fmt: skip


@dataclass(slots=True)
class Figure:
    number: Number  # the first mention
    label: str  # what it measures, in the source's words ("investment package")
    words: set[str]  # content words around it
    mentions: list[Number] = field(default_factory=list)
    measure: Measure = field(default_factory=lambda: Measure("", ""))

    @property
    def start(self) -> int:
        return self.number.start


def article_figures(
    body: str, numbers: list[Number], dates: Sequence[TimeExpr] = ()
) -> list[Figure]:
    """The figures of one article, repeated mentions folded into one."""
    sentences = split_sentences(body)
    out: list[Figure] = []
    for number, measure in zip(
        numbers, measures(body, numbers, sentences, list(dates)), strict=True
    ):
        words = _context(body, number, sentences)
        figure = Figure(number, measure.quantity, words, [number], measure)
        same = next((f for f in out if _same_figure(f, figure)), None)
        if same is None:
            out.append(figure)
            continue
        same.words |= figure.words
        same.mentions.append(number)
        if _better(measure, same.measure):
            same.measure = Measure(measure.quantity, same.measure.period or measure.period)
            same.label = measure.quantity
        elif not same.measure.period and measure.period:
            same.measure = Measure(same.measure.quantity, measure.period, same.measure.weak)
    return out


def _better(new: Measure, old: Measure) -> bool:
    """A label from the text beats one from a headline; any label beats none."""
    if not new.quantity:
        return False
    return not old.quantity or (old.weak and not new.weak)


def key_score(a: Figure, b: Figure) -> float | None:
    """How the ledger's key (quantity, period, unit) decides a match: `KEY_MATCH` when the
    two measure one quantity for one period, 0 when they cannot be one figure (other
    periods), None when the key cannot tell (then the context decides)."""
    if a.number.kind != b.number.kind or not _same_unit(a.number, b.number):
        return 0.0
    pa, pb = a.measure.period, b.measure.period
    if pa and pb and pa != pb:
        return 0.0
    if a.number.kind == "quantity":
        return None  # "129 people", "60 people": the counted noun is the unit, not the key
    if same_quantity(a.measure.quantity, b.measure.quantity) and (pa == pb or not (pa or pb)):
        return KEY_MATCH
    return None


def match_score(a: Figure, b: Figure) -> float:
    key = key_score(a, b)
    if key is not None:
        return key
    score = _overlap(a.words, b.words)
    if content_words(a.label) & content_words(b.label):
        score += _LABEL_BONUS
    if _equal(a.number.value, b.number.value):
        score += _EQUAL_MONEY_BONUS if a.number.kind == "money" else _EQUAL_OTHER_BONUS
        return score if score >= MATCH_THRESHOLD else 0.0
    if a.measure.quantity and b.measure.quantity:
        return 0.0  # two named, different quantities: a difference in value is no dispute
    return score if score >= DIFFER_THRESHOLD else 0.0


def _same_figure(a: Figure, b: Figure) -> bool:
    na, nb = a.number, b.number
    if na.kind != nb.kind or not _same_unit(na, nb) or not _equal(na.value, nb.value):
        return False
    ma, mb = a.measure, b.measure
    if ma.period and mb.period and ma.period != mb.period:
        return False  # "2.0% in 2025" and "2.0% in 2027" are two figures
    if na.kind != "money" and ma.quantity and mb.quantity:
        return same_quantity(ma.quantity, mb.quantity)
    if na.kind == "quantity" and na.unit and nb.unit:
        return True  # "two Moslem militants" … "the two militants"
    if na.kind == "money":
        return True
    return _overlap(a.words, b.words) >= _SAME_FIGURE_OVERLAP


def _same_unit(a: Number, b: Number) -> bool:
    if a.kind != "quantity":
        return a.unit == b.unit
    if not a.unit or not b.unit:
        return not a.unit and not b.unit
    return bool(content_words(a.unit) & content_words(b.unit))


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(min(len(a), len(b)), _MIN_CONTEXT)


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _context(body: str, number: Number, sentences: list[Sentence]) -> set[str]:
    sentence = sentence_at(sentences, number.start)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(body))
    if number.start - lo > _CONTEXT_CHARS:
        lo = body.find(" ", number.start - _CONTEXT_CHARS, number.start) + 1 or number.start
    if hi - number.end > _CONTEXT_CHARS:
        cut = body.rfind(" ", number.end, number.end + _CONTEXT_CHARS)
        hi = cut if cut > 0 else number.end
    text = body[lo : number.start] + " " + body[number.end : hi]
    return content_words(text) - _NOISE
