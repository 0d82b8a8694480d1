"""Clause tense for dates without a year or week: which cue governs the expression.

Invented news sentences, read on Wednesday 29 October 2025 like those in `test_timex.py`.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.analysis.timex.find import find_times

ANCHOR = dt.date(2025, 10, 29)  # a Wednesday


def value(text: str, phrase: str) -> str:
    start = text.index(phrase)
    hits = [t for t in find_times(text, ANCHOR) if t.start < start + len(phrase) and start < t.end]
    assert len(hits) == 1, hits
    return hits[0].value


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a relative clause between commas keeps its own verb
        (
            "The senator said Tuesday that the bill, which passed the House in March, "
            "would reach the floor in December.",
            "March",
            "2025-03",
        ),
        # the verb inside a quotation governs it, not the reporting verb outside
        ('"The ferry will sail at dawn (on Friday)," the captain said.', "Friday", "2025-10-31"),
        ("''We will close the plant on Friday,'' the owner said.", "Friday", "2025-10-31"),
    ],
)
def test_reported_and_relative_clauses(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("A vote on Friday was expected to settle the dispute.", "Friday", "2025-10-31"),
        (
            "The talks, which had been due to start on Friday, will be held in May.",
            "Friday",
            "2025-10-24",
        ),
        ("The group said it expects the bridge to reopen on Saturday.", "Saturday", "2025-11-01"),
    ],
)
def test_plans_with_an_auxiliary(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Rents are up since March, and landlords will raise them again.", "March", "2025-03"),
        (
            "The storm struck on Friday and crews will need weeks to clear it.",
            "Friday",
            "2025-10-24",
        ),
        ("The final will be held in Berlin on Friday.", "Friday", "2025-10-31"),
    ],
)
def test_past_cues_since_and_irregular_verbs(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The firm, the lender said, must repay the loan by February.", "February", "2026-02"),
        ("The firm said it named a new chairman, effective Feb. 1.", "Feb. 1", "2026-02-01"),
        ("The agency had received 300 complaints by Monday.", "Monday", "2025-10-27"),
    ],
)
def test_deadlines_look_ahead(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


def test_relative_day_at_the_start_of_a_line_after_a_dateline() -> None:
    text = "Wednesday, October 29, 2025\n\nYesterday, the ferry sank off the coast."
    assert value(text, "Yesterday") == "2025-10-28"


def test_a_period_that_ended_is_in_the_past() -> None:
    text = "In the quarter ended Dec. 31, the chain sold more boots."
    assert value(text, "Dec. 31") == "2024-12-31"
    assert value("The chain will report results on Dec. 31.", "Dec. 31") == "2025-12-31"


JUNE = dt.date(2025, 6, 5)  # the ECB's June 2025 meeting, a Thursday


def june_value(text: str, phrase: str) -> str:
    start = text.index(phrase)
    hits = [t for t in find_times(text, JUNE) if t.start < start + len(phrase) and start < t.end]
    assert len(hits) == 1, hits
    return hits[0].value


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "since" starts behind the anchor, however far: never the September ahead
        ("Policymakers have lowered borrowing costs since September.", "September", "2024-09"),
        ("Since September, the bank has cut rates four times.", "September", "2024-09"),
        ("Prices have risen since early November, the bank said.", "November", "2024-11"),
        ("Rates have fallen since January.", "January", "2025-01"),
        ("Exports have slipped since Sept. 12, officials said.", "Sept. 12", "2024-09-12"),
        ("Shares have climbed since Tuesday.", "Tuesday", "2025-06-03"),
        # "by" looks ahead even when an -ed word stands in the clause
        ("Markets priced one more cut by December, analysts said.", "December", "2025-12"),
        ("The bank said inflation would fall to target by December.", "December", "2025-12"),
        # a past auxiliary still governs a deadline ("had … by")
        ("The bank had cut rates four times by December.", "December", "2024-12"),
        ("It expects another cut next March.", "next March", "2026-03"),
        ("The ECB cut rates last May.", "last May", "2025-05"),
    ],
)
def test_since_is_behind_and_by_is_ahead(text: str, phrase: str, expected: str) -> None:
    assert june_value(text, phrase) == expected
