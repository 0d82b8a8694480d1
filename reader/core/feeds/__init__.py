"""RSS and Atom feeds: fetch (`fetch.py`), read into articles (`parse.py`), and update the
library's subscriptions (`update.py`). Subscriptions themselves are stored by the library
(`reader.core.store.feeds`).

feedparser is imported only when a feed is read, and nothing here is imported when the app
starts.
"""

from reader.core.feeds.errors import FeedError
from reader.core.feeds.fetch import USER_AGENT, FetchResult, fetch_feed, location_kind
from reader.core.feeds.parse import ParsedFeed, parse_feed
from reader.core.feeds.update import FeedReport, check_feed, update_feeds

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
