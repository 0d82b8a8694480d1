"""Snapshots of the feeds panel and the subscription dialog (fixed clock and theme; feeds
are saved files, so nothing touches the network)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Port strike ends after 12 days</title><link>https://gazette.example/strike</link>
<pubDate>Tue, 28 Oct 2025 08:00:00 GMT</pubDate>
<description>Dock workers in Rotterdam returned on Monday.</description></item>
</channel></rss>
"""
GAZETTE_URL = "https://gazette.example/rss.xml"
GONE_URL = "https://gone.example/feed.xml"
FETCHED = dt.datetime(2025, 10, 30, 7, 0, tzinfo=dt.UTC)  # two hours before the app's clock


def feeds_library(library_path: Path, tmp_path: Path) -> Path:
    from reader.core.feeds import update_feeds
    from reader.core.store import Library

    good = tmp_path / "gazette.xml"
    good.write_text(FEED, encoding="utf-8")
    with Library.open(library_path) as library:
        library.add_feed(str(good))
        library.add_feed(str(tmp_path / "gone.xml"))
        update_feeds(library, now=FETCHED)
    # The snapshot must not show pytest's temporary folder: give the feeds the addresses
    # they would have on the web (the panel shows what is stored; nothing is fetched).
    with sqlite3.connect(library_path) as con:
        for name, url in (("gazette.xml", GAZETTE_URL), ("gone.xml", GONE_URL)):
            con.execute(
                "UPDATE feeds SET location = ?, last_error = replace(last_error, ?, ?)"
                " WHERE location = ?",
                (url, str(tmp_path / name), url, str(tmp_path / name)),
            )
    con.close()
    return library_path


def press(*keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run_before


def test_feeds_panel(snap_compare: Any, build_app: Any, library_path: Path, tmp_path: Path) -> None:
    """120×36, F: the "Feeds" panel over the reading screen. "Harbour Gazette" (bold) with
    https://gazette.example/rss.xml · "fetched 2 hours ago · +1 new"; then
    https://gone.example/feed.xml, "fetched 2 hours ago" and its error (the feed could not be
    read) in the error colour; the key help line; the footer shows esc Close, u Update,
    d Unsubscribe, a Add feed."""
    app = build_app(feeds_library(library_path, tmp_path))
    assert snap_compare(app, terminal_size=(120, 36), run_before=press("F"))


def test_feed_prompt(snap_compare: Any, build_app: Any, library_path: Path) -> None:
    """120×36, a: the "Subscribe to a feed" dialog, the input focused with its placeholder,
    the explanation below, "enter to subscribe · esc to cancel" on the border."""
    app = build_app(library_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=press("a"))
