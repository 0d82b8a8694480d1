"""The legend under the reading panes: which kinds are highlighted, and their keys."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.ui.reading.highlight import legend_content, visible
from reader.ui.reading.marks import KIND_LABELS, KINDS, MarkKind


class HighlightLegend(Static):
    """`1 People  2 Places  3 Organisations  4 Numbers  5 Dates`, struck through when off; with
    a status ("Donald Trump — Source A 3 · Source B 2") that would not fit beside it, the kinds
    shrink to their coloured keys (`1 2 3 4 5`) so the status is read whole."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self.kinds: frozenset[MarkKind] = frozenset(KINDS)
        self.colour = True
        self.status = ""

    def on_mount(self) -> None:
        self._redraw()

    def set_state(self, kinds: frozenset[MarkKind], colour: bool, status: str = "") -> None:
        self.kinds, self.colour, self.status = kinds, colour, status
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        legend = legend_content(self.kinds, self.colour, KIND_LABELS)
        if self.status:
            status = Content(visible(self.status)).stylize("italic")
            line = Content.assemble(legend, " │ ", status)
            if 0 < self.content_size.width < line.cell_length:
                short = legend_content(self.kinds, self.colour, KIND_LABELS, short=True)
                line = Content.assemble(short, "│ ", status)
            legend = line
        self.update(legend)
