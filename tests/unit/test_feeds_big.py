"""Big feeds: the size limit is 64 MB by default and set by BROADSHEET_MAX_FEED_MB; a feed
of thousands of items under it is read whole. The limit is patched down so that no test
writes tens of megabytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.feeds import FeedError, fetch_feed
from reader.core.feeds.fetch import MAX_FEED_BYTES, max_feed_bytes
from reader.core.feeds.parse import parse_feed

WHEN = dt.datetime(2026, 1, 2, 12, 0, tzinfo=dt.UTC)


def big_feed(items: int) -> bytes:
    """An RSS 2.0 feed of `items` distinct items of a few hundred bytes each."""
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>']
    parts.append("<title>Big Wire</title><link>https://wire.example/</link>")
    for n in range(items):
        parts.append(
            f"<item><title>Story {n}</title><link>https://wire.example/{n}</link>"
            f"<guid>wire-{n}</guid><pubDate>Mon, 05 Jan 2026 10:00:00 GMT</pubDate>"
            f"<description>Paragraph {n} of the wire. "
            + "More words follow here. " * 12
            + "</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def test_the_default_limit_is_64_mb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROADSHEET_MAX_FEED_MB", raising=False)
    assert max_feed_bytes() == MAX_FEED_BYTES == 64 * 1024 * 1024
    monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", " 128 ")
    assert max_feed_bytes() == 128 * 1024 * 1024


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "lots", "99999", "１"])
def test_a_bad_limit_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", value)
    with pytest.raises(FeedError, match=r"BROADSHEET_MAX_FEED_MB=.*whole number of MB"):
        max_feed_bytes()


def test_a_feed_of_thousands_of_items_is_read_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = big_feed(4000)
    assert 1024 * 1024 < len(data) < 2 * 1024 * 1024
    path = tmp_path / "big.xml"
    path.write_bytes(data)
    monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", "1")
    with pytest.raises(FeedError, match="is over the 1 MB limit for a feed"):
        fetch_feed(str(path))
    monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", "2")
    fetched = fetch_feed(str(path))
    assert fetched.body == data
    parsed = parse_feed(fetched.body, str(path), fetched=WHEN)
    assert len(parsed.entries) == 4000
    assert parsed.entries[-1].title == "Story 3999"
    assert parsed.keys[1234] == "wire-1234"
