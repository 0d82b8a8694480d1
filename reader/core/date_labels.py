"""Readable labels for TIMEX3-style date values ("2025-10-29" → "Wed Oct 29, 2025",
"2025-Q3" → "Jul–Sep 2025"), and the keys that group and order them: what the timeline
screen and the exports show for a date.

Headless: no Textual, no Rich.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from reader.core.analysis.timeline.build import Event

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_QUARTERS = {"Q1": "Jan–Mar", "Q2": "Apr–Jun", "Q3": "Jul–Sep", "Q4": "Oct–Dec"}
_HALVES = {"H1": "first half", "H2": "second half"}
_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def _day(value: str) -> dt.date | None:
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _short(day: dt.date, year: bool = True) -> str:
    text = f"{_MONTHS[day.month - 1][:3]} {day.day}"
    return f"{text}, {day.year}" if year else text


def coarse_label(value: str) -> str:
    """A TIMEX3 value read aloud: "2025-06" → "June 2025", "2025-Q3" → "Q3 2025 (Jul–Sep)".

    Values it does not know are returned as they are (callers sanitise them)."""
    if day := _day(value):
        return _short(day)
    if m := _MONTH.match(value):
        month = int(m[2])
        if 1 <= month <= 12:
            return f"{_MONTHS[month - 1]} {m[1]}"
    if m := _YEAR.match(value):
        return m[1]
    if m := _PART.match(value):
        part = m[2]
        if part in _QUARTERS:
            return f"{part} {m[1]} ({_QUARTERS[part]})"
        if part in _HALVES:
            return f"{part} {m[1]} ({_HALVES[part]})"
        return f"{_SEASONS[part]} {m[1]}"
    if m := _WEEK.match(value):
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return value
        return f"week of {_short(monday)}"
    return value


_TIME = re.compile(r"T(\d{2}):(\d{2})|T(MO|MI|AF|EV|NI|DT)$")
_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_MODS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
}


def _time(value: str) -> str:
    """ ", 14:30" or " (morning)" for a TIMEX3 time value; "" for a plain date."""
    m = _TIME.search(value)
    if not m:
        return ""
    if m[1]:
        return f", {m[1]}:{m[2]}"
    return f" ({_PARTS_OF_DAY[m[3]]})"


def date_label(date: str, end: str = "", mod: str = "") -> str:
    """The date of an event as shown: "Oct 29, 2025", "Oct 27 – Nov 1, 2025", "June 2025",
    "early October 2025" (with the TIMEX3 `mod`), "Oct 30, 2025, 14:00"."""
    start_day, end_day = _day(date), _day(end) if end else None
    if start_day and end_day and end_day != start_day:
        if start_day.year != end_day.year:
            label = f"{_short(start_day)} – {_short(end_day)}"
        elif start_day.month == end_day.month:
            label = f"{_short(start_day, year=False)} – {end_day.day}, {end_day.year}"
        else:
            label = f"{_short(start_day, year=False)} – {_short(end_day)}"
    elif end and end != date and not end_day:
        label = f"{coarse_label(date)} – {coarse_label(end)}"
    else:
        label = coarse_label(date) + (_time(date) if start_day else "")
    word = _MODS.get(mod.upper(), "") if mod else ""
    if word in ("early", "late") and label.startswith("week of"):
        return f"{word} in the {label}"
    if word == "mid":
        return f"mid-{label}"
    return f"{word} {label}" if word else label


def day_label(date: str) -> str:
    """The heading of the group an event sits in: the weekday and day, or the coarse period."""
    if day := _day(date):
        return f"{day:%A}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return coarse_label(date)


def group_key(date: str) -> str:
    """Events with equal keys share a day heading (the day, or the whole coarse value)."""
    day = _day(date)
    return day.isoformat() if day else date


def sort_key(date: str) -> tuple[int, str, int]:
    """Chronological order: by the first day of the period; a coarse period before the days
    inside it; values that are not dates last, in their own order."""
    if day := _day(date):
        return (0, day.isoformat(), 1)
    if m := _MONTH.match(date):
        return (0, f"{m[1]}-{m[2]}-01", 0)
    if m := _YEAR.match(date):
        return (0, f"{m[1]}-01-01", 0)
    if m := _PART.match(date):
        part = m[2]
        if part[0] == "Q":
            month = 3 * (int(part[1]) - 1) + 1
        elif part[0] == "H":
            month = 1 if part == "H1" else 7
        else:
            month = _SEASON_MONTH[part]
        return (0, f"{m[1]}-{month:02d}-01", 0)
    if m := _WEEK.match(date):
        try:
            first = dt.date.fromisocalendar(int(m[1]), max(1, int(m[2])), 1)
        except ValueError:
            return (1, date, 0)
        return (0, first.isoformat(), 0)
    return (1, date, 0)


def chronological(events: Sequence[Event]) -> list[Event]:
    """The events in date order (stable: equal dates keep the engine's order)."""
    return sorted(events, key=lambda e: sort_key(e.date))
