"""Markdown and JSON exports of a timeline and of a comparison, and the readable date labels
the timeline screen shares with them.

Headless: no Textual, no Rich. Article text is untrusted: in Markdown it is flattened to one
line, control characters are made visible and Markdown punctuation is escaped, so a headline
cannot inject a link, a heading or an HTML tag. JSON keeps the values verbatim.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import platformdirs

from reader.core.analysis.timeline import Event
from reader.core.sanitize import one_line

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

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


class SourceLike(Protocol):
    """What an export needs to know about each article of the reading set (`SourceRef`)."""

    @property
    def article_id(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def published(self) -> str: ...


# --- dates ---------------------------------------------------------------------------------


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


# --- text ----------------------------------------------------------------------------------


def md_text(text: str, limit: int = 400) -> str:
    """Untrusted text made safe for one line of Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text, limit))


def badge(sources: Sequence[SourceLike], article: int) -> str:
    """The label of the `article`-th source of the reading set ("?" if there is none)."""
    if 0 <= article < len(sources):
        return sources[article].label
    return "?"


def _sources_md(sources: Sequence[SourceLike]) -> list[str]:
    lines = ["## Sources", ""]
    for src in sources:
        published = f" ({md_text(src.published, 40)})" if src.published else ""
        lines.append(f"- **{md_text(src.label, 80)}**: {md_text(src.title, 200)}{published}")
    return [*lines, ""]


def _sources_json(sources: Sequence[SourceLike]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": s.article_id,
            "label": s.label,
            "title": s.title,
            "published": s.published,
        }
        for s in sources
    ]


# --- timeline ------------------------------------------------------------------------------


def timeline_markdown(events: Sequence[Event], sources: Sequence[SourceLike]) -> str:
    """The timeline as Markdown: a heading per day, a bullet per event with its sources."""
    lines = ["# Timeline", "", *_sources_md(sources)]
    current: str | None = None
    for event in chronological(events):
        key = group_key(event.date)
        if key != current:
            current = key
            lines += [f"## {md_text(day_label(event.date), 80)}", ""]
        when = md_text(date_label(event.date, event.end, event.mod), 80)
        if event.inferred:
            when += " (inferred)"
        places = ", ".join(md_text(p, 60) for p in event.places)
        where = f" · {places}" if places else ""
        labels = ", ".join(md_text(badge(sources, s.article), 40) for s in event.sources)
        cited = f" — {labels}" if labels else ""
        lines.append(f"- **{when}**{where}: {md_text(event.summary)}{cited}")
    if not events:
        lines.append("No dated events.")
    return "\n".join(lines).rstrip() + "\n"


def timeline_json(events: Sequence[Event], sources: Sequence[SourceLike]) -> str:
    """The timeline as JSON: the sources, and each event with its readable date added."""
    data = {
        "sources": _sources_json(sources),
        "events": [
            {**e.to_json(), "label": date_label(e.date, e.end, e.mod)}
            for e in chronological(events)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- comparison ----------------------------------------------------------------------------


def _labels(comparison: dict[str, Any], sources: Sequence[SourceLike] | None) -> list[str]:
    if sources:
        return [s.label for s in sources]
    articles = comparison.get("articles") or []
    return [
        str(a.get("title") or a.get("path") or f"Source {i + 1}") for i, a in enumerate(articles)
    ]


def figure_text(value: object) -> str:
    """One source's figure with its hedge ("nearly $500 billion"); "" when it has none."""
    if not isinstance(value, dict):
        return ""
    text = str(value.get("text", ""))
    hedge = str(value.get("hedge") or "")
    if hedge and hedge.lower() not in text.lower():
        text = f"{hedge} {text}"
    return text


def _dicts(rows: object) -> list[dict[str, Any]]:
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


STATUS_WORDS = {"agree": "agree", "differ": "differ", "single": "one source only"}


def comparison_markdown(
    comparison: dict[str, Any], sources: Sequence[SourceLike] | None = None
) -> str:
    """The comparison as Markdown tables: shared entities, entities in one source only, and
    the ledger of figures."""
    labels = _labels(comparison, sources)
    head = " | ".join(md_text(lab, 40) for lab in labels)
    rule = " | ".join("---:" for _ in labels)
    lines = ["# Comparison", ""]
    if sources:
        lines += _sources_md(sources)
    entities = comparison.get("entities") or {}
    shared = _dicts(entities.get("shared")) if isinstance(entities, dict) else []
    only = _dicts(entities.get("only")) if isinstance(entities, dict) else []
    for title, rows in (("In every source", shared), ("Not in every source", only)):
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["None.", ""]
            continue
        lines += [f"| Entity | Kind | {head} |", f"| --- | --- | {rule} |"]
        for row in rows:
            counts = " | ".join(md_text(str(c), 12) for c in row.get("counts") or [])
            name = md_text(str(row.get("name", "")), 80)
            lines.append(f"| {name} | {md_text(str(row.get('kind', '')), 20)} | {counts} |")
        lines.append("")
    lines += ["## Figures", ""]
    numbers = _dicts(comparison.get("numbers"))
    if not numbers:
        lines += ["None.", ""]
    else:
        lines += [
            f"| Status | Figure | {head} |",
            f"| --- | --- | {' | '.join('---' for _ in labels)} |",
        ]
        for row in numbers:
            status = STATUS_WORDS.get(str(row.get("status", "")), str(row.get("status", "")))
            label = md_text(str(row.get("label") or row.get("unit") or ""), 80)
            values = " | ".join(md_text(figure_text(v) or "—", 80) for v in row.get("values") or [])
            lines.append(f"| {md_text(status, 20)} | {label} | {values} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def comparison_json(comparison: dict[str, Any], sources: Sequence[SourceLike] | None = None) -> str:
    """The comparison as JSON: the engine's dict, with the sources of the reading set."""
    data = {**comparison}
    if sources:
        data["sources"] = _sources_json(sources)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- files ---------------------------------------------------------------------------------


def default_export_dir() -> Path:
    """Where exports go unless told otherwise: a Broadsheet folder in the user's documents."""
    return platformdirs.user_documents_path() / "Broadsheet"


def write_export(
    directory: Path, stem: str, markdown: str, json_text: str, when: dt.datetime | None = None
) -> tuple[Path, Path]:
    """Write `<stem>-<timestamp>.md` and `.json` into `directory` (created if needed), never
    overwriting an earlier export. Returns the two paths."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{stem}-{stamp}"
    n = 1
    while (directory / f"{base}.md").exists() or (directory / f"{base}.json").exists():
        n += 1
        base = f"{stem}-{stamp}-{n}"
    md_path, json_path = directory / f"{base}.md", directory / f"{base}.json"
    md_path.write_text(markdown, encoding="utf-8")
    json_path.write_text(json_text, encoding="utf-8")
    return md_path, json_path
