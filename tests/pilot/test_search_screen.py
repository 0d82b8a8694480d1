"""The search screen, pushed onto the app from `make_app`: results as you type, stale
results never shown, enter opens the first match, escape keeps the query."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, cast

import pytest
from textual.content import Content

from reader.core.article import Article
from reader.core.reading.handoffs import SearchOutcome
from reader.core.store import Library, LibraryError, SearchHit
from reader.ui.search.search_results import MATCH_STYLE, HitOption, SearchResults
from reader.ui.search.search_screen import SearchScreen
from tests.settling import settle

HOSTILE_TITLE = "[/] [@click=app.quit]tariff[/] [breaking] news \x1b[2J\u202e"


async def open_search(pilot: Any, library: Any) -> list[SearchOutcome | None]:
    results: list[SearchOutcome | None] = []
    await pilot.app.push_screen(SearchScreen(cast(Library, library)), results.append)
    await pilot.pause()
    return results


def hits(screen: SearchScreen) -> list[SearchHit]:
    options = screen.query_one(SearchResults).options
    return [o.hit for o in options if isinstance(o, HitOption)]


def count_text(screen: SearchScreen) -> str:
    return str(screen.query_one("#search-count").render())


async def test_results_as_you_type_and_enter_opens_first_match(
    library: Library, build_app: Any
) -> None:
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        outcomes = await open_search(pilot, library)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert "source:" in str(screen.query_one("#search-help").render())
        await pilot.press(*"tarif")  # the last word is a prefix
        await settle(pilot)
        assert len(hits(screen)) == 2
        assert count_text(screen) == "2 results"
        option = screen.query_one(SearchResults).options[0]
        assert isinstance(option, HitOption)
        prompt = option.prompt
        assert isinstance(prompt, Content)
        marked = [prompt.plain[s.start : s.end] for s in prompt.spans if s.style == MATCH_STYLE]
        assert marked and all(m.lower().startswith("tariff") for m in marked)
        second = hits(screen)[1]
        await pilot.press("down", "enter")
        await settle(pilot)
        outcome = outcomes[0]
        assert outcome is not None and outcome.query == "tarif" and outcome.jump is not None
        assert outcome.jump.article_id == second.id
        body = library.get(second.id).body
        assert body[outcome.jump.start : outcome.jump.end].lower().startswith("tariff")
        assert body.lower().find("tariff") == outcome.jump.start


async def test_escape_keeps_the_query_or_returns_none(library: Library, build_app: Any) -> None:
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        outcomes = await open_search(pilot, library)
        await pilot.press(*"tariff")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert outcomes == [SearchOutcome("tariff")]
        outcomes = await open_search(pilot, library)
        await pilot.press("escape")
        await pilot.pause()
        assert outcomes == [None]


async def test_enter_before_results_arrive_opens_the_latest_query(
    library: Library, build_app: Any
) -> None:
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        outcomes = await open_search(pilot, library)
        await pilot.press(*"xi jinping", "enter")
        await settle(pilot)
        await settle(pilot)
        outcome = outcomes[0]
        assert outcome is not None and outcome.jump is not None
        body = library.get(outcome.jump.article_id).body
        assert body[outcome.jump.start : outcome.jump.end] in ("Xi", "Jinping")


class SlowFirst:
    """A library whose first search answers only after the second one has."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.release = threading.Event()
        self.calls = 0

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        self.calls += 1
        if self.calls == 1:
            self.release.wait(5)
            return self.library.search("shipbuilding", limit)
        found = self.library.search(query, limit)
        self.release.set()
        return found

    def get(self, article_id: int) -> Article:
        return self.library.get(article_id)


async def test_stale_results_never_overwrite_newer_ones(library: Library, build_app: Any) -> None:
    slow = SlowFirst(library)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_search(pilot, slow)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"ariff")
        await settle(pilot)
        await settle(pilot)
        assert slow.calls >= 2
        shown = hits(screen)
        assert len(shown) == 2
        assert all("tariff" in (h.snippet.lower()) for h in shown)
        # a late answer to an older keystroke is dropped
        screen.post_message(SearchScreen.Results(1, "t", []))
        await pilot.pause()
        assert len(hits(screen)) == 2


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'source:"',
        "((",
        "*",
        "NEAR",
        "AND OR NOT",
        "[/]",
        "[@click=app.quit]x",
        "\x1b[2J",
        "org:",
        "\u202e",
    ],
)
async def test_odd_queries_never_crash(library: Library, query: str, build_app: Any) -> None:
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        outcomes = await open_search(pilot, library)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.query_one("#search-input").insert_text_at_cursor(query)  # type: ignore[attr-defined]
        await settle(pilot)
        assert count_text(screen).endswith(("results", "result", "No matches.", "Type to search."))
        await pilot.press("enter")
        await settle(pilot)
        assert app.return_code is None
        assert len(outcomes) <= 1


async def test_hostile_titles_and_snippets_are_shown_verbatim(
    tmp_path: Path, build_app: Any
) -> None:
    lib = Library.open(tmp_path / "hostile.sqlite3")
    body = "Opening [/] line.\n\x1b]0;pwned\x07 The [bold]tariff[/bold] rose \u202e by 25%."
    lib.add(Article(title=HOSTILE_TITLE, body=body, source="[red]Wire[/]", path="h.txt"))
    app = build_app(lib)
    async with app.run_test(size=(120, 36)) as pilot:
        outcomes = await open_search(pilot, lib)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"tariff")
        await settle(pilot)
        results = screen.query_one(SearchResults)
        text = "\n".join(results.render_line(y).text for y in range(results.size.height))
        assert "[@click=app.quit]tariff[/] [breaking] news" in text
        assert "[red]Wire[/]" in text and "[bold]tariff[/bold]" in text
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
        await pilot.press("enter")
        await settle(pilot)
        assert outcomes and outcomes[0] is not None and outcomes[0].jump is not None
        assert app.return_code is None
    lib.close()


class Broken:
    """A library whose search fails (a locked or damaged file)."""

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        raise LibraryError("The library is busy [locked]")


async def test_a_failing_search_is_reported_not_raised(library: Library, build_app: Any) -> None:
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_search(pilot, Broken())
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"tariff")
        for _ in range(20):  # wait_for_complete would re-raise the worker's error here
            await pilot.pause(0.05)
        assert count_text(screen) == "Search failed: The library is busy [locked]"
        assert any("busy [locked]" in n.message for n in app._notifications)
        assert app.return_code is None


async def test_clicking_a_hit_opens_it(library: Library, build_app: Any) -> None:
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        outcomes = await open_search(pilot, library)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"shipbuilding")
        await settle(pilot)
        (hit,) = hits(screen)
        await pilot.click(SearchResults, offset=(5, 0))
        await settle(pilot)
        outcome = outcomes[0]
        assert outcome is not None and outcome.jump is not None
        assert outcome.jump.article_id == hit.id
        body = library.get(hit.id).body
        assert body[outcome.jump.start : outcome.jump.end].lower() == "shipbuilding"


async def test_double_enter_dismisses_once(library: Library, build_app: Any) -> None:
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        outcomes = await open_search(pilot, library)
        await pilot.press(*"tariff")
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert len(outcomes) == 1 and outcomes[0] is not None
        assert app.return_code is None


async def test_says_when_only_the_newest_matches_were_ranked(
    library: Library, build_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.store import library_search
    from reader.ui.search import search_screen

    matches = library.search_scope("tariff").matches
    assert matches >= 2
    monkeypatch.setattr(search_screen, "LIMIT", 1)
    monkeypatch.setattr(library_search, "SEARCH_CANDIDATES", 1)
    app = build_app(library)
    async with app.run_test(size=(120, 36)) as pilot:
        screen_outcomes = await open_search(pilot, library)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"tariff")
        await settle(pilot)
        assert count_text(screen) == f"1+ result · best of the newest 1 of {matches} matches"
        assert screen_outcomes == []
