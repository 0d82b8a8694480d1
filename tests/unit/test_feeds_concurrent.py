"""Every update ends: feeds stored as their own fetch ends, a hanging server costs one line
after its deadline, Retry-After is honoured, and Ctrl-C stops `feed update` cleanly."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import RSS2, FeedServer, Reply

from reader.core.feeds import update_feeds
from reader.core.store import Library


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "library.sqlite3")
    yield library
    library.close()


def test_a_hanging_server_costs_one_error_and_the_others_are_stored_first(
    lib: Library, server: FeedServer
) -> None:
    server.routes["/hang.xml"] = Reply(body=RSS2.encode(), delay=5.0)
    for name in ("a", "b", "c"):
        server.routes[f"/{name}.xml"] = Reply(body=RSS2.replace("Gazette", name).encode())
    locations = [server.url(f"/{name}.xml") for name in ("hang", "a", "b", "c")]
    for location in locations:
        lib.add_feed(location)
    order: list[str] = []
    started = time.monotonic()
    # (2 s: the quick servers must answer within it on a loaded 2-core CI machine too)
    reports = update_feeds(lib, deadline=2.0, progress=lambda _d, _t, where: order.append(where))
    took = time.monotonic() - started
    assert took < 4.5, took
    assert order[-1] == locations[0]  # stored as each fetch ended, not in subscription order
    assert [r.location for r in reports] == locations  # reported in subscription order
    assert reports[0].error.endswith("timed out after 2 s")
    assert all(not r.error for r in reports[1:]) and reports[1].added > 0
    assert lib.count() > 0


def test_retry_after_is_stored_and_the_next_update_skips_that_server(
    lib: Library, server: FeedServer
) -> None:
    server.routes["/busy.xml"] = Reply(429, b"", headers={"Retry-After": "3600"})
    location = server.url("/busy.xml")
    lib.add_feed(location)
    now = dt.datetime.now(dt.UTC)
    first = update_feeds(lib, now=now)[0]
    assert "HTTP 429" in first.error
    stored = lib.feed(location)
    assert stored is not None and stored.retry_after is not None
    assert stored.retry_after > now + dt.timedelta(minutes=59)
    asked = len(server.requests)
    again = update_feeds(lib, now=now + dt.timedelta(minutes=5))[0]
    assert len(server.requests) == asked  # not asked again
    assert again.waiting.startswith("127.0.0.1 asked not to be tried again before")
    assert not again.error
    server.routes["/busy.xml"] = Reply(body=RSS2.encode())
    later = update_feeds(lib, now=now + dt.timedelta(hours=2))[0]
    assert not later.error and later.added > 0
    cleared = lib.feed(location)
    assert cleared is not None and cleared.retry_after is None


def test_ctrl_c_stops_feed_update_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from reader.cli import feeds as feeds_cli
    from reader.core import feeds

    def interrupted(*_args: object, **_kwargs: object) -> list[object]:
        raise KeyboardInterrupt

    monkeypatch.setattr(feeds, "update_feeds", interrupted)
    library = Library.open(tmp_path / "l.sqlite3")
    try:
        code = feeds_cli._run_update(library, None, as_json=False)
    finally:
        library.close()
    assert code == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "Traceback" not in err


def _one_entry(title: str, text: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><guid>urn:wire:1</guid><link>https://wire.example/1</link><title>{title}</title>"
        f"<description>{text}</description></item></channel></rss>"
    ).encode()


def test_a_re_published_entry_updates_its_article_in_place(
    lib: Library, server: FeedServer
) -> None:
    location = server.url("/wire.xml")
    lib.add_feed(location)
    server.routes["/wire.xml"] = Reply(body=_one_entry("Storm nears", "The storm is near."))
    first = update_feeds(lib)[0]
    assert first.added == 1 and lib.count() == 1
    (article_id,) = lib.ids()
    lib.set_starred(article_id)
    server.routes["/wire.xml"] = Reply(body=_one_entry("Storm hits", "The storm hit at dawn."))
    second = update_feeds(lib)[0]
    assert (second.added, second.updated, second.error) == (0, 1, "")
    assert lib.ids() == [article_id]
    stored = lib.get(article_id)
    assert stored.title == "Storm hits" and "dawn" in stored.body
    assert lib.row(article_id).starred
    assert [r.id for r in lib.search("dawn")] == [article_id]
    assert lib.search("near") == []
    third = update_feeds(lib)[0]  # the same again: nothing to do
    assert (third.added, third.updated) == (0, 0) and lib.count() == 1
