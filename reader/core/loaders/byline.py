"""Bylines: a short paragraph near the top that only says who wrote the article ("By Jane
Doe", "By JANE DOE, Reuters", "By Ann Lee and Bo Park") is taken out of the body and becomes
the article's author ("Jane Doe", "Jane Doe, Reuters"). Only whole paragraphs among the first
few blocks are taken, and only when every word after "By" is a capitalised name word or a
connector: "By Tuesday, the council had voted." is a sentence, not a byline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.article import Block
from reader.core.loaders.structure import is_date_line

_LOOK_AT = 4  # blocks from the top
_MAX_CHARS = 100
_MAX_WORDS = 12
_BY = re.compile(r"^(?:by|BY|By)[ \t]+(.+?)[ \t]*$")
_CONNECTORS = frozenset({"and", "&", "de", "da", "van", "von", "der", "den", "del", "la", "le"})
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$|^[A-Z]\.$")


def _is_name_words(text: str) -> bool:
    words = text.replace(",", " , ").split()
    names = [w for w in words if w not in _CONNECTORS and w != ","]
    if not names or len(words) > _MAX_WORDS:
        return False
    return all(w in _CONNECTORS or w == "," or _NAME_WORD.match(w) for w in words)


def _as_written(names: str) -> str:
    """ALL-CAPS names in title case ("JANE DOE" → "Jane Doe"); others as written."""
    out = []
    for part in names.split(","):
        part = " ".join(part.split())
        if part.isupper():
            part = " ".join(w if w in ("&",) else w.capitalize() for w in part.split())
            part = part.replace(" And ", " and ")
        out.append(part)
    return ", ".join(p for p in out if p)


def byline_author(text: str) -> str:
    """The author a byline paragraph names, or "" if `text` is not a byline."""
    line = " ".join(text.split())
    if len(line) > _MAX_CHARS:
        return ""
    match = _BY.match(line)
    if match is None:
        return ""
    names = match.group(1).rstrip(".")
    if not _is_name_words(names) or is_date_line(names):
        return ""
    return _as_written(names)


def take_byline(body: str, blocks: Sequence[Block]) -> tuple[str, list[Block], str]:
    """`body` and `blocks` without the byline paragraph (if there is one near the top), and
    the author it names ("" and everything unchanged when there is none)."""
    out = list(blocks)
    for i, block in enumerate(out[:_LOOK_AT]):
        if block.kind != "paragraph":
            continue
        author = byline_author(body[block.start : block.end])
        if not author:
            continue
        cut_end = out[i + 1].start if i + 1 < len(out) else len(body)
        cut_start = block.start if i + 1 < len(out) else out[i - 1].end if i else 0
        gone = cut_end - cut_start
        new_body = body[:cut_start] + body[cut_end:]
        shifted = [
            b if b.end <= cut_start else Block(b.kind, b.start - gone, b.end - gone)
            for j, b in enumerate(out)
            if j != i
        ]
        return new_body, shifted, author
    return body, out, ""
