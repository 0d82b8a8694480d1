"""How the articles being read compare: who and what each mentions, and whose figures agree.

Result: a `Jump` to the chosen row's first mention, or None when closed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from reader.core.export import (
    comparison_json,
    comparison_markdown,
    default_export_dir,
    export_notice,
    write_export,
)
from reader.core.reading.handoffs import Jump, SourceRef
from reader.core.store import Library
from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.chrome.worker_errors import report_failure
from reader.ui.comparison.comparison_list import ComparisonList, Mention


def find_name(body: str, name: str) -> tuple[int, int] | None:
    """The first mention of `name` in `body`: the whole name (case-insensitive, at a word
    start), else its longest word (an alias such as a surname)."""
    candidates = [name.strip()]
    words = sorted((w for w in re.split(r"\W+", name) if len(w) > 2), key=len, reverse=True)
    candidates += words[:1]
    for text in candidates:
        if not text:
            continue
        found = re.search(rf"(?<!\w){re.escape(text)}", body, re.IGNORECASE)
        if found:
            return found.start(), found.end()
    return None


class ComparisonScreen(Screen[Jump | None]):
    """Entities and figures side by side, one column per source."""

    # The styles of the timeline, search and comparison screens (loaded once, app-wide).
    CSS_PATH = "../screens.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="comparison.close", tooltip="Back to the articles"),
        Binding(
            "e",
            "export",
            "Export",
            id="comparison.export",
            tooltip="Write the comparison as Markdown and JSON",
        ),
    ]

    class Located(Message):
        """Where an entity's first mention is (posted from the lookup worker)."""

        def __init__(self, jump: Jump | None) -> None:
            super().__init__()
            self.jump = jump

    def __init__(
        self,
        comparison: dict[str, Any],
        sources: list[SourceRef],
        *,
        library: Library | None = None,
        export_dir: Path | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.comparison = comparison
        self.sources = sources
        self.library = library
        self.export_dir = export_dir

    @property
    def labels(self) -> list[str]:
        if self.sources:
            return [s.label for s in self.sources]
        articles = self.comparison.get("articles") or []
        return [f"Source {n + 1}" for n in range(len(articles))]

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="comparison-title", markup=False)
        yield ComparisonList(self.comparison, self.labels, id="comparison-list")
        yield KeyFooter()

    def _title(self) -> Content:
        count = len(self.labels)
        return Content.assemble(
            ("Comparison", "bold"),
            f"  {count} source{'s' if count != 1 else ''}   ",
            ("= agree  ≠ differ  1 one source only", "$text-muted"),
        )

    def on_mount(self) -> None:
        self.query_one(ComparisonList).focus()

    @on(ComparisonList.Chosen)
    def _chosen(self, message: ComparisonList.Chosen) -> None:
        mention = message.mention
        if not 0 <= mention.article < len(self.sources):
            self.notify("That source is not open.", severity="warning", markup=False)
            return
        article_id = self.sources[mention.article].article_id
        if mention.start is not None:
            end = mention.end if mention.end is not None else mention.start
            self.dismiss(Jump(article_id, mention.start, end))
            return
        library = self.library or self._library_below()
        if library is None:
            self.dismiss(Jump(article_id, 0, 0))
            return
        self._locate(library, article_id, mention)

    def _library_below(self) -> Library | None:
        """The library of the screen that opened this one, when none was passed down."""
        for screen in reversed(self.app.screen_stack):
            found = getattr(screen, "library", None)
            if isinstance(found, Library):
                return found
        return None

    @work(thread=True, exclusive=True, exit_on_error=False, group="locate")
    def _locate(self, library: Library, article_id: int, mention: Mention) -> None:
        body = library.get(article_id).body
        start, end = find_name(body, mention.text) or (0, 0)
        self.post_message(self.Located(Jump(article_id, start, end)))

    @on(Located)
    def _located(self, message: Located) -> None:
        if self.is_current:  # a second enter's answer finds the screen already gone
            self.dismiss(message.jump)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        self._export(self.export_dir or default_export_dir())

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, directory: Path) -> tuple[Path, Path]:
        markdown = comparison_markdown(self.comparison, self.sources)
        data = comparison_json(self.comparison, self.sources)
        return write_export(directory, "comparison", markdown, data)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.state == WorkerState.SUCCESS and worker.group == "export" and worker.result:
            md_path, json_path = worker.result
            self.notify(export_notice("Comparison", md_path, json_path), markup=False)
        else:
            report_failure(self, event, {"export": "export the comparison"}, "find the mention")
