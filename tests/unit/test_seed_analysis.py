"""Regression: the two seed articles through the real `broadsheet analyze --json`.

Written once the entity and date engines had landed (12:45 UTC); it pins what they got
right on the seeds.

Pins facts a reader checks, not the whole JSON: the figures both sources give, the order
of the timeline from earlier context to the week of the summit, which sources each key
event cites, and how the figures compare. Each engine may improve; these must hold.
"""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

import pytest

from reader.cli import main
from reader.core.seeds import seed_paths

SEEDS = seed_paths()


def test_the_two_seeds_ship() -> None:
    """The seeds are part of the repository and the wheel: missing ones are a failure, not
    a reason to skip the tests below."""
    assert len(SEEDS) == 2


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["analyze", "--json", *map(str, SEEDS)])
    assert status == 0
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def figures(article: dict[str, Any]) -> list[tuple[str, str, float, str, str]]:
    return [(n["text"], n["kind"], n["value"], n["unit"], n["hedge"]) for n in article["numbers"]]


def test_both_seeds_are_read_with_their_date(result: dict[str, Any]) -> None:
    assert [a["published"] for a in result["articles"]] == ["2025-10-29", "2025-10-29"]


def test_350_billion_is_usd_in_both(result: dict[str, Any]) -> None:
    a, b = result["articles"]
    assert ("$350 billion", "money", 3.5e11, "USD", "") in figures(a)
    assert ("$350 Billion", "money", 3.5e11, "USD", "") in figures(b)  # the headline
    assert figures(b).count(("$350 billion", "money", 3.5e11, "USD", "")) == 2


def test_25_percent_tariff_in_both(result: dict[str, Any]) -> None:
    for article in result["articles"]:
        assert ("25%", "percent", 25.0, "%", "") in figures(article)


def test_hedged_figures_and_counts(result: dict[str, Any]) -> None:
    a, b = result["articles"]
    assert ("21", "quantity", 21.0, "member economies", "") in figures(a)
    assert ("1.2%", "percent", 1.2, "%", "") in figures(a)
    assert ("$500 billion", "money", 5e11, "USD", "nearly") in figures(b)
    assert ("$490 billion", "money", 4.9e11, "USD", "up to") in figures(b)
    assert ("15%", "percent", 15.0, "%", "about") in figures(b)
    assert ("300", "quantity", 300.0, "South Korean workers", "over") in figures(b)


def test_years_ordinals_and_multimillion_are_not_figures(result: dict[str, Any]) -> None:
    texts = {n["text"].lower() for a in result["articles"] for n in a["numbers"]}
    assert not texts & {"2025", "2005", "second", "27", "1", "multimillion-dollar"}


def test_timeline_reads_from_earlier_context_to_the_xi_meeting(result: dict[str, Any]) -> None:
    dates = [e["date"] for e in result["timeline"]]
    key = ["2025-06", "2025-09", "2025-10", "2025-10-27", "2025-10-29", "2025-10-30"]
    positions = [dates.index(d) for d in key]
    assert positions == sorted(positions), dates
    assert dates[-1] == "2025-10-30"  # the Xi meeting closes the week
    # "Lee assumed office in June …, and his August White House visit …": one event, in June
    june = event(result, "2025-06", "assumed office")
    assert june["mentioned"] == ["2025-08"] and "2025-08" not in dates


def event(result: dict[str, Any], date: str, word: str) -> dict[str, Any]:
    found = [e for e in result["timeline"] if e["date"] == date and word in e["summary"]]
    assert found, (date, word, [e["summary"] for e in result["timeline"] if e["date"] == date])
    return found[0]


def cited(e: dict[str, Any]) -> list[int]:
    return [s["article"] for s in e["sources"]]


def test_key_events_cite_the_right_sources(result: dict[str, Any]) -> None:
    june = event(result, "2025-06", "assumed office")
    assert cited(june) == [0, 1]  # both sources say Lee took office in June: one entry
    summit = event(result, "2025-10-27", "Gyeongju")
    assert summit["end"] == "2025-11-01" and cited(summit) == [0]
    monday = event(result, "2025-10-27", "Bessent")
    assert cited(monday) == [1]
    talks = event(result, "2025-10-29", "turbulence")
    assert cited(talks) == [1]
    xi = event(result, "2025-10-30", "Xi Jinping")
    assert cited(xi) == [1] and not xi["inferred"]


def test_key_events_name_their_people_and_places(result: dict[str, Any]) -> None:
    june = event(result, "2025-06", "assumed office")
    assert any(p.startswith("Lee Jae") for p in june["people"])
    assert "Gyeongju" in event(result, "2025-10-27", "Gyeongju")["places"]
    assert "Scott Bessent" in event(result, "2025-10-27", "Bessent")["people"]
    assert "Donald Trump" in event(result, "2025-10-29", "turbulence")["people"]
    assert "Xi Jinping" in event(result, "2025-10-30", "Xi Jinping")["people"]
    assert "Georgia" in event(result, "2025-09", "raided")["places"]


def test_names_and_references_are_not_events(result: dict[str, Any]) -> None:
    dates = {e["date"] for e in result["timeline"]}
    assert "2025" not in dates  # "the 2025 APEC summit" names the summit
    assert not dates & {"PRESENT_REF", "FUTURE_REF", "PAST_REF"}
    assert all(e["sources"] for e in result["timeline"])


def test_japan_leg_comes_before_the_gyeongju_talks(result: dict[str, Any]) -> None:
    summaries = [e["summary"] for e in result["timeline"]]
    japan = next(k for k, s in enumerate(summaries) if "visit to Japan earlier in the week" in s)
    talks = next(k for k, s in enumerate(summaries) if "turbulence Wednesday" in s)
    assert japan < talks


def test_summaries_are_the_sources_words(result: dict[str, Any]) -> None:
    bodies = [a["body"] for a in result["articles"]]
    for e in result["timeline"]:
        for piece in e["summary"].replace("…", " ").split():
            assert any(piece in bodies[s["article"]] for s in e["sources"]), piece


def test_comparison_of_figures(result: dict[str, Any]) -> None:
    rows = result["comparison"]["numbers"]

    def row(text: str) -> dict[str, Any]:
        return next(r for r in rows if any(v and v["text"].lower() == text for v in r["values"]))

    billions = row("$350 billion")
    assert billions["status"] == "agree" and all(billions["values"])
    assert billions["label"] == "investment package"
    tariff = row("25%")
    assert tariff["status"] == "agree" and all(tariff["values"])
    assert "tariff" in tariff["label"]
    assert row("21")["status"] == "single"
    japan = row("$500 billion")
    assert japan["status"] == "single" and japan["values"][0] is None


def test_comparison_of_entities(result: dict[str, Any]) -> None:
    entities = result["comparison"]["entities"]
    shared = {e["name"]: e["counts"] for e in entities["shared"]}
    only = {e["name"]: e["counts"] for e in entities["only"]}
    assert "Donald Trump" in shared and all(shared["Donald Trump"])
    assert "Xi Jinping" in shared
    assert any(name.startswith("Lee Jae") for name in shared)  # -myung / Myung: one person
    assert only.get("Japan", [0, 0])[0] == 0 and only.get("Japan", [0, 1])[1] > 0
