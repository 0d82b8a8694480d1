"""Markdown/JSON exports of a timeline and a comparison, and the readable date labels."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reader.core.analysis.timeline.build import Event, EventSource
from reader.core.date_labels import chronological, date_label, day_label
from reader.core.export import (
    comparison_json,
    comparison_markdown,
    md_text,
    timeline_json,
    timeline_markdown,
    write_export,
)


@dataclass(frozen=True)
class Src:
    article_id: int
    label: str
    title: str
    published: str


SOURCES = [
    Src(11, "Source A", "Trump South Korea", "2025-10-29"),
    Src(12, "Source B", "Trump’s Asia Tour Hits Snag", "2025-10-29"),
]


def _events() -> list[Event]:
    return [
        Event(
            "2025-10-30",
            "",
            "a meeting between Trump and Chinese President Xi Jinping",
            ["Busan"],
            ["Xi Jinping"],
            [EventSource("a.txt", 10, 20, 0), EventSource("b.txt", 30, 40, 1)],
            inferred=True,
        ),
        Event(
            "2025-10-27",
            "2025-11-01",
            "the APEC summit in Gyeongju",
            ["Gyeongju"],
            [],
            [EventSource("a.txt", 1, 5, 0)],
        ),
        Event("2025-Q3", "", "GDP grew 1.2%", [], [], [EventSource("a.txt", 50, 60, 0)]),
    ]


def _comparison() -> dict[str, Any]:
    return {
        "articles": [{"path": "a.txt", "title": "A"}, {"path": "b.txt", "title": "B"}],
        "entities": {
            "shared": [{"name": "Donald Trump", "kind": "person", "counts": [5, 7]}],
            "only": [{"name": "Sanae Takaichi", "kind": "person", "counts": [0, 1]}],
        },
        "numbers": [
            {
                "status": "differ",
                "kind": "money",
                "unit": "USD",
                "label": "Japan investment pledges",
                "values": [
                    None,
                    {
                        "article": 1,
                        "text": "$500 billion",
                        "value": 5e11,
                        "start": 3,
                        "end": 15,
                        "hedge": "nearly",
                    },
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("date", "end", "label"),
    [
        ("2025-10-29", "", "Oct 29, 2025"),
        ("2025-10-27", "2025-11-01", "Oct 27 – Nov 1, 2025"),
        ("2025-10-27", "2025-10-30", "Oct 27 – 30, 2025"),
        ("2025-12-30", "2026-01-02", "Dec 30, 2025 – Jan 2, 2026"),
        ("2025-06", "", "June 2025"),
        ("2025-Q3", "", "Q3 2025 (Jul–Sep)"),
        ("2025-H1", "", "H1 2025 (first half)"),
        ("2025-SU", "", "Summer 2025"),
        ("2025-W44", "", "week of Oct 27, 2025"),
        ("2025-W60", "", "2025-W60"),
        ("2025", "", "2025"),
        ("PAST_REF", "", "PAST_REF"),
        ("2025-13-45", "", "2025-13-45"),
    ],
)
def test_date_label(date: str, end: str, label: str) -> None:
    assert date_label(date, end) == label


def test_date_label_with_mod_and_time() -> None:
    assert date_label("2025-10", "", "START") == "early October 2025"
    assert date_label("2025-10", "", "MID") == "mid-October 2025"
    assert date_label("2025-W44", "", "START") == "early in the week of Oct 27, 2025"
    assert date_label("2025-10-30T14:30") == "Oct 30, 2025, 14:30"
    assert date_label("2025-10-30TEV") == "Oct 30, 2025 (evening)"
    assert date_label("2025-10-30", "", "nonsense") == "Oct 30, 2025"


def test_day_label_and_order() -> None:
    assert day_label("2025-10-30") == "Thursday, October 30, 2025"
    ordered = chronological(_events())
    assert [e.date for e in ordered] == ["2025-Q3", "2025-10-27", "2025-10-30"]
    odd = [Event("later", "", "x"), Event("2025-10", "", "y"), Event("2025-10-01", "", "z")]
    assert [e.date for e in chronological(odd)] == ["2025-10", "2025-10-01", "later"]


def test_timeline_markdown() -> None:
    md = timeline_markdown(_events(), SOURCES)
    assert md.startswith("# Timeline\n")
    assert "## Thursday, October 30, 2025" in md
    assert "- **Oct 30, 2025 (inferred)** · Busan: a meeting between Trump" in md
    assert "— Source A, Source B" in md
    assert "**Oct 27 – Nov 1, 2025**" in md
    assert md.index("Q3 2025") < md.index("October 27") < md.index("October 30")


def test_timeline_json_round_trips() -> None:
    data = json.loads(timeline_json(_events(), SOURCES))
    assert [s["article_id"] for s in data["sources"]] == [11, 12]
    assert data["events"][2]["label"] == "Oct 30, 2025"
    cited = data["events"][2]["sources"][1]
    assert {k: cited[k] for k in ("path", "start", "end", "article")} == {
        "path": "b.txt",
        "start": 30,
        "end": 40,
        "article": 1,
    }
    assert data["events"][2]["inferred"] is True


def test_empty_timeline() -> None:
    assert "No dated events." in timeline_markdown([], [])
    assert json.loads(timeline_json([], [])) == {"sources": [], "events": []}


def test_hostile_text_is_inert_in_markdown() -> None:
    hostile = "[click](javascript:alert(1)) <script>x</script>\n# heading \x1b[31mred\u202e | cell"
    event = Event("2025-10-30", "", hostile, [hostile], [], [EventSource("a", 0, 1, 5)])
    md = timeline_markdown([event], [Src(1, hostile, hostile, "")])
    assert "\x1b" not in md and "\u202e" not in md
    assert not re.search(r"(?<!\\)\]\(", md) and "<script>" not in md  # no link forms
    assert "\n# heading" not in md
    assert "— ?" in md  # a source index outside the reading set
    assert md_text("a|b") == "a\\|b"
    # JSON keeps the text verbatim
    data = json.loads(timeline_json([event], []))
    assert data["events"][0]["summary"] == hostile


def test_comparison_markdown() -> None:
    md = comparison_markdown(_comparison(), SOURCES)
    assert "| Entity | Kind | Source A | Source B |" in md
    assert "| Donald Trump | person | 5 | 7 |" in md
    assert "| Sanae Takaichi | person | 0 | 1 |" in md
    assert "| differ | Japan investment pledges | — | nearly \\$500 billion |" not in md
    assert "| differ | Japan investment pledges | — | nearly $500 billion |" in md
    # without sources the article titles label the columns
    assert "| Entity | Kind | A | B |" in comparison_markdown(_comparison())


def test_comparison_json_and_placeholder_shape() -> None:
    data = json.loads(comparison_json(_comparison(), SOURCES))
    assert data["numbers"][0]["values"][1]["hedge"] == "nearly"
    assert data["sources"][1]["label"] == "Source B"
    # the engine's placeholder shape must not break the export
    md = comparison_markdown({"entities": [], "numbers": []})
    assert "None." in md


def test_write_export_never_overwrites(tmp_path: Path) -> None:
    when = dt.datetime(2025, 10, 30, 9, 0, 0)
    first = write_export(tmp_path / "out", "timeline", "# md\n", "{}\n", when=when)
    second = write_export(tmp_path / "out", "timeline", "# md2\n", "{}\n", when=when)
    assert first[0].name == "timeline-20251030-090000.md"
    assert second[0].name == "timeline-20251030-090000-2.md"
    assert first[0].read_text() == "# md\n" and second[1].suffix == ".json"


def test_hostile_comparison_markdown() -> None:
    hostile = "[x](http://evil) | <b>\x1b[2J"
    comparison = {
        "entities": {"shared": [{"name": hostile, "kind": "person", "counts": [1, "|"]}, "junk"]},
        "numbers": [
            {"status": "differ", "label": hostile, "values": [None, "junk", {"text": hostile}]},
            3,
        ],
    }
    md = comparison_markdown(comparison, SOURCES)
    assert "\x1b" not in md and not re.search(r"(?<!\\)\]\(", md) and "<b>" not in md
    table_rows = [line for line in md.splitlines() if line.startswith("| ") and "\\|" in line]
    assert table_rows and all(
        line.count(" | ") == line.replace("\\|", "").count(" | ") for line in table_rows
    )
    assert json.loads(comparison_json(comparison))["numbers"][1] == 3


def test_markdown_escapes_only_what_could_become_markup() -> None:
    assert md_text("Q3 2025 (Jul–Sep) +4% {est.}!") == "Q3 2025 (Jul–Sep) +4% {est.}!"
    assert md_text("[x](y) *a* _b_ <i> a|b ~~s~~ &amp; #") == (
        "\\[x\\](y) \\*a\\* \\_b\\_ \\<i\\> a\\|b \\~\\~s\\~\\~ \\&amp; \\#"
    )


def test_timeline_headings_have_a_blank_line_before_them() -> None:
    events = [
        Event(day, "", f"Event on {day}", [], [], [EventSource("a", 0, 1, 5)])
        for day in ("2025-10-29", "2025-10-30")
    ]
    lines = timeline_markdown(events, [Src(1, "A", "Story", "")]).splitlines()
    headings = [i for i, line in enumerate(lines) if line.startswith("#")]
    assert len(headings) >= 3
    assert all(lines[i - 1] == "" for i in headings if i > 0)


def test_the_export_notice_keeps_file_names_whole(tmp_path: Path) -> None:
    from reader.core.export import export_notice, shown_folder

    folder = Path.home() / "Documents" / "Broadsheet"
    assert shown_folder(folder) == "~/Documents/Broadsheet"
    deep = Path("/srv") / ("x" * 30) / "quite-a-long-folder-name" / "Broadsheet"
    assert shown_folder(deep) == "…/quite-a-long-folder-name/Broadsheet"
    md, js = deep / "timeline-20251030-090000.md", deep / "timeline-20251030-090000.json"
    lines = export_notice("Timeline", md, js).splitlines()
    assert lines[1:3] == ["timeline-20251030-090000.md", "timeline-20251030-090000.json"]
    assert all(len(line) <= 50 for line in lines)
