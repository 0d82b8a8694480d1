"""Search the library as you type (modal, `/`).

Result: `SearchOutcome(query, Jump(...))` when a hit is opened; `SearchOutcome(query)` when
closed with a query typed (the panes keep highlighting it); None when closed empty.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.worker import Worker, get_current_worker

from reader.core.reading.handoffs import Jump, SearchOutcome
from reader.core.search import match_spans, parse_query
from reader.core.store import Library, SearchHit, SearchScope
from reader.ui.chrome.safe_input import SafeInput
from reader.ui.chrome.worker_errors import report_failure
from reader.ui.search.search_results import SearchResults

LIMIT = 50
# A worker waits this long before it searches: a keystroke within it cancels the worker
# (exclusive), so fast typing runs one search, not one per letter.
SETTLE_SECONDS = 0.06
HELP = Content.assemble(
    ("source:", "bold"),
    "name  ",
    ("person:", "bold"),
    "name  ",
    ("place:", "bold"),
    "name  ",
    ("org:", "bold"),
    "name  ",
    ('"exact phrase"', "bold"),
    "   ↑↓ move · enter open · esc close",
)


def first_match(body: str, query: str) -> tuple[int, int] | None:
    """Where the first word of `body` that `query` matches is (the same matching as the
    search and the panes' highlighting), or None."""
    spans = match_spans(parse_query(query), body)
    return spans[0] if spans else None


class SearchScreen(ModalScreen[SearchOutcome | None]):
    """An input over ranked hits; every keystroke searches in a thread worker."""

    # The styles of the timeline, search and comparison screens (loaded once, app-wide).
    CSS_PATH = "../screens.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close", tooltip="Close the search"),
        Binding("down", "move(1)", "Next hit", show=False, id="search.next"),
        Binding("up", "move(-1)", "Previous hit", show=False, id="search.previous"),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    class Results(Message):
        """The hits of search number `seq` (posted from the worker thread)."""

        def __init__(
            self,
            seq: int,
            query: str,
            hits: Sequence[SearchHit],
            scope: SearchScope | None = None,
        ) -> None:
            super().__init__()
            self.seq = seq
            self.query = query
            self.hits = list(hits)
            self.scope = scope  # None when fewer than LIMIT hits: every match was ranked

    class Located(Message):
        """Where the opened hit's first match is in its body (posted from a worker)."""

        def __init__(self, query: str, jump: Jump) -> None:
            super().__init__()
            self.query = query
            self.jump = jump

    def __init__(self, library: Library, *, query: str = "", name: str | None = None) -> None:
        super().__init__(name=name)
        self.library = library
        self.initial_query = query
        self._seq = 0  # number of the latest search asked for
        self._shown = 0  # number of the search whose hits are shown
        self._open_pending = False  # enter was pressed before the latest hits arrived

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog") as dialog:
            dialog.border_title = "Search the library"
            yield SafeInput(
                self.initial_query,
                placeholder="Search titles and text…",
                id="search-input",
                select_on_focus=False,
            )
            yield Static(HELP, id="search-help", markup=False)
            yield Static("Type to search.", id="search-count", markup=False)
            yield SearchResults(id="search-results")

    def on_mount(self) -> None:
        field = self.query_one("#search-input", Input)
        field.focus()
        if self.initial_query.strip():
            self._seq += 1
            self._search(self._seq, self.initial_query)

    @property
    def query_text(self) -> str:
        return self.query_one("#search-input", Input).value

    # --- searching ------------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._seq += 1
        self._open_pending = False
        if not event.value.strip():
            self._shown = self._seq
            self.query_one(SearchResults).show([])
            self._count("Type to search.")
            return
        self._search(self._seq, event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, seq: int, query: str) -> None:
        worker = get_current_worker()
        time.sleep(SETTLE_SECONDS)
        if worker.is_cancelled:
            return
        hits = self.library.search(query, limit=LIMIT)
        # Fewer hits than asked for: every match was ranked. Else say how many matched.
        scope = self.library.search_scope(query) if len(hits) >= LIMIT else None
        if not worker.is_cancelled:
            self.post_message(self.Results(seq, query, hits, scope))

    @on(Results)
    def _results(self, message: Results) -> None:
        if message.seq != self._seq:
            return  # an earlier keystroke's answer arriving late: never shown
        self._shown = message.seq
        self.query_one(SearchResults).show(message.hits)
        n = len(message.hits)
        if n == 0:
            self._count("No matches.")
        else:
            more = "+" if n >= LIMIT else ""
            scope = message.scope.describe() if message.scope else ""
            self._count(
                f"{n}{more} result{'s' if n != 1 else ''}" + (f" · {scope}" if scope else "")
            )
        if self._open_pending:
            self._open_pending = False
            self._open_highlighted()

    def _count(self, text: str) -> None:
        self.query_one("#search-count", Static).update(Content(text))

    # --- moving and opening ---------------------------------------------------------------

    def action_move(self, step: int) -> None:
        results = self.query_one(SearchResults)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_page(self, step: int) -> None:
        results = self.query_one(SearchResults)
        if step > 0:
            results.action_page_down()
        else:
            results.action_page_up()

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.dismiss(None)
        elif self._shown != self._seq:
            self._open_pending = True  # open the top hit once this query's hits arrive
        else:
            self._open_highlighted()

    @on(SearchResults.Chosen)
    def _clicked(self, message: SearchResults.Chosen) -> None:
        self._open(self.query_text, message.hit)

    def _open_highlighted(self) -> None:
        hit = self.query_one(SearchResults).highlighted_hit
        if hit is None:
            self.dismiss(SearchOutcome(self.query_text))
        else:
            self._open(self.query_text, hit)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def _open(self, query: str, hit: SearchHit) -> None:
        body = self.library.get(hit.id).body
        start, end = first_match(body, query) or (0, 0)
        self.post_message(self.Located(query, Jump(hit.id, start, end)))

    @on(Located)
    def _located(self, message: Located) -> None:
        if self.is_current:  # a second enter's answer finds the screen already gone
            self.dismiss(SearchOutcome(message.query, message.jump))

    def action_close(self) -> None:
        query = self.query_text
        self.dismiss(SearchOutcome(query) if query.strip() else None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker errors are shown (the library may be busy or damaged)."""
        if not report_failure(self, event, {"search": "search"}, "open the article"):
            return
        if event.worker.group == "search":
            self._shown = self._seq  # nothing more is coming for this query
            self._open_pending = False
            self._count(f"Search failed: {event.worker.error}")
