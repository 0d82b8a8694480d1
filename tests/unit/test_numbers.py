"""Money, percentages and counts: one invented example per rule of `find_numbers`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.model import Number
from reader.core.analysis.numbers.find import find_numbers


def only(text: str) -> Number:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("The port wants $120 billion from investors.", "$120 billion", 1.2e11, "USD"),
        ("Mill Town Seeks $75 Billion Rescue", "$75 Billion", 7.5e10, "USD"),
        ("The club paid €3.5m for the striker.", "€3.5m", 3.5e6, "EUR"),
        ("A fine of £25,000 was imposed.", "£25,000", 25000, "GBP"),
        ("The fund holds 3.4 trillion won in bonds.", "3.4 trillion won", 3.4e12, "KRW"),
        ("Tokyo set aside ¥800 billion for dams.", "¥800 billion", 8e11, "JPY"),
        ("They raised US$7 million.", "US$7 million", 7e6, "USD"),
        ("It cost 90,000 US dollars.", "90,000 US dollars", 90000, "USD"),
        ("Fares rose to 40 Hong Kong dollars.", "40 Hong Kong dollars", 40, "HKD"),
        ("Shares traded at 2.4 billion ringgit.", "2.4 billion ringgit", 2.4e9, "MYR"),
        ("Earnings were 73 cents a share.", "73 cents", 0.73, "USD"),
        ("Shares fell 40 Canadian cents.", "40 Canadian cents", 0.4, "CAD"),
        ("A $4-billion bridge.", "$4-billion", 4e9, "USD"),
        ("a $2-million-a-year grant", "$2-million", 2e6, "USD"),
        ("It fetched 600 pounds sterling.", "600 pounds sterling", 600, "GBP"),
        ("A bridge worth NZ $ 14 million.", "NZ $ 14 million", 1.4e7, "NZD"),
        ("Profit rose to dlrs 6.1 billion.", "dlrs 6.1 billion", 6.1e9, "USD"),
        ("Loans of USD 40 million were cut.", "USD 40 million", 4e7, "USD"),
    ],
)
def test_money(text: str, figure: str, value: float, unit: str) -> None:
    n = only(text)
    assert (n.text, n.kind, n.unit) == (figure, "money", unit)
    assert n.value == pytest.approx(value)
    assert text[n.start : n.end] == figure


def test_multimillion_dollar_is_not_a_figure() -> None:
    assert find_numbers("They announced multimillion-dollar solar projects.") == []
    assert find_numbers("a million-dollar view") == []


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The city borrowed nearly $60 billion.", "nearly"),
        ("Fines of up to $60 billion loom.", "up to"),
        ("He spent more than $60 billion.", "more than"),
        ("It earned about $60 billion.", "about"),
        ("Costs are at least $60 billion.", "at least"),
        ("Almost $60 billion vanished.", "almost"),
        ("Over $60 billion was pledged.", "over"),
    ],
)
def test_hedge_is_kept_out_of_the_span(text: str, hedge: str) -> None:
    n = only(text)
    assert n.hedge == hedge
    assert n.text == "$60 billion"


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Exports fell 25% in May.", "25%", 25, "%"),
        ("Prices rose 3.1 percent.", "3.1 percent", 3.1, "%"),
        ("Turnout was 62 per cent.", "62 per cent", 62, "%"),
        ("The rate rose 0.5 percentage points.", "0.5 percentage points", 0.5, "percentage points"),
    ],
)
def test_percentages(text: str, figure: str, value: float, unit: str) -> None:
    n = only(text)
    assert (n.text, n.kind, n.unit) == (figure, "percent", unit)
    assert n.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "hedge"),
    [
        ("Police held over 200 Norwegian fishermen.", "200", 200, "Norwegian fishermen", "over"),
        ("Delegates from 14 member states met.", "14", 14, "member states", ""),
        ("At least 58 people were hurt.", "58", 58, "people", "at least"),
        ("Seven ferries sank.", "Seven", 7, "ferries", ""),
        ("twelve lighthouses stand", "twelve", 12, "lighthouses", ""),
        ("a dozen bakeries closed", "a dozen", 12, "bakeries", ""),
        ("two million tourists came", "two million", 2e6, "tourists", ""),
        ("twenty-four pilots quit", "twenty-four", 24, "pilots", ""),
        ("three hundred and five sheep", "three hundred and five", 305, "sheep", ""),
        ("Some 4,500 nurses marched.", "4,500", 4500, "nurses", "some"),
        ("It moved 1.8 million barrels.", "1.8 million", 1.8e6, "barrels", ""),
        ("The index closed at 3,412.55.", "3,412.55", 3412.55, "", ""),
        ("a 12,000 square metre hall", "12,000", 12000, "square metre", ""),
        ("Although 2,300 tickets sold, it closed.", "2,300", 2300, "tickets", ""),
        ("Police seized 40 fishermen's boats.", "40", 40, "fishermen's boats", ""),
    ],
)
def test_counts(text: str, figure: str, value: float, unit: str, hedge: str) -> None:
    n = only(text)
    assert (n.text, n.kind, n.unit, n.hedge) == (figure, "quantity", unit, hedge)
    assert n.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The dam took three years to build.",  # duration
        "a 10-day strike",  # duration as a modifier
        "Founded in 1987, it closed in 2019.",  # years
        "The vote is on March 4, and ends 9 April.",  # days of a month
        "Doors open at 7:30 p.m. or 8 pm.",  # clock times
        "It was her second time in Oslo.",  # ordinal word
        "He finished 21st.",  # ordinal digits
        "F-35 jets and G7 leaders",  # identifiers
        "The 15-member council",  # hyphenated modifier
        "They won 3-2.",  # a score
        "The 1980s were loud.",  # a decade
        "One of them left; no one stayed.",  # bare "one"
        "Article 5 applies.",  # a label, nothing counted
        "The No. 3 seed lost.",  # a rank
        "The pole is 5m tall.",  # a length, not money
        "It grew three times faster.",  # a multiplier
        "9" * 400 + " people",  # too large to be a figure
    ],
)
def test_not_figures(text: str) -> None:
    assert find_numbers(text) == []


def test_several_in_order_with_offsets() -> None:
    text = "Crews saved 40 horses and $3 million in feed; losses hit 12%."
    found = find_numbers(text)
    assert [(n.text, n.kind) for n in found] == [
        ("40", "quantity"),
        ("$3 million", "money"),
        ("12%", "percent"),
    ]
    assert all(text[n.start : n.end] == n.text for n in found)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 ,.$€£¥%-:abcdefmnorstuvwyBMT\n'’“”"))
        | st.characters(),
        max_size=120,
    )
)
def test_any_text_gives_valid_offsets(text: str) -> None:
    last = -1
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert text[n.start : n.end] == n.text
        assert n.start >= last
        last = n.end


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "$",
                "5",
                "12",
                "1,200",
                "3.5",
                "billion",
                "percent",
                "%",
                "nearly",
                "up to",
                "people",
                "won",
                "three",
                "years",
                "-",
                "May",
                "2020",
                " ",
                ".",
                "a",
                "dozen",
            ]
        ),
        max_size=30,
    )
)
def test_number_like_text_gives_valid_offsets(parts: list[str]) -> None:
    text = " ".join(parts)
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text
