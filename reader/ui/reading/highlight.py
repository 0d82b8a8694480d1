"""Styles for marked spans, and building a block's `Content` from body offsets.

Article text is untrusted: it becomes `Content(text)` (never markup) and is styled by
offsets. `visible()` runs first: it keeps the length, so analysis offsets still hold.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

from textual.content import Content, Span
from textual.style import Style

from reader.core.sanitize import one_line, visible
from reader.ui.reading.marks import KINDS, Mark, MarkKind

__all__ = ["block_content", "legend_content", "one_line", "visible"]

COLOUR_STYLES: dict[MarkKind, str] = {
    "person": "$text on $primary-muted",
    "place": "$text on $success-muted",
    "org": "$text on $warning-muted",
    "number": "bold $text-error",
    "date": "bold $text-secondary",
}
# Colour-free: told apart by weight, underline and a glyph before each span.
PLAIN_STYLES: dict[MarkKind, str] = {
    "person": "bold",
    "place": "underline",
    "org": "bold underline",
    "number": "italic underline",
    "date": "italic",
}
GLYPHS: dict[MarkKind, str] = {
    "person": "◆",
    "place": "▲",
    "org": "■",
    "number": "#",
    "date": "◇",
}
Emphasis = Literal["selected", "current", "match", "current_match", "flash"]
# What a span gets beyond its kind: every mention of the selected entity, the mention `]`/`[`
# landed on, search matches, the current match, a jump target. Each is told apart from the
# kinds and from the chrome (pane headers, list cursors, bars) by its own background colour
# (tests/pilot/test_highlight_distinct.py checks it against the rendered styles of each theme).
COLOUR_EMPHASIS: dict[Emphasis, str] = {
    "selected": "bold reverse",
    "current": "bold underline reverse $text-accent",
    "match": "underline $text on $error-muted",
    "current_match": "bold reverse $text-error",
    "flash": "bold reverse $text-success",
}
# Colour-free: a weight and a grey level each (the chrome keeps to the darker greys).
PLAIN_EMPHASIS: dict[Emphasis, str] = {
    "selected": "bold reverse",
    "current": "bold underline reverse",
    "match": "italic $text on $foreground 40%",
    "current_match": "bold italic underline reverse",
    "flash": "reverse",
}
ALIGNED_STYLE = "on $panel"  # the passages scroll-together aligned across the panes


@dataclass(frozen=True, slots=True)
class View:
    """How a pane shows its marks: set by the screen, the same for every pane."""

    kinds: frozenset[MarkKind] = frozenset(KINDS)
    colour: bool = True
    selected_key: str = ""
    query: str = ""


@dataclass(slots=True)
class PaneSpans:
    """Per-pane spans in body offsets: search matches, the current match, a jump target,
    the passage aligned with the other panes'."""

    matches: list[tuple[int, int]] = field(default_factory=list)
    current: tuple[int, int] | None = None
    flash: tuple[int, int] | None = None
    aligned: tuple[int, int] | None = None


def mark_style(kind: MarkKind, colour: bool) -> str:
    return (COLOUR_STYLES if colour else PLAIN_STYLES)[kind]


def emphasis_style(which: Emphasis, colour: bool) -> str:
    return (COLOUR_EMPHASIS if colour else PLAIN_EMPHASIS)[which]


def highlight_styles(colour: bool) -> dict[str, str]:
    """Every highlight the panes paint, by name: the kinds, then the emphases."""
    kinds = COLOUR_STYLES if colour else PLAIN_STYLES
    emphases = COLOUR_EMPHASIS if colour else PLAIN_EMPHASIS
    return {**{str(k): v for k, v in kinds.items()}, **{str(k): v for k, v in emphases.items()}}


def legend_content(
    kinds: Collection[MarkKind], colour: bool, labels: dict[MarkKind, str], *, short: bool = False
) -> Content:
    """`1 ◆People  2 ▲Places …`: each kind in its own style, dimmed and struck when off.
    `short`: only each kind's key in its style (`1 2 3 4 5`, or `1◆ 2▲ …` without colour),
    for a line that must make room for a status."""
    parts: list[Content | str] = []
    for number, kind in enumerate(KINDS, 1):
        on = kind in kinds
        style = mark_style(kind, colour) if on else "dim strike"
        if short:
            parts += [Content(f"{number}{'' if colour else GLYPHS[kind]}").stylize(style), " "]
            continue
        name = Content(("" if colour else GLYPHS[kind]) + labels[kind]).stylize(style)
        parts += [Content.styled(f"{number}", "bold $text-accent"), " ", name, "  "]
    return Content.assemble(*parts)


def block_content(
    body: str,
    start: int,
    end: int,
    marks: Sequence[tuple[int, Mark]],
    view: View,
    spans: PaneSpans,
    cursor: int = -1,
) -> Content:
    """The text of body[start:end] with marks, matches and the jump target styled.

    `marks` are (index, mark) pairs inside the block; the index is kept in the span's style
    meta (`{"mark": index}`) so that a click on the span can select it. The mark at `cursor`
    (the one `]`/`[` landed on) is drawn as the current mention. No action strings:
    a clickable `@click` span would also take the link style and hide the mark's colour.
    """
    text = body[start:end]
    styled: list[Span] = []
    if spans.aligned and spans.aligned[1] > start and spans.aligned[0] < end:
        a, b = spans.aligned
        styled.append(Span(max(a, start) - start, min(b, end) - start, ALIGNED_STYLE))
    glyph_at: dict[int, MarkKind] = {}
    for index, mark in marks:
        if mark.kind not in view.kinds:
            continue
        a, b = mark.start - start, mark.end - start
        if index == cursor:
            style = emphasis_style("current", view.colour)
        elif mark.key == view.selected_key:
            style = emphasis_style("selected", view.colour)
        else:
            style = mark_style(mark.kind, view.colour)
        styled.append(Span(a, b, style))
        styled.append(Span(a, b, Style.from_meta({"mark": index})))
        if not view.colour:
            glyph_at[a] = mark.kind
    for m_start, m_end in spans.matches:
        if m_end > start and m_start < end:
            which: Emphasis = "current_match" if (m_start, m_end) == spans.current else "match"
            style = emphasis_style(which, view.colour)
            styled.append(Span(max(m_start, start) - start, min(m_end, end) - start, style))
    if spans.flash and spans.flash[1] > start and spans.flash[0] < end:
        a, b = spans.flash
        flash = emphasis_style("flash", view.colour)
        styled.append(Span(max(a, start) - start, min(b, end) - start, flash))
    content = Content(text, styled)
    if not glyph_at:
        return content
    offsets = sorted(glyph_at)
    pieces = content.divide(offsets)
    out: list[Content | str] = [pieces[0]]
    for offset, piece in zip(offsets, pieces[1:], strict=True):
        out.append(Content.styled(GLYPHS[glyph_at[offset]], "dim"))
        out.append(piece)
    return Content.assemble(*out)
