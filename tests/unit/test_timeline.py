"""The timeline from hand-built analyses: it does not depend on the date engine's progress."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.model import Analysis, Entity, TimeExpr
from reader.core.analysis.text.clauses import SUMMARY_LIMIT, clause_span, summary
from reader.core.analysis.timeline.build import Event, build_timeline
from reader.core.analysis.timeline.dates import date_bounds
from reader.core.article import Article


def timex(body: str, text: str, value: str, type_: str = "DATE", **kw: object) -> TimeExpr:
    start = body.index(text)
    return TimeExpr(text, start, start + len(text), type_, value, **kw)  # type: ignore[arg-type]


def entity(body: str, text: str, kind: str, name: str = "") -> Entity:
    start = body.index(text)
    return Entity(text, kind, start, start + len(text), name or text)  # type: ignore[arg-type]


def item(
    body: str,
    dates: list[tuple[str, str]] | list[TimeExpr],
    entities: list[Entity] | None = None,
    path: str = "a.txt",
    inferred: bool = False,
) -> tuple[Article, Analysis]:
    exprs = [d if isinstance(d, TimeExpr) else timex(body, d[0], d[1]) for d in dates]
    article = Article(title="t", body=body, path=path, published=dt.date(2031, 5, 14))
    return article, Analysis(
        entities=entities or [], dates=exprs, anchor="2031-05-14", anchor_inferred=inferred
    )


def dates(events: list[Event]) -> list[str]:
    return [e.date for e in events]


def test_one_event_per_resolved_date_in_chronological_order() -> None:
    body = "The ferry sank on Tuesday. The inquiry opened in March. Divers returned on May 2."
    events = build_timeline(
        [item(body, [("Tuesday", "2031-05-13"), ("March", "2031-03"), ("May 2", "2031-05-02")])]
    )
    assert dates(events) == ["2031-03", "2031-05-02", "2031-05-13"]
    assert events[0].summary == "The inquiry opened in March."
    src = events[0].sources[0]
    assert body[src.start : src.end] == "The inquiry opened in March."
    assert body[src.date_start : src.date_end] == src.date_text == "March"


def test_the_same_date_twice_in_one_clause_is_one_event() -> None:
    body = "Talks ran on Monday and were still running late on Monday night."
    first = timex(body, "Monday", "2031-05-12")
    k = body.rindex("Monday")
    second = TimeExpr("Monday", k, k + 6, "DATE", "2031-05-12")
    assert len(build_timeline([item(body, [first, second])])) == 1


def test_a_date_alone_on_its_line_is_a_dateline_not_an_event() -> None:
    body = "Tuesday, May 13, 2031\nThe ferry sank on Tuesday."
    exprs = [
        timex(body, "Tuesday, May 13, 2031", "2031-05-13"),
        timex(body, "Tuesday.", "2031-05-13"),
    ]
    events = build_timeline([item(body, exprs)])
    assert [e.summary for e in events] == ["The ferry sank on Tuesday."]


def test_durations_sets_refs_and_unresolved_values_are_skipped() -> None:
    body = "It lasted three weeks. Boats sail every Monday. Now it is calm. On 10 July it rained."
    exprs = [
        timex(body, "three weeks", "P3W", "DURATION"),
        timex(body, "every Monday", "XXXX-WXX-1", "SET"),
        timex(body, "Now", "PRESENT_REF"),
        timex(body, "10 July", "XXXX-07-10"),
    ]
    assert build_timeline([item(body, exprs)]) == []


def test_a_year_naming_a_thing_is_not_an_event() -> None:
    body = "She chaired the 2029 Harbour Forum. The dock was rebuilt in 2029."
    start = body.index("2029")
    named = TimeExpr("2029", start, start + 4, "DATE", "2029")
    assert build_timeline([item(body, [named])]) == []
    plain = timex(body, "2029.", "2029")
    plain = TimeExpr("2029", plain.start, plain.start + 4, "DATE", "2029")
    assert dates(build_timeline([item(body, [plain])])) == ["2029"]


def test_coarser_values_sort_before_days_they_contain_and_ties_keep_source_order() -> None:
    body = "Rain fell on 1 June. Floods came in June. Crops failed on 1 June too."
    exprs = [
        timex(body, "1 June", "2031-06-01"),
        TimeExpr("June", body.index("in June") + 3, body.index("in June") + 7, "DATE", "2031-06"),
        TimeExpr("1 June", body.rindex("1 June"), body.rindex("1 June") + 6, "DATE", "2031-06-01"),
    ]
    events = build_timeline([item(body, exprs)])
    assert dates(events) == ["2031-06", "2031-06-01", "2031-06-01"]
    assert events[1].sources[0].start < events[2].sources[0].start


def test_from_to_becomes_one_range_event() -> None:
    body = "The fair runs from August 3 to August 9, 2031 in the old port."
    events = build_timeline(
        [item(body, [("August 3", "2031-08-03"), ("August 9, 2031", "2031-08-09")])]
    )
    assert len(events) == 1
    assert (events[0].date, events[0].end) == ("2031-08-03", "2031-08-09")
    assert events[0].sources[0].date_text == "August 3 to August 9, 2031"


def test_a_range_from_the_date_engine_is_kept_and_sorts_before_that_day() -> None:
    body = "The fair ran 3-9 August. On 3 August the gates jammed."
    exprs = [
        TimeExpr("3-9 August", 13, 23, "DATE", "2031-08-03", range_end="2031-08-09"),
        timex(body, "3 August the", "2031-08-03"),
    ]
    events = build_timeline([item(body, exprs)])
    assert [(e.date, e.end) for e in events] == [("2031-08-03", "2031-08-09"), ("2031-08-03", "")]


def test_a_range_whose_end_is_also_given_alone_is_one_event() -> None:
    body = "The fair runs from August 3 to August 9, 2031 in the old port."
    exprs = [
        timex(body, "August 3", "2031-08-03", range_end="2031-08-09"),
        timex(body, "August 9, 2031", "2031-08-09"),
    ]
    events = build_timeline([item(body, exprs)])
    assert [(e.date, e.end) for e in events] == [("2031-08-03", "2031-08-09")]
    assert events[0].sources[0].date_text == "August 3 to August 9, 2031"


def test_one_sentence_is_one_event_dated_by_its_first_main_date() -> None:
    body = (
        "GRANTVILLE, Norland — Mayor Ada Quist opened the bridge on Friday, "
        "and the council met in Ostby on Saturday. Quist left on Sunday."
    )
    ents = [
        entity(body, "GRANTVILLE", "place", "Grantville"),
        entity(body, "Ada Quist", "person"),
        entity(body, "Ostby", "place"),
    ]
    exprs = [("Friday", "2031-05-09"), ("Saturday", "2031-05-10"), ("Sunday", "2031-05-11")]
    friday, sunday = build_timeline([item(body, exprs, ents)])
    assert (friday.date, friday.mentioned) == ("2031-05-09", ["2031-05-10"])
    assert friday.people == ["Ada Quist"] and friday.places == ["Ostby"]
    assert friday.summary.startswith("Mayor Ada Quist opened the bridge on Friday")
    assert friday.summary.endswith("met in Ostby on Saturday.")
    assert (sunday.date, sunday.mentioned) == ("2031-05-11", [])
    assert "GRANTVILLE" not in friday.summary  # the dateline is not lent to the event


def test_a_reference_point_or_a_subordinate_clause_does_not_date_the_sentence() -> None:
    body = "Rates have fallen since March, and the bank cut them again on Thursday."
    (event,) = build_timeline([item(body, [("March", "2031-03"), ("Thursday", "2031-05-08")])])
    assert (event.date, event.mentioned) == ("2031-05-08", ["2031-03"])
    body = "The ferry sank at dawn on Tuesday — where the dock had collapsed in 2029."
    (event,) = build_timeline([item(body, [("Tuesday", "2031-05-13"), ("2029", "2029")])])
    assert (event.date, event.mentioned) == ("2031-05-13", ["2029"])
    body = "Prices rose since May, and officials see them rising by December."
    (event,) = build_timeline([item(body, [("May", "2031-05"), ("December", "2031-12")])])
    assert (event.date, event.mentioned) == ("2031-05", ["2031-12"])  # all references: first


def test_mentioned_dates_of_one_event_told_by_two_sources_are_kept() -> None:
    a = "Quist resigned as mayor of Ostby on Monday, and the council meets on Friday."
    b = "On Monday the mayor of Ostby, Ada Quist, resigned; the council met in March."
    events = build_timeline(
        [
            item(a, [("Monday", "2031-05-12"), ("Friday", "2031-05-16")], path="a"),
            item(b, [("Monday", "2031-05-12"), ("March", "2031-03")], path="b"),
        ]
    )
    (merged,) = events
    assert [s.path for s in merged.sources] == ["a", "b"]
    assert merged.mentioned == ["2031-05-16", "2031-03"]


def test_the_same_event_from_two_sources_merges_and_cites_both() -> None:
    a = "Quist resigned as mayor of Ostby on Monday after the bridge inquiry."
    b = "On Monday the mayor of Ostby, Ada Quist, resigned over the bridge report."
    c = "Quist went fishing on Monday."
    events = build_timeline(
        [
            item(a, [("Monday", "2031-05-12")], [entity(a, "Quist", "person", "Ada Quist")], "a"),
            item(b, [("Monday", "2031-05-12")], [entity(b, "Ada Quist", "person")], "b"),
            item(c, [("Monday", "2031-05-12")], [entity(c, "Quist", "person", "Ada Quist")], "c"),
        ]
    )
    assert len(events) == 2
    merged = events[0]
    assert [s.path for s in merged.sources] == ["a", "b"]
    assert merged.summary == a
    assert [s.path for s in events[1].sources] == ["c"]


def test_different_dates_never_merge() -> None:
    a = "Quist resigned as mayor of Ostby on Monday."
    events = build_timeline(
        [
            item(a, [("Monday", "2031-05-12")], path="a"),
            item(a, [("Monday", "2031-05-05")], path="b"),
        ]
    )
    assert len(events) == 2


def test_inferred_anchor_marks_events_unless_a_dated_source_agrees() -> None:
    a = "Quist resigned as mayor of Ostby on Monday after the bridge inquiry."
    alone = build_timeline([item(a, [("Monday", "2031-05-12")], inferred=True)])
    assert alone[0].inferred
    both = build_timeline(
        [
            item(a, [("Monday", "2031-05-12")], path="a", inferred=True),
            item(a, [("Monday", "2031-05-12")], path="b"),
        ]
    )
    assert len(both) == 1 and not both[0].inferred


def test_summary_is_the_sources_words_trimmed_at_word_boundaries() -> None:
    words = " ".join(f"word{k}" for k in range(60))
    body = f"{words} on Sunday {words}."
    start = body.index("Sunday")
    text = summary(body, 0, len(body), start, start + 6)
    assert len(text) <= SUMMARY_LIMIT
    assert text.startswith("word0 word1") and " … " in text and text.endswith("…")
    assert "on Sunday" in text
    for piece in text.split():
        assert piece in body.split() or piece in ("…", "word7…") or piece.endswith("…")


def test_summary_far_from_the_start_keeps_the_subject_and_elides_the_middle() -> None:
    filler = " ".join(f"w{k}" for k in range(40))
    body = f"Mayor Ada Quist of Ostby, fresh from a {filler} tour, resigned on Sunday at noon."
    start = body.index("Sunday")
    text = summary(body, 0, len(body), start, start + 6)
    assert text.startswith("Mayor Ada Quist of Ostby … ")
    assert text.endswith("resigned on Sunday at noon.")
    assert len(text) <= SUMMARY_LIMIT


def test_a_spaced_hyphen_inside_a_compound_is_not_a_clause_break() -> None:
    body = "The six - member crew of the Ostby ferry was rescued on Sunday by fishermen."
    start = body.index("Sunday")
    assert clause_span(body, 0, len(body), start, start + 6) == (0, len(body))


def test_clause_split_keeps_commas_around_a_date() -> None:
    body = "Quist, speaking in Ostby on Sunday, said the bridge was safe; nobody agreed."
    start = body.index("Sunday")
    c_start, c_end = clause_span(body, 0, len(body), start, start + 6)
    assert body[c_start:c_end] == "Quist, speaking in Ostby on Sunday, said the bridge was safe"


def test_to_json_has_the_contract_keys() -> None:
    body = "The inquiry opened in March."
    event = build_timeline([item(body, [("March", "2031-03")])])[0].to_json()
    assert {"date", "end", "summary", "places", "people", "sources", "inferred"} <= set(event)
    assert event["mentioned"] == [] and event["figures"] == []
    assert {"path", "start", "end", "article"} <= set(event["sources"][0])


def test_date_bounds() -> None:
    assert date_bounds("2031-Q3") is not None
    q3 = date_bounds("2031-Q3")
    assert q3 is not None and (q3.first, q3.last) == (dt.date(2031, 7, 1), dt.date(2031, 9, 30))
    week = date_bounds("2031-W20")
    assert week is not None and week.first == dt.date(2031, 5, 12)
    assert date_bounds("2031-05-14TAF") is not None
    for value in (
        "2031-05-14T09:30",
        "2031-05-14T09",
        "2031-05-14T09:30:15Z",
        "2031-05-14T09:30+02:00",
    ):
        bounds = date_bounds(value)
        assert bounds is not None and bounds.granularity == "time" and bounds.minute >= 540
    assert date_bounds("199X") is not None and date_bounds("19") is not None
    for value in ("P3Y", "PRESENT_REF", "XXXX-05", "2031-02-30", "", "0000-01", "9999-W52"):
        assert date_bounds(value) is None


_VALUES = ["2031-05-12", "2031-05", "2031", "2031-Q2", "2031-W20", "P3D", "PRESENT_REF", "XXXX-05"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab Cd.,;:—–\n“”'()0123")) | st.characters(), max_size=300
    ),
    st.lists(
        st.tuples(st.integers(0, 300), st.integers(1, 20), st.sampled_from(_VALUES), st.booleans()),
        max_size=6,
    ),
)
def test_any_text_and_dates_give_valid_events(
    body: str, spans: list[tuple[int, int, str, bool]]
) -> None:
    exprs = []
    for start, length, value, ranged in spans:
        start = min(start, len(body))
        end = min(len(body), start + length)
        if start >= end:
            continue
        end_value = "2031-06-01" if ranged else ""
        exprs.append(TimeExpr(body[start:end], start, end, "DATE", value, range_end=end_value))
    events = build_timeline([item(body, exprs, path="a"), item(body, exprs, path="b")])
    for event in events:
        assert len(event.summary) <= SUMMARY_LIMIT
        for src in event.sources:
            assert 0 <= src.start <= src.end <= len(body)
            assert 0 <= src.date_start <= src.date_end <= len(body)
            assert body[src.date_start : src.date_end] == src.date_text
        assert len({s.article for s in event.sources}) == len(event.sources)
