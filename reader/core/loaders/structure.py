"""Structure heuristics shared by the loaders: headlines, datelines, section headings,
derived titles, and a builder for bodies made of joined blocks.

The rules are general for English news text. Every pattern is anchored and bounded (it looks
at a short prefix or a short line), so nothing here is worse than linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.article import Block, BlockKind

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
HEADING_MAX_WORDS = 20
HEADING_MAX_CHARS = 150
DERIVED_TITLE_MAX_CHARS = 90

# Characters that close a sentence or a clause: a line ending in one is not a heading.
CLOSING = ".!?…:;,”\"’')]»"
SENTENCE_FINAL = ".!…"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE_LINE = re.compile(
    r"(?:(?:Published|Updated|Posted|Last\s+updated)(?:\s+on)?:?\s+)?"
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?",
    re.IGNORECASE,
)
# "GYEONGJU, South Korea –", "WASHINGTON (Reuters) -", "LONDON —", "Taipei, Taiwan —",
# "NEW YORK, Oct. 29 (AP) --". The place words are capitalised; a dash with a space after
# it ends the dateline, and the lede starts with a capital, a digit or a quote.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,3})"
    r"(?P<parts>(?:,[ \t]*[A-Z0-9][\w.'’-]*(?:[ \t]+[A-Z0-9][\w.'’-]*){0,3}){0,2})"
    r"(?P<agency>[ \t]*\([A-Z][^()\n]{0,30}\))?"
    r"[ \t]*(?:--|[-–—―])[ \t]+(?=[A-Z0-9\"“‘'(])"
)
_SENTENCE_BREAK = re.compile(r"[a-z]{2,}[.!?][\"”’]?\s+[A-Z\"“]")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bMrs)[.!?][\"”’]?(?=\s|$)")
_BYLINE = re.compile(r"By[ \t]+[A-Z]")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "during",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "with",
    ]
)
_ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Ms",
        "Dr",
        "St",
        "Jr",
        "Sr",
        "Gen",
        "Sen",
        "Rep",
        "Gov",
        "Lt",
        "Col",
        "Sgt",
        "Capt",
        "Prof",
        "Inc",
        "Co",
    ]
)


def is_date_line(text: str) -> bool:
    """A line that is only a date, as news sites print under the headline:
    "Sunday, May 17, 2015", "17 May 2015", "Updated: Oct. 29, 2025 at 10:04 a.m. EDT"."""
    if len(text) > 80:
        return False
    return _DATE_LINE.fullmatch(text.strip()) is not None


def find_dateline(text: str) -> tuple[int, int] | None:
    """A dateline opening a lede: (end of the dateline words, start of the lede), or None."""
    match = _DATELINE.match(text[:160])
    if match is None:
        return None
    place = match.group("place")
    first = place.split()[0]
    all_caps = sum(c.isalpha() for c in first) >= 2 and first.upper() == first
    if not (all_caps or match.group("parts") or match.group("agency")):
        return None
    words_end = match.end("agency") if match.group("agency") else match.end("parts")
    words_end = max(words_end, match.end("place"))
    return words_end, match.end()


def is_headline(line: str, following: str | None, blank_after: bool) -> bool:
    """Whether the first line of a plain-text article is its headline."""
    if following is None or len(line) > HEADLINE_MAX_CHARS:
        return False
    words = line.split()
    if not words or len(words) > HEADLINE_MAX_WORDS or not any(c.isalpha() for c in line):
        return False
    if find_dateline(line) is not None or is_date_line(line):
        return False
    if line[-1] not in SENTENCE_FINAL + "?:;,":
        return True
    return blank_after and len(line) * 2 < len(following)


def is_heading_candidate(line: str) -> bool:
    """A short line that reads as a section heading: no closing punctuation, starts with a
    capital or a digit, one sentence, not a date, byline or address."""
    if len(line) > HEADING_MAX_CHARS or not line:
        return False
    if line[-1] in CLOSING or not (line[0].isupper() or line[0].isdigit()):
        return False
    words = line.split()
    if len(words) > HEADING_MAX_WORDS or not any(c.isalpha() for c in line):
        return False
    if _SENTENCE_BREAK.search(line) or "://" in line or line.startswith("www."):
        return False
    if _BYLINE.match(line) and len(words) <= 8:
        return False
    return not is_date_line(line)


def derive_title(text: str) -> str:
    """A short title from a lede: its first sentence's main clause (`headline.main_clause`:
    asides dropped, trimmed at a clause boundary), or that cut at a word boundary to at most
    90 characters with '…' (without a dangling "the", "of", ...)."""
    from reader.core.loaders.headline import main_clause

    head = " ".join(text[:1000].split())
    sentence = head
    for match in _SENTENCE_END.finditer(head):
        if head[: match.start()].rsplit(" ", 1)[-1] not in _ABBREVIATIONS:
            sentence = head[: match.start() + (0 if match.group()[0] == "." else 1)]
            break
    sentence = main_clause(sentence, DERIVED_TITLE_MAX_CHARS)
    if len(sentence) <= DERIVED_TITLE_MAX_CHARS:
        return sentence
    limit = DERIVED_TITLE_MAX_CHARS - 1
    words = sentence[:limit].split(" ")
    if sentence[limit] != " ":
        words.pop()  # the last word was cut
    while words and (words[-1].lower() in _STOPWORDS or not words[-1].strip(",;:–—-")):
        words.pop()
    cut = " ".join(words).rstrip(",;:–—- ") or sentence[:limit]
    return cut + "…"


def mark_opening(body: str, blocks: Sequence[Block]) -> list[Block]:
    """Datelines at the top of an article: a date-only line right after the title becomes a
    `dateline` block, and a dateline opening the first paragraph ("LONDON —") is split off
    as a `dateline` block (the words, not the dash) followed by the rest of the paragraph."""
    out = list(blocks)
    i = 0
    while i < len(out) and out[i].kind in ("title", "heading") and i < 2:
        i += 1
    if i < len(out) and out[i].kind == "paragraph":
        block = out[i]
        if is_date_line(body[block.start : block.end]):
            out[i] = Block("dateline", block.start, block.end)
            i += 1
    if i < len(out) and out[i].kind == "paragraph":
        block = out[i]
        found = find_dateline(body[block.start : min(block.end, block.start + 160)])
        if found is not None:
            words_end, lede = found
            if block.start + lede < block.end:
                out[i : i + 1] = [
                    Block("dateline", block.start, block.start + words_end),
                    Block("paragraph", block.start + lede, block.end),
                ]
    return out


def first_lede(body: str, blocks: Sequence[Block]) -> str:
    """The text of the first paragraph block (after any dateline), for a derived title."""
    for block in blocks:
        if block.kind == "paragraph":
            return body[block.start : block.end]
    return ""


@dataclass
class BodyBuilder:
    """Builds a body from block texts joined by blank lines, recording each block's span."""

    parts: list[str]
    blocks: list[Block]
    length: int = 0

    def __init__(self) -> None:
        self.parts = []
        self.blocks = []
        self.length = 0

    def add(self, kind: BlockKind, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.parts.append(text)
        self.blocks.append(Block(kind, self.length, self.length + len(text)))
        self.length += len(text)

    def add_all(self, found: Iterable[tuple[BlockKind, str]]) -> None:
        """`add` for each (kind, text), in one loop (a feed of 1,000 entries has ~12,000
        blocks: the calls were a sixth of reading its entries)."""
        parts, blocks, length = self.parts, self.blocks, self.length
        for kind, raw in found:
            text = raw.strip()
            if not text:
                continue
            if parts:
                parts.append("\n\n")
                length += 2
            parts.append(text)
            end = length + len(text)
            blocks.append(Block(kind, length, end))
            length = end
        self.length = length

    def body(self) -> str:
        return "".join(self.parts)
