"""Fetching for the reading screen: subscribe to a feed or add an article page (a), update
the subscribed feeds (u), and read the full article behind an entry (f).

Each runs in a thread worker of the screen, and reports by message: `Progress` for the
title line (which feeds are still pending), `Notice` for one line, `FeedsUpdated` for the
summary, `RowsLoaded` for the list with the new articles in place, `SetChosen` to reopen an
article read in full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.core.feeds.summary import short_name
from reader.core.sanitize import one_line
from reader.ui import messages as msg
from reader.ui.reading.reading_data import ReadingData, page

if TYPE_CHECKING:
    from reader.core.feeds import FetchResult


class FeedRunner:
    def __init__(self, data: ReadingData, clock: Callable[[], dt.datetime]) -> None:
        self.data = data
        self.clock = clock  # the app's: fixed in tests and screenshots

    def _progress(self, text: str) -> None:
        self.data.post(msg.Progress(text))

    def _relist(self) -> None:
        self.data.post(page(self.data.lib(), 0, self.data.list_view))

    def add(self, location: str) -> None:
        """What the subscribe prompt was given: a web address is fetched once to see whether
        it is a feed (subscribed) or a page (added); anything else is subscribed as a feed."""
        from reader.core.web.pages import is_web_address

        if is_web_address(location):
            self.data.run(lambda: self._subscribe_or_add(location), "feeds")
        else:
            self.update([location], subscribe=True)

    def _subscribe_or_add(self, location: str) -> None:
        from reader.core.importer import store_articles
        from reader.core.web.client import WebError
        from reader.core.web.sniff import sniff

        library = self.data.lib()
        self._progress(f"fetching {short_name(location)}")
        try:
            found = sniff(location)
        except WebError as exc:
            self.data.post(msg.Notice(str(exc), "warning"))
            return
        finally:
            self._progress("")
        if found.kind == "feed" or found.article is None:
            fetched = {location: found.feed} if found.feed is not None else None
            self._update([location], subscribe=True, prefetched=fetched)
            return
        article = found.article
        if library.article_at_url(article.url) is None:
            report = store_articles(library, [article])  # analysed behind (AnalysisRunner)
            added = bool(report.added)
        else:
            added = False
        title = one_line(article.title, 80)
        self.data.post(
            msg.Notice(f"Added the page: {title}" if added else f"Already in the library: {title}")
        )
        self._relist()

    def update(self, locations: list[str] | None, *, subscribe: bool = False) -> None:
        """Update `locations` (every subscribed feed when None), subscribing them first."""
        self.data.run(lambda: self._update(locations, subscribe=subscribe), "feeds")

    def _update(
        self,
        locations: list[str] | None,
        *,
        subscribe: bool = False,
        prefetched: dict[str, FetchResult] | None = None,
    ) -> None:
        from reader.core.feeds import update_feeds

        library = self.data.lib()
        if subscribe and locations:
            from reader.core.feeds import FeedError, check_feed, location_kind

            for location in locations:
                try:  # subscribe only what reads as a feed (a web one was sniffed already)
                    if location_kind(location) == "file":
                        check_feed(location)
                except FeedError as exc:
                    self.data.post(msg.Notice(f"{exc}; not subscribed", "warning"))
                    return
                _id, created = library.add_feed(location)
                if not created:
                    self.data.post(msg.Notice(f"Already subscribed: {location}"))
        elif not library.feeds():
            self.data.post(msg.Notice("No feeds yet: press a to subscribe to one"))
            return
        waiting = {
            row.location
            for row in library.feeds()
            if locations is None or row.location in locations
        }

        def progress(done: int, total: int, current: str) -> None:
            waiting.discard(current)
            names = sorted({short_name(where) for where in waiting})
            still = f" · waiting on {', '.join(names[:3])}" if names and done < total else ""
            more = f" +{len(names) - 3}" if len(names) > 3 and still else ""
            self._progress(f"updating feeds {done}/{total}{still}{more}")

        try:
            reports = update_feeds(
                library,
                locations=locations,
                progress=progress,
                now=self.clock(),  # new entries are stored; analysed behind (AnalysisRunner)
                prefetched=prefetched,
            )
        finally:
            self._progress("")
        self.data.post(msg.FeedsUpdated(reports))
        self._relist()

    def fetch_full_text(self, article_id: int) -> None:
        """Read the article's page in place of its text, then open it again (re-analysed)."""
        self.data.run(lambda: self._full_text(article_id), "full-text")

    def _full_text(self, article_id: int) -> None:
        from reader.core.web.pages import is_web_address, read_in_full

        library = self.data.lib()
        article = library.get(article_id)
        if not is_web_address(article.url):
            self.data.post(msg.Notice("This article has no web address to fetch"))
            return
        self._progress("fetching the full article")
        try:
            why = read_in_full(article)
        finally:
            self._progress("")
        if why:
            self.data.post(msg.Notice(f"Full article not read: {why}", "warning"))
            return
        if not library.replace_entry_article(article_id, article):
            self.data.post(msg.Notice("The page has no other text than this article's"))
            return
        self.data.post(msg.Notice(f"Full article read: {article.word_count:,} words"))
        self.data.post(msg.SetChosen([article_id]))
        self._relist()
