"""One block of an article body (dateline, heading or paragraph), highlighted by offsets."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import Static


class BlockView(Static):
    """Shows body[start:end]; clicking a marked span posts `MarkClicked` with its index."""

    class MarkClicked(Message):
        def __init__(self, block: BlockView, index: int) -> None:
            super().__init__()
            self.block = block
            self.index = index

        @property
        def control(self) -> BlockView:
            return self.block

    def __init__(self, kind: str, start: int, end: int, content: Content) -> None:
        super().__init__(content, markup=False, classes=f"block -{kind}")
        self.kind = kind
        self.start = start
        self.end = end
        self.shown = content

    def show(self, content: Content) -> None:
        if content.plain != self.shown.plain or content.spans != self.shown.spans:
            self.shown = content
            self.update(content)

    def line_of(self, offset: int) -> int:
        """Roughly which wrapped line holds body offset `offset` (for scrolling to it)."""
        width = max(1, self.content_size.width)
        seen = 0
        for number, line in enumerate(self.shown.wrap(width)):
            seen += len(line.plain) + 1
            if seen > offset - self.start:
                return number
        return 0

    def action_select_mark(self, index: int) -> None:
        """Run by the click action on a marked span (the action string is ours)."""
        self.post_message(self.MarkClicked(self, index))
