"""Dates and times as TimeML TIMEX3 expressions (types DATE, TIME, DURATION, SET).

`find_times(body, anchor)` scans the text once with one precompiled alternation of rule
families (`timex_rules.py`), each a plain regular expression without nested unbounded
repetition, so the scan is linear in the length of the text. Every hit is resolved to a
TIMEX3 value against the anchor (the publication date) and a little discourse state.

Resolution rules (the anchor is the publication date unless said otherwise):

* Explicit dates keep their own values: "29 October 2025"/"Oct. 29, 2025"/"10/29/2025" ->
  2025-10-29, "June 2025" -> 2025-06, "2005" -> 2005, "fiscal 2025" -> 2025, "1990s"/"the
  nineties" -> 199, "the 20th century" -> 19, "the third quarter of 2025" -> 2025-Q3, "the first
  half of 2025" -> 2025-H1. A range "October 27 to November 1, 2025" is one DATE whose `value`
  is the first day and `range_end` the last; a year given once applies to both ends.
* Position words become `mod`: early/earlier/beginning -> START, mid/middle -> MID,
  late/later/end -> END ("early October" -> 2025-10 START, "mid-2024" -> 2024 MID). Quantity
  hedges on durations: about/around -> APPROX, nearly/up to/within -> EQUAL_OR_LESS, more
  than/over -> MORE_THAN, less than -> LESS_THAN, at least -> EQUAL_OR_MORE.
* Tense: the verbs of the clause (sentence up to ; or :) around the expression decide. The
  nearest cue wins: future cues are will, 'll, shall, would, going to, plan(s) to, planned,
  scheduled, slated, set to, due, expected to, upcoming, next, is/are to, as soon as, ahead
  of; past cues are said, told, was, were, had, has, have, did, ago, last, earlier, and any
  lower-case word ending in -ed that is not a passive ("will be named"; such a word counts
  at twice its distance). No cue: unknown. A possessive weekday ("Wednesday's
  ruling") ignores the tense.
* A weekday ("Monday") is the anchor itself when it names the anchor's weekday; otherwise
  the previous such day, or the next one when the clause is in the future tense. "last
  Monday" is strictly before the anchor, "next Monday" strictly after, "this Monday" follows
  the tense. "Wednesday night"/"Monday morning" -> the day itself (as the TempEval-3 and GUM data
  mostly do), "Friday evening" -> 2025-10-24TEV (TIME).
* A month without a year is in the anchor's year, moved to the latest such month not after
  the anchor's month in a past clause and to the next one not before it in a future clause;
  "last October"/"next October" likewise. A month and day without a year is the nearest
  such day in a clause of unknown tense (the latest one on or before the anchor in a past
  clause, the next one on or after it in a future clause).
* today/tonight/yesterday/tomorrow -> the anchor's day (tonight 2025-10-29TNI, type TIME),
  "this morning" -> 2025-10-29TMO (TIME), "last night" -> the day before, TNI.
* this/last/next week|month|year|quarter|weekend|season -> the unit containing the anchor,
  the one before, the one after (ISO weeks: 2025-W44; weekends 2025-W44-WE: "this weekend"
  is the weekend just past unless the clause is in the future tense); "earlier this week"
  and "earlier in the week" -> 2025-W44 (START). Quarters named without a year are in the
  anchor's year, or the year before when that quarter has not started yet and the clause is
  not future ("the fourth quarter" read in January). "the quarter"/"the latest quarter" ->
  the quarter last named, else the last complete quarter; "a year ago/earlier", "the
  year-ago quarter", "year-earlier" -> that quarter one year back when a quarter was named,
  else the anchor's year minus one.
* "N units ago" -> the anchor moved back N units, at that unit's granularity ("two years ago"
  -> 2023, "three months ago" -> 2025-07); "several years ago" -> PAST_REF.
* Durations: "three years" P3Y, "24 hours" PT24H, "10-year" P10Y, "the past three months" P3M,
  "a decade" P10Y, "decades" PXDE, "years" PXY, "the coming weeks" PXW, "five years later" P5Y.
* now/currently/current/at present/these days -> PRESENT_REF; recently/recent/lately/the past ->
  PAST_REF ("recent years" too); the future/the near term/soon -> FUTURE_REF.
* "that day", "the same day", "the next day", "that year", "the year before" -> relative to the
  last date the text named (or the anchor when it named none).
* Sets: daily P1D, weekly P1W, monthly P1M, annually/yearly P1Y, "every week" P1W, "every two
  years" P2Y, "every Monday" XXXX-WXX-1, "twice a week" P1W.

Without an anchor a relative expression is left unresolved in TimeML style ("Monday" ->
XXXX-WXX-1, "today" -> XXXX-XX-XX, "last year" -> XXXX, "October" -> XXXX-10). `infer_anchor`
finds an anchor in the text itself (the latest fully specified date it states); values
resolved from an inferred anchor (or one a caller took from other articles) say
`inferred=True`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reader.core.analysis import timex_calendar as cal
from reader.core.analysis.model import TimeExpr, TimexType
from reader.core.analysis.timex_lexicon import (
    DAY_ORDINALS,
    DECADE_WORDS,
    MOD_VALUES,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITION_MOD,
    SEASONS,
    UNITS,
    WEEKDAYS,
    parse_number,
)
from reader.core.analysis.timex_rules import CONTENT, MASTER, TRIGGERS, family_rx

__all__ = ["find_times", "infer_anchor"]

Found = tuple[TimexType, str, str, str, bool]  # type, value, mod, range_end, used the anchor


@dataclass(slots=True)
class _Ctx:
    body: str
    anchor: dt.date | None
    last_day: dt.date | None = None
    last_year: int | None = None
    last_quarter: tuple[int, int] | None = None
    tense_cache: dict[int, int] = field(default_factory=dict)


# ------------------------------------------------------------------------------- tense
_FUTURE = (
    r"will|won['\u2019]t|wo n['\u2019]t|shall|['\u2019]ll|would|going to|plans? to|planning|"
    r"scheduled|slated|set to|due|planned|expected to|expects? to|upcoming|next|intends? to|to be held|"
    r"aims? to|hopes? to|is to|are to|as soon as|as early as|ahead of"
)
_PAST = r"said|told|was|were|had|has|have|did|ago|last|earlier"
# a lower-case -ed word, not a passive participle ("will be named"); it counts at double distance
_PAST_ED = r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?-i:[a-z]{3,}ed)"
_CUE = re.compile(rf"\b(?:(?P<f>{_FUTURE})|(?P<p>{_PAST})|(?P<ed>{_PAST_ED}))\b", re.I)
_CLAUSE_END = re.compile(r"[.!?;:\n]")


def _tense(ctx: _Ctx, start: int, end: int) -> int:
    """+1 future, -1 past, 0 unknown: the nearest tense cue in the clause around the span."""
    body = ctx.body
    lo = max(0, start - 200)
    left = body[lo:start]
    cut = max(left.rfind(c) for c in ".!?;\n")
    if cut >= 0:
        lo += cut + 1
    hi_text = body[end : end + 200]
    m = _CLAUSE_END.search(hi_text)
    hi = end + (m.start() if m else len(hi_text))
    best, best_d = 0, 10**9
    for cue in _CUE.finditer(body, lo, hi):
        if start <= cue.start() < end:
            continue
        d = start - cue.end() if cue.end() <= start else cue.start() - end
        if cue.group("ed"):
            d *= 2
        if d < best_d:
            best_d, best = d, (1 if cue.group("f") else -1)
    return best


# ----------------------------------------------------------------------------- helpers
def _low(text: str | None) -> str:
    return re.sub(r"\s+", " ", text.lower()) if text else ""


def _pos_mod(pos: str | None) -> str:
    if not pos:
        return ""
    for word, mod in POSITION_MOD.items():
        if word in pos.lower():
            return mod
    return ""


def _month_num(text: str) -> int:
    t = text.lower().rstrip(".")
    return MONTHS.get(t) or MONTHS[t[:3]]


def _day_num(text: str) -> int:
    t = text.lower()
    if t in DAY_ORDINALS:
        return DAY_ORDINALS[t]
    return int(re.sub(r"\D", "", t))


def _weekday_num(text: str) -> int:
    t = text.lower().rstrip(".")
    return WEEKDAYS.get(t, WEEKDAYS.get(t[:3], 0))


def _nearest_year(anchor: dt.date, month: int, day: int, tense: int) -> dt.date | None:
    cands = [cal.safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    dates = [c for c in cands if c]
    if not dates:
        return None
    nearest = min(dates, key=lambda c: abs((c - anchor).days))
    if tense > 0 and nearest < anchor - dt.timedelta(days=31):
        return min(c for c in dates if c >= anchor)
    if tense < 0 and nearest > anchor + dt.timedelta(days=92):
        return max(c for c in dates if c <= anchor)
    return nearest


def _month_year(anchor: dt.date, month: int, tense: int, det: str = "") -> int:
    if det in ("last", "this past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if det in ("next", "this coming"):
        return anchor.year if month >= anchor.month else anchor.year + 1
    # the nearest such month (at most six months away), unless the tense says otherwise
    diff = month - anchor.month
    year = anchor.year - 1 if diff > 6 else anchor.year + 1 if diff < -6 else anchor.year
    away = (year - anchor.year) * 12 + diff
    if tense > 0 and away < -1:
        year += 1
    elif tense < 0 and away > 3:
        year -= 1
    return year


def _note_value(ctx: _Ctx, value: str) -> None:
    """Remember the last date named, for "that day", "that year", "the quarter"."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not m:
        return
    ctx.last_year = int(m[1])
    if m[3]:
        ctx.last_day = cal.safe_date(int(m[1]), int(m[2]), int(m[3])) or ctx.last_day


# ------------------------------------------------------------------------------ families
def _clock(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    clock = _low(g["clock"])
    if clock in ("noon", "midnight") and _mid_sentence_capital(ctx.body, start):
        return None  # a title: "High Noon"
    if clock == "noon":
        hh, mm = 12, 0
    elif clock == "midnight":
        hh, mm = (24 if (g["wd"] or g["rel"] or g["month"]) else 0), 0
    else:
        m = re.match(r"(\d{1,2})(?:[:.](\d\d))?", clock)
        if not m:
            return None
        hh, mm = int(m[1]), int(m[2] or 0)
        if "p" in clock and hh < 12:
            hh += 12
        elif "a" in clock and hh == 12:
            hh = 0
    date, rel = _day_of(ctx, g, start, end)
    return "TIME", f"{date}T{hh:02d}:{mm:02d}", "", "", rel


def _day_of(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> tuple[str, bool]:
    """The day a clock time is on: its weekday/relative word/month-day, else the anchor."""
    a = ctx.anchor
    if g.get("month") and g.get("day"):
        month, day = _month_num(g["month"] or ""), _day_num(g["day"] or "")
        if g.get("year"):
            d = cal.safe_date(int(g["year"] or 0), month, day)
            return (cal.iso(d) if d else "XXXX-XX-XX"), False
        if a is None:
            return f"XXXX-{month:02d}-{day:02d}", False
        d = _nearest_year(a, month, day, _tense(ctx, start, end))
        return (cal.iso(d) if d else "XXXX-XX-XX"), True
    if g.get("wd"):
        wd = _weekday_num(g["wd"] or "")
        if a is None:
            return f"XXXX-WXX-{wd + 1}", False
        return cal.iso(_weekday_date(a, wd, _tense(ctx, start, end), "")), True
    if g.get("rel"):
        if a is None:
            return "XXXX-XX-XX", False
        shift = {"yesterday": -1, "tomorrow": 1}.get(_low(g["rel"]), 0)
        return cal.iso(a + dt.timedelta(days=shift)), True
    if a is None:
        return "XXXX-XX-XX", False
    return cal.iso(a), True


def _weekday_date(anchor: dt.date, wd: int, tense: int, det: str) -> dt.date:
    if det in ("last", "this past", "past", "the previous", "previous"):
        return cal.weekday_before(anchor, wd, inclusive=False)
    if det in ("next", "this coming", "coming", "the following", "following"):
        return cal.weekday_after(anchor, wd, inclusive=False)
    if tense > 0:
        return cal.weekday_after(anchor, wd)
    return cal.weekday_before(anchor, wd)


def _range(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["dday"]:
        m1 = m2 = _month_num(g["dmonth"] or "")
        d1, d2 = _day_num(g["dday"] or ""), _day_num(g["dday2"] or "")
        y1 = y2 = g["dyear"]
    else:
        m1 = _month_num(g["month"] or "")
        m2 = _month_num(g["month2"]) if g["month2"] else m1
        d1, d2 = _day_num(g["day"] or ""), _day_num(g["day2"] or "")
        y2 = g["year"] or g["year1"]
        y1 = g["year1"] or g["year"]
    if y1 and y2:
        a = cal.safe_date(int(y1), m1, d1)
        b = cal.safe_date(int(y2), m2, d2)
        if a and b and b < a and not g.get("year1"):
            a = cal.safe_date(int(y1) - 1, m1, d1)
        if not (a and b):
            return None
        return "DATE", cal.iso(a), "", cal.iso(b), False
    if ctx.anchor is None:
        return "DATE", f"XXXX-{m1:02d}-{d1:02d}", "", f"XXXX-{m2:02d}-{d2:02d}", False
    a = _nearest_year(ctx.anchor, m1, d1, _tense(ctx, start, end))
    if a is None:
        return None
    b = cal.safe_date(a.year, m2, d2) or cal.safe_date(a.year + 1, m2, d2)
    if b and b < a:
        b = cal.safe_date(a.year + 1, m2, d2)
    return "DATE", cal.iso(a), "", cal.iso(b) if b else "", True


def _date(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["dday"]:
        month, day, year = _month_num(g["dmonth"] or ""), _day_num(g["dday"] or ""), g["dyear"]
    else:
        month, day, year = _month_num(g["month"] or ""), _day_num(g["day"] or ""), g["year"]
    if year:
        d = cal.safe_date(int(year), month, day)
        return ("DATE", cal.iso(d), "", "", False) if d else None
    if cal.safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", "", "", False
    if g["wd"]:
        # a weekday pins the year: the candidate year whose date falls on that weekday
        wd = _weekday_num(g["wd"] or "")
        for k in (0, -1, 1):
            d = cal.safe_date(ctx.anchor.year + k, month, day)
            if d and d.weekday() == wd:
                return "DATE", cal.iso(d), "", "", True
    d = _nearest_year(ctx.anchor, month, day, _tense(ctx, start, end))
    return ("DATE", cal.iso(d), "", "", True) if d else None


def _numeric(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["iso"]:
        d = _parse_iso(g["iso"] or "")
        return ("DATE", cal.iso(d), "", "", False) if d else None
    y = int(g["y"] or 0)
    if y < 100:
        y += 2000 if y < 50 else 1900
    d = cal.safe_date(y, int(g["m"] or 0), int(g["d"] or 0))
    return ("DATE", cal.iso(d), "", "", False) if d else None


def _parse_iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _holiday_date(name: str, year: int) -> dt.date:
    n = name.lower().replace("\u2019", "'")
    fixed = {
        "christmas eve": (12, 24),
        "new year's eve": (12, 31),
        "new year's day": (1, 1),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "independence day": (7, 4),
        "veterans day": (11, 11),
    }
    if n in fixed:
        return dt.date(year, *fixed[n])
    if n.startswith("christmas"):
        return dt.date(year, 12, 25)
    if n.startswith("thanksgiving"):
        return cal.weekday_after(dt.date(year, 11, 1), 3) + dt.timedelta(weeks=3)
    if n == "labor day":
        return cal.weekday_after(dt.date(year, 9, 1), 0)
    if n == "memorial day":
        return cal.weekday_before(dt.date(year, 5, 31), 0)
    if n == "election day":  # the Tuesday after the first Monday of November
        return cal.weekday_after(dt.date(year, 11, 2), 1)
    if n == "good friday":
        return _easter(year) - dt.timedelta(days=2)
    return _easter(year)


def _holiday(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    name = g["name"] or ""
    if g["year"]:
        return "DATE", cal.iso(_holiday_date(name, int(g["year"] or 0))), "", "", False
    a = ctx.anchor
    if a is None:
        return None
    det = _low(g["det"])
    tense = -1 if det == "last" else 1 if det == "next" else _tense(ctx, start, end)
    cands = [_holiday_date(name, a.year + k) for k in (-1, 0, 1)]
    if tense > 0:
        d = min(c for c in cands if c >= a)
    elif tense < 0 or det == "last":
        d = max(c for c in cands if c <= a)
    else:
        d = min(cands, key=lambda c: abs((c - a).days))
    return "DATE", cal.iso(d), "", "", True


def _month_year_f(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    month, mod = _month_num(g["month"] or ""), _pos_mod(g["pos"])
    if g["year"]:
        return "DATE", cal.ym(int(g["year"] or 0), month), mod, "", False
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod, "", False
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(_low(g["rel"]), 0)
    return "DATE", cal.ym(year, month), mod, "", True


def _quarter(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    a = ctx.anchor
    if g["q"] or g["q2"]:
        q = int(g["q"] or g["q2"] or 0)
        year_s = g["qyear"] or g["qyear2"]
        if year_s:
            ctx.last_quarter = (int(year_s), q)
            return "DATE", f"{year_s}-Q{q}", "", "", False
        if a is None:
            return "DATE", f"XXXX-Q{q}", "", "", False
        ctx.last_quarter = (a.year, q)
        return "DATE", f"{a.year}-Q{q}", "", "", True
    n = ORDINALS[_low(g["ord"])]
    unit = _low(g["unit"])
    code = "H" if unit == "half" else "Q"
    if code == "H" and n > 2:
        return None
    pre = _low(g["pre"])
    year_s = g["year"] or g["year2"] or (pre if pre[:1].isdigit() else None)
    rel = False
    if year_s:
        year = int(year_s)
    elif a is None:
        return "DATE", f"XXXX-{code}{n}", "", "", False
    else:
        rel = True
        shift = -1 if pre.startswith("last") or g["rel"] == "last" else 0
        shift = -1 if pre.endswith(("ago", "earlier")) else shift
        shift = 1 if pre.startswith("next") or _low(g["rel"]) == "next" else shift
        year = a.year + shift
        if shift == 0 and code == "Q" and n > cal.quarter_of(a)[1] and _tense(ctx, start, end) <= 0:
            year -= 1 if n - cal.quarter_of(a)[1] >= 2 or a.month in (1, 4, 7, 10) else 0
    if code == "Q" and not pre.endswith(("ago", "earlier")):
        ctx.last_quarter = (year, n)
    return "DATE", f"{year:04d}-{code}{n}", "", "", rel


def _last_full_quarter(a: dt.date) -> tuple[int, int]:
    return cal.add_quarters(*cal.quarter_of(a), -1)


def _quarter_ref(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    a = ctx.anchor
    det = _low(g["det"] or g["bare"])
    unit = _low(g["unit"]) or "quarter"
    year_m = re.search(r"\d{4}", det)
    back = g["back"] or g["back2"]
    ago = "ago" in det or "earlier" in det or "prior" in det or "last year" in det or bool(back)
    if unit == "period" and not (
        ago
        or year_m
        or "latest" in det
        or "comparable" in det
        or "corresponding" in det
        or "same" in det
    ):
        return None
    base = ctx.last_quarter
    if base is None:
        if a is None:
            return "DATE", "XXXX-QX", "", "", False
        base = _last_full_quarter(a) if "current" not in det else cal.quarter_of(a)
    elif "current" in det and a is not None:
        base = cal.quarter_of(a)
    y, q = base
    if year_m:
        y = int(year_m[0])
    elif ago:
        if ctx.last_quarter is None and a is not None and det in ("year-ago", "year-earlier"):
            return "DATE", str(a.year - 1), "", "", True
        y -= 1
    return "DATE", f"{y:04d}-Q{q}", "", "", ctx.last_quarter is None


def _decade(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    mod = _pos_mod(g["pos"])
    if g["dec"]:
        return "DATE", g["dec"] or "", mod, "", False
    if g["cent"] or g["centw"]:
        words = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
        n = int(g["cent"]) if g["cent"] else words[_low(g["centw"])]
        return "DATE", f"{n - 1:02d}", mod, "", False
    digit = int(g["short"]) if g["short"] else DECADE_WORDS[_low(g["word"])]
    if ctx.anchor is None:
        return "DATE", f"XX{digit}", mod, "", False
    century = ctx.anchor.year // 100
    if digit * 10 > ctx.anchor.year % 100 + 5:
        century -= 1
    return "DATE", f"{century}{digit}", mod, "", True


_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|page|pages|p|pp|route|highway|flight|room|article|resolution|"
    r"model|windows|office|boeing|airbus|bus|line|section|chapter|vol|volume|issue|rule|"
    r"paragraph|code|exit|apartment|suite|box|lot|size|ftse|nikkei|dax|index|cac)\.?"
    r"|[#\u00a7$\u00a3\u20ac]\s*|\d[,.]?\s*|(?<!\d)[-/])$",
    re.I,
)
_NOT_YEAR_AFTER = re.compile(
    r"^(?:\s*(?:-|\u2013)?\s*(?:points?|people|persons|men|women|soldiers|troops|tons?|tonnes"
    r"|meters|metres|feet|miles|kilometers|km|shares|votes|units|cars|jobs|dollars|yen|euros"
    r"|pounds|yuan|barrels|acres|workers|employees|students|members|officers|residents|cases"
    r"|deaths|calories|pages|words|copies|homes|houses|rooms|seats|beds|votes|delegates)\b|[,.]\d|-\d\d?\b)",
    re.I,
)


_SPOKEN_TENS = {
    "oh": 0,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SPOKEN_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


def _spoken_year(text: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        return 2000 + sum(_SPOKEN_TENS.get(w, 0) + _SPOKEN_ONES.get(w, 0) for w in rest)
    if words[0] != "nineteen" or len(words) < 2:
        return None
    return 1900 + sum(_SPOKEN_TENS.get(w, 0) + _SPOKEN_ONES.get(w, 0) for w in words[1:])


def _year(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    body = ctx.body
    if g["spoken"]:
        year = _spoken_year(g["spoken"] or "")
        return ("DATE", f"{year:04d}", _pos_mod(g["pos2"]), "", False) if year else None
    if not g["pre"] and not g["pos"]:
        if _NOT_YEAR_BEFORE.search(body, max(0, start - 12), start):
            return None
        if _NOT_YEAR_AFTER.match(body[end : end + 16]):
            return None
    return "DATE", g["year"] or "", _pos_mod(g["pos"]), "", False


def _mid_sentence_capital(body: str, start: int) -> bool:
    """A capitalised word inside a sentence (a title: "a Sustainable Tomorrow")."""
    if not body[start : start + 1].isupper():
        return False
    before = body[max(0, start - 3) : start].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _relday(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    a = ctx.anchor
    if g["rel"] and not g["pos"] and _mid_sentence_capital(ctx.body, start):
        return None
    rel = _low(g["rel"] or g["det"])
    part = _low(g["part"] or g["part2"])
    shift = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and part:
        shift = -1 if part in ("night", "overnight") else 0
    if rel == "tonight":
        part = "night"
    date = cal.iso(a + dt.timedelta(days=shift)) if a else "XXXX-XX-XX"
    mod = _pos_mod(g["pos"])
    if part:
        return "TIME", f"{date}T{PARTS_OF_DAY[part]}", mod, "", a is not None
    return "DATE", date, mod, "", a is not None


_SUFFIXED_PARTS = frozenset({"evening"})


def _weekday(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    wd = _weekday_num(g["wd"] or "")
    if g["plural"] or g["plural2"]:  # "on Mondays", "Tuesday nights": every such day
        part = _low(g["part"])
        suffix = f"T{PARTS_OF_DAY[part]}" if part else ""
        return "SET", f"XXXX-WXX-{wd + 1}{suffix}", "", "", False
    det = _low(g["det"])
    part = _low(g["part"])
    suffix = f"T{PARTS_OF_DAY[part]}" if part in _SUFFIXED_PARTS else ""
    mod = _pos_mod(g["pos"])
    if ctx.anchor is None:
        return "DATE", f"XXXX-WXX-{wd + 1}{suffix}", mod, "", False
    possessive = ctx.body[end - 2 : end].lower() in ("'s", "\u2019s")
    tense = 0 if det or possessive else _tense(ctx, start, end)
    d = _weekday_date(ctx.anchor, wd, tense, det)
    return ("TIME" if suffix else "DATE"), cal.iso(d) + suffix, mod, "", True


_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|times|once|twice|units|seats|flights"
    r"|shares|tons|barrels))\W*\s*$",
    re.I,
)


def _duration(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    unit_word = _low(g["unit"] or g["unit2"])
    unit = UNITS.get(unit_word, unit_word)
    mod = MOD_VALUES.get(_low(g["mod"] or g["mod2"]), "")
    if g["approx"]:
        mod = (
            "APPROX"
            if "so" in _low(g["approx"])
            else "EQUAL_OR_MORE"
            if "more" in _low(g["approx"])
            else mod
        )
    if g["unit2"]:
        return "DURATION", cal.duration(1, unit), mod, "", False
    rate = _low(g["num"]) in ("a", "an") and not (g["tail"] or g["adj"] or g["mod"] or g["approx"])
    if rate and _RATE_BEFORE.search(ctx.body, max(0, start - 24), start):
        return "SET", cal.duration(1, unit), "", "", False  # "$500 million a year"
    n = parse_number(g["num"]) if g["num"] else None
    if g["num"] and n is None:
        return None
    if n is not None and g["half"]:
        n += 0.5  # "a minute and a half"
    if unit == "quarter" and (_low(g["num"]) in ("a", "an") or "-" in ctx.body[start:end]):
        return None  # "a quarter of", "three-quarters": fractions
    tail = _low(g["tail"])
    a = ctx.anchor
    if tail in ("ago", "earlier", "before", "from now", "hence", "later", "after"):
        one_year = n == 1 and unit == "year" and tail in ("ago", "earlier")
        if one_year and ctx.last_quarter is not None and not g["adj"]:
            y, q = ctx.last_quarter
            return "DATE", f"{y - 1:04d}-Q{q}", mod, "", False
        hedged = mod in ("MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE") or (
            mod == "APPROX" and n is not None and n > 1
        )
        if hedged and unit not in ("hour", "minute"):
            return "DURATION", cal.duration(n, unit), mod, "", False
        if tail in ("ago", "from now", "hence") or one_year:
            if n is None:
                return (
                    "DATE",
                    "PAST_REF" if tail in ("ago", "earlier") else "FUTURE_REF",
                    mod,
                    "",
                    False,
                )
            if a is None:
                return "DATE", "XXXX", mod, "", False
            sign = -1 if tail in ("ago", "earlier") else 1
            if unit in ("hour", "minute") and tail in ("ago", "earlier"):
                back = dt.timedelta(hours=n) if unit == "hour" else dt.timedelta(minutes=n)
                day = dt.datetime.combine(a, dt.time(12)) - back
                return "DATE", cal.iso(day.date()), mod, "", True
            if n != int(n) or unit not in ("year", "month", "week", "day", "decade", "century"):
                return "DURATION", cal.duration(n, unit), mod, "", False
            if unit == "day" or unit == "week":
                days = int(n) * (7 if unit == "week" else 1)
                d = a + dt.timedelta(days=sign * days)
                return "DATE", cal.iso(d) if unit == "day" else cal.iso_week(d), mod, "", True
            if unit in ("decade", "century"):
                k = 10 if unit == "decade" else 100
                return "DATE", str(a.year + sign * int(n) * k), mod, "", True
            return "DATE", cal.shift(a, sign * int(n), unit), mod, "", True
    return "DURATION", cal.duration(n, unit), mod, "", False


_PERIOD_ENDED = re.compile(r"\s+(?:ended|ending|through|to\s+(?:date|\w+\.?\s+\d))\b", re.I)


def _rel_unit(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    a = ctx.anchor
    if (g["unit"] or "")[:1].isupper() and _mid_sentence_capital(ctx.body, start):
        return None  # a title: "on ABC's This Week"
    det = _low(g["det"])
    unit = _low(g["unit"])
    unit = "year" if unit == "years" else unit  # "this years festival" (a typo)
    mod = _pos_mod(g["pos"])
    tail = _low(g["tail"])
    if tail in ("ahead", "to come"):
        return "DURATION", cal.duration(1, unit), mod, "", False
    if det in ("the past", "past", "the coming", "coming") and unit in ("decade", "century"):
        return "DURATION", cal.duration(1, unit), mod, "", False
    step = 0
    if det in ("last", "the previous", "previous", "this past", "past", "the past"):
        step = -1
    elif det in ("next", "the coming", "coming", "the following", "following", "this coming"):
        step = 1
    if tail == "before":
        step = -1
    elif tail == "after":
        step = 1
    anaphoric = det in ("that", "the same", "the following", "the previous") or tail in (
        "before",
        "after",
    )
    if unit in SEASONS:
        return _season_value(ctx, unit, step, mod, det, start, end)
    if det == "the" and _PERIOD_ENDED.match(ctx.body, end):
        return "DURATION", cal.duration(1, unit), mod, "", False  # "the year ended June 30"
    if a is None:
        blank = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}
        return "DATE", blank.get(unit, "XXXX"), mod, "", False
    base = a
    the_year = det == "the" and not g["pos"]  # "earlier in the year": the anchor's year
    if (anaphoric or the_year) and unit == "year" and ctx.last_year is not None:
        return "DATE", f"{ctx.last_year + step:04d}", mod, "", False
    if anaphoric and ctx.last_day is not None and unit != "year":
        base = ctx.last_day
    if unit == "weekend":
        if step == 0:
            future = _tense(ctx, start, end) > 0
            sat = cal.weekday_after(base, 5) if future else cal.weekday_before(base, 6)
        elif step < 0:
            sat = cal.weekday_before(base, 5, inclusive=False) - dt.timedelta(
                days=7 if base.weekday() >= 5 else 0
            )
        else:
            sat = cal.weekday_after(base, 5, inclusive=False)
        return "DATE", cal.iso_week(sat) + "-WE", mod, "", True
    return "DATE", cal.shift(base, step, unit), mod, "", True


def _season_value(
    ctx: _Ctx, season: str, step: int, mod: str, det: str, start: int, end: int
) -> Found | None:
    code = SEASONS[season]
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-{code}", mod, "", False
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = a.year
    if step < 0:
        ended = a.month > first_month + 2 if code != "WI" else False
        year = a.year if ended else a.year - 1
    elif step > 0:
        year = a.year if a.month < first_month else a.year + 1
    return "DATE", f"{year:04d}-{code}", mod, "", True


def _year_end(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if ctx.anchor is None:
        return "DATE", "XXXX-12-31", "", "", False
    return "DATE", f"{ctx.anchor.year:04d}-12-31", "", "", True


def _anaphor(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    det = _low(g["det"])
    unit = _low(g["unit"] or g["unit2"])
    ba = _low(g["ba"])
    step = -1 if det in ("the previous", "the preceding") or ba == "before" else 0
    step = 1 if det in ("the next", "the following") or ba == "after" else step
    mod = _pos_mod(g["pos"])
    if unit == "year":
        base_year = ctx.last_year or (ctx.anchor.year if ctx.anchor else None)
        if base_year is None:
            return "DATE", "XXXX", mod, "", False
        return "DATE", f"{base_year + step:04d}", mod, "", ctx.last_year is None
    base = ctx.last_day or ctx.anchor
    if base is None:
        return "DATE", "XXXX-XX-XX", mod, "", False
    rel = ctx.last_day is None
    if unit in ("week", "month"):
        return "DATE", cal.shift(base, step, unit), mod, "", rel
    d = base + dt.timedelta(days=step)
    if unit in PARTS_OF_DAY:
        return "TIME", f"{cal.iso(d)}T{PARTS_OF_DAY[unit]}", mod, "", rel
    return "DATE", cal.iso(d), mod, "", rel


def _vague(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    unit = UNITS[_low(g["unit"])]
    adj = _low(g["adj"])
    tail = _low(g["tail"])
    if adj == "recent" and unit == "year":
        return "DATE", "PAST_REF", "", "", False
    if tail == "ago" and unit in ("year", "decade", "century"):
        return "DATE", "PAST_REF", "", "", False
    return "DURATION", cal.duration(None, unit), "", "", False


_SET_ADV = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "semiannually": "P6M",
    "hourly": "PT1H",
}


def _set(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["adv"]:
        return "SET", _SET_ADV[_low(g["adv"])], "", "", False
    unit_word = _low(g["unit"] or g["unit2"])
    if unit_word in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit_word]}", "", "", False
    if unit_word in MONTHS:
        return "SET", f"XXXX-{MONTHS[unit_word]:02d}", "", "", False
    if unit_word in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit_word]}", "", "", False
    if unit_word.rstrip(".") in WEEKDAYS or unit_word.rstrip("s") in WEEKDAYS:
        return "SET", f"XXXX-WXX-{_weekday_num(unit_word.rstrip('s')) + 1}", "", "", False
    unit = UNITS.get(unit_word, unit_word)
    num = _low(g["num"])
    n: float | None = 1.0
    if num == "other":
        n = 2.0
    elif num:
        n = parse_number(num)
    return "SET", cal.duration(n or 1.0, unit), "", "", False


def _season(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    season = _low(g["season"] or g["season2"])
    code = SEASONS[season]
    mod = _pos_mod(g["pos"] or g["pos2"])
    if g["year"]:
        return "DATE", f"{g['year']}-{code}", mod, "", False
    return _season_value(ctx, season, 0, mod, "", start, end)


def _ref(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["present"]:
        return "DATE", "PRESENT_REF", "", "", False
    if g["past"]:
        return "DATE", "PAST_REF", "", "", False
    return "DATE", "FUTURE_REF", "", "", False


_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|of|from|to|through|during|before|after|early|late|mid|last"
    r"|next|this|and|or|between)\s*-?\s*$",
    re.I,
)


def _month_f(ctx: _Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    name = g["month"] or ""
    det = _low(g["det"])
    mod = _pos_mod(g["pos"]) or _pos_mod(det if det in ("early", "late", "mid") else "")
    ambiguous = name in ("May", "MAY", "March", "MARCH") and not det and not g["pos"]
    if ambiguous and not _MAY_CONTEXT.search(ctx.body, max(0, start - 12), start):
        return None
    month = _month_num(name)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod, "", False
    tense = (
        _tense(ctx, start, end) if det not in ("last", "next", "this past", "this coming") else 0
    )
    year = _month_year(ctx.anchor, month, tense, det)
    return "DATE", cal.ym(year, month), mod, "", True


_Handler = Callable[[_Ctx, dict[str, "str | None"], int, int], "Found | None"]
_HANDLERS: dict[str, _Handler] = {
    "clock": _clock,
    "range": _range,
    "date": _date,
    "numeric": _numeric,
    "holiday": _holiday,
    "month_year": _month_year_f,
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "decade": _decade,
    "year": _year,
    "relday": _relday,
    "weekday": _weekday,
    "duration": _duration,
    "rel_unit": _rel_unit,
    "year_end": _year_end,
    "anaphor": _anaphor,
    "vague": _vague,
    "set": _set,
    "season": _season,
    "ref": _ref,
    "month": _month_f,
}


_WORD = re.compile(r"[^\W_]+|['\u2019]\d")


def _hits(body: str) -> Iterator[re.Match[str]]:
    """The same matches as `MASTER.finditer(body)`, tried only where a trigger word starts
    (function-word triggers only when a content word follows within five words)."""
    low = body.lower()
    toks = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(low)]
    n = len(toks)
    match = MASTER.match
    resume = 0
    for i, (start, end, word) in enumerate(toks):
        if start < resume:
            continue
        first = word[0]
        if first.isdigit():
            if not (
                len(word) >= 4
                or low[end : end + 1] in _DIGIT_JOINERS
                or _content_follows(toks, i, n, 3, digits=False)
            ):
                continue
        elif word in TRIGGERS:
            if word not in CONTENT and not _content_follows(toks, i, n, 5):
                continue
        elif not (
            first in "'\u2019" or (first in "qf" and word[1:2].isdigit()) or word.startswith("fy")
        ):
            continue
        m = match(body, start)
        if m is not None and m.end() > start:
            resume = m.end()
            yield m


_DIGIT_JOINERS = frozenset(":/-.\u2013\u2014'\u2019\u00bd")


def _content_follows(
    toks: list[tuple[int, int, str]], i: int, n: int, k: int, *, digits: bool = True
) -> bool:
    for j in range(i + 1, min(n, i + 1 + k)):
        word = toks[j][2]
        if word in CONTENT or (digits and word[0].isdigit()):
            return True
    return False


def find_times(body: str, anchor: dt.date | None, *, inferred: bool = False) -> list[TimeExpr]:
    """Every TIMEX3 expression in `body`, resolved against `anchor` (see the module docstring).

    `inferred` says the anchor is not the article's own publication date (inferred from its
    text or from other articles); every value resolved from it is then marked `inferred`.
    """
    ctx = _Ctx(body=body, anchor=anchor)
    out: list[TimeExpr] = []
    for m in _hits(body):
        family = m.lastgroup or ""
        start, end = m.span()
        sub = family_rx(family).fullmatch(body, start, end)
        if sub is None:
            continue
        found = _HANDLERS[family](ctx, sub.groupdict(), start, end)
        if found is None:
            continue
        kind, value, mod, range_end, relative = found
        _note_value(ctx, value)
        if family == "range":
            out.extend(_split_range(body, sub, found, inferred))
            continue
        out.append(
            TimeExpr(
                text=body[start:end],
                start=start,
                end=end,
                type=kind,
                value=value,
                range_end=range_end,
                mod=mod,
                inferred=bool(inferred and relative),
            )
        )
    return out


def _split_range(body: str, sub: re.Match[str], found: Found, inferred: bool) -> list[TimeExpr]:
    """A range of days as two expressions, as TimeML annotates it: the first carries the
    whole range (`value` its first day, `range_end` its last), the second its last day."""
    kind, value, mod, range_end, relative = found
    if sub.group("dday"):
        first = (sub.start("dday"), sub.end("dday"))
        second = (sub.start("dday2"), sub.end())
    else:
        first = (sub.start(), sub.end("year1") if sub.group("year1") else sub.end("day"))
        second_start = min(
            sub.start(k) for k in ("wd2", "month2", "day2") if sub.group(k) is not None
        )
        second = (second_start, sub.end())
    flag = bool(inferred and relative)
    return [
        TimeExpr(body[first[0] : first[1]], first[0], first[1], kind, value, range_end, mod, flag),
        TimeExpr(body[second[0] : second[1]], second[0], second[1], kind, range_end, "", mod, flag),
    ]


def infer_anchor(body: str) -> dt.date | None:
    """The latest fully specified date (day, month and year) the text states, else None."""
    best: dt.date | None = None
    for te in find_times(body, None):
        if te.type not in ("DATE", "TIME") or not re.fullmatch(
            r"\d{4}-\d\d-\d\d(?:T.*)?", te.value
        ):
            continue
        d = _parse_iso(te.value[:10])
        if d and (best is None or d > best):
            best = d
        if te.range_end:
            e = _parse_iso(te.range_end[:10])
            if e and (best is None or e > best):
                best = e
    return best
