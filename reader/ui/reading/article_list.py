"""The article list: one row per article, paged in from the library as the user scrolls."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ui.reading.highlight import one_line

if TYPE_CHECKING:
    from reader.core.store import ArticleRow

DERIVED_MARK = "≈"  # before a title derived from the text (the timeline's "inferred" mark)
FETCH_AHEAD = 20  # ask for the next page when the cursor is this close to the end


def row_content(row: ArticleRow, marked: bool) -> Content:
    """Two lines: `•★▣ Title` (bold while unread), then `source · date · words`, muted.
    Titles and sources are plain text, never markup."""
    date = row.published.isoformat() if row.published else "undated"
    source = one_line(row.source or "Unknown source", 40)
    title = one_line(row.title or "(untitled)", 300)
    weight = "bold" if not row.read else ""
    if row.title_derived:  # made from the text's first words: not the outlet's headline
        title, weight = f"{DERIVED_MARK} {title}", f"{weight} italic $text-muted"
    return Content.assemble(
        ("•" if not row.read else " ", "bold $text-accent"),
        ("★" if row.starred else " ", "$text-warning"),
        ("▣" if marked else " ", "bold $text-success"),
        " ",
        (title, weight.strip()),
        "\n    ",
        (f"{source} · {date} · {row.word_count:,} words", "$text-muted"),
    )


def empty_hint(view: str) -> str:
    """Why the list is empty, and the key that gets out of it (`view`: all, unread, starred;
    `v` cycles them in that order)."""
    if view == "unread":
        return "Nothing unread: every article is read.\nPress v twice to list them all."
    if view == "starred":
        return "Nothing starred (s stars an article).\nPress v to list them all."
    return "The library is empty.\nPress a to add a feed, or run\n`broadsheet add FILE…`."


class EmptyOption(Option):
    """The one row of an empty list: why it is empty and how to get out of it."""

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        prompt = Content.assemble(
            (lines[0], "bold"), *(Content.styled("\n" + line, "$text-muted") for line in lines[1:])
        )
        super().__init__(prompt, id="empty", disabled=True)


class ArticleOption(Option):
    """An option that knows which article it is."""

    def __init__(self, row: ArticleRow, marked: bool = False) -> None:
        super().__init__(row_content(row, marked), id=f"article-{row.id}")
        self.row = row

    @property
    def article_id(self) -> int:
        return self.row.id


class ArticleList(OptionList):
    """Rows from `ArticleRow`s; posts `Opened`, `MarksChanged` and `NeedMore`."""

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

    class NeedMore(Message):
        def __init__(self, article_list: ArticleList, offset: int) -> None:
            super().__init__()
            self.article_list = article_list
            self.offset = offset

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.more = False  # the library has rows past the loaded ones
        self.marked: set[int] = set()
        self._asked_at = -1
        self._rendered_width = -1

    # Start-up work that OptionList repeats and a list of 100 two-line rows notices (~20 ms a
    # time at 120x36, see bench/run.py):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # OptionList measures its options when it first renders, and the virtual size found
        # then asks for a second layout pass; measure them here, inside the first.
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        self._update_lines()
        return changed

    def render_lines(self, crop: Region) -> list[Strip]:
        self._rendered_width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]  # (Textual passes the event to handlers that take it)
        # OptionList drops every measured and rendered row on each resize, including the one
        # that follows the first frame; rows only change with the width.
        if self.scrollable_content_region.width == self._rendered_width:
            event.prevent_default()

    @property
    def highlighted_id(self) -> int | None:
        option = self.highlighted_option
        return option.article_id if isinstance(option, ArticleOption) else None

    @property
    def rows(self) -> list[ArticleRow]:
        return [o.row for o in self.options if isinstance(o, ArticleOption)]

    @property
    def last_row(self) -> ArticleRow | None:
        """The last row listed (the next page starts after it)."""
        if not self.option_count:
            return None
        option = self.get_option_at_index(self.option_count - 1)
        return option.row if isinstance(option, ArticleOption) else None

    def set_rows(self, rows: Iterable[ArticleRow], more: bool, empty: str = "") -> None:
        """The list's rows; with none, one line saying `empty` (why, and what key to press)."""
        keep = self.highlighted_id
        self.more = more
        self._asked_at = -1
        options: list[Option] = [ArticleOption(row, row.id in self.marked) for row in rows]
        self.set_options(options or ([EmptyOption(empty)] if empty else []))
        if self.option_count:
            index = self._index_of(keep) if keep is not None else None
            self.highlighted = index if index is not None else 0

    def add_rows(self, rows: Iterable[ArticleRow], more: bool) -> None:
        self.more = more
        # (one id lookup per new row: a set of every listed id cost O(list) per page)
        self.add_options(
            ArticleOption(row, row.id in self.marked)
            for row in rows
            if self._index_of(row.id) is None
        )

    def update_row(self, row: ArticleRow) -> None:
        index = self._index_of(row.id)
        if index is not None:
            option = self.get_option_at_index(index)
            assert isinstance(option, ArticleOption)
            option.row = row
            self.replace_option_prompt_at_index(index, row_content(row, row.id in self.marked))

    def show_article(self, article_id: int) -> None:
        index = self._index_of(article_id)
        if index is not None:
            self.highlighted = index

    def clear_marks(self) -> None:
        marked, self.marked = self.marked, set()
        for row in self.rows:
            if row.id in marked:
                self.update_row(row)

    def _index_of(self, article_id: int) -> int | None:
        try:
            return self.get_option_index(f"article-{article_id}")
        except Exception:  # OptionDoesNotExist: not loaded yet
            return None

    def action_toggle_mark(self) -> None:
        option = self.highlighted_option
        if not isinstance(option, ArticleOption):
            return
        self.marked ^= {option.article_id}
        self.update_row(option.row)
        self.post_message(self.MarksChanged(self, frozenset(self.marked)))
        self.action_cursor_down()  # (as in mutt and ranger: space, space marks two)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None:
            self._maybe_need_more(highlighted)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._maybe_need_more(int(new_value) + self.size.height)

    def _maybe_need_more(self, position: int) -> None:
        loaded = self.option_count
        if self.more and position >= loaded - FETCH_AHEAD and self._asked_at != loaded:
            self._asked_at = loaded
            self.post_message(self.NeedMore(self, loaded))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option, ArticleOption):
            event.stop()
            self.post_message(self.Opened(self, event.option.article_id))
