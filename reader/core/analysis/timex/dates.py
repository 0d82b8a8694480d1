"""Resolvers of the timex families that name a calendar unit outright: clock times, dates,
ranges, holidays, months with years, quarters, decades and years."""

from __future__ import annotations

import datetime as dt
import re

from reader.core.analysis.numbers import words as number_words
from reader.core.analysis.timex import calendar as cal
from reader.core.analysis.timex.context import (
    Ctx,
    Found,
    Handler,
    clause_tense,
    day_number,
    lower_text,
    mid_sentence_capital,
    month_number,
    nearest_date,
    parse_iso,
    period_ended,
    position_mod,
    weekday_date,
    weekday_number,
)
from reader.core.analysis.timex.lexicon import (
    DECADE_WORDS,
    ORDINALS,
)


def _clock(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    clock = lower_text(g["clock"])
    if clock in ("noon", "midnight") and mid_sentence_capital(ctx.body, start):
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


def _day_of(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> tuple[str, bool]:
    """The day a clock time is on: its weekday/relative word/month-day, else the anchor."""
    a = ctx.anchor
    if g.get("month") and g.get("day"):
        month, day = month_number(g["month"] or ""), day_number(g["day"] or "")
        if g.get("year"):
            d = cal.safe_date(int(g["year"] or 0), month, day)
            return (cal.iso(d) if d else "XXXX-XX-XX"), False
        if a is None:
            return f"XXXX-{month:02d}-{day:02d}", False
        d = nearest_date(a, month, day, clause_tense(ctx, start, end))
        return (cal.iso(d) if d else "XXXX-XX-XX"), True
    if g.get("wd"):
        wd = weekday_number(g["wd"] or "")
        if a is None:
            return f"XXXX-WXX-{wd + 1}", False
        return cal.iso(weekday_date(a, wd, clause_tense(ctx, start, end), "")), True
    if g.get("rel"):
        if a is None:
            return "XXXX-XX-XX", False
        shift = {"yesterday": -1, "tomorrow": 1}.get(lower_text(g["rel"]), 0)
        return cal.iso(a + dt.timedelta(days=shift)), True
    if a is None:
        return "XXXX-XX-XX", False
    return cal.iso(a), True


def _range(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["dday"]:
        m1 = m2 = month_number(g["dmonth"] or "")
        d1, d2 = day_number(g["dday"] or ""), day_number(g["dday2"] or "")
        y1 = y2 = g["dyear"]
    else:
        m1 = month_number(g["month"] or "")
        m2 = month_number(g["month2"]) if g["month2"] else m1
        d1, d2 = day_number(g["day"] or ""), day_number(g["day2"] or "")
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
    a = nearest_date(ctx.anchor, m1, d1, clause_tense(ctx, start, end))
    if a is None:
        return None
    b = cal.safe_date(a.year, m2, d2) or cal.safe_date(a.year + 1, m2, d2)
    if b and b < a:
        b = cal.safe_date(a.year + 1, m2, d2)
    return "DATE", cal.iso(a), "", cal.iso(b) if b else "", True


def _date(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["dday"]:
        month, day, year = month_number(g["dmonth"] or ""), day_number(g["dday"] or ""), g["dyear"]
    else:
        month, day, year = month_number(g["month"] or ""), day_number(g["day"] or ""), g["year"]
    if year:
        d = cal.safe_date(int(year), month, day)
        return ("DATE", cal.iso(d), "", "", False) if d else None
    if cal.safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", "", "", False
    if g["wd"]:
        # a weekday pins the year: the candidate year whose date falls on that weekday
        wd = weekday_number(g["wd"] or "")
        for k in (0, -1, 1):
            d = cal.safe_date(ctx.anchor.year + k, month, day)
            if d and d.weekday() == wd:
                return "DATE", cal.iso(d), "", "", True
    tense = clause_tense(ctx, start, end)
    d = nearest_date(ctx.anchor, month, day, tense, ended=period_ended(ctx, start))
    return ("DATE", cal.iso(d), "", "", True) if d else None


def _numeric(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["iso"]:
        d = parse_iso(g["iso"] or "")
        return ("DATE", cal.iso(d), "", "", False) if d else None
    y = int(g["y"] or 0)
    if y < 100:
        y += 2000 if y < 50 else 1900
    d = cal.safe_date(y, int(g["m"] or 0), int(g["d"] or 0))
    return ("DATE", cal.iso(d), "", "", False) if d else None


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


def _holiday(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    name = g["name"] or ""
    if g["year"]:
        return "DATE", cal.iso(_holiday_date(name, int(g["year"] or 0))), "", "", False
    a = ctx.anchor
    if a is None:
        return None
    det = lower_text(g["det"])
    tense = -1 if det == "last" else 1 if det == "next" else clause_tense(ctx, start, end)
    cands = [_holiday_date(name, a.year + k) for k in (-1, 0, 1)]
    if tense > 0:
        d = min(c for c in cands if c >= a)
    elif tense < 0 or det == "last":
        d = max(c for c in cands if c <= a)
    else:
        d = min(cands, key=lambda c: abs((c - a).days))
    return "DATE", cal.iso(d), "", "", True


def _month_year_f(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    month, mod = month_number(g["month"] or ""), position_mod(g["pos"])
    if g["year"]:
        return "DATE", cal.ym(int(g["year"] or 0), month), mod, "", False
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod, "", False
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(lower_text(g["rel"]), 0)
    return "DATE", cal.ym(year, month), mod, "", True


def _quarter(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
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
    n = ORDINALS[lower_text(g["ord"])]
    unit = lower_text(g["unit"])
    code = "H" if unit == "half" else "Q"
    if code == "H" and n > 2:
        return None
    pre = lower_text(g["pre"])
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
        shift = 1 if pre.startswith("next") or lower_text(g["rel"]) == "next" else shift
        year = a.year + shift
        if (
            shift == 0
            and code == "Q"
            and n > cal.quarter_of(a)[1]
            and clause_tense(ctx, start, end) <= 0
        ):
            year -= 1 if n - cal.quarter_of(a)[1] >= 2 or a.month in (1, 4, 7, 10) else 0
    if code == "Q" and not pre.endswith(("ago", "earlier")):
        ctx.last_quarter = (year, n)
    return "DATE", f"{year:04d}-{code}{n}", "", "", rel


def _last_full_quarter(a: dt.date) -> tuple[int, int]:
    return cal.add_quarters(*cal.quarter_of(a), -1)


def _quarter_ref(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    a = ctx.anchor
    det = lower_text(g["det"] or g["bare"])
    unit = lower_text(g["unit"]) or "quarter"
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


def _decade(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    mod = position_mod(g["pos"])
    if g["dec"]:
        return "DATE", g["dec"] or "", mod, "", False
    if g["cent"] or g["centw"]:
        words = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
        n = int(g["cent"]) if g["cent"] else words[lower_text(g["centw"])]
        return "DATE", f"{n - 1:02d}", mod, "", False
    digit = int(g["short"]) if g["short"] else DECADE_WORDS[lower_text(g["word"])]
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
    **{w: v for w, v in number_words.UNITS.items() if v >= 10},
    **number_words.TENS,
}
_SPOKEN_ONES = {w: v for w, v in number_words.UNITS.items() if 0 < v < 10}


def _spoken_year(text: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        return 2000 + sum(_SPOKEN_TENS.get(w, 0) + _SPOKEN_ONES.get(w, 0) for w in rest)
    if words[0] != "nineteen" or len(words) < 2:
        return None
    return 1900 + sum(_SPOKEN_TENS.get(w, 0) + _SPOKEN_ONES.get(w, 0) for w in words[1:])


def _year(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    body = ctx.body
    if g["spoken"]:
        year = _spoken_year(g["spoken"] or "")
        return ("DATE", f"{year:04d}", position_mod(g["pos2"]), "", False) if year else None
    if not g["pre"] and not g["pos"]:
        if _NOT_YEAR_BEFORE.search(body, max(0, start - 12), start):
            return None
        if _NOT_YEAR_AFTER.match(body[end : end + 16]):
            return None
    return "DATE", g["year"] or "", position_mod(g["pos"]), "", False


HANDLERS: dict[str, Handler] = {
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
}
