"""TIMEX3, continued: without an anchor, inferred anchors, any text (properties), the seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_timex import ANCHOR, SEEDS

from reader.core.analysis import analyze
from reader.core.analysis.timex.find import find_times, infer_anchor
from reader.core.article import Article


# ------------------------------------------------------------------ without an anchor
def test_no_anchor_leaves_relative_values_unresolved() -> None:
    text = (
        "The mayor spoke Monday. Sales rose last year and today they fell. In October, it rained."
    )
    got = {t.text: t.value for t in find_times(text, None)}
    assert got["Monday"] == "XXXX-WXX-1"
    assert got["last year"] == "XXXX"
    assert got["today"] == "XXXX-XX-XX"
    assert got["October"] == "XXXX-10"
    assert not any(t.inferred for t in find_times(text, None))


def test_infer_anchor_takes_the_latest_full_date() -> None:
    body = "The plan was drafted on March 3, 2019 and approved on June 5, 2019. Work starts Monday."
    assert infer_anchor(body) == dt.date(2019, 6, 5)
    assert infer_anchor("Nothing here but the year 2019 and May.") is None


def test_analyze_marks_values_resolved_from_an_inferred_anchor() -> None:
    body = "Approved on June 5, 2019 by the board. Work started Monday. The plan dates from 2017."
    result = analyze(Article(title="t", body=body))
    assert result.anchor == "2019-06-05"
    assert result.anchor_inferred
    by_text = {t.text: t for t in result.dates}
    assert by_text["Monday"].value == "2019-06-03"
    assert by_text["Monday"].inferred
    assert not by_text["June 5, 2019"].inferred
    assert not by_text["2017"].inferred


def test_analyze_with_an_anchor_from_other_articles() -> None:
    article = Article(title="t", body="The council met Monday about the bridge.")
    result = analyze(article, dt.date(2025, 10, 29), inferred=True)
    assert [(t.value, t.inferred) for t in result.dates] == [("2025-10-27", True)]


def test_analyze_with_a_stated_date_is_not_inferred() -> None:
    article = Article(title="t", body="The council met Monday.", published=ANCHOR)
    result = analyze(article)
    assert [(t.value, t.inferred) for t in result.dates] == [("2025-10-27", False)]


# ------------------------------------------------------------------ robustness
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.booleans())
def test_any_text_gives_valid_spans(text: str, anchored: bool) -> None:
    for te in find_times(text, ANCHOR if anchored else None):
        assert 0 <= te.start < te.end <= len(text)
        assert text[te.start : te.end] == te.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "last",
                "next",
                "3",
                "2025",
                "October",
                "Monday",
                "years",
                "ago",
                "-",
                " ",
                ",",
                "early",
                "quarter",
                "third",
                "to",
                "29",
                "a",
                "week",
                "p.m.",
                "'80s",
                "every",
            ]
        ),
        max_size=40,
    )
)
def test_time_words_in_any_order_give_valid_spans(words: list[str]) -> None:
    text = " ".join(words)
    for te in find_times(text, ANCHOR):
        assert text[te.start : te.end] == te.text


def test_a_huge_single_line_does_not_hang() -> None:
    text = ("on Monday 3 4 5 the the last 2025-10-29 12:30 and the rest " * 4000)[:200_000]
    assert len(find_times(text, ANCHOR)) > 100


# ------------------------------------------------------------------ the seed articles
def test_seed_articles() -> None:
    a = (SEEDS / "000_d0c9a5442af8cceb.txt").read_text(encoding="utf-8")
    b = (SEEDS / "004_63409f79bb164e22.txt").read_text(encoding="utf-8")
    got_a = {t.text: t for t in find_times(a, ANCHOR)}
    assert got_a["June 2025"].value == "2025-06"
    assert got_a["the third quarter of 2025"].value == "2025-Q3"
    assert (got_a["October 27"].value, got_a["October 27"].range_end) == (
        "2025-10-27",
        "2025-11-01",
    )
    got_b = find_times(b, ANCHOR)
    values: dict[str, set[str]] = {t.text: set() for t in got_b}
    for t in got_b:
        values[t.text].add(t.value)
    assert values["Wednesday"] == {"2025-10-29"}
    assert values["Monday"] == {"2025-10-27"}
    assert values["Thursday"] == {"2025-10-30"}
    assert values["earlier in the week"] == {"2025-W44"}
    early = next(t for t in got_b if t.text == "early October")
    assert (early.value, early.mod) == ("2025-10", "START")


def test_trigger_words_cover_every_family() -> None:
    """The fast scan (`_hits`) finds what the plain scan of the big alternation finds."""
    from reader.core.analysis.timex.find import _hits
    from reader.core.analysis.timex.rules import MASTER

    source = Path(__file__).read_text(encoding="utf-8")
    extra = (
        "an additional five years; the year-ago period; 2 1/2 years; the 1988 period; '80s; "
        "Q3 2025; FY2025; at least 30 days; no more than two weeks; a couple of years; "
        "the near future; at present; on Mondays; Election Day; right now; so far this year; "
        "this coming Sunday, March eighth; noon Saturday; 4 a.m. EDT Thursday; year-end; "
        "the nineties; the 20th century; nineteen ninety-six; twice a week; every other week"
    )
    for text in (source, extra):
        assert [m.span() for m in _hits(text)] == [m.span() for m in MASTER.finditer(text)]
