"""HTML articles, parsed with selectolax (lexbor).

Title from og:title, else <title> (without a " | Site" suffix), else the first <h1>;
published from `article:published_time` (or a date meta) or the first `<time datetime>`;
source from og:site_name; author from the author meta; url from the canonical link (each
at most `MAX_FIELD_CHARS`, as in a sidecar).

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

from reader.core.article import Article, Block, BlockKind
from reader.core.loaders.byline import take_byline
from reader.core.loaders.metadata import MAX_FIELD_CHARS, parse_date
from reader.core.loaders.plain_paragraphs import collapse as _collapse
from reader.core.loaders.plain_paragraphs import plain_paragraphs
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
PUBLISHED_META = (
    "article:published_time",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
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
# Block tags whose nesting makes the parser scan its whole stack at each new one, as a
# trie-shaped alternation (the regex engine tries alternatives one by one).
_NESTING_NAMES = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dd",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "listing",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "rp",
    "rt",
    "section",
    "summary",
    "ul",
]
_NESTING_TAG = re.compile(
    r"<(/?)(?:a(?:rticle|ddress|side)|blockquote|center|d(?:etails|ialog|ir|iv|d|l|t)"
    r"|f(?:igcaption|ieldset|ooter|igure)|h(?:group|eader)|l(?:isting|i)|m(?:ain|enu)|nav"
    r"|ol|pre|r[pt]|s(?:ummary|ection)|ul)\b[^<>]*>",
    re.IGNORECASE,
)
MAX_NESTING = 200
MAX_NODES = 300_000
_SPACE = re.compile(r"[ \t\n\r\f]+")
_METADATA_TAGS = ("<meta", "<link", "<time", "<title", "<html")  # what `_metadata` reads
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·:]\s+[^|\-–—·:]{1,60}$")


def parse_html(text: str, *, path: str = "", derive: bool = True) -> Article:
    """An `Article` from an HTML document: metadata from the head, blocks from the text.
    `derive=False`: no title is derived from the text when the document has none (a feed
    entry, whose title the feed gives, would throw it away)."""
    meta: dict[str, str] = {}
    h1_text = ""
    found, truncated = _plain_paragraphs(text), False
    if found is None:
        from selectolax.lexbor import LexborHTMLParser  # (~15 ms: only for a tree to read)

        tree = LexborHTMLParser(_flatten_deep_nesting(text))
        low = text.lower()  # no tag the metadata is read from: none to look for (a fragment)
        meta = _metadata(tree) if any(tag in low for tag in _METADATA_TAGS) else {}
        for node in tree.css("script, style"):
            node.decompose()  # before the first h1 is read: its text must not hold scripts
        first_h1 = tree.css_first("h1")
        h1_text = _SPACE.sub(" ", first_h1.text()).strip() if first_h1 is not None else ""
        tree.strip_tags(list(DROP_TAGS))
        candidates = tree.css("article") or tree.css("main")
        root = (
            max(candidates, key=lambda n: len(n.text())) if candidates else tree.body or tree.root
        )
        found, truncated = _blocks(root) if root is not None else ([], False)
    builder = BodyBuilder()
    builder.add_all(found)
    body = builder.body()
    blocks = builder.blocks
    title = _SPACE.sub(" ", meta.get("og_title") or meta.get("title") or h1_text).strip()
    if h1_text and "og_title" not in meta and title.startswith(h1_text):
        title = h1_text  # "<title>Headline | Site Name</title>" with the headline in <h1>
    first = blocks[0] if blocks else None
    headline = body[first.start : first.end] if first is not None else ""
    if first is not None and first.kind == "heading" and headline in (title, h1_text):
        blocks[0] = Block("title", first.start, first.end)
        title = title or headline
    body, blocks, byline = take_byline(body, blocks)
    blocks = mark_opening(body, blocks)
    derived = False
    if not title and derive:
        title = derive_title(first_lede(body, blocks))
        derived = bool(title)
    # Metadata is bounded like a sidecar's: a 5 MB <title> would be a 5 MB headline.
    article = Article(
        title=title[:MAX_FIELD_CHARS], body=body, blocks=blocks, path=path, title_derived=derived
    )
    if truncated:
        article.notices.append(f"HTML over {MAX_NODES:,} elements: the rest is not shown")
    article.source = meta.get("site", "")[:MAX_FIELD_CHARS]
    article.author = (meta.get("author", "") or byline)[:MAX_FIELD_CHARS]
    article.url = meta.get("url", "")[:MAX_FIELD_CHARS]
    article.published = parse_date(meta.get("published", ""))
    lang = meta.get("language", "")
    if lang:
        article.language = lang
    return article


def _plain_paragraphs(text: str) -> list[tuple[BlockKind, str]] | None:
    """A document of bare paragraphs read without a tree (`plain_paragraphs`), or None."""
    return plain_paragraphs(text, MAX_NODES // 2)


def html_text_blocks(fragment: str) -> list[tuple[BlockKind, str]]:
    """The text blocks of an HTML fragment (for raw HTML inside Markdown); tags dropped."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_flatten_deep_nesting(fragment))
    tree.strip_tags(list(DROP_TAGS))
    root = tree.body or tree.root
    return _blocks(root)[0] if root is not None else []


def _flatten_deep_nesting(text: str) -> str:
    """When block tags nest deeper than MAX_NESTING, rewrite them as paragraph breaks from
    there on: lexbor takes quadratic time on deeply nested block tags (50,000 nested divs
    take 3 s, 3 million would take hours)."""
    if len(text) < MAX_NESTING * 5 or text.count("<") <= MAX_NESTING:
        return text  # too short, or too few tags of any kind, to nest that deep
    low = text.lower()
    if sum(low.count("<" + name) for name in _NESTING_NAMES) <= MAX_NESTING:
        return text  # too few block tags to nest that deep: skip the slower scan
    depth = 0
    for close in _NESTING_TAG.findall(text):
        if close:
            depth = depth - 1 if depth else 0
        else:
            depth += 1
            if depth > MAX_NESTING:
                break
    if depth <= MAX_NESTING:
        return text
    depth = 0
    cut = 0
    for match in _NESTING_TAG.finditer(text):
        if match.group(1):
            depth = depth - 1 if depth else 0
        else:
            depth += 1
            if depth > MAX_NESTING:
                cut = match.start()
                break
    # From the first tag too deep on, every block tag is a paragraph break: one C-level
    # substitution (a callback per tag would take seconds on 16 MB of tags).
    return text[:cut] + _NESTING_TAG.sub("<p>", text[cut:])


def _metadata(tree: Any) -> dict[str, str]:
    """Metadata from the <head> (one pass over its meta and link tags), the first
    <time datetime> and the <html lang>."""
    props: dict[str, str] = {}
    head = tree.head
    for node in head.css("meta, link") if head is not None else []:
        attrs = node.attributes
        if node.tag == "link":
            if (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
                props.setdefault("canonical", attrs["href"])
            continue
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        value = (attrs.get("content") or "").strip()
        if key and value:
            props.setdefault(key, value)
    found: dict[str, str] = {}
    for key, names in (
        ("og_title", ("og:title",)),
        ("site", ("og:site_name",)),
        ("published", PUBLISHED_META),
        ("author", ("author", "article:author")),
        ("url", ("canonical", "og:url")),
    ):
        value = next((props[n] for n in names if n in props), "")
        if value:
            found[key] = value
    if "published" not in found:
        time_node = tree.css_first("time[datetime]")
        if time_node is not None and (time_node.attributes.get("datetime") or "").strip():
            found["published"] = (time_node.attributes.get("datetime") or "").strip()
    html_node = tree.css_first("html")
    lang = (html_node.attributes.get("lang") or "") if html_node is not None else ""
    if lang.strip():
        found["language"] = lang.strip()
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


def _blocks(root: Any) -> tuple[list[tuple[BlockKind, str]], bool]:
    """Text blocks in document order, and whether the walk stopped at MAX_NODES.

    The walk is iterative (nesting is unbounded): text is collected until a block tag
    opens or closes, then flushed as one block."""
    out: list[tuple[BlockKind, str]] = []
    parts: list[str] = []
    heading_depth = 0
    pre_depth = 0
    collapse = _collapse

    def flush() -> None:
        joined = "".join(parts).strip()
        parts.clear()
        if joined:
            out.append(("heading" if heading_depth else "paragraph", joined))

    root_id = root.mem_id
    budget = MAX_NODES
    node = root.child
    while node is not None:
        budget -= 1
        if budget < 0:
            break
        tag = node.tag
        if tag == "-text":
            value = node.text_content or ""
            parts.append(value if pre_depth else collapse(value))
        elif tag in BLOCK_TAGS:
            if parts:
                flush()
            heading_depth += tag in HEADING_TAGS
            pre_depth += tag == "pre"
        elif tag == "br":
            parts.append("\n")
        child = node.child
        if child is not None:
            node = child
            continue
        while True:  # leave `node`, then its ancestors until one has a next sibling
            if tag in BLOCK_TAGS:
                if parts:
                    flush()
                heading_depth -= tag in HEADING_TAGS
                pre_depth -= tag == "pre"
            following = node.next
            if following is not None:
                node = following
                break
            node = node.parent
            if node is None or node.mem_id == root_id:
                node = None
                break
            tag = node.tag
    if parts:
        flush()
    return out, budget < 0
