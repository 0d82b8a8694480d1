"""A run of consecutive blocks of an article body (datelines, headings, paragraphs) in one
widget: long articles stay a few dozen widgets, not thousands, and a huge paragraph is cut
into pieces so that no widget wraps more than about 2 × MAX_CHARS on the UI thread."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.core.article import Block

MAX_CHARS = 4000  # a section holds blocks until it reaches about this much text
MAX_BLOCKS = 24


def _pieces(block: Block, body: str) -> list[Block]:
    """`block`, cut at spaces into pieces of at most MAX_CHARS (most blocks are one piece)."""
    pieces: list[Block] = []
    start = block.start
    while block.end - start > MAX_CHARS:
        cut = body.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
        cut = start + MAX_CHARS if cut == -1 else cut + 1
        pieces.append(Block(block.kind, start, cut))
        start = cut
    pieces.append(Block(block.kind, start, block.end))
    return pieces


def sections(blocks: Sequence[Block], body: str) -> list[tuple[list[Block], bool]]:
    """The body blocks (not the title) cut into runs for `SectionView`s, each at most about
    2 × MAX_CHARS: (blocks, whether the last block runs on into the next run)."""
    runs: list[tuple[list[Block], bool]] = []
    size = 0
    for block in blocks:
        if block.kind == "title":
            continue
        pieces = _pieces(block, body)
        for number, piece in enumerate(pieces):
            split = len(pieces) > 1
            if not runs or split or size >= MAX_CHARS or len(runs[-1][0]) >= MAX_BLOCKS:
                runs.append(([], split and number < len(pieces) - 1))
                size = 0
            runs[-1][0].append(piece)
            size += piece.end - piece.start
            if split:
                size = MAX_CHARS  # the next block starts a new run
    return runs


class SectionView(Static):
    """Shows its blocks separated by blank lines; a click on a marked span posts `MarkClicked`."""

    class MarkClicked(Message):
        def __init__(self, section: SectionView, index: int) -> None:
            super().__init__()
            self.section = section
            self.index = index

        @property
        def control(self) -> SectionView:
            return self.section

    def __init__(
        self, blocks: list[Block], content: Content, starts: list[int], runs_on: bool = False
    ) -> None:
        super().__init__(
            content, markup=False, classes="section -runs-on" if runs_on else "section"
        )
        self.blocks = blocks
        self.start = blocks[0].start
        self.end = blocks[-1].end
        self.shown = content
        self.starts = starts  # where each block begins in `shown`
        self.look: tuple[object, ...] = ()  # what the content was built from (see ReadingPane)

    def show(self, content: Content, starts: list[int]) -> None:
        self.starts = starts
        if content.plain != self.shown.plain or content.spans != self.shown.spans:
            self.shown = content
            self.update(content)

    def line_of(self, offset: int) -> int:
        """About which wrapped line shows body offset `offset` (for scrolling to it)."""
        width = max(1, self.content_size.width)
        plain = self.shown.plain
        line = 0
        for index, block in enumerate(self.blocks):
            begin = self.starts[index]
            finish = self.starts[index + 1] - 2 if index + 1 < len(self.starts) else len(plain)
            if block.end < offset:
                line += len(Content(plain[begin:finish]).wrap(width)) + 1  # and a blank line
                continue
            head = Content(plain[begin : begin + max(0, offset - block.start)])
            return line + max(0, len(head.wrap(width)) - 1)
        return line

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("mark")
        if isinstance(index, int):
            event.stop()
            self.post_message(self.MarkClicked(self, index))
