"""The feeds still pending in the app's update progress are named safely and briefly."""

from __future__ import annotations

from reader.core.feeds.summary import short_name as _short_name


def test_pending_feeds_are_named_by_server_or_file_safely() -> None:
    assert _short_name("https://news.example.org/rss.xml") == "news.example.org"
    assert _short_name("/home/me/feeds/gazette.xml") == "gazette.xml"
    assert _short_name("/tmp/[bold]\x1b[2Jx.xml") == "bold2Jx.xml"
    assert _short_name("http://[::1") in ("a feed", "1")
    assert len(_short_name("https://" + "a" * 200 + ".example/")) == 40
