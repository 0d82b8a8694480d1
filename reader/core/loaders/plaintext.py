"""Plain-text articles.

`body` is the decoded text exactly (line endings normalised, BOM dropped), so offsets line
up with the file, less a byline paragraph near the top ("By Jane Doe", `byline.py`), which
becomes the author; blocks are spans of it, stripped of surrounding whitespace.

- Paragraphs are lines: separated by blank lines or by single newlines. Text hard-wrapped
  at a fixed width (most lines near one width, blank lines between paragraphs) is reflowed:
  a full-width line continues on the next line.
- The first line is the headline (`title` block) when it is short and has no
  sentence-final punctuation, or when a blank line follows and it is much shorter than the
  next paragraph. Otherwise it is the lede: the title is derived from its first sentence
  (`title_derived=True`) and the line stays a paragraph.
- A date-only line after the headline, and a dateline opening the first paragraph
  ("LONDON —"), become `dateline` blocks.
- Section headings: short lines with no closing punctuation that start with a capital or a
  digit, after the opening. Three or more such lines in a row are a list, not headings, and
  the last line of the text is never a heading.
"""

from __future__ import annotations

import itertools

from reader.core.article import Article, Block
from reader.core.loaders.byline import take_byline
from reader.core.loaders.structure import (
    derive_title,
    first_lede,
    is_heading_candidate,
    is_headline,
    mark_opening,
)

_WRAP_MAX_WIDTH = 120
_SENTENCE_ENDS = '.!?"”’'


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, stripped of surrounding whitespace; a blank line is
    recorded as (-1, -1) (consecutive blank lines as one)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        elif spans and spans[-1] != (-1, -1):
            spans.append((-1, -1))
        if nl < 0:
            break
        pos = nl + 1
    return spans


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int:
    """The width a hard-wrapped text was wrapped at, or 0 when it is not hard-wrapped: its
    lines are at most 120 wide, nearly every line break inside a paragraph was forced (the
    next word would not have fit on the line), and most lines do not end a sentence."""
    widths = [e - s for s, e in lines if s >= 0]
    if len(widths) < 4 or max(widths) > _WRAP_MAX_WIDTH:
        return 0
    width = max(widths)
    forced = natural = sentence_ends = 0
    for (s, e), (s2, e2) in itertools.pairwise(lines):
        if s < 0 or s2 < 0:
            continue
        if _forced(text, e - s, s2, e2, width):
            forced += 1
        else:
            natural += 1
        sentence_ends += text[e - 1] in _SENTENCE_ENDS
    if 2 * sentence_ends > forced + natural:
        return 0  # most lines end a sentence: one paragraph per line, not wrapped prose
    return width if forced >= 3 and forced >= 3 * natural else 0


def _forced(text: str, length: int, next_start: int, next_end: int, width: int) -> bool:
    """Whether a line of `length` was broken because the next line's first word did not fit."""
    space = text.find(" ", next_start, next_end)
    first_word = (space if space >= 0 else next_end) - next_start
    return length + 1 + first_word > width


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Paragraph spans with whether a blank line follows each."""
    lines = _lines(text)
    width = _wrap_width(text, lines)
    out: list[tuple[int, int, bool]] = []
    joining = False
    for i, (s, e) in enumerate(lines):
        if s < 0:
            if out:
                out[-1] = (out[-1][0], out[-1][1], True)
            joining = False
            continue
        if joining and out:
            out[-1] = (out[-1][0], e, False)
        else:
            out.append((s, e, False))
        nxt = lines[i + 1] if i + 1 < len(lines) else (-1, -1)
        joining = bool(width) and nxt[0] >= 0 and _forced(text, e - s, nxt[0], nxt[1], width)
    return out


def parse_plaintext(text: str, *, path: str = "") -> Article:
    """An `Article` whose body is `text` itself, with its structure found by the rules above."""
    segments = _segments(text)
    blocks = [Block("paragraph", s, e) for s, e, _ in segments]
    text, _blocks, author = take_byline(text, blocks)
    if author:  # the byline's paragraph is gone: read the rest afresh
        segments = _segments(text)
        blocks = [Block("paragraph", s, e) for s, e, _ in segments]
    title = ""
    derived = False
    if segments:
        s, e, blank_after = segments[0]
        following = text[segments[1][0] : segments[1][1]] if len(segments) > 1 else None
        if is_headline(text[s:e], following, blank_after):
            blocks[0] = Block("title", s, e)
            title = text[s:e]
    blocks = mark_opening(text, blocks)
    _mark_headings(text, blocks)
    if not title:
        title = derive_title(first_lede(text, blocks))
        derived = bool(title)
    article = Article(title=title, body=text, blocks=blocks, path=path, title_derived=derived)
    article.author = author
    return article


def _mark_headings(text: str, blocks: list[Block]) -> None:
    """Turn heading-like paragraphs into `heading` blocks, in place."""
    opening = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), len(blocks))
    candidates = [
        i > opening
        and b.kind == "paragraph"
        and i < len(blocks) - 1
        and is_heading_candidate(text[b.start : b.end])
        for i, b in enumerate(blocks)
    ]
    i = 0
    while i < len(blocks):
        if not candidates[i]:
            i += 1
            continue
        j = i
        while j < len(blocks) and candidates[j]:
            j += 1
        if j - i <= 2:
            for k in range(i, j):
                blocks[k] = Block("heading", blocks[k].start, blocks[k].end)
        i = j
