"""The comparison screen, pushed onto the app from `make_app`: entities per source, the
ledger of figures, enter jumps to the first mention, `e` exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.reading.handoffs import Jump, SourceRef
from reader.core.store import Library
from reader.ui.comparison.comparison_list import ComparisonList, MentionOption
from reader.ui.comparison.comparison_screen import ComparisonScreen

HOSTILE = "[/] [@click=app.quit]boom[/] \x1b[2J\u202eevil"


def seed_set(library: Library) -> tuple[list[SourceRef], list[str]]:
    rows = sorted((library.row(i) for i in library.ids()), key=lambda r: r.source)
    sources = [SourceRef(r.id, r.source, r.title, "2025-10-29") for r in rows]
    return sources, [library.get(r.id).body for r in rows]


def figure(
    bodies: list[str], article: int, text: str, value: float, hedge: str = ""
) -> dict[str, Any]:
    start = bodies[article].index(text)
    return {
        "article": article,
        "text": text,
        "value": value,
        "start": start,
        "end": start + len(text),
        "hedge": hedge,
    }


def seed_comparison(bodies: list[str]) -> dict[str, Any]:
    return {
        "articles": [{"path": "a.txt", "title": "A"}, {"path": "b.txt", "title": "B"}],
        "entities": {
            "shared": [
                {"name": "Donald Trump", "kind": "person", "counts": [9, 12]},
                {"name": "Gyeongju", "kind": "place", "counts": [2, 1]},
            ],
            "only": [
                {"name": "Philadelphia Shipyard", "kind": "org", "counts": [1, 0]},
                {"name": "Sanae Takaichi", "kind": "person", "counts": [0, 1]},
            ],
        },
        "numbers": [
            {
                "status": "agree",
                "kind": "money",
                "unit": "USD",
                "label": "investment package",
                "values": [
                    figure(bodies, 0, "$350 billion", 3.5e11),
                    figure(bodies, 1, "$350 billion", 3.5e11),
                ],
            },
            {
                "status": "single",
                "kind": "percent",
                "unit": "%",
                "label": "tariff on South Korean vehicles",
                "values": [figure(bodies, 0, "25%", 25.0), None],
            },
        ],
    }


def rendered(widget: ComparisonList) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def open_comparison(
    pilot: Any, comparison: dict[str, Any], sources: list[SourceRef], **kw: Any
) -> list[Jump | None]:
    results: list[Jump | None] = []
    await pilot.app.push_screen(ComparisonScreen(comparison, sources, **kw), results.append)
    await pilot.pause()
    return results


async def test_sections_columns_and_ledger(library: Library, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_comparison(pilot, seed_comparison(bodies), sources)
        text = rendered(app.screen.query_one(ComparisonList))
        lines = text.splitlines()
        header = next(line for line in lines if "In both sources" in line)
        assert header.index("Seed source A") < header.index("Seed source B")
        trump = next(line for line in lines if "Donald Trump" in line)
        assert trump.split()[-2:] == ["9", "12"]
        assert text.index("Only in Seed source A") < text.index("Philadelphia Shipyard")
        assert text.index("Only in Seed source B") < text.index("Sanae Takaichi")
        assert "= agree" in text and "investment package" in text
        assert "1 one source only" in text and "tariff on South Korean vehicles" in text
        ledger = next(line for line in lines if "25%" in line)
        assert ledger.rstrip().endswith("—")


async def test_enter_on_a_figure_jumps_to_it(library: Library, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        results = await open_comparison(pilot, seed_comparison(bodies), sources)
        await pilot.press("end", "enter")
        await pilot.pause()
        jump = results[0]
        assert jump is not None and jump.article_id == sources[0].article_id
        assert bodies[0][jump.start : jump.end] == "25%"


async def test_enter_on_an_entity_finds_its_first_mention(library: Library, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        results = await open_comparison(pilot, seed_comparison(bodies), sources, library=library)
        widget = app.screen.query_one(ComparisonList)
        index = next(
            n
            for n, o in enumerate(widget.options)
            if isinstance(o, MentionOption) and o.mention and o.mention.text == "Sanae Takaichi"
        )
        widget.highlighted = index
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        jump = results[0]
        assert jump is not None and jump.article_id == sources[1].article_id
        assert bodies[1][jump.start : jump.end] == "Sanae Takaichi"


async def test_export_and_escape(library: Library, tmp_path: Path, build_app: Any) -> None:
    sources, bodies = seed_set(library)
    out = tmp_path / "exports"
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        results = await open_comparison(pilot, seed_comparison(bodies), sources, export_dir=out)
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        md = next(out.glob("comparison-*.md")).read_text()
        assert "| Donald Trump | person | 9 | 12 |" in md
        assert next(out.glob("comparison-*.json")).exists()
        await pilot.press("escape")
        await pilot.pause()
        assert results == [None]


async def test_placeholder_and_hostile_comparisons_do_not_crash(
    library: Library, build_app: Any
) -> None:
    sources, _ = seed_set(library)
    hostile = {
        "entities": {
            "shared": [{"name": HOSTILE, "kind": HOSTILE, "counts": [1]}],
            "only": [
                {"name": "[b]x", "kind": "org", "counts": [0, 0, 3]},
                {"name": "nobody", "counts": []},
            ],
        },
        "numbers": [
            {
                "status": HOSTILE,
                "label": HOSTILE,
                "values": [{"text": HOSTILE, "hedge": "[i]"}, "junk"],
            },
            "junk",
        ],
    }
    app = build_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_comparison(pilot, {"entities": [], "numbers": []}, sources)
        text = rendered(app.screen.query_one(ComparisonList))
        assert text.count("none") == 2
        await pilot.press("enter", "escape")
        await pilot.pause()
        results = await open_comparison(
            pilot, hostile, [SourceRef(sources[0].article_id, HOSTILE, HOSTILE, "")]
        )
        text = rendered(app.screen.query_one(ComparisonList))
        assert "[@click=app.quit]" in text
        assert "\x1b" not in text and "\u202e" not in text
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.return_code is None
        assert results in ([], [Jump(sources[0].article_id, 0, 0)])


async def test_three_sources_group_entities_by_where_they_appear(
    library: Library, build_app: Any
) -> None:
    sources, _ = seed_set(library)
    three = [*sources, SourceRef(sources[0].article_id, "Wire C", "C", "")]
    comparison = {
        "entities": {
            "shared": [{"name": "Donald Trump", "kind": "person", "counts": [1, 2, 3]}],
            "only": [
                {"name": "Seoul", "kind": "place", "counts": [1, 1, 0]},
                {"name": "Busan", "kind": "place", "counts": [0, 0, 2]},
                {"name": "Nowhere", "kind": "place", "counts": [0, 0, 0]},
            ],
        },
        "numbers": [],
    }
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_comparison(pilot, comparison, three)
        text = rendered(app.screen.query_one(ComparisonList))
        assert "In every source" in text
        assert text.index("Only in Wire C") < text.index("Busan")
        assert text.index("In Seed source A and Seed source B only") < text.index("Seoul")
        assert "Nowhere" not in text


def test_two_articles_of_one_outlet_get_their_own_columns() -> None:
    from reader.ui.comparison.comparison_rows import column_labels, number_row

    labels = ["Harbour Gazette", "Meridian Post: Lagarde hints", "Meridian Post: What it means"]
    assert column_labels(labels) == ["Harbour Gazette", "Lagarde hints", "What it means"]
    row = {"status": "differ", "label": "inflation · May 2025", "values": [None, None, None]}
    plain = number_row(row, labels).plain
    assert "Lagarde hints" in plain and "What it means" in plain
