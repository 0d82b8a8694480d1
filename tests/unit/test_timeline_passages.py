"""Timeline events as passages: who, where and which figures come from the dated sentence
and those after it that stay on it; bylines, datelines and credits are not events; one
sentence is one event; the same event told by several sources is one row citing each.
Read with the real analysis on the ECB stories (tests/unit/data/ecb) and the seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reader.core.analysis.pipeline import analyze, analyze_set
from reader.core.analysis.timeline.build import build_timeline
from reader.core.article import Article
from reader.core.loaders import load_path

DATA = Path(__file__).parent / "data" / "ecb"
SEEDS = Path(__file__).parents[2] / "seeds"


def load(folder: Path, pattern: str = "*.txt") -> list[Article]:
    articles = [load_path(p) for p in sorted(folder.glob(pattern))]
    assert articles and all(isinstance(a, Article) for a in articles)
    return articles  # type: ignore[return-value]


def timeline(articles: list[Article]) -> list[dict[str, Any]]:
    items = list(zip(articles, analyze_set(articles), strict=True))
    return [e.to_json() for e in build_timeline(items)]


def one(events: list[dict[str, Any]], date: str, words: str) -> dict[str, Any]:
    found = [e for e in events if e["date"] == date and words in e["summary"]]
    assert len(found) == 1, [(e["date"], e["summary"]) for e in events]
    return found[0]


def test_the_japan_leg_names_who_the_next_sentences_name() -> None:
    japan = one(timeline(load(SEEDS)), "2025-W44", "visit to Japan")
    assert {"Sanae Takaichi", "Howard Lutnick"} <= set(japan["people"])
    assert "$490 billion" in japan["figures"] and "$550 billion" in japan["figures"]


def test_a_passage_stops_at_a_new_paragraph_and_at_a_dated_sentence() -> None:
    body = (
        "The mayor opened the bridge on Monday. Engineer Ada Quist praised the crews.\n\n"
        "Senator Bo Lind spoke later. On Tuesday the bridge closed. Inspector Cy Marr "
        "found cracks."
    )
    article = Article(title="t", body=body, path="a.txt", published=dt.date(2031, 5, 14))
    events = [e.to_json() for e in build_timeline([(article, analyze(article))])]
    monday = one(events, "2031-05-12", "opened the bridge")
    assert "Ada Quist" in monday["people"] and "Bo Lind" not in monday["people"]
    tuesday = one(events, "2031-05-13", "bridge closed")
    assert "Cy Marr" in tuesday["people"]


def test_datelines_bylines_and_credits_are_not_events() -> None:
    body = (
        "By Anna Keller, June 5, 2031\n"
        "Photo taken June 4, 2031 by Kai Berg\n"
        "Published June 5, 2031\n"
        "FRANKFURT, June 5 (Meridian Post) — The bank cut rates on Thursday.\n"
    )
    article = Article(title="t", body=body, path="a.txt", published=dt.date(2031, 6, 5))
    events = build_timeline([(article, analyze(article))])
    assert [(e.date, e.summary) for e in events] == [
        ("2031-06-05", "The bank cut rates on Thursday.")
    ]


def test_the_ecb_dateline_is_not_an_event() -> None:
    events = timeline(load(DATA))
    assert not any("FRANKFURT" in e["summary"] for e in events)


def test_one_sentence_with_several_dated_clauses_is_one_event() -> None:
    events = timeline(load(DATA))
    # the third source's "Inflation slowed to 1.8% in May, and the bank sees inflation at
    # 1.6% in 2026": one event, in May (told with the others' May figure), 2026 mentioned
    (may,) = [e for e in events if e["date"] == "2025-05"]
    assert 2 in [s["article"] for s in may["sources"]]
    assert "2026" in may["mentioned"] and {"1.8%", "1.6%"} <= set(may["figures"])
    assert not any(e["date"] == "2026" for e in events)


def test_one_clause_with_several_dates_is_one_event() -> None:
    events = timeline(load(DATA))
    eurostat = [e for e in events if "Eurostat said" in e["summary"]]
    assert [e["date"] for e in eurostat] == ["2025-05"]
    projections = [e for e in events if "ECB staff now see inflation" in e["summary"]]
    assert len(projections) == 1


def test_the_rate_decision_told_by_three_sources_is_one_row() -> None:
    events = timeline(load(DATA))
    thursday = [e for e in events if e["date"] == "2025-06-05"]
    assert len(thursday) == 1
    assert [s["article"] for s in thursday[0]["sources"]] == [0, 1, 2]


def test_since_and_by_place_months_on_the_right_side_of_publication() -> None:
    events = timeline(load(DATA))
    # "…lowered borrowing costs since September, and markets expect one more cut by
    # December": one sentence, one event, dated by its first reference point
    september = one(events, "2024-09", "since September")
    assert september["sources"][0]["article"] == 0 and september["mentioned"] == ["2025-12"]
    june = one(
        events, "2024-06", "since June 2024"
    )  # "…, and traders now see one more cut by December"
    assert june["sources"][0]["article"] == 1 and june["mentioned"] == ["2025-12"]
    assert not any(e["date"] == "2025-12" for e in events)  # no second event of those sentences
