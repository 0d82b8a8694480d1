"""The reading screen's library: it opens it, and every library call and every analysis
runs here, in thread workers on the screen that post `reader.ui.messages` back to it. A worker
that fails reaches the screen's one error funnel (`reader.ui.chrome.worker_errors`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.sanitize import one_line
from reader.ui import messages as msg

if TYPE_CHECKING:
    from textual.message import Message
    from textual.screen import Screen

    from reader.core.article import Article
    from reader.core.store import ArticleCounts, ArticleRow, Library
    from reader.ui.reading.row_window import Fetch

PAGE = 100  # rows fetched per page of the list
VIEWS = ("all", "unread", "starred")  # which articles the list shows (v cycles)
# What the workers of each group (here and in FeedRunner) do, for the error funnel's
# "Could not …".
DOING = {
    "library": "open the library",
    "page": "read the list",
    "set": "open the articles",
    "flags": "save the change",
    "fetch": "read the article",
    "other-screen": "build the view",
    "feeds": "update the feeds",
    "full-text": "fetch the full article",
    "analysis": "analyse the articles",
    "analyses": "show the analyses",
}


def page(
    library: Library, offset: int, view: str = "all", after: ArticleRow | None = None
) -> msg.RowsLoaded:
    """The page of the list at `offset`: the rows after `after` (the last one listed) when it
    is given, by keyset, so a page deep in the list costs what the first does. One row past it
    says whether there are more: no count(*), which takes ~6 ms at 100,000 articles and
    longer on a cold cache."""
    only = {"unread_only": view == "unread", "starred_only": view == "starred"}
    if after is not None:
        rows = library.rows_after(after, PAGE + 1, **only)
    else:
        rows = library.rows(offset, PAGE + 1, **only)
    return msg.RowsLoaded(rows[:PAGE], len(rows) > PAGE, offset, library.counts())


def window_page(library: Library, fetch: Fetch, view: str = "all") -> msg.WindowLoaded:
    """The page `fetch` asks for (by keyset after or before a row, or from an index for a
    jump), with one row more than asked to know whether the list goes on past it."""
    only = {"unread_only": view == "unread", "starred_only": view == "starred"}
    wanted = fetch.size + 1
    if fetch.kind == "after":
        rows = library.rows_after(fetch.row, wanted, **only)
    elif fetch.kind == "at":
        rows = library.rows(fetch.index, wanted, **only)
    else:
        before = fetch.row if fetch.kind == "before" else None
        found = library.rows_before(before, wanted, **only)
        return msg.WindowLoaded(fetch, found[-fetch.size :], len(found) < wanted, library.counts())
    return msg.WindowLoaded(fetch, rows[: fetch.size], len(rows) < wanted, library.counts())


def listed_total(counts: ArticleCounts | None, view: str) -> int:
    """How many rows the list of `view` has, from the counts the triggers keep (0: unknown)."""
    if counts is None:
        return 0
    return {"unread": counts.unread, "starred": counts.starred}.get(view, counts.total)


class ReadingData:
    """The library the reading screen shows, and the workers that read and change it. Each
    method starts a thread worker on `host` (so it is cancelled with the screen) and returns
    at once; what it finds is posted to `host`."""

    def __init__(self, host: Screen[Any], library: Library | str | Path | None) -> None:
        self.host = host
        self.library_spec = library
        self.library: Library | None = None
        self.token = 0  # bumped per reading set; late results for older sets are dropped
        self.list_view = VIEWS[0]
        self.counts: ArticleCounts | None = None  # the library's, as last read
        self._owns_library = False

    def close(self) -> None:
        if self._owns_library and self.library is not None:
            self.library.close()

    def post(self, message: Message) -> None:
        self.host.post_message(message)

    def run(self, job: Callable[[], object], group: str, *, exclusive: bool = True) -> None:
        """Run `job` in a thread worker of the screen (one at a time per `group` when
        `exclusive`: a newer one cancels the older)."""
        self.host.run_worker(
            job, thread=True, group=group, exclusive=exclusive, exit_on_error=False
        )

    def lib(self) -> Library:
        if self.library is None:
            raise RuntimeError("the library is not open yet")
        return self.library

    def open_now(self) -> msg.RowsLoaded | None:
        """Open a library that is ready (exists, current schema, no lock to wait for) and read
        its first page on the UI thread, before the first frame (~2 ms at any size): the first
        frame shows the list instead of an empty one that a worker fills a frame later. None:
        `load_library` does the whole job in a worker."""
        from reader.core.store import Library, LibraryError

        spec = self.library_spec
        library = spec if isinstance(spec, Library) else Library.open_current(spec)
        if library is None or library.is_new():
            return None
        try:
            first = page(library, 0, self.list_view)
        except LibraryError:
            if library is not spec:
                library.close()
            return None
        self._owns_library = library is not spec
        self.library = library
        return first

    def load_library(self) -> None:
        """Open the library off the UI thread (creating or migrating it), list its first
        page, and import the seeds into a new one."""
        from reader.core.store import Library

        def job() -> None:
            spec = self.library_spec
            library = spec if isinstance(spec, Library) else Library.open(spec)
            self._owns_library = library is not spec
            self.library = library
            self.post(page(library, 0, self.list_view))
            if library.is_new():
                from reader.core.importer import import_seeds

                import_seeds(library)
                self.post(page(library, 0, self.list_view))

        self.run(job, "library")

    def load_rows(self, fetch: Fetch) -> None:
        """A page of the list's window (`WindowLoaded`)."""
        self.run(
            lambda: self.post(window_page(self.lib(), fetch, self.list_view)),
            "page",
            exclusive=False,
        )

    def reload_list(self) -> None:
        """The list from the top again (the highlighted article stays highlighted)."""
        self.run(lambda: self.post(page(self.lib(), 0, self.list_view)), "page")

    def open_set(self, ids: Sequence[int], *, mark_read: bool = False) -> None:
        """Load the articles (`SetLoaded`), then their analyses (`SetAnalysed`); both carry
        a token, so the screen drops what a newer set has overtaken."""
        self.token += 1
        token, wanted = self.token, list(ids)
        self.run(lambda: self._load_set(token, wanted, mark_read), "set")

    def _load_set(self, token: int, ids: list[int], mark_read: bool) -> None:
        from reader.core.reading.reading_set import analysed_each

        library = self.lib()
        articles = [library.get(i) for i in ids]
        self.post(msg.SetLoaded(token, ids, articles))
        if mark_read:
            for article_id in ids:
                self._set_flag(library, article_id, read=True)
        analyses, failures = analysed_each(library, ids)
        for article, failure in zip(articles, failures, strict=True):
            if failure:
                title = one_line(article.title or "(untitled)", 60)
                self.post(msg.Notice(f"Not analysed: {title} ({failure})", "warning"))
        self.post(msg.SetAnalysed(token, ids, analyses, failures))

    def refresh_analyses(self, ids: Sequence[int]) -> None:
        """The open set's analyses again (`SetAnalysed`, same token): they have landed."""
        from reader.core.reading.reading_set import analysed_each

        token, wanted = self.token, list(ids)

        def job() -> None:
            analyses, failures = analysed_each(self.lib(), wanted)
            self.post(msg.SetAnalysed(token, wanted, analyses, failures))

        self.run(job, "analyses", exclusive=False)

    def open_with_companions(self, target: int, limit: int) -> None:
        """`target` and up to `limit` companions (`SetChosen`)."""

        def job() -> None:
            from reader.core.reading.reading_set import companions

            found = companions(self.lib(), target, limit)
            if not found:
                self.post(msg.Notice("No companions found: mark articles with space, then c"))
            self.post(msg.SetChosen([target, *found]))

        self.run(job, "set")

    def _set_flag(
        self,
        library: Library,
        article_id: int,
        *,
        read: bool | None = None,
        starred: bool | None = None,
    ) -> None:
        if read is not None:
            library.set_read(article_id, read)
        if starred is not None:
            library.set_starred(article_id, starred)
        row = library.row(article_id)
        if row is not None:
            self.post(msg.RowChanged(row, library.counts()))

    def set_flag(
        self, article_id: int, read: bool | None = None, starred: bool | None = None
    ) -> None:
        self.run(
            lambda: self._set_flag(self.lib(), article_id, read=read, starred=starred),
            "flags",
            exclusive=False,
        )

    def mark_all_read(self) -> None:
        def job() -> None:
            library = self.lib()
            count = library.mark_all_read()
            self.post(msg.Notice(f"Marked {count:,} article{'s' if count != 1 else ''} read"))
            self.post(page(library, 0, self.list_view))

        self.run(job, "flags", exclusive=False)

    def with_article(self, article_id: int, then: Callable[[Article], None]) -> None:
        """Fetch one article, then run `then(article)` on the UI thread."""

        def job() -> None:
            article = self.lib().get(article_id)
            self.host.app.call_from_thread(then, article)

        self.run(job, "fetch", exclusive=False)

    def prepare_screen(self, kind: str, ids: list[int], with_companions: bool) -> None:
        """The timeline or the comparison of `ids` (with the first's companions when it is
        alone), posted as `ScreenReady`."""

        def job() -> None:
            from reader.core.reading import reading_set

            library = self.lib()
            chosen = ids
            if with_companions and len(ids) == 1:
                chosen = [*ids, *reading_set.companions(library, ids[0])]
            make = reading_set.timeline if kind == "timeline" else reading_set.comparison
            payload, sources = make(library, chosen)
            self.post(msg.ScreenReady(kind, payload, sources))

        self.run(job, "other-screen")
