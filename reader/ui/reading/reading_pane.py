"""A reading pane: one article's title, source · date line, dateline, headings and paragraphs,
with the analysis marks highlighted. The screen sets what to show; the pane reports marks
the user chooses (`MarkChosen`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.ui.reading.article_list import DERIVED_MARK
from reader.ui.reading.highlight import PaneSpans, View, block_content, one_line, visible
from reader.ui.reading.marks import Mark, marks_from_analysis
from reader.ui.reading.section_view import SectionView, sections

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.article import Article, Block

BATCH = 40  # sections mounted at a time: the rest as the reader scrolls towards them
BLOCK_STYLES = {"dateline": "italic $text-muted", "heading": "bold $text-primary"}
URL_CELLS = 32  # the address in the byline: narrower than the narrowest pane (MIN_PANE)
EMPTY_HINT = "Choose an article in the list and press enter to read it."


def byline(article: Article) -> str:
    """The line under the title (the header above gives source and date): author, length,
    where it came from."""
    parts = [f"By {article.author}"] if article.author else []
    parts.append(f"{article.word_count:,} words")
    if article.url:
        parts.append(short_url(article.url))
    return one_line(" · ".join(parts), 200)


def short_url(url: str, limit: int = URL_CELLS) -> str:
    """The address without its scheme, elided at the end to `limit` characters: one word that
    fits a narrow pane instead of breaking across lines (`o` opens the whole address)."""
    bare = url.split("://", 1)[-1].removeprefix("www.")
    return bare if len(bare) <= limit else bare[: limit - 1] + "…"


class ReadingPane(VerticalScroll, can_focus=True):
    """Scrolls one article. Marked spans are clickable; `[`/`]` on the screen step them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="pane.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="pane.up"),
    ]

    class MarkChosen(Message):
        def __init__(self, pane: ReadingPane, mark: Mark) -> None:
            super().__init__()
            self.pane = pane
            self.mark = mark

        @property
        def control(self) -> ReadingPane:
            return self.pane

    class Scrolled(Message):
        """The pane scrolled (by the user or by the screen)."""

        def __init__(self, pane: ReadingPane) -> None:
            super().__init__()
            self.pane = pane

        @property
        def control(self) -> ReadingPane:
            return self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article_id: int | None = None
        self.article: Article | None = None
        self.text = ""
        self.marks: list[Mark] = []
        self._starts: list[int] = []
        self.view = View()
        self.spans = PaneSpans()
        self.cursor = -1  # index into marks of the last stepped-to mark
        self.note = ""  # shown in the header, e.g. how often the selection occurs here
        self.failure = ""  # why the open article's analysis failed, shown in the header
        self.hint = EMPTY_HINT  # shown in the header while no article is open
        self._pending: list[tuple[list[Block], bool]] = []  # sections not mounted yet
        self._generation = 0  # bumped per article: a late batch for an older one is dropped

    def compose(self) -> ComposeResult:
        yield Static(EMPTY_HINT, classes="pane-header", markup=False)

    @property
    def header(self) -> Static:
        return self.query_one(".pane-header", Static)

    async def show_article(self, article_id: int, article: Article) -> None:
        """Replace what the pane shows (marks come later, with `set_analysis`)."""
        self.article_id, self.article = article_id, article
        self.text = visible(article.body)
        self.marks, self._starts, self.cursor = [], [], -1
        self.spans = PaneSpans()
        self.note, self.failure = "", ""
        await self.remove_children(".section, .title, .byline")
        title = Content(visible(article.title or "(untitled)"))
        if article.title_derived:  # the text's first words, not the outlet's headline
            title = Content.assemble((f"{DERIVED_MARK} ", "$text-muted"), title.stylize("italic"))
        widgets: list[Static] = [
            Static(title, classes="title", markup=False),
            Static(Content(visible(byline(article))), classes="byline", markup=False),
        ]
        self._generation += 1
        runs = sections(article.blocks, self.text)
        self._pending = runs[BATCH:]
        widgets += [self._section(blocks, runs_on) for blocks, runs_on in runs[:BATCH]]
        await self.mount_all(widgets)
        self.scroll_home(animate=False)
        self._update_header()

    def _section(self, blocks: list[Block], runs_on: bool) -> SectionView:
        return SectionView(blocks, *self._section_content(blocks), runs_on=runs_on)

    async def _mount_more(self, until: int = -1) -> None:
        """Mount the next batch of sections, or as many as reach body offset `until`."""
        if not self._pending:
            return
        count = BATCH
        for index, (blocks, _) in enumerate(self._pending):
            if blocks[-1].end >= until:
                count = max(count, index + 1)
                break
        batch, self._pending = self._pending[:count], self._pending[count:]
        generation = self._generation
        widgets = [self._section(blocks, runs_on) for blocks, runs_on in batch]
        if generation == self._generation:
            await self.mount_all(widgets)

    async def _reveal(self, offset: int) -> None:
        await self._mount_more(offset)
        self.call_after_refresh(self.scroll_to_offset, offset)

    def set_analysis(self, analysis: Analysis, failure: str = "") -> None:
        """The article's marks; `failure`: why its analysis failed ("": it did not)."""
        self.marks = marks_from_analysis(analysis, len(self.text))
        self._starts = [m.start for m in self.marks]
        self.refresh_blocks()
        if failure != self.failure:
            self.failure = failure
            self._update_header()

    def set_view(self, view: View, spans: PaneSpans | None = None, note: str = "") -> None:
        self.view = view
        if spans is not None:
            self.spans = spans
        self.note = note
        self.refresh_blocks()
        self._update_header()

    def refresh_blocks(self) -> None:
        """Restyle the sections whose look changed (long articles have many sections)."""
        for section in self.query(SectionView):
            key = self._look(section.start, section.end)
            if key != section.look:
                section.look = key
                section.show(*self._section_content(section.blocks))

    def _look(self, start: int, end: int) -> tuple[object, ...]:
        """What decides how body[start:end] looks: the marks in it and what of the view
        and the spans touches it."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        keys = {m.key for m in self.marks[lo:hi]}

        def inside(span: tuple[int, int] | None) -> bool:
            return span is not None and span[1] > start and span[0] < end

        view, spans = self.view, self.spans
        return (
            lo,
            hi,
            len(self.marks),
            view.kinds,
            view.colour,
            view.selected_key if view.selected_key in keys else "",
            tuple(m for m in spans.matches if inside(m)),
            spans.current if inside(spans.current) else None,
            spans.flash if inside(spans.flash) else None,
            spans.aligned if inside(spans.aligned) else None,
            self.cursor if lo <= self.cursor < hi else -1,
        )

    def _section_content(self, blocks: list[Block]) -> tuple[Content, list[int]]:
        """The blocks' text, styled, with a blank line between blocks; and where each starts."""
        parts: list[Content] = []
        starts: list[int] = []
        at = 0
        for block in blocks:
            start, end = block.start, block.end
            lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
            inside = [(i, self.marks[i]) for i in range(lo, hi) if self.marks[i].end <= end]
            piece = block_content(self.text, start, end, inside, self.view, self.spans, self.cursor)
            if block.kind in BLOCK_STYLES:
                piece = piece.stylize_before(BLOCK_STYLES[block.kind])
            starts.append(at)
            parts.append(piece)
            at += len(piece) + 2
        return Content("\n\n").join(parts), starts

    def _update_header(self) -> None:
        if self.article is None:
            self.header.update(Content(self.hint))
            return
        label = one_line(self.article.source or "Unknown source", 40)
        date = self.article.published.isoformat() if self.article.published else "undated"
        parts: list[Content | str] = []
        if self.note:  # first: a narrow pane cuts the end of the line, not the readout
            parts += [Content.styled(one_line(self.note, 80), "bold $text-accent"), "  "]
        if self.failure:  # before the byline too: it says why no names are marked
            why = one_line(f"analysis failed: {self.failure}", 120)
            parts += [Content.styled(why, "bold $text-warning"), "  "]
        parts += [Content.styled(label, "bold"), " · ", date]
        if self.article.title_derived:
            parts += [" · ", Content.styled(f"{DERIVED_MARK} title from the text", "italic")]
        self.header.update(Content.assemble(*parts))

    def set_hint(self, hint: str) -> None:
        self.hint = hint or EMPTY_HINT
        self._update_header()

    def count_key(self, key: str) -> int:
        return sum(1 for m in self.marks if m.key == key)

    def step(self, delta: int) -> Mark | None:
        """Move to the next (or previous) shown mark, scroll to it and report it."""
        blocks = self.article.blocks if self.article else []
        titles = [(b.start, b.end) for b in blocks if b.kind == "title"]
        shown = [
            i
            for i, m in enumerate(self.marks)
            if m.kind in self.view.kinds and not any(a <= m.start < b for a, b in titles)
        ]  # the title block is the header's, not a section's: its marks are not drawn
        if not shown:
            return None
        if delta > 0:
            following = [i for i in shown if i > self.cursor]
            self.cursor = following[0] if following else shown[0]
        else:
            before = [i for i in shown if i < self.cursor]
            self.cursor = before[-1] if before else shown[-1]
        mark = self.marks[self.cursor]
        self.refresh_blocks()
        self.scroll_to_offset(mark.start)
        self.post_message(self.MarkChosen(self, mark))
        return mark

    def first_offset_of(self, key: str) -> int | None:
        return next((m.start for m in self.marks if m.key == key), None)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that body offset `offset` is in view, about a third of the way down."""
        if self._pending and offset > self._pending[0][0][0].start:
            self.call_later(self._reveal, offset)  # not mounted yet
            return
        for section in self.query(SectionView):
            if section.start <= offset <= section.end:
                line = section.virtual_region.y + section.line_of(offset)
                self.scroll_to(y=max(0, line - self.size.height // 3), animate=False)
                return

    def action_scroll_down(self) -> None:
        self._line(1)

    def action_scroll_up(self) -> None:
        self._line(-1)

    def _line(self, delta: int) -> None:
        """One line per press, at once: the default animates and defers the scroll until
        after a refresh, so presses queued before it (a held or fast key) all start from the
        same line and most are lost."""
        target = min(self.max_scroll_y, max(0, round(self.scroll_target_y) + delta))
        self.scroll_to(y=target, animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))
        if self._pending and new_value >= self.max_scroll_y - 2 * self.size.height:
            self.call_later(self._mount_more)

    def on_section_view_mark_clicked(self, event: SectionView.MarkClicked) -> None:
        event.stop()
        if 0 <= event.index < len(self.marks):
            self.cursor = event.index
            self.refresh_blocks()
            self.post_message(self.MarkChosen(self, self.marks[event.index]))
