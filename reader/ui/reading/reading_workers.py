"""The reading screen's thread workers: every library call and every analysis runs here and
reports back by message. Errors from any of them end up in one place, `on_worker_state_changed`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.core.sanitize import one_line, visible
from reader.ui import messages as msg

if TYPE_CHECKING:
    from reader.core.reading.handoffs import Jump
    from reader.core.store import ArticleCounts, ArticleRow, Library

PAGE = 100  # rows fetched per page of the list
VIEWS = ("all", "unread", "starred")  # which articles the list shows (v cycles)


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


class ReadingWorkers(Screen[None]):
    def __init__(self, library: Library | str | Path | None) -> None:
        super().__init__()
        self.library_spec = library
        self.library: Library | None = None
        self.token = 0  # bumped per reading set; late results for older sets are dropped
        self.pending_jump: Jump | None = None
        self.list_view = VIEWS[0]
        self.counts: ArticleCounts | None = None  # the library's, as last read
        self._owns_library = False

    def on_unmount(self) -> None:
        if self._owns_library and self.library is not None:
            self.library.close()

    def _lib(self) -> Library:
        if self.library is None:
            raise RuntimeError("the library is not open yet")
        return self.library

    def open_now(self) -> msg.RowsLoaded | None:
        """Open a library that is ready (exists, current schema, no lock to wait for) and read
        its first page on the UI thread, before the first frame (~2 ms at any size), and the first frame shows the list instead of an empty one that a
        worker fills a frame later. None: `load_library` does the whole job in a worker."""
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

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> None:
        from reader.core.store import Library

        spec = self.library_spec
        library = spec if isinstance(spec, Library) else Library.open(spec)
        self._owns_library = library is not spec
        self.library = library
        self.post_message(page(library, 0, self.list_view))
        if library.is_new():
            from reader.core.importer import import_seeds

            import_seeds(library)
            self.post_message(page(library, 0, self.list_view))

    @work(thread=True, group="page", exit_on_error=False)
    def load_page(self, offset: int, after: ArticleRow | None = None) -> None:
        library = self._lib()
        self.post_message(page(library, offset, self.list_view, after))

    @work(thread=True, exclusive=True, group="page", exit_on_error=False)
    def reload_list(self) -> None:
        """The list from the top again (the highlighted article stays highlighted)."""
        self.post_message(page(self._lib(), 0, self.list_view))

    def open_set(self, ids: Sequence[int], *, mark_read: bool = False) -> None:
        self.token += 1
        self._load_set(self.token, list(ids), mark_read)

    @work(thread=True, exclusive=True, group="set", exit_on_error=False)
    def _load_set(self, token: int, ids: list[int], mark_read: bool) -> None:
        from reader.core.reading.reading_set import analysed_each

        library = self._lib()
        articles = [library.get(i) for i in ids]
        self.post_message(msg.SetLoaded(token, ids, articles))
        if mark_read:
            for article_id in ids:
                self._set_flag(library, article_id, read=True)
        analyses, failures = analysed_each(library, ids)
        for article, failure in zip(articles, failures, strict=True):
            if failure:
                title = one_line(article.title or "(untitled)", 60)
                self.post_message(msg.Notice(f"Not analysed: {title} ({failure})", "warning"))
        self.post_message(msg.SetAnalysed(token, ids, analyses))

    @work(thread=True, exclusive=True, group="set", exit_on_error=False)
    def open_with_companions(self, target: int, limit: int) -> None:
        from reader.core.reading.reading_set import companions

        found = companions(self._lib(), target, limit)
        if not found:
            self.post_message(msg.Notice("No companions found: mark articles with space, then c"))
        self.post_message(msg.SetChosen([target, *found]))

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
            self.post_message(msg.RowChanged(row, library.counts()))

    @work(thread=True, group="flags", exit_on_error=False)
    def set_flag(
        self, article_id: int, read: bool | None = None, starred: bool | None = None
    ) -> None:
        self._set_flag(self._lib(), article_id, read=read, starred=starred)

    @work(thread=True, group="flags", exit_on_error=False)
    def mark_all_read(self) -> None:
        library = self._lib()
        count = library.mark_all_read()
        self.post_message(msg.Notice(f"Marked {count:,} article{'s' if count != 1 else ''} read"))
        self.post_message(page(library, 0, self.list_view))

    @work(thread=True, group="fetch", exit_on_error=False)
    def with_article(self, article_id: int, then: Callable[[Any], None]) -> None:
        """Fetch one article, then run `then(article)` on the UI thread."""
        article = self._lib().get(article_id)
        self.app.call_from_thread(then, article)

    @work(thread=True, exclusive=True, group="other-screen", exit_on_error=False)
    def prepare_screen(self, kind: str, ids: list[int], with_companions: bool) -> None:
        from reader.core.reading import reading_set

        library = self._lib()
        if with_companions and len(ids) == 1:
            ids = [*ids, *reading_set.companions(library, ids[0])]
        make = reading_set.timeline if kind == "timeline" else reading_set.comparison
        payload, sources = make(library, ids)
        self.post_message(msg.ScreenReady(kind, payload, sources))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one error funnel: a failed worker becomes one notification line."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            name = type(error).__name__
            text = visible(str(error) if name == "LibraryError" else f"{name}: {error}")
            self.notify(text, title="Broadsheet", severity="error", markup=False)
