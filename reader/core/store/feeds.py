"""Feed subscriptions in the library: where each feed lives and what its last fetch said.

`FeedSubscriptions` is a part the `Library` holds: it uses the `Database`'s connection, write
transactions and error funnel. A location is stored as `feed_location` gives it (stripped;
a file path absolute), so a feed subscribed from one folder updates from any other and the
same feed cannot be subscribed twice under two spellings of its path. The store does not
judge locations: fetching refuses what it cannot read (see `reader.core.feeds`).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from reader.core.store.database import Database


@dataclass(frozen=True, slots=True)
class FeedRow:
    """A subscribed feed. `last_fetched` is when it was last tried (None: never);
    `last_error` what went wrong then ("" when it worked); `last_added` how many new
    articles that fetch stored."""

    id: int
    location: str
    title: str
    site: str
    etag: str
    modified: str
    added: dt.datetime | None
    last_fetched: dt.datetime | None
    last_error: str
    last_added: int
    retry_after: dt.datetime | None = None  # the server asked not to be tried before this
    full_text: bool = False  # new entries' links are fetched for their full text


_FEED_COLUMNS = (
    "id, location, title, site, etag, modified, added, last_fetched, last_error, last_added,"
    " retry_after, full_text"
)


def feed_location(location: str) -> str:
    """`location` as the library stores it: stripped, and a file path (anything without a
    URL scheme) made absolute with `~` expanded. Idempotent."""
    text = location.strip()
    try:
        scheme = urlsplit(text).scheme
    except ValueError:  # e.g. "http://[::1": not a URL the fetcher will take anyway
        return text
    if not text or (scheme and not (len(scheme) == 1 and os.name == "nt")):  # C:\\ is a path
        return text
    return os.path.abspath(os.path.expanduser(text))


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="seconds")


def _when(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _feed_row(r: sqlite3.Row | tuple[Any, ...]) -> FeedRow:
    return FeedRow(
        id=r[0],
        location=r[1],
        title=r[2],
        site=r[3],
        etag=r[4],
        modified=r[5],
        added=_when(r[6]),
        last_fetched=_when(r[7]),
        last_error=r[8],
        last_added=r[9],
        retry_after=_when(r[10]),
        full_text=bool(r[11]),
    )


class FeedSubscriptions:
    """The library's feed methods (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_feed(self, location: str, *, full_text: bool = False) -> tuple[int, bool]:
        """Subscribe to the feed at `location` (stored as `feed_location` gives it), its new
        entries read in full when `full_text`. Returns (id, created); created is False when
        it was subscribed already (its full-text setting is then left as it was)."""
        where = feed_location(location)
        with self._db.write() as con:
            found = con.execute("SELECT id FROM feeds WHERE location = ?", (where,)).fetchone()
            if found is not None:
                return int(found[0]), False
            cur = con.execute(
                "INSERT INTO feeds (location, added, full_text) VALUES (?, ?, ?)",
                (where, _stamp(dt.datetime.now(dt.UTC)), int(full_text)),
            )
            return int(cur.lastrowid or 0), True

    def feeds(self) -> list[FeedRow]:
        """Every subscribed feed, in the order they were subscribed."""
        with self._db.errors():
            return [
                _feed_row(r)
                for r in self._db.con.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")
            ]

    def feed(self, location: str) -> FeedRow | None:
        """The subscribed feed at `location`, or None."""
        with self._db.errors():
            r = self._db.con.execute(
                f"SELECT {_FEED_COLUMNS} FROM feeds WHERE location = ?", (feed_location(location),)
            ).fetchone()
        return _feed_row(r) if r is not None else None

    def set_full_text(self, location: str, on: bool) -> bool:
        """Read the feed's new entries in full (or not) from its next update on. False when
        the feed is not subscribed."""
        with self._db.write() as con:
            cur = con.execute(
                "UPDATE feeds SET full_text = ? WHERE location = ?",
                (int(on), feed_location(location)),
            )
            return cur.rowcount > 0

    def remove_feed(self, location: str) -> bool:
        """Unsubscribe; the articles it brought stay in the library. False when the feed
        was not subscribed."""
        with self._db.write() as con:
            cur = con.execute("DELETE FROM feeds WHERE location = ?", (feed_location(location),))
            return cur.rowcount > 0

    def record_fetch(
        self,
        location: str,
        *,
        fetched: dt.datetime,
        error: str = "",
        added: int = 0,
        title: str | None = None,
        site: str | None = None,
        etag: str | None = None,
        modified: str | None = None,
        retry_after: dt.datetime | None = None,
    ) -> bool:
        """Record a fetch of the feed at `location`: when, its error ("" when it worked),
        how many articles it added; title, site, etag and modified are replaced when given
        (None keeps what is stored); `retry_after` is replaced always (None clears it). False when the feed is not subscribed (any more)."""
        with self._db.write() as con:
            cur = con.execute(
                "UPDATE feeds SET title = coalesce(?, title), site = coalesce(?, site),"
                " etag = coalesce(?, etag), modified = coalesce(?, modified),"
                " last_fetched = ?, last_error = ?, last_added = ?, retry_after = ?"
                " WHERE location = ?",
                (
                    title,
                    site,
                    etag,
                    modified,
                    _stamp(fetched),
                    error,
                    max(0, added),
                    _stamp(retry_after) if retry_after is not None else "",
                    feed_location(location),
                ),
            )
            return cur.rowcount > 0
