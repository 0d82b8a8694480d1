"""TIMEX3 tagging: every resolution rule of `reader.core.analysis.timex.find`, on invented sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.analysis.model import TimeExpr
from reader.core.analysis.timex.find import find_times

ANCHOR = dt.date(2025, 10, 29)  # a Wednesday
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def one(text: str, phrase: str, anchor: dt.date | None = ANCHOR) -> TimeExpr:
    """The expression whose span covers `phrase` (asserting there is exactly one)."""
    start = text.index(phrase)
    hits = [t for t in find_times(text, anchor) if t.start < start + len(phrase) and start < t.end]
    assert len(hits) == 1, hits
    return hits[0]


def value(text: str, phrase: str, anchor: dt.date | None = ANCHOR) -> str:
    return one(text, phrase, anchor).value


# ------------------------------------------------------------------ explicit dates
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The deal was signed on 29 October 2025 in Busan.", "29 October 2025", "2025-10-29"),
        ("The deal was signed on Oct. 29, 2025 in Busan.", "Oct. 29, 2025", "2025-10-29"),
        ("The form is dated 10/29/2025 at the top.", "10/29/2025", "2025-10-29"),
        ("The log says 2025-10-29 for the outage.", "2025-10-29", "2025-10-29"),
        ("She took office in June 2025 after the vote.", "June 2025", "2025-06"),
        ("Output grew in the third quarter of 2025 again.", "the third quarter of 2025", "2025-Q3"),
        ("The bridge opened in 2005 to great fanfare.", "2005", "2005"),
        ("Sales in fiscal 2025 beat the plan.", "fiscal 2025", "2025"),
        ("Prices soared in the 1980s and fell later.", "the 1980s", "198"),
        ("Rents doubled during the 1990s in the city.", "1990s", "199"),
        ("It was built in the 19th century by monks.", "the 19th century", "18"),
        ("The plant closes at the end of the first half of 2026.", "first half of 2026", "2026-H1"),
        ("The museum reopened in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ],
)
def test_explicit_dates(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


def test_month_day_without_year_takes_the_nearest_year() -> None:
    assert value("The bill passed on Oct. 20 with votes to spare.", "Oct. 20") == "2025-10-20"
    assert value("The hearing is set for Jan. 14 in Boston.", "Jan. 14") == "2026-01-14"


def test_weekday_before_a_date_pins_it() -> None:
    assert value("Polls open Friday, October 31 at dawn.", "Friday, October 31") == "2025-10-31"


def test_mid_year_and_position_mods() -> None:
    mid = one("Construction should end by mid-2024 at the latest.", "mid-2024")
    assert (mid.value, mid.mod) == ("2024", "MID")
    early = one("Talks resumed in early October after a pause.", "early October")
    assert (early.value, early.mod) == ("2025-10", "START")
    late = one("Snow came in late November last winter.", "late November")
    assert (late.value, late.mod) == ("2025-11", "END")


def test_range_carries_start_and_end() -> None:
    text = "The fair runs from October 27 to November 1, 2025 in the old town."
    first, second = [t for t in find_times(text, ANCHOR) if t.start >= text.index("October")][:2]
    assert (first.text, first.value, first.range_end) == ("October 27", "2025-10-27", "2025-11-01")
    assert (second.text, second.value) == ("November 1, 2025", "2025-11-01")


def test_day_first_range() -> None:
    text = "The festival ran 27–29 October 2025 near the port."
    first = one(text, "27")
    assert (first.value, first.range_end) == ("2025-10-27", "2025-10-29")


# ------------------------------------------------------------------ relative to the anchor
def test_weekday_same_as_anchor_is_the_anchor() -> None:
    assert value("The minister resigned Wednesday after the vote.", "Wednesday") == "2025-10-29"


def test_weekday_in_past_clause_is_the_previous_one() -> None:
    assert value("The mayor said Monday that the road was closed.", "Monday") == "2025-10-27"


def test_weekday_in_future_clause_is_the_next_one() -> None:
    assert value("On Thursday, she's slated to meet the board.", "Thursday") == "2025-10-30"
    assert value("The council will vote on Monday about the park.", "Monday") == "2025-11-03"


def test_weekday_tense_cues() -> None:
    assert value("The envoy could arrive as soon as Friday, aides said.", "Friday") == "2025-10-31"
    assert value("Traders sold ahead of the weekend in Tokyo.", "the weekend") == "2025-W44-WE"
    assert value("Critics will appeal Monday's ruling.", "Monday") == "2025-10-27"


def test_names_ending_in_ed_are_not_past_tense() -> None:
    assert value("On Thursday, Ahmed and his aides are to fly home.", "Thursday") == "2025-10-30"


def test_passive_participle_is_not_past_tense() -> None:
    assert value("She will be named commander for a mission in July.", "July") == "2026-07"


def test_following_year_and_each_month() -> None:
    text = "He was promoted on May 22, 1995, and the following year he moved."
    assert value(text, "the following year") == "1996"
    te = one("Marchers parade each July through town.", "each July")
    assert (te.type, te.value) == ("SET", "XXXX-07")


def test_last_and_next_weekday() -> None:
    assert value("The team lost last Wednesday at home.", "last Wednesday") == "2025-10-22"
    assert value("The team plays next Wednesday away.", "next Wednesday") == "2025-11-05"


def test_weekday_with_part_of_day() -> None:
    assert value("Fans gathered Tuesday night outside.", "Tuesday night") == "2025-10-28"
    assert value("Fans gathered Tuesday evening outside.", "Tuesday evening") == "2025-10-28TEV"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Markets fell today across Asia.", "today", "2025-10-29"),
        ("Markets fell yesterday across Asia.", "yesterday", "2025-10-28"),
        ("Markets may rally tomorrow in Asia.", "tomorrow", "2025-10-30"),
        ("The band plays tonight downtown.", "tonight", "2025-10-29TNI"),
        ("The ferry sank this morning off the coast.", "this morning", "2025-10-29TMO"),
        ("The ferry sank last night off the coast.", "last night", "2025-10-28TNI"),
        ("The poll opens in January this year for all.", "January this year", "2025-01"),
        (
            "Sales rose more than four decades ago in the town.",
            "more than four decades ago",
            "P40Y",
        ),
        ("Sales rose this week in the region.", "this week", "2025-W44"),
        ("Sales rose last week in the region.", "last week", "2025-W43"),
        ("Sales should rise next month in the region.", "next month", "2025-11"),
        ("Sales rose last year in the region.", "last year", "2024"),
        ("Prices rose two years ago in the region.", "two years ago", "2023"),
        ("Prices rose three months ago in the region.", "three months ago", "2025-07"),
        ("The visit earlier in the week went well.", "earlier in the week", "2025-W44"),
        ("Results for the fourth quarter come soon.", "the fourth quarter", "2025-Q4"),
        ("The club held a gala last summer by the lake.", "last summer", "2025-SU"),
    ],
)
def test_relative_days_weeks_months_years(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


def test_earlier_this_month_is_start() -> None:
    te = one("Earlier this month the plant shut down.", "Earlier this month")
    assert (te.value, te.mod) == ("2025-10", "START")


def test_month_name_without_year() -> None:
    assert value("The strike began in September and spread.", "September") == "2025-09"
    assert value("The rules will change in January for everyone.", "January") == "2026-01"
    assert value("The ship docked in March and left.", "March") == "2025-03"


def test_may_as_a_verb_is_not_a_month() -> None:
    assert find_times("May the best team win the cup.", ANCHOR) == []


def test_weekend_just_past_and_coming() -> None:
    assert value("Crowds came over the weekend to the fair.", "the weekend") == "2025-W43-WE"
    assert value("Crowds will come this weekend to the fair.", "this weekend") == "2025-W44-WE"


def test_the_day_before_an_event_is_not_an_anaphor() -> None:
    text = "He was seen on Nov. 3, the day before police issued a warrant."
    assert [t.text for t in find_times(text, ANCHOR)] == ["Nov. 3"]
    text = "The storm hit on March 3, 2019. Power had failed the day before."
    assert value(text, "the day before") == "2019-03-02"


def test_anaphora_that_day_and_that_year() -> None:
    text = "The storm hit on March 3, 2019. Later that day the power failed."
    assert value(text, "Later that day") == "2019-03-03"
    text = "The firm was founded in 1998. That year it hired ten people."
    assert value(text, "That year") == "1998"


def test_year_ago_quarters() -> None:
    text = (
        "Profit in the third quarter beat the year-earlier third quarter and last year's quarter."
    )
    got = {t.text: t.value for t in find_times(text, ANCHOR)}
    assert got["the third quarter"] == "2025-Q3"
    assert got["the year-earlier third quarter"] == "2024-Q3"
    assert got["last year's quarter"] == "2024-Q3"


def test_year_ago_comparisons_in_earnings_reports() -> None:
    text = "The firm lost money in the third quarter, against a year-earlier profit."
    assert value(text, "year-earlier") == "2024-Q3"
    text = "Sales rose in the second quarter. For the quarter a year ago, sales fell."
    assert value(text, "the quarter a year ago") == "2024-Q2"
    text = "Profit rose in the third quarter from the corresponding period last year."
    assert value(text, "the corresponding period last year") == "2024-Q3"


def test_quarter_references_follow_the_last_named_quarter() -> None:
    text = "Profit in the third quarter rose. The quarter was strong, up from a year earlier."
    assert value(text, "The quarter") == "2025-Q3"
    assert value(text, "a year earlier") == "2024-Q3"


# ------------------------------------------------------------------ references and durations
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Prices are now higher than ever.", "now", "PRESENT_REF"),
        ("The firm currently employs forty people.", "currently", "PRESENT_REF"),
        ("The firm recently hired forty people.", "recently", "PAST_REF"),
        ("Tension has grown in recent years across the region.", "recent years", "PAST_REF"),
        ("Nobody knows what the near future holds.", "the near future", "FUTURE_REF"),
    ],
)
def test_reference_points(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The drought lasted three years in the south.", "three years", "P3Y"),
        ("The talks took 24 hours to finish.", "24 hours", "PT24H"),
        ("The state sold a 10-year bond to banks.", "10-year", "P10Y"),
        ("It waited a month for the permit.", "a month", "P1M"),
        ("Over the past three months the price fell.", "the past three months", "P3M"),
        ("The feud has run for decades in the valley.", "decades", "PXDE"),
        ("The family has farmed here for years now.", "years", "PXY"),
        ("More storms are due in the coming weeks.", "the coming weeks", "PXW"),
        ("The repair took 5 1/2 hours in total.", "5 1/2 hours", "PT5H30M"),
    ],
)
def test_durations(text: str, phrase: str, expected: str) -> None:
    te = one(text, phrase)
    assert (te.type, te.value) == ("DURATION", expected)


def test_duration_hedges_become_mods() -> None:
    te = one("The siege lasted nearly forty years in all.", "nearly forty years")
    assert (te.value, te.mod) == ("P40Y", "EQUAL_OR_LESS")
    assert one("It took about two hours.", "about two hours").mod == "APPROX"


def test_ages_are_not_durations() -> None:
    text = "A 6-year-old boy was found safe."
    assert [t.text for t in find_times(text, ANCHOR)] == []


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The paper is printed daily in the capital.", "daily", "P1D"),
        ("The club meets weekly at the hall.", "weekly", "P1W"),
        ("The club meets every week at the hall.", "every week", "P1W"),
        ("The club meets every Monday at the hall.", "every Monday", "XXXX-WXX-1"),
        ("The club meets twice a week at the hall.", "twice a week", "P1W"),
        ("The club meets on Mondays at the hall.", "Mondays", "XXXX-WXX-1"),
        ("The fee is paid annually by members.", "annually", "P1Y"),
        ("The plan saves $500 million a year in costs.", "a year", "P1Y"),
    ],
)
def test_sets(text: str, phrase: str, expected: str) -> None:
    te = one(text, phrase)
    assert (te.type, te.value) == ("SET", expected)


def test_clock_times() -> None:
    te = one("The polls close at 8 p.m. EST Tuesday in the state.", "8 p.m. EST Tuesday")
    assert (te.type, te.value) == ("TIME", "2025-10-28T20:00")
    assert value("The train left at 15:11 GMT sharp.", "15:11 GMT") == "2025-10-29T15:11"


def test_years_that_are_amounts_are_skipped() -> None:
    assert find_times("The company paid $2000 in fines and cut 1500 jobs.", ANCHOR) == []


def test_title_words_are_not_dates() -> None:
    assert find_times("The motto is Building a Better Tomorrow for all.", ANCHOR) == []
    assert find_times("They watched the film High Noon again.", ANCHOR) == []
    assert find_times("He spoke on ABC's This Week show.", ANCHOR) == []


def test_the_month_of_march() -> None:
    assert [t.text for t in find_times("The month of March is hot here.", ANCHOR)] == ["March"]
