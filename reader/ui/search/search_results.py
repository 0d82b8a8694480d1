"""Ranked search hits: title, source and date, then the snippet with its matches marked.

The list never takes focus: the search input keeps it, and the screen moves the highlight.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content, Span
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.sanitize import one_line, visible
from reader.core.store import SearchHit

MATCH_STYLE = "bold underline $text-warning"
SNIPPET_LIMIT = 400


def snippet_content(snippet: str, matches: Sequence[tuple[int, int]]) -> Content:
    """The snippet on one line with each `(start, end)` match styled. `visible` keeps
    offsets, and each whitespace character becomes one space, so the spans still fit."""
    text = "".join(" " if ch.isspace() else ch for ch in visible(snippet[:SNIPPET_LIMIT]))
    spans = [
        Span(max(0, start), min(len(text), end), MATCH_STYLE)
        for start, end in matches
        if isinstance(start, int) and isinstance(end, int) and start < end and start < len(text)
    ]
    return Content(text, spans)


def hit_prompt(hit: SearchHit) -> Content:
    """The title on the first line; then its source and date, and the snippet."""
    title = one_line(hit.title, 160) or "(untitled)"
    meta = " · ".join(one_line(str(part), 40) for part in (hit.source, hit.published) if part)
    lead = Content.styled(f"{meta} — ", "$text-muted") if meta else Content("")
    snippet = snippet_content(hit.snippet or "", hit.snippet_matches)
    return Content.assemble((title, "bold"), "\n", lead, snippet)


class HitOption(Option):
    """A result row that carries its hit."""

    def __init__(self, hit: SearchHit) -> None:
        self.hit = hit
        super().__init__(hit_prompt(hit))


class SearchResults(OptionList, can_focus=False):
    """The hits of the latest search. Posts `SearchResults.Chosen` when one is clicked."""

    class Chosen(Message):
        def __init__(self, results: SearchResults, hit: SearchHit) -> None:
            super().__init__()
            self.results = results
            self.hit = hit

        @property
        def control(self) -> SearchResults:
            return self.results

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def show(self, hits: Sequence[SearchHit]) -> None:
        """Replace the rows with `hits`, highlighting the first."""
        options: list[Option | None] = []
        for n, hit in enumerate(hits):
            if n:
                options.append(None)  # a separator between hits
            options.append(HitOption(hit))
        self.set_options(options)
        self.highlighted = 0 if hits else None
        self.scroll_home(animate=False)

    @property
    def highlighted_hit(self) -> SearchHit | None:
        option = self.highlighted_option
        return option.hit if isinstance(option, HitOption) else None

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        if isinstance(message.option, HitOption):
            self.post_message(self.Chosen(self, message.option.hit))
