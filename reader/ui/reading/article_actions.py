"""The everyday keys on the current article (the focused pane's, else the list's): read,
star, open in the browser, copy a citation; and which articles the list shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.ui.reading.article_list import ArticleList
from reader.ui.reading.reading_hooks import ReadingHooks
from reader.ui.reading.reading_workers import VIEWS

if TYPE_CHECKING:
    from reader.core.article import Article
    from reader.core.store import ArticleCounts, ArticleRow


class ArticleActions(ReadingHooks):
    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def current_article(self) -> Article | None:
        raise NotImplementedError

    def action_toggle_read(self) -> None:
        if (row := self._current_row()) is not None:
            self.set_flag(row.id, read=not row.read)

    def action_toggle_star(self) -> None:
        if (row := self._current_row()) is not None:
            self.set_flag(row.id, starred=not row.starred)

    def _current_row(self) -> ArticleRow | None:
        wanted = self.current_id()
        return next((r for r in self.article_list.rows if r.id == wanted), None)

    def _with_current(self, then: Callable[[Article], None]) -> None:
        if (article := self.current_article()) is not None:
            then(article)
        elif (article_id := self.current_id()) is not None:
            self.with_article(article_id, then)

    def action_mark_all_read(self) -> None:
        self.mark_all_read()

    def action_cycle_view(self) -> None:
        """All articles, then only the unread, then only the starred."""
        self.list_view = VIEWS[(VIEWS.index(self.list_view) + 1) % len(VIEWS)]
        self.show_counts(self.counts)
        self.reload_list()

    def show_counts(self, counts: ArticleCounts | None) -> None:
        """The title line: which articles the list shows, and how many are unread."""
        self.counts = counts
        parts = [] if self.list_view == "all" else [f"{self.list_view} only"]
        if counts is not None:
            parts.append(f"{counts.unread:,} unread of {counts.total:,}")
        self.sub_title = " · ".join(parts)

    def action_open_url(self) -> None:
        self._with_current(self._open_url)

    def _open_url(self, article: Article) -> None:
        if article.url.startswith(("http://", "https://")):
            self.app.open_url(article.url)
        else:
            self.notify("This article has no web address", markup=False)

    def action_copy_citation(self) -> None:
        self._with_current(self._copy_citation)

    def _copy_citation(self, article: Article) -> None:
        from reader.core.reading.reading_set import citation

        self.app.copy_to_clipboard(citation(article))
        self.notify("Citation copied", markup=False)
