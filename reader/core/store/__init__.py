"""The library: articles, reading state, cached analyses and feed subscriptions in one
SQLite file."""

from reader.core.store.articles import ArticleCounts, ArticleRow
from reader.core.store.errors import LibraryError
from reader.core.store.feeds import FeedRow, feed_location
from reader.core.store.library import Library, default_path
from reader.core.store.library_search import SearchHit, SearchScope
from reader.core.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "ArticleCounts",
    "ArticleRow",
    "FeedRow",
    "Library",
    "LibraryError",
    "SearchHit",
    "SearchScope",
    "default_path",
    "feed_location",
]
