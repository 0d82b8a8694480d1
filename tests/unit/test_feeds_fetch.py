"""Fetching feeds from a local HTTP server and from files: conditional GET, HTTP errors,
refused connections, timeouts, size limits, redirects, and the schemes that are refused."""

from __future__ import annotations

import re
import socket
import time
from pathlib import Path

import pytest
from feed_samples import BIG, RSS2, FeedServer, Reply, closed_port

from reader import __version__
from reader.core.feeds import USER_AGENT, FeedError, fetch_feed

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FEED = RSS2.encode("utf-8")


def refused(location: str, **options: float) -> str:
    """The one-line message `fetch_feed` raises for `location`."""
    with pytest.raises(FeedError) as caught:
        fetch_feed(location, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert not RAW_CONTROL.search(message)
    return message


def test_fetches_with_a_real_user_agent_and_returns_the_validators(server: FeedServer) -> None:
    server.routes["/feed.xml"] = Reply(
        body=FEED, headers={"ETag": '"v1"', "Last-Modified": "Tue, 28 Oct 2025 08:00:00 GMT"}
    )
    result = fetch_feed(server.url("/feed.xml"))
    assert result.body == FEED
    assert result.url == server.url("/feed.xml")
    assert (result.etag, result.modified) == ('"v1"', "Tue, 28 Oct 2025 08:00:00 GMT")
    assert not result.not_modified
    _path, headers = server.requests[-1]
    assert (
        headers["User-Agent"] == USER_AGENT == f"Broadsheet/{__version__} (+terminal news reader)"
    )
    assert "If-None-Match" not in headers and "If-Modified-Since" not in headers


def test_conditional_get_sends_the_validators_and_reads_304(server: FeedServer) -> None:
    def conditional(headers: dict[str, str]) -> Reply:
        if headers.get("If-None-Match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(body=FEED, headers={"ETag": '"v1"'})

    server.routes["/feed.xml"] = conditional
    first = fetch_feed(server.url("/feed.xml"))
    again = fetch_feed(
        server.url("/feed.xml"), etag=first.etag, modified="Tue, 28 Oct 2025 08:00:00 GMT"
    )
    assert again.not_modified and again.body == b""
    assert (again.etag, again.modified) == ('"v1"', "Tue, 28 Oct 2025 08:00:00 GMT")
    _path, headers = server.requests[-1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Tue, 28 Oct 2025 08:00:00 GMT"
    changed = fetch_feed(server.url("/feed.xml"), etag='"v0"')
    assert not changed.not_modified and changed.body == FEED


@pytest.mark.parametrize(("status", "reason"), [(404, "Not Found"), (500, "Internal Error")])
def test_http_errors(server: FeedServer, status: int, reason: str) -> None:
    server.routes["/feed.xml"] = Reply(status, b"oops", reason=reason)
    message = refused(server.url("/feed.xml"))
    assert message == f"{server.url('/feed.xml')}: the server answered HTTP {status} ({reason})"


def test_a_hostile_reason_phrase_comes_out_as_one_safe_line(server: FeedServer) -> None:
    server.routes["/feed.xml"] = Reply(404, reason="Gone\x1b[2J\x1b]52;c;eA==\x07 \x9bfar")
    message = refused(server.url("/feed.xml"))
    assert "HTTP 404 (Gone" in message and "\x1b" not in message


def test_connection_refused() -> None:
    message = refused(f"http://127.0.0.1:{closed_port()}/feed.xml")
    assert message.endswith("the server refused the connection")


def test_a_server_that_does_not_answer_times_out(server: FeedServer) -> None:
    server.routes["/slow"] = Reply(body=FEED, delay=2.0)
    started = time.monotonic()
    message = refused(server.url("/slow"), timeout=0.2)
    assert time.monotonic() - started < 1.5
    assert message.endswith("timed out after 0.2 s")


def test_an_unknown_server_name(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    message = refused("https://no-such-host.example/feed.xml")
    assert message.endswith("cannot find the server no-such-host.example")


def test_a_body_over_the_limit_is_refused_with_or_without_a_length(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", "1")
    big = b"<rss>" + b"x" * BIG
    server.routes["/told"] = Reply(body=big)
    server.routes["/streamed"] = Reply(body=big, send_length=False)
    assert refused(server.url("/told")).endswith("is over the 1 MB limit for a feed")
    assert refused(server.url("/streamed")).endswith("is over the 1 MB limit for a feed")
    server.routes["/small"] = Reply(body=b"x" * 101, send_length=False)
    assert refused(server.url("/small"), max_bytes=100).endswith(
        "over the 100 bytes limit for a feed"
    )
    server.routes["/fits"] = Reply(body=b"x" * 100, send_length=False)
    assert fetch_feed(server.url("/fits"), max_bytes=100).body == b"x" * 100


def test_redirects_are_followed_to_the_final_url(server: FeedServer) -> None:
    server.routes["/feed.xml"] = Reply(body=FEED)
    for hop in range(5):
        target = "/feed.xml" if hop == 4 else f"/hop{hop + 1}"
        server.routes[f"/hop{hop}"] = Reply(301, headers={"Location": target})
    result = fetch_feed(server.url("/hop0"))
    assert result.body == FEED and result.url == server.url("/feed.xml")
    assert server.requests[-1][1]["User-Agent"] == USER_AGENT  # kept across redirects


def test_more_than_five_redirects_are_refused(server: FeedServer) -> None:
    for hop in range(7):
        server.routes[f"/hop{hop}"] = Reply(302, headers={"Location": f"/hop{hop + 1}"})
    server.routes["/hop7"] = Reply(body=FEED)
    assert refused(server.url("/hop0")).endswith("more than 5 redirects")
    assert len(server.requests) == 6  # the first request and five redirects, no more


def test_a_redirect_loop_is_refused(server: FeedServer) -> None:
    server.routes["/loop"] = Reply(302, headers={"Location": "/loop"})
    assert refused(server.url("/loop")).endswith("more than 5 redirects")


@pytest.mark.parametrize(
    "target",
    ["file:///etc/passwd", "ftp://files.example/feed.xml", "data:text/xml,<rss/>", "javascript:x"],
)
def test_redirects_off_the_web_are_refused(server: FeedServer, target: str) -> None:
    server.routes["/feed.xml"] = Reply(302, headers={"Location": target})
    message = refused(server.url("/feed.xml"))
    assert f"redirected to {target}" in message and "does not follow it" in message
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("location", "scheme"),
    [
        ("file:///etc/passwd", "file"),
        ("ftp://files.example/feed.xml", "ftp"),
        ("data:application/rss+xml,<rss/>", "data"),
        ("javascript:alert(1)", "javascript"),
        ("FILE:///etc/hosts", "file"),
    ],
)
def test_other_schemes_are_refused(location: str, scheme: str) -> None:
    message = refused(location)
    assert message == (
        f"{location}: Broadsheet does not read {scheme}: addresses"
        " (give an http or https address, or the path of a saved feed)"
    )


@pytest.mark.parametrize("location", ["", "   ", "http:///feed.xml", "https://"])
def test_no_address_or_no_server(location: str) -> None:
    assert refused(location)


def test_a_saved_feed_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gazette.xml"
    path.write_bytes(FEED)
    result = fetch_feed(str(path))
    assert (result.body, result.url, result.not_modified) == (FEED, str(path), False)


def test_files_that_cannot_be_feeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", "1")
    assert refused(str(tmp_path / "missing.xml")).endswith("missing.xml: does not exist")
    assert refused(str(tmp_path)).endswith(": is not a file (a folder)")
    big = tmp_path / "big.xml"
    with big.open("wb") as f:
        f.truncate(BIG)  # sparse: over the limit without writing it
    assert refused(str(big)).endswith("is over the 1 MB limit for a feed")
    small = tmp_path / "small.xml"
    small.write_bytes(b"x" * 11)
    assert refused(str(small), max_bytes=10).endswith("over the 10 bytes limit for a feed")
