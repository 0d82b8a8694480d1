"""Update subscribed feeds: fetch each (conditionally, several at once), read it, store its
new entries as soon as its own fetch ends (a slow server holds up no other feed).

A server that answered 429 or 503 is not asked again before the time its Retry-After gave
(stored with the feed): its feeds get a report saying so (`waiting`), not an error.

New entries go through `store_articles`, the importer's batch storing, so a feed entry is
deduplicated, analysed and stored exactly as an imported file is. One feed failing never
stops the others: its error is recorded on its row and in its `FeedReport`. Only a failure
of the library itself (busy, damaged) raises, as `LibraryError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.core.article import Article
from reader.core.feeds.errors import FeedError, FeedRetryLater, shown
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
    updated: int = 0  # entries re-published with a new title or text, updated in place
    notice: str = ""  # read, but with a warning (a truncated feed)
    waiting: str = ""  # skipped: its server asked not to be asked again before then
    full_text: int = 0  # new entries read in full from their pages (full-text feeds)
    pages_failed: tuple[str, ...] = ()  # why each page that could not be read was not


def check_feed(location: str) -> str:
    """Fetch and read the feed at `location` without storing anything; its title. Raises
    `FeedError` when it cannot be fetched or does not read as an RSS or Atom feed: what
    `feed add` asks of a saved file before subscribing to it."""
    fetched = fetch_feed(location)
    return parse_feed(fetched.body, fetched.url or location, fetched=dt.datetime.now(dt.UTC)).title


def update_feeds(
    library: Library,
    *,
    locations: list[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    analyze: Callable[[Article], Analysis] | None = None,
    analysis_version: str = "",
    now: dt.datetime | None = None,
    deadline: float | None = None,
    prefetched: Mapping[str, FetchResult] | None = None,
) -> list[FeedReport]:
    """Update every subscribed feed, or only those at `locations` (a location that is not
        subscribed gets a report with an error). `progress(done, total, location)` is called
        after each feed; `analyze` and `analysis_version` are as for `import_paths`; `now` is
        the time recorded as the fetch time; `deadline` the total seconds one fetch may take (None:
    the web client's 15 s); `prefetched` what was just fetched from a location (read instead of
    fetching it again). Ctrl-C (KeyboardInterrupt) stops it between feeds. Raises `LibraryError` only."""
    when = now if now is not None else dt.datetime.now(dt.UTC)
    subscribed = {row.location: row for row in library.feeds()}
    wanted = (
        list(subscribed)
        if locations is None
        else list(dict.fromkeys(feed_location(x) for x in locations))
    )
    reports: dict[str, FeedReport] = {}
    for location in wanted:
        if location not in subscribed:
            reports[location] = FeedReport(location, error=f"{shown(location)}: is not subscribed")
    resting = _resting_hosts(subscribed.values(), when)
    to_fetch: list[FeedRow] = []
    for location in wanted:
        row = subscribed.get(location)
        if row is None:
            continue
        until = resting.get(_host(location))
        if until is not None:
            reports[location] = FeedReport(
                location,
                row.title,
                waiting=f"{_host(location)} asked not to be tried again before"
                f" {until:%Y-%m-%d %H:%M} UTC",
            )
        else:
            to_fetch.append(row)
    done = len(reports)
    if progress is not None and done:
        progress(done, len(wanted), "")
    # Fetches overlap (FETCHERS at a time: most of an update is waiting on servers); each
    # feed is read and stored on this thread as soon as its own fetch ends.
    pool = ThreadPoolExecutor(max_workers=FETCHERS, thread_name_prefix="broadsheet-feed")
    try:
        fetches: dict[Future[FetchResult | Exception], FeedRow] = {
            pool.submit(_fetch, row, deadline, (prefetched or {}).get(row.location)): row
            for row in to_fetch
        }
        for future in as_completed(fetches):
            row = fetches[future]
            reports[row.location] = _update_one(
                library, row, future.result(), when, analyze, analysis_version, deadline
            )
            done += 1
            if progress is not None:
                progress(done, len(wanted), row.location)
    finally:  # a library failure or Ctrl-C stops the update: fetches not started are dropped
        pool.shutdown(wait=False, cancel_futures=True)
    return [reports[location] for location in wanted]


def _host(location: str) -> str:
    try:
        return (urlsplit(location).hostname or "").lower()
    except ValueError:
        return ""


def _resting_hosts(rows: Iterable[FeedRow], now: dt.datetime) -> dict[str, dt.datetime]:
    """Servers that asked (Retry-After) not to be tried before a time still to come."""
    resting: dict[str, dt.datetime] = {}
    for row in rows:
        until = row.retry_after
        host = _host(row.location)
        if until is not None and until > now and host:
            resting[host] = max(until, resting.get(host, until))
    return resting


def _fetch(
    row: FeedRow, deadline: float | None, fetched: FetchResult | None = None
) -> FetchResult | Exception:
    """The feed's bytes, or what stopped them (raised later, on the storing thread)."""
    if fetched is not None:
        return fetched
    try:
        return fetch_feed(row.location, etag=row.etag, modified=row.modified, timeout=deadline)
    except Exception as exc:
        return exc


def _update_one(
    library: Library,
    row: FeedRow,
    fetched: FetchResult | Exception,
    when: dt.datetime,
    analyze: Callable[[Article], Analysis] | None,
    version: str,
    deadline: float | None = None,
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
        until = exc.until if isinstance(exc, FeedRetryLater) else None
        library.record_fetch(row.location, fetched=when, error=error, retry_after=until)
        return FeedReport(row.location, row.title, error=error)
    if parsed is None:  # not modified
        library.record_fetch(
            row.location, fetched=when, etag=fetched.etag, modified=fetched.modified
        )
        return FeedReport(row.location, row.title, not_modified=True)
    known = library.entry_articles(row.location, [k for k in parsed.keys if k])
    fresh: list[Article] = []
    fresh_keys: list[str] = []
    taken: set[str] = set()
    updated = 0
    for article, key in zip(parsed.entries, parsed.keys, strict=True):
        if key and key in taken:
            continue  # the same entry twice in one feed: the first counts
        if key in known:
            if not row.full_text:  # (a full-text article is not put back to its summary)
                updated += library.replace_entry_article(known[key], article)
        else:
            fresh.append(article)
            fresh_keys.append(key)
            taken.add(key)
    failed: list[str] = []
    if row.full_text and fresh:
        from reader.core.web.pages import fill_full_text  # (trafilatura: only when needed)

        fill_full_text(fresh, deadline=deadline)  # several at once, per-server limits kept
        failed = [n for a in fresh for n in a.notices if n.startswith("full text not read")]
    hashes = {key: a.content_hash for a, key in zip(fresh, fresh_keys, strict=True) if key}
    stored = store_articles(
        library, fresh, analyze=analyze, analysis_version=version
    )  # before the validators are recorded: a crash here means a full fetch next time
    library.link_entries(row.location, hashes)
    library.record_fetch(
        row.location,
        fetched=when,
        added=stored.added,
        title=parsed.title,
        site=parsed.site,
        etag=fetched.etag,
        modified=fetched.modified,
    )
    return FeedReport(
        row.location,
        parsed.title,
        stored.added,
        stored.duplicates + len(known) - updated,
        parsed.skipped,
        updated=updated,
        notice="; ".join(parsed.notices),
        full_text=len(fresh) - len(failed) if row.full_text else 0,
        pages_failed=tuple(failed),
    )


def _unexpected(location: str, exc: Exception) -> str:
    """A bug or an input nobody foresaw, for this feed only: one line, the others go on."""
    return str(FeedError(f"{shown(location)}: unexpected error ({type(exc).__name__}: {exc})"))
