"""Scroll-together by passage: the other panes follow the leading pane's top passage to the
passage of theirs that shares most with it (`reader.core.analysis.compare.align`), and the
aligned passages are marked. The screen holds one `PaneAligner` and calls it; it keeps no
widgets, only what it computed for the articles shown. (The analysis package is imported when
a set is analysed, not with the reading screen: the first frame must not wait for it.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.ui.reading.section_view import SectionView

if TYPE_CHECKING:
    from reader.core.analysis.compare.align import Match, Passage
    from reader.core.analysis.model import Analysis
    from reader.ui.reading.reading_pane import ReadingPane


def _lines(pane: ReadingPane, found: Sequence[Passage]) -> list[int | None]:
    """The virtual line each passage starts on (None: its section is not mounted yet)."""
    sections = list(pane.query(SectionView))
    out: list[int | None] = []
    at = 0
    for passage in found:
        while at < len(sections) and sections[at].end < passage.start:
            at += 1
        if at < len(sections) and sections[at].start <= passage.start:
            section = sections[at]
            out.append(section.virtual_region.y + section.line_of(passage.start))
        else:
            out.append(None)
    return out


class PaneAligner:
    """Passages and alignments of the panes' articles, by article id."""

    def __init__(self) -> None:
        self._passages: dict[int, list[Passage]] = {}
        self._aligned: dict[tuple[int, int], list[Match | None]] = {}
        self._lines: dict[int, tuple[tuple[int, int], list[int | None]]] = {}
        self._stepped: tuple[int | None, int] | None = None  # (article, scroll_y) of a step

    def set_analyses(self, panes: Sequence[ReadingPane], analyses: Sequence[Analysis]) -> None:
        """The analyses of the set just read (in pane order): work out their passages."""
        from reader.core.analysis.compare.align import passages

        self._passages, self._aligned, self._lines = {}, {}, {}
        for pane, analysis in zip(panes, analyses, strict=False):
            if pane.article is not None and pane.article_id is not None:
                self._passages[pane.article_id] = passages(pane.article, analysis)
            pane.spans.aligned = None

    def _found(self, pane: ReadingPane) -> list[Passage]:
        return self._passages.get(pane.article_id, []) if pane.article_id is not None else []

    def matches(self, lead: ReadingPane, other: ReadingPane) -> list[Match | None]:
        if lead.article_id is None or other.article_id is None:
            return []
        key = (lead.article_id, other.article_id)
        if key not in self._aligned:
            from reader.core.analysis.compare.align import align

            self._aligned[key] = align(self._found(lead), self._found(other))
        return self._aligned[key]

    def lines(self, pane: ReadingPane) -> list[int | None]:
        if pane.article_id is None:
            return []
        stamp = (pane.size.width, len(pane.query(SectionView)))
        cached = self._lines.get(pane.article_id)
        if cached is None or cached[0] != stamp:
            cached = (stamp, _lines(pane, self._found(pane)))
            self._lines[pane.article_id] = cached
        return cached[1]

    def reading_line(self, pane: ReadingPane) -> float:
        """The virtual line the pane is read at: its top line at the start of the article,
        moving down the pane as it scrolls, to its bottom line at the end (so that the last
        passages, which never reach the top, lead in their turn)."""
        fraction = pane.scroll_y / pane.max_scroll_y if pane.max_scroll_y else 0.0
        return pane.scroll_y + fraction * max(0, pane.size.height - 1)

    def passage_at_line(self, pane: ReadingPane, line: float) -> int:
        """The passage showing virtual line `line` (-1: the pane has none)."""
        best = -1
        for index, start in enumerate(self.lines(pane)):
            if start is None or start > line:
                break
            best = index
        return best if best >= 0 or not self._found(pane) else 0

    def _extent(self, pane: ReadingPane, index: int) -> tuple[int, int] | None:
        """The virtual lines passage `index` starts on and spans (None: not mounted)."""
        lines = self.lines(pane)
        start = lines[index] if 0 <= index < len(lines) else None
        if start is None:
            return None
        end = next((x for x in lines[index + 1 :] if x is not None), pane.virtual_size.height)
        return start, max(1, end - start)

    def follow(self, lead: ReadingPane, panes: Sequence[ReadingPane], index: int = -1) -> bool:
        """Scroll the other panes so that the passages answering `lead`'s passage `index`
        (by default the one at its reading line) sit where it sits, as far into them as the
        reading line is into it; a pane without an answering passage keeps the same fraction
        of its article. Marks the pairs. True when at least one pane followed by passage."""
        if index < 0:
            if self._stepped == (lead.article_id, round(lead.scroll_y)):
                return True  # the screen scrolled the lead to a stepped-to pair: keep it
            top = lead.scroll_y
            line = self.reading_line(lead)
            index = self.passage_at_line(lead, line)
        else:  # the lead is being scrolled to that passage (see `step`)
            extent = self._extent(lead, index)
            line = float(extent[0]) if extent else lead.scroll_y
            top = min(line, lead.max_scroll_y)
        self._stepped = None
        mine = self._found(lead)
        extent = self._extent(lead, index)
        if extent is not None and line < extent[0]:
            line = float(extent[0])  # above the first passage (the title): starts line up
        into = (line - extent[0]) / extent[1] if extent else 0.0
        row = line - top  # where on the screen the reading line is
        fraction = top / lead.max_scroll_y if lead.max_scroll_y else 0.0
        followed = False
        for pane in panes:
            if pane is lead:
                continue
            found = self.matches(lead, pane)
            match = found[index] if 0 <= index < len(found) else None
            if match is None:
                pane.scroll_to(y=fraction * pane.max_scroll_y, animate=False)
                self._mark(pane, None)
                continue
            followed = True
            theirs = self._found(pane)[match.other]
            self._mark(pane, theirs)
            where = self._extent(pane, match.other)
            if where is None:
                pane.scroll_to_offset(theirs.start)
                continue
            target = where[0] + max(0.0, min(1.0, into)) * where[1] - row
            pane.scroll_to(y=max(0.0, target), animate=False)
        self._mark(lead, mine[index] if followed and 0 <= index < len(mine) else None)
        return followed

    def step(self, lead: ReadingPane, panes: Sequence[ReadingPane], delta: int) -> bool:
        """Scroll `lead` to its next (or previous) passage that another pane answers, and the
        others to their answers. False when no passage of `lead` is answered."""
        others = [p for p in panes if p is not lead]
        paired = sorted({m.lead for p in others for m in self.matches(lead, p) if m is not None})
        if not paired:
            return False
        marked = lead.spans.aligned
        here = next(
            (i for i, p in enumerate(self._found(lead)) if marked and p.start == marked[0]),
            -1 if delta > 0 else len(self._found(lead)),
        )
        if delta > 0:
            index = next((i for i in paired if i > here), paired[0])
        else:
            index = next((i for i in reversed(paired) if i < here), paired[-1])
        extent = self._extent(lead, index)
        if extent is None:
            lead.scroll_to_offset(self._found(lead)[index].start)
        else:
            lead.scroll_to(y=extent[0], animate=False)
        self.follow(lead, panes, index)
        if extent is not None:  # where the lead will be once scrolled (it lands later)
            self._stepped = (lead.article_id, round(min(extent[0], lead.max_scroll_y)))
        return True

    def _mark(self, pane: ReadingPane, passage: Passage | None) -> None:
        span = (passage.start, passage.end) if passage is not None else None
        if pane.spans.aligned != span:
            pane.spans.aligned = span
            pane.refresh_blocks()
