"""Markdown articles, parsed with markdown-it-py (CommonMark plus tables and strikethrough).

Optional front matter between `---` lines holds simple `key: value` lines (title, source,
published, url, author, language; other keys and indented/list lines are ignored). It is
parsed here, without a YAML dependency; malformed front matter gives a notice and the whole
text is read as Markdown.

The body is the block texts joined by blank lines, with inline markup removed: link text,
image alt text and code are kept. Headings become heading blocks; the first `# h1` is the
title block when the front matter gives no title; each list item, blockquote paragraph and
code block is a paragraph; a table gives one paragraph per row, cells joined by " | ";
raw HTML is reduced to its text (scripts and styles dropped), never kept as tags.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from reader.core.article import Article, Block
from reader.core.loaders.byline import take_byline
from reader.core.loaders.html import html_text_blocks
from reader.core.loaders.metadata import apply_metadata
from reader.core.loaders.plaintext import parse_plaintext
from reader.core.loaders.structure import BodyBuilder, derive_title, first_lede, mark_opening

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Larger or markup-dense texts are read as plain text: markdown-it-py is linear but slow on
# some inputs (~12 µs per character on a run of "["), so 16 MB would take minutes.
MAX_MARKDOWN_CHARS = 512 * 1024
MAX_MARKUP_SHARE = 0.25
_MARKUP_CHARS = re.compile(r"[\[\]*_`<&\\]")
FRONT_MATTER_KEYS = frozenset({"title", "source", "published", "url", "author", "language"})
MAX_FRONT_MATTER_LINES = 200
_KEY_LINE = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?")
_SKIPPED_INLINE_HTML = re.compile(r"<(/?)(script|style)\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]{2,}")

_NOT_ALNUM = re.compile(r"[\W_]")


@functools.cache
def _parser() -> MarkdownIt:
    """The Markdown parser, built on first use: markdown-it takes ~45 ms to import, which
    every command reading a feed or an HTML file would otherwise pay (`loaders` imports
    this module)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def parse_front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """(fields, the text after the front matter, notices). Without front matter: ({}, text,
    []); when it is malformed: ({}, text, [notice]) so the whole text is read as Markdown."""
    if not text.startswith("---\n"):
        return {}, text, []
    fields: dict[str, str] = {}
    pos = 4
    for count in range(MAX_FRONT_MATTER_LINES):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        stripped = line.strip()
        if stripped in ("---", "..."):
            return fields, "" if nl < 0 else text[nl + 1 :], []
        if nl < 0:
            break
        pos = nl + 1
        if not stripped or stripped.startswith("#") or line[0] in " \t" or line[0] == "-":
            continue  # blank, comment, or a continuation/list line of a key we ignore
        match = _KEY_LINE.fullmatch(line.rstrip())
        if match is None:
            return {}, text, [f"front matter line {count + 2} is not 'key: value'; read as text"]
        key = match.group(1).lower()
        if key in FRONT_MATTER_KEYS:
            fields[key] = _unquote((match.group(2) or "").strip())
    return {}, text, ["front matter is not closed by '---'; read as text"]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_markdown(text: str, *, path: str = "") -> Article:
    """An `Article` from Markdown text; the body is the text without its markup."""
    fields, source, notices = parse_front_matter(text)
    if len(source) > MAX_MARKDOWN_CHARS:
        return _as_plaintext(source, path, fields, notices, "Markdown over 512 KiB")
    if len(_MARKUP_CHARS.findall(source)) > MAX_MARKUP_SHARE * len(source):
        return _as_plaintext(source, path, fields, notices, "Markdown this dense in markup")
    builder = BodyBuilder()
    title_index = -1
    try:
        tokens = _parser().parse(source)
    except RecursionError:
        return _as_plaintext(source, path, fields, notices, "Markdown nested this deeply")
    row: list[str] = []
    in_row = False
    heading = ""  # the tag of the heading being read
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = token.tag
        elif kind == "heading_close":
            heading = ""
        elif kind == "tr_open":
            row, in_row = [], True
        elif kind == "tr_close":
            in_row = False
            builder.add("paragraph", " | ".join(row))
        elif kind == "inline":
            value = _inline_text(token.children or [])
            if in_row:
                row.append(value)
            elif heading:
                if heading == "h1" and title_index < 0 and "title" not in fields:
                    title_index = len(builder.blocks)
                builder.add("heading", value)
            else:
                builder.add("paragraph", value)
        elif kind in ("fence", "code_block"):
            builder.add("paragraph", token.content)
        elif kind == "html_block":
            for block_kind, block_text in html_text_blocks(token.content):
                builder.add(block_kind, block_text)
    body = builder.body()
    if _alnum(body) < 0.3 * _alnum(source):
        # markdown-it drops what is nested deeper than its limit: keep the words instead.
        return _as_plaintext(source, path, fields, notices, "Markdown nested this deeply")
    blocks = builder.blocks
    title = ""
    if 0 <= title_index < len(blocks) and blocks[title_index].kind == "heading":
        b = blocks[title_index]
        blocks[title_index] = Block("title", b.start, b.end)
        title = body[b.start : b.end]
    body, blocks, byline = take_byline(body, blocks)
    blocks = mark_opening(body, blocks)
    article = Article(title=title, body=body, blocks=blocks, path=path, notices=notices)
    article.author = byline
    apply_metadata(article, dict(fields), "front matter")
    if not article.title:
        article.title = derive_title(first_lede(body, blocks))
        article.title_derived = bool(article.title)
    return article


def _as_plaintext(
    text: str, path: str, fields: dict[str, str], notices: list[str], why: str
) -> Article:
    article = parse_plaintext(text, path=path)
    article.notices[:0] = [*notices, f"{why} is read as plain text"]
    apply_metadata(article, dict(fields), "front matter")
    return article


def _alnum(text: str) -> int:
    return len(text) - len(_NOT_ALNUM.findall(text))


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    skipping = 0
    for child in children:
        kind = child.type
        if kind == "html_inline":
            match = _SKIPPED_INLINE_HTML.match(child.content)
            if match:
                skipping = max(skipping + (-1 if match.group(1) else 1), 0)
            continue
        if skipping:
            continue
        if kind in ("text", "code_inline") or kind == "image":
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
    return _SPACES.sub(" ", "".join(parts))
