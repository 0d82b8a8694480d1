"""Calendar arithmetic and TIMEX3 value formatting for the timex tagger (stdlib only)."""

from __future__ import annotations

import datetime as dt

UNIT_CODE = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "fortnight": "W",
    "hour": "H",
    "minute": "M",
    "second": "S",
    "decade": "DE",
    "century": "CE",
    "quarter": "Q",
    "weekend": "WE",
    "night": "D",
}
TIME_UNITS = frozenset({"hour", "minute", "second"})


def iso(d: dt.date) -> str:
    return d.isoformat()


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_quarters(year: int, q: int, delta: int) -> tuple[int, int]:
    k = year * 4 + (q - 1) + delta
    return k // 4, k % 4 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_before(anchor: dt.date, weekday: int, *, inclusive: bool = True) -> dt.date:
    """The latest `weekday` (0 = Monday) on or before the anchor (strictly before if not inclusive)."""
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekday_after(anchor: dt.date, weekday: int, *, inclusive: bool = True) -> dt.date:
    """The earliest `weekday` on or after the anchor (strictly after if not inclusive)."""
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: (3, "year") -> P3Y, (None, "week") -> PXW, (1.5, "hour") -> PT1H30M."""
    code = UNIT_CODE.get(unit, "X")
    t = "T" if unit in TIME_UNITS else ""
    if n is None:
        return f"P{t}X{code}"
    if unit == "decade" and n == int(n):
        return f"P{int(n * 10)}Y"
    if unit == "century" and n == int(n):
        return f"P{int(n * 100)}Y"
    if unit == "fortnight":
        n *= 2
    if unit == "night":
        code = "D"
    if n != int(n):
        whole = int(n)
        frac = n - whole
        if unit == "hour":
            return f"PT{whole}H{round(frac * 60)}M" if whole else f"PT{round(frac * 60)}M"
        if unit == "minute":
            return f"PT{whole}M{round(frac * 60)}S" if whole else f"PT{round(frac * 60)}S"
        if unit == "year":
            return f"P{whole}Y{round(frac * 12)}M" if whole else f"P{round(frac * 12)}M"
        if unit == "day":
            return f"P{whole}DT{round(frac * 24)}H" if whole else f"PT{round(frac * 24)}H"
    return f"P{t}{_num(n)}{code}"


def shift(anchor: dt.date, n: int, unit: str) -> str:
    """The calendar unit `n` units from the anchor, at that unit's granularity (n < 0: past)."""
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "month":
        return ym(*add_months(anchor.year, anchor.month, n))
    if unit in ("week", "fortnight"):
        return iso_week(anchor + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit in ("day", "night"):
        return iso(anchor + dt.timedelta(days=n))
    if unit == "decade":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "century":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    if unit == "quarter":
        y, q = add_quarters(*quarter_of(anchor), n)
        return f"{y:04d}-Q{q}"
    if unit == "weekend":
        return iso_week(anchor + dt.timedelta(weeks=n)) + "-WE"
    return iso(anchor)
