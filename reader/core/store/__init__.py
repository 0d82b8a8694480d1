"""The library: articles, reading state and cached analyses in one SQLite file."""

from reader.core.store.library import (
    ArticleRow,
    Library,
    LibraryError,
    SearchHit,
    default_path,
)
from reader.core.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "ArticleRow", "Library", "LibraryError", "SearchHit", "default_path"]
