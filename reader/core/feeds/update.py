"""Update subscribed feeds: fetch each (conditionally, several at once), read it, store its
new entries.

New entries go through `store_articles`, the importer's batch storing, so a feed entry is
deduplicated, analysed and stored exactly as an imported file is. One feed failing never
stops the others: its error is recorded on its row and in its `FeedReport`. Only a failure
of the library itself (busy, damaged) raises, as `LibraryError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.article import Article
from reader.core.feeds.errors import FeedError, shown
from reader.core.feeds.fetch import FetchResult, fetch_feed
from reader.core.feeds.parse import parse_feed
from reader.core.importer import store_articles
from reader.core.store import FeedRow, Library, LibraryError, feed_location

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis

FETCHERS = 6  # feeds fetched at once


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What updating one feed did. `error` is one line ("" when the update worked);
    `not_modified`: the server said nothing changed since the last fetch."""

    location: str
    title: str = ""
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    not_modified: bool = False
    error: str = ""


def update_feeds(
    library: Library,
    *,
    locations: list[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    analyze: Callable[[Article], Analysis] | None = None,
    analysis_version: str = "",
    now: dt.datetime | None = None,
) -> list[FeedReport]:
    """Update every subscribed feed, or only those at `locations` (a location that is not
    subscribed gets a report with an error). `progress(done, total, location)` is called
    after each feed; `analyze` and `analysis_version` are as for `import_paths`; `now` is
    the time recorded as the fetch time. Raises `LibraryError` only."""
    when = now if now is not None else dt.datetime.now(dt.UTC)
    subscribed = {row.location: row for row in library.feeds()}
    wanted = (
        list(subscribed)
        if locations is None
        else list(dict.fromkeys(feed_location(x) for x in locations))
    )
    reports: list[FeedReport] = []
    # Fetches overlap (FETCHERS at a time: most of an update is waiting on servers); parsing
    # and storing stay on this thread, in subscription order.
    pool = ThreadPoolExecutor(max_workers=FETCHERS, thread_name_prefix="broadsheet-feed")
    try:
        fetches = {
            location: pool.submit(_fetch, subscribed[location])
            for location in wanted
            if location in subscribed
        }
        for done, location in enumerate(wanted, start=1):
            row = subscribed.get(location)
            if row is None:
                reports.append(FeedReport(location, error=f"{shown(location)}: is not subscribed"))
            else:
                fetched = fetches[location].result()
                reports.append(_update_one(library, row, fetched, when, analyze, analysis_version))
            if progress is not None:
                progress(done, len(wanted), location)
    finally:  # a library failure stops the update: fetches not started are dropped
        pool.shutdown(wait=False, cancel_futures=True)
    return reports


def _fetch(row: FeedRow) -> FetchResult | Exception:
    """The feed's bytes, or what stopped them (raised later, on the storing thread)."""
    try:
        return fetch_feed(row.location, etag=row.etag, modified=row.modified)
    except Exception as exc:
        return exc


def _update_one(
    library: Library,
    row: FeedRow,
    fetched: FetchResult | Exception,
    when: dt.datetime,
    analyze: Callable[[Article], Analysis] | None,
    version: str,
) -> FeedReport:
    try:
        if isinstance(fetched, Exception):
            raise fetched
        parsed = (
            None
            if fetched.not_modified
            else parse_feed(fetched.body, fetched.url or row.location, fetched=when)
        )
    except LibraryError:
        raise
    except Exception as exc:
        error = str(exc) if isinstance(exc, FeedError) else _unexpected(row.location, exc)
        library.record_fetch(row.location, fetched=when, error=error)
        return FeedReport(row.location, row.title, error=error)
    if parsed is None:  # not modified
        library.record_fetch(
            row.location, fetched=when, etag=fetched.etag, modified=fetched.modified
        )
        return FeedReport(row.location, row.title, not_modified=True)
    stored = store_articles(
        library, parsed.entries, analyze=analyze, analysis_version=version
    )  # before the validators are recorded: a crash here means a full fetch next time
    library.record_fetch(
        row.location,
        fetched=when,
        added=stored.added,
        title=parsed.title,
        site=parsed.site,
        etag=fetched.etag,
        modified=fetched.modified,
    )
    return FeedReport(row.location, parsed.title, stored.added, stored.duplicates, parsed.skipped)


def _unexpected(location: str, exc: Exception) -> str:
    """A bug or an input nobody foresaw, for this feed only: one line, the others go on."""
    return str(FeedError(f"{shown(location)}: unexpected error ({type(exc).__name__}: {exc})"))
