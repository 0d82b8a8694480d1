"""Feeds from the reading screen: subscribe (a), update every subscribed feed (u), and the
feeds panel (F: each feed's state; read, update or unsubscribe one).

Fetching and importing run in a thread worker; the title line counts the feeds as they are
fetched, one notification sums up, and the list reloads with the new articles in place.
"""

from __future__ import annotations

import datetime as dt

from textual import work

from reader.core.feeds.summary import feeds_summary, short_name
from reader.core.sanitize import one_line
from reader.ui import messages as msg
from reader.ui.reading.article_actions import ArticleActions
from reader.ui.reading.reading_workers import page


class FeedActions(ArticleActions):
    def _now(self) -> dt.datetime:
        clock = getattr(self.app, "clock", None)
        return clock() if clock is not None else dt.datetime.now(dt.UTC)

    def action_feeds(self) -> None:
        from reader.ui.feeds.feeds_screen import FeedsScreen

        if self.library is not None:
            self.app.push_screen(FeedsScreen(self.library, now=self._now()), self._after_feeds)

    def _after_feeds(self, outcome: tuple[str, str] | None) -> None:
        what, value = outcome or ("", "")
        if what == "read":
            from reader.ui.search.search_screen import SearchScreen

            if self.library is not None:
                query = f'source:"{value.replace(chr(34), " ")}"'
                self.app.push_screen(SearchScreen(self.library, query=query), self.show_search)
        elif what == "update":
            self.update_feeds([value])
        elif what == "add":
            self.action_add_feed()

    def action_add_feed(self) -> None:
        from reader.ui.feeds.feed_prompt import FeedPrompt

        self.app.push_screen(FeedPrompt(), self._subscribe)

    def _subscribe(self, location: str | None) -> None:
        from reader.core.web.pages import is_web_address

        if location and is_web_address(location):
            self.subscribe_or_add(location)  # a feed, or an article page: fetch and see
        elif location:
            self.update_feeds([location], subscribe=True)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def subscribe_or_add(self, location: str) -> None:
        """Fetch `location` once: a feed is subscribed (and updated), a page is added."""
        from reader.core.analysis import analyze, analyzer_version
        from reader.core.importer import store_articles
        from reader.core.web.client import WebError
        from reader.core.web.sniff import sniff

        library = self._lib()
        self.app.call_from_thread(
            setattr, self.app, "sub_title", f"fetching {short_name(location)}"
        )
        try:
            found = sniff(location)
        except WebError as exc:
            self.post_message(msg.Notice(str(exc), "warning"))
            return
        finally:
            self.app.call_from_thread(setattr, self.app, "sub_title", "")
        if found.kind == "feed" or found.article is None:
            self.app.call_from_thread(self.update_feeds, [location], True)
            return
        article = found.article
        if library.article_at_url(article.url) is not None:
            self.post_message(msg.Notice(f"Already in the library: {one_line(article.title, 80)}"))
            return
        report = store_articles(
            library, [article], analyze=analyze, analysis_version=analyzer_version()
        )
        if report.added:
            self.post_message(msg.Notice(f"Added the page: {one_line(article.title, 80)}"))
        else:
            self.post_message(msg.Notice(f"Already in the library: {one_line(article.title, 80)}"))
        self.post_message(page(library, 0, self.list_view))

    def action_update_feeds(self) -> None:
        self.update_feeds(None)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def update_feeds(self, locations: list[str] | None, subscribe: bool = False) -> None:
        from reader.core.analysis import analyze, analyzer_version
        from reader.core.feeds import update_feeds

        library = self._lib()
        if subscribe and locations:
            from reader.core.feeds import FeedError, check_feed, location_kind

            for location in locations:
                try:  # subscribe only what reads as a feed (a web one was sniffed already)
                    if location_kind(location) == "file":
                        check_feed(location)
                except FeedError as exc:
                    self.post_message(msg.Notice(f"{exc}; not subscribed", "warning"))
                    return
                _id, created = library.add_feed(location)
                if not created:
                    self.post_message(msg.Notice(f"Already subscribed: {location}"))
        elif not library.feeds():
            self.post_message(msg.Notice("No feeds yet: press a to subscribe to one"))
            return
        app = self.app
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
            app.call_from_thread(
                setattr, app, "sub_title", f"updating feeds {done}/{total}{still}{more}"
            )

        try:
            reports = update_feeds(
                library,
                locations=locations,
                progress=progress,
                analyze=analyze,
                analysis_version=analyzer_version(),
                now=self._now(),
            )
        finally:
            app.call_from_thread(setattr, app, "sub_title", "")
        self.post_message(msg.FeedsUpdated(reports))
        self.post_message(page(library, 0, self.list_view))

    def action_fetch_full_text(self) -> None:
        if (article_id := self.current_id()) is not None:
            self.fetch_full_text(article_id)

    @work(thread=True, exclusive=True, group="full-text", exit_on_error=False)
    def fetch_full_text(self, article_id: int) -> None:
        """Read the article's page in place of its text, then open it again (re-analysed)."""
        from reader.core.web.pages import is_web_address, read_in_full

        library = self._lib()
        article = library.get(article_id)
        if not is_web_address(article.url):
            self.post_message(msg.Notice("This article has no web address to fetch"))
            return
        self.app.call_from_thread(setattr, self.app, "sub_title", "fetching the full article")
        try:
            why = read_in_full(article)
        finally:
            self.app.call_from_thread(setattr, self.app, "sub_title", "")
        if why:
            self.post_message(msg.Notice(f"Full article not read: {why}", "warning"))
            return
        if not library.replace_entry_article(article_id, article):
            self.post_message(msg.Notice("The page has no other text than this article's"))
            return
        self.post_message(msg.Notice(f"Full article read: {article.word_count:,} words"))
        self.app.call_from_thread(self.open_set, [article_id])
        self.post_message(page(library, 0, self.list_view))

    def on_feeds_updated(self, message: msg.FeedsUpdated) -> None:
        text, failed = feeds_summary(message.reports)
        self.notify(
            text,
            title="Feeds",
            severity="warning" if failed else "information",
            markup=False,
            timeout=8 if failed else 4,
        )
