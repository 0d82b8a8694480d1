"""Messages thread workers post to the reading screen (workers never touch widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.article import Article
    from reader.core.feeds import FeedReport
    from reader.core.reading.handoffs import SourceRef
    from reader.core.store import ArticleCounts, ArticleRow
    from reader.ui.reading.row_window import Fetch


class RowsLoaded(Message):
    """The list's first page (it replaces the list; later pages come as `WindowLoaded`);
    `more`: whether the library has rows past it; `counts`: the library's, as it was read."""

    def __init__(
        self, rows: list[ArticleRow], more: bool, offset: int, counts: ArticleCounts
    ) -> None:
        super().__init__()
        self.rows, self.more, self.offset, self.counts = rows, more, offset, counts


class WindowLoaded(Message):
    """The page of the list `fetch` asked for, in list order; `edge`: the list ends with
    it (or, for a page before, starts with it)."""

    def __init__(
        self, fetch: Fetch, rows: list[ArticleRow], edge: bool, counts: ArticleCounts
    ) -> None:
        super().__init__()
        self.fetch, self.rows, self.edge, self.counts = fetch, rows, edge, counts


class RowChanged(Message):
    def __init__(self, row: ArticleRow, counts: ArticleCounts) -> None:
        super().__init__()
        self.row, self.counts = row, counts


class SetLoaded(Message):
    """Articles to show in the panes, in order; `token` drops results that arrive late."""

    def __init__(self, token: int, ids: list[int], articles: list[Article]) -> None:
        super().__init__()
        self.token, self.ids, self.articles = token, ids, articles


class SetAnalysed(Message):
    """`failures[k]`: why the k-th article's analysis failed ("" where it did not)."""

    def __init__(
        self, token: int, ids: list[int], analyses: list[Analysis], failures: list[str]
    ) -> None:
        super().__init__()
        self.token, self.ids, self.analyses, self.failures = token, ids, analyses, failures


class ScreenReady(Message):
    """Data for another screen (timeline, comparison), computed over the reading set."""

    def __init__(self, kind: str, payload: Any, sources: list[SourceRef]) -> None:
        super().__init__()
        self.kind, self.payload, self.sources = kind, payload, sources


class SetChosen(Message):
    """The articles to read side by side (found by a worker, e.g. the companions)."""

    def __init__(self, ids: list[int]) -> None:
        super().__init__()
        self.ids = ids


class Notice(Message):
    """One line for the user from a worker (errors go through the worker error funnel)."""

    def __init__(self, text: str, severity: str = "information") -> None:
        super().__init__()
        self.text, self.severity = text, severity


class FeedsUpdated(Message):
    """What an update of the subscribed feeds did, feed by feed."""

    def __init__(self, reports: list[FeedReport]) -> None:
        super().__init__()
        self.reports = reports


class Progress(Message):
    """What a worker is doing, for the title line ("updating feeds 2/5 · waiting on …");
    empty when it is done."""

    def __init__(self, text: str, slot: str = "work") -> None:
        """`slot`: whose work (the feeds', the background analysis'): each has its part."""
        super().__init__()
        self.text, self.slot = text, slot


class AnalysesLanded(Message):
    """The background analysis stored the analyses of these articles."""

    def __init__(self, ids: list[int]) -> None:
        super().__init__()
        self.ids = ids
