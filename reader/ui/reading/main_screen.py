"""The reading screen: the article list beside one or more reading panes.

Widgets report by message; this screen decides what each shows. Library IO and analysis run
in thread workers (`ReadingWorkers`) that post `reader.ui.messages` back here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical

from reader.ui import messages as msg
from reader.ui.chrome.key_bindings import main_bindings
from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.chrome.title_bar import TitleBar
from reader.ui.feeds.feed_actions import FeedActions
from reader.ui.reading.article_list import ArticleList, empty_hint
from reader.ui.reading.highlight import PaneSpans, View, one_line, visible
from reader.ui.reading.highlight_legend import HighlightLegend
from reader.ui.reading.marks import KINDS, Mark
from reader.ui.reading.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.core.article import Article

NARROW = 100  # below this width the list sits above the panes
SHORT = 14  # below this height the header and the legend make way for text


def max_panes(width: int) -> int:
    return 2 if width < 110 else 3 if width < 160 else 4


class MainScreen(FeedActions):
    BINDINGS: ClassVar[list[BindingType]] = main_bindings()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            with Vertical(id="reading"):
                with Horizontal(id="panes"):
                    yield ReadingPane(classes="pane")
                yield HighlightLegend(id="legend")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.view = View(colour=self.app.colour)  # type: ignore[attr-defined]
        self.side = False
        self.sync = True
        self.list_hidden = False
        self.matches: list[tuple[int, int, int]] = []  # (pane, start, end)
        self.match_index = -1
        self.query_one(ArticleList).focus()
        self.watch(self.app, "theme", self._theme_changed, init=False)
        if (first_page := self.open_now()) is not None:
            self.on_rows_loaded(first_page)
        else:
            self.load_library()

    def _theme_changed(self) -> None:
        colour: bool = getattr(self.app, "colour", True)
        if colour != self.view.colour:
            self.view = replace(self.view, colour=colour)
            self.redraw()

    # --- attributes down -------------------------------------------------------------

    def current_pane(self) -> ReadingPane:
        return self.focused if isinstance(self.focused, ReadingPane) else self.panes[0]

    def current_id(self) -> int | None:
        if isinstance(self.focused, ReadingPane) and self.focused.article_id is not None:
            return self.focused.article_id
        return self.article_list.highlighted_id

    def current_article(self) -> Article | None:
        wanted = self.current_id()
        return next((p.article for p in self.panes if p.article_id == wanted), None)

    def _layout(self) -> None:
        width = self.size.width
        self.set_class(width < NARROW, "-narrow")
        self.set_class(self.size.height < SHORT, "-short")
        self.set_class(self.side, "-side")
        self.set_class(self.list_hidden, "-list-hidden")
        limit = max_panes(width)
        for index, pane in enumerate(self.panes):  # too narrow for them all: hide the last
            if pane.display != (index < limit):  # (setting it at all costs a layout pass)
                pane.display = index < limit

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def redraw(self) -> None:
        """Push the current view (kinds, selection, search matches) to every pane."""
        panes = self.panes
        current = (
            self.matches[self.match_index] if 0 <= self.match_index < len(self.matches) else None
        )
        key, counts = self.view.selected_key, []
        for number, pane in enumerate(panes):
            spans = PaneSpans(
                matches=[(s, e) for p, s, e in self.matches if p == number],
                current=(current[1], current[2]) if current and current[0] == number else None,
                flash=pane.spans.flash,
            )
            count = pane.count_key(key) if key else 0
            counts.append(count)
            pane.set_view(self.view, spans, f"{count}× here" if key else "")
        status = ""
        if key:
            label = next((m.label for p in panes for m in p.marks if m.key == key), key)
            where = " · ".join(
                f"{one_line(p.article.source or f'pane {n + 1}', 24)} {c}"
                for n, (p, c) in enumerate(zip(panes, counts, strict=True))
                if p.article is not None
            )
            status = f"{label} — {where}"
        elif self.matches:
            status = f"“{self.view.query}”: {self.match_index + 1}/{len(self.matches)}"
        self.query_one(HighlightLegend).set_state(self.view.kinds, self.view.colour, status)

    # --- messages up -----------------------------------------------------------------

    def on_rows_loaded(self, message: msg.RowsLoaded) -> None:
        self.show_counts(message.counts)
        if message.offset == 0:
            hint = "" if message.rows else empty_hint(self.list_view)
            self.article_list.set_rows(message.rows, message.more, empty=hint)
            for pane in self.panes:
                pane.set_hint(hint.replace("\n", " "))
        else:
            self.article_list.add_rows(message.rows, message.more)

    def on_row_changed(self, message: msg.RowChanged) -> None:
        self.article_list.update_row(message.row)
        self.show_counts(message.counts)

    def on_notice(self, message: msg.Notice) -> None:
        text = visible(message.text)
        if message.severity == "error":
            self.notify(text, severity="error", markup=False)
        elif message.severity == "warning":
            self.notify(text, severity="warning", markup=False)
        else:
            self.notify(text, markup=False)

    def on_set_chosen(self, message: msg.SetChosen) -> None:
        self.open_set(message.ids)

    @on(ArticleList.NeedMore)
    def _more(self, event: ArticleList.NeedMore) -> None:
        self.load_page(event.offset, event.article_list.last_row)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.side = False
        self.open_set([event.article_id], mark_read=True)

    async def on_set_loaded(self, message: msg.SetLoaded) -> None:
        if message.token != self.token:
            return
        panes = self.panes
        container = self.query_one("#panes")
        for extra in panes[len(message.ids) :]:
            await extra.remove()
        if len(panes) < len(message.ids):
            await container.mount_all(
                ReadingPane(classes="pane") for _ in range(len(message.ids) - len(panes))
            )
        self.matches, self.match_index = [], -1
        for pane, article_id, article in zip(
            self.panes, message.ids, message.articles, strict=False
        ):
            await pane.show_article(article_id, article)
        self.view = replace(self.view, selected_key="")
        self.find_query()
        self._layout()
        if self.focused is None or (self.list_hidden and self.article_list.has_focus):
            self.panes[0].focus()  # the list is out of sight: read with the keys
        self.redraw()
        self.apply_pending_jump()

    def on_set_analysed(self, message: msg.SetAnalysed) -> None:
        if message.token != self.token:
            return
        for pane, analysis in zip(self.panes, message.analyses, strict=False):
            pane.set_analysis(analysis)
        self.redraw()

    @on(ReadingPane.MarkChosen)
    def _mark_chosen(self, event: ReadingPane.MarkChosen) -> None:
        self.select_mark(event.mark, event.pane)

    def select_mark(self, mark: Mark, origin: ReadingPane) -> None:
        self.view = replace(self.view, selected_key=mark.key)
        self.redraw()
        if not self.sync:
            for pane in self.panes:
                offset = pane.first_offset_of(mark.key)
                if pane is not origin and offset is not None:
                    pane.scroll_to_offset(offset)

    @on(ReadingPane.Scrolled)
    def _scrolled(self, event: ReadingPane.Scrolled) -> None:
        source = event.pane
        if not self.sync or len(self.panes) < 2:
            return
        focused = next((p for p in self.panes if p.has_focus), None)
        if source is not focused and not (focused is None and source.is_mouse_over):
            return  # only the pane the user is scrolling drives the others
        fraction = source.scroll_y / source.max_scroll_y if source.max_scroll_y else 0.0
        for pane in self.panes:
            if pane is not source:
                pane.scroll_to(y=fraction * pane.max_scroll_y, animate=False)

    # --- actions -----------------------------------------------------------------------

    def action_side_by_side(self) -> None:
        limit = max_panes(self.size.width)
        listed = self.article_list
        marked = [r.id for r in listed.rows if r.id in listed.marked]
        self.side = True
        self.list_hidden = self.size.width < 160
        self._layout()
        if len(marked) >= 2:
            if len(marked) > limit:
                self.notify(
                    f"Showing the first {limit} marked articles (widen the terminal for more)",
                    markup=False,
                )
            self.open_set(marked[:limit])
        elif (target := marked[0] if marked else listed.highlighted_id) is not None:
            self.open_with_companions(target, limit - 1)

    def action_toggle_list(self) -> None:
        self.list_hidden = not self.list_hidden
        self._layout()
        if self.list_hidden and self.article_list.has_focus:
            self.panes[0].focus()
        elif not self.list_hidden:
            self.article_list.focus()

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        self.notify(
            "Panes scroll together" if self.sync else "Panes scroll on their own", markup=False
        )

    def action_toggle_kind(self, kind: str) -> None:
        for known in KINDS:
            if known == kind:
                self.view = replace(self.view, kinds=self.view.kinds ^ {known})
                self.redraw()

    def action_toggle_highlights(self) -> None:
        self.view = replace(self.view, kinds=frozenset() if self.view.kinds else frozenset(KINDS))
        self.redraw()

    def action_step_mark(self, delta: int) -> None:
        self.current_pane().step(delta)

    def action_clear(self) -> None:
        if self.view.selected_key or self.view.query:
            self.view = replace(self.view, selected_key="", query="")
            self.matches, self.match_index = [], -1
            for pane in self.panes:
                pane.spans.flash = None
            self.redraw()
        elif self.side and (first := self.pane_ids[:1]):
            self.side, self.list_hidden = False, False
            self.open_set(first)
            self.article_list.focus()
        self._layout()
