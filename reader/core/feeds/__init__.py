"""RSS and Atom feeds: fetch (`fetch.py`), read into articles (`parse.py`), and update the
library's subscriptions (`update.py`). Subscriptions themselves are stored by the library
(`reader.core.store.feeds`).

Nothing here is imported when the app starts: the names below load their module on first
use (PEP 562), so `reader.core.feeds.summary`, which the app's first frame needs, does not
pull in the feed reader, the page loaders and feedparser (~90 ms of start-up).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.feeds.errors import FeedError
    from reader.core.feeds.fetch import USER_AGENT, FetchResult, fetch_feed, location_kind
    from reader.core.feeds.parse import ParsedFeed, parse_feed
    from reader.core.feeds.update import FeedReport, check_feed, update_feeds

_HOMES = {
    "FeedError": "errors",
    "USER_AGENT": "fetch",
    "FetchResult": "fetch",
    "fetch_feed": "fetch",
    "location_kind": "fetch",
    "ParsedFeed": "parse",
    "parse_feed": "parse",
    "FeedReport": "update",
    "check_feed": "update",
    "update_feeds": "update",
}

__all__ = [
    "USER_AGENT",
    "FeedError",
    "FeedReport",
    "FetchResult",
    "ParsedFeed",
    "check_feed",
    "fetch_feed",
    "location_kind",
    "parse_feed",
    "update_feeds",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
