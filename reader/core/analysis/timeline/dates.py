"""Where a TIMEX3 value sits on the calendar, for sorting a timeline.

`date_bounds("2025-10")` is the first and last day of October 2025 with the granularity
"month". Values that name no calendar position (durations "P3Y", sets, "PRESENT_REF",
"PAST_REF", unresolved "XXXX-10-29") give None: they cannot be placed on a timeline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# Coarser granularities sort first among values that start on the same day: "2025-10"
# ("in October") comes before "2025-10-01", a week before its Monday, a day before its hours.
GRANULARITY_RANK = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "half": 3,
    "quarter": 4,
    "season": 4,
    "month": 5,
    "week": 6,
    "day": 7,
    "part": 8,
    "time": 9,
}

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_PARTS = {"MO": 6 * 60, "MI": 12 * 60, "AF": 14 * 60, "EV": 18 * 60, "NI": 21 * 60}

_DAY_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:T(?:(\d{2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?|(MO|MI|AF|EV|NI)))?"
)
_WEEK_RE = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
_PERIOD_RE = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEAR_RE = re.compile(r"(\d{4})")
_DECADE_RE = re.compile(r"(\d{3})X?")
_CENTURY_RE = re.compile(r"(\d{2})X{0,2}")


@dataclass(frozen=True, slots=True)
class DateBounds:
    first: dt.date
    last: dt.date
    granularity: str
    minute: int = -1  # minutes after midnight, when the value has a time of day

    @property
    def rank(self) -> int:
        return GRANULARITY_RANK[self.granularity]


def date_bounds(value: str) -> DateBounds | None:
    """The calendar span of a TIMEX3 DATE/TIME value, or None if it has none."""
    value = value.strip()
    try:
        return _bounds(value)
    except (ValueError, OverflowError):
        return None  # "2025-02-30", week 54, the week after 9999-12-31: not a calendar position


def _bounds(value: str) -> DateBounds | None:
    if m := _DAY_RE.fullmatch(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m[4]:
            return DateBounds(day, day, "time", int(m[4]) * 60 + int(m[5] or 0))
        if m[6]:
            return DateBounds(day, day, "part", _PARTS[m[6]])
        return DateBounds(day, day, "day")
    if m := _WEEK_RE.fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if value.endswith("-WE"):
            return DateBounds(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week")
        return DateBounds(monday, monday + dt.timedelta(days=6), "week")
    if m := _MONTH_RE.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return DateBounds(dt.date(year, month, 1), _month_end(year, month), "month")
    if m := _PERIOD_RE.fullmatch(value):
        year, period = int(m[1]), m[2]
        if period[0] == "Q":
            q = int(period[1])
            return _months(year, 3 * q - 2, 3 * q, "quarter")
        if period[0] == "H":
            h = int(period[1])
            return _months(year, 6 * h - 5, 6 * h, "half")
        first, last = _SEASONS[period]
        return _months(year, first, last, "season")
    if m := _YEAR_RE.fullmatch(value):
        year = int(m[1])
        return DateBounds(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if m := _DECADE_RE.fullmatch(value):
        start = int(m[1]) * 10
        return DateBounds(dt.date(max(start, 1), 1, 1), dt.date(start + 9, 12, 31), "decade")
    if m := _CENTURY_RE.fullmatch(value):
        start = int(m[1]) * 100
        return DateBounds(dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31), "century")
    return None


def _months(year: int, first: int, last: int, granularity: str) -> DateBounds:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return DateBounds(dt.date(year, first, 1), _month_end(end_year, end_month), granularity)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
