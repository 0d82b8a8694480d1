"""The reading area: one pane per article of the reading set, and the legend under them.

It owns how the panes look together: which kinds are highlighted, the selected entity or
figure and its count in each pane, the search matches (`n`/`N` step across panes), the span
a jump lands on, and scrolling together. The screen tells it what to show; the panes tell it
by message what the reader chose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from reader.ui.reading.highlight import PaneSpans, View, one_line
from reader.ui.reading.highlight_legend import HighlightLegend
from reader.ui.reading.marks import KINDS, Mark, find_all
from reader.ui.reading.pane_align import PaneAligner
from reader.ui.reading.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.article import Article
    from reader.core.reading.handoffs import Jump


@dataclass(slots=True)
class Matches:
    """Where the query is found in the open panes: (pane number, start, end), and which one
    is current."""

    found: list[tuple[int, int, int]] = field(default_factory=list)
    index: int = -1

    def current(self) -> tuple[int, int, int] | None:
        return self.found[self.index] if 0 <= self.index < len(self.found) else None

    def step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.found)


class ReadingArea(Vertical):
    def __init__(self, view: View, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.matches = Matches()
        self.sync = True  # the other panes follow the one being scrolled, by passage
        self.aligner = PaneAligner()
        self._flash: tuple[ReadingPane, tuple[int, int]] | None = None  # a jump's span

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ReadingPane(classes="pane")
        yield HighlightLegend(id="legend")

    @property
    def panes(self) -> list[ReadingPane]:
        return list(self.query(ReadingPane))

    @property
    def pane_ids(self) -> list[int]:
        return [p.article_id for p in self.panes if p.article_id is not None]

    def show_panes(self, limit: int) -> None:
        """Show the first `limit` panes (the terminal is too narrow for more)."""
        for index, pane in enumerate(self.panes):
            if pane.display != (index < limit):  # (setting it at all costs a layout pass)
                pane.display = index < limit

    async def show_set(self, ids: Sequence[int], articles: Sequence[Article]) -> None:
        """One pane per article, in order; the selection and matches start again."""
        panes = self.panes
        for extra in panes[len(ids) :]:
            await extra.remove()
        if len(panes) < len(ids):
            await self.query_one("#panes").mount_all(
                ReadingPane(classes="pane") for _ in range(len(ids) - len(panes))
            )
        self.matches, self._flash = Matches(), None
        for pane, article_id, article in zip(self.panes, ids, articles, strict=False):
            await pane.show_article(article_id, article)
        self.view = replace(self.view, selected_key="")
        self.find_query()

    def set_analyses(self, analyses: Sequence[Analysis], failures: Sequence[str] = ()) -> None:
        """`failures[k]`: why the k-th pane's analysis failed ("" or missing: it did not)."""
        for k, (pane, analysis) in enumerate(zip(self.panes, analyses, strict=False)):
            pane.set_analysis(analysis, failures[k] if k < len(failures) else "")
        self.aligner.set_analyses(self.panes, analyses)
        self.redraw()

    def set_hint(self, hint: str) -> None:
        for pane in self.panes:
            pane.set_hint(hint)

    def set_status(self, text: str) -> None:
        """A passing line in the legend ("Building the timeline…"); `redraw` puts it back."""
        legend = self.query_one(HighlightLegend)
        legend.set_state(legend.kinds, legend.colour, text)

    def redraw(self) -> None:
        """Push the current view (kinds, selection, search matches) to every pane."""
        panes = self.panes
        current = self.matches.current()
        key, counts = self.view.selected_key, []
        for number, pane in enumerate(panes):
            flash = self._flash[1] if self._flash and self._flash[0] is pane else None
            spans = PaneSpans(
                matches=[(s, e) for p, s, e in self.matches.found if p == number],
                current=(current[1], current[2]) if current and current[0] == number else None,
                flash=flash,
                aligned=pane.spans.aligned,
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
        elif self.matches.found:
            status = f"“{self.view.query}”: {self.matches.index + 1}/{len(self.matches.found)}"
        self.query_one(HighlightLegend).set_state(self.view.kinds, self.view.colour, status)

    # --- what is highlighted -----------------------------------------------------------

    def set_colour(self, colour: bool) -> None:
        if colour != self.view.colour:
            self.view = replace(self.view, colour=colour)
            self.redraw()

    def toggle_kind(self, kind: str) -> None:
        for known in KINDS:
            if known == kind:
                self.view = replace(self.view, kinds=self.view.kinds ^ {known})
                self.redraw()

    def toggle_highlights(self) -> None:
        self.view = replace(self.view, kinds=frozenset() if self.view.kinds else frozenset(KINDS))
        self.redraw()

    def clear_selection(self) -> bool:
        """Drop the selection, the query and a jump's mark; whether there was any."""
        if not (self.view.selected_key or self.view.query):
            return False
        self.view = replace(self.view, selected_key="", query="")
        self.matches, self._flash = Matches(), None
        self.redraw()
        return True

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
        panes = self.panes
        if not self.sync or len(panes) < 2:
            return
        focused = next((p for p in panes if p.has_focus), None)
        if source is not focused and not (focused is None and source.is_mouse_over):
            return  # only the pane the user is scrolling drives the others
        self.aligner.follow(source, panes)

    def step_aligned(self, pane: ReadingPane, delta: int) -> bool:
        """Step `pane` to its next (`delta` 1) or previous aligned passage; False if none."""
        panes = self.panes
        return len(panes) >= 2 and self.aligner.step(pane, panes, delta)

    # --- search matches and jumps --------------------------------------------------------

    def search(self, query: str) -> bool:
        """Highlight `query` in every pane and scroll to the first match; whether any."""
        self.view = replace(self.view, query=query)
        self.find_query()
        self.redraw()
        self.scroll_to_match()
        return bool(self.matches.found)

    def find_query(self) -> None:
        found = [
            (n, s, e)
            for n, pane in enumerate(self.panes)
            for s, e in find_all(pane.text, self.view.query)
        ]
        self.matches = Matches(found, 0 if found else -1)

    def step_match(self, delta: int) -> bool:
        """The next (`delta` 1) or previous match, across panes; False when there is none."""
        if not self.matches.found:
            return False
        self.matches.step(delta)
        self.redraw()
        self.scroll_to_match()
        return True

    def scroll_to_match(self) -> None:
        if (current := self.matches.current()) is not None:
            number, start, _ = current
            self.call_after_refresh(self.panes[number].scroll_to_offset, start)

    def land(self, jump: Jump) -> None:
        """Mark and scroll to the jump's span in the pane that shows its article."""
        if self.view.query and not self.matches.found:
            self.find_query()
        for pane in self.panes:
            if pane.article_id == jump.article_id:
                self._flash = (pane, (jump.start, jump.end))
                self.redraw()
                self.call_after_refresh(pane.scroll_to_offset, jump.start)
                pane.focus()
