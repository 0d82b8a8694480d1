"""The rows the article list holds: a window of a few pages over the whole list.

Plain data, no Textual: the list widget asks it which rows it has, where the viewport needs
more, and hands it the pages the library sends back. Rows have absolute indices in the whole
list; `total` is the list's length as last known (the library's count for the view, kept by
triggers so it costs nothing to read), corrected whenever a page finds the top or the end
somewhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from reader.core.store import ArticleRow

PAGE = 100  # rows per page fetched
WINDOW_PAGES = 5  # pages held at most: the viewport's, and room either side
NEAR = PAGE // 2  # fetch the next page when the viewport comes this close to the window edge

FetchKind = Literal["after", "before", "at", "last"]


@dataclass(frozen=True, slots=True)
class Fetch:
    """A page the list wants. `after`: the rows following `row` (the first page when None);
    `before`: the rows preceding `row`; `at`: the rows from index `index` (a jump, by
    offset); `last`: the list's last page. `index`: where the page's first row lands, or for
    `before` and `last` the index just past its last row."""

    kind: FetchKind
    index: int
    row: ArticleRow | None = None
    size: int = PAGE


class RowWindow:
    """Rows `start` … `start + len(rows)` of a list of `total` rows."""

    def __init__(self, cap: int = PAGE * WINDOW_PAGES) -> None:
        self.cap = cap
        self.start = 0
        self.rows: list[ArticleRow] = []
        self.total = 0
        self.at_end = True  # the window's last row is the list's last
        self._index: dict[int, int] = {}  # article id -> position in `rows`

    @property
    def end(self) -> int:
        return self.start + len(self.rows)

    def row_at(self, index: int) -> ArticleRow | None:
        offset = index - self.start
        return self.rows[offset] if 0 <= offset < len(self.rows) else None

    def index_of(self, article_id: int) -> int | None:
        offset = self._index.get(article_id)
        return None if offset is None else self.start + offset

    def replace(self, start: int, rows: list[ArticleRow], at_end: bool, total: int) -> None:
        """The window is `rows` from `start` (a first page, a jump, the last page)."""
        self.start, self.rows, self.at_end = max(0, start), list(rows[-self.cap :]), at_end
        if at_end:
            self.total = self.end
        else:
            self.total = max(total, self.end + 1)
        self._reindex()

    def append(self, rows: list[ArticleRow], at_end: bool) -> None:
        """The rows after the window's last (`at_end`: the list ends with them); the window
        drops rows from its top to stay within `cap`."""
        self.rows += rows
        self.at_end = at_end
        if at_end:
            self.total = self.end
        elif self.total <= self.end:
            self.total = self.end + 1  # the count was short: there are more
        drop = len(self.rows) - self.cap
        if drop > 0:
            del self.rows[:drop]
            self.start += drop
        self._reindex()

    def prepend(self, rows: list[ArticleRow], at_top: bool) -> int:
        """The rows before the window's first (`at_top`: the list starts with them); the
        window drops rows from its end to stay within `cap`. Returns how far every index
        moved (non-zero when the count was off and the top is elsewhere than it said)."""
        start = self.start - len(rows)
        shift = 0
        if at_top and start != 0:
            shift = -start
        elif not at_top and start <= 0:
            shift = 1 - start  # more rows above than counted: make room for them
        self.start = start + shift
        self.total += shift
        self.rows = rows + self.rows
        drop = len(self.rows) - self.cap
        if drop > 0:
            del self.rows[-drop:]
            self.at_end = False
        self._reindex()
        return shift

    def update(self, row: ArticleRow) -> bool:
        offset = self._index.get(row.id)
        if offset is None:
            return False
        self.rows[offset] = row
        return True

    def wanted(self, top: int, bottom: int) -> Fetch | None:
        """The page to fetch for a viewport showing rows `top` … `bottom` (exclusive), if
        any: the next or previous page by keyset when the viewport is near the window's edge,
        a jump when it is outside the window."""
        top, bottom = max(0, top), min(self.total, bottom)
        if bottom <= top:
            return None
        if not self.rows or bottom <= self.start or top >= self.end:
            if bottom >= self.total and self.total > 0:
                return Fetch("last", self.total)
            return Fetch("at", max(0, top - PAGE // 2))
        if not self.at_end and bottom + NEAR >= self.end:
            return Fetch("after", self.end, self.rows[-1])
        if self.start > 0 and top - NEAR <= self.start:
            return Fetch("before", self.start, self.rows[0])
        return None

    def _reindex(self) -> None:
        self._index = {row.id: n for n, row in enumerate(self.rows)}
