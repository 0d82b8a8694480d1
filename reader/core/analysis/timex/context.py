"""Discourse state, clause tense and small helpers shared by the timex resolvers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.analysis.model import TimexType
from reader.core.analysis.timex import calendar as cal
from reader.core.analysis.timex.lexicon import (
    DAY_ORDINALS,
    MONTHS,
    POSITION_MOD,
    WEEKDAYS,
)

Found = tuple[TimexType, str, str, str, bool]  # type, value, mod, range_end, used the anchor
Groups = dict[str, "str | None"]


@dataclass(slots=True)
class Ctx:
    """What a resolver knows: the text, the anchor and the last dates the text named."""

    body: str
    anchor: dt.date | None
    last_day: dt.date | None = None
    last_year: int | None = None
    last_quarter: tuple[int, int] | None = None


# ------------------------------------------------------------------------------- tense
_FUTURE = (
    r"will|won['\u2019]t|wo n['\u2019]t|shall|['\u2019]ll|would|going to|plans? to|planning|"
    r"scheduled|slated|set to|due|planned|expected to|expects?|upcoming|next|intends?|to be held|"
    r"aims? to|hopes? to|is to|are to|as soon as|as early as|ahead of"
)
_PAST = (
    r"said|told|was|were|had|has|have|did|ago|last|earlier|since|"
    # irregular simple pasts that are not also present forms, unless passive ("to be held")
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?:began|became|brought|bought|came|chose|drew|drove|"
    r"fell|flew|fought|found|gave|got|grew|held|kept|knew|led|left|lost|made|meant|met|paid|ran|rose|sank|sat|saw|sent|shot|sold|"
    r"spent|spoke|stood|struck|swore|thought|threw|took|tore|won|wore|wrote|went)"
)
# an auxiliary with a plan word is one cue: "were planning to" looks ahead, while "had been
# due to" (the pluperfect) tells of a plan that has lapsed
_PLAN = r"(?:planning|planned|scheduled|slated|due|expected|set\s+to|going\s+to)"
_FUTURE_AUX = rf"(?:is|are|was|were)\s+{_PLAN}"
_PAST_AUX = rf"had\s+(?:been\s+)?{_PLAN}"
# a lower-case -ed word, not a passive participle ("will be named"); it counts at double distance
_PAST_ED = r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?-i:[a-z]{3,}ed)"
_CUE = re.compile(
    rf"\b(?:(?P<f>{_FUTURE_AUX}|{_FUTURE})|(?P<p>{_PAST_AUX}|{_PAST})|(?P<ed>{_PAST_ED}))\b", re.I
)
_CLAUSE_END = re.compile(r"[.!?;:\n]")
# a deadline ("by February", "effective Feb. 1") looks ahead; "by" yields to a past cue
# between the same commas ("had filed the reports by Wednesday")
_DEADLINE = re.compile(r"(?<!\bbecame )(?<!\bbecome )(?:\bby|(?P<eff>\beffective))\s+$", re.I)
# "since September", "since early March": a start that is behind the anchor, never ahead
_SINCE = re.compile(
    r"\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?$", re.I
)
# `clause_tense` for "by …" (a future that an -ed word does not overturn) and "since …" (a
# date not after the anchor, whatever the distance)
AHEAD, BEHIND = 2, -2
# a cue across a quotation mark counts only when there is none on the span's side of it; then
# one beyond what sets off a reported or relative clause ("said Monday that it would ...
# Friday", "the bill, which passed in March, would ...") only when none is found within
_QUOTE = re.compile(r"[\"\u201c\u201d]|''|``")
_SEGMENT_BREAK = re.compile(r"[,()\"\u201c\u201d]|''|``|\bthat\b", re.I)


def clause_tense(ctx: Ctx, start: int, end: int) -> int:
    """+1 future, -1 past, 0 unknown: the nearest tense cue in the clause around the span,
    preferring one between the same commas, quotes or "that" as the span. A cue word right
    before the span says which side of the anchor it is on whatever the tense: `BEHIND`
    after "since", `AHEAD` after "by" unless a past verb other than an -ed word stands
    between the same commas ("had filed the reports by Wednesday")."""
    body = ctx.body
    if _SINCE.search(body, max(0, start - 32), start):
        return BEHIND
    deadline = _DEADLINE.search(body, max(0, start - 20), start)
    if deadline and deadline["eff"]:
        return 1
    lo = max(0, start - 200)
    left = body[lo:start]
    cut = max(left.rfind(c) for c in ".!?;\n")
    if cut >= 0:
        lo += cut + 1
    hi_text = body[end : end + 200]
    m = _CLAUSE_END.search(hi_text)
    hi = end + (m.start() if m else len(hi_text))
    seg_lo = max((b.end() for b in _SEGMENT_BREAK.finditer(body, lo, start)), default=lo)
    after = _SEGMENT_BREAK.search(body, end, hi)
    seg_hi = after.start() if after else hi
    best, best_key, best_ed = 0, (True, True, 10**9), False
    for cue in _CUE.finditer(body, lo, hi):
        if start <= cue.start() < end:
            continue
        d = start - cue.end() if cue.end() <= start else cue.start() - end
        if cue.group("ed"):
            d *= 2
        between = body[cue.end() : start] if cue.end() <= start else body[end : cue.start()]
        key = (_QUOTE.search(between) is not None, not seg_lo <= cue.start() < seg_hi, d)
        if key < best_key:
            best_key, best = key, (1 if cue.group("f") else -1)
            best_ed = cue.group("ed") is not None
    past_in_segment = best < 0 and not any(best_key[:2]) and not best_ed
    if deadline and not past_in_segment:
        return AHEAD
    return best


# ----------------------------------------------------------------------------- helpers
def lower_text(text: str | None) -> str:
    return re.sub(r"\s+", " ", text.lower()) if text else ""


def position_mod(pos: str | None) -> str:
    if not pos:
        return ""
    for word, mod in POSITION_MOD.items():
        if word in pos.lower():
            return mod
    return ""


def month_number(text: str) -> int:
    t = text.lower().rstrip(".")
    return MONTHS.get(t) or MONTHS[t[:3]]


def day_number(text: str) -> int:
    t = text.lower()
    if t in DAY_ORDINALS:
        return DAY_ORDINALS[t]
    return int(re.sub(r"\D", "", t))


def weekday_number(text: str) -> int:
    t = text.lower().rstrip(".")
    return WEEKDAYS.get(t, WEEKDAYS.get(t[:3], 0))


_ENDED = re.compile(r"\bended\s+$", re.I)


def period_ended(ctx: Ctx, start: int) -> bool:
    """The date closes a period that is over: "the fiscal year ended Jan. 31"."""
    return _ENDED.search(ctx.body, max(0, start - 8), start) is not None


def nearest_date(
    anchor: dt.date, month: int, day: int, tense: int, *, ended: bool = False
) -> dt.date | None:
    cands = [cal.safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    dates = [c for c in cands if c]
    if not dates:
        return None
    past = [c for c in dates if c <= anchor]
    if (ended or tense <= BEHIND) and past:
        return max(past)
    nearest = min(dates, key=lambda c: abs((c - anchor).days))
    if tense > 0 and nearest < anchor - dt.timedelta(days=31):
        return min(c for c in dates if c >= anchor)
    if tense < 0 and nearest > anchor + dt.timedelta(days=92):
        return max(c for c in dates if c <= anchor)
    return nearest


def year_for_month(anchor: dt.date, month: int, tense: int, det: str = "") -> int:
    if det in ("last", "this past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if det in ("next", "this coming"):
        return anchor.year if month >= anchor.month else anchor.year + 1
    if tense <= BEHIND:
        return anchor.year if month <= anchor.month else anchor.year - 1
    # the nearest such month (at most six months away), unless the tense says otherwise
    diff = month - anchor.month
    year = anchor.year - 1 if diff > 6 else anchor.year + 1 if diff < -6 else anchor.year
    away = (year - anchor.year) * 12 + diff
    if tense > 0 and away < -1:
        year += 1
    elif tense < 0 and away > 3:
        year -= 1
    return year


def note_value(ctx: Ctx, value: str) -> None:
    """Remember the last date named, for "that day", "that year", "the quarter"."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not m:
        return
    ctx.last_year = int(m[1])
    if m[3]:
        ctx.last_day = cal.safe_date(int(m[1]), int(m[2]), int(m[3])) or ctx.last_day


# ------------------------------------------------------------------------------ families


def weekday_date(anchor: dt.date, wd: int, tense: int, det: str) -> dt.date:
    if det in ("last", "this past", "past", "the previous", "previous"):
        return cal.weekday_before(anchor, wd, inclusive=False)
    if det in ("next", "this coming", "coming", "the following", "following"):
        return cal.weekday_after(anchor, wd, inclusive=False)
    if tense > 0:
        return cal.weekday_after(anchor, wd)
    return cal.weekday_before(anchor, wd)


def parse_iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def mid_sentence_capital(body: str, start: int) -> bool:
    """A capitalised word inside a sentence (a title: "a Sustainable Tomorrow"), not at the
    start of a line."""
    if not body[start : start + 1].isupper():
        return False
    gap = body[max(0, start - 3) : start]
    before = gap.rstrip()
    if "\n" in gap[len(before) :]:
        return False  # the first word of a line: a paragraph or a dateline ends before it
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


Handler = Callable[["Ctx", Groups, int, int], "Found | None"]
