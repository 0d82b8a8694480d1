"""Updating subscribed feeds into the library, and the library's feed subscriptions."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from feed_samples import ATOM, RSS2, FeedServer, Reply, closed_port

from reader.core.analysis.model import Analysis, Entity
from reader.core.article import Article
from reader.core.feeds import FeedReport, ParsedFeed, update_feeds
from reader.core.feeds import update as update_module
from reader.core.store import FeedRow, Library, LibraryError

NOW = dt.datetime(2025, 10, 30, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "library.sqlite3")
    yield library
    library.close()


def saved(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def row(lib: Library, location: str) -> FeedRow:
    found = lib.feed(location)
    assert found is not None
    return found


def test_entries_are_stored_once_and_the_fetch_is_recorded(lib: Library, tmp_path: Path) -> None:
    location = saved(tmp_path, "gazette.xml", RSS2)
    assert lib.add_feed(location) == (1, True)
    (report,) = update_feeds(lib, now=NOW)
    assert report == FeedReport(location, "Harbour Gazette", added=3, duplicates=0, skipped=1)
    assert lib.count() == 3
    stored = {lib.get(i).url: lib.get(i) for i in lib.ids()}
    strike = stored["https://gazette.example/strike"]
    assert (strike.title, strike.source, strike.author) == (
        "Port strike ends after 12 days",
        "Harbour Gazette",
        "Ann Reporter",
    )
    assert strike.published == dt.date(2025, 10, 28)
    assert [b.kind for b in strike.blocks] == ["paragraph", "heading", "paragraph"]
    feed = row(lib, location)
    assert (feed.title, feed.site, feed.last_added, feed.last_error) == (
        "Harbour Gazette",
        "https://gazette.example/",
        3,
        "",
    )
    assert feed.last_fetched == NOW

    # Again: nothing new (deduplicated by content hash), and the row says so.
    (again,) = update_feeds(lib, now=NOW + dt.timedelta(hours=1))
    assert (again.added, again.duplicates, again.error) == (0, 3, "")
    assert lib.count() == 3
    assert row(lib, location).last_added == 0
    assert row(lib, location).last_fetched == NOW + dt.timedelta(hours=1)


def test_conditional_update_over_http(lib: Library, server: FeedServer) -> None:
    def conditional(headers: dict[str, str]) -> Reply:
        if headers.get("If-None-Match") == '"v1"':
            return Reply(304)
        return Reply(body=ATOM.encode(), headers={"ETag": '"v1"', "Last-Modified": "Wed"})

    server.routes["/wire.atom"] = conditional
    location = server.url("/wire.atom")
    lib.add_feed(location)
    (first,) = update_feeds(lib, now=NOW)
    assert (first.added, first.not_modified, first.title) == (2, False, "Wire Service")
    assert (row(lib, location).etag, row(lib, location).modified) == ('"v1"', "Wed")
    (second,) = update_feeds(lib, now=NOW)
    assert second == FeedReport(location, "Wire Service", not_modified=True)
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'
    assert server.requests[-1][1]["If-Modified-Since"] == "Wed"
    assert row(lib, location).etag == '"v1"' and row(lib, location).last_error == ""
    urls = {lib.get(i).url for i in lib.ids()}
    assert f"{location.rsplit('/', 1)[0]}/2025/leaders" in urls  # relative link resolved


def test_one_failing_feed_does_not_stop_the_others(
    lib: Library, server: FeedServer, tmp_path: Path
) -> None:
    server.routes["/gone.xml"] = Reply(404, reason="Not Found")
    server.routes["/page.html"] = Reply(body=b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    locations = [
        server.url("/gone.xml"),
        f"http://127.0.0.1:{closed_port()}/feed.xml",
        server.url("/page.html"),
        saved(tmp_path, "gazette.xml", RSS2),
    ]
    for location in locations:
        lib.add_feed(location)
    calls: list[tuple[int, int, str]] = []
    reports = update_feeds(lib, now=NOW, progress=lambda d, t, loc: calls.append((d, t, loc)))
    assert [r.location for r in reports] == locations
    assert "HTTP 404" in reports[0].error
    assert "refused" in reports[1].error
    assert "is not an RSS or Atom feed" in reports[2].error
    assert (reports[3].added, reports[3].error) == (3, "")
    assert [n for n, _t, _loc in calls] == [1, 2, 3, 4]  # stored in the order fetches end
    assert sorted(loc for _n, _t, loc in calls) == sorted(locations)
    for report in reports[:3]:
        feed = row(lib, report.location)
        assert feed.last_error == report.error and feed.last_fetched == NOW
        assert "\n" not in report.error


def test_an_unexpected_failure_is_one_feeds_error_but_a_library_failure_stops(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = saved(tmp_path, "broken.xml", RSS2)
    good = saved(tmp_path, "good.atom", ATOM)
    lib.add_feed(broken)
    lib.add_feed(good)
    real_parse = update_module.parse_feed

    def parse(data: bytes, location: str, **kw: Any) -> ParsedFeed:
        if location == broken:
            raise RecursionError("too deep\x1b[2J")
        return real_parse(data, location, **kw)

    monkeypatch.setattr(update_module, "parse_feed", parse)
    first, second = update_feeds(lib, now=NOW)
    assert first.error == f"{broken}: unexpected error (RecursionError: too deep␛[2J)"
    assert (second.added, second.error) == (2, "")

    def busy(data: bytes, location: str, **kw: Any) -> ParsedFeed:
        raise LibraryError("library is busy")

    monkeypatch.setattr(update_module, "parse_feed", busy)
    with pytest.raises(LibraryError):
        update_feeds(lib, now=NOW)


def test_only_the_feeds_given_and_an_unknown_one(lib: Library, tmp_path: Path) -> None:
    gazette = saved(tmp_path, "gazette.xml", RSS2)
    wire = saved(tmp_path, "wire.atom", ATOM)
    lib.add_feed(gazette)
    lib.add_feed(wire)
    reports = update_feeds(lib, locations=[wire, str(tmp_path / "other.xml")], now=NOW)
    assert [r.added for r in reports] == [2, 0]
    assert reports[1].error.endswith("other.xml: is not subscribed")
    assert row(lib, gazette).last_fetched is None  # not asked for: not fetched


def test_new_entries_are_analysed_and_cached(lib: Library, tmp_path: Path) -> None:
    seen: list[str] = []

    def analyze(article: Article) -> Analysis:
        seen.append(article.title)
        return Analysis(entities=[Entity("Rotterdam", "place", 0, 9, "Rotterdam")])

    lib.add_feed(saved(tmp_path, "gazette.xml", RSS2))
    update_feeds(lib, analyze=analyze, analysis_version="t1", now=NOW)
    assert len(seen) == 3
    assert all(lib.get_analysis(i, "t1") is not None for i in lib.ids())
    assert len(lib.search("place:rotterdam")) == 3
    update_feeds(lib, analyze=analyze, analysis_version="t1", now=NOW)
    assert len(seen) == 3  # duplicates are not analysed again


def test_a_failed_fetch_keeps_what_the_last_good_one_recorded(lib: Library, tmp_path: Path) -> None:
    location = saved(tmp_path, "gazette.xml", RSS2)
    lib.add_feed(location)
    update_feeds(lib, now=NOW)
    Path(location).write_text("<html><body>moved</body></html>", encoding="utf-8")
    (report,) = update_feeds(lib, now=NOW)
    assert report.title == "Harbour Gazette" and "not an RSS or Atom feed" in report.error
    feed = row(lib, location)
    assert (feed.title, feed.last_added) == ("Harbour Gazette", 0)
    assert "not an RSS or Atom feed" in feed.last_error


def test_subscriptions(lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert lib.add_feed("  https://a.example/rss  ") == (1, True)
    assert lib.add_feed("https://a.example/rss") == (1, False)
    assert lib.add_feed("feeds/b.xml") == (2, True)
    assert lib.add_feed(str(tmp_path / "feeds" / "b.xml")) == (2, False)  # same file
    assert [f.location for f in lib.feeds()] == [
        "https://a.example/rss",
        os.path.join(str(tmp_path), "feeds", "b.xml"),
    ]
    first = lib.feeds()[0]
    assert (first.title, first.etag, first.last_fetched, first.last_error) == ("", "", None, "")
    assert first.added is not None
    assert lib.record_fetch("https://a.example/rss", fetched=NOW, error="boom")
    assert not lib.record_fetch("https://never.example/rss", fetched=NOW)
    assert lib.remove_feed("feeds/b.xml")
    assert not lib.remove_feed("feeds/b.xml")
    assert [f.location for f in lib.feeds()] == ["https://a.example/rss"]
    assert lib.feeds()[0].last_error == "boom"


def test_fetches_overlap_and_reports_keep_subscription_order(
    lib: Library, server: FeedServer
) -> None:
    inflight = {"now": 0, "most": 0}
    lock = threading.Lock()

    def slow(headers: dict[str, str]) -> Reply:
        with lock:
            inflight["now"] += 1
            inflight["most"] = max(inflight["most"], inflight["now"])
        time.sleep(0.2)  # every server is slow: the next fetches start meanwhile
        with lock:
            inflight["now"] -= 1
        return Reply(body=RSS2.encode())

    paths = [f"/feed-{n}.xml" for n in range(4)]
    locations = [server.url(path) for path in paths]
    for path, location in zip(paths, locations, strict=True):
        server.routes[path] = slow
        lib.add_feed(location)
    reports = update_feeds(lib, now=NOW)
    assert [r.location for r in reports] == locations
    assert [r.error for r in reports] == [""] * 4
    assert inflight["most"] >= 2
