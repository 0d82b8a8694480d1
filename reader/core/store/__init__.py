"""The library: articles, reading state, cached analyses and feed subscriptions in one
SQLite file."""

from reader.core.store.feeds import FeedRow, feed_location
from reader.core.store.library import (
    ArticleRow,
    Library,
    LibraryError,
    SearchHit,
    default_path,
)
from reader.core.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "ArticleRow",
    "FeedRow",
    "Library",
    "LibraryError",
    "SearchHit",
    "default_path",
    "feed_location",
]
