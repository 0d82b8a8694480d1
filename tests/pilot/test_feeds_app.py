"""Feeds from the reading screen: subscribe with a, update with u, and what the user sees."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from test_hostile_app import assert_safe
from textual.widgets import Input, OptionList

from reader.core.feeds.summary import feeds_summary
from reader.ui.feeds.feed_prompt import FeedPrompt
from reader.ui.feeds.feeds_screen import FeedsScreen
from reader.ui.reading.article_list import ArticleList
from reader.ui.search.search_results import SearchResults
from reader.ui.search.search_screen import SearchScreen
from tests.settling import settle

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <item>
    <title>Port strike ends after 12 days</title>
    <link>https://gazette.example/strike</link>
    <pubDate>Tue, 28 Oct 2025 08:00:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>Dock workers in Rotterdam returned on Monday after a
    deal that raises pay by 4.5% over two years.</p>]]></content:encoded>
  </item>
  <item>
    <title>\x1b]52;c;cGF5bG9hZA==\x07[@click=app.quit]Ferry[/] fares \x1b[31mrise\u202e</title>
    <link>https://gazette.example/ferry</link>
    <pubDate>Wed, 29 Oct 2025 08:00:00 GMT</pubDate>
    <description>Ferry fares rise by $2 from Saturday, the operator said.</description>
  </item>
</channel>
</rss>
"""


def feed_file(tmp_path: Path) -> Path:
    path = tmp_path / "gazette.xml"
    # Control characters are not allowed in XML 1.0; written as they arrive from bad feeds.
    path.write_bytes(RSS.encode("utf-8"))
    return path


def titles(app: Any) -> list[str]:
    return [row.title for row in app.screen.query_one(ArticleList).rows]


async def test_subscribing_adds_the_feeds_articles_to_the_list(
    library_path: Path, build_app: Any, tmp_path: Path
) -> None:
    feed = feed_file(tmp_path)
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        before = len(titles(app))
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FeedPrompt)
        app.screen.query_one("#feed-input", Input).value = str(feed)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FeedPrompt)
        listed = titles(app)
        assert "Port strike ends after 12 days" in listed
        assert len(listed) >= before + 1
        notices = [n.message for n in app._notifications]
        assert any("1 feed:" in n and "new article" in n for n in notices), notices
        assert app.sub_title == ""
        assert_safe(app)


async def test_a_saved_file_that_is_not_a_feed_is_not_subscribed(
    library_path: Path, build_app: Any, tmp_path: Path
) -> None:
    from reader.core.store import Library

    notes = tmp_path / "notafeed.txt"
    notes.write_text("Just some notes, not a feed.\n", encoding="utf-8")
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#feed-input", Input).value = str(notes)
        await pilot.press("enter")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("not subscribed" in n for n in notices), notices
    with Library.open(library_path) as library:
        assert library.feeds() == []


async def test_update_without_feeds_says_how_to_subscribe(
    library_path: Path, build_app: Any
) -> None:
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("No feeds yet" in n for n in notices), notices


async def test_escape_cancels_the_subscription(library_path: Path, build_app: Any) -> None:
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("x", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, FeedPrompt)
        assert not [n for n in app._notifications if "feed" in n.message.lower()]


def report(**fields: Any) -> Any:
    base = {"location": "", "title": "", "added": 0, "duplicates": 0, "skipped": 0}
    return SimpleNamespace(**{**base, "not_modified": False, "error": "", **fields})


def test_summary_names_failed_feeds_in_one_line_each() -> None:
    text, failed = feeds_summary(
        [
            report(title="Gazette", added=3),
            report(title="Wire", not_modified=True),
            report(location="https://bad.example/rss", error="HTTP 404\x1b[2J: not found"),
        ]
    )
    assert failed
    lines = text.splitlines()
    assert lines[0] == "3 feeds: 3 new articles (1 unchanged)"
    assert lines[1].startswith("https://bad.example/rss: HTTP 404")
    text, _ = feeds_summary(
        [report(location="https://x.example/a", error="https://x.example/a: timed out after 15 s")]
    )
    assert text.splitlines()[1] == "https://x.example/a: timed out after 15 s"
    assert "\x1b" not in text


def test_summary_of_a_quiet_update() -> None:
    text, failed = feeds_summary([report(title="Gazette", added=1)])
    assert (text, failed) == ("1 feed: 1 new article", False)


def subscribed_library(library_path: Path, feed: Path, now: dt.datetime) -> Path:
    from reader.core.feeds import update_feeds
    from reader.core.store import Library

    with Library.open(library_path) as library:
        library.add_feed(str(feed))
        update_feeds(library, now=now)
    return library_path


async def test_feeds_panel_reads_and_unsubscribes(
    library_path: Path, build_app: Any, tmp_path: Path, fixed_now: dt.datetime
) -> None:
    path = subscribed_library(library_path, feed_file(tmp_path), fixed_now)
    app = build_app(path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        shown = str(app.screen.query_one("#feed-list", OptionList).get_option_at_index(0).prompt)
        assert "Harbour Gazette" in shown and "fetched just now · +2 new" in shown

        await pilot.press("enter")  # read it: a search for the feed's source
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_text == 'source:"Harbour Gazette"'
        hits = app.screen.query_one(SearchResults)
        assert hits.option_count == 2
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("F")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert len(app.screen.feeds) == 1  # once only arms it
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.feeds == []
        listed = app.screen.query_one("#feed-list", OptionList)
        assert "No feeds yet" in str(listed.get_option_at_index(0).prompt)
        notices = [n.message for n in app._notifications]
        assert any("Unsubscribed from Harbour Gazette" in n for n in notices), notices
        await pilot.press("escape")
        await settle(pilot)
        assert "Port strike ends after 12 days" in titles(app)  # its articles stay


async def test_the_feeds_panel_says_when_it_cannot_read_the_feeds(
    library_path: Path, build_app: Any, monkeypatch: Any
) -> None:
    """Issue 11: a failing `library.feeds()` used to leave the panel empty, with no word."""
    from reader.core.store import Library, LibraryError

    def broken(self: Library) -> list[Any]:
        raise LibraryError("library is busy: another Broadsheet is writing to it")

    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Library, "feeds", broken)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        listed = app.screen.query_one(OptionList)
        shown = str(listed.get_option_at_index(0).prompt)
        assert shown.startswith("Could not read the feeds: library is busy")
        notices = [n.message for n in app._notifications]
        assert any(n.startswith("Could not read the feeds: library is busy") for n in notices)
