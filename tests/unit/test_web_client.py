"""The one web client: a total deadline a trickling server cannot stretch (headers or
body), the size cap on inflated bodies, and Retry-After."""

from __future__ import annotations

import datetime as dt
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import FeedServer, Reply

from reader.core.web.client import USER_AGENT, RetryLater, WebClient, WebError, retry_time

# How late past its deadline a cut-off request may end: the suite runs two test processes per
# core, and on a loaded 2-core machine the client's thread waited 1.4 s for its turn. Still
# far below what the hostile servers here would take (forever; a resolver hung for 10 s).
LATE = 4.0


def _trickler(head: bytes) -> Iterator[int]:
    """A server that sends `head` at once, then one byte every 0.2 s, forever."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    conn.recv(4096)
                    conn.sendall(head)
                    while not stop.wait(0.2):
                        conn.sendall(b"x")
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.fixture
def trickle_headers() -> Iterator[int]:
    yield from _trickler(b"HTTP/1.1 200 OK\r\nX-Slow: ")


@pytest.fixture
def trickle_body() -> Iterator[int]:
    yield from _trickler(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")


@pytest.mark.parametrize("which", ["trickle_headers", "trickle_body"])
def test_a_trickling_server_is_cut_off_at_the_deadline(
    which: str, request: pytest.FixtureRequest
) -> None:
    port = request.getfixturevalue(which)
    started = time.monotonic()
    with WebClient(deadline=1.0) as client, pytest.raises(WebError) as caught:
        client.get(f"http://127.0.0.1:{port}/feed", max_bytes=1 << 20)
    took = time.monotonic() - started
    assert 0.9 <= took < 1.0 + LATE, took
    assert str(caught.value).endswith("timed out after 1 s")


def test_sends_the_user_agent_and_inflates_gzip(server: FeedServer) -> None:
    server.routes["/z"] = Reply(
        body=gzip.compress(b"hello " * 100), headers={"Content-Encoding": "gzip"}
    )
    server.routes["/d"] = Reply(
        body=zlib.compress(b"deflated"), headers={"Content-Encoding": "deflate"}
    )
    with WebClient() as client:
        assert client.get(server.url("/z"), max_bytes=1000).body == b"hello " * 100
        assert client.get(server.url("/d"), max_bytes=1000).body == b"deflated"
    assert server.requests[0][1]["User-Agent"] == USER_AGENT
    assert USER_AGENT.endswith("(+terminal news reader)")
    assert "gzip" in server.requests[0][1]["Accept-Encoding"]


def test_a_gzip_bomb_is_refused_at_the_inflated_cap(server: FeedServer) -> None:
    bomb = gzip.compress(b"\0" * (64 << 20))  # 64 MB inflated, ~64 KB sent
    assert len(bomb) < 200_000
    server.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    with WebClient() as client, pytest.raises(WebError) as caught:
        client.get(server.url("/bomb"), max_bytes=1 << 20, what="a feed")
    assert str(caught.value).endswith("is over the 1 MB limit for a feed")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://files.example/x"])
def test_a_redirect_off_the_web_is_refused(server: FeedServer, target: str) -> None:
    server.routes["/r"] = Reply(302, headers={"Location": target})
    with WebClient() as client, pytest.raises(WebError) as caught:
        client.get(server.url("/r"), max_bytes=1000)
    assert "does not follow it" in str(caught.value) and len(server.requests) == 1


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_comes_back_with_the_error(server: FeedServer, status: int) -> None:
    server.routes["/busy"] = Reply(status, b"", headers={"Retry-After": "120"})
    before = dt.datetime.now(dt.UTC)
    with WebClient() as client, pytest.raises(RetryLater) as caught:
        client.get(server.url("/busy"), max_bytes=1000)
    wait = caught.value.until - before
    assert dt.timedelta(seconds=119) <= wait <= dt.timedelta(seconds=125)
    assert f"HTTP {status}" in str(caught.value) and "not to be tried again before" in str(
        caught.value
    )


def test_retry_after_as_a_date_missing_or_absurd() -> None:
    now = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    assert retry_time("Thu, 01 Jan 2026 12:30:00 GMT", now) == now + dt.timedelta(minutes=30)
    assert retry_time("", now) == now + dt.timedelta(minutes=1)
    assert retry_time("soon", now) == now + dt.timedelta(minutes=1)
    assert retry_time("999999999999", now) == now + dt.timedelta(days=1)


def test_at_most_two_requests_at_once_per_server(server: FeedServer) -> None:
    live = 0
    peak = 0
    lock = threading.Lock()

    def slow(_headers: dict[str, str]) -> Reply:
        nonlocal live, peak
        with lock:
            live += 1
            peak = max(peak, live)
        time.sleep(0.2)
        with lock:
            live -= 1
        return Reply(body=b"ok")

    server.routes["/s"] = slow
    with WebClient() as client:
        threads = [
            threading.Thread(target=client.get, args=(server.url("/s"),), kwargs={"max_bytes": 10})
            for _ in range(5)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert peak == 2 and len(server.requests) == 5


def test_a_name_look_up_that_hangs_is_cut_off_at_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The resolver cannot be interrupted; the request still ends by its deadline."""
    release = threading.Event()

    def hanging(*args: object, **kwargs: object) -> list[object]:
        release.wait(10)
        raise socket.gaierror("gave up")

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    started = time.monotonic()
    with WebClient(deadline=1.0) as client, pytest.raises(WebError) as caught:
        client.get("http://slow-resolver.example/feed.xml", max_bytes=1 << 20)
    release.set()
    assert time.monotonic() - started < 1.0 + LATE
    assert "slow-resolver.example" in str(caught.value)


def test_a_name_that_does_not_exist_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", missing)
    with WebClient(deadline=2.0) as client, pytest.raises(WebError) as caught:
        client.get("http://no-such-host.example/", max_bytes=1 << 20)
    assert "no-such-host.example" in str(caught.value) and "\n" not in str(caught.value)


def test_a_resting_server_is_not_asked_again_for_any_page(server: FeedServer) -> None:
    server.routes["/busy"] = Reply(429, b"", headers={"Retry-After": "120"})
    server.routes["/other"] = Reply(200, b"<html><body>fine</body></html>")
    with WebClient() as client:
        with pytest.raises(RetryLater):
            client.get(server.url("/busy"), max_bytes=1000)
        with pytest.raises(RetryLater) as caught:
            client.get(server.url("/other"), max_bytes=1000, skip_resting=True)
    assert len(server.requests) == 1
    assert "left alone until" in str(caught.value)


def test_a_resting_server_is_remembered_by_the_next_run(server: FeedServer, tmp_path: Path) -> None:
    from reader.core.web.resting import RestingServers

    server.routes["/busy"] = Reply(503, b"", headers={"Retry-After": "3600"})
    server.routes["/page"] = Reply(200, b"<html><body>fine</body></html>")
    path = tmp_path / "cache" / "resting.json"
    with WebClient(resting=RestingServers(path)) as first, pytest.raises(RetryLater):
        first.get(server.url("/busy"), max_bytes=1000, skip_resting=True)
    with WebClient(resting=RestingServers(path)) as second, pytest.raises(RetryLater) as caught:
        second.get(server.url("/page"), max_bytes=1000, skip_resting=True)
    assert len(server.requests) == 1 and "left alone until" in str(caught.value)
    path.write_text("{not json", encoding="utf-8")  # a damaged file is ignored, not fatal
    with WebClient(resting=RestingServers(path)) as third:
        assert third.get(server.url("/page"), max_bytes=1000, skip_resting=True).status == 200
