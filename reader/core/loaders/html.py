"""HTML articles, parsed with selectolax (lexbor).

Title from og:title, else <title> (without a " | Site" suffix), else the first <h1>;
published from `article:published_time` (or a date meta) or the first `<time datetime>`;
source from og:site_name; author from the author meta; url from the canonical link.

The text: script, style, noscript, template, nav, header, footer, aside, form, iframe, svg
and button are dropped; the <article> (else <main>, else <body>) is read in document order,
h1–h6 become heading blocks and every other block of text (p, li, blockquote, pre,
figcaption, and text loose in a div) a paragraph; the body is the blocks joined by blank
lines. The walk is iterative, and very deep nesting of block tags (which makes the parser
itself quadratic) is flattened before parsing, so no document hangs the loader.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from reader.core.article import Article, Block, BlockKind
from reader.core.loaders.metadata import parse_date
from reader.core.loaders.structure import BodyBuilder, derive_title, first_lede, mark_opening

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "head",
    "title",
    "object",
    "select",
    "textarea",
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = HEADING_TAGS | frozenset(
    [
        "p",
        "li",
        "blockquote",
        "pre",
        "figcaption",
        "div",
        "section",
        "article",
        "main",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "address",
        "details",
        "summary",
        "center",
        "hr",
        "fieldset",
        "legend",
    ]
)
# Block tags whose nesting makes the parser scan its whole stack at each new one.
_NESTING_TAGS = (
    "address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|figcaption"
    "|figure|footer|header|hgroup|listing|main|menu|nav|ol|pre|rp|rt|section|summary|ul|li|dd|dt"
)
_NESTING_TAG = re.compile(rf"<(/?)(?:{_NESTING_TAGS})\b[^<>]*>", re.IGNORECASE)
MAX_NESTING = 200
_SPACE = re.compile(r"[ \t\n\r\f]+")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·:]\s+[^|\-–—·:]{1,60}$")


def parse_html(text: str, *, path: str = "") -> Article:
    """An `Article` from an HTML document: metadata from the head, blocks from the text."""
    tree = LexborHTMLParser(_flatten_deep_nesting(text))
    meta = _metadata(tree)
    for node in tree.css("script, style"):
        node.decompose()  # before the first h1 is read: its text must not hold scripts
    first_h1 = tree.css_first("h1")
    h1_text = _SPACE.sub(" ", first_h1.text()).strip() if first_h1 is not None else ""
    tree.strip_tags(list(DROP_TAGS))
    candidates = tree.css("article") or tree.css("main")
    root = max(candidates, key=lambda n: len(n.text())) if candidates else tree.body or tree.root
    builder = BodyBuilder()
    if root is not None:
        for kind, block_text in _blocks(root):
            builder.add(kind, block_text)
    body = builder.body()
    blocks = builder.blocks
    title = meta.get("og_title") or meta.get("title") or h1_text
    title = _SPACE.sub(" ", title).strip()
    if (
        blocks
        and blocks[0].kind == "heading"
        and body[blocks[0].start : blocks[0].end]
        in (
            title,
            h1_text,
        )
    ):
        blocks[0] = Block("title", blocks[0].start, blocks[0].end)
        title = title or body[blocks[0].start : blocks[0].end]
    blocks = mark_opening(body, blocks)
    derived = False
    if not title:
        title = derive_title(first_lede(body, blocks))
        derived = bool(title)
    article = Article(title=title, body=body, blocks=blocks, path=path, title_derived=derived)
    article.source = meta.get("site", "")
    article.author = meta.get("author", "")
    article.url = meta.get("url", "")
    article.published = parse_date(meta.get("published", ""))
    lang = meta.get("language", "")
    if lang:
        article.language = lang
    return article


def html_text_blocks(fragment: str) -> list[tuple[BlockKind, str]]:
    """The text blocks of an HTML fragment (for raw HTML inside Markdown); tags dropped."""
    tree = LexborHTMLParser(_flatten_deep_nesting(fragment))
    tree.strip_tags(list(DROP_TAGS))
    root = tree.body or tree.root
    return list(_blocks(root)) if root is not None else []


def _flatten_deep_nesting(text: str) -> str:
    """Rewrite block tags nested deeper than MAX_NESTING as paragraph breaks: lexbor takes
    quadratic time on deeply nested block tags (50,000 nested divs take seconds)."""
    if len(text) < MAX_NESTING * 5:
        return text
    depth = 0
    deepest = 0
    for match in _NESTING_TAG.finditer(text):
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            break
    if deepest <= MAX_NESTING:
        return text
    depth = 0

    def rewrite(match: re.Match[str]) -> str:
        nonlocal depth
        if match.group(1):
            depth = max(depth - 1, 0)
            return match.group() if depth < MAX_NESTING else "<br>"
        depth += 1
        return match.group() if depth <= MAX_NESTING else "<p>"

    return _NESTING_TAG.sub(rewrite, text)


def _metadata(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}

    def meta(selector: str, key: str, attr: str = "content") -> None:
        if key in found:
            return
        node = tree.css_first(selector)
        value = node.attributes.get(attr) if node is not None else None
        if value and value.strip():
            found[key] = value.strip()

    meta('meta[property="og:title"]', "og_title")
    meta('meta[property="og:site_name"]', "site")
    meta('meta[property="article:published_time"]', "published")
    for name in ("date", "pubdate", "publishdate", "dc.date", "DC.date.issued"):
        meta(f'meta[name="{name}"]', "published")
    meta("time[datetime]", "published", "datetime")
    meta('meta[name="author"]', "author")
    meta('meta[property="article:author"]', "author")
    meta('link[rel="canonical"]', "url", "href")
    meta('meta[property="og:url"]', "url")
    meta("html[lang]", "language", "lang")
    title_node = tree.css_first("title")
    if title_node is not None:
        title = _SPACE.sub(" ", title_node.text()).strip()
        site = found.get("site", "")
        suffix = _TITLE_SUFFIX.search(title)
        if site and suffix and site.lower() in suffix.group().lower():
            title = title[: suffix.start()]
        if title:
            found["title"] = title
    if "language" in found:
        found["language"] = found["language"].split("-")[0].lower()[:8]
    return found


def _blocks(root: Any) -> list[tuple[BlockKind, str]]:
    """Text blocks in document order, by an iterative walk (no recursion: nesting is
    unbounded). Text is collected until a block tag opens or closes, then flushed."""
    out: list[tuple[BlockKind, str]] = []
    parts: list[str] = []
    heading_depth = 0
    pre_depth = 0

    def flush() -> None:
        if parts:
            joined = "".join(parts).strip()
            parts.clear()
            if joined:
                out.append(("heading" if heading_depth else "paragraph", joined))

    def enter(node: Any) -> None:
        nonlocal heading_depth, pre_depth
        tag = node.tag
        if tag == "-text":
            value = node.text_content or ""
            parts.append(value if pre_depth else _SPACE.sub(" ", value))
        elif tag == "br":
            parts.append("\n")
        elif tag in BLOCK_TAGS:
            flush()
            heading_depth += tag in HEADING_TAGS
            pre_depth += tag == "pre"

    def leave(node: Any) -> None:
        nonlocal heading_depth, pre_depth
        tag = node.tag
        if tag in BLOCK_TAGS:
            flush()
            heading_depth -= tag in HEADING_TAGS
            pre_depth -= tag == "pre"

    node = root.child
    while node is not None:
        enter(node)
        child = node.child
        if child is not None:
            node = child
            continue
        leave(node)
        while node is not None and node.next is None:
            node = node.parent
            if node is None or node.mem_id == root.mem_id:
                node = None
                break
            leave(node)
        if node is not None:
            node = node.next
    flush()
    return out
