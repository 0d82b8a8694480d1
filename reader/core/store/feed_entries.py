"""Which article each feed entry became, so a re-published entry updates its article.

`FeedEntries` is a part the `Library` holds. An entry's key is its guid (else its link); the pair
(feed location, key) names one article. When the entry comes back with a new title or text,
`replace_entry_article` rewrites that article in place (text, search index; its cached
analysis is dropped, to be made again), keeping its read and starred flags.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.article import Article
from reader.core.store.articles import _blocks_json
from reader.core.store.column_values import storable_text
from reader.core.store.database import Database


class FeedEntries:
    """The library's feed-entry methods (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def entry_articles(self, feed: str, keys: Iterable[str]) -> dict[str, int]:
        """The article id of each of `keys` this feed has stored before."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, int] = {}
        with self._db.errors():
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                for key, article_id in self._db.con.execute(
                    f"SELECT entry_key, article_id FROM feed_entries"
                    f" WHERE feed = ? AND entry_key IN ({marks})",
                    (feed, *part),
                ):
                    found[key] = int(article_id)
        return found

    def article_feeds(self, article_ids: Iterable[int]) -> dict[int, list[str]]:
        """The feeds (locations) each of `article_ids` came from; an article added from a
        file or a page is in none."""
        wanted = list(dict.fromkeys(article_ids))
        found: dict[int, list[str]] = {}
        with self._db.errors():
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                for article_id, feed in self._db.con.execute(
                    f"SELECT DISTINCT article_id, feed FROM feed_entries"
                    f" WHERE article_id IN ({marks}) ORDER BY article_id, feed",
                    part,
                ):
                    found.setdefault(int(article_id), []).append(str(feed))
        return found

    def link_entries(self, feed: str, hashes: dict[str, str]) -> None:
        """Remember, for each entry key, the article now holding the text of `hashes[key]`."""
        if not hashes:
            return
        with self._db.write() as con:  # one prepared statement for them all
            con.executemany(
                "INSERT OR REPLACE INTO feed_entries (feed, entry_key, article_id)"
                " SELECT ?, ?, id FROM articles WHERE content_hash = ?",
                [(feed, key, digest) for key, digest in hashes.items()],
            )

    def replace_entry_article(self, article_id: int, article: Article) -> bool:
        """Rewrite article `article_id` with `article`'s text and fields. False (nothing
        changed) when its text is the same, or is another article's already."""
        digest = article.content_hash
        title, body, source = (
            storable_text(article.title),
            storable_text(article.body),
            storable_text(article.source),
        )
        with self._db.write() as con:
            old = con.execute(
                "SELECT a.content_hash, a.title, t.body, a.source FROM articles AS a"
                " JOIN article_text AS t ON t.id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
            if old is None or old[0] == digest:
                return False
            other = con.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (digest,)
            ).fetchone()
            if other is not None:
                return False
            con.execute(
                "INSERT INTO article_fts (article_fts, rowid, title, body, source)"
                " VALUES ('delete', ?, ?, ?, ?)",
                (article_id, old[1], old[2], old[3]),
            )
            con.execute(
                "UPDATE articles SET title = ?, source = ?, published = ?, url = ?, author = ?,"
                " language = ?, title_derived = ?, content_hash = ?, word_count = ?"
                " WHERE id = ?",
                (
                    title,
                    source,
                    article.published.isoformat() if article.published else None,
                    storable_text(article.url),
                    storable_text(article.author),
                    storable_text(article.language),
                    int(article.title_derived),
                    digest,
                    article.word_count,
                    article_id,
                ),
            )
            con.execute(
                "UPDATE article_text SET body = ?, blocks = ? WHERE id = ?",
                (body, _blocks_json(article.blocks), article_id),
            )
            con.execute(
                "INSERT INTO article_fts (rowid, title, body, source) VALUES (?, ?, ?, ?)",
                (article_id, title, body, source),
            )
            con.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
            con.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
            con.execute("DELETE FROM entity_fts WHERE rowid = ?", (article_id,))
            return True
