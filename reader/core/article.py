"""The one structure every loader produces and every other part reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "dateline", "heading", "paragraph"]


@dataclass(frozen=True, slots=True)
class Block:
    """A span of `Article.body`: `body[start:end]` is the block's text."""

    kind: BlockKind
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """An article as read from a file, a feed entry or the library.

    `body` is the whole readable text (for plain text, the file's text with line endings
    normalised); every offset anywhere in Broadsheet indexes it. `blocks` give its structure.
    """

    title: str
    body: str
    blocks: list[Block] = field(default_factory=list)
    source: str = ""
    published: dt.date | None = None
    url: str = ""
    author: str = ""
    path: str = ""
    language: str = "en"
    title_derived: bool = False
    notices: list[str] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        return [self.body[b.start : b.end] for b in self.blocks if b.kind == "heading"]

    @property
    def paragraphs(self) -> list[str]:
        return [self.body[b.start : b.end] for b in self.blocks if b.kind == "paragraph"]

    @property
    def dateline(self) -> str:
        return next((self.body[b.start : b.end] for b in self.blocks if b.kind == "dateline"), "")

    @property
    def content_hash(self) -> str:
        import hashlib  # (not at start-up: the app lists and reads without hashing)

        return hashlib.sha256(self.body.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def word_count(self) -> int:
        return len(self.body.split())
