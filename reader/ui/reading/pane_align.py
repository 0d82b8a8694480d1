"""Scroll-together by passage: the other panes follow the leading pane's top passage to the
passage of theirs that shares most with it (`reader.core.analysis.compare.align`), and the
aligned passages are marked. The screen holds one `PaneAligner` and calls it; it keeps no
widgets, only what it computed for the articles shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.analysis.compare.align import Match, Passage, align, passages
from reader.ui.reading.section_view import SectionView

if TYPE_CHECKING:
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

    def set_analyses(self, panes: Sequence[ReadingPane], analyses: Sequence[Analysis]) -> None:
        """The analyses of the set just read (in pane order): work out their passages."""
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

    def top_passage(self, pane: ReadingPane) -> int:
        """The passage at the top of `pane` (-1: none known)."""
        top = round(pane.scroll_y)
        best = -1
        for index, line in enumerate(self.lines(pane)):
            if line is None or line > top:
                break
            best = index
        return best if best >= 0 or not self._found(pane) else 0

    def follow(self, lead: ReadingPane, panes: Sequence[ReadingPane], index: int = -1) -> bool:
        """Scroll the other panes to the passages answering `lead`'s passage `index` (its top
        one by default), as far into them as `lead` is into its own; a pane without an
        answering passage keeps the same fraction of its article. Marks the pairs. True when
        at least one pane followed by passage."""
        index = self.top_passage(lead) if index < 0 else index
        mine = self._found(lead)
        lead_lines = self.lines(lead)
        into = 0.0
        if 0 <= index < len(mine) and (start := lead_lines[index]) is not None:
            end = next((x for x in lead_lines[index + 1 :] if x is not None), None)
            height = (end if end is not None else lead.virtual_size.height) - start
            into = max(0.0, min(1.0, (lead.scroll_y - start) / height)) if height > 0 else 0.0
        fraction = lead.scroll_y / lead.max_scroll_y if lead.max_scroll_y else 0.0
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
            other_lines = self.lines(pane)
            start = other_lines[match.other]
            if start is None:
                pane.scroll_to_offset(theirs.start)
                continue
            end = next((x for x in other_lines[match.other + 1 :] if x is not None), None)
            height = (end if end is not None else pane.virtual_size.height) - start
            pane.scroll_to(y=start + into * max(0, height), animate=False)
        self._mark(lead, mine[index] if followed and 0 <= index < len(mine) else None)
        return followed

    def step(self, lead: ReadingPane, panes: Sequence[ReadingPane], delta: int) -> bool:
        """Scroll `lead` to its next (or previous) passage that another pane answers, and the
        others to their answers. False when no passage of `lead` is answered."""
        others = [p for p in panes if p is not lead]
        paired = sorted({m.lead for p in others for m in self.matches(lead, p) if m is not None})
        if not paired:
            return False
        here = self.top_passage(lead)
        if delta > 0:
            index = next((i for i in paired if i > here), paired[0])
        else:
            index = next((i for i in reversed(paired) if i < here), paired[-1])
        line = self.lines(lead)[index]
        if line is None:
            lead.scroll_to_offset(self._found(lead)[index].start)
        else:
            lead.scroll_to(y=line, animate=False)
        self.follow(lead, panes, index)
        return True

    def _mark(self, pane: ReadingPane, passage: Passage | None) -> None:
        span = (passage.start, passage.end) if passage is not None else None
        if pane.spans.aligned != span:
            pane.spans.aligned = span
            pane.refresh_blocks()
