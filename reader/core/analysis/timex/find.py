"""Dates and times as TimeML TIMEX3 expressions (types DATE, TIME, DURATION, SET).

`find_times(body, anchor)` scans the text once with one precompiled alternation of rule
families (`timex_rules.py`, words in `timex_lexicon.py`), each a plain regular expression
without nested unbounded repetition, so the scan is linear in the length of the text. Every
hit is resolved to a TIMEX3 value against the anchor (the publication date) and a little
discourse state (`timex_context.py`) by its family's resolver (`timex_dates.py` for calendar
units named outright, `timex_relative.py` for the rest; arithmetic in `timex_calendar.py`).

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
  nearest cue wins, but a cue on the expression's side of a quotation mark beats one across
  it, and then one between the same commas, brackets or "that" beats one outside them (in
  "said on Monday that it would close on Friday" the "would" governs Friday; in "the bill,
  which passed in March, would ..." the "passed" governs March). Future cues are will,
  'll, shall, would, going to, plan(s) to, planned, scheduled, slated, set to, due,
  expected to, expects, intends, upcoming, next, is/are to, as soon as, ahead of; past cues
  are said, told, was, were, had, has, have, did, ago, last, earlier, since, common
  irregular past forms (began, brought, took, won ...) and any lower-case word ending in
  -ed, neither of them a passive ("will be named", "to be held"; an -ed word counts at
  twice its distance). An auxiliary with a plan word is one cue: "was/were scheduled
  (planning, due, expected, set to)" looks ahead, "had (been) due" is past. A deadline
  looks ahead: "effective Feb. 1", and "by February" unless a past cue other than an -ed
  word stands between the same commas ("had filed by Wednesday"). "since September" is
  behind the anchor, never ahead of it: the latest such month, day or weekday not after
  the anchor (a June article's "since September" is the September before). No cue: unknown. A possessive weekday
  ("Wednesday's ruling") ignores the tense.
* A weekday ("Monday") is the anchor itself when it names the anchor's weekday; otherwise
  the previous such day, or the next one when the clause is in the future tense. "last
  Monday" is strictly before the anchor, "next Monday" strictly after, "this Monday" follows
  the tense. "Wednesday night"/"Monday morning" -> the day itself (as the TempEval-3 and GUM data
  mostly do), "Friday evening" -> 2025-10-24TEV (TIME).
* A month without a year is the nearest such month (at most six months away), moved a year
  back in a past clause when it is more than three months ahead and a year on in a future
  clause when it is more than a month behind; "last October"/"next October" are the latest
  such month before the anchor's and the next one not before it. A month and day without a
  year is the nearest such day, moved back in a past clause when it is more than 92 days
  ahead and on in a future clause when it is more than 31 days behind; after "ended" ("the
  fiscal year ended Jan. 31") it is the latest one on or before the anchor.
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
from collections.abc import Iterator

from reader.core.analysis.model import TimeExpr
from reader.core.analysis.timex.context import Ctx, Found, Handler, note_value, parse_iso
from reader.core.analysis.timex.dates import HANDLERS as DATE_HANDLERS
from reader.core.analysis.timex.relative import HANDLERS as RELATIVE_HANDLERS
from reader.core.analysis.timex.rules import CONTENT, MASTER, TRIGGERS, family_rx

__all__ = ["find_times", "infer_anchor"]

_HANDLERS: dict[str, Handler] = {**DATE_HANDLERS, **RELATIVE_HANDLERS}


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
    ctx = Ctx(body=body, anchor=anchor)
    out: list[TimeExpr] = []
    for m in _hits(body):
        family = m.lastgroup or ""
        start, end = m.span()
        sub = family_rx(family).fullmatch(body, start, end)
        if sub is None:
            continue
        try:
            found = _HANDLERS[family](ctx, sub.groupdict(), start, end)
        except (OverflowError, ValueError):
            continue  # an anchor at the ends of the calendar: nothing to resolve against
        if found is None:
            continue
        kind, value, mod, range_end, relative = found
        note_value(ctx, value)
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
        d = parse_iso(te.value[:10])
        if d and (best is None or d > best):
            best = d
        if te.range_end:
            e = parse_iso(te.range_end[:10])
            if e and (best is None or e > best):
                best = e
    return best
