"""The article list: one two-line row per article, a window over the whole library.

A Line-API `ScrollView`: the scrollbar spans the whole list (`RowWindow.total` rows), but only
a few pages of rows are held (`RowWindow`); as the viewport nears the window's edge, or
leaves it (End, Home, a drag of the scrollbar), the list posts `NeedRows` and the screen
fetches the page by keyset (or, for a jump, from an index) in a worker. Rows not yet fetched
show blank for the moment that takes. It looks and answers the keys as the `OptionList` it
replaced did (the same component classes, so `broadsheet.tcss` styles it unchanged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from reader.ui.reading.article_rows import (
    DERIVED_MARK,
    ArticleOption,
    EmptyOption,
    empty_hint,
    row_content,
)
from reader.ui.reading.row_list import ROW_LINES, RowList
from reader.ui.reading.row_window import Fetch, RowWindow

if TYPE_CHECKING:
    from reader.core.store import ArticleRow

__all__ = ["DERIVED_MARK", "ArticleList", "ArticleOption", "EmptyOption", "empty_hint"]


def list_order(row: ArticleRow) -> tuple[bool, dt.date, int]:
    """A sort key, descending, for the list's order: newest first, undated last."""
    return (row.published is not None, row.published or dt.date.min, row.id)


class ArticleList(RowList):
    """Rows from `ArticleRow`s; posts `Opened`, `MarksChanged` and `NeedRows`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding(
            "space",
            "toggle_mark",
            "Mark",
            tooltip="Mark or unmark this article for side by side (c), then move down",
            id="list.mark",
        ),
    ]

    class Opened(Message):
        def __init__(self, article_list: ArticleList, article_id: int) -> None:
            super().__init__()
            self.article_list = article_list
            self.article_id = article_id

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class MarksChanged(Message):
        def __init__(self, article_list: ArticleList, marked: frozenset[int]) -> None:
            super().__init__()
            self.article_list = article_list
            self.marked = marked

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class NeedRows(Message):
        """The list wants the page `fetch` describes (answer with `add_page`)."""

        def __init__(self, article_list: ArticleList, fetch: Fetch) -> None:
            super().__init__()
            self.article_list = article_list
            self.fetch = fetch

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.window = RowWindow()
        self.marked: set[int] = set()
        self._marked_rows: dict[int, ArticleRow] = {}
        self._empty: EmptyOption | None = None
        self._highlighted: int | None = None
        self._highlighted_row: ArticleRow | None = None  # kept while it is out of the window
        self._asked: Fetch | None = None  # the page on its way (one at a time)
        self._open_when_loaded: int | None = None  # enter pressed on a row on its way

    # --- what the list holds ----------------------------------------------------------------

    @property
    def more(self) -> bool:
        """The library has rows past the window's last."""
        return not self.window.at_end

    @property
    def row_count(self) -> int:
        """The whole list's length, as last known."""
        return self.window.total

    @property
    def rows(self) -> list[ArticleRow]:
        """The rows in memory (the window), in list order."""
        return list(self.window.rows)

    @property
    def option_count(self) -> int:
        return 1 if self._empty is not None else len(self.window.rows)

    @property
    def options(self) -> list[ArticleOption | EmptyOption]:
        if self._empty is not None:
            return [self._empty]
        return [ArticleOption(r, r.id in self.marked) for r in self.window.rows]

    def get_option_at_index(self, index: int) -> ArticleOption | EmptyOption:
        if self._empty is not None and index == 0:
            return self._empty
        if (row := self.window.row_at(index)) is None:
            raise IndexError(f"row {index} is not in the window")
        return ArticleOption(row, row.id in self.marked)

    @property
    def highlighted_id(self) -> int | None:
        row = self.highlighted_row
        return row.id if row is not None else None

    @property
    def highlighted_row(self) -> ArticleRow | None:
        if self._highlighted is None:
            return None
        return self.window.row_at(self._highlighted) or self._highlighted_row

    def row_for(self, article_id: int) -> ArticleRow | None:
        """The row of `article_id` if the list holds it (in the window, highlighted, marked)."""
        index = self.window.index_of(article_id)
        if index is not None:
            return self.window.row_at(index)
        if (row := self.highlighted_row) is not None and row.id == article_id:
            return row
        return self._marked_rows.get(article_id)

    def marked_ids(self) -> list[int]:
        """The marked articles, in list order (wherever the window is; an id marked without
        its row known goes last)."""
        known = {i: row for i in self.marked if (row := self.row_for(i)) is not None}
        listed = sorted(known.values(), key=list_order, reverse=True)
        return [r.id for r in listed] + sorted(self.marked - set(known), reverse=True)

    # --- rows in --------------------------------------------------------------------------------

    def set_rows(
        self, rows: Iterable[ArticleRow], more: bool, empty: str = "", total: int = 0
    ) -> None:
        """The list from its top: `rows`, `more` past them, `total` in all (a count, or 0
        when unknown); with no rows, one line saying `empty` (why, and what key to press)."""
        keep = self.highlighted_id
        listed = list(rows)
        self._asked = self._open_when_loaded = None  # (they belong to the list before)
        self.window.replace(0, listed, at_end=not more, total=total)
        self._empty = EmptyOption(empty) if empty and not listed else None
        self._sized()
        if listed:
            index = self.window.index_of(keep) if keep is not None else None
            self._highlighted = None
            self.highlighted = index if index is not None else 0
        else:
            self._highlighted = self._highlighted_row = None
        self.refresh()

    def add_page(self, fetch: Fetch, rows: list[ArticleRow], edge: bool) -> None:
        """The page the list asked for with `fetch`; `edge`: the list ends (or, for a page
        before, starts) with it. A page the list no longer waits for is dropped."""
        if fetch is not self._asked:
            return
        self._asked = None
        window, shift = self.window, 0
        if fetch.kind == "after" and fetch.index == window.end:
            window.append(rows, at_end=edge)
        elif fetch.kind == "before" and fetch.index == window.start:
            shift = window.prepend(rows, at_top=edge)
        elif fetch.kind == "at" and not rows:
            window.total = min(window.total, max(fetch.index, window.end))  # counted too many
        elif fetch.kind == "at":
            window.replace(fetch.index, rows, at_end=edge, total=window.total)
        elif fetch.kind == "last":
            start = 0 if edge else max(0, window.total - len(rows))
            window.replace(start, rows, at_end=True, total=0)
        self._sized()
        if shift:  # the count was off: every index moved, keep the same rows in view
            if self._highlighted is not None:
                self._highlighted += shift
            self.scroll_to(y=self.scroll_y + ROW_LINES * shift, animate=False, immediate=True)
        if self._highlighted is not None:
            if self._highlighted >= window.total:
                self.highlighted = window.total - 1
            elif (row := window.row_at(self._highlighted)) is not None:
                self._highlighted_row = row
                if self._open_when_loaded == self._highlighted:
                    self._open_when_loaded = None
                    self.action_select()
        self.refresh()
        self._check_window()

    def update_row(self, row: ArticleRow) -> None:
        if self._highlighted_row is not None and self._highlighted_row.id == row.id:
            self._highlighted_row = row
        if row.id in self.marked:
            self._marked_rows[row.id] = row
        if self.window.update(row) and (index := self.window.index_of(row.id)) is not None:
            self._refresh_row(index)

    def show_article(self, article_id: int) -> None:
        index = self.window.index_of(article_id)
        if index is not None:
            self.highlighted = index

    def clear_marks(self) -> None:
        self.marked, self._marked_rows = set(), {}
        self.refresh()

    # --- the cursor -------------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The cursor's row (an index in the whole list), or None."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        total = self.window.total if self._empty is None else 0
        self._open_when_loaded = None
        if index is None or total == 0:
            old, self._highlighted = self._highlighted, None
        else:
            old, self._highlighted = self._highlighted, max(0, min(index, total - 1))
            if (row := self.window.row_at(self._highlighted)) is not None:
                self._highlighted_row = row
        if old is not None:
            self._refresh_row(old)
        if self._highlighted is not None:
            self._refresh_row(self._highlighted)
            self.scroll_to_highlight()
        self._check_window()

    def scroll_to_highlight(self, top: bool = False) -> None:
        if self._highlighted is None or not self.is_mounted:
            return
        width = self.scrollable_content_region.width
        self.scroll_to_region(
            Region(0, self._highlighted * ROW_LINES, width, ROW_LINES),
            force=True,
            animate=False,
            top=top,
            immediate=True,
        )

    def _move(self, delta: int) -> None:
        if self._empty is not None or not self.window.total:
            return
        start = self._highlighted if self._highlighted is not None else -1 if delta > 0 else 0
        self.highlighted = start + delta

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_LINES)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(self._page_rows())

    def action_page_up(self) -> None:
        self._move(-self._page_rows())

    def action_first(self) -> None:
        if self._empty is None and self.window.total:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._empty is None and self.window.total:
            self.highlighted = self.window.total - 1

    def action_select(self) -> None:
        if (row := self._row_at_cursor()) is not None:
            self.post_message(self.Opened(self, row.id))
        elif self._highlighted is not None and self._empty is None:
            self._open_when_loaded = self._highlighted  # (End, then enter at once)

    def action_toggle_mark(self) -> None:
        if (row := self._row_at_cursor()) is None:
            return
        if row.id in self.marked:
            self.marked.discard(row.id)
            self._marked_rows.pop(row.id, None)
        else:
            self.marked.add(row.id)
            self._marked_rows[row.id] = row
        self.update_row(row)
        self.post_message(self.MarksChanged(self, frozenset(self.marked)))
        self.action_cursor_down()  # (as in mutt and ranger: space, space marks two)

    def _row_at_cursor(self) -> ArticleRow | None:
        if self._highlighted is None or self._empty is not None:
            return None
        return self.window.row_at(self._highlighted)

    # --- the window follows the viewport ----------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._check_window()

    def _check_window(self) -> None:
        """Ask for the page the viewport needs next, if any (one page at a time)."""
        if self._asked is not None or self._empty is not None or not self.is_mounted:
            return
        top = int(self.scroll_y) // ROW_LINES
        bottom = top + -(-self.scrollable_content_region.height // ROW_LINES) + 1
        fetch = self.window.wanted(top, bottom)
        if fetch is not None:
            self._asked = fetch
            self.post_message(self.NeedRows(self, fetch))

    def _sized(self) -> None:
        width = self.scrollable_content_region.width
        if self._empty is not None:
            lines = len(self._draw(self._empty.prompt, self._style("")))
        else:
            lines = self.window.total * ROW_LINES
        if (size := Size(width, lines)) != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)

    # --- drawing (as `OptionList` draws its options) -----------------------------------------

    def on_mount(self) -> None:
        self._sized()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def _on_resize(self, event: events.Resize) -> None:
        self._sized()
        self._check_window()

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        if self._empty is not None:
            hint = self._draw(self._empty.prompt, self._style("option-list--option-disabled"))
            return hint[line] if 0 <= line < len(hint) else self._blank()
        index, offset = divmod(line, ROW_LINES)
        row = self.window.row_at(index)
        if row is None:
            return self._blank()  # past the end, or a page on its way
        component = ""
        if index == self._highlighted:
            component = "option-list--option-highlighted"
        elif index == self._hover:
            component = "option-list--option-hover"
        style = self._style(component)
        marked = row.id in self.marked
        key = (index, row, marked, style, self.scrollable_content_region.width)
        strips: list[Strip] | None = self._strips.get(key)
        if strips is None:
            meta = {"option": index}  # which row a click or the mouse is on
            drawn = self._draw(row_content(row, marked), style)
            strips = self._strips[key] = [strip.apply_meta(meta) for strip in drawn]
        return strips[offset] if offset < len(strips) else self._blank()

    # --- the mouse --------------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("option")
        if isinstance(index, int) and self.window.row_at(index) is not None:
            self.highlighted = index
            self.action_select()
