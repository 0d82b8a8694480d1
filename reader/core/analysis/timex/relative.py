"""Resolvers of the timex families read against the anchor or the text: today, weekdays,
this/last/next units, durations, anaphora, sets, seasons, reference points and bare months."""

from __future__ import annotations

import datetime as dt
import re

from reader.core.analysis.timex import calendar as cal
from reader.core.analysis.timex.context import (
    Ctx,
    Found,
    Handler,
    clause_tense,
    lower_text,
    mid_sentence_capital,
    month_number,
    position_mod,
    weekday_date,
    weekday_number,
    year_for_month,
)
from reader.core.analysis.timex.lexicon import (
    MOD_VALUES,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    parse_number,
)


def _relday(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    a = ctx.anchor
    if g["rel"] and not g["pos"] and mid_sentence_capital(ctx.body, start):
        return None
    rel = lower_text(g["rel"] or g["det"])
    part = lower_text(g["part"] or g["part2"])
    shift = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and part:
        shift = -1 if part in ("night", "overnight") else 0
    if rel == "tonight":
        part = "night"
    date = cal.iso(a + dt.timedelta(days=shift)) if a else "XXXX-XX-XX"
    mod = position_mod(g["pos"])
    if part:
        return "TIME", f"{date}T{PARTS_OF_DAY[part]}", mod, "", a is not None
    return "DATE", date, mod, "", a is not None


_SUFFIXED_PARTS = frozenset({"evening"})


def _weekday(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    wd = weekday_number(g["wd"] or "")
    if g["plural"] or g["plural2"]:  # "on Mondays", "Tuesday nights": every such day
        part = lower_text(g["part"])
        suffix = f"T{PARTS_OF_DAY[part]}" if part else ""
        return "SET", f"XXXX-WXX-{wd + 1}{suffix}", "", "", False
    det = lower_text(g["det"])
    part = lower_text(g["part"])
    suffix = f"T{PARTS_OF_DAY[part]}" if part in _SUFFIXED_PARTS else ""
    mod = position_mod(g["pos"])
    if ctx.anchor is None:
        return "DATE", f"XXXX-WXX-{wd + 1}{suffix}", mod, "", False
    possessive = ctx.body[end - 2 : end].lower() in ("'s", "\u2019s")
    tense = 0 if det or possessive else clause_tense(ctx, start, end)
    d = weekday_date(ctx.anchor, wd, tense, det)
    return ("TIME" if suffix else "DATE"), cal.iso(d) + suffix, mod, "", True


_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|times|once|twice|units|seats|flights"
    r"|shares|tons|barrels))\W*\s*$",
    re.I,
)


def _duration(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    unit_word = lower_text(g["unit"] or g["unit2"])
    unit = UNITS.get(unit_word, unit_word)
    mod = MOD_VALUES.get(lower_text(g["mod"] or g["mod2"]), "")
    if g["approx"]:
        mod = (
            "APPROX"
            if "so" in lower_text(g["approx"])
            else "EQUAL_OR_MORE"
            if "more" in lower_text(g["approx"])
            else mod
        )
    if g["unit2"]:
        return "DURATION", cal.duration(1, unit), mod, "", False
    rate = lower_text(g["num"]) in ("a", "an") and not (
        g["tail"] or g["adj"] or g["mod"] or g["approx"]
    )
    if rate and _RATE_BEFORE.search(ctx.body, max(0, start - 24), start):
        return "SET", cal.duration(1, unit), "", "", False  # "$500 million a year"
    n = parse_number(g["num"]) if g["num"] else None
    if g["num"] and n is None:
        return None
    if n is not None and g["half"]:
        n += 0.5  # "a minute and a half"
    if unit == "quarter" and (lower_text(g["num"]) in ("a", "an") or "-" in ctx.body[start:end]):
        return None  # "a quarter of", "three-quarters": fractions
    tail = lower_text(g["tail"])
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


def _rel_unit(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    a = ctx.anchor
    if (g["unit"] or "")[:1].isupper() and mid_sentence_capital(ctx.body, start):
        return None  # a title: "on ABC's This Week"
    det = lower_text(g["det"])
    unit = lower_text(g["unit"])
    unit = "year" if unit == "years" else unit  # "this years festival" (a typo)
    mod = position_mod(g["pos"])
    tail = lower_text(g["tail"])
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
            future = clause_tense(ctx, start, end) > 0
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
    ctx: Ctx, season: str, step: int, mod: str, det: str, start: int, end: int
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


def _year_end(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if ctx.anchor is None:
        return "DATE", "XXXX-12-31", "", "", False
    return "DATE", f"{ctx.anchor.year:04d}-12-31", "", "", True


def _anaphor(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    det = lower_text(g["det"])
    unit = lower_text(g["unit"] or g["unit2"])
    ba = lower_text(g["ba"])
    step = -1 if det in ("the previous", "the preceding") or ba == "before" else 0
    step = 1 if det in ("the next", "the following") or ba == "after" else step
    mod = position_mod(g["pos"])
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


def _vague(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    unit = UNITS[lower_text(g["unit"])]
    adj = lower_text(g["adj"])
    tail = lower_text(g["tail"])
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


def _set(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    if g["adv"]:
        return "SET", _SET_ADV[lower_text(g["adv"])], "", "", False
    unit_word = lower_text(g["unit"] or g["unit2"])
    if unit_word in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit_word]}", "", "", False
    if unit_word in MONTHS:
        return "SET", f"XXXX-{MONTHS[unit_word]:02d}", "", "", False
    if unit_word in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit_word]}", "", "", False
    if unit_word.rstrip(".") in WEEKDAYS or unit_word.rstrip("s") in WEEKDAYS:
        return "SET", f"XXXX-WXX-{weekday_number(unit_word.rstrip('s')) + 1}", "", "", False
    unit = UNITS.get(unit_word, unit_word)
    num = lower_text(g["num"])
    n: float | None = 1.0
    if num == "other":
        n = 2.0
    elif num:
        n = parse_number(num)
    return "SET", cal.duration(n or 1.0, unit), "", "", False


def _season(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    season = lower_text(g["season"] or g["season2"])
    code = SEASONS[season]
    mod = position_mod(g["pos"] or g["pos2"])
    if g["year"]:
        return "DATE", f"{g['year']}-{code}", mod, "", False
    return _season_value(ctx, season, 0, mod, "", start, end)


def _ref(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
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


def _month_f(ctx: Ctx, g: dict[str, str | None], start: int, end: int) -> Found | None:
    name = g["month"] or ""
    det = lower_text(g["det"])
    mod = position_mod(g["pos"]) or position_mod(det if det in ("early", "late", "mid") else "")
    ambiguous = name in ("May", "MAY", "March", "MARCH") and not det and not g["pos"]
    if ambiguous and not _MAY_CONTEXT.search(ctx.body, max(0, start - 12), start):
        return None
    month = month_number(name)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod, "", False
    tense = (
        clause_tense(ctx, start, end)
        if det not in ("last", "next", "this past", "this coming")
        else 0
    )
    year = year_for_month(ctx.anchor, month, tense, det)
    return "DATE", cal.ym(year, month), mod, "", True


HANDLERS: dict[str, Handler] = {
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
