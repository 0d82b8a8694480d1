"""Bare `<p>` paragraphs of plain text (a feed entry, mostly) read without building an HTML
tree: the same blocks `html._blocks` reads from lexbor's tree of them, found by str
searches. Kept apart from `html.py`, which reads every other document."""

from __future__ import annotations

import re

from reader.core.article import BlockKind

# The same collapse as `_SPACE` with " ", but a lone space (most of them) is not a match.
_SPACE_RUN = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_PLAIN = r"(?:[^<&\0\r]++|&(?:amp|lt|gt|quot|#39|#x27);)*+"
_PLAIN_TEXT = re.compile(_PLAIN)
PLAIN_DOCUMENT = re.compile(rf"[ \t\n\f]*+(?:<p>{_PLAIN}</p>[ \t\n\f]*+)++")
PLAIN_PARAGRAPH = re.compile(rf"<p>({_PLAIN})</p>")
_BLANKS = " \t\n\f"  # what `PLAIN_DOCUMENT` allows between paragraphs
# "&amp;" last: "&amp;lt;" is the text "&lt;".
_COMMON_ENTITIES = (
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", '"'),
    ("&#39;", "'"),
    ("&#x27;", "'"),
    ("&amp;", "&"),
)


def plain_paragraphs(text: str, limit: int) -> list[tuple[BlockKind, str]] | None:
    """The blocks of a document that is only bare `<p>` paragraphs of plain text, or plain
    text without a tag (a feed entry, mostly), read without building a tree: the same blocks `_blocks` reads from
    lexbor's tree of it. None for anything else (any other tag, an attribute, an entity
    other than the five common ones, a NUL or a CR), which the parser reads."""
    if "<" not in text:  # text without a tag: one paragraph, if it is plain
        values = [text] if _PLAIN_TEXT.fullmatch(text) and not text.startswith("\ufeff") else []
    else:
        values = bare_paragraphs(text)
    if not values:
        return None
    out: list[tuple[BlockKind, str]] = []
    for value in values:
        if "&" in value:
            for entity, char in _COMMON_ENTITIES:
                value = value.replace(entity, char)
        value = collapse(value).strip()
        if value:
            out.append(("paragraph", value))
    return out if len(out) < limit else None


def bare_paragraphs(text: str) -> list[str]:
    """`PLAIN_PARAGRAPH.findall(text)` if `PLAIN_DOCUMENT.fullmatch(text)`, else [], read
    by str searches, which run at memory speed where the two regex scans took a fifth of
    reading a feed entry: when every "<" opens a `<p>` or a `</p>` and every "&" one of the
    five entities, the document is bare paragraphs if each `<p>` is closed before the next
    and only blanks lie between them."""
    if "\0" in text or "\r" in text:
        return []
    opens, closes = text.count("<p>"), text.count("</p>")
    if not opens or opens != closes or text.count("<") != opens + closes:
        return []
    if "&" in text and text.count("&") != sum(text.count(e) for e, _ in _COMMON_ENTITIES):
        return []
    first, *parts = text.split("<p>")
    if first.strip(_BLANKS):
        return []
    values: list[str] = []
    for part in parts:
        value, _, rest = part.partition("</p>")
        if len(value) == len(part) or rest.strip(_BLANKS):
            return []  # not closed, or text between paragraphs
        values.append(value)
    return values


def collapse(value: str) -> str:
    """`_SPACE.sub(" ", value)`, cheaply: a str search first (most text has nothing to
    collapse, and a regex scan of it cost a third of reading a feed entry)."""
    if "  " in value or "\n" in value or "\t" in value or "\r" in value or "\f" in value:
        return _SPACE_RUN.sub(" ", value)
    return value
