"""The subscribe prompt (a) fetches a web address once: the reply that showed it is a feed is
the one read and stored, not fetched again to subscribe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from feed_samples import RSS2, FeedServer, Reply

from reader.core.store import Library
from reader.ui.feeds.feed_runner import FeedRunner

pytestmark = pytest.mark.unit


class _Data:
    """The little of ReadingData the runner uses: the library, jobs run at once, messages."""

    list_view: Any = None

    def __init__(self, library: Library) -> None:
        self.library = library
        self.posted: list[Any] = []

    def lib(self) -> Library:
        return self.library

    def run(self, job: Callable[[], object], group: str, *, exclusive: bool = True) -> None:
        job()

    def post(self, message: Any) -> None:
        self.posted.append(message)


def test_a_feed_given_to_the_prompt_is_fetched_once(
    server: FeedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.ui.feeds.feed_runner as runner_module

    monkeypatch.setattr(runner_module, "page", lambda *args: None)  # no list to refresh
    server.routes["/rss"] = Reply(body=RSS2.encode(), headers={"ETag": '"v1"'})
    with Library.open(tmp_path / "lib.db") as library:
        data = _Data(library)
        runner = FeedRunner(data, lambda: dt.datetime(2025, 10, 30, tzinfo=dt.UTC))  # type: ignore[arg-type]
        runner.add(server.url("/rss"))
        assert [path for path, _ in server.requests] == ["/rss"]
        assert [row.location for row in library.feeds()] == [server.url("/rss")]
        assert library.feeds()[0].etag == '"v1"'  # the validators of that one fetch are kept
        assert library.count() >= 1
